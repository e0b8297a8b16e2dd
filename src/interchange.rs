//! Plan JSON v1: reading raw JSON into a validated [`Plan`], and writing a plan back.
//!
//! This is the edge where raw input becomes validated types. Every problem is an
//! [`InputError`] naming the field (as a path such as `shifts[3].start`) and the value, so
//! the command line can print it on one line. Unknown keys are errors: they are usually typos.
//!
//! The format is described field by field in `docs/plan-format.md`. Writing always produces
//! every field, with times as RFC 3339 with their offset, so a written plan reads back equal.

use std::collections::{BTreeMap, HashSet};

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::limits;
use crate::model::{
    Absence, AbsenceId, AbsenceKind, Assistant, AssistantId, BusyTime, DayChange, MonthDay,
    NightHelp, Plan, Profile, Role, Rotation, RotationId, ServiceType, Settings, Shift, ShiftId,
    ShiftStatus, ShiftType, SickNote, Slot, Vedtak,
};
use crate::time::{parse_day, Instant};

/// The `format` value of a plan JSON file.
pub const FORMAT: &str = "turnus-plan";
/// The only version this build reads and writes.
pub const VERSION: u64 = 1;

/// Input that cannot become a plan: where, and what is wrong.
///
/// Shown as `shifts[3].start: …` for a field, `plan JSON, line 3 column 5: …` for text that
/// is not JSON, and `plan JSON: …` for the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", where_label(path))]
pub struct InputError {
    /// The field, e.g. `shifts[3].start`; `line 3 column 5` where the text is not JSON; empty
    /// for the document as a whole.
    pub path: String,
    pub message: String,
}

fn where_label(path: &str) -> String {
    if path.is_empty() {
        "plan JSON".to_string()
    } else if path.starts_with("line ") {
        format!("plan JSON, {path}")
    } else {
        path.to_string()
    }
}

