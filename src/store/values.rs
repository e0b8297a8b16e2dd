//! Conversions between model values and the text and numbers stored in plan-file columns:
//! dates as `YYYY-MM-DD`, times of day as `HH:MM`, enumerations as their plan JSON keys.
//!
//! Reading never trusts the file: a value the model cannot hold becomes
//! [`StoreError::Invalid`] naming the entity. Nothing here runs SQL.

use chrono::{NaiveDate, NaiveTime};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::error::{Result, StoreError};
use super::row::Entity;

/// A date as stored.
pub(crate) fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A time of day as stored.
pub(crate) fn clock(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The plan JSON key of a serde enumeration (`Role::Vikar` → `vikar`).
pub(crate) fn key_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Refuse a table holding more than `max` rows (`crate::limits`): the error names the first
/// row past the limit.
pub(crate) fn within_count(
    conn: &rusqlite::Connection,
    entity: Entity,
    table: &str,
    max: usize,
) -> Result<()> {
    let past: Option<String> = conn
        .query_row(
            &format!(
                "SELECT {} FROM {table} ORDER BY pos LIMIT 1 OFFSET {max}",
                entity.id_column()
            ),
            [],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })
        .map_err(StoreError::sqlite(
            "failed to count the rows of the plan file",
        ))?;
    match past {
        None => Ok(()),
        Some(id) => Err(Reader { entity, id: &id }.invalid(format!(
            "the plan holds more than {max} {table}, the most a plan may hold; split the plan"
        ))),
    }
}

/// A value read from a column, checked, with the entity named when it is wrong.
pub(crate) struct Reader<'a> {
    pub entity: Entity,
    pub id: &'a str,
}

impl Reader<'_> {
    pub(crate) fn invalid(&self, why: impl Into<String>) -> StoreError {
        StoreError::Invalid {
            entity: self.entity.key(),
            id: self.id.to_string(),
            why: why.into(),
        }
    }

    pub(crate) fn day(&self, column: &str, text: &str) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| self.invalid(format!("{column} «{text}» is not a date")))
    }

    pub(crate) fn maybe_day(
        &self,
        column: &str,
        text: Option<String>,
    ) -> Result<Option<NaiveDate>> {
        text.map(|t| self.day(column, &t)).transpose()
    }

    pub(crate) fn clock(&self, column: &str, text: &str) -> Result<NaiveTime> {
        NaiveTime::parse_from_str(text, "%H:%M")
            .map_err(|_| self.invalid(format!("{column} «{text}» is not a time of day")))
    }

    pub(crate) fn key<T: DeserializeOwned>(&self, column: &str, text: &str) -> Result<T> {
        serde_json::from_value(Value::String(text.to_string()))
            .map_err(|_| self.invalid(format!("{column} «{text}» is not a known value")))
    }

    pub(crate) fn json<T: DeserializeOwned>(&self, column: &str, text: &str) -> Result<T> {
        serde_json::from_str(text).map_err(|e| self.invalid(format!("{column} is unreadable: {e}")))
    }

    /// A name of at most [`crate::limits::MAX_NAME_CHARS`] characters.
    pub(crate) fn name(&self, column: &str, text: String) -> Result<String> {
        if crate::limits::name_too_long(&text) {
            return Err(self.invalid(format!(
                "its {column} is {} characters long; a name may have at most {}",
                text.chars().count(),
                crate::limits::MAX_NAME_CHARS
            )));
        }
        Ok(text)
    }

    pub(crate) fn count(&self, column: &str, value: i64) -> Result<u32> {
        u32::try_from(value).map_err(|_| self.invalid(format!("{column} {value} is out of range")))
    }
}
