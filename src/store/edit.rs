//! Edits of a plan file: each call is one transaction that changes the entities and writes
//! the change log (who, when, what, each entity before and after), and undo and redo walk that
//! log back and forth.
//!
//! An [`Edit`] is one entity change; [`PlanFile::apply`] makes several one user action (one
//! undo step). The intent functions (`add_shift`, `update_assistant`, …) are one-edit actions.
//! Validating a plan against the rules is not done here.

use rusqlite::{ErrorCode, OptionalExtension, Transaction, TransactionBehavior};
use serde_json::{json, Value};

use super::row::{self, Entity, Row, Snapshot};
use super::vedtak::VedtakId;
use super::{absences, assistants, busy, new_id, rotations, settings, shift_types, shifts, vedtak};
use super::{PlanFile, Result, StoreError};
use crate::model::{
    Absence, AbsenceId, Assistant, AssistantId, BusyTime, Profile, Rotation, RotationId, Settings,
    Shift, ShiftId, ShiftType, Vedtak,
};
use crate::time::Instant;

/// How many user actions can be undone in a row.
pub const UNDO_LIMIT: usize = 100;

/// One change to one entity.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddAssistant(Assistant),
    UpdateAssistant(Assistant),
    DeleteAssistant(AssistantId),
    AddShiftType(ShiftType),
    UpdateShiftType(ShiftType),
    DeleteShiftType(String),
    AddShift(Shift),
    UpdateShift(Shift),
    DeleteShift(ShiftId),
    AddVedtak(VedtakId, Vedtak),
    UpdateVedtak(VedtakId, Vedtak),
    DeleteVedtak(VedtakId),
    AddAbsence(Absence),
    UpdateAbsence(Absence),
    DeleteAbsence(AbsenceId),
    AddRotation(Rotation),
    UpdateRotation(Rotation),
    DeleteRotation(RotationId),
    UpdateSettings(Settings),
    SetProfile(Profile),
    AddBusy(BusyTime),
    UpdateBusy(BusyTime),
    DeleteBusy(String),
    /// Set or clear a shift's cover link (the absent assistant it is covered for).
    SetCover(ShiftId, Option<AssistantId>),
    /// Set an assistant's agreed holiday carry-over, by year.
    SetHolidayCarry(AssistantId, std::collections::BTreeMap<i32, u32>),
}

enum Op {
    Add(Row, Option<ChildRows>),
    Update(Row, Option<ChildRows>),
    Delete,
}

type ChildRows = std::collections::BTreeMap<String, Vec<Row>>;