fn err(path: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        path: path.into(),
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------------------
// Raw shapes, exactly as in the file.

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    #[serde(default)]
    name: String,
    #[serde(default)]
    arbeidsleder: String,
    #[serde(default)]
    leverandor: String,
    #[serde(default)]
    current_user: String,
    #[serde(default)]
    carry_over: bool,
    #[serde(default)]
    main_holiday_deadline: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawVedtak {
    from: String,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    annual_frame: bool,
    #[serde(default)]
    hours_per_week: BTreeMap<String, f64>,
    #[serde(default)]
    double_staffing: bool,
    #[serde(default = "default_night")]
    night: String,
    #[serde(default = "default_factor")]
    passive_factor: f64,
}

fn default_night() -> String {
    "included".into()
}
fn default_factor() -> f64 {
    1.0
}
fn default_entitlement() -> u32 {
    25
}
fn default_service() -> String {
    "personlig_assistanse".into()
}
fn default_status() -> String {
    "planned".into()
}
fn default_role() -> String {
    "fast".into()
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawAssistant {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    profile: Value,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default = "default_role")]
    role: String,
    #[serde(default)]
    contract_hours_per_week: Option<f64>,
    #[serde(default)]
    colour: String,
    #[serde(default)]
    birth_year: Option<i32>,
    #[serde(default = "default_entitlement")]
    holiday_entitlement: u32,
    #[serde(default)]
    close_family: bool,
    #[serde(default)]
    family_approval: Option<String>,
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    holiday_carried: BTreeMap<String, u32>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawShiftType {
    code: String,
    #[serde(default)]
    name: String,
    start: String,
    end: String,
    #[serde(default)]
    break_minutes: u32,
    #[serde(default)]
    passive_minutes: u32,
    #[serde(default = "default_service")]
    service: String,
    #[serde(default)]
    colour: String,
    #[serde(default)]
    long_shift: bool,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawShift {
    id: String,
    assistant: Option<String>,
    start: String,
    end: String,
    #[serde(default)]
    break_minutes: u32,
    #[serde(default)]
    passive_minutes: u32,
    #[serde(default)]
    long_shift: bool,
    #[serde(default = "default_service")]
    service: String,
    #[serde(default = "default_status")]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    shift_type: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
    #[serde(default)]
    original_assistant: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawSlot {
    week: u32,
    weekday: String,
    shift_type: String,
    #[serde(default)]
    assistant: Option<String>,
    #[serde(default)]
    skip_red_days: bool,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    kind: String,
    date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    slot: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    /// For `reassigned` and `extra`: the assistant, or null for open.
    #[serde(default)]
    assistant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shift_type: Option<String>,
    /// For `adjusted`: the day's break and passive time, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    break_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    passive_minutes: Option<u32>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawRotation {
    id: String,
    #[serde(default)]
    name: String,
    weeks: u32,
    start: String,
    #[serde(default)]
    until: Option<String>,
    #[serde(default)]
    slots: Vec<RawSlot>,
    #[serde(default)]
    changes: Vec<RawChange>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawAbsence {
    id: String,
    assistant: String,
    kind: String,
    from: String,
    to: String,
    #[serde(default)]
    hours: Option<f64>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    sick_note: Option<String>,
    #[serde(default)]
    from_time: Option<String>,
    #[serde(default)]
    to_time: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawBusy {
    id: String,
    assistant: String,
    start: String,
    end: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    summary: String,
}

const TOP_KEYS: [&str; 11] = [
    "format",
    "version",
    "settings",
    "profile",
    "vedtak",
    "assistants",
    "shift_types",
    "shifts",
    "rotations",
    "absences",
    "busy",
];

// ---------------------------------------------------------------------------------------
// Reading.

/// Read plan JSON v1 text into a validated plan.
///
/// ```
/// let plan = turnus::interchange::read_plan(r#"{"format": "turnus-plan", "version": 1,
///   "assistants": [{"id": "A", "name": "Kari"}],
///   "shifts": [{"id": "s1", "assistant": "A",
///               "start": "2026-06-08T08:00", "end": "2026-06-08T16:00"}]}"#).unwrap();
/// assert_eq!(plan.shifts[0].working_seconds(), 8 * 3600);
/// ```
pub fn read_plan(text: &str) -> Result<Plan, InputError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let location = format!(" at line {} column {}", e.line(), e.column());
        let what = e.to_string();
        let what = what.strip_suffix(&location).unwrap_or(&what).to_string();
        err(
            format!("line {} column {}", e.line(), e.column()),
            format!("{what}; this is not valid JSON"),
        )
    })?;
    read_plan_value(value)
}

/// Check that `plan` is one plan JSON accepts (and so one a plan file can hold): the same
/// validation as [`read_plan`], on the plan as written. A plan read from a plan file goes
/// through this, so a file holding what plan JSON refuses (an absurd span, a year outside
/// 1900–2200) is refused with the field named, instead of breaking a check or an export.
pub fn validate(plan: &Plan) -> Result<(), InputError> {
    read_plan_value(plan_to_value(plan)).map(|_| ())
}

/// Read an already parsed JSON document into a validated plan.
pub fn read_plan_value(value: Value) -> Result<Plan, InputError> {
    let Value::Object(mut top) = value else {
        return Err(err("", "a plan must be a JSON object"));
    };
    if let Some(key) = top.keys().find(|k| !TOP_KEYS.contains(&k.as_str())) {
        return Err(err(
            key.clone(),
            format!("unknown field «{key}»; is it a typo?"),
        ));
    }
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(err(
                "format",
                format!("expected \"{FORMAT}\", found {other}; this is not a Turnus plan"),
            ))
        }
        None => {
            return Err(err(
                "format",
                "missing; a plan starts with \"format\": \"turnus-plan\"",
            ))
        }
    }
    match top.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(other) => {
            return Err(err(
                "version",
                format!("version {other} is not supported; this Turnus reads version {VERSION}"),
            ))
        }
        None => return Err(err("version", "missing; add \"version\": 1")),
    }
    let mut plan = Plan::default();
    if let Some(settings) = top.remove("settings") {
        let raw: RawSettings = parse_part("settings", settings)?;
        for (field, text) in [
            ("name", &raw.name),
            ("arbeidsleder", &raw.arbeidsleder),
            ("leverandor", &raw.leverandor),
            ("current_user", &raw.current_user),
        ] {
            name_within_limit(&format!("settings.{field}"), text)?;
        }
        plan.settings = Settings {
            name: raw.name,
            arbeidsleder: raw.arbeidsleder,
            leverandor: raw.leverandor,
            current_user: raw.current_user,
            carry_over: raw.carry_over,
            main_holiday_deadline: match raw.main_holiday_deadline.as_deref() {
                None => None,
                Some(text) => Some(MonthDay::parse(text).ok_or_else(|| {
                    err(
                        "settings.main_holiday_deadline",
                        format!("«{text}» is not a day of the year; write MM-DD, such as 05-01"),
                    )
                })?),
            },
        };
    }
    plan.profile = match top.remove("profile") {
        None | Some(Value::Null) => Profile::default(),
        Some(v) => read_profile("profile", &v)?,
    };
    for (i, v) in array(&mut top, "vedtak", false)?.into_iter().enumerate() {
        let path = format!("vedtak[{i}]");
        plan.vedtak.push(read_vedtak(&path, parse_part(&path, v)?)?);
    }
    let assistants = array(&mut top, "assistants", true)?;
    count_within_limit(
        "assistants",
        "assistants",
        assistants.len(),
        limits::MAX_ASSISTANTS,
    )?;
    for (i, v) in assistants.into_iter().enumerate() {
        let path = format!("assistants[{i}]");
        let raw: RawAssistant = parse_part(&path, v)?;
        let carried = read_carry(&path, &raw.holiday_carried)?;
        let assistant = read_assistant(&path, raw)?;
        if !carried.is_empty() {
            plan.holiday_carry.insert(assistant.id.clone(), carried);
        }
        if plan.assistant(&assistant.id).is_some() {
            return Err(used_twice(&path, "id", &assistant.id));
        }
        plan.assistants.push(assistant);
    }
    for (i, v) in array(&mut top, "shift_types", false)?
        .into_iter()
        .enumerate()
    {
        let path = format!("shift_types[{i}]");
        let shift_type = read_shift_type(&path, parse_part(&path, v)?)?;
        if plan.shift_type(&shift_type.code).is_some() {
            return Err(used_twice(&path, "code", &shift_type.code));
        }
        plan.shift_types.push(shift_type);
    }
    let mut shift_ids = HashSet::new();
    let shifts = array(&mut top, "shifts", true)?;
    count_within_limit("shifts", "shifts", shifts.len(), limits::MAX_SHIFTS)?;
    for (i, v) in shifts.into_iter().enumerate() {
        let path = format!("shifts[{i}]");
        let raw: RawShift = parse_part(&path, v)?;
        let original = raw
            .original_assistant
            .as_deref()
            .map(|id| assistant_ref(&format!("{path}.original_assistant"), id, &plan))
            .transpose()?;
        let shift = read_shift(&path, raw, &plan)?;
        if let Some(original) = original {
            plan.covers.insert(shift.id.clone(), original);
        }
        if !shift_ids.insert(shift.id.clone()) {
            return Err(used_twice(&path, "id", &shift.id));
        }
        plan.shifts.push(shift);
    }
    let mut rotation_ids = HashSet::new();
    for (i, v) in array(&mut top, "rotations", false)?.into_iter().enumerate() {
        let path = format!("rotations[{i}]");
        let rotation = read_rotation(&path, parse_part(&path, v)?, &plan)?;
        if !rotation_ids.insert(rotation.id.clone()) {
            return Err(used_twice(&path, "id", &rotation.id));
        }
        plan.rotations.push(rotation);
    }
    let mut absence_ids = HashSet::new();
    for (i, v) in array(&mut top, "absences", false)?.into_iter().enumerate() {
        let path = format!("absences[{i}]");
        let absence = read_absence(&path, parse_part(&path, v)?, &plan)?;
        if !absence_ids.insert(absence.id.clone()) {
            return Err(used_twice(&path, "id", &absence.id));
        }
        plan.absences.push(absence);
    }
    let mut busy_ids = HashSet::new();
    for (i, v) in array(&mut top, "busy", false)?.into_iter().enumerate() {
        let path = format!("busy[{i}]");
        let raw: RawBusy = parse_part(&path, v)?;
        if raw.id.trim().is_empty() {
            return Err(err(format!("{path}.id"), "busy time needs an id"));
        }
        if !busy_ids.insert(raw.id.clone()) {
            return Err(used_twice(&path, "id", &raw.id));
        }
        let start = instant(&format!("{path}.start"), &raw.start)?;
        let end = instant(&format!("{path}.end"), &raw.end)?;
        if end <= start {
            return Err(err(
                format!("{path}.end"),
                format!(
                    "the busy time ends ({}) before or when it starts ({})",
                    raw.end, raw.start
                ),
            ));
        }
        if end - start > BusyTime::MAX_SECONDS {
            return Err(err(
                format!("{path}.end"),
                format!(
                    "«{}» is more than 31 days after the start ({}); one busy time lasts at most 31 days, so split it",
                    raw.end, raw.start
                ),
            ));
        }
        plan.busy.push(BusyTime {
            id: raw.id,
            assistant: assistant_ref(&format!("{path}.assistant"), &raw.assistant, &plan)?,
            start,
            end,
            source: raw.source,
            summary: raw.summary,
        });
    }
    Ok(plan)
}

