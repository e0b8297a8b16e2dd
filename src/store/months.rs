//! The `closed_months` and `egenandel_tables` tables: months closed after their timelister
//! were confirmed, and the egenandel tables the user added.
//!
//! A closed month keeps its row when it is opened again (`closed` = 0, with the reason), so
//! the change log holds the reason of every reopening. While a month is closed, no edit and no
//! undo or redo may change a shift whose work day lies in it: [`refuse_closed`] is called
//! inside every transaction that changes a shift.

use rusqlite::{Connection, OptionalExtension};
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row, Snapshot};
use super::values::Reader;
use crate::model::{ClosedMonth, EgenandelTable, Month};
use crate::time::Instant;

pub(crate) const MONTH_COLUMNS: &[&str] = &[
    "pos",
    "closed",
    "closed_at",
    "closed_by",
    "reopen_reason",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

pub(crate) const TABLE_COLUMNS: &[&str] = &[
    "pos",
    "data",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

/// The row of a closed month.
pub(crate) fn closed_row(c: &ClosedMonth) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(c.month.to_string()));
    row.insert("closed".into(), json!(true));
    row.insert("closed_at".into(), json!(c.closed_at.unix()));
    row.insert("closed_by".into(), json!(c.closed_by));
    row.insert("reopen_reason".into(), json!(null));
    row
}

/// The row of a month opened again, with the reason.
pub(crate) fn reopened_row(month: Month, reason: &str) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(month.to_string()));
    row.insert("closed".into(), json!(false));
    row.insert("reopen_reason".into(), json!(reason));
    row
}

/// The row of a user's egenandel table.
pub(crate) fn table_row(t: &EgenandelTable) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(t.id));
    row.insert(
        "data".into(),
        json!(serde_json::to_string(t).unwrap_or_else(|_| "{}".into())),
    );
    row
}

/// The months closed now, in the order they were first closed.
pub(crate) fn load_closed(conn: &Connection) -> Result<Vec<ClosedMonth>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, closed_at, closed_by FROM closed_months WHERE closed = 1 ORDER BY id",
        )
        .map_err(StoreError::sqlite("failed to read the closed months"))?;
    let raws = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(StoreError::sqlite("failed to read the closed months"))?;
    raws.into_iter()
        .map(|(id, at, by)| {
            let reader = Reader {
                entity: Entity::ClosedMonth,
                id: &id,
            };
            Ok(ClosedMonth {
                month: Month::parse(&id).ok_or_else(|| reader.invalid("it is no month YYYY-MM"))?,
                closed_at: Instant::from_unix(at),
                closed_by: by,
            })
        })
        .collect()
}

/// The user's egenandel tables, in the plan's order.
pub(crate) fn load_tables(conn: &Connection) -> Result<Vec<EgenandelTable>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, data FROM egenandel_tables ORDER BY pos")
        .map_err(StoreError::sqlite("failed to read the egenandel tables"))?;
    let raws = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(StoreError::sqlite("failed to read the egenandel tables"))?;
    raws.into_iter()
        .map(|(id, data)| {
            let reader = Reader {
                entity: Entity::EgenandelTable,
                id: &id,
            };
            reader.json("the table", &data)
        })
        .collect()
}

/// True when `month` is closed now.
pub(crate) fn is_closed(conn: &Connection, month: Month) -> Result<bool> {
    conn.prepare_cached("SELECT 1 FROM closed_months WHERE id = ?1 AND closed = 1")
        .and_then(|mut stmt| stmt.query_row([month.to_string()], |_| Ok(())).optional())
        .map(|found| found.is_some())
        .map_err(StoreError::sqlite("failed to read the closed months"))
}

/// The work day's month of a shift row (its `start_at`), if the row has one.
fn month_of(snapshot: Option<&Snapshot>) -> Option<Month> {
    let start = snapshot?.row.get("start_at")?.as_i64()?;
    Some(Month::of(Instant::from_unix(start).local_date()))
}

/// Refuse a change of the shift `id` from `before` to `after` (either absent for an addition
/// or deletion) when the work day of either lies in a closed month.
pub(crate) fn refuse_closed(
    conn: &Connection,
    id: &str,
    before: Option<&Snapshot>,
    after: Option<&Snapshot>,
) -> Result<()> {
    for month in [month_of(before), month_of(after)].into_iter().flatten() {
        if is_closed(conn, month)? {
            return Err(StoreError::MonthClosed {
                month: month.to_string(),
                shift: id.to_string(),
            });
        }
    }
    Ok(())
}
