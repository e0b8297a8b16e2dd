//! Absences: holiday, sickness, leave.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AbsenceId, AssistantId};

/// Why an assistant is away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceKind {
    Ferie,
    Sykdom,
    Permisjon,
    Annet,
}

/// A stretch of days an assistant is away, `from` to `to` inclusive.
#[derive(Clone, Debug, PartialEq)]
pub struct Absence {
    pub id: AbsenceId,
    pub assistant: AssistantId,
    pub kind: AbsenceKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Hours, for a part-day absence.
    pub hours: Option<f64>,
    pub note: String,
}

impl Absence {
    /// True when the absence covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}