/// Refuse a list longer than the plan's limit (`crate::limits`).
fn count_within_limit(path: &str, what: &str, count: usize, max: usize) -> Result<(), InputError> {
    if count > max {
        return Err(err(
            path,
            format!("{count} {what} is more than a plan may hold; the limit is {max}, so split the plan"),
        ));
    }
    Ok(())
}

/// Refuse a name longer than [`limits::MAX_NAME_CHARS`] characters.
fn name_within_limit(path: &str, name: &str) -> Result<(), InputError> {
    if limits::name_too_long(name) {
        let shown: String = name.chars().take(20).collect();
        return Err(err(
            path,
            format!(
                "«{shown}…» is {} characters long; a name may have at most {}",
                name.chars().count(),
                limits::MAX_NAME_CHARS
            ),
        ));
    }
    Ok(())
}

fn array(
    top: &mut Map<String, Value>,
    key: &str,
    required: bool,
) -> Result<Vec<Value>, InputError> {
    match top.remove(key) {
        Some(Value::Array(items)) => Ok(items),
        None if !required => Ok(Vec::new()),
        Some(Value::Null) if !required => Ok(Vec::new()),
        None => Err(err(key, "missing; give a list (it may be empty: [])")),
        Some(other) => Err(err(
            key,
            format!(
                "«{}» is not a list; give a list (it may be empty: [])",
                shown_value(&other)
            ),
        )),
    }
}

/// The error for an id (or code) given to two entities of one kind.
fn used_twice(path: &str, field: &str, value: &dyn std::fmt::Display) -> InputError {
    err(
        format!("{path}.{field}"),
        format!("the {field} «{value}» is used twice"),
    )
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn parse_part<T: for<'de> Deserialize<'de>>(path: &str, v: Value) -> Result<T, InputError> {
    serde_path_to_error::deserialize(&v).map_err(|e| {
        // Where inside the entity: `.break_minutes`, `.slots[2].week`.
        let mut at = path.to_string();
        let mut value = Some(&v);
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => {
                    at.push_str(&format!("[{index}]"));
                    value = value.and_then(|v| v.get(index));
                }
                serde_path_to_error::Segment::Map { key } => {
                    at.push('.');
                    at.push_str(key);
                    value = value.and_then(|v| v.get(key));
                }
                serde_path_to_error::Segment::Enum { variant } => {
                    at.push('.');
                    at.push_str(variant);
                }
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        let text = e.inner().to_string();
        // serde names the field in backticks; turn it into a path.
        let field = text
            .split('`')
            .nth(1)
            .filter(|_| text.starts_with("unknown field") || text.starts_with("missing field"));
        match field {
            Some(f) if text.starts_with("missing field") => {
                err(format!("{at}.{f}"), "missing; this field is required")
            }
            Some(f) => {
                // The path already ends at the unknown key.
                let at = if at.ends_with(&format!(".{f}")) {
                    at
                } else {
                    format!("{at}.{f}")
                };
                err(at, format!("unknown field «{f}»; is it a typo?"))
            }
            None => {
                let shown = value.map_or_else(|| "?".to_string(), shown_value);
                err(&at, wrong_value(&at, &shown, &text))
            }
        }
    })
}

/// A JSON value as a refusal quotes it: text as it is, anything else as JSON, cut at 60
/// characters.
fn shown_value(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > 60 {
        let mut short: String = text.chars().take(60).collect();
        short.push('…');
        short
    } else {
        text
    }
}

/// The sentence for a value of the wrong kind, from serde's `invalid type: …, expected u32`.
fn wrong_value(path: &str, shown: &str, serde_text: &str) -> String {
    let expected = serde_text
        .rsplit_once("expected ")
        .map_or("", |(_, e)| e.trim());
    let minutes = path.ends_with("_minutes");
    let (what, example) = match expected {
        "u32" if minutes => ("a whole number of minutes from 0 to 4294967295", "30"),
        "u32" => ("a whole number from 0 to 4294967295", "1"),
        "u64" | "usize" => ("a whole number of 0 or more", "1"),
        "i32" | "i64" => ("a whole number", "1"),
        "f64" | "f32" => ("a number", "37.5"),
        "a string" => ("text", "\"…\" in quotes"),
        "a boolean" => ("true or false", "true"),
        "a sequence" => ("a list", "[…]"),
        e if e.starts_with("struct") || e.starts_with("a map") => ("an object", "{…}"),
        _ => return format!("«{shown}» cannot be used here ({serde_text})"),
    };
    format!("«{shown}» is not {what}; write it as, e.g., {example}")
}

/// Read a profile: a preset name, or `{"preset": …, "overrides": {…}}`.
fn read_profile(path: &str, v: &Value) -> Result<Profile, InputError> {
    let (preset, overrides) = match v {
        Value::String(name) => (name.as_str(), BTreeMap::new()),
        Value::Object(obj) => {
            if let Some(key) = obj.keys().find(|k| *k != "preset" && *k != "overrides") {
                return Err(err(
                    format!("{path}.{key}"),
                    format!("unknown field «{key}»; a profile has preset and overrides"),
                ));
            }
            let preset = obj
                .get("preset")
                .and_then(Value::as_str)
                .ok_or_else(|| err(format!("{path}.preset"), "missing; give a preset name"))?;
            let overrides = match obj.get("overrides") {
                None | Some(Value::Null) => BTreeMap::new(),
                Some(Value::Object(o)) => o.clone().into_iter().collect(),
                Some(other) => {
                    return Err(err(
                        format!("{path}.overrides"),
                        format!("expected an object, found {}", kind_of(other)),
                    ))
                }
            };
            (preset, overrides)
        }
        other => {
            return Err(err(
                path,
                format!(
                    "«{}» is {}, not a preset name or an object",
                    shown_value(other),
                    kind_of(other)
                ),
            ))
        }
    };
    let string_form = matches!(v, Value::String(_));
    Profile::from_raw(preset, &overrides).map_err(|e| {
        use crate::model::ProfileError;
        let at = match &e {
            ProfileError::UnknownPreset(_) if string_form => path.to_string(),
            ProfileError::UnknownPreset(_) => format!("{path}.preset"),
            ProfileError::UnknownParam(key) => format!("{path}.overrides.{key}"),
            ProfileError::Invalid { param, .. } => format!("{path}.overrides.{param}"),
        };
        err(at, e.to_string())
    })
}

fn date(path: &str, text: &str) -> Result<NaiveDate, InputError> {
    parse_day(text).map_err(|e| err(path, e.to_string()))
}

fn instant(path: &str, text: &str) -> Result<Instant, InputError> {
    Instant::parse(text).map_err(|e| err(path, e.to_string()))
}

fn clock(path: &str, text: &str) -> Result<NaiveTime, InputError> {
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| {
        err(
            path,
            format!("«{text}» is not a time of day; write it as HH:MM"),
        )
    })
}