impl Edit {
    fn change(&self) -> (Entity, String, Op) {
        use Edit::*;
        match self {
            AddAssistant(a) => (
                Entity::Assistant,
                a.id.0.clone(),
                Op::Add(assistants::to_row(a), None),
            ),
            UpdateAssistant(a) => (
                Entity::Assistant,
                a.id.0.clone(),
                Op::Update(assistants::to_row(a), None),
            ),
            DeleteAssistant(id) => (Entity::Assistant, id.0.clone(), Op::Delete),
            AddShiftType(t) => (
                Entity::ShiftType,
                t.code.clone(),
                Op::Add(shift_types::to_row(t), None),
            ),
            UpdateShiftType(t) => (
                Entity::ShiftType,
                t.code.clone(),
                Op::Update(shift_types::to_row(t), None),
            ),
            DeleteShiftType(code) => (Entity::ShiftType, code.clone(), Op::Delete),
            AddShift(s) => (
                Entity::Shift,
                s.id.0.clone(),
                Op::Add(shifts::to_row(s), None),
            ),
            UpdateShift(s) => (
                Entity::Shift,
                s.id.0.clone(),
                Op::Update(shifts::to_row(s), None),
            ),
            DeleteShift(id) => (Entity::Shift, id.0.clone(), Op::Delete),
            AddVedtak(id, v) => (
                Entity::Vedtak,
                id.0.clone(),
                Op::Add(vedtak::to_row(id, v), None),
            ),
            UpdateVedtak(id, v) => (
                Entity::Vedtak,
                id.0.clone(),
                Op::Update(vedtak::to_row(id, v), None),
            ),
            DeleteVedtak(id) => (Entity::Vedtak, id.0.clone(), Op::Delete),
            AddAbsence(a) => (
                Entity::Absence,
                a.id.0.clone(),
                Op::Add(absences::to_row(a), None),
            ),
            UpdateAbsence(a) => (
                Entity::Absence,
                a.id.0.clone(),
                Op::Update(absences::to_row(a), None),
            ),
            DeleteAbsence(id) => (Entity::Absence, id.0.clone(), Op::Delete),
            AddRotation(r) => {
                let (row, children) = rotations::to_row(r);
                (
                    Entity::Rotation,
                    r.id.0.clone(),
                    Op::Add(row, Some(children)),
                )
            }
            UpdateRotation(r) => {
                let (row, children) = rotations::to_row(r);
                (
                    Entity::Rotation,
                    r.id.0.clone(),
                    Op::Update(row, Some(children)),
                )
            }
            DeleteRotation(id) => (Entity::Rotation, id.0.clone(), Op::Delete),
            AddBusy(b) => (Entity::Busy, b.id.clone(), Op::Add(busy::to_row(b), None)),
            UpdateBusy(b) => (
                Entity::Busy,
                b.id.clone(),
                Op::Update(busy::to_row(b), None),
            ),
            DeleteBusy(id) => (Entity::Busy, id.clone(), Op::Delete),
            SetCover(shift, original) => (
                Entity::Shift,
                shift.0.clone(),
                Op::Update(shifts::cover_row(original.as_ref()), None),
            ),
            SetHolidayCarry(assistant, years) => (
                Entity::Assistant,
                assistant.0.clone(),
                Op::Update(assistants::carry_row(years), None),
            ),
            UpdateSettings(s) => (
                Entity::Settings,
                "1".into(),
                Op::Update(settings::to_row(s), None),
            ),
            SetProfile(p) => (
                Entity::Settings,
                "1".into(),
                Op::Update(settings::profile_row(p), None),
            ),
        }
    }

    /// A short description of the edit for the history view.
    fn describe(&self) -> &'static str {
        use Edit::*;
        match self {
            AddAssistant(_) => "add assistant",
            UpdateAssistant(_) => "update assistant",
            DeleteAssistant(_) => "delete assistant",
            AddShiftType(_) => "add shift type",
            UpdateShiftType(_) => "update shift type",
            DeleteShiftType(_) => "delete shift type",
            AddShift(_) => "add shift",
            UpdateShift(_) => "update shift",
            DeleteShift(_) => "delete shift",
            AddVedtak(..) => "add vedtak",
            UpdateVedtak(..) => "update vedtak",
            DeleteVedtak(_) => "delete vedtak",
            AddAbsence(_) => "add absence",
            UpdateAbsence(_) => "update absence",
            DeleteAbsence(_) => "delete absence",
            AddRotation(_) => "add rotation",
            UpdateRotation(_) => "update rotation",
            DeleteRotation(_) => "delete rotation",
            UpdateSettings(_) => "update settings",
            SetProfile(_) => "set profile",
            AddBusy(_) => "add busy time",
            UpdateBusy(_) => "update busy time",
            DeleteBusy(_) => "delete busy time",
            SetCover(..) => "set cover",
            SetHolidayCarry(..) => "set holiday carry-over",
        }
    }
}

/// Where an entry of the change log stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogState {
    /// In force.
    Done,
    /// Undone; redo brings it back.
    Undone,
    /// Undone, and then a new edit was made, so it can no longer be redone.
    Dropped,
}

/// One row of the change log: one entity changed by one user action.
#[derive(Clone, Debug, PartialEq)]
pub struct LogEntry {
    pub seq: i64,
    /// Entries of one user action share this number.
    pub action: i64,
    pub at: Instant,
    pub by: String,
    pub what: String,
    pub entity: String,
    pub entity_id: String,
    /// The entity before, as JSON `{"row": {column: value}, "children": {table: [rows]}}`:
    /// whole for a deletion, only the changed columns for an update, `None` for an addition.
    pub before: Option<Value>,
    /// The entity after, in the same form: whole for an addition, the changed columns for an
    /// update, `None` for a deletion.
    pub after: Option<Value>,
    pub state: LogState,
}

