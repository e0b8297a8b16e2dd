//! Plan JSON ↔ plan file: `turnus import plan.json plan.turnus` and
//! `turnus export json plan.turnus`.
//!
//! Reading and writing the JSON is `crate::interchange`'s job; this module moves a whole
//! [`Plan`] into a new file (one transaction, one change-log entry that cannot be undone) and
//! out again, losslessly: ids, order and the shifts' `created_at`/`updated_at` are kept.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};
use serde_json::json;

use super::error::{Result, StoreError};
use super::row::{self, Entity, Row};
use super::{
    absences, assistants, busy, new_id, open, rotations, settings, shift_types, shifts, vedtak,
    OpenOptions, PlanFile,
};
use crate::interchange;
use crate::model::Plan;
use crate::time::Instant;

/// Create the plan file `path` from plan JSON `text`; refuses to replace an existing file.
pub fn import(text: &str, path: &Path, options: &OpenOptions) -> Result<PlanFile> {
    let plan = interchange::read_plan(text)?;
    import_plan(&plan, path, options)
}

/// Create the plan file `path` holding `plan`; refuses to replace an existing file.
pub fn import_plan(plan: &Plan, path: &Path, options: &OpenOptions) -> Result<PlanFile> {
    open::create(path, options, Some(plan))
}

/// The plan file at `path` as plan JSON v1 (opened read-only, so a plan in use can be
/// exported).
pub fn export(path: &Path, now: Instant) -> Result<String> {
    let options = OpenOptions {
        read_only: true,
        ..OpenOptions::new("", now)
    };
    let file = PlanFile::open(path, &options)?;
    export_plan(&file)
}

/// An open plan file as plan JSON v1.
pub fn export_plan(file: &PlanFile) -> Result<String> {
    Ok(interchange::write_plan(&file.load_plan()?))
}

fn stamped(mut row: Row, pos: usize, user: &str, now: Instant) -> Row {
    row.insert("pos".into(), json!(pos));
    row.insert("created_at".into(), json!(now.unix()));
    row.insert("created_by".into(), json!(user));
    row.insert("updated_at".into(), json!(now.unix()));
    row.insert("updated_by".into(), json!(user));
    row
}

fn put(conn: &Connection, entity: Entity, id: &str, row: &Row) -> Result<()> {
    row::insert(conn, entity, row).map_err(|e| StoreError::Invalid {
        entity: entity.key(),
        id: id.to_string(),
        why: format!("it cannot be stored ({e})"),
    })
}

/// Write every entity of `plan` into the empty plan on `conn`, as one transaction.
pub(crate) fn write_all(
    conn: &mut Connection,
    plan: &Plan,
    user: &str,
    now: Instant,
) -> Result<()> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(StoreError::sqlite("failed to start the import"))?;
    super::identity::stamp(&tx)?;
    let mut settings_row = settings::to_row(&plan.settings);
    settings_row.extend(settings::profile_row(&plan.profile));
    row::update(&tx, Entity::Settings, "1", &settings_row)
        .map_err(StoreError::sqlite("failed to import the settings"))?;
    for (pos, a) in plan.assistants.iter().enumerate() {
        put(
            &tx,
            Entity::Assistant,
            a.id.as_str(),
            &stamped(
                {
                    let mut row = assistants::to_row(a);
                    if let Some(years) = plan.holiday_carry.get(&a.id) {
                        row.extend(assistants::carry_row(years));
                    }
                    row
                },
                pos,
                user,
                now,
            ),
        )?;
    }
    for (pos, t) in plan.shift_types.iter().enumerate() {
        put(
            &tx,
            Entity::ShiftType,
            &t.code,
            &stamped(shift_types::to_row(t), pos, user, now),
        )?;
    }
    for (pos, v) in plan.vedtak.iter().enumerate() {
        let id = vedtak::VedtakId(new_id());
        put(
            &tx,
            Entity::Vedtak,
            id.as_str(),
            &stamped(vedtak::to_row(&id, v), pos, user, now),
        )?;
    }
    for (pos, s) in plan.shifts.iter().enumerate() {
        let mut row = stamped(shifts::to_row(s), pos, user, now);
        row.insert("created_at".into(), json!(s.created_at.map(Instant::unix)));
        row.insert("updated_at".into(), json!(s.updated_at.map(Instant::unix)));
        row.extend(shifts::cover_row(plan.covers.get(&s.id)));
        put(&tx, Entity::Shift, s.id.as_str(), &row)?;
    }
    for (pos, r) in plan.rotations.iter().enumerate() {
        let (row, children) = rotations::to_row(r);
        put(
            &tx,
            Entity::Rotation,
            r.id.as_str(),
            &stamped(row, pos, user, now),
        )?;
        row::replace_children(&tx, Entity::Rotation, r.id.as_str(), &children).map_err(|e| {
            StoreError::Invalid {
                entity: Entity::Rotation.key(),
                id: r.id.to_string(),
                why: format!("its slots or changes cannot be stored ({e})"),
            }
        })?;
    }
    for (pos, a) in plan.absences.iter().enumerate() {
        put(
            &tx,
            Entity::Absence,
            a.id.as_str(),
            &stamped(absences::to_row(a), pos, user, now),
        )?;
    }
    for (pos, b) in plan.busy.iter().enumerate() {
        put(
            &tx,
            Entity::Busy,
            &b.id,
            &stamped(busy::to_row(b), pos, user, now),
        )?;
    }
    tx.execute(
        "INSERT INTO change_log (action_id, at, by_user, what, entity, entity_id, undoable)
         VALUES ((SELECT COALESCE(MAX(action_id), 0) + 1 FROM change_log), ?1, ?2, 'import',
                 'plan', '', 0)",
        rusqlite::params![now.unix(), user],
    )
    .map_err(StoreError::sqlite("failed to write the change log"))?;
    tx.commit()
        .map_err(StoreError::sqlite("failed to save the import"))
}
