//! The `settings` table: one row with the plan's name, people, defaults and rule profile.
//!
//! The plan's profile lives here too (`profile_preset`, `profile_overrides`), so that
//! [`Entity::Settings`] covers both settings edits and profile edits.

use rusqlite::Connection;
use serde_json::{json, Value};

use super::error::{Result, StoreError};
use super::row::{Entity, Row};
use super::values::Reader;
use crate::model::{MonthDay, Profile, Settings};

pub(crate) const COLUMNS: &[&str] = &[
    "name",
    "arbeidsleder",
    "leverandor",
    "current_user",
    "carry_over",
    "profile_preset",
    "profile_overrides",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "main_holiday_deadline",
];

/// The settings columns of `settings`.
pub(crate) fn to_row(s: &Settings) -> Row {
    let mut row = Row::new();
    row.insert("name".into(), json!(s.name));
    row.insert("arbeidsleder".into(), json!(s.arbeidsleder));
    row.insert("leverandor".into(), json!(s.leverandor));
    row.insert("current_user".into(), json!(s.current_user));
    row.insert("carry_over".into(), json!(s.carry_over));
    row.insert(
        "main_holiday_deadline".into(),
        json!(s.main_holiday_deadline.map(|d| d.to_string())),
    );
    row
}

/// The profile columns of the plan's `profile`.
pub(crate) fn profile_row(profile: &Profile) -> Row {
    let mut row = Row::new();
    row.insert("profile_preset".into(), json!(profile.preset.key()));
    row.insert(
        "profile_overrides".into(),
        Value::String(overrides_text(profile)),
    );
    row
}

/// A profile's overrides as the JSON text stored.
pub(crate) fn overrides_text(profile: &Profile) -> String {
    Value::Object(profile.raw_overrides().into_iter().collect()).to_string()
}

/// Build a profile from stored columns, validating it.
pub(crate) fn profile_from(reader: &Reader<'_>, preset: &str, overrides: &str) -> Result<Profile> {
    let raw = reader.json("the profile overrides", overrides)?;
    Profile::from_raw(preset, &raw).map_err(|e| reader.invalid(e.to_string()))
}

/// The plan's settings and profile.
pub(crate) fn load(conn: &Connection) -> Result<(Settings, Profile)> {
    let reader = Reader {
        entity: Entity::Settings,
        id: "1",
    };
    let raw = conn
        .query_row(
            "SELECT name, arbeidsleder, leverandor, current_user, carry_over, profile_preset,
                    profile_overrides, main_holiday_deadline FROM settings WHERE id = 1",
            [],
            |r| {
                Ok((
                    Settings {
                        name: r.get(0)?,
                        arbeidsleder: r.get(1)?,
                        leverandor: r.get(2)?,
                        current_user: r.get(3)?,
                        carry_over: r.get(4)?,
                        main_holiday_deadline: None,
                    },
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            },
        )
        .map_err(StoreError::sqlite("failed to read the plan settings"))?;
    let profile = profile_from(&reader, &raw.1, &raw.2)?;
    let settings = raw.0;
    let settings = Settings {
        name: reader.name("name", settings.name)?,
        arbeidsleder: reader.name("arbeidsleder", settings.arbeidsleder)?,
        leverandor: reader.name("leverandor", settings.leverandor)?,
        current_user: reader.name("current_user", settings.current_user)?,
        carry_over: settings.carry_over,
        main_holiday_deadline: match raw.3 {
            None => None,
            Some(text) => Some(MonthDay::parse(&text).ok_or_else(|| {
                reader.invalid(format!("main holiday deadline «{text}» is not MM-DD"))
            })?),
        },
    };
    Ok((settings, profile))
}
