//! Entity rows as JSON: reading one entity (with its child rows) into a [`Snapshot`], and
//! writing a snapshot back. The change log keeps snapshots as `before`/`after`, and undo and
//! redo write them back through [`restore`].
//!
//! Table and column names only ever come from the fixed lists of the table modules, never from
//! the file or the caller, so the SQL built here cannot be steered by data. This module knows
//! nothing about what the columns mean; the table modules turn rows into model types.

use std::collections::BTreeMap;

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::{Result, StoreError};
use super::{absences, assistants, busy, months, rotations, settings, shift_types, shifts, vedtak};

/// Column name → value of one row.
pub(crate) type Row = Map<String, Value>;

/// The kinds of entity a plan file holds, as named in the change log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entity {
    Settings,
    Assistant,
    ShiftType,
    Shift,
    Vedtak,
    Absence,
    Rotation,
    Busy,
    ClosedMonth,
    EgenandelTable,
}

/// A table whose rows belong to one entity row (a rotation's slots and changes).
pub(crate) struct Child {
    pub table: &'static str,
    pub parent_column: &'static str,
    pub columns: &'static [&'static str],
}

impl Entity {
    /// Every entity kind.
    pub const ALL: [Entity; 10] = [
        Entity::Settings,
        Entity::Assistant,
        Entity::ShiftType,
        Entity::Shift,
        Entity::Vedtak,
        Entity::Absence,
        Entity::Rotation,
        Entity::Busy,
        Entity::ClosedMonth,
        Entity::EgenandelTable,
    ];

    /// The name in the change log and in messages.
    pub fn key(self) -> &'static str {
        match self {
            Entity::Settings => "settings",
            Entity::Assistant => "assistant",
            Entity::ShiftType => "shift type",
            Entity::Shift => "shift",
            Entity::Vedtak => "vedtak",
            Entity::Absence => "absence",
            Entity::Rotation => "rotation",
            Entity::Busy => "busy time",
            Entity::ClosedMonth => "closed month",
            Entity::EgenandelTable => "egenandel table",
        }
    }

    /// Parse a change-log entity name.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.key() == key)
    }

    pub(crate) fn table(self) -> &'static str {
        match self {
            Entity::Settings => "settings",
            Entity::Assistant => "assistants",
            Entity::ShiftType => "shift_types",
            Entity::Shift => "shifts",
            Entity::Vedtak => "vedtak",
            Entity::Absence => "absences",
            Entity::Rotation => "rotations",
            Entity::Busy => "busy_times",
            Entity::ClosedMonth => "closed_months",
            Entity::EgenandelTable => "egenandel_tables",
        }
    }

    pub(crate) fn id_column(self) -> &'static str {
        match self {
            Entity::ShiftType => "code",
            _ => "id",
        }
    }

    /// Every column of the entity's table except the id.
    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            Entity::Settings => settings::COLUMNS,
            Entity::Assistant => assistants::COLUMNS,
            Entity::ShiftType => shift_types::COLUMNS,
            Entity::Shift => shifts::COLUMNS,
            Entity::Vedtak => vedtak::COLUMNS,
            Entity::Absence => absences::COLUMNS,
            Entity::Rotation => rotations::COLUMNS,
            Entity::Busy => busy::COLUMNS,
            Entity::ClosedMonth => months::MONTH_COLUMNS,
            Entity::EgenandelTable => months::TABLE_COLUMNS,
        }
    }

    pub(crate) fn children(self) -> &'static [Child] {
        match self {
            Entity::Rotation => rotations::CHILDREN,
            _ => &[],
        }
    }

    /// The id as bound in SQL: the settings row has the integer id 1.
    fn id_value(self, id: &str) -> SqlValue {
        match self {
            Entity::Settings => SqlValue::Integer(id.parse().unwrap_or(1)),
            _ => SqlValue::Text(id.to_string()),
        }
    }

    fn has_column(self, column: &str) -> bool {
        column == self.id_column() || self.columns().contains(&column)
    }
}

/// One entity as stored: its row and the rows of its child tables.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    pub row: Row,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub children: BTreeMap<String, Vec<Row>>,
}

fn to_json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
    }
}

fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

fn read_rows(conn: &Connection, sql: &str, key: SqlValue) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let rows = stmt.query_map([key], |r| {
        let mut row = Row::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), to_json(r.get_ref(i)?));
        }
        Ok(row)
    })?;
    rows.collect()
}

/// The entity `id` as stored now, or `None` when there is none.
pub(crate) fn read(conn: &Connection, entity: Entity, id: &str) -> Result<Option<Snapshot>> {
    let context = || format!("failed to read {} «{id}»", entity.key());
    let sql = format!(
        "SELECT * FROM {} WHERE {} = ?1",
        entity.table(),
        entity.id_column()
    );
    let mut rows =
        read_rows(conn, &sql, entity.id_value(id)).map_err(StoreError::sqlite(context()))?;
    let Some(row) = rows.pop() else {
        return Ok(None);
    };
    let mut children = BTreeMap::new();
    for child in entity.children() {
        let sql = format!(
            "SELECT * FROM {} WHERE {} = ?1 ORDER BY pos",
            child.table, child.parent_column
        );
        let rows =
            read_rows(conn, &sql, entity.id_value(id)).map_err(StoreError::sqlite(context()))?;
        children.insert(child.table.to_string(), rows);
    }
    Ok(Some(Snapshot { row, children }))
}

