import { describe, expect, it } from 'vitest';
import { isWeekFinding } from './findings';

describe('where a finding is shown', () => {
  it('shows a finding about a whole week on its week, though it lists the week’s shifts', () => {
    expect(isWeekFinding({ start: '2026-11-30T00:00:00+01:00', end: '2026-12-07T00:00:00+01:00', shifts: ['a', 'b'] })).toBe(true);
  });
  it('counts the week across the autumn clock change, 169 hours long', () => {
    expect(isWeekFinding({ start: '2026-10-19T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00', shifts: ['a'] })).toBe(true);
  });
  it('shows a finding about two shifts on the shifts', () => {
    expect(isWeekFinding({ start: '2026-12-03T21:00:00+01:00', end: '2026-12-04T07:30:00+01:00', shifts: ['a', 'b'] })).toBe(false);
  });
  it('shows a finding without shifts on its week', () => {
    expect(isWeekFinding({ start: '2026-12-01T00:00:00+01:00', end: '2026-12-02T00:00:00+01:00', shifts: [] })).toBe(true);
  });
});
