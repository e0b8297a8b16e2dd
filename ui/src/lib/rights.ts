// The plan's own facts set against the BPA right (pbrl § 2-1 d): the vedtak in force on a day
// and how its weekly hours stand against the statutory limits of 32 and 25 hours. Pure, so it
// is unit-tested; the sentences themselves are the dictionary's.

import type { Vedtak } from './types';

/** The vedtak in force on `day` (inclusive `to`; none = open): of several, the latest `from`,
 * and of two with the same `from` the later listed, as RULES.md § 3 says. */
export function vedtakInForce(vedtak: readonly Vedtak[], day: string): Vedtak | null {
  let found: Vedtak | null = null;
  for (const candidate of vedtak) {
    if (candidate.from > day || (candidate.to !== null && candidate.to < day)) continue;
    if (found === null || candidate.from >= found.from) found = candidate;
  }
  return found;
}

/** The vedtak's hours per week, all service types together. */
export function weeklyHours(vedtak: Vedtak): number {
  return Object.values(vedtak.hours_per_week).reduce<number>((sum, hours) => sum + (hours ?? 0), 0);
}

/** Where weekly hours stand against the right: at least 32 h, 25 up to 32 h, or below 25 h. */
export type HoursBand = 'full' | 'middle' | 'below';

export function hoursBand(hours: number): HoursBand {
  if (hours >= 32) return 'full';
  if (hours >= 25) return 'middle';
  return 'below';
}
