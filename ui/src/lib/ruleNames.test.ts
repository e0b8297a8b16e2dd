import { describe, expect, it } from 'vitest';
import { dictionary } from './dictionary';
import { RULE_IDS, ruleShortKey, ruleShortName } from './ruleNames';

describe('the rules’ short names', () => {
  it('has a short name for every rule id in both languages', () => {
    const missing = RULE_IDS.filter((id) => ruleShortKey(id) === null);
    expect(missing, 'every rule of the core needs rule.<id> in the dictionary').toEqual([]);
    for (const id of RULE_IDS) {
      const key = ruleShortKey(id)!;
      expect(dictionary.nb[key].length, `${id} in bokmål`).toBeGreaterThan(0);
      expect(dictionary.en[key].length, `${id} in English`).toBeGreaterThan(0);
    }
  });
  it('keeps the names short enough for a grid cell', () => {
    for (const id of RULE_IDS) {
      const key = ruleShortKey(id)!;
      expect(dictionary.nb[key].length, `${id}: ${dictionary.nb[key]}`).toBeLessThanOrEqual(20);
      expect(dictionary.en[key].length, `${id}: ${dictionary.en[key]}`).toBeLessThanOrEqual(20);
    }
  });
  it('names daily rest "Hvile" in bokmål and "Rest" in English', () => {
    expect(ruleShortName('REST-D', 'Daglig hvile', (key) => dictionary.nb[key])).toBe('Hvile');
    expect(ruleShortName('REST-D', 'Daily rest', (key) => dictionary.en[key])).toBe('Rest');
  });
  it('falls back to the full title for a rule it does not know', () => {
    expect(ruleShortKey('NEW-RULE')).toBeNull();
    expect(ruleShortName('NEW-RULE', 'En ny regel', (key) => dictionary.nb[key])).toBe('En ny regel');
  });
});
