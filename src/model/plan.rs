//! A whole plan: everything one plan file holds.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{
    Absence, Assistant, AssistantId, BusyTime, Profile, Rotation, Shift, ShiftId, ShiftType, Vedtak,
};

/// A day of the year without the year, `MM-DD` (the main-holiday deadline).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// Parse `MM-DD`; 02-29 is allowed (it is 28 February in other years).
    pub fn parse(text: &str) -> Option<Self> {
        let (m, d) = text.trim().split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        NaiveDate::from_ymd_opt(2024, month, day)?;
        Some(MonthDay { month, day })
    }

    /// The date in `year` (29 February is the 28th outside leap years).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day.saturating_sub(1)))
    }
}

impl std::fmt::Display for MonthDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// The people and defaults of a plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// The plan's name, printed on exports.
    pub name: String,
    /// The arbeidsleder's name.
    pub arbeidsleder: String,
    /// The employer: the municipality or a private provider.
    pub leverandor: String,
    /// The name written into the change log for edits made here.
    pub current_user: String,
    /// Hours left at year end carry over instead of lapsing.
    pub carry_over: bool,
    /// From this day of each year on, an assistant with work that year and no main holiday
    /// booked is a warning (HOLIDAY-MAIN); `None` checks nothing.
    pub main_holiday_deadline: Option<MonthDay>,
}

/// One arbeidsleder's plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub settings: Settings,
    /// The plan's rule profile; assistants may have their own.
    pub profile: Profile,
    pub vedtak: Vec<Vedtak>,
    pub assistants: Vec<Assistant>,
    pub shift_types: Vec<ShiftType>,
    pub shifts: Vec<Shift>,
    pub rotations: Vec<Rotation>,
    pub absences: Vec<Absence>,
    /// Assistants' work elsewhere, imported from their other calendars.
    pub busy: Vec<BusyTime>,
    /// Cover links: a shift covered by someone else for its absent assistant → that absent
    /// assistant ("originally planned"). The shift's `assistant` is the one covering.
    pub covers: BTreeMap<ShiftId, AssistantId>,
    /// Holiday days agreed moved into a year from the year before (ferieloven § 7 (2)), by
    /// assistant and year; 0 to 12.
    pub holiday_carry: BTreeMap<AssistantId, BTreeMap<i32, u32>>,
}

impl Plan {
    /// The assistant with `id`.
    pub fn assistant(&self, id: &AssistantId) -> Option<&Assistant> {
        self.assistants.iter().find(|a| &a.id == id)
    }

    /// The profile `assistant` is checked under: their own, or the plan's.
    pub fn profile_of<'a>(&'a self, assistant: &'a Assistant) -> &'a Profile {
        assistant.profile.as_ref().unwrap_or(&self.profile)
    }

    /// The absent assistant `shift` covers for, when it is covered by someone else.
    pub fn original_assistant(&self, shift: &Shift) -> Option<&AssistantId> {
        self.covers
            .get(&shift.id)
            .filter(|original| shift.assistant.as_ref() != Some(*original))
    }

    /// The days agreed carried into `year` for `assistant`.
    pub fn carried_days(&self, assistant: &AssistantId, year: i32) -> u32 {
        self.holiday_carry
            .get(assistant)
            .and_then(|years| years.get(&year))
            .copied()
            .unwrap_or(0)
    }

    /// The shift type with `code`.
    pub fn shift_type(&self, code: &str) -> Option<&ShiftType> {
        self.shift_types.iter().find(|t| t.code == code)
    }
}
