//! The `rotations`, `rotation_slots` and `rotation_changes` tables: turnus patterns, their
//! slots in order, and what real days did to them.
//!
//! A rotation is one entity with two child tables: editing or undoing a rotation writes all
//! three. Expanding a pattern onto the calendar is `crate::rotation`'s job, not this module's.

use std::collections::BTreeMap;

use chrono::Weekday;
use rusqlite::Connection;
use serde_json::{json, Value};

use super::error::{Result, StoreError};
use super::row::{Child, Entity, Row};
use super::values::{day, Reader};
use crate::model::{AssistantId, DayChange, Rotation, RotationId, ShiftId, Slot};
use crate::time::Instant;

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "name",
    "weeks",
    "start_date",
    "until_date",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

const SLOT_COLUMNS: &[&str] = &[
    "pos",
    "week",
    "weekday",
    "shift_type",
    "assistant_id",
    "skip_red_days",
];

const CHANGE_COLUMNS: &[&str] = &[
    "pos",
    "kind",
    "day",
    "slot",
    "start_at",
    "end_at",
    "assistant_id",
    "extra_id",
    "shift_type",
    "break_minutes",
    "passive_minutes",
];

pub(crate) const CHILDREN: &[Child] = &[
    Child {
        table: "rotation_slots",
        parent_column: "rotation_id",
        columns: SLOT_COLUMNS,
    },
    Child {
        table: "rotation_changes",
        parent_column: "rotation_id",
        columns: CHANGE_COLUMNS,
    },
];

const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

fn weekday_key(w: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(d, _)| *d == w)
        .map_or("mon", |(_, k)| k)
}

fn assistant(a: &Option<AssistantId>) -> Value {
    json!(a.as_ref().map(AssistantId::as_str))
}

/// The row of `r` (with its id, without position and history columns) and its child rows.
pub(crate) fn to_row(r: &Rotation) -> (Row, BTreeMap<String, Vec<Row>>) {
    let mut row = Row::new();
    row.insert("id".into(), json!(r.id.as_str()));
    row.insert("name".into(), json!(r.name));
    row.insert("weeks".into(), json!(r.weeks));
    row.insert("start_date".into(), json!(day(r.start)));
    row.insert("until_date".into(), json!(r.until.map(day)));
    let slots = r
        .slots
        .iter()
        .enumerate()
        .map(|(pos, s)| {
            let mut row = Row::new();
            row.insert("pos".into(), json!(pos));
            row.insert("week".into(), json!(s.week));
            row.insert("weekday".into(), json!(weekday_key(s.weekday)));
            row.insert("shift_type".into(), json!(s.shift_type));
            row.insert("assistant_id".into(), assistant(&s.assistant));
            row.insert("skip_red_days".into(), json!(s.skip_red_days));
            row
        })
        .collect();
    let changes = r
        .changes
        .iter()
        .enumerate()
        .map(|(pos, c)| {
            let mut row = Row::new();
            for column in CHANGE_COLUMNS {
                row.insert((*column).into(), Value::Null);
            }
            row.insert("pos".into(), json!(pos));
            row.insert("day".into(), json!(day(c.date())));
            let kind = match c {
                DayChange::Moved {
                    slot, start, end, ..
                } => {
                    row.insert("slot".into(), json!(slot));
                    row.insert("start_at".into(), json!(start.unix()));
                    row.insert("end_at".into(), json!(end.unix()));
                    "moved"
                }
                DayChange::Cancelled { slot, .. } => {
                    row.insert("slot".into(), json!(slot));
                    "cancelled"
                }
                DayChange::Reassigned {
                    slot, assistant: a, ..
                } => {
                    row.insert("slot".into(), json!(slot));
                    row.insert("assistant_id".into(), assistant(a));
                    "reassigned"
                }
                DayChange::Adjusted {
                    slot,
                    break_minutes,
                    passive_minutes,
                    ..
                } => {
                    row.insert("slot".into(), json!(slot));
                    row.insert("break_minutes".into(), json!(break_minutes));
                    row.insert("passive_minutes".into(), json!(passive_minutes));
                    "adjusted"
                }
                DayChange::Extra {
                    id,
                    shift_type,
                    assistant: a,
                    ..
                } => {
                    row.insert("extra_id".into(), json!(id.as_str()));
                    row.insert("shift_type".into(), json!(shift_type));
                    row.insert("assistant_id".into(), assistant(a));
                    "extra"
                }
            };
            row.insert("kind".into(), json!(kind));
            row
        })
        .collect();
    let mut children = BTreeMap::new();
    children.insert("rotation_slots".to_string(), slots);
    children.insert("rotation_changes".to_string(), changes);
    (row, children)
}

