import { describe, expect, it } from 'vitest';
import { dictionary } from './dictionary';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('the dictionary', () => {
  it('has every bokmål text in English too, and nothing more', () => {
    expect(Object.keys(dictionary.en).sort()).toEqual(Object.keys(dictionary.nb).sort());
  });
  it('has no empty text in either language', () => {
    for (const language of ['nb', 'en'] as const) {
      const empty = Object.entries(dictionary[language]).filter(([, text]) => text.trim() === '');
      expect(empty, `${language} has empty texts`).toEqual([]);
    }
  });
  it('uses the same placeholders in both languages', () => {
    const differ = Object.keys(dictionary.nb).filter(
      (key) => placeholders(dictionary.nb[key as keyof typeof dictionary.nb]).join() !== placeholders(dictionary.en[key as keyof typeof dictionary.en]).join(),
    );
    expect(differ).toEqual([]);
  });
  it('really translates: an English text equal to the bokmål one is a name or a code', () => {
    const same = Object.keys(dictionary.nb).filter((key) => dictionary.nb[key as keyof typeof dictionary.nb] === dictionary.en[key as keyof typeof dictionary.en]);
    expect(same.sort()).toEqual(['field.status', 'history.byWhen', 'keys.copy', 'keys.delete', 'keys.enter', 'keys.pages', 'keys.undo', 'page.vedtak'].sort());
  });
});
