//! The `absences` table: ferie, sykdom, permisjon and other absences of assistants.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::{clock, day, key_of, Reader};
use crate::model::{Absence, AbsenceId, AssistantId, SickNote};

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "assistant_id",
    "kind",
    "from_date",
    "to_date",
    "hours",
    "note",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "sick_note",
    "from_time",
    "to_time",
];

/// The row of `a`, with its id and without position and history columns.
pub(crate) fn to_row(a: &Absence) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(a.id.as_str()));
    row.insert("assistant_id".into(), json!(a.assistant.as_str()));
    row.insert("kind".into(), json!(key_of(&a.kind)));
    row.insert("from_date".into(), json!(day(a.from)));
    row.insert("to_date".into(), json!(day(a.to)));
    row.insert("hours".into(), json!(a.hours));
    row.insert("note".into(), json!(a.note));
    row.insert("sick_note".into(), json!(a.sick_note.map(SickNote::key)));
    row.insert("from_time".into(), json!(a.from_time.map(clock)));
    row.insert("to_time".into(), json!(a.to_time.map(clock)));
    row
}

type Raw = (
    String,
    String,
    String,
    String,
    String,
    Option<f64>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The absences touching `[from, to]` (every absence without bounds), in the plan's order.
pub(crate) fn load(
    conn: &Connection,
    within: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<Absence>> {
    let context = "failed to read the absences";
    let (lo, hi) = within.map_or(
        ("0000-01-01".to_string(), "9999-12-31".to_string()),
        |(f, t)| (day(f), day(t)),
    );
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, assistant_id, kind, from_date, to_date, hours, note, sick_note,
                    from_time, to_time
             FROM absences WHERE to_date >= ?1 AND from_date <= ?2 ORDER BY pos",
        )
        .map_err(StoreError::sqlite(context))?;
    let raws = stmt
        .query_map([lo, hi], |r| {
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
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<Raw>>>())
        .map_err(StoreError::sqlite(context))?;
    raws.into_iter()
        .map(|raw| {
            let reader = Reader {
                entity: Entity::Absence,
                id: &raw.0,
            };
            let time = |column: &str, text: &Option<String>| {
                text.as_deref().map(|t| reader.clock(column, t)).transpose()
            };
            let sick_note = match raw.7.as_deref() {
                None => None,
                Some(key) => Some(
                    SickNote::from_key(key)
                        .ok_or_else(|| reader.invalid(format!("sick note «{key}» is unknown")))?,
                ),
            };
            let (from_time, to_time) = (time("from_time", &raw.8)?, time("to_time", &raw.9)?);
            if from_time.is_some() != to_time.is_some() {
                return Err(reader.invalid("a part-day absence needs both its times"));
            }
            Ok(Absence {
                sick_note,
                from_time,
                to_time,
                kind: reader.key("kind", &raw.2)?,
                from: reader.day("from_date", &raw.3)?,
                to: reader.day("to_date", &raw.4)?,
                id: AbsenceId(raw.0.clone()),
                assistant: AssistantId(raw.1),
                hours: raw.5,
                note: raw.6,
            })
        })
        .collect()
}
