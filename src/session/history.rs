//! What one change of the change log did, as a sentence for the History page: "Vakten til
//! Kari Nordmann 12.03.2026 07:00–15:00 er flyttet til 08:00–16:00", not only "Endre vakt".
//!
//! The change log keeps each entity's row before and after an edit (only the changed columns
//! of an update). A sentence names the entity by what a person knows it by: a shift by its
//! assistant, day and times; an assistant, shift type or rotation by its name. Columns an
//! update did not change are read from the plan as it is now, so a shift edited again later
//! is still named. What is left out: the change log's raw columns, ids and the time stamps of
//! the bookkeeping (`updated_at`).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::Language;
use crate::model::{AssistantId, Plan};
use crate::store::{Entity, LogEntry};
use crate::time::Instant;

/// How many sentences one action shows before "and N more".
pub const SHOWN_PER_ACTION: usize = 5;

/// Every change of `rows` (the change log, newest first) as a sentence, by its `seq`. The log
/// is replayed from the oldest row read, so an update names the shift as it was just before
/// it, even when that shift was changed again or deleted later.
pub fn sentences(rows: &[LogEntry], plan: &Plan, lang: Language) -> HashMap<i64, String> {
    let mut known: HashMap<&str, Map<String, Value>> = HashMap::new();
    let mut out = HashMap::with_capacity(rows.len());
    for entry in rows.iter().rev() {
        let before = row_of(entry.before.as_ref());
        let after = row_of(entry.after.as_ref());
        let key = entry.entity_id.as_str();
        let sentence = if entry.entity == Entity::Shift.key() {
            let base = known.get(key).cloned().or_else(|| current_shift(key, plan));
            let (old, new) = match (before, after) {
                (None, Some(after)) => (None, Some(after.clone())),
                (Some(before), None) => (Some(merge(base.as_ref(), before)), None),
                (before, after) => {
                    let new = after.map_or_else(
                        || base.clone().unwrap_or_default(),
                        |a| merge(base.as_ref(), a),
                    );
                    let old = before.map_or_else(|| new.clone(), |b| merge(Some(&new), b));
                    (Some(old), Some(new))
                }
            };
            match &new {
                Some(row) => known.insert(key, row.clone()),
                None => known.remove(key),
            };
            Some(shift_change(
                old.as_ref(),
                new.as_ref(),
                before,
                after,
                plan,
                lang,
            ))
        } else {
            describe_change(entry, before, after, plan, lang)
        };
        if let Some(sentence) = sentence {
            out.insert(entry.seq, sentence);
        }
    }
    out
}

/// The sentences of one action's changes, at most [`SHOWN_PER_ACTION`] and a last one
/// counting the rest.
pub fn for_action(
    changes: &[&LogEntry],
    sentences: &HashMap<i64, String>,
    lang: Language,
) -> Vec<String> {
    let mut shown: Vec<String> = changes
        .iter()
        .rev()
        .filter_map(|entry| sentences.get(&entry.seq).cloned())
        .collect();
    if shown.len() > SHOWN_PER_ACTION {
        let rest = shown.len() - SHOWN_PER_ACTION;
        shown.truncate(SHOWN_PER_ACTION);
        shown.push(match lang {
            Language::Nb => format!(
                "… og {rest} {} til.",
                if rest == 1 { "endring" } else { "endringer" }
            ),
            Language::En => format!(
                "… and {rest} more {}.",
                if rest == 1 { "change" } else { "changes" }
            ),
        });
    }
    shown
}

/// `base` with the columns of `row`.
fn merge(base: Option<&Map<String, Value>>, row: &Map<String, Value>) -> Map<String, Value> {
    let mut out = base.cloned().unwrap_or_default();
    for (key, value) in row {
        out.insert(key.clone(), value.clone());
    }
    out
}

/// The shift `id` of the plan as it is now, in the change log's columns.
fn current_shift(id: &str, plan: &Plan) -> Option<Map<String, Value>> {
    let shift = plan.shifts.iter().find(|s| s.id.as_str() == id)?;
    let mut row = Map::new();
    row.insert(
        "assistant_id".into(),
        shift
            .assistant
            .as_ref()
            .map_or(Value::Null, |a| Value::from(a.as_str())),
    );
    row.insert("start_at".into(), Value::from(shift.start.unix()));
    row.insert("end_at".into(), Value::from(shift.end.unix()));
    Some(row)
}

