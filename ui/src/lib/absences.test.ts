import { describe, expect, it } from 'vitest';
import { absencesOn, cellParts, daysBetween, extendTo, formatMonthDay, monthColumns, parseMonthDay, redDaysIn, spanOf, timesInOrder, weekColumns } from './absences';

const sick = { id: 'a1', assistant: 'kari', kind: 'sykdom', from: '2026-03-03', to: '2026-03-05', kind_label: 'Syk (egenmelding)' };
const holiday = { id: 'a2', assistant: 'kari', kind: 'ferie', from: '2026-06-29', to: '2026-07-17', kind_label: 'Ferie' };
const olas = { id: 'a3', assistant: 'ola', kind: 'permisjon', from: '2026-03-04', to: '2026-03-04', kind_label: 'Permisjon' };

describe('absences on a day of the grid', () => {
  it('finds only that assistant’s absences that include the day, ends included', () => {
    const all = [sick, holiday, olas];
    expect(absencesOn(all, 'kari', '2026-03-03')).toEqual([sick]);
    expect(absencesOn(all, 'kari', '2026-03-05')).toEqual([sick]);
    expect(absencesOn(all, 'kari', '2026-03-06')).toEqual([]);
    expect(absencesOn(all, 'ola', '2026-03-04')).toEqual([olas]);
  });
  it('gives the open-shifts row no absences', () => {
    expect(absencesOn([sick], null, '2026-03-03')).toEqual([]);
  });
});

describe('selecting several days with Shift', () => {
  it('spans from the anchor to the focused day in either direction', () => {
    expect(spanOf(null, 4)).toEqual({ first: 4, last: 4 });
    expect(spanOf(2, 5)).toEqual({ first: 2, last: 5 });
    expect(spanOf(5, 2)).toEqual({ first: 2, last: 5 });
  });
  it('extends by a day, or to the row’s ends, and stops at the edges', () => {
    expect(extendTo(3, 'ArrowRight', 14)).toBe(4);
    expect(extendTo(13, 'ArrowRight', 14)).toBe(13);
    expect(extendTo(0, 'ArrowLeft', 14)).toBe(0);
    expect(extendTo(6, 'Home', 14)).toBe(0);
    expect(extendTo(6, 'End', 14)).toBe(13);
    expect(extendTo(6, 'ArrowDown', 14)).toBeNull();
  });
});

describe('the year view’s columns and cells', () => {
  it('makes twelve months with their real last days, February of a leap year too', () => {
    const months = monthColumns(2028);
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(months[11]).toMatchObject({ from: '2028-12-01', to: '2028-12-31' });
  });
  it('makes a week a Monday to Sunday, across a year’s end', () => {
    expect(weekColumns([{ week: 53, monday: '2026-12-28' }])[0]).toMatchObject({ number: 53, from: '2026-12-28', to: '2027-01-03' });
  });
  it('counts an absence’s days inside each column only', () => {
    expect(daysBetween('2026-06-29', '2026-06-30')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(31);
    const [june, july] = monthColumns(2026).slice(5, 7);
    expect(cellParts([holiday], june)).toEqual([{ id: 'a2', kind: 'ferie', label: 'Ferie', days: 2 }]);
    expect(cellParts([holiday], july)).toEqual([{ id: 'a2', kind: 'ferie', label: 'Ferie', days: 17 }]);
    const march = monthColumns(2026)[2];
    expect(cellParts([holiday, sick], march).map((p) => p.label)).toEqual(['Syk (egenmelding)']);
  });
  it('puts a red day in the week that holds it', () => {
    const red = [{ date: '2026-05-17', name: 'Grunnlovsdag' }, { date: '2026-05-25', name: 'Andre pinsedag' }];
    expect(redDaysIn(red, weekColumns([{ week: 20, monday: '2026-05-11' }])[0]).map((d) => d.name)).toEqual(['Grunnlovsdag']);
  });
});

describe('the main-holiday deadline as people type it', () => {
  it('reads dd.mm and gives the core MM-DD', () => {
    expect(parseMonthDay('01.05')).toBe('05-01');
    expect(parseMonthDay('1.5')).toBe('05-01');
    expect(parseMonthDay('29.02')).toBe('02-29');
    expect(formatMonthDay('05-01')).toBe('01.05');
  });
  it('refuses a day no year has', () => {
    expect(parseMonthDay('31.04')).toBeNull();
    expect(parseMonthDay('30.02')).toBeNull();
    expect(parseMonthDay('1.13')).toBeNull();
    expect(parseMonthDay('mai')).toBeNull();
  });
  it('wants a part-day absence to end after it starts', () => {
    expect(timesInOrder('08:00', '12:00')).toBe(true);
    expect(timesInOrder('12:00', '08:00')).toBe(false);
    expect(timesInOrder('12:00', '12:00')).toBe(false);
  });
});
