import { describe, expect, it } from 'vitest';
import { ADVARSEL, ASSISTENT, BRUDD, VAKT, capitalise, count, numberWord } from './words';

describe('count', () => {
  it('says "ingen" for zero, with the plural', () => {
    expect(count(0, VAKT)).toBe('ingen vakter');
    expect(count(0, BRUDD)).toBe('ingen brudd');
  });

  it('uses "ett" for one of a neuter noun and "én" otherwise', () => {
    expect(count(1, BRUDD)).toBe('ett brudd');
    expect(count(1, ADVARSEL)).toBe('én advarsel');
  });

  it('writes small numbers as words and larger ones as digits', () => {
    expect(count(3, ASSISTENT)).toBe('tre assistenter');
    expect(count(12, VAKT)).toBe('tolv vakter');
    expect(count(38, VAKT)).toBe('38 vakter');
  });

  it('groups thousands the Norwegian way', () => {
    expect(numberWord(3120)).toMatch(/^3\s120$/);
  });
});

describe('words in sentences', () => {
  it('capitalises the first letter, also a Norwegian one', () => {
    expect(capitalise('én vakt')).toBe('Én vakt');
    expect(capitalise('åtte vakter')).toBe('Åtte vakter');
  });
});