fn row_of(value: Option<&Value>) -> Option<&Map<String, Value>> {
    value?.get("row")?.as_object()
}

/// One change as a sentence; `None` for bookkeeping rows a person never sees (the lock).
fn describe_change(
    entry: &LogEntry,
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    plan: &Plan,
    lang: Language,
) -> Option<String> {
    let entity = entry.entity.as_str();
    if entity == Entity::ClosedMonth.key() {
        return Some(closed_month_change(&entry.entity_id, after, lang));
    }
    let name = [after, before]
        .into_iter()
        .flatten()
        .find_map(|row| row.get("name").and_then(Value::as_str))
        .map(str::to_string)
        .or_else(|| current_name(entity, &entry.entity_id, plan));
    let noun = noun(entity, lang)?;
    let name = name.map(|n| format!(" «{n}»")).unwrap_or_default();
    Some(match (before, after, lang) {
        (None, Some(_), Language::Nb) => format!("{noun}{name} er lagt til."),
        (None, Some(_), Language::En) => format!("{noun}{name} was added."),
        (Some(_), None, Language::Nb) => format!("{noun}{name} er slettet."),
        (Some(_), None, Language::En) => format!("{noun}{name} was deleted."),
        (_, _, Language::Nb) => format!("{noun}{name} er endret."),
        (_, _, Language::En) => format!("{noun}{name} was changed."),
    })
}

/// What a person knows a thing by: "Vakten til Kari Nordmann 12.03.2026 07:00–15:00",
/// "Assistenten «Ola»"; `row` is the thing's row as either side holds it, if one does.
pub(super) fn thing(
    entity: Entity,
    id: &str,
    row: Option<&Map<String, Value>>,
    plan: &Plan,
    lang: Language,
) -> String {
    let noun = noun(entity.key(), lang).unwrap_or(entity.key());
    if entity == Entity::Shift {
        let facts = row
            .map(ShiftFacts::from_row)
            .or_else(|| current_shift(id, plan).as_ref().map(ShiftFacts::from_row));
        if let Some(facts) = facts {
            let to = lang.pick("til", "of");
            return format!("{noun} {to} {} {}", facts.who(plan, lang), facts.when())
                .trim_end()
                .to_string();
        }
    }
    if entity == Entity::Settings {
        return noun.to_string();
    }
    let name = row
        .and_then(|r| r.get("name").and_then(Value::as_str))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .or_else(|| current_name(entity.key(), id, plan))
        .unwrap_or_else(|| id.to_string());
    format!("{noun} «{name}»")
}

/// A column's value as a person reads it: times of day and dates as written in Norway,
/// nothing as "(tom)", yes/no for flags, names of assistants for their ids.
pub(super) fn shown_value(field: &str, value: &Value, plan: &Plan, lang: Language) -> String {
    match value {
        Value::Null => lang.pick("(tom)", "(empty)").to_string(),
        Value::String(s) if s.is_empty() => lang.pick("(tom)", "(empty)").to_string(),
        Value::String(s) if field == "assistant_id" => plan
            .assistant(&AssistantId::from(s.as_str()))
            .map_or_else(|| s.clone(), |a| a.name_or_id()),
        Value::String(s) => s.clone(),
        Value::Number(n) if field.ends_with("_at") => n
            .as_i64()
            .map(|t| Instant::from_unix(t).display_local())
            .unwrap_or_else(|| n.to_string()),
        Value::Number(n) if field.ends_with("_minutes") => {
            format!("{n} {}", lang.pick("min", "min"))
        }
        Value::Number(n) if field == "long_shift" || field == "close_family" => {
            let yes = n.as_i64() == Some(1);
            lang.pick(
                if yes { "ja" } else { "nei" },
                if yes { "yes" } else { "no" },
            )
            .to_string()
        }
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => lang
            .pick(if *b { "ja" } else { "nei" }, if *b { "yes" } else { "no" })
            .to_string(),
        Value::Array(rows) => match lang {
            Language::Nb => format!("{} rader", rows.len()),
            Language::En => format!("{} rows", rows.len()),
        },
        Value::Object(_) => value.to_string(),
    }
}

