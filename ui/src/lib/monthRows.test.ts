import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, addMonths, extendTo, isMonth, keepExisting, rowAfterKey, toggleAll, toggleRow } from './monthRows';

const rows = ['a', 'b', 'c', 'd', 'e'];

describe('ticking rows of the month', () => {
  it('ticks and unticks one row with Space, which becomes the anchor', () => {
    const one = toggleRow(EMPTY_SELECTION, rows, 'c');
    expect(one).toEqual({ ids: ['c'], anchor: 'c' });
    expect(toggleRow(one, rows, 'c')).toEqual({ ids: [], anchor: 'c' });
  });
  it('ticks the range from the anchor with Shift, in either direction, keeping the table’s order', () => {
    const anchored = toggleRow(EMPTY_SELECTION, rows, 'b');
    expect(extendTo(anchored, rows, 'd').ids).toEqual(['b', 'c', 'd']);
    expect(extendTo(toggleRow(EMPTY_SELECTION, rows, 'd'), rows, 'a').ids).toEqual(['a', 'b', 'c', 'd']);
  });
  it('unticks the range when the anchor was unticked', () => {
    const all = toggleAll(EMPTY_SELECTION, rows);
    const unticked = toggleRow(all, rows, 'b');
    expect(extendTo(unticked, rows, 'd').ids).toEqual(['a', 'e']);
  });
  it('shrinks nothing when Shift moves back towards the anchor: the rows once ticked stay ticked', () => {
    let s = toggleRow(EMPTY_SELECTION, rows, 'a');
    s = extendTo(s, rows, 'c');
    s = extendTo(s, rows, 'b');
    expect(s.ids).toEqual(['a', 'b', 'c']);
  });
  it('ticks every row with “Velg alle”, and none when all were ticked', () => {
    expect(toggleAll(EMPTY_SELECTION, rows).ids).toEqual(rows);
    expect(toggleAll(toggleAll(EMPTY_SELECTION, rows), rows).ids).toEqual([]);
  });
  it('forgets rows that are gone', () => {
    expect(keepExisting({ ids: ['a', 'x'], anchor: 'x' }, rows)).toEqual({ ids: ['a'], anchor: null });
  });
});

describe('moving between rows and months', () => {
  it('moves one row with the arrows, to the ends with Home and End, and stops at the edges', () => {
    expect(rowAfterKey(2, 'ArrowDown', 5)).toBe(3);
    expect(rowAfterKey(4, 'ArrowDown', 5)).toBe(4);
    expect(rowAfterKey(0, 'ArrowUp', 5)).toBe(0);
    expect(rowAfterKey(2, 'Home', 5)).toBe(0);
    expect(rowAfterKey(2, 'End', 5)).toBe(4);
    expect(rowAfterKey(2, 'x', 5)).toBeNull();
  });
  it('steps months over the turn of the year', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-06', 0)).toBe('2026-06');
  });
  it('knows a month written YYYY-MM', () => {
    expect(['2026-06', '2026-13', '2026-6', ''].map(isMonth)).toEqual([true, false, false, false]);
  });
});