fn service(path: &str, key: &str) -> Result<ServiceType, InputError> {
    ServiceType::from_key(key).ok_or_else(|| {
        err(
            path,
            format!(
                "unknown service type «{key}»; use personlig_assistanse, stottekontakt or avlastning"
            ),
        )
    })
}

fn assistant_ref(path: &str, id: &str, plan: &Plan) -> Result<AssistantId, InputError> {
    let id = AssistantId(id.to_string());
    match plan.assistant(&id) {
        Some(_) => Ok(id),
        None => Err(err(path, format!("no assistant has the id «{id}»"))),
    }
}

fn read_vedtak(path: &str, raw: RawVedtak) -> Result<Vedtak, InputError> {
    let from = date(&format!("{path}.from"), &raw.from)?;
    let to = raw
        .to
        .as_deref()
        .map(|t| date(&format!("{path}.to"), t))
        .transpose()?;
    if let Some(to) = to {
        if to < from {
            return Err(err(
                format!("{path}.to"),
                format!("the vedtak ends ({to}) before it starts ({from})"),
            ));
        }
    }
    let mut hours_per_week = BTreeMap::new();
    for (key, hours) in raw.hours_per_week {
        let p = format!("{path}.hours_per_week.{key}");
        let s = service(&p, &key)?;
        if !hours.is_finite() || !(0.0..=168.0).contains(&hours) {
            return Err(err(
                p,
                format!("{hours} hours a week is not possible; give 0 to 168"),
            ));
        }
        hours_per_week.insert(s, hours);
    }
    let night = match raw.night.as_str() {
        "included" => NightHelp::Included,
        "excluded" => NightHelp::Excluded,
        other => {
            return Err(err(
                format!("{path}.night"),
                format!("unknown value «{other}»; use included or excluded"),
            ))
        }
    };
    if !raw.passive_factor.is_finite() || !(0.0..=1.0).contains(&raw.passive_factor) {
        return Err(err(
            format!("{path}.passive_factor"),
            format!("{} is not a factor from 0 to 1", raw.passive_factor),
        ));
    }
    Ok(Vedtak {
        from,
        to,
        annual_frame: raw.annual_frame,
        hours_per_week,
        double_staffing: raw.double_staffing,
        night,
        passive_factor: raw.passive_factor,
    })
}

fn read_assistant(path: &str, raw: RawAssistant) -> Result<Assistant, InputError> {
    if raw.id.trim().is_empty() {
        return Err(err(format!("{path}.id"), "an assistant needs an id"));
    }
    name_within_limit(&format!("{path}.name"), &raw.name)?;
    let profile = match &raw.profile {
        Value::Null => None,
        v => Some(read_profile(&format!("{path}.profile"), v)?),
    };
    let role = match raw.role.as_str() {
        "fast" => Role::Fast,
        "vikar" => Role::Vikar,
        other => {
            return Err(err(
                format!("{path}.role"),
                format!("unknown role «{other}»; use fast or vikar"),
            ))
        }
    };
    let contract_minutes_per_week = match raw.contract_hours_per_week {
        None => None,
        Some(h) if h.is_finite() && (0.0..=168.0).contains(&h) => Some((h * 60.0).round() as i64),
        Some(h) => {
            return Err(err(
                format!("{path}.contract_hours_per_week"),
                format!("{h} hours a week is not possible; give 0 to 168"),
            ))
        }
    };
    if raw.holiday_entitlement != 25 && raw.holiday_entitlement != 30 {
        return Err(err(
            format!("{path}.holiday_entitlement"),
            format!(
                "{} days is not an entitlement Turnus knows; use 25 or 30",
                raw.holiday_entitlement
            ),
        ));
    }
    if let Some(year) = raw.birth_year {
        if !crate::time::year_supported(year) {
            return Err(err(
                format!("{path}.birth_year"),
                format!("{year} is not a birth year"),
            ));
        }
    }
    let optional_date = |field: &str, v: &Option<String>| {
        v.as_deref()
            .map(|t| date(&format!("{path}.{field}"), t))
            .transpose()
    };
    Ok(Assistant {
        id: AssistantId(raw.id),
        name: raw.name,
        phone: raw.phone,
        email: raw.email,
        role,
        contract_minutes_per_week,
        colour: raw.colour,
        profile,
        birth_year: raw.birth_year,
        holiday_entitlement: raw.holiday_entitlement,
        close_family: raw.close_family,
        family_approval: optional_date("family_approval", &raw.family_approval)?,
        start_date: optional_date("start_date", &raw.start_date)?,
    })
}

/// `holiday_carried`: years (as text) → days, each 0 to 12.
fn read_carry(path: &str, raw: &BTreeMap<String, u32>) -> Result<BTreeMap<i32, u32>, InputError> {
    let mut out = BTreeMap::new();
    for (year, days) in raw {
        let p = format!("{path}.holiday_carried.{year}");
        let y: i32 = year
            .parse()
            .ok()
            .filter(|y| crate::time::year_supported(*y))
            .ok_or_else(|| err(p.clone(), format!("«{year}» is not a year")))?;
        if *days > crate::holidays::MAX_CARRIED_DAYS {
            return Err(err(
                p,
                format!(
                    "{days} days is more than the {} virkedager ferieloven § 7 (2) lets be carried over",
                    crate::holidays::MAX_CARRIED_DAYS
                ),
            ));
        }
        if *days > 0 {
            out.insert(y, *days);
        }
    }
    Ok(out)
}

fn read_shift_type(path: &str, raw: RawShiftType) -> Result<ShiftType, InputError> {
    if raw.code.trim().is_empty() {
        return Err(err(format!("{path}.code"), "a shift type needs a code"));
    }
    name_within_limit(&format!("{path}.name"), &raw.name)?;
    let start = clock(&format!("{path}.start"), &raw.start)?;
    let end = clock(&format!("{path}.end"), &raw.end)?;
    Ok(ShiftType {
        code: raw.code,
        name: raw.name,
        start,
        end,
        break_minutes: raw.break_minutes,
        passive_minutes: raw.passive_minutes,
        service: service(&format!("{path}.service"), &raw.service)?,
        colour: raw.colour,
        long_shift: raw.long_shift,
    })
}

