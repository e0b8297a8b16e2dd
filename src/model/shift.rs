//! Shifts (vakter) and shift types.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{AssistantId, ShiftId};
use crate::time::{Instant, Interval};

/// The service a shift delivers; the vedtak grants hours per service type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    /// Praktisk bistand og opplæring, including personlig stell.
    PersonligAssistanse,
    /// Støttekontakt.
    Stottekontakt,
    /// Avlastning (for parents of children under 18).
    Avlastning,
}

impl ServiceType {
    /// Every service type, in display order.
    pub const ALL: [ServiceType; 3] = [
        ServiceType::PersonligAssistanse,
        ServiceType::Stottekontakt,
        ServiceType::Avlastning,
    ];

    /// The key used in plan JSON.
    pub fn key(self) -> &'static str {
        match self {
            ServiceType::PersonligAssistanse => "personlig_assistanse",
            ServiceType::Stottekontakt => "stottekontakt",
            ServiceType::Avlastning => "avlastning",
        }
    }

    /// Parse a plan JSON key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The Norwegian name.
    pub fn name_nb(self) -> &'static str {
        match self {
            ServiceType::PersonligAssistanse => "Personlig assistanse",
            ServiceType::Stottekontakt => "Støttekontakt",
            ServiceType::Avlastning => "Avlastning",
        }
    }
}

/// Whether a shift is still a plan, has been worked, or was called off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftStatus {
    Planned,
    Worked,
    Cancelled,
}

impl ShiftStatus {
    /// The key used in plan JSON.
    pub fn key(self) -> &'static str {
        match self {
            ShiftStatus::Planned => "planned",
            ShiftStatus::Worked => "worked",
            ShiftStatus::Cancelled => "cancelled",
        }
    }
}

/// One shift. `end` is always after `start`; breaks and passive time fit inside the shift.
#[derive(Clone, Debug, PartialEq)]
pub struct Shift {
    pub id: ShiftId,
    /// `None` is an open shift: planned, but nobody covers it yet.
    pub assistant: Option<AssistantId>,
    pub start: Instant,
    pub end: Instant,
    pub break_minutes: u32,
    pub passive_minutes: u32,
    pub long_shift: bool,
    pub service: ServiceType,
    pub status: ShiftStatus,
    pub note: String,
    /// The code of the shift type it was made from, if any.
    pub shift_type: Option<String>,
    /// When the shift was created and last changed, for the 14-day notice (aml § 10-3).
    pub created_at: Option<Instant>,
    pub updated_at: Option<Instant>,
    /// The times as worked, when they differ from the plan (status `worked`); the planned
    /// `start`, `end`, break and passive time stay as they were planned.
    pub actual: Option<Actual>,
    /// Why a shift was not worked (status `cancelled`).
    pub not_worked_reason: Option<String>,
    /// Work that was not planned, added afterwards (status `worked`).
    pub unplanned: bool,
    /// The shift is personlig stell, which never carries an egenandel (RULES.md §7); without
    /// the mark, personlig assistanse is praktisk bistand og opplæring, which can.
    pub personlig_stell: bool,
}

/// A shift's times as worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actual {
    pub start: Instant,
    pub end: Instant,
    pub break_minutes: u32,
    pub passive_minutes: u32,
}

impl Actual {
    /// `[start, end)`.
    pub fn interval(&self) -> Interval {
        Interval::new(self.start, self.end)
    }
}

impl Shift {
    /// `[start, end)`.
    pub fn interval(&self) -> Interval {
        Interval::new(self.start, self.end)
    }

    /// Working time in seconds: end − start, breaks and passive time included.
    pub fn working_seconds(&self) -> i64 {
        self.end - self.start
    }

    /// The times the checker and the hour accounts use: the actual times of a worked shift
    /// when they were recorded, otherwise the planned ones.
    pub fn effective(&self) -> Actual {
        match (&self.actual, self.status) {
            (Some(actual), ShiftStatus::Worked) => *actual,
            _ => Actual {
                start: self.start,
                end: self.end,
                break_minutes: self.break_minutes,
                passive_minutes: self.passive_minutes,
            },
        }
    }

    /// `[start, end)` as worked: see [`Shift::effective`].
    pub fn effective_interval(&self) -> Interval {
        self.effective().interval()
    }

    /// The shift with its actual times in place of the planned ones (itself when it has
    /// none): what the law check and the hours run on.
    pub fn as_worked(&self) -> Shift {
        let e = self.effective();
        Shift {
            start: e.start,
            end: e.end,
            break_minutes: e.break_minutes,
            passive_minutes: e.passive_minutes,
            ..self.clone()
        }
    }

    /// True when the effective times differ from the planned ones.
    pub fn differs_from_plan(&self) -> bool {
        self.effective()
            != Actual {
                start: self.start,
                end: self.end,
                break_minutes: self.break_minutes,
                passive_minutes: self.passive_minutes,
            }
    }

    /// The work day: the local date the planned shift starts.
    pub fn work_day(&self) -> NaiveDate {
        self.start.local_date()
    }

    /// True when the timeliste has confirmed it: worked, or not worked.
    pub fn confirmed(&self) -> bool {
        self.status != ShiftStatus::Planned
    }

    /// True when the checker and the hour accounts count this shift.
    pub fn counts(&self) -> bool {
        self.status != ShiftStatus::Cancelled
    }

    /// The last time the shift was created or changed, if known.
    pub fn last_changed(&self) -> Option<Instant> {
        match (self.created_at, self.updated_at) {
            (Some(c), Some(u)) => Some(c.max(u)),
            (c, u) => c.or(u),
        }
    }
}

/// A named kind of shift ("D" dagvakt 08:00–16:00) used by the grid and by rotations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShiftType {
    pub code: String,
    pub name: String,
    pub start: NaiveTime,
    /// Ends the next day when not after `start` (a night 22:00–08:00).
    pub end: NaiveTime,
    pub break_minutes: u32,
    pub passive_minutes: u32,
    pub service: ServiceType,
    /// A colour as `#rrggbb`; never the only sign of the type.
    pub colour: String,
    pub long_shift: bool,
}

impl ShiftType {
    /// True when the shift ends on the next day.
    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }
}
