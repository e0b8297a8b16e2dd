import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateProblem,
  formatDate,
  mondayOf,
  parseDate,
  parseTime,
  periodWindow,
  stepPeriod,
  weekday,
} from './dates';

describe('weeks, Monday first', () => {
  it('starts the week on Monday, also from a Sunday', () => {
    expect(weekday('2026-06-14')).toBe('sun');
    expect(mondayOf('2026-06-14')).toBe('2026-06-08');
    expect(mondayOf('2026-06-08')).toBe('2026-06-08');
  });
  it('counts days across the spring clock change without losing one', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});

describe('dates as people write them', () => {
  it('shows dd.mm.yyyy', () => {
    expect(formatDate('2026-06-08')).toBe('08.06.2026');
  });
  it('reads dd.mm.yyyy, d.m.yyyy and ISO, and refuses dates that do not exist', () => {
    expect(parseDate('08.06.2026')).toBe('2026-06-08');
    expect(parseDate(' 8.6.2026 ')).toBe('2026-06-08');
    expect(parseDate('2026-06-08')).toBe('2026-06-08');
    expect(parseDate('31.06.2026')).toBeNull();
    expect(parseDate('29.02.2026')).toBeNull();
    expect(parseDate('i morgen')).toBeNull();
  });
  it('reads times in the usual forms and refuses impossible ones', () => {
    expect(parseTime('8')).toBe('08:00');
    expect(parseTime('0730')).toBe('07:30');
    expect(parseTime('7.30')).toBe('07:30');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
  });
});

describe('periods of the grid', () => {
  it('shows whole ISO weeks from the anchor’s Monday', () => {
    expect(periodWindow('week1', '2026-06-10')).toEqual({ from: '2026-06-08', to: '2026-06-14' });
    expect(periodWindow('week2', '2026-06-10')).toEqual({ from: '2026-06-08', to: '2026-06-21' });
    expect(periodWindow('week4', '2026-06-10')).toEqual({ from: '2026-06-08', to: '2026-07-05' });
  });
  it('shows a calendar month, also February of a leap year', () => {
    expect(periodWindow('month', '2028-02-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('steps a month from the 31st without skipping one', () => {
    expect(stepPeriod('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(stepPeriod('week2', '2026-06-10', -1)).toBe('2026-05-25');
  });
});

describe('why a date field holds no date', () => {
  it('says the year needs four digits for 1.1.26, not that the date does not exist', () => {
    expect(dateProblem('1.1.26')).toBe('year');
    expect(dateProblem('01.01.026')).toBe('year');
  });
  it('tells a date that does not exist from text that is no date at all', () => {
    expect(dateProblem('30.02.2026')).toBe('none');
    expect(dateProblem('i morgen')).toBe('form');
    expect(dateProblem('08.06.2026')).toBeNull();
  });
});
