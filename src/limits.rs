//! Size limits of a plan: how many shifts, how long one shift, how long a name, and how many
//! findings a pairwise rule reports one by one.
//!
//! Every cost in Turnus grows about linearly with its input, but an input can still be too big
//! to be a plan (a shift lasting 300 years, a million shifts, a name of a megabyte). Such input
//! is refused at every edge in the same way, with one sentence naming the field and the value:
//! plan JSON (`crate::interchange`), the plan file when it is read (`crate::store`) and the app's
//! inputs (`crate::session::validate`). The limits are generous: a year of round-the-clock care
//! is about 3,000 shifts of a few hours each.
//!
//! This module only holds the numbers and small checks; each edge words its own refusal in its
//! own style. Calendar imports (`crate::import`) keep their own limits next to their reader.

use crate::time::{Instant, DAY};

/// The most shifts a plan may hold: 100,000 (about 30 years of round-the-clock care in 3-hour
/// shifts). More is refused, so that checking, saving and exporting stay quick.
pub const MAX_SHIFTS: usize = 100_000;

/// The most assistants (and vikarer) a plan may hold.
pub const MAX_ASSISTANTS: usize = 1_000;

/// The longest a shift may last, in days: 7. No working-time arrangement in RULES.md comes
/// near (a long shift is at most 24 hours, and TOT-D reports anything longer), but a live-in
/// week is a real BPA pattern, so a week is allowed and anything longer is refused as a typo.
pub const MAX_SHIFT_DAYS: i64 = 7;

/// [`MAX_SHIFT_DAYS`] in seconds (on instants: a week across a clock change is still 168 h).
pub const MAX_SHIFT_SECONDS: i64 = MAX_SHIFT_DAYS * DAY;

/// The longest a name may be, in characters: 200. Names are those of the plan, the
/// arbeidsleder, the leverandør, the current user, assistants and shift types.
pub const MAX_NAME_CHARS: usize = 200;

/// OVERLAP-SELF and DOUBLE-STAFF report one finding per overlapping pair of shifts (RULES.md)
/// as long as a group of shifts connected by overlaps holds at most this many pairs; a group
/// with more pairs is reported as one finding naming every shift in it, so that the report
/// grows with the number of shifts, not with its square.
pub const MAX_PAIRS_PER_GROUP: usize = 10;

/// True when a shift from `start` to `end` is longer than [`MAX_SHIFT_SECONDS`].
pub fn shift_too_long(start: Instant, end: Instant) -> bool {
    end - start > MAX_SHIFT_SECONDS
}

/// True when `name` has more than [`MAX_NAME_CHARS`] characters.
pub fn name_too_long(name: &str) -> bool {
    name.chars().nth(MAX_NAME_CHARS).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_long_shift_is_allowed_and_one_minute_more_is_not() {
        let start = Instant::parse("2026-10-19T08:00").unwrap();
        // Across the autumn clock change: the wall clock says 7 days + 1 h, instants 7 days.
        let week = Instant::parse("2026-10-26T07:00").unwrap();
        assert!(
            !shift_too_long(start, week),
            "7 × 24 h on instants is allowed"
        );
        assert!(
            shift_too_long(start, week.plus(60)),
            "one minute more is refused"
        );
    }

    #[test]
    fn names_are_counted_in_characters_not_bytes() {
        assert!(!name_too_long(&"ø".repeat(MAX_NAME_CHARS)));
        assert!(name_too_long(&"a".repeat(MAX_NAME_CHARS + 1)));
    }
}
