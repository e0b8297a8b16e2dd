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

    pub(crate) fn count(&self, column: &str, value: i64) -> Result<u32> {
        u32::try_from(value).map_err(|_| self.invalid(format!("{column} {value} is out of range")))
    }
}
