//! The request of `turnus suggest` as JSON, and its validation into a [`Problem`].
//!
//! Reading is strict: an unknown key is an error, and every error names the field as a path
//! (`needs[0].shift_type`) and the value, like plan JSON.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::interchange::InputError;
use crate::model::{Profile, ProfileValues, ServiceType, ShiftType};
use crate::time::{parse_day, HOUR};

/// The `format` value of a request.
pub const FORMAT: &str = "turnus-suggest";

/// A request for a suggested rotation, exactly as the JSON file holds it (docs/suggest.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub format: String,
    pub version: u64,
    /// The Monday on which week 1 of the cycle begins (`YYYY-MM-DD`).
    pub start: String,
    /// The cycle, 1–12 weeks.
    pub weeks: u32,
    /// The rule profile, as in plan JSON; `null` or absent: `aml`.
    #[serde(default)]
    pub profile: Option<Value>,
    pub shift_types: Vec<RequestShiftType>,
    pub needs: Vec<Need>,
    pub assistants: Vec<RequestAssistant>,
    /// Optional: the name of the suggested rotation.
    #[serde(default)]
    pub name: Option<String>,
}

/// A shift type, as in plan JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestShiftType {
    pub code: String,
    #[serde(default)]
    pub name: String,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub break_minutes: u32,
    #[serde(default)]
    pub passive_minutes: u32,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub long_shift: bool,
}

/// `staff` assistants on `shift_type` on each of `days` of every week of the cycle (or of the
/// cycle weeks listed in the optional `weeks`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub shift_type: String,
    pub days: Vec<String>,
    #[serde(default = "one")]
    pub staff: u32,
    #[serde(default)]
    pub weeks: Option<Vec<u32>>,
}

fn one() -> u32 {
    1
}

/// An assistant who can be given slots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestAssistant {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub contract_hours_per_week: f64,
    /// Their own profile (replaces the request's), or `null`.
    #[serde(default)]
    pub profile: Option<Value>,
    #[serde(default)]
    pub cannot: Vec<Match>,
    #[serde(default)]
    pub wishes: Vec<Wish>,
}

/// The slots that fit every key given: weekdays, shift types, cycle weeks (from 1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Match {
    #[serde(default)]
    pub days: Option<Vec<String>>,
    #[serde(default)]
    pub shift_types: Option<Vec<String>>,
    #[serde(default)]
    pub weeks: Option<Vec<u32>>,
}

/// A preference on the slots that fit: positive weight wants them, negative would rather not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wish {
    #[serde(default)]
    pub days: Option<Vec<String>>,
    #[serde(default)]
    pub shift_types: Option<Vec<String>>,
    #[serde(default)]
    pub weeks: Option<Vec<u32>>,
    pub weight: f64,
}

/// A validated matcher: which weekdays (bit per Monday…Sunday), types and cycle weeks.
#[derive(Clone, Debug, PartialEq)]
pub struct Matcher {
    pub days: Option<[bool; 7]>,
    pub shift_types: Option<Vec<usize>>,
    pub weeks: Option<Vec<u32>>,
}

impl Matcher {
    /// True when the slot (cycle week from 1, weekday from Monday = 0, shift type index) fits.
    pub fn fits(&self, week: u32, day: usize, shift_type: usize) -> bool {
        self.days.is_none_or(|d| d[day])
            && self
                .shift_types
                .as_ref()
                .is_none_or(|t| t.contains(&shift_type))
            && self.weeks.as_ref().is_none_or(|w| w.contains(&week))
    }
}

/// A validated assistant.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub contract_minutes: i64,
    /// Their own profile, if any.
    pub own_profile: Option<Profile>,
    /// The values they are checked under.
    pub values: ProfileValues,
    pub cannot: Vec<Matcher>,
    pub wishes: Vec<(Matcher, f64)>,
}

/// A validated need.
#[derive(Clone, Debug)]
pub struct NeedSpec {
    pub shift_type: usize,
    pub days: [bool; 7],
    pub staff: u32,
    pub weeks: Option<Vec<u32>>,
}

/// A request turned into validated values.
#[derive(Clone, Debug)]
pub struct Problem {
    pub start: NaiveDate,
    pub weeks: u32,
    pub profile: Profile,
    pub shift_types: Vec<ShiftType>,
    pub needs: Vec<NeedSpec>,
    pub people: Vec<Person>,
    pub name: String,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        path: path.into(),
        message: message.into(),
    }
}

/// Read request JSON text: the shape first (unknown keys, wrong kinds), then the values.
pub fn read_request(text: &str) -> Result<Request, InputError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return err(
                format!("line {} column {}", inner.line(), inner.column()),
                "this is not valid JSON",
            );
        }
        let message = inner.to_string();
        let message = match message.find(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        let path = if path == "." { String::new() } else { path };
        err(path, message)
    })
}

fn name_within_limit(path: &str, name: &str) -> Result<(), InputError> {
    if crate::limits::name_too_long(name) {
        return Err(err(
            path,
            format!(
                "the name is {} characters long; a name may have at most {}",
                name.chars().count(),
                crate::limits::MAX_NAME_CHARS
            ),
        ));
    }
    Ok(())
}

