// Calendar arithmetic the UI needs: ISO dates as "YYYY-MM-DD" strings, Monday-first weeks,
// dd.mm.yyyy for people, and the windows the grid shows. Week numbers and red days come from
// the core, in the view. Dates are calendar days,
// computed in UTC so no time zone or daylight-saving change moves them.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type PeriodKind = 'week1' | 'week2' | 'week4' | 'month';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week1', 'week2', 'week4', 'month'];

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(value: Date): string {
  const y = String(value.getUTCFullYear()).padStart(4, '0');
  const m = String(value.getUTCMonth() + 1).padStart(2, '0');
  const d = String(value.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromUtc(toUtc(text)) === text;
}

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** The weekday, Monday first. */
export function weekday(date: string): Weekday {
  return WEEKDAYS[(toUtc(date).getUTCDay() + 6) % 7];
}

/** The Monday of the ISO week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -WEEKDAYS.indexOf(weekday(date)));
}

/** "2026-06-08" → "08.06.2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * What a person typed as a date, to YYYY-MM-DD: "08.06.2026", "8.6.2026", "2026-06-08".
 * Returns null when it is no real date.
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const iso = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Why `text` is no date, for the sentence beside the field: `year` when the year has fewer than
 * four digits ("1.1.26"), `form` when it is not written as a date at all, `none` when it is
 * written right but the day does not exist (30.02.2026); null when it is a date.
 */
export function dateProblem(text: string): 'year' | 'form' | 'none' | null {
  const trimmed = text.trim();
  if (parseDate(trimmed) !== null) return null;
  if (/^\d{1,2}[./]\d{1,2}[./]\d{1,3}$/.test(trimmed) || /^\d{1,3}-\d{1,2}-\d{1,2}$/.test(trimmed)) return 'year';
  if (/^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(trimmed) || /^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return 'none';
  return 'form';
}

/** "8", "08", "0800", "8:00", "08.00" → "08:00"; null when it is no time of day. */
export function parseTime(text: string): string | null {
  const trimmed = text.trim();
  let h: number;
  let m: number;
  let match = /^(\d{1,2})[:.](\d{2})$/.exec(trimmed);
  if (match) {
    h = Number(match[1]);
    m = Number(match[2]);
  } else if ((match = /^(\d{1,2})$/.exec(trimmed))) {
    h = Number(match[1]);
    m = 0;
  } else if ((match = /^(\d{2})(\d{2})$/.exec(trimmed))) {
    h = Number(match[1]);
    m = Number(match[2]);
  } else {
    return null;
  }
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The days a period shows, from `anchor`: whole ISO weeks, or the calendar month. */
export function periodWindow(kind: PeriodKind, anchor: string): { from: string; to: string } {
  if (kind === 'month') {
    const from = `${anchor.slice(0, 7)}-01`;
    const [y, m] = from.split('-').map(Number);
    const to = addDays(fromUtc(new Date(Date.UTC(y, m, 1))), -1);
    return { from, to };
  }
  const weeks = kind === 'week1' ? 1 : kind === 'week2' ? 2 : 4;
  const from = mondayOf(anchor);
  return { from, to: addDays(from, weeks * 7 - 1) };
}

/** The anchor of the next (+1) or previous (−1) period. */
export function stepPeriod(kind: PeriodKind, anchor: string, direction: 1 | -1): string {
  if (kind === 'month') {
    const [y, m] = anchor.split('-').map(Number);
    return fromUtc(new Date(Date.UTC(y, m - 1 + direction, 1)));
  }
  const weeks = kind === 'week1' ? 1 : kind === 'week2' ? 2 : 4;
  return addDays(mondayOf(anchor), direction * weeks * 7);
}

/** Today's date on this computer, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
