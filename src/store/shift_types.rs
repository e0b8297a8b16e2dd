//! The `shift_types` table: named kinds of shift ("D" dagvakt 08:00–16:00), keyed by code.

use rusqlite::Connection;
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::{clock, Reader};
use crate::model::{ServiceType, ShiftType};

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "name",
    "start_time",
    "end_time",
    "break_minutes",
    "passive_minutes",
    "service",
    "colour",
    "long_shift",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

/// The row of `t`, with its code and without position and history columns.
pub(crate) fn to_row(t: &ShiftType) -> Row {
    let mut row = Row::new();
    row.insert("code".into(), json!(t.code));
    row.insert("name".into(), json!(t.name));
    row.insert("start_time".into(), json!(clock(t.start)));
    row.insert("end_time".into(), json!(clock(t.end)));
    row.insert("break_minutes".into(), json!(t.break_minutes));
    row.insert("passive_minutes".into(), json!(t.passive_minutes));
    row.insert("service".into(), json!(t.service.key()));
    row.insert("colour".into(), json!(t.colour));
    row.insert("long_shift".into(), json!(t.long_shift));
    row
}

type Raw = (
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    bool,
);

/// Every shift type, in the plan's order.
pub(crate) fn load(conn: &Connection) -> Result<Vec<ShiftType>> {
    let context = "failed to read the shift types";
    let mut stmt = conn
        .prepare_cached(
            "SELECT code, name, start_time, end_time, break_minutes, passive_minutes, service,
                    colour, long_shift
             FROM shift_types ORDER BY pos",
        )
        .map_err(StoreError::sqlite(context))?;
    let raws = stmt
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
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<Raw>>>())
        .map_err(StoreError::sqlite(context))?;
    raws.into_iter()
        .map(|raw| {
            let reader = Reader {
                entity: Entity::ShiftType,
                id: &raw.0,
            };
            Ok(ShiftType {
                start: reader.clock("start_time", &raw.2)?,
                end: reader.clock("end_time", &raw.3)?,
                break_minutes: reader.count("break_minutes", raw.4)?,
                passive_minutes: reader.count("passive_minutes", raw.5)?,
                service: ServiceType::from_key(&raw.6)
                    .ok_or_else(|| reader.invalid(format!("service «{}» is unknown", raw.6)))?,
                code: raw.0.clone(),
                name: reader.name("name", raw.1)?,
                colour: raw.7,
                long_shift: raw.8,
            })
        })
        .collect()
}