/// A column's name as a person reads it.
pub(super) fn field_name(field: &str, lang: Language) -> String {
    let (nb, en) = match field {
        "name" => ("navn", "name"),
        "phone" => ("telefon", "phone"),
        "email" => ("e-post", "e-mail"),
        "role" => ("rolle", "role"),
        "colour" => ("farge", "colour"),
        "start_at" => ("start", "start"),
        "end_at" => ("slutt", "end"),
        "break_minutes" => ("pause", "break"),
        "passive_minutes" => ("passiv tid", "passive time"),
        "long_shift" => ("langvakt", "long shift"),
        "service" => ("tjeneste", "service"),
        "status" => ("status", "status"),
        "note" => ("merknad", "note"),
        "assistant_id" => ("assistent", "assistant"),
        "shift_type" => ("vakttype", "shift type"),
        "start_time" => ("starttid", "start time"),
        "end_time" => ("sluttid", "end time"),
        "contract_minutes_per_week" => {
            ("stilling (minutter per uke)", "contract (minutes per week)")
        }
        "children:rotation_slots" => ("plassene i mønsteret", "the pattern's places"),
        "children:rotation_changes" => ("endringene på enkeltdager", "the changes on single days"),
        other => return other.trim_start_matches("children:").replace('_', " "),
    };
    lang.pick(nb, en).to_string()
}

/// "Mai 2026 er lukket." or "Mai 2026 er åpnet igjen: begrunnelse".
fn closed_month_change(id: &str, after: Option<&Map<String, Value>>, lang: Language) -> String {
    let english = lang == Language::En;
    let name = crate::model::Month::parse(id).map_or_else(|| id.to_string(), |m| m.name(english));
    let closed = after
        .and_then(|row| row.get("closed"))
        .and_then(Value::as_i64)
        .is_none_or(|c| c != 0);
    let reason = after
        .and_then(|row| row.get("reopen_reason"))
        .and_then(Value::as_str)
        .unwrap_or("");
    match (closed, english) {
        (true, false) => format!("Måneden {name} er lukket."),
        (true, true) => format!("The month {name} was closed."),
        (false, false) => format!("Måneden {name} er åpnet igjen. Begrunnelse: {reason}"),
        (false, true) => format!("The month {name} was reopened. Reason: {reason}"),
    }
}

fn noun(entity: &str, lang: Language) -> Option<&'static str> {
    let (nb, en) = match Entity::from_key(entity)? {
        Entity::Assistant => ("Assistenten", "The assistant"),
        Entity::ShiftType => ("Vakttypen", "The shift type"),
        Entity::Vedtak => ("Vedtaket", "The vedtak"),
        Entity::Absence => ("Fraværet", "The absence"),
        Entity::Rotation => ("Turnusmønsteret", "The rotation pattern"),
        Entity::Settings => ("Innstillingene for planen", "The plan's settings"),
        Entity::Busy => ("Annet arbeid", "Work elsewhere"),
        Entity::Shift => ("Vakten", "The shift"),
        Entity::ClosedMonth => ("Måneden", "The month"),
        Entity::EgenandelTable => ("Egenandelstabellen", "The egenandel table"),
    };
    Some(lang.pick(nb, en))
}

fn current_name(entity: &str, id: &str, plan: &Plan) -> Option<String> {
    match Entity::from_key(entity)? {
        Entity::Assistant => plan
            .assistants
            .iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| a.name_or_id()),
        Entity::Rotation => plan
            .rotations
            .iter()
            .find(|r| r.id.as_str() == id)
            .map(|r| r.name.clone()),
        _ => None,
    }
}

/// The parts of a shift a sentence names.
#[derive(Clone, Debug, PartialEq)]
struct ShiftFacts {
    assistant: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
}

impl ShiftFacts {
    fn from_row(row: &Map<String, Value>) -> Self {
        ShiftFacts {
            assistant: row
                .get("assistant_id")
                .and_then(Value::as_str)
                .map(str::to_string),
            start: row.get("start_at").and_then(Value::as_i64),
            end: row.get("end_at").and_then(Value::as_i64),
        }
    }

    fn who(&self, plan: &Plan, lang: Language) -> String {
        match &self.assistant {
            Some(id) => plan
                .assistant(&AssistantId::from(id.as_str()))
                .map_or_else(|| id.clone(), |a| a.name_or_id()),
            None => lang
                .pick("ingen (åpen vakt)", "nobody (open shift)")
                .to_string(),
        }
    }