type SlotRaw = (String, i64, String, String, Option<String>, bool);
type ChangeRaw = (
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn read_slot(reader: &Reader<'_>, raw: SlotRaw) -> Result<Slot> {
    let weekday = WEEKDAYS
        .iter()
        .find(|(_, k)| *k == raw.2)
        .map(|(d, _)| *d)
        .ok_or_else(|| reader.invalid(format!("weekday «{}» is unknown", raw.2)))?;
    Ok(Slot {
        week: reader.count("week", raw.1)?,
        weekday,
        shift_type: raw.3,
        assistant: raw.4.map(AssistantId),
        skip_red_days: raw.5,
    })
}

fn read_change(reader: &Reader<'_>, raw: ChangeRaw) -> Result<DayChange> {
    let date = reader.day("day", &raw.2)?;
    let slot = || {
        raw.3
            .and_then(|s| usize::try_from(s).ok())
            .ok_or_else(|| reader.invalid("a day change names no slot"))
    };
    let missing = |what: &str| reader.invalid(format!("a day change has no {what}"));
    Ok(match raw.1.as_str() {
        "moved" => DayChange::Moved {
            slot: slot()?,
            date,
            start: Instant::from_unix(raw.4.ok_or_else(|| missing("start"))?),
            end: Instant::from_unix(raw.5.ok_or_else(|| missing("end"))?),
        },
        "cancelled" => DayChange::Cancelled {
            slot: slot()?,
            date,
        },
        "reassigned" => DayChange::Reassigned {
            slot: slot()?,
            date,
            assistant: raw.6.map(AssistantId),
        },
        "adjusted" => DayChange::Adjusted {
            slot: slot()?,
            date,
            break_minutes: reader.count("break_minutes", raw.9.ok_or_else(|| missing("break"))?)?,
            passive_minutes: reader.count(
                "passive_minutes",
                raw.10.ok_or_else(|| missing("passive time"))?,
            )?,
        },
        "extra" => DayChange::Extra {
            id: ShiftId(raw.7.ok_or_else(|| missing("id"))?),
            date,
            shift_type: raw.8.ok_or_else(|| missing("shift type"))?,
            assistant: raw.6.map(AssistantId),
        },
        other => return Err(reader.invalid(format!("day change kind «{other}» is unknown"))),
    })
}

/// Every rotation with its slots and changes, in the plan's order.
pub(crate) fn load(conn: &Connection) -> Result<Vec<Rotation>> {
    let context = "failed to read the rotations";
    let sql = |e| StoreError::sqlite(context)(e);
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, name, weeks, start_date, until_date FROM rotations ORDER BY pos",
        )
        .map_err(sql)?;
    let raws = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(sql)?;
    let mut slots_stmt = conn
        .prepare_cached(
            "SELECT rotation_id, week, weekday, shift_type, assistant_id, skip_red_days
             FROM rotation_slots ORDER BY rotation_id, pos",
        )
        .map_err(sql)?;
    let mut slots: BTreeMap<String, Vec<SlotRaw>> = BTreeMap::new();
    for raw in slots_stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<SlotRaw>>>())
        .map_err(sql)?
    {
        slots.entry(raw.0.clone()).or_default().push(raw);
    }
    let mut changes_stmt = conn
        .prepare_cached(
            "SELECT rotation_id, kind, day, slot, start_at, end_at, assistant_id, extra_id,
                    shift_type, break_minutes, passive_minutes
             FROM rotation_changes ORDER BY rotation_id, pos",
        )
        .map_err(sql)?;
    let mut changes: BTreeMap<String, Vec<ChangeRaw>> = BTreeMap::new();
    for raw in changes_stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<ChangeRaw>>>())
        .map_err(sql)?
    {
        changes.entry(raw.0.clone()).or_default().push(raw);
    }
    raws.into_iter()
        .map(|(id, name, weeks, start, until)| {
            let reader = Reader {
                entity: Entity::Rotation,
                id: &id,
            };
            Ok(Rotation {
                weeks: reader.count("weeks", weeks)?,
                start: reader.day("start_date", &start)?,
                until: reader.maybe_day("until_date", until)?,
                slots: slots
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|raw| read_slot(&reader, raw))
                    .collect::<Result<_>>()?,
                changes: changes
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|raw| read_change(&reader, raw))
                    .collect::<Result<_>>()?,
                id: RotationId(id.clone()),
                name,
            })
        })
        .collect()
}
