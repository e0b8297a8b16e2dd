//! What the UI sends: raw input as the user typed it (dates `YYYY-MM-DD`, times `HH:MM`, keys
//! of service types), turned into the model's validated types here, at the edge. Each error
//! names the field (`details: { field, value }`) and says in the user's language what was
//! wrong and what to do.
//!
//! Only shape and meaning are checked here; whether an edit is lawful is the checker's job,
//! and whether ids exist is the store's.

use std::collections::BTreeMap;

use serde::Deserialize;
use ts_rs::TS;

/// The dates a view shows, inclusive: `{ from: "2026-06-08", to: "2026-06-14" }`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, serde::Serialize, TS)]
pub struct Window {
    pub from: String,
    pub to: String,
}

/// A shift as the editor gives it: the work day and local times; an end not after the start
/// is on the next day.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ShiftInput {
    /// The shift to change (`update_shift`); absent for a new shift.
    pub id: Option<String>,
    /// The assistant's id; absent or null for an open shift.
    pub assistant: Option<String>,
    /// The work day, `YYYY-MM-DD`: the date the shift starts.
    pub day: String,
    /// `HH:MM`; may be empty when `shift_type` gives the times.
    pub start: String,
    /// `HH:MM`; not after `start` means the next day.
    pub end: String,
    /// `+02:00` or `+01:00`, needed only when `start` happens twice (the autumn night).
    pub start_offset: Option<String>,
    /// As `start_offset`, for `end`.
    pub end_offset: Option<String>,
    pub break_minutes: Option<u32>,
    pub passive_minutes: Option<u32>,
    pub long_shift: Option<bool>,
    /// `personlig_assistanse` (the default), `stottekontakt` or `avlastning`.
    pub service: Option<String>,
    /// `planned` (the default), `worked` or `cancelled`.
    pub status: Option<String>,
    pub note: Option<String>,
    /// The code of the shift type it is made from; its times, break, passive time, service
    /// and long-shift mark are used where the input leaves them out.
    pub shift_type: Option<String>,
}

/// A profile as chosen: a preset key and edited values by key.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, serde::Serialize, TS)]
#[serde(default)]
pub struct ProfileInput {
    /// `aml`, `aml_individual`, `tariff` or `tariff_long_shifts`.
    pub preset: String,
    /// Values by key (e.g. `weekly_normal_avg_h: 38`); numbers, `null`, booleans or strings.
    #[ts(type = "Record<string, unknown>")]
    pub overrides: BTreeMap<String, serde_json::Value>,
}

/// An assistant or vikar as the form gives it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct AssistantInput {
    /// The assistant to change; absent for a new one.
    pub id: Option<String>,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// `fast` (the default) or `vikar`.
    pub role: Option<String>,
    /// Contracted hours per week.
    pub contract_hours_per_week: Option<f64>,
    /// `#rrggbb`.
    pub colour: Option<String>,
    /// The assistant's own profile; absent or null: the plan's.
    pub profile: Option<ProfileInput>,
    pub birth_year: Option<i32>,
    /// 25 (the default) or 30 virkedager.
    pub holiday_entitlement: Option<u32>,
    pub close_family: Option<bool>,
    /// `YYYY-MM-DD`.
    pub family_approval: Option<String>,
    /// `YYYY-MM-DD`.
    pub start_date: Option<String>,
}

/// One version of the vedtak as the form gives it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct VedtakInput {
    /// The version to change; absent for a new one.
    pub id: Option<String>,
    /// `YYYY-MM-DD`.
    pub from: String,
    /// `YYYY-MM-DD`, inclusive; absent: open-ended.
    pub to: Option<String>,
    pub annual_frame: Option<bool>,
    /// Hours per week by service type key.
    #[ts(type = "Record<string, number>")]
    pub hours_per_week: BTreeMap<String, f64>,
    pub double_staffing: Option<bool>,
    /// `included` (the default) or `excluded`.
    pub night: Option<String>,
    /// 0 to 1; 1 (the default) counts passive hours in full.
    pub passive_factor: Option<f64>,
}

/// A shift type as the form gives it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ShiftTypeInput {
    /// Short code shown in the grid, e.g. `D`; the type's id.
    pub code: String,
    pub name: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`; not after `start` means the next day.
    pub end: String,
    pub break_minutes: Option<u32>,
    pub passive_minutes: Option<u32>,
    pub service: Option<String>,
    /// `#rrggbb`.
    pub colour: Option<String>,
    pub long_shift: Option<bool>,
}

/// One slot of a rotation pattern.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct SlotInput {
    /// 1-based week of the pattern.
    pub week: u32,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u32,
    /// A shift type code of the plan.
    pub shift_type: String,
    /// Absent or null: an open slot.
    pub assistant: Option<String>,
    pub skip_red_days: Option<bool>,
}

/// A rotation (N-week pattern) as the form gives it. Saving keeps the real days' changes the
/// plan has recorded for it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct RotationInput {
    /// The rotation to change; absent for a new one.
    pub id: Option<String>,
    pub name: String,
    /// 1 to 12.
    pub weeks: u32,
    /// A Monday, `YYYY-MM-DD`.
    pub start: String,
    /// `YYYY-MM-DD`; absent: runs on.
    pub until: Option<String>,
    pub slots: Vec<SlotInput>,
}

/// The plan's settings.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct SettingsInput {
    pub name: String,
    pub arbeidsleder: String,
    pub leverandor: Option<String>,
    pub current_user: Option<String>,
    pub carry_over: Option<bool>,
    /// `MM-DD`: from this day of each year, a missing main holiday is a warning
    /// (HOLIDAY-MAIN); `""` removes the deadline; absent keeps it as it is.
    pub main_holiday_deadline: Option<String>,
}

/// The guide's answers for a new plan.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct NewPlanInput {
    /// The plan's name; empty: the arbeidsleder's name.
    pub name: String,
    pub arbeidsleder: String,
    pub leverandor: Option<String>,
    pub carry_over: Option<bool>,
    /// Absent: plain law (`aml`).
    pub profile: Option<ProfileInput>,
    pub vedtak: Vec<VedtakInput>,
    pub assistants: Vec<AssistantInput>,
    /// Absent: none; the grid's shift types can be added later.
    pub shift_types: Vec<ShiftTypeInput>,
}

/// An absence from its form: whole days `from`–`to`, or part of one day with `from_time` and
/// `to_time` (then `from` = `to`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct AbsenceInput {
    /// Absent or null: a new absence; else the absence to change.
    pub id: Option<String>,
    pub assistant: String,
    /// `ferie`, `sykdom`, `permisjon` or `annet`.
    pub kind: String,
    /// `egenmelding` or `sykmelding`; only for `sykdom`.
    pub sick_note: Option<String>,
    /// `YYYY-MM-DD`, the first day.
    pub from: String,
    /// `YYYY-MM-DD`, the last day (inclusive).
    pub to: String,
    /// `HH:MM`, local: the start of a part-day absence.
    pub from_time: Option<String>,
    /// `HH:MM`, local: the end of a part-day absence.
    pub to_time: Option<String>,
    pub note: String,
}

/// One cover to apply: who takes which shift.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
pub struct CoverAssignment {
    pub shift: String,
    pub assistant: String,
}