fn read_shift(path: &str, raw: RawShift, plan: &Plan) -> Result<Shift, InputError> {
    if raw.id.trim().is_empty() {
        return Err(err(format!("{path}.id"), "a shift needs an id"));
    }
    let assistant = raw
        .assistant
        .as_deref()
        .map(|id| assistant_ref(&format!("{path}.assistant"), id, plan))
        .transpose()?;
    let start = instant(&format!("{path}.start"), &raw.start)?;
    let end = instant(&format!("{path}.end"), &raw.end)?;
    if end <= start {
        return Err(err(
            format!("{path}.end"),
            format!(
                "the shift ends ({}) before or when it starts ({}); a night shift ends on the next day",
                raw.end, raw.start
            ),
        ));
    }
    if limits::shift_too_long(start, end) {
        return Err(err(
            format!("{path}.end"),
            format!(
                "the shift from {} to {} lasts more than {} days, the longest a shift may be; check the end date",
                raw.start, raw.end, limits::MAX_SHIFT_DAYS
            ),
        ));
    }
    let minutes = (end - start) / 60;
    if i64::from(raw.break_minutes) > minutes {
        return Err(err(
            format!("{path}.break_minutes"),
            format!(
                "a {} minute break does not fit in a {minutes} minute shift",
                raw.break_minutes
            ),
        ));
    }
    if i64::from(raw.passive_minutes) > minutes {
        return Err(err(
            format!("{path}.passive_minutes"),
            format!(
                "{} passive minutes do not fit in a {minutes} minute shift",
                raw.passive_minutes
            ),
        ));
    }
    let status = match raw.status.as_str() {
        "planned" => ShiftStatus::Planned,
        "worked" => ShiftStatus::Worked,
        "cancelled" => ShiftStatus::Cancelled,
        other => {
            return Err(err(
                format!("{path}.status"),
                format!("unknown status «{other}»; use planned, worked or cancelled"),
            ))
        }
    };
    if let Some(code) = &raw.shift_type {
        if plan.shift_type(code).is_none() {
            return Err(err(
                format!("{path}.shift_type"),
                format!("no shift type has the code «{code}»"),
            ));
        }
    }
    let stamp = |field: &str, v: &Option<String>| {
        v.as_deref()
            .map(|t| instant(&format!("{path}.{field}"), t))
            .transpose()
    };
    Ok(Shift {
        id: ShiftId(raw.id),
        assistant,
        start,
        end,
        break_minutes: raw.break_minutes,
        passive_minutes: raw.passive_minutes,
        long_shift: raw.long_shift,
        service: service(&format!("{path}.service"), &raw.service)?,
        status,
        note: raw.note,
        shift_type: raw.shift_type,
        created_at: stamp("created_at", &raw.created_at)?,
        updated_at: stamp("updated_at", &raw.updated_at)?,
    })
}

fn weekday(path: &str, text: &str) -> Result<Weekday, InputError> {
    text.parse::<Weekday>().map_err(|_| {
        err(
            path,
            format!("«{text}» is not a weekday; use mon, tue, wed, thu, fri, sat or sun"),
        )
    })
}

fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

fn read_rotation(path: &str, raw: RawRotation, plan: &Plan) -> Result<Rotation, InputError> {
    if raw.id.trim().is_empty() {
        return Err(err(
            format!("{path}.id"),
            "a turnus needs an id; give it one such as \"r1\"",
        ));
    }
    if !(1..=12).contains(&raw.weeks) {
        return Err(err(
            format!("{path}.weeks"),
            format!(
                "a turnus of {} weeks is not possible; give 1 to 12",
                raw.weeks
            ),
        ));
    }
    let start = date(&format!("{path}.start"), &raw.start)?;
    if start.weekday_from_monday() != 0 {
        return Err(err(
            format!("{path}.start"),
            format!("{start} is not a Monday; a turnus starts on a Monday"),
        ));
    }
    let until = raw
        .until
        .as_deref()
        .map(|t| date(&format!("{path}.until"), t))
        .transpose()?;
    let mut slots = Vec::new();
    for (i, s) in raw.slots.into_iter().enumerate() {
        let p = format!("{path}.slots[{i}]");
        if !(1..=raw.weeks).contains(&s.week) {
            return Err(err(
                format!("{p}.week"),
                format!("week {} is outside the {}-week turnus", s.week, raw.weeks),
            ));
        }
        if plan.shift_type(&s.shift_type).is_none() {
            return Err(err(
                format!("{p}.shift_type"),
                format!("no shift type has the code «{}»", s.shift_type),
            ));
        }
        slots.push(Slot {
            week: s.week,
            weekday: weekday(&format!("{p}.weekday"), &s.weekday)?,
            shift_type: s.shift_type,
            assistant: s
                .assistant
                .as_deref()
                .map(|a| assistant_ref(&format!("{p}.assistant"), a, plan))
                .transpose()?,
            skip_red_days: s.skip_red_days,
        });
    }
    let mut changes = Vec::new();
    for (i, c) in raw.changes.into_iter().enumerate() {
        let p = format!("{path}.changes[{i}]");
        changes.push(read_change(&p, c, slots.len(), plan)?);
    }
    Ok(Rotation {
        id: RotationId(raw.id),
        name: raw.name,
        weeks: raw.weeks,
        start,
        until,
        slots,
        changes,
    })
}

trait WeekdayFromMonday {
    fn weekday_from_monday(&self) -> u32;
}
impl WeekdayFromMonday for NaiveDate {
    fn weekday_from_monday(&self) -> u32 {
        chrono::Datelike::weekday(self).num_days_from_monday()
    }
}

fn read_change(
    path: &str,
    raw: RawChange,
    slot_count: usize,
    plan: &Plan,
) -> Result<DayChange, InputError> {
    let date = date(&format!("{path}.date"), &raw.date)?;
    let slot = || {
        let s = raw
            .slot
            .ok_or_else(|| err(format!("{path}.slot"), "missing; say which slot changed"))?;
        if s >= slot_count {
            return Err(err(
                format!("{path}.slot"),
                format!("slot {s} does not exist; the turnus has {slot_count} slots"),
            ));
        }
        Ok(s)
    };
    let assistant = raw
        .assistant
        .as_deref()
        .map(|a| assistant_ref(&format!("{path}.assistant"), a, plan))
        .transpose()?;
    match raw.kind.as_str() {
        "moved" => {
            let start = raw.start.as_deref().ok_or_else(|| {
                err(
                    format!("{path}.start"),
                    "missing; a moved shift needs a start",
                )
            })?;
            let end = raw
                .end
                .as_deref()
                .ok_or_else(|| err(format!("{path}.end"), "missing; a moved shift needs an end"))?;
            let start = instant(&format!("{path}.start"), start)?;
            let end = instant(&format!("{path}.end"), end)?;
            if end <= start {
                return Err(err(
                    format!("{path}.end"),
                    "the moved shift ends before or when it starts",
                ));
            }
            Ok(DayChange::Moved {
                slot: slot()?,
                date,
                start,
                end,
            })
        }
        "cancelled" => Ok(DayChange::Cancelled {
            slot: slot()?,
            date,
        }),
        "reassigned" => Ok(DayChange::Reassigned {
            slot: slot()?,
            date,
            assistant,
        }),
        "adjusted" => Ok(DayChange::Adjusted {
            slot: slot()?,
            date,
            break_minutes: raw.break_minutes.unwrap_or(0),
            passive_minutes: raw.passive_minutes.unwrap_or(0),
        }),
        "extra" => {
            let id = raw
                .id
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| err(format!("{path}.id"), "missing; an extra shift needs an id"))?;
            let code = raw.shift_type.ok_or_else(|| {
                err(
                    format!("{path}.shift_type"),
                    "missing; an extra shift needs a shift type",
                )
            })?;
            if plan.shift_type(&code).is_none() {
                return Err(err(
                    format!("{path}.shift_type"),
                    format!("no shift type has the code «{code}»"),
                ));
            }
            Ok(DayChange::Extra {
                id: ShiftId(id),
                date,
                shift_type: code,
                assistant,
            })
        }
        other => Err(err(
            format!("{path}.kind"),
            format!(
                "unknown change «{other}»; use moved, cancelled, reassigned, adjusted or extra"
            ),
        )),
    }
}

