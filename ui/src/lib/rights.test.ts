import { describe, expect, it } from 'vitest';
import { hoursBand, vedtakInForce, weeklyHours } from './rights';
import type { Vedtak } from './types';

function vedtak(id: string, from: string, to: string | null, hours: Record<string, number>): Vedtak {
  return { id, from, to, annual_frame: true, hours_per_week: hours, double_staffing: false, night: 'excluded', passive_factor: 1 };
}

describe('the vedtak against the BPA right', () => {
  const versions = [
    vedtak('a', '2025-01-01', '2026-03-31', { personlig_assistanse: 30 }),
    vedtak('b', '2026-04-01', null, { personlig_assistanse: 30, stottekontakt: 7.5 }),
  ];
  it('takes the version in force on the day, the last day of a period included', () => {
    expect(vedtakInForce(versions, '2026-03-31')?.id).toBe('a');
    expect(vedtakInForce(versions, '2026-04-01')?.id).toBe('b');
    expect(vedtakInForce(versions, '2024-12-31'), 'before the first vedtak none is in force').toBeNull();
  });
  it('of two versions from the same day, takes the later listed', () => {
    const twice = [vedtak('x', '2026-01-01', null, {}), vedtak('y', '2026-01-01', null, {})];
    expect(vedtakInForce(twice, '2026-06-01')?.id).toBe('y');
  });
  it('adds the service types up to the hours per week', () => {
    expect(weeklyHours(versions[1])).toBe(37.5);
  });
  it('puts 32 hours and more in the full right, 25 up to 32 in the middle band, and less below', () => {
    expect([37.5, 32, 31.9, 25, 24.5].map(hoursBand)).toEqual(['full', 'full', 'middle', 'middle', 'below']);
  });
});