const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The key of weekday `day` (Monday = 0).
pub fn day_key(day: usize) -> &'static str {
    DAY_KEYS[day]
}

fn days(path: &str, list: &[String]) -> Result<[bool; 7], InputError> {
    let mut out = [false; 7];
    if list.is_empty() {
        return Err(err(path, "give at least one weekday (mon … sun)"));
    }
    for (i, d) in list.iter().enumerate() {
        let Some(index) = DAY_KEYS.iter().position(|k| k == d) else {
            return Err(err(
                format!("{path}[{i}]"),
                format!("«{d}» is not a weekday; use mon, tue, wed, thu, fri, sat or sun"),
            ));
        };
        out[index] = true;
    }
    Ok(out)
}

fn cycle_weeks(path: &str, list: &[u32], weeks: u32) -> Result<Vec<u32>, InputError> {
    for (i, w) in list.iter().enumerate() {
        if !(1..=weeks).contains(w) {
            return Err(err(
                format!("{path}[{i}]"),
                format!("«{w}» is not a week of the cycle; the weeks are numbered 1 to {weeks}"),
            ));
        }
    }
    Ok(list.to_vec())
}

fn clock(path: &str, text: &str) -> Result<NaiveTime, InputError> {
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| {
        err(
            path,
            format!("«{text}» is not a time of day; write it as HH:MM"),
        )
    })
}

fn profile_at(path: &str, value: &Option<Value>) -> Result<Option<Profile>, InputError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(v) => crate::interchange::read_profile_at(path, v).map(Some),
    }
}

fn type_index(path: &str, code: &str, types: &[ShiftType]) -> Result<usize, InputError> {
    types.iter().position(|t| t.code == code).ok_or_else(|| {
        let known: Vec<&str> = types.iter().map(|t| t.code.as_str()).collect();
        err(
            path,
            format!(
                "«{code}» is not a shift type of the request; use one of {}",
                known.join(", ")
            ),
        )
    })
}

fn matcher(
    path: &str,
    days_: &Option<Vec<String>>,
    types_: &Option<Vec<String>>,
    weeks_: &Option<Vec<u32>>,
    weeks: u32,
    types: &[ShiftType],
) -> Result<Matcher, InputError> {
    let days = days_
        .as_deref()
        .map(|d| self::days(&format!("{path}.days"), d))
        .transpose()?;
    let shift_types = types_
        .as_deref()
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, c)| type_index(&format!("{path}.shift_types[{i}]"), c, types))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let weeks = weeks_
        .as_deref()
        .map(|w| cycle_weeks(&format!("{path}.weeks"), w, weeks))
        .transpose()?;
    Ok(Matcher {
        days,
        shift_types,
        weeks,
    })
}