/// The position after the last entity of its kind, so a new one is listed last.
pub(crate) fn next_pos(conn: &Connection, entity: Entity) -> Result<i64> {
    conn.query_row(
        &format!("SELECT COALESCE(MAX(pos), -1) + 1 FROM {}", entity.table()),
        [],
        |r| r.get(0),
    )
    .map_err(StoreError::sqlite(format!(
        "failed to number a new {}",
        entity.key()
    )))
}

fn checked_columns(
    entity: Entity,
    row: &Row,
    allowed: impl Fn(&str) -> bool,
) -> Result<Vec<(&str, SqlValue)>> {
    row.iter()
        .map(|(column, value)| {
            if allowed(column) {
                Ok((column.as_str(), to_sql(value)))
            } else {
                Err(StoreError::Invalid {
                    entity: entity.key(),
                    id: String::new(),
                    why: format!("the change log names an unknown column «{column}»"),
                })
            }
        })
        .collect()
}

fn insert_into(
    conn: &Connection,
    table: &str,
    columns: &[(&str, SqlValue)],
) -> rusqlite::Result<usize> {
    let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(columns.iter().map(|(_, v)| v)))
}

/// Insert a new entity row (which includes its id column).
pub(crate) fn insert(conn: &Connection, entity: Entity, row: &Row) -> rusqlite::Result<()> {
    let columns = checked_columns(entity, row, |c| entity.has_column(c))
        .map_err(|_| rusqlite::Error::InvalidColumnName(entity.table().into()))?;
    insert_into(conn, entity.table(), &columns).map(|_| ())
}

/// Set the given columns of the entity `id`; returns whether it existed.
pub(crate) fn update(
    conn: &Connection,
    entity: Entity,
    id: &str,
    row: &Row,
) -> rusqlite::Result<bool> {
    let columns = checked_columns(entity, row, |c| entity.columns().contains(&c))
        .map_err(|_| rusqlite::Error::InvalidColumnName(entity.table().into()))?;
    if columns.is_empty() {
        return Ok(true);
    }
    let sets: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE {} = ?1",
        entity.table(),
        sets.join(", "),
        entity.id_column()
    );
    let key = entity.id_value(id);
    let values = std::iter::once(&key).chain(columns.iter().map(|(_, v)| v));
    let changed = conn
        .prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(changed > 0)
}

/// Replace the child rows of the entity `id`.
pub(crate) fn replace_children(
    conn: &Connection,
    entity: Entity,
    id: &str,
    children: &BTreeMap<String, Vec<Row>>,
) -> rusqlite::Result<()> {
    for child in entity.children() {
        conn.prepare_cached(&format!(
            "DELETE FROM {} WHERE {} = ?1",
            child.table, child.parent_column
        ))?
        .execute([entity.id_value(id)])?;
        for row in children.get(child.table).into_iter().flatten() {
            let mut columns = Vec::with_capacity(row.len());
            for (column, value) in row {
                if column != child.parent_column && !child.columns.contains(&column.as_str()) {
                    return Err(rusqlite::Error::InvalidColumnName(column.clone()));
                }
                if column != child.parent_column {
                    columns.push((column.as_str(), to_sql(value)));
                }
            }
            columns.push((child.parent_column, entity.id_value(id)));
            insert_into(conn, child.table, &columns)?;
        }
    }
    Ok(())
}

/// Delete the entity `id` and its child rows; returns whether it existed.
pub(crate) fn delete(conn: &Connection, entity: Entity, id: &str) -> rusqlite::Result<bool> {
    let sql = format!(
        "DELETE FROM {} WHERE {} = ?1",
        entity.table(),
        entity.id_column()
    );
    Ok(conn.prepare_cached(&sql)?.execute([entity.id_value(id)])? > 0)
}

/// Make the entity `id` exactly `snapshot` (or absent, for `None`).
pub(crate) fn restore(
    conn: &Connection,
    entity: Entity,
    id: &str,
    snapshot: Option<&Snapshot>,
) -> rusqlite::Result<()> {
    match snapshot {
        None => {
            delete(conn, entity, id)?;
        }
        Some(snapshot) => {
            let exists = conn
                .prepare_cached(&format!(
                    "SELECT 1 FROM {} WHERE {} = ?1",
                    entity.table(),
                    entity.id_column()
                ))?
                .query_row([entity.id_value(id)], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                let mut row = snapshot.row.clone();
                row.remove(entity.id_column());
                update(conn, entity, id, &row)?;
            } else {
                insert(conn, entity, &snapshot.row)?;
            }
            replace_children(conn, entity, id, &snapshot.children)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_values_survive_json_and_back() {
        let conn = Connection::open_in_memory().unwrap();
        let values = [
            SqlValue::Null,
            SqlValue::Integer(-1_700_000_000),
            SqlValue::Real(37.5),
            SqlValue::Real(7.0),
            SqlValue::Text("Åse «vikar»".into()),
        ];
        for value in values {
            let back: SqlValue = conn
                .query_row("SELECT ?1", [&value], |r| {
                    Ok(to_sql(&to_json(r.get_ref(0)?)))
                })
                .unwrap();
            assert_eq!(
                back, value,
                "a snapshot must restore exactly what was stored"
            );
        }
    }

    #[test]
    fn every_entity_names_itself_back() {
        for entity in Entity::ALL {
            assert_eq!(Entity::from_key(entity.key()), Some(entity));
        }
    }
}
