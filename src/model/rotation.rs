//! Turnus patterns as data: N weeks of slots, and the changes real days made to them.
//!
//! Expanding a pattern onto the calendar lives in `crate::rotation`.

use chrono::{NaiveDate, Weekday};

use super::{AssistantId, RotationId, ShiftId};
use crate::time::Instant;

/// One slot of a pattern: a shift type on a weekday of a pattern week, for an assistant or open.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// 1-based week of the pattern.
    pub week: u32,
    pub weekday: Weekday,
    /// The code of a shift type of the plan.
    pub shift_type: String,
    /// `None`: an open slot nobody covers yet.
    pub assistant: Option<AssistantId>,
    /// Skip this slot when the day is a red day.
    pub skip_red_days: bool,
}

/// What happened to one real day of one slot; kept apart from the pattern so expanding again
/// never overwrites it.
#[derive(Clone, Debug, PartialEq)]
pub enum DayChange {
    /// The slot's shift on `date` was moved to other times.
    Moved {
        slot: usize,
        date: NaiveDate,
        start: Instant,
        end: Instant,
    },
    /// The slot's shift on `date` does not take place.
    Cancelled { slot: usize, date: NaiveDate },
    /// Someone else (or nobody) covers the slot's shift on `date`.
    Reassigned {
        slot: usize,
        date: NaiveDate,
        assistant: Option<AssistantId>,
    },
    /// The slot's shift on `date` has another break or passive time than its shift type gives
    /// (a night with more sleep, a day without a break).
    Adjusted {
        slot: usize,
        date: NaiveDate,
        break_minutes: u32,
        passive_minutes: u32,
    },
    /// An extra shift, outside the pattern, on `date`.
    Extra {
        id: ShiftId,
        date: NaiveDate,
        shift_type: String,
        assistant: Option<AssistantId>,
    },
}

impl DayChange {
    /// The real day the change concerns.
    pub fn date(&self) -> NaiveDate {
        match self {
            DayChange::Moved { date, .. }
            | DayChange::Cancelled { date, .. }
            | DayChange::Reassigned { date, .. }
            | DayChange::Adjusted { date, .. }
            | DayChange::Extra { date, .. } => *date,
        }
    }
}

/// An N-week turnus pattern anchored at a Monday.
#[derive(Clone, Debug, PartialEq)]
pub struct Rotation {
    pub id: RotationId,
    pub name: String,
    /// 1 to 12 weeks.
    pub weeks: u32,
    /// The Monday on which pattern week 1 begins.
    pub start: NaiveDate,
    /// The last day the pattern runs, if it ends.
    pub until: Option<NaiveDate>,
    pub slots: Vec<Slot>,
    pub changes: Vec<DayChange>,
}
