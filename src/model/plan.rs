//! A whole plan: everything one plan file holds.

use super::{
    Absence, Assistant, AssistantId, BusyTime, Profile, Rotation, Shift, ShiftType, Vedtak,
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

    /// The shift type with `code`.
    pub fn shift_type(&self, code: &str) -> Option<&ShiftType> {
        self.shift_types.iter().find(|t| t.code == code)
    }
}
