//! The `busy_times` table: assistants' work for other employers, imported from their other
//! calendars (the rest and total-hours rules count it).

use rusqlite::{Connection, Statement};
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::Reader;
use crate::model::{AssistantId, BusyTime};
use crate::time::Instant;

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "assistant_id",
    "start_at",
    "end_at",
    "source",
    "summary",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

/// The row of `b`, with its id and without position and history columns.
pub(crate) fn to_row(b: &BusyTime) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(b.id));
    row.insert("assistant_id".into(), json!(b.assistant.as_str()));
    row.insert("start_at".into(), json!(b.start.unix()));
    row.insert("end_at".into(), json!(b.end.unix()));
    row.insert("source".into(), json!(b.source));
    row.insert("summary".into(), json!(b.summary));
    row
}

type Raw = (String, String, i64, i64, String, String);

fn collect(stmt: &mut Statement<'_>, params: impl rusqlite::Params) -> Result<Vec<BusyTime>> {
    let raws = stmt
        .query_map(params, |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<Raw>>>())
        .map_err(StoreError::sqlite("failed to read the busy times"))?;
    raws.into_iter()
        .map(|raw| {
            let reader = Reader {
                entity: Entity::Busy,
                id: &raw.0,
            };
            if raw.3 <= raw.2 {
                return Err(reader.invalid("it ends before it starts"));
            }
            Ok(BusyTime {
                id: raw.0.clone(),
                assistant: AssistantId(raw.1),
                start: Instant::from_unix(raw.2),
                end: Instant::from_unix(raw.3),
                source: raw.4,
                summary: raw.5,
            })
        })
        .collect()
}

const SELECT: &str = "SELECT id, assistant_id, start_at, end_at, source, summary FROM busy_times";

/// Every busy time, in the plan's order.
pub(crate) fn load(conn: &Connection) -> Result<Vec<BusyTime>> {
    let mut stmt = conn
        .prepare_cached(&format!("{SELECT} ORDER BY pos"))
        .map_err(StoreError::sqlite("failed to read the busy times"))?;
    collect(&mut stmt, [])
}

/// The busy times overlapping `[from, to)`, by start.
pub(crate) fn load_window(conn: &Connection, from: Instant, to: Instant) -> Result<Vec<BusyTime>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE end_at > ?1 AND start_at < ?2 ORDER BY start_at, id"
        ))
        .map_err(StoreError::sqlite("failed to read the busy times"))?;
    collect(&mut stmt, [from.unix(), to.unix()])
}
