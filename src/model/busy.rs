//! Busy time: an assistant's work elsewhere, imported from another calendar.
//!
//! The rest and total-hours rules count it (aml § 10-6 (8) and § 10-8 look at the worker's
//! whole working time when the employers know of it); the normal-hours, overtime and vedtak
//! rules do not, as it is not work for this arbeidsleder.

use super::AssistantId;
use crate::time::{Instant, Interval};

/// One stretch of work for another employer.
#[derive(Clone, Debug, PartialEq)]
pub struct BusyTime {
    /// Stable id, e.g. the event's UID in the imported calendar.
    pub id: String,
    pub assistant: AssistantId,
    pub start: Instant,
    pub end: Instant,
    /// Where it came from, e.g. the calendar's name or file name.
    pub source: String,
    /// The event's title, if any.
    pub summary: String,
}

impl BusyTime {
    /// The longest one busy time may be: 31 days. A longer stretch is no working time a rule
    /// can weigh (an imported "away all summer" event), and refusing it keeps every check
    /// cheap: the rules walk busy time day by day. Calendars skip such an event with the
    /// reason; plan JSON and plan files refuse it.
    pub const MAX_SECONDS: i64 = 31 * crate::time::DAY;

    /// `[start, end)`.
    pub fn interval(&self) -> Interval {
        Interval::new(self.start, self.end)
    }
}