    /// "12.03.2026 07:00–15:00".
    fn when(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) => {
                let start = Instant::from_unix(start).local();
                let end = Instant::from_unix(end).local();
                format!(
                    "{} {}–{}",
                    start.format("%d.%m.%Y"),
                    start.format("%H:%M"),
                    end.format("%H:%M")
                )
            }
            _ => String::new(),
        }
    }

    fn times(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) => {
                let start = Instant::from_unix(start).local();
                let end = Instant::from_unix(end).local();
                if start.date() == end.date()
                    || end.date() == start.date().succ_opt().unwrap_or(start.date())
                {
                    format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
                } else {
                    self.when()
                }
            }
            _ => String::new(),
        }
    }
}

fn shift_change(
    old: Option<&Map<String, Value>>,
    new: Option<&Map<String, Value>>,
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    plan: &Plan,
    lang: Language,
) -> String {
    match (old.map(ShiftFacts::from_row), new.map(ShiftFacts::from_row)) {
        (None, Some(shift)) => match lang {
            Language::Nb => format!("Ny vakt for {} {}.", shift.who(plan, lang), shift.when()),
            Language::En => format!("New shift for {} {}.", shift.who(plan, lang), shift.when()),
        },
        (Some(shift), None) => match lang {
            Language::Nb => format!(
                "Vakten til {} {} er slettet.",
                shift.who(plan, lang),
                shift.when()
            ),
            Language::En => format!(
                "The shift of {} {} was deleted.",
                shift.who(plan, lang),
                shift.when()
            ),
        },
        (old, new) => {
            let old = old.or_else(|| new.clone()).unwrap_or(ShiftFacts {
                assistant: None,
                start: None,
                end: None,
            });
            let new = new.unwrap_or_else(|| old.clone());
            let who = old.who(plan, lang);
            let when = old.when();
            let moved_in_time = old.start != new.start || old.end != new.end;
            let new_person = old.assistant != new.assistant;
            match (moved_in_time, new_person, lang) {
                (true, false, Language::Nb) => {
                    format!("Vakten til {who} {when} er flyttet til {}.", new.times())
                }
                (true, false, Language::En) => {
                    format!("The shift of {who} {when} was moved to {}.", new.times())
                }
                (false, true, Language::Nb) => format!(
                    "Vakten til {who} {when} er flyttet til {}.",
                    new.who(plan, lang)
                ),
                (false, true, Language::En) => format!(
                    "The shift of {who} {when} was moved to {}.",
                    new.who(plan, lang)
                ),
                (true, true, Language::Nb) => {
                    format!(
                        "Vakten til {who} {when} er flyttet til {} {}.",
                        new.who(plan, lang),
                        new.times()
                    )
                }
                (true, true, Language::En) => {
                    format!(
                        "The shift of {who} {when} was moved to {} {}.",
                        new.who(plan, lang),
                        new.times()
                    )
                }
                (false, false, Language::Nb) => {
                    format!(
                        "Vakten til {who} {when} er endret ({}).",
                        columns(before, after, lang)
                    )
                }
                (false, false, Language::En) => {
                    format!(
                        "The shift of {who} {when} was changed ({}).",
                        columns(before, after, lang)
                    )
                }
            }
        }
    }
}

/// The changed columns a person would name: "pause, passiv tid".
fn columns(
    before: Option<&Map<String, Value>>,
    after: Option<&Map<String, Value>>,
    lang: Language,
) -> String {
    let mut names: Vec<&str> = Vec::new();
    for row in [before, after].into_iter().flatten() {
        for key in row.keys() {
            let name = match key.as_str() {
                "break_minutes" => lang.pick("pause", "break"),
                "passive_minutes" => lang.pick("passiv tid", "passive time"),
                "long_shift" => lang.pick("langvakt", "long shift"),
                "service" => lang.pick("tjeneste", "service"),
                "status" => lang.pick("status", "status"),
                "note" => lang.pick("merknad", "note"),
                "shift_type" => lang.pick("vakttype", "shift type"),
                _ => continue,
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        lang.pick("detaljer", "details").to_string()
    } else {
        names.join(", ")
    }
}
