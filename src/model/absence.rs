//! Absences: holiday, sickness, leave.

use chrono::{Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{AbsenceId, AssistantId};
use crate::time::{Instant, Interval};

/// Why an assistant is away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceKind {
    Ferie,
    Sykdom,
    Permisjon,
    Annet,
}

impl AbsenceKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [AbsenceKind; 4] = [
        AbsenceKind::Ferie,
        AbsenceKind::Sykdom,
        AbsenceKind::Permisjon,
        AbsenceKind::Annet,
    ];

    /// The key used in plan JSON, the plan file and the command line.
    pub fn key(self) -> &'static str {
        match self {
            AbsenceKind::Ferie => "ferie",
            AbsenceKind::Sykdom => "sykdom",
            AbsenceKind::Permisjon => "permisjon",
            AbsenceKind::Annet => "annet",
        }
    }

    /// Parse a key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The paper behind a sickness absence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SickNote {
    /// The assistant's own declaration (folketrygdloven § 8-23).
    Egenmelding,
    /// A doctor's certificate.
    Sykmelding,
}

impl SickNote {
    /// The key used in plan JSON, the plan file and the command line.
    pub fn key(self) -> &'static str {
        match self {
            SickNote::Egenmelding => "egenmelding",
            SickNote::Sykmelding => "sykmelding",
        }
    }

    /// Parse a key.
    pub fn from_key(key: &str) -> Option<Self> {
        [SickNote::Egenmelding, SickNote::Sykmelding]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// A stretch of days an assistant is away, `from` to `to` inclusive; or part of one day, from
/// `from_time` to `to_time` (then `from == to`).
#[derive(Clone, Debug, PartialEq)]
pub struct Absence {
    pub id: AbsenceId,
    pub assistant: AssistantId,
    pub kind: AbsenceKind,
    /// Egenmelding or sykmelding; only for sickness.
    pub sick_note: Option<SickNote>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Local start and end of a part-day absence; both or neither.
    pub from_time: Option<NaiveTime>,
    pub to_time: Option<NaiveTime>,
    /// Hours of a part-day absence as older files wrote it, without its times: kept and
    /// written back, counted as part-day for holidays, but it makes no shift need cover (its
    /// time of day is not known).
    pub hours: Option<f64>,
    pub note: String,
}

impl Absence {
    /// True when the absence covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// True when two absences share time: whole days meet on a day; two part-day absences
    /// only when their times overlap.
    pub fn overlaps(&self, other: &Absence) -> bool {
        if self.to < other.from || other.to < self.from {
            return false;
        }
        match (
            self.from_time.and(other.from_time),
            self.interval(),
            other.interval(),
        ) {
            (Some(_), Some(x), Some(y)) => x.overlap(y) > 0,
            _ => true,
        }
    }

    /// True for an absence of part of a day (with times, or hours from an older file).
    pub fn part_day(&self) -> bool {
        self.from_time.is_some() || self.hours.is_some()
    }

    /// The instants the assistant is away: whole days from the first day's 00:00 to the day
    /// after the last's 00:00, or the part-day's times on its day. `None` for an older
    /// part-day absence known only by its hours.
    pub fn interval(&self) -> Option<Interval> {
        match (self.from_time, self.to_time) {
            (Some(start), Some(end)) => Some(Interval::new(
                Instant::at_local(self.from, start),
                Instant::at_local(self.from, end),
            )),
            _ if self.hours.is_some() => None,
            _ => Some(Interval::new(
                Instant::start_of_day(self.from),
                Instant::start_of_day(self.to + Duration::days(1)),
            )),
        }
    }
}