fn read_absence(path: &str, raw: RawAbsence, plan: &Plan) -> Result<Absence, InputError> {
    if raw.id.trim().is_empty() {
        return Err(err(
            format!("{path}.id"),
            "an absence needs an id; give it one such as \"f1\"",
        ));
    }
    let kind = match raw.kind.as_str() {
        "ferie" => AbsenceKind::Ferie,
        "sykdom" => AbsenceKind::Sykdom,
        "permisjon" => AbsenceKind::Permisjon,
        "annet" => AbsenceKind::Annet,
        other => {
            return Err(err(
                format!("{path}.kind"),
                format!("unknown absence «{other}»; use ferie, sykdom, permisjon or annet"),
            ))
        }
    };
    let from = date(&format!("{path}.from"), &raw.from)?;
    let to = date(&format!("{path}.to"), &raw.to)?;
    if to < from {
        return Err(err(
            format!("{path}.to"),
            format!("the absence ends ({to}) before it starts ({from})"),
        ));
    }
    if let Some(h) = raw.hours {
        if !h.is_finite() || h < 0.0 {
            return Err(err(
                format!("{path}.hours"),
                format!("{h} hours is not possible"),
            ));
        }
    }
    let sick_note = match raw.sick_note.as_deref() {
        None => None,
        Some(key) => {
            let note = SickNote::from_key(key).ok_or_else(|| {
                err(
                    format!("{path}.sick_note"),
                    format!("unknown sick note «{key}»; use egenmelding or sykmelding"),
                )
            })?;
            if kind != AbsenceKind::Sykdom {
                return Err(err(
                    format!("{path}.sick_note"),
                    "only a sickness absence (kind sykdom) has a sick note",
                ));
            }
            Some(note)
        }
    };
    let time = |field: &str, v: &Option<String>| {
        v.as_deref()
            .map(|t| clock(&format!("{path}.{field}"), t))
            .transpose()
    };
    let (from_time, to_time) = (
        time("from_time", &raw.from_time)?,
        time("to_time", &raw.to_time)?,
    );
    match (from_time, to_time) {
        (None, None) => {}
        (Some(start), Some(end)) => {
            if from != to {
                return Err(err(
                    format!("{path}.from_time"),
                    "a part-day absence is on one day; give the same from and to date",
                ));
            }
            if end <= start {
                return Err(err(
                    format!("{path}.to_time"),
                    format!("the absence ends ({end}) before or when it starts ({start})"),
                ));
            }
        }
        (Some(_), None) => {
            return Err(err(
                format!("{path}.to_time"),
                "missing; a part-day absence needs both times",
            ))
        }
        (None, Some(_)) => {
            return Err(err(
                format!("{path}.from_time"),
                "missing; a part-day absence needs both times",
            ))
        }
    }
    Ok(Absence {
        sick_note,
        from_time,
        to_time,
        id: AbsenceId(raw.id),
        assistant: assistant_ref(&format!("{path}.assistant"), &raw.assistant, plan)?,
        kind,
        from,
        to,
        hours: raw.hours,
        note: raw.note,
    })
}

// ---------------------------------------------------------------------------------------
// Writing.

/// Write a plan as pretty-printed plan JSON v1 with every field.
pub fn write_plan(plan: &Plan) -> String {
    let mut text =
        serde_json::to_string_pretty(&plan_to_value(plan)).expect("a JSON value always serialises");
    text.push('\n');
    text
}

