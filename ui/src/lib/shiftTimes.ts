// Whether a shift's end time is on its own day, the next day, or needs asking: 16:00 → 08:00 is
// most likely a typing slip, but it may be a night shift. Pure, so it is unit-tested; the shift
// dialog asks the question.

/** What the end time means. */
export type EndMeaning =
  /** The end is later the same day. */
  | 'same-day'
  /** The end is the next day, and that is clear (a night shift type, midnight, the saved shift). */
  | 'next-day'
  /** The end is before the start: ask whether the shift ends the next day. */
  | 'ask'
  /** The end equals the start and nothing says it is a 24-hour shift: refused. */
  | 'same-time';

export interface Times {
  start: string;
  end: string;
}

/**
 * What the end `HH:MM` means against the start. `known` are times that already say the shift
 * crosses midnight: the shift types' times and the edited shift's saved times.
 */
export function endMeaning(times: Times, known: readonly Times[]): EndMeaning {
  const isKnown = known.some((k) => k.start === times.start && k.end === times.end);
  // A 24-hour shift (døgnvakt, 08:00–08:00) comes from a shift type made for it, never by a slip.
  if (times.end === times.start) return isKnown ? 'next-day' : 'same-time';
  if (times.end > times.start) return 'same-day';
  if (times.end === '00:00') return 'next-day';
  return isKnown ? 'next-day' : 'ask';
}