impl Request {
    /// Validate every value, naming the field of the first that cannot be used.
    pub fn validate(&self) -> Result<Problem, InputError> {
        if self.format != FORMAT {
            return Err(err(
                "format",
                format!(
                    "expected \"{FORMAT}\", found «{}»; this is not a Turnus suggest request",
                    self.format
                ),
            ));
        }
        if self.version != 1 {
            return Err(err(
                "version",
                format!(
                    "version {} is not supported; this Turnus reads version 1",
                    self.version
                ),
            ));
        }
        let start = parse_day(&self.start).map_err(|e| err("start", e.to_string()))?;
        if start.weekday() != Weekday::Mon {
            return Err(err(
                "start",
                format!(
                    "«{}» is a {}; the cycle starts on a Monday",
                    self.start,
                    start.format("%A").to_string().to_lowercase()
                ),
            ));
        }
        if !(1..=crate::rotation::MAX_WEEKS).contains(&self.weeks) {
            return Err(err(
                "weeks",
                format!("«{}» weeks: a cycle has 1 to 12 weeks", self.weeks),
            ));
        }
        // The expansion checked must stay inside the years Turnus handles.
        let horizon = crate::rotation::pattern_check_weeks(self.weeks);
        let last = start + chrono::Duration::weeks(i64::from(horizon) + 1);
        if !crate::time::date_supported(last) {
            return Err(err(
                "start",
                format!(
                    "«{}»: the rotation checked from it would reach past the year {}; choose an earlier start",
                    self.start,
                    crate::time::LAST_YEAR
                ),
            ));
        }
        let profile = profile_at("profile", &self.profile)?.unwrap_or_default();
        if self.shift_types.is_empty() {
            return Err(err("shift_types", "give at least one shift type"));
        }
        let mut types: Vec<ShiftType> = Vec::new();
        for (i, raw) in self.shift_types.iter().enumerate() {
            let path = format!("shift_types[{i}]");
            if raw.code.trim().is_empty() {
                return Err(err(format!("{path}.code"), "a shift type needs a code"));
            }
            if types.iter().any(|t| t.code == raw.code) {
                return Err(err(
                    format!("{path}.code"),
                    format!(
                        "«{}» is used by two shift types; codes are unique",
                        raw.code
                    ),
                ));
            }
            let start = clock(&format!("{path}.start"), &raw.start)?;
            let end = clock(&format!("{path}.end"), &raw.end)?;
            if end == start {
                return Err(err(
                    format!("{path}.end"),
                    format!(
                        "«{}» ends when it starts; a shift type ends after its start (an end before the start is on the next day)",
                        raw.end
                    ),
                ));
            }
            let minutes = {
                let s = i64::from(chrono::Timelike::num_seconds_from_midnight(&start));
                let e = i64::from(chrono::Timelike::num_seconds_from_midnight(&end));
                (e - s).rem_euclid(24 * HOUR) / 60
            };
            if i64::from(raw.break_minutes) + i64::from(raw.passive_minutes) > minutes {
                return Err(err(
                    format!("{path}.break_minutes"),
                    format!(
                        "{} minutes of break and {} passive do not fit in a {minutes} minute shift",
                        raw.break_minutes, raw.passive_minutes
                    ),
                ));
            }
            let service = match &raw.service {
                None => ServiceType::PersonligAssistanse,
                Some(key) => ServiceType::from_key(key).ok_or_else(|| {
                    err(
                        format!("{path}.service"),
                        format!("unknown service type «{key}»; use personlig_assistanse, stottekontakt or avlastning"),
                    )
                })?,
            };
            types.push(ShiftType {
                code: raw.code.clone(),
                name: raw.name.clone(),
                start,
                end,
                break_minutes: raw.break_minutes,
                passive_minutes: raw.passive_minutes,
                service,
                colour: String::new(),
                long_shift: raw.long_shift,
            });
        }
        if self.needs.is_empty() {
            return Err(err("needs", "give at least one need"));
        }
        let mut needs = Vec::new();
        for (i, raw) in self.needs.iter().enumerate() {
            let path = format!("needs[{i}]");
            let shift_type = type_index(&format!("{path}.shift_type"), &raw.shift_type, &types)?;
            let days = days(&format!("{path}.days"), &raw.days)?;
            if !(1..=8).contains(&raw.staff) {
                return Err(err(
                    format!("{path}.staff"),
                    format!(
                        "«{}» assistants: a need asks for 1 to 8 at once (2 where the vedtak allows double staffing)",
                        raw.staff
                    ),
                ));
            }
            let weeks = raw
                .weeks
                .as_deref()
                .map(|w| cycle_weeks(&format!("{path}.weeks"), w, self.weeks))
                .transpose()?;
            needs.push(NeedSpec {
                shift_type,
                days,
                staff: raw.staff,
                weeks,
            });
        }
        if self.assistants.is_empty() {
            return Err(err("assistants", "give at least one assistant"));
        }
        let mut people: Vec<Person> = Vec::new();
        for (i, raw) in self.assistants.iter().enumerate() {
            let path = format!("assistants[{i}]");
            if raw.id.trim().is_empty() {
                return Err(err(format!("{path}.id"), "an assistant needs an id"));
            }
            if people.iter().any(|p| p.id == raw.id) {
                return Err(err(
                    format!("{path}.id"),
                    format!("«{}» is used by two assistants; ids are unique", raw.id),
                ));
            }
            name_within_limit(&format!("{path}.name"), &raw.name)?;
            let hours = raw.contract_hours_per_week;
            if !hours.is_finite() || !(0.0..=100.0).contains(&hours) {
                return Err(err(
                    format!("{path}.contract_hours_per_week"),
                    format!("«{hours}» is not a number of hours from 0 to 100 a week"),
                ));
            }
            let own_profile = profile_at(&format!("{path}.profile"), &raw.profile)?;
            let values = own_profile.as_ref().unwrap_or(&profile).values();
            let cannot = raw
                .cannot
                .iter()
                .enumerate()
                .map(|(j, m)| {
                    matcher(
                        &format!("{path}.cannot[{j}]"),
                        &m.days,
                        &m.shift_types,
                        &m.weeks,
                        self.weeks,
                        &types,
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            let wishes = raw
                .wishes
                .iter()
                .enumerate()
                .map(|(j, w)| {
                    let wpath = format!("{path}.wishes[{j}]");
                    if !w.weight.is_finite() || w.weight.abs() > 100.0 {
                        return Err(err(
                            format!("{wpath}.weight"),
                            format!("«{}» is not a weight from -100 to 100", w.weight),
                        ));
                    }
                    Ok((
                        matcher(
                            &wpath,
                            &w.days,
                            &w.shift_types,
                            &w.weeks,
                            self.weeks,
                            &types,
                        )?,
                        w.weight,
                    ))
                })
                .collect::<Result<Vec<_>, _>>()?;
            people.push(Person {
                id: raw.id.clone(),
                name: raw.name.clone(),
                contract_minutes: (hours * 60.0).round() as i64,
                own_profile,
                values,
                cannot,
                wishes,
            });
        }
        let name = self.name.clone().unwrap_or_default();
        name_within_limit("name", &name)?;
        Ok(Problem {
            start,
            weeks: self.weeks,
            profile,
            shift_types: types,
            needs,
            people,
            name,
        })
    }
}