fn profile_value(profile: &Profile) -> Value {
    json!({ "preset": profile.preset.key(), "overrides": profile.raw_overrides() })
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A plan as a JSON value with every field.
pub fn plan_to_value(plan: &Plan) -> Value {
    let s = &plan.settings;
    json!({
        "format": FORMAT,
        "version": VERSION,
        "settings": RawSettings {
            name: s.name.clone(),
            arbeidsleder: s.arbeidsleder.clone(),
            leverandor: s.leverandor.clone(),
            current_user: s.current_user.clone(),
            carry_over: s.carry_over,
            main_holiday_deadline: s.main_holiday_deadline.map(|d| d.to_string()),
        },
        "profile": profile_value(&plan.profile),
        "vedtak": plan.vedtak.iter().map(|v| json!({
            "from": day(v.from),
            "to": v.to.map(day),
            "annual_frame": v.annual_frame,
            "hours_per_week": v.hours_per_week.iter()
                .map(|(k, h)| (k.key().to_string(), json!(h)))
                .collect::<Map<String, Value>>(),
            "double_staffing": v.double_staffing,
            "night": match v.night { NightHelp::Included => "included", NightHelp::Excluded => "excluded" },
            "passive_factor": v.passive_factor,
        })).collect::<Vec<_>>(),
        "assistants": plan.assistants.iter().map(|a| json!({
            "id": a.id,
            "name": a.name,
            "profile": a.profile.as_ref().map_or(Value::Null, profile_value),
            "phone": a.phone,
            "email": a.email,
            "role": match a.role { Role::Fast => "fast", Role::Vikar => "vikar" },
            "contract_hours_per_week": a.contract_minutes_per_week.map(|m| m as f64 / 60.0),
            "colour": a.colour,
            "birth_year": a.birth_year,
            "holiday_entitlement": a.holiday_entitlement,
            "close_family": a.close_family,
            "family_approval": a.family_approval.map(day),
            "start_date": a.start_date.map(day),
            "holiday_carried": plan.holiday_carry.get(&a.id).map_or_else(Map::new, |years| {
                years.iter().map(|(y, d)| (y.to_string(), json!(d))).collect()
            }),
        })).collect::<Vec<_>>(),
        "shift_types": plan.shift_types.iter().map(|t| json!({
            "code": t.code,
            "name": t.name,
            "start": t.start.format("%H:%M").to_string(),
            "end": t.end.format("%H:%M").to_string(),
            "break_minutes": t.break_minutes,
            "passive_minutes": t.passive_minutes,
            "service": t.service.key(),
            "colour": t.colour,
            "long_shift": t.long_shift,
        })).collect::<Vec<_>>(),
        "shifts": plan.shifts.iter().map(|s| {
            let mut v = shift_value(s);
            v["original_assistant"] = json!(plan.covers.get(&s.id));
            v
        }).collect::<Vec<_>>(),
        "rotations": plan.rotations.iter().map(|r| json!({
            "id": r.id,
            "name": r.name,
            "weeks": r.weeks,
            "start": day(r.start),
            "until": r.until.map(day),
            "slots": r.slots.iter().map(|s| json!({
                "week": s.week,
                "weekday": weekday_key(s.weekday),
                "shift_type": s.shift_type,
                "assistant": s.assistant,
                "skip_red_days": s.skip_red_days,
            })).collect::<Vec<_>>(),
            "changes": r.changes.iter().map(change_value).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "absences": plan.absences.iter().map(|a| json!({
            "id": a.id,
            "assistant": a.assistant,
            "kind": match a.kind {
                AbsenceKind::Ferie => "ferie",
                AbsenceKind::Sykdom => "sykdom",
                AbsenceKind::Permisjon => "permisjon",
                AbsenceKind::Annet => "annet",
            },
            "from": day(a.from),
            "to": day(a.to),
            "hours": a.hours,
            "note": a.note,
            "sick_note": a.sick_note.map(SickNote::key),
            "from_time": a.from_time.map(|t| t.format("%H:%M").to_string()),
            "to_time": a.to_time.map(|t| t.format("%H:%M").to_string()),
        })).collect::<Vec<_>>(),
        "busy": plan.busy.iter().map(|b| json!({
            "id": b.id,
            "assistant": b.assistant,
            "start": b.start.to_rfc3339(),
            "end": b.end.to_rfc3339(),
            "source": b.source,
            "summary": b.summary,
        })).collect::<Vec<_>>(),
    })
}

/// One shift as plan JSON.
pub fn shift_value(s: &Shift) -> Value {
    json!({
        "id": s.id,
        "assistant": s.assistant,
        "start": s.start.to_rfc3339(),
        "end": s.end.to_rfc3339(),
        "break_minutes": s.break_minutes,
        "passive_minutes": s.passive_minutes,
        "long_shift": s.long_shift,
        "service": s.service.key(),
        "status": s.status.key(),
        "note": s.note,
        "shift_type": s.shift_type,
        "created_at": s.created_at.map(Instant::to_rfc3339),
        "updated_at": s.updated_at.map(Instant::to_rfc3339),
    })
}

fn change_value(c: &DayChange) -> Value {
    match c {
        DayChange::Moved {
            slot,
            date,
            start,
            end,
        } => json!({"kind": "moved", "slot": slot, "date": day(*date),
                    "start": start.to_rfc3339(), "end": end.to_rfc3339()}),
        DayChange::Cancelled { slot, date } => {
            json!({"kind": "cancelled", "slot": slot, "date": day(*date)})
        }
        DayChange::Reassigned {
            slot,
            date,
            assistant,
        } => {
            json!({"kind": "reassigned", "slot": slot, "date": day(*date), "assistant": assistant})
        }
        DayChange::Adjusted {
            slot,
            date,
            break_minutes,
            passive_minutes,
        } => json!({"kind": "adjusted", "slot": slot, "date": day(*date),
                    "break_minutes": break_minutes, "passive_minutes": passive_minutes}),
        DayChange::Extra {
            id,
            date,
            shift_type,
            assistant,
        } => json!({"kind": "extra", "id": id, "date": day(*date),
                    "shift_type": shift_type, "assistant": assistant}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format": "turnus-plan", "version": 1,
        "assistants": [{"id": "A", "name": "Kari Nordmann"}],
        "shifts": [{"id": "s1", "assistant": "A",
                    "start": "2026-06-08T08:00", "end": "2026-06-08T17:00"}]}"#;

    fn error_of(text: &str) -> InputError {
        read_plan(text).expect_err("the input is wrong and must be refused")
    }

    fn with_shift(shift: &str) -> String {
        format!(
            r#"{{"format": "turnus-plan", "version": 1, "assistants": [{{"id": "A"}}],
                "shifts": [{shift}]}}"#
        )
    }

    #[test]
    fn minimal_plan_gets_every_default() {
        let plan = read_plan(MINIMAL).unwrap();
        assert_eq!(plan.profile, Profile::default());
        let s = &plan.shifts[0];
        assert_eq!(s.status, ShiftStatus::Planned);
        assert_eq!(s.service, ServiceType::PersonligAssistanse);
        assert_eq!(
            (s.break_minutes, s.passive_minutes, s.long_shift),
            (0, 0, false)
        );
        assert!(plan.vedtak.is_empty());
    }

    #[test]
    fn written_plan_reads_back_equal() {
        let mut plan = read_plan(MINIMAL).unwrap();
        plan.profile = Profile::from_raw(
            "tariff",
            &serde_json::from_str(r#"{"weekly_normal_avg_h": 38, "night_start": "22:00"}"#)
                .unwrap(),
        )
        .unwrap();
        let again = read_plan(&write_plan(&plan)).unwrap();
        assert_eq!(again, plan);
    }

    #[test]
    fn wrong_format_and_version_are_refused() {
        assert_eq!(error_of(r#"{"format": "x", "version": 1}"#).path, "format");
        assert_eq!(
            error_of(r#"{"format": "turnus-plan", "version": 2, "assistants": [], "shifts": []}"#)
                .path,
            "version"
        );
        let e = error_of("{\n  \"format\": \"turnus-plan\",\n  \"version\" 1}");
        assert_eq!(e.path, "line 3 column 13");
        assert!(
            e.to_string()
                .starts_with("plan JSON, line 3 column 13: expected `:`"),
            "text that is not JSON is placed by line and column: {e}"
        );
        assert_eq!(
            error_of("[]").to_string(),
            "plan JSON: a plan must be a JSON object"
        );
    }

    #[test]
    fn a_value_of_the_wrong_kind_names_the_field_and_the_value() {
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T09:00", "break_minutes": 1.5}"#,
        ));
        assert_eq!(e.path, "shifts[0].break_minutes");
        assert!(
            e.message
                .starts_with("«1.5» is not a whole number of minutes"),
            "{e}"
        );
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": 7, "end": "2026-06-08T09:00"}"#,
        ));
        assert_eq!(e.path, "shifts[0].start");
        assert!(e.message.starts_with("«7» is not text"), "{e}");
        let e = error_of(
            r#"{"format": "turnus-plan", "version": 1, "assistants": [], "shifts": [],
                "shift_types": [{"code": "D", "start": "08:00", "end": "16:00"}],
                "rotations": [{"id": "r", "weeks": 1, "start": "2026-06-08",
                               "slots": [{"week": -1, "weekday": "mon", "shift_type": "D"}]}]}"#,
        );
        assert_eq!(e.path, "rotations[0].slots[0].week");
        assert!(e.message.contains("«-1»"), "{e}");
    }

    #[test]
    fn what_the_plan_file_refuses_plan_json_refuses_too() {
        let base =
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}], "shifts": []"#;
        let e = error_of(&format!(
            r#"{base}, "absences": [{{"id": "", "assistant": "A", "kind": "ferie", "from": "2026-06-08", "to": "2026-06-09"}}]}}"#
        ));
        assert_eq!(e.path, "absences[0].id");
        let e = error_of(&format!(
            r#"{base}, "absences": [{{"id": "f", "assistant": "A", "kind": "ferie", "from": "9999-06-08", "to": "+10000-06-09"}}]}}"#
        ));
        assert_eq!(e.path, "absences[0].from");
        assert!(e.message.contains("1900 to 2200"), "{e}");
        let e = error_of(&format!(
            r#"{base}, "rotations": [{{"id": " ", "weeks": 1, "start": "2026-06-08"}}]}}"#
        ));
        assert_eq!(e.path, "rotations[0].id");
    }

    #[test]
    fn a_busy_time_longer_than_31_days_is_refused() {
        let busy = |end: &str| {
            format!(
                r#"{{"format": "turnus-plan", "version": 1, "assistants": [{{"id": "A"}}], "shifts": [],
                    "busy": [{{"id": "x", "assistant": "A", "start": "2026-06-01T00:00", "end": "{end}"}}]}}"#
            )
        };
        assert!(
            read_plan(&busy("2026-07-02T00:00")).is_ok(),
            "31 days is allowed"
        );
        let e = error_of(&busy("2026-07-02T00:01"));
        assert_eq!(e.path, "busy[0].end");
        assert!(e.message.contains("31 days"), "{e}");
    }

    #[test]
    fn validate_refuses_a_plan_held_in_memory_that_plan_json_would_refuse() {
        let mut plan = read_plan(MINIMAL).unwrap();
        assert_eq!(validate(&plan), Ok(()));
        let start = plan.shifts[0].start;
        plan.busy.push(BusyTime {
            id: "b".into(),
            assistant: AssistantId("A".into()),
            start,
            end: start.plus(99_999_999_999_999 * crate::time::DAY),
            source: String::new(),
            summary: String::new(),
        });
        let e = validate(&plan).expect_err("a busy time of 10^14 days is refused");
        assert_eq!(e.path, "busy[0].end");
    }

    #[test]
    fn unknown_key_is_named() {
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "strat": "2026-06-08T08:00",
                "start": "2026-06-08T08:00", "end": "2026-06-08T09:00"}"#,
        ));
        assert_eq!(e.path, "shifts[0].strat");
    }

    #[test]
    fn shift_ending_before_it_starts_names_the_end() {
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "2026-06-08T22:00", "end": "2026-06-08T06:00"}"#,
        ));
        assert_eq!(e.path, "shifts[0].end");
        assert!(e.message.contains("2026-06-08T06:00"), "{e}");
    }

    #[test]
    fn unknown_assistant_duplicate_id_and_missing_time_are_named() {
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "B", "start": "2026-06-08T08:00", "end": "2026-06-08T09:00"}"#,
        ));
        assert_eq!(e.path, "shifts[0].assistant");
        assert!(e.message.contains("«B»"));
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T09:00"},
               {"id": "s1", "assistant": "A", "start": "2026-06-09T08:00", "end": "2026-06-09T09:00"}"#,
        ));
        assert_eq!(e.path, "shifts[1].id");
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "2026-03-29T02:30", "end": "2026-03-29T09:00"}"#,
        ));
        assert_eq!(e.path, "shifts[0].start");
        assert!(e.message.contains("does not exist"), "{e}");
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "end": "2026-03-29T09:00"}"#,
        ));
        assert_eq!(e.path, "shifts[0].start");
    }

    #[test]
    fn unknown_enum_values_are_named() {
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T09:00", "status": "done"}"#,
        ));
        assert_eq!(e.path, "shifts[0].status");
        assert!(e.message.contains("«done»"));
    }

    #[test]
    fn busy_time_ids_must_be_unique() {
        let e = error_of(
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}], "shifts": [],
                "busy": [{"id": "x", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T09:00"},
                         {"id": "x", "assistant": "A", "start": "2026-06-09T08:00", "end": "2026-06-09T09:00"}]}"#,
        );
        assert_eq!(e.path, "busy[1].id");
    }

    #[test]
    fn open_shift_has_no_assistant() {
        let plan = read_plan(&with_shift(
            r#"{"id": "s1", "assistant": null, "start": "2026-06-08T08:00", "end": "2026-06-08T09:00"}"#,
        ))
        .unwrap();
        assert_eq!(plan.shifts[0].assistant, None);
    }

    #[test]
    fn a_shift_longer_than_seven_days_is_refused_naming_its_end() {
        let e = error_of(&with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "1901-01-01T08:00", "end": "2199-01-01T08:00"}"#,
        ));
        assert!(e.to_string().starts_with("shifts[0].end: "), "{e}");
        assert!(e.to_string().contains("more than 7 days"), "{e}");
        let week = with_shift(
            r#"{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-15T08:00"}"#,
        );
        assert!(read_plan(&week).is_ok(), "a live-in week is allowed");
    }

    #[test]
    fn a_name_longer_than_200_characters_is_refused_naming_the_field() {
        let long = "ø".repeat(201);
        let text = format!(
            r#"{{"format": "turnus-plan", "version": 1, "assistants": [{{"id": "A", "name": "{long}"}}], "shifts": []}}"#
        );
        let e = error_of(&text);
        assert!(e.to_string().starts_with("assistants[0].name: "), "{e}");
        assert!(e.to_string().contains("201 characters"), "{e}");
        let text = format!(
            r#"{{"format": "turnus-plan", "version": 1, "settings": {{"leverandor": "{long}"}}, "assistants": [], "shifts": []}}"#
        );
        assert!(error_of(&text)
            .to_string()
            .starts_with("settings.leverandor: "));
    }

    #[test]
    fn more_shifts_than_a_plan_may_hold_are_refused_before_they_are_read() {
        let shift = json!({"id": "s", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T09:00"});
        let plan = json!({"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
            "shifts": vec![shift; crate::limits::MAX_SHIFTS + 1]});
        let e = read_plan_value(plan).expect_err("one shift too many");
        assert!(e.to_string().starts_with("shifts: 100001 shifts"), "{e}");
    }
}
