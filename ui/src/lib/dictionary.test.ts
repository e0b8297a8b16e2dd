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
    expect(same.sort()).toEqual(['field.status', 'history.byWhen', 'keys.absence', 'keys.copy', 'keys.cover', 'keys.delete', 'keys.enter', 'keys.pages', 'keys.undo', 'month.keys.all', 'egenandel.bracketRange', 'page.vedtak'].sort());
  });
});

describe('counts in sentences', () => {
  it('says the singular for one and the plural otherwise, so no sentence says "1 vakter"', async () => {
    const { fill } = await import('./i18n.svelte');
    const summary = dictionary.nb['rotation.summary'];
    expect(fill(summary, { weeks: 1, slots: 1, start: '01.06.2026' })).toBe('1 uke, 1 vakt, fra 01.06.2026');
    expect(fill(summary, { weeks: 3, slots: 25, start: '01.06.2026' })).toBe('3 uker, 25 vakter, fra 01.06.2026');
    expect(fill(dictionary.en['grid.rowHours'], { n: 1 })).toBe('1 hour');
  });
});
