//! The `assistants` table: assistants and vikarer with contact details, contract, profile and
//! holiday facts.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::{json, Value};

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::settings::{overrides_text, profile_from};
use super::values::{day, key_of, Reader};
use crate::model::{Assistant, AssistantId};

pub(crate) const COLUMNS: &[&str] = &[
    "pos",
    "name",
    "phone",
    "email",
    "role",
    "contract_minutes_per_week",
    "colour",
    "profile_preset",
    "profile_overrides",
    "birth_year",
    "holiday_entitlement",
    "close_family",
    "family_approval",
    "start_date",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "holiday_carried",
];

/// The row of `a`, with its id and without position and history columns.
pub(crate) fn to_row(a: &Assistant) -> Row {
    let mut row = Row::new();
    row.insert("id".into(), json!(a.id.as_str()));
    row.insert("name".into(), json!(a.name));
    row.insert("phone".into(), json!(a.phone));
    row.insert("email".into(), json!(a.email));
    row.insert("role".into(), json!(key_of(&a.role)));
    row.insert(
        "contract_minutes_per_week".into(),
        json!(a.contract_minutes_per_week),
    );
    row.insert("colour".into(), json!(a.colour));
    row.insert(
        "profile_preset".into(),
        json!(a.profile.as_ref().map(|p| p.preset.key())),
    );
    row.insert(
        "profile_overrides".into(),
        a.profile
            .as_ref()
            .map_or(Value::Null, |p| Value::String(overrides_text(p))),
    );
    row.insert("birth_year".into(), json!(a.birth_year));
    row.insert("holiday_entitlement".into(), json!(a.holiday_entitlement));
    row.insert("close_family".into(), json!(a.close_family));
    row.insert("family_approval".into(), json!(a.family_approval.map(day)));
    row.insert("start_date".into(), json!(a.start_date.map(day)));
    row
}

type Raw = (
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
    Option<i32>,
    i64,
    bool,
    Option<String>,
    Option<String>,
);

fn from_raw(raw: Raw) -> Result<Assistant> {
    let (id, name, phone, email, role, contract, colour, preset, overrides) = (
        raw.0, raw.1, raw.2, raw.3, raw.4, raw.5, raw.6, raw.7, raw.8,
    );
    let reader = Reader {
        entity: Entity::Assistant,
        id: &id,
    };
    let profile = match preset {
        Some(preset) => Some(profile_from(
            &reader,
            &preset,
            overrides.as_deref().unwrap_or("{}"),
        )?),
        None => None,
    };
    Ok(Assistant {
        role: reader.key("role", &role)?,
        holiday_entitlement: reader.count("holiday_entitlement", raw.10)?,
        family_approval: reader.maybe_day("family_approval", raw.12)?,
        start_date: reader.maybe_day("start_date", raw.13)?,
        name: reader.name("name", name)?,
        id: AssistantId(id),
        phone,
        email,
        contract_minutes_per_week: contract,
        colour,
        profile,
        birth_year: raw.9,
        close_family: raw.11,
    })
}

/// The carry-over column of an assistant: days carried into each year, as JSON text.
pub(crate) fn carry_row(years: &BTreeMap<i32, u32>) -> Row {
    let text: serde_json::Map<String, Value> = years
        .iter()
        .filter(|(_, days)| **days > 0)
        .map(|(year, days)| (year.to_string(), json!(days)))
        .collect();
    let mut row = Row::new();
    row.insert(
        "holiday_carried".into(),
        Value::String(Value::Object(text).to_string()),
    );
    row
}

/// Every assistant's agreed carry-over, by year; assistants with none are left out.
pub(crate) fn load_carry(conn: &Connection) -> Result<BTreeMap<AssistantId, BTreeMap<i32, u32>>> {
    let context = "failed to read the holiday carry-over";
    let mut stmt = conn
        .prepare_cached("SELECT id, holiday_carried FROM assistants WHERE holiday_carried <> '{}'")
        .map_err(StoreError::sqlite(context))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(StoreError::sqlite(context))?;
    let mut out = BTreeMap::new();
    for (id, text) in rows {
        let reader = Reader {
            entity: Entity::Assistant,
            id: &id,
        };
        let raw: BTreeMap<String, u32> = reader.json("holiday_carried", &text)?;
        let mut years = BTreeMap::new();
        for (year, days) in raw {
            let year: i32 = year
                .parse()
                .ok()
                .filter(|y| crate::time::year_supported(*y))
                .ok_or_else(|| reader.invalid(format!("carry-over year «{year}» is not a year")))?;
            if days > crate::holidays::MAX_CARRIED_DAYS {
                return Err(reader.invalid(format!(
                    "{days} days carried into {year} is more than {}",
                    crate::holidays::MAX_CARRIED_DAYS
                )));
            }
            if days > 0 {
                years.insert(year, days);
            }
        }
        if !years.is_empty() {
            out.insert(AssistantId(id), years);
        }
    }
    Ok(out)
}

/// Every assistant, in the plan's order.
pub(crate) fn load(conn: &Connection) -> Result<Vec<Assistant>> {
    super::values::within_count(
        conn,
        Entity::Assistant,
        "assistants",
        crate::limits::MAX_ASSISTANTS,
    )?;
    let context = "failed to read the assistants";
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, name, phone, email, role, contract_minutes_per_week, colour,
                    profile_preset, profile_overrides, birth_year, holiday_entitlement,
                    close_family, family_approval, start_date
             FROM assistants ORDER BY pos",
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
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<Raw>>>())
        .map_err(StoreError::sqlite(context))?;
    raws.into_iter().map(from_raw).collect()
}
