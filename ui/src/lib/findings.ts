// Where the UI shows a law-check finding. The core lists with a finding the shifts it concerns,
// also for a finding about a whole week (normal hours in a week, overtime in four weeks), whose
// shifts are all of that week's. Such a finding belongs on its week, and choosing it goes there;
// a finding about a few shifts (too little rest between two) belongs on those shifts.

import { addDays } from './dates';
import type { Finding } from './types';

/** True when `finding` is shown on its week: it names no shifts, or it spans a week or more. */
export function isWeekFinding(finding: Pick<Finding, 'start' | 'end' | 'shifts'>): boolean {
  if (finding.shifts.length === 0) return true;
  // `start` and `end` are local times (RFC 3339 with the offset); a week runs Monday to Monday.
  return finding.end.slice(0, 10) >= addDays(finding.start.slice(0, 10), 7);
}
