//! The `shifts` table: every shift of the plan, with who made and changed it and when.
//!
//! `created_at`/`updated_at` are the model's own fields (the 14-day notice reads them); the
//! edit functions of [`super::PlanFile`] set them, an import keeps them as given.

use std::collections::BTreeMap;

use rusqlite::{Connection, Statement};
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::Reader;
use crate::model::{AssistantId, ServiceType, Shift, ShiftId, ShiftStatus};
use crate::time::Instant;

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "assistant_id",
    "start_at",
    "end_at",
    "break_minutes",
    "passive_minutes",
    "long_shift",
    "service",
    "status",
    "note",
    "shift_type",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "original_assistant",
];

/// The row of `s`, with its id and without position and history columns.
pub(crate) fn to_row(s: &Shift) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(s.id.as_str()));
    row.insert(
        "assistant_id".into(),
        json!(s.assistant.as_ref().map(AssistantId::as_str)),
    );
    row.insert("start_at".into(), json!(s.start.unix()));
    row.insert("end_at".into(), json!(s.end.unix()));
    row.insert("break_minutes".into(), json!(s.break_minutes));
    row.insert("passive_minutes".into(), json!(s.passive_minutes));
    row.insert("long_shift".into(), json!(s.long_shift));
    row.insert("service".into(), json!(s.service.key()));
    row.insert("status".into(), json!(s.status.key()));
    row.insert("note".into(), json!(s.note));
    row.insert("shift_type".into(), json!(s.shift_type));
    row
}

const SELECT: &str = "SELECT id, assistant_id, start_at, end_at, break_minutes, passive_minutes,
    long_shift, service, status, note, shift_type, created_at, updated_at FROM shifts";

type Raw = (
    String,
    Option<String>,
    i64,
    i64,
    i64,
    i64,
    bool,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn status(reader: &Reader<'_>, key: &str) -> Result<ShiftStatus> {
    [
        ShiftStatus::Planned,
        ShiftStatus::Worked,
        ShiftStatus::Cancelled,
    ]
    .into_iter()
    .find(|s| s.key() == key)
    .ok_or_else(|| reader.invalid(format!("status «{key}» is unknown")))
}

fn from_raw(raw: Raw) -> Result<Shift> {
    let reader = Reader {
        entity: Entity::Shift,
        id: &raw.0,
    };
    if raw.3 <= raw.2 {
        return Err(reader.invalid("it ends before it starts"));
    }
    if crate::limits::shift_too_long(Instant::from_unix(raw.2), Instant::from_unix(raw.3)) {
        return Err(reader.invalid(format!(
            "it lasts more than {} days, the longest a shift may be",
            crate::limits::MAX_SHIFT_DAYS
        )));
    }
    Ok(Shift {
        break_minutes: reader.count("break_minutes", raw.4)?,
        passive_minutes: reader.count("passive_minutes", raw.5)?,
        service: ServiceType::from_key(&raw.7)
            .ok_or_else(|| reader.invalid(format!("service «{}» is unknown", raw.7)))?,
        status: status(&reader, &raw.8)?,
        id: ShiftId(raw.0.clone()),
        assistant: raw.1.map(AssistantId),
        start: Instant::from_unix(raw.2),
        end: Instant::from_unix(raw.3),
        long_shift: raw.6,
        note: raw.9,
        shift_type: raw.10,
        created_at: raw.11.map(Instant::from_unix),
        updated_at: raw.12.map(Instant::from_unix),
    })
}

fn collect(stmt: &mut Statement<'_>, params: impl rusqlite::Params) -> Result<Vec<Shift>> {
    let raws = stmt
        .query_map(params, |r| {
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
                r.get(11)?,
                r.get(12)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<Raw>>>())
        .map_err(StoreError::sqlite("failed to read the shifts"))?;
    raws.into_iter().map(from_raw).collect()
}

/// The cover-link column of a shift: the absent assistant it is covered for, or none.
pub(crate) fn cover_row(original: Option<&AssistantId>) -> Row {
    let mut row = Row::new();
    row.insert(
        "original_assistant".into(),
        json!(original.map(AssistantId::as_str)),
    );
    row
}

/// Every cover link: shift → the absent assistant it was originally planned for.
pub(crate) fn load_covers(conn: &Connection) -> Result<BTreeMap<ShiftId, AssistantId>> {
    let context = "failed to read the cover links";
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, original_assistant FROM shifts WHERE original_assistant IS NOT NULL",
        )
        .map_err(StoreError::sqlite(context))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(StoreError::sqlite(context))?;
    Ok(rows
        .into_iter()
        .map(|(shift, original)| (ShiftId(shift), AssistantId(original)))
        .collect())
}

/// Every shift, in the plan's order; refused when there are more than
/// [`crate::limits::MAX_SHIFTS`].
pub(crate) fn load(conn: &Connection) -> Result<Vec<Shift>> {
    super::values::within_count(conn, Entity::Shift, "shifts", crate::limits::MAX_SHIFTS)?;
    let mut stmt = conn
        .prepare_cached(&format!("{SELECT} ORDER BY pos"))
        .map_err(StoreError::sqlite("failed to read the shifts"))?;
    collect(&mut stmt, [])
}

/// The shifts overlapping `[from, to)`, by start.
pub(crate) fn load_window(conn: &Connection, from: Instant, to: Instant) -> Result<Vec<Shift>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE end_at > ?1 AND start_at < ?2 ORDER BY start_at, id"
        ))
        .map_err(StoreError::sqlite("failed to read the shifts"))?;
    collect(&mut stmt, [from.unix(), to.unix()])
}
