// Pure helpers for absences as the UI shows them: which absences lie on a day, the days a
// grid selection spans, the columns of the year view (weeks or months) and what each of its
// cells says in words. The core decides what an absence means (cover, balances); this only
// lays out what it answered, so it is unit-tested without a window.

import { addDays } from './dates';

/** The few fields of an absence the layout needs. */
export interface AbsenceSpan {
  id: string;
  assistant: string;
  kind: string;
  from: string;
  to: string;
  /** The kind in words: "Syk (egenmelding)". */
  kind_label: string;
}

/** The absences of `assistant` that include `date` (whole or part of the day). */
export function absencesOn<T extends AbsenceSpan>(absences: readonly T[], assistant: string | null, date: string): T[] {
  if (assistant === null) return [];
  return absences.filter((a) => a.assistant === assistant && a.from <= date && date <= a.to);
}

/** The first and last column of a selection made from `anchor` to `col` (either way round). */
export function spanOf(anchor: number | null, col: number): { first: number; last: number } {
  if (anchor === null) return { first: col, last: col };
  return { first: Math.min(anchor, col), last: Math.max(anchor, col) };
}

/**
 * Where Shift with a movement key extends a selection in one row: one day left or right, or
 * to the row's first or last day. Null for any other key.
 */
export function extendTo(col: number, key: string, cols: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return Math.min(cols - 1, col + 1);
    case 'ArrowLeft':
      return Math.max(0, col - 1);
    case 'Home':
      return 0;
    case 'End':
      return cols - 1;
    default:
      return null;
  }
}

/** A column of the year view: a week or a month, with its first and last date. */
export interface YearColumn {
  key: string;
  /** 1–53 for a week, 1–12 for a month. */
  number: number;
  from: string;
  to: string;
}

/** The ISO weeks as columns, from their Mondays. */
export function weekColumns(weeks: readonly { week: number; monday: string }[]): YearColumn[] {
  return weeks.map((w) => ({ key: `w${w.week}-${w.monday}`, number: w.week, from: w.monday, to: addDays(w.monday, 6) }));
}

/** The twelve months of `year` as columns. */
export function monthColumns(year: number): YearColumn[] {
  const columns: YearColumn[] = [];
  for (let month = 1; month <= 12; month++) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const m = String(month).padStart(2, '0');
    columns.push({ key: `m${month}`, number: month, from: `${year}-${m}-01`, to: `${year}-${m}-${String(last).padStart(2, '0')}` });
  }
  return columns;
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  if (to < from) return 0;
  const ms = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(ms / 86_400_000) + 1;
}

/** What lies in one cell of the year view: each absence's label and its days in the column. */
export interface CellPart {
  id: string;
  kind: string;
  label: string;
  days: number;
}

/** The absences of one assistant in one column, in date order, with their days in it. */
export function cellParts(absences: readonly AbsenceSpan[], column: YearColumn): CellPart[] {
  return absences
    .filter((a) => a.from <= column.to && a.to >= column.from)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((a) => ({
      id: a.id,
      kind: a.kind,
      label: a.kind_label,
      days: daysBetween(a.from > column.from ? a.from : column.from, a.to < column.to ? a.to : column.to),
    }));
}

/** The red days that fall in a column. */
export function redDaysIn<T extends { date: string }>(redDays: readonly T[], column: YearColumn): T[] {
  return redDays.filter((d) => d.date >= column.from && d.date <= column.to);
}

/** `HH:MM` → minutes since midnight, or null. */
function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** "dd.mm" or "d.m" typed by a person → the core's `MM-DD`; null when it is no day of a year. */
export function parseMonthDay(text: string): string | null {
  const match = /^(\d{1,2})[./](\d{1,2})\.?$/.exec(text.trim());
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  // A leap year, so 29 February is a day some years have.
  const last = new Date(Date.UTC(2024, month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The core's `MM-DD` → "dd.mm" for people. */
export function formatMonthDay(value: string): string {
  const [m, d] = value.split('-');
  return `${d}.${m}`;
}

/** True when a part-day absence's times are in order (the end after the start). */
export function timesInOrder(from: string, to: string): boolean {
  const a = minutesOf(from);
  const b = minutesOf(to);
  return a !== null && b !== null && b > a;
}