fn constraint(e: &rusqlite::Error) -> Option<i32> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ConstraintViolation => {
            Some(f.extended_code)
        }
        _ => None,
    }
}

const CONSTRAINT_FOREIGNKEY: i32 = 787;
const CONSTRAINT_PRIMARYKEY: i32 = 1555;
const CONSTRAINT_UNIQUE: i32 = 2067;

fn explain(e: rusqlite::Error, entity: Entity, id: &str, deleting: bool) -> StoreError {
    let named = |f: fn(&'static str, String) -> StoreError| f(entity.key(), id.to_string());
    match constraint(&e) {
        Some(CONSTRAINT_FOREIGNKEY) if deleting => {
            named(|entity, id| StoreError::StillUsed { entity, id })
        }
        Some(CONSTRAINT_FOREIGNKEY) => {
            named(|entity, id| StoreError::UnknownReference { entity, id })
        }
        Some(CONSTRAINT_PRIMARYKEY | CONSTRAINT_UNIQUE) => {
            named(|entity, id| StoreError::Duplicate { entity, id })
        }
        Some(_) => StoreError::Invalid {
            entity: entity.key(),
            id: id.to_string(),
            why: format!("the plan file refuses it ({e})"),
        },
        None => StoreError::sqlite(format!("failed to save {} «{id}»", entity.key()))(e),
    }
}

fn snapshot_json(s: &Option<Snapshot>) -> Result<Option<String>> {
    s.as_ref()
        .map(|s| {
            serde_json::to_string(s).map_err(|e| StoreError::Invalid {
                entity: "change log",
                id: String::new(),
                why: e.to_string(),
            })
        })
        .transpose()
}

/// Apply one change inside `tx` and log it under `action`.
/// The next free position of each kind of entity during one action: read once, then counted
/// up, so that adding N rows (an import of N busy times) costs N inserts, not N scans of the
/// table for its largest position.
#[derive(Default)]
struct Positions(std::collections::HashMap<Entity, i64>);

impl Positions {
    fn take(&mut self, tx: &Transaction<'_>, entity: Entity) -> Result<i64> {
        let next = match self.0.get(&entity) {
            Some(&next) => next,
            None => row::next_pos(tx, entity)?,
        };
        self.0.insert(entity, next + 1);
        Ok(next)
    }
}

#[allow(clippy::too_many_arguments)]
fn apply_one(
    tx: &Transaction<'_>,
    edit: &Edit,
    action: i64,
    at: Instant,
    by: &str,
    what: &str,
    positions: &mut Positions,
) -> Result<()> {
    let (entity, id, op) = edit.change();
    if id.is_empty() {
        return Err(StoreError::Invalid {
            entity: entity.key(),
            id,
            why: "it has no id".into(),
        });
    }
    let before = row::read(tx, entity, &id)?;
    // Entities carry their times to the whole minute, as plan JSON writes them.
    let minute = at.unix().div_euclid(60) * 60;
    let stamp = |row: &mut Row, created: bool| {
        if created {
            row.insert("created_at".into(), json!(minute));
            row.insert("created_by".into(), json!(by));
        }
        row.insert("updated_at".into(), json!(minute));
        row.insert("updated_by".into(), json!(by));
    };
    match op {
        Op::Add(mut row, children) => {
            if before.is_some() {
                return Err(StoreError::Duplicate {
                    entity: entity.key(),
                    id,
                });
            }
            stamp(&mut row, true);
            row.insert("pos".into(), json!(positions.take(tx, entity)?));
            row::insert(tx, entity, &row).map_err(|e| explain(e, entity, &id, false))?;
            if let Some(children) = children {
                row::replace_children(tx, entity, &id, &children)
                    .map_err(|e| explain(e, entity, &id, false))?;
            }
        }
        Op::Update(mut row, children) => {
            if before.is_none() {
                return Err(StoreError::NotFound {
                    entity: entity.key(),
                    id,
                });
            }
            row.remove(entity.id_column());
            stamp(&mut row, false);
            row::update(tx, entity, &id, &row).map_err(|e| explain(e, entity, &id, false))?;
            if let Some(children) = children {
                row::replace_children(tx, entity, &id, &children)
                    .map_err(|e| explain(e, entity, &id, false))?;
            }
        }
        Op::Delete => {
            if before.is_none() {
                return Err(StoreError::NotFound {
                    entity: entity.key(),
                    id,
                });
            }
            row::delete(tx, entity, &id).map_err(|e| explain(e, entity, &id, true))?;
        }
    }
    let after = row::read(tx, entity, &id)?;
    let (before, after) = match (before, after) {
        (Some(b), Some(a)) => {
            let (b, a) = diff(&b, &a);
            (Some(b), Some(a))
        }
        other => other,
    };
    let (before, after) = (snapshot_json(&before)?, snapshot_json(&after)?);
    tx.prepare_cached(
        "INSERT INTO change_log (action_id, at, by_user, what, entity, entity_id, before_json,
                                 after_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .and_then(|mut stmt| {
        stmt.execute(rusqlite::params![
            action,
            at.unix(),
            by,
            what,
            entity.key(),
            id,
            before,
            after,
        ])
    })
    .map_err(StoreError::sqlite("failed to write the change log"))?;
    Ok(())
}

/// An update logged as only what changed: the differing columns, and the child rows whole
/// when any of them changed.
fn diff(before: &Snapshot, after: &Snapshot) -> (Snapshot, Snapshot) {
    let mut old = Snapshot::default();
    let mut new = Snapshot::default();
    for (column, value) in &after.row {
        let was = before.row.get(column).unwrap_or(&Value::Null);
        if was != value {
            old.row.insert(column.clone(), was.clone());
            new.row.insert(column.clone(), value.clone());
        }
    }
    if before.children != after.children {
        old.children = before.children.clone();
        new.children = after.children.clone();
    }
    (old, new)
}

/// True when the entity as stored (`now`) still holds what a log entry expects: the same
/// presence, and the logged columns and child rows with the logged values.
fn holds(now: &Option<Snapshot>, expected: &Option<Snapshot>) -> bool {
    match (now, expected) {
        (None, None) => true,
        (Some(now), Some(expected)) => {
            expected
                .row
                .iter()
                .all(|(column, value)| now.row.get(column).unwrap_or(&Value::Null) == value)
                && expected
                    .children
                    .iter()
                    .all(|(table, rows)| now.children.get(table) == Some(rows))
        }
        _ => false,
    }
}

fn sqlite(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |e| StoreError::sqlite(context)(e)
}

fn parse_snapshot(text: Option<String>) -> Result<Option<Snapshot>> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| StoreError::Invalid {
            entity: "change log",
            id: String::new(),
            why: format!("an entry is unreadable: {e}"),
        })
    })
    .transpose()
}

