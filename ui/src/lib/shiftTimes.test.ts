import { describe, expect, it } from 'vitest';
import { endMeaning } from './shiftTimes';

const night = { start: '22:00', end: '07:00' };

describe('what a shift’s end time means', () => {
  it('takes an end after the start as the same day', () => {
    expect(endMeaning({ start: '08:00', end: '16:00' }, [])).toBe('same-day');
  });
  it('asks when the end is before the start and nothing says it is a night shift', () => {
    expect(endMeaning({ start: '16:00', end: '08:00' }, [night])).toBe('ask');
  });
  it('does not ask for a night shift type’s own times, nor for an end at midnight', () => {
    expect(endMeaning({ start: '22:00', end: '07:00' }, [night])).toBe('next-day');
    expect(endMeaning({ start: '16:00', end: '00:00' }, [])).toBe('next-day');
  });
  it('refuses an end equal to the start, unless a shift type says it is a 24-hour shift', () => {
    expect(endMeaning({ start: '08:00', end: '08:00' }, [night])).toBe('same-time');
    expect(endMeaning({ start: '08:00', end: '08:00' }, [night, { start: '08:00', end: '08:00' }])).toBe('next-day');
  });
});
