//! The `absences` table: ferie, sykdom, permisjon and other absences of assistants.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::{day, key_of, Reader};
use crate::model::{Absence, AbsenceId, AssistantId};

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
    row
}

type Raw = (String, String, String, String, String, Option<f64>, String);

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
            "SELECT id, assistant_id, kind, from_date, to_date, hours, note
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
            Ok(Absence {
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
