// The language the UI speaks, and the sentences built from the dictionary. `t` reads reactive
// state, so every text on screen changes when the language does.

import type { BackendError } from './backend';
import { dateProblem } from './dates';
import { dictionary, type Key } from './dictionary';
import type { Language } from './types';
import { ADVARSEL, BRUDD, count } from './words';

export const locale = $state<{ language: Language }>({ language: 'nb' });

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders of a dictionary text. */
/**
 * `text` with `{name}` replaced by the parameter, and `{name|one|many}` by the singular when the
 * parameter is 1 and the plural otherwise, so no sentence says "1 vakter".
 */
export function fill(text: string, params: Params = {}): string {
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, many: string) =>
      name in params ? (Number(params[name]) === 1 ? one : many) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatValue(params[name]) : whole));
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

export function t(key: Key, params?: Params): string {
  return fill(dictionary[locale.language][key], params);
}

/** The shift types Turnus itself names (the guide's, the demo plan's). */
const DEFAULT_SHIFT_TYPES: readonly Key[] = [
  'shiftType.day',
  'shiftType.evening',
  'shiftType.night',
  'shiftType.morning',
  'shiftType.eveningShort',
  'shiftType.weekend',
  'shiftType.escort',
  'shiftType.longDay',
];

/**
 * A shift type's name in the UI language when it is one of the names Turnus gave it (in either
 * language); a name the person chose is shown as they wrote it.
 */
export function shiftTypeName(name: string): string {
  const key = DEFAULT_SHIFT_TYPES.find((k) => dictionary.nb[k] === name || dictionary.en[k] === name);
  return key ? t(key) : name;
}

/** The sentence beside a date field whose text is no date: why, and how to write it. */
export function dateError(text: string): string {
  const problem = dateProblem(text);
  return t(problem === 'year' ? 'field.dateYearDigits' : problem === 'form' ? 'field.dateForm' : 'field.badDate');
}

/** 37.5 → "37,5" in bokmål, "37.5" in English; at most one decimal. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale.language === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/** Minutes as hours and minutes: "10 t 59 min" / "10 h 59 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (m === 0) return t('unit.hours', { n: h });
  return t('unit.hoursMinutes', { h, m });
}

/** A measured value or limit of a finding in words. */
export function formatMeasure(value: number, unit: string): string {
  if (unit === 'minutes') return formatMinutes(value);
  if (unit === 'hours') return t('unit.hours', { n: value });
  if (unit === 'days') return t('unit.days', { n: value });
  return formatNumber(value);
}

/** "2026-06-08T07:45" → "08.06.2026 kl. 07:45". */
export function formatDateTime(value: string): string {
  const [date, time] = value.split('T');
  const [y, m, d] = date.split('-');
  return t('format.dateTime', { date: `${d}.${m}.${y}`, time: (time ?? '').slice(0, 5) });
}

/** The sentence to show for an error: the dictionary's for file and fault codes, else the core's. */
export function errorSentence(error: BackendError): string {
  switch (error.code) {
    case 'invalid_input':
      return error.message || t('error.invalid_input');
    case 'month_closed':
      // The core's sentence names the month and how to reopen it.
      return error.message || t('error.month_closed');
    case 'choice_needed':
      return error.message || t('error.choice_needed');
    case 'in_use': {
      const details = (error.details ?? {}) as { name?: string; computer?: string; since?: string };
      if (details.name && details.computer && details.since) {
        return t('file.inUse', { name: details.name, computer: details.computer, since: formatDateTime(details.since) });
      }
      return t('error.in_use');
    }
    default:
      return t(`error.${error.code}`);
  }
}

/** "Lovsjekken fant ett brudd og to advarsler." in the chosen language, with words for counts. */
export function checkSentence(summary: { violations: number; warnings: number }): string {
  if (summary.violations === 0 && summary.warnings === 0) return t('status.checkClean');
  if (locale.language === 'nb') {
    return t('status.checkFound', { violations: count(summary.violations, BRUDD), warnings: count(summary.warnings, ADVARSEL) });
  }
  const en = (n: number, one: string, many: string) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;
  return t('status.checkFound', { violations: en(summary.violations, 'violation', 'violations'), warnings: en(summary.warnings, 'warning', 'warnings') });
}
