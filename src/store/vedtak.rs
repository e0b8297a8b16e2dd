//! The `vedtak` table: every version of the municipality's decision, in the plan's order
//! (of two versions starting the same day, the later listed is in force).
//!
//! The model's [`Vedtak`] has no id; the file gives each version one ([`VedtakId`]) so it can
//! be edited and undone.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::{day, key_of, Reader};
use crate::model::{ServiceType, Vedtak};

/// The id of one vedtak version in a plan file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VedtakId(pub String);

impl VedtakId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for VedtakId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "from_date",
    "to_date",
    "annual_frame",
    "hours_per_week",
    "double_staffing",
    "night",
    "passive_factor",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

/// The row of `v` under `id`, without position and history columns.
pub(crate) fn to_row(id: &VedtakId, v: &Vedtak) -> Row {
    let hours: serde_json::Map<String, serde_json::Value> = v
        .hours_per_week
        .iter()
        .map(|(service, h)| (service.key().to_string(), json!(h)))
        .collect();
    let mut row = Row::new();
    row.insert("id".into(), json!(id.as_str()));
    row.insert("from_date".into(), json!(day(v.from)));
    row.insert("to_date".into(), json!(v.to.map(day)));
    row.insert("annual_frame".into(), json!(v.annual_frame));
    row.insert(
        "hours_per_week".into(),
        json!(serde_json::Value::Object(hours).to_string()),
    );
    row.insert("double_staffing".into(), json!(v.double_staffing));
    row.insert("night".into(), json!(key_of(&v.night)));
    row.insert("passive_factor".into(), json!(v.passive_factor));
    row
}

type Raw = (
    String,
    String,
    Option<String>,
    bool,
    String,
    bool,
    String,
    f64,
);

/// Every vedtak version with its id, in the plan's order.
pub(crate) fn load(conn: &Connection) -> Result<Vec<(VedtakId, Vedtak)>> {
    let context = "failed to read the vedtak";
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, from_date, to_date, annual_frame, hours_per_week, double_staffing, night,
                    passive_factor
             FROM vedtak ORDER BY pos",
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
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<Raw>>>())
        .map_err(StoreError::sqlite(context))?;
    raws.into_iter()
        .map(|raw| {
            let reader = Reader {
                entity: Entity::Vedtak,
                id: &raw.0,
            };
            let hours: BTreeMap<ServiceType, f64> = reader.json("hours_per_week", &raw.4)?;
            let vedtak = Vedtak {
                from: reader.day("from_date", &raw.1)?,
                to: reader.maybe_day("to_date", raw.2)?,
                annual_frame: raw.3,
                hours_per_week: hours,
                double_staffing: raw.5,
                night: reader.key("night", &raw.6)?,
                passive_factor: raw.7,
            };
            Ok((VedtakId(raw.0), vedtak))
        })
        .collect()
}
