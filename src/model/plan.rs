//! A whole plan: everything one plan file holds.

use std::borrow::Cow;

use super::{
    Absence, Assistant, AssistantId, BusyTime, Categories, ClosedMonth, EgenandelChoice,
    EgenandelTable, Month, Profile, Rotation, Shift, ShiftType, Vedtak,
};

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
    /// The months closed (locked) after their timelister were confirmed.
    pub closed_months: Vec<ClosedMonth>,
    /// Where the supplement categories of the timeliste begin and end.
    pub categories: Categories,
    /// The egenandel table and income bracket chosen, if any.
    pub egenandel: EgenandelChoice,
    /// Egenandel tables the user added (the presets are built in).
    pub egenandel_tables: Vec<EgenandelTable>,
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

    /// The plan as worked: every worked shift with its actual times in place of the planned
    /// ones ([`Shift::as_worked`]). Borrowed as it is when no shift has actual times.
    pub fn as_worked(&self) -> Cow<'_, Plan> {
        if self.shifts.iter().all(|s| !s.differs_from_plan()) {
            return Cow::Borrowed(self);
        }
        let mut plan = self.clone();
        for shift in &mut plan.shifts {
            if shift.differs_from_plan() {
                *shift = shift.as_worked();
            }
        }
        Cow::Owned(plan)
    }

    /// True when `month` is closed.
    pub fn is_closed(&self, month: Month) -> bool {
        self.closed_months.iter().any(|c| c.month == month)
    }

    /// The shift type with `code`.
    pub fn shift_type(&self, code: &str) -> Option<&ShiftType> {
        self.shift_types.iter().find(|t| t.code == code)
    }
}