struct Step {
    entity: Entity,
    id: String,
    before: Option<Snapshot>,
    after: Option<Snapshot>,
}

fn steps_of(tx: &Transaction<'_>, action: i64) -> Result<Vec<Step>> {
    let mut stmt = tx
        .prepare_cached(
            "SELECT seq, entity, entity_id, before_json, after_json, undoable
             FROM change_log WHERE action_id = ?1 ORDER BY seq",
        )
        .map_err(sqlite("failed to read the change log"))?;
    let raws = stmt
        .query_map([action], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(sqlite("failed to read the change log"))?;
    let mut steps = Vec::with_capacity(raws.len());
    for (_seq, entity, id, before, after, undoable) in raws {
        let Some(entity) = Entity::from_key(&entity).filter(|_| undoable) else {
            return Ok(Vec::new());
        };
        steps.push(Step {
            entity,
            id,
            before: parse_snapshot(before)?,
            after: parse_snapshot(after)?,
        });
    }
    Ok(steps)
}

impl PlanFile {
    /// Apply `edits` as one user action described by `what`: one transaction, one undo step.
    /// Either every edit is saved with its change-log rows, or none is.
    pub fn apply(&mut self, at: Instant, what: &str, edits: &[Edit]) -> Result<()> {
        self.writable()?;
        let guard = self.guard();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite("failed to start an edit"))?;
        guard.confirm(&tx, at)?;
        let action: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(action_id), 0) + 1 FROM change_log",
                [],
                |r| r.get(0),
            )
            .map_err(sqlite("failed to read the change log"))?;
        tx.execute(
            "UPDATE change_log SET state = 'dropped' WHERE state = 'undone'",
            [],
        )
        .map_err(sqlite("failed to write the change log"))?;
        let mut positions = Positions::default();
        for edit in edits {
            apply_one(&tx, edit, action, at, &self.user, what, &mut positions)?;
        }
        tx.commit().map_err(sqlite("failed to save the edit"))
    }

    fn apply_single(&mut self, at: Instant, edit: Edit) -> Result<()> {
        let what = edit.describe();
        self.apply(at, what, &[edit])
    }

    /// Add a shift; an empty id gets a new UUID. Sets `created_at`/`updated_at` to `at`
    /// (to the minute).
    pub fn add_shift(&mut self, at: Instant, shift: &Shift) -> Result<ShiftId> {
        let mut shift = shift.clone();
        if shift.id.0.is_empty() {
            shift.id = ShiftId(new_id());
        }
        let id = shift.id.clone();
        self.apply_single(at, Edit::AddShift(shift))?;
        Ok(id)
    }

    /// Save a changed shift (found by its id); sets `updated_at` to `at` (to the minute) and
    /// keeps `created_at`.
    pub fn update_shift(&mut self, at: Instant, shift: &Shift) -> Result<()> {
        self.apply_single(at, Edit::UpdateShift(shift.clone()))
    }

    /// Delete a shift.
    pub fn delete_shift(&mut self, at: Instant, id: &ShiftId) -> Result<()> {
        self.apply_single(at, Edit::DeleteShift(id.clone()))
    }

    /// Add an assistant; an empty id gets a new UUID.
    pub fn add_assistant(&mut self, at: Instant, assistant: &Assistant) -> Result<AssistantId> {
        let mut assistant = assistant.clone();
        if assistant.id.0.is_empty() {
            assistant.id = AssistantId(new_id());
        }
        let id = assistant.id.clone();
        self.apply_single(at, Edit::AddAssistant(assistant))?;
        Ok(id)
    }

    /// Save a changed assistant (found by id).
    pub fn update_assistant(&mut self, at: Instant, assistant: &Assistant) -> Result<()> {
        self.apply_single(at, Edit::UpdateAssistant(assistant.clone()))
    }

    /// Delete an assistant; refused while shifts, absences or rotations name them.
    pub fn delete_assistant(&mut self, at: Instant, id: &AssistantId) -> Result<()> {
        self.apply_single(at, Edit::DeleteAssistant(id.clone()))
    }

    /// Add a shift type (its code is its id).
    pub fn add_shift_type(&mut self, at: Instant, shift_type: &ShiftType) -> Result<()> {
        self.apply_single(at, Edit::AddShiftType(shift_type.clone()))
    }

    /// Save a changed shift type (found by code).
    pub fn update_shift_type(&mut self, at: Instant, shift_type: &ShiftType) -> Result<()> {
        self.apply_single(at, Edit::UpdateShiftType(shift_type.clone()))
    }

    /// Delete a shift type; refused while a shift or rotation uses it.
    pub fn delete_shift_type(&mut self, at: Instant, code: &str) -> Result<()> {
        self.apply_single(at, Edit::DeleteShiftType(code.to_string()))
    }

    /// Add a vedtak version after the others; returns its new id.
    pub fn add_vedtak(&mut self, at: Instant, vedtak: &Vedtak) -> Result<VedtakId> {
        let id = VedtakId(new_id());
        self.apply_single(at, Edit::AddVedtak(id.clone(), vedtak.clone()))?;
        Ok(id)
    }

    /// Save a changed vedtak version.
    pub fn update_vedtak(&mut self, at: Instant, id: &VedtakId, vedtak: &Vedtak) -> Result<()> {
        self.apply_single(at, Edit::UpdateVedtak(id.clone(), vedtak.clone()))
    }

    /// Delete a vedtak version.
    pub fn delete_vedtak(&mut self, at: Instant, id: &VedtakId) -> Result<()> {
        self.apply_single(at, Edit::DeleteVedtak(id.clone()))
    }

    /// Add an absence; an empty id gets a new UUID.
    pub fn add_absence(&mut self, at: Instant, absence: &Absence) -> Result<AbsenceId> {
        let mut absence = absence.clone();
        if absence.id.0.is_empty() {
            absence.id = AbsenceId(new_id());
        }
        let id = absence.id.clone();
        self.apply_single(at, Edit::AddAbsence(absence))?;
        Ok(id)
    }

    /// Save a changed absence (found by id).
    pub fn update_absence(&mut self, at: Instant, absence: &Absence) -> Result<()> {
        self.apply_single(at, Edit::UpdateAbsence(absence.clone()))
    }

    /// Delete an absence.
    pub fn delete_absence(&mut self, at: Instant, id: &AbsenceId) -> Result<()> {
        self.apply_single(at, Edit::DeleteAbsence(id.clone()))
    }

    /// Add a rotation with its slots and changes; an empty id gets a new UUID.
    pub fn add_rotation(&mut self, at: Instant, rotation: &Rotation) -> Result<RotationId> {
        let mut rotation = rotation.clone();
        if rotation.id.0.is_empty() {
            rotation.id = RotationId(new_id());
        }
        let id = rotation.id.clone();
        self.apply_single(at, Edit::AddRotation(rotation))?;
        Ok(id)
    }

    /// Save a changed rotation: its slots and changes are replaced as a whole.
    pub fn update_rotation(&mut self, at: Instant, rotation: &Rotation) -> Result<()> {
        self.apply_single(at, Edit::UpdateRotation(rotation.clone()))
    }

    /// Delete a rotation with its slots and changes.
    pub fn delete_rotation(&mut self, at: Instant, id: &RotationId) -> Result<()> {
        self.apply_single(at, Edit::DeleteRotation(id.clone()))
    }

    /// Save the plan's settings.
    pub fn update_settings(&mut self, at: Instant, settings: &Settings) -> Result<()> {
        self.apply_single(at, Edit::UpdateSettings(settings.clone()))
    }

    /// Set the plan's rule profile (the default for assistants without their own).
    pub fn set_profile(&mut self, at: Instant, profile: &Profile) -> Result<()> {
        self.apply_single(at, Edit::SetProfile(profile.clone()))
    }

    /// Add an assistant's busy time (work elsewhere); an empty id gets a new UUID.
    pub fn add_busy(&mut self, at: Instant, busy: &BusyTime) -> Result<String> {
        let mut busy = busy.clone();
        if busy.id.is_empty() {
            busy.id = new_id();
        }
        let id = busy.id.clone();
        self.apply_single(at, Edit::AddBusy(busy))?;
        Ok(id)
    }

    /// Save a changed busy time (found by id).
    pub fn update_busy(&mut self, at: Instant, busy: &BusyTime) -> Result<()> {
        self.apply_single(at, Edit::UpdateBusy(busy.clone()))
    }

    /// Delete a busy time.
    pub fn delete_busy(&mut self, at: Instant, id: &str) -> Result<()> {
        self.apply_single(at, Edit::DeleteBusy(id.to_string()))
    }

    /// Undo the latest user action still in force; returns what it was. At most
    /// [`UNDO_LIMIT`] actions can be undone in a row; an import cannot be undone.
    pub fn undo(&mut self, at: Instant) -> Result<String> {
        self.step(at, true)
    }

    /// Redo the action undone last, if no new edit came since.
    pub fn redo(&mut self, at: Instant) -> Result<String> {
        self.step(at, false)
    }

    fn step(&mut self, at: Instant, undo: bool) -> Result<String> {
        self.writable()?;
        let guard = self.guard();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite("failed to start undo"))?;
        guard.confirm(&tx, at)?;
        let (pick, empty) = if undo {
            (
                "SELECT action_id FROM change_log WHERE state = 'done'
                 ORDER BY action_id DESC LIMIT 1",
                StoreError::NothingToUndo,
            )
        } else {
            (
                "SELECT action_id FROM change_log WHERE state = 'undone'
                 ORDER BY action_id LIMIT 1",
                StoreError::NothingToRedo,
            )
        };
        let Some(action) = tx
            .query_row(pick, [], |r| r.get::<_, i64>(0))
            .optional()
            .map_err(sqlite("failed to read the change log"))?
        else {
            return Err(empty);
        };
        if undo {
            let undone: i64 = tx
                .query_row(
                    "SELECT COUNT(DISTINCT action_id) FROM change_log WHERE state = 'undone'",
                    [],
                    |r| r.get(0),
                )
                .map_err(sqlite("failed to read the change log"))?;
            if undone >= UNDO_LIMIT as i64 {
                return Err(StoreError::UndoLimit(UNDO_LIMIT));
            }
        }
        let mut steps = steps_of(&tx, action)?;
        if steps.is_empty() {
            return Err(empty);
        }
        if undo {
            steps.reverse();
        }
        let what = if undo { "undo" } else { "redo" };
        for step in &steps {
            let (expected, target) = if undo {
                (&step.after, &step.before)
            } else {
                (&step.before, &step.after)
            };
            let now = row::read(&tx, step.entity, &step.id)?;
            if !holds(&now, expected) {
                return Err(StoreError::Conflict {
                    what,
                    entity: step.entity.key().to_string(),
                    id: step.id.clone(),
                });
            }
            row::restore(&tx, step.entity, &step.id, target.as_ref())
                .map_err(|e| explain(e, step.entity, &step.id, target.is_none()))?;
        }
        tx.execute(
            "UPDATE change_log SET state = ?1 WHERE action_id = ?2",
            rusqlite::params![if undo { "undone" } else { "done" }, action],
        )
        .map_err(sqlite("failed to write the change log"))?;
        let described: String = tx
            .query_row(
                "SELECT what FROM change_log WHERE action_id = ?1 LIMIT 1",
                [action],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlite("failed to read the change log"))?
            .unwrap_or_default();
        tx.commit().map_err(sqlite("failed to save the undo"))?;
        Ok(described)
    }

    /// What the next undo and the next redo would step over: the description of each action,
    /// or `None` when there is none to step over (an import cannot be undone). Two indexed
    /// look-ups, so a view can show them after every edit.
    pub fn next_steps(&self) -> Result<(Option<String>, Option<String>)> {
        let pick = |sql: &str| -> Result<Option<String>> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
                .optional()
                .map(Option::flatten)
                .map_err(sqlite("failed to read the change log"))
        };
        // The same look-ups as undo and redo make, so they use the same indexes.
        let undo = pick(
            "SELECT what FROM change_log
             WHERE action_id = (SELECT action_id FROM change_log WHERE state = 'done'
                                ORDER BY action_id DESC LIMIT 1)
             GROUP BY action_id HAVING MIN(undoable) = 1",
        )?;
        let redo =
            pick("SELECT what FROM change_log WHERE state = 'undone' ORDER BY action_id LIMIT 1")?;
        Ok((undo, redo))
    }

    /// The latest `limit` entries of the change log, newest first.
    pub fn history(&self, limit: usize) -> Result<Vec<LogEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, action_id, at, by_user, what, entity, entity_id, before_json,
                        after_json, state
                 FROM change_log ORDER BY seq DESC LIMIT ?1",
            )
            .map_err(sqlite("failed to read the change log"))?;
        let raws = stmt
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, String>(9)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(sqlite("failed to read the change log"))?;
        let json = |t: Option<String>| t.and_then(|t| serde_json::from_str(&t).ok());
        Ok(raws
            .into_iter()
            .map(|r| LogEntry {
                seq: r.0,
                action: r.1,
                at: Instant::from_unix(r.2),
                by: r.3,
                what: r.4,
                entity: r.5,
                entity_id: r.6,
                before: json(r.7),
                after: json(r.8),
                state: match r.9.as_str() {
                    "undone" => LogState::Undone,
                    "dropped" => LogState::Dropped,
                    _ => LogState::Done,
                },
            })
            .collect())
    }
}
