//! Merging another copy of this plan file (a sync client's conflict copy) into it: find where
//! the two change logs parted, take the other copy's later changes, merge per entity and
//! field against the value at the fork, and write the result as one undoable action.
//!
//! **Shared history.** Two copies share a change-log entry when it has the same `seq`,
//! `action_id`, `at`, `by_user`, `entity`, `entity_id` and `after_json`; the fork is the end
//! of the longest run of shared entries from the start. The state of a shared entry is not
//! part of what is shared: undo and redo flip it without writing a new entry, so a shared
//! entry done on one side and undone (or dropped) on the other is a change after the fork
//! too. Which side made it cannot be told from the logs (an undo here looks like a redo
//! there), so its fields have no known value at the fork and differ only as a conflict.
//!
//! **Three-way, per field.** For each entity the other copy changed, the value at the fork is
//! the `before` of the first of its later changes naming that column (or child table); a
//! field is taken from the other copy when ours still holds the fork value, left when both
//! hold the same, and is a conflict otherwise. A thing deleted on one side and changed on the
//! other is a conflict; a thing deleted on one side and unchanged on the other is deleted.
//! The bookkeeping columns (`pos`, `created_*`, `updated_*`) never conflict. Everything works
//! on rows as JSON (`row`), so tables and columns added later merge without code here.
//!
//! **A whole plan.** The merged entities are written with foreign keys deferred; a reference
//! to a thing the merge left deleted (a shift naming an assistant deleted on the other side)
//! and an entity the plan's validation refuses (a shift whose start one side moved past the
//! end the other side set) become conflicts too, and the merge is tried again with them
//! resolved, so the file is never left broken.
//!
//! **Once.** The merge action carries one change-log row of its own ([`RECORD`]) listing the
//! other copy's entries it took (each by its key and its state); a later merge of the same
//! copy skips them, so merging twice changes nothing, and undoing the merge forgets them.
//!
//! What this leaves out: finding conflict copies ([`super::copies`]), sentences for people
//! (the session writes them from the changes), and the clock.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde_json::{json, Value};

use super::edit::{explain, log_change, LogEntry, LogState, Positions};
use super::row::{self, Entity, Snapshot};
use super::{PlanFile, Result, StoreError};
use crate::time::Instant;

/// The change-log entity of a merge's own record of the other copy's entries it took.
pub const RECORD: &str = "merge";

/// Columns every entity table has for bookkeeping; they follow the change they belong to and
/// never conflict.
const BOOKKEEPING: [&str; 5] = [
    "pos",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
];

/// How a child table is named as a field: `children:rotation_slots`.
const CHILDREN: &str = "children:";

/// How many times a merge is tried again with the conflicts its checks found resolved.
const ROUNDS: usize = 50;

/// One of the two copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The plan merged into.
    Ours,
    /// The copy merged from.
    Theirs,
}

/// What kind of conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum ConflictKind {
    /// The same field was changed differently on both sides.
    Field,
    /// One side deleted the thing, the other changed it.
    Deleted,
    /// One side deleted the thing, and what the merge keeps of the other side uses it: the
    /// things using it (kind and id).
    Used(Vec<(Entity, String)>),
    /// Both sides' changes together make the thing invalid; the reason.
    Invalid(String),
}

/// One true conflict, with both sides' values.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Stable between a preview and the merge: `entity/id/field`.
    pub id: String,
    pub entity: Entity,
    pub entity_id: String,
    /// The column, `children:TABLE`, or empty for the thing as a whole.
    pub field: String,
    /// Our value (`None`: the thing is deleted here); for the thing as a whole, its row.
    pub ours: Option<Value>,
    /// The other copy's value, in the same form.
    pub theirs: Option<Value>,
    /// Which side deleted the thing, if one did.
    pub deleted_side: Option<Side>,
    pub kind: ConflictKind,
}

/// Which side to take for conflicts: for each by its id, or for all.
#[derive(Clone, Debug, Default)]
pub struct Choices {
    /// By conflict id.
    pub each: HashMap<String, Side>,
    /// For every conflict not in `each`.
    pub all: Option<Side>,
}

impl Choices {
    /// Take `side` for every conflict.
    pub fn all(side: Side) -> Self {
        Choices {
            each: HashMap::new(),
            all: Some(side),
        }
    }

    fn get(&self, id: &str) -> Option<Side> {
        self.each.get(id).copied().or(self.all)
    }
}

/// What a merge did, or would do.
#[derive(Clone, Debug, Default)]
pub struct MergeReport {
    /// The changes made to this plan, as change-log entries (before and after).
    pub changes: Vec<LogEntry>,
    /// Every true conflict found.
    pub conflicts: Vec<Conflict>,
    /// The conflicts without a choice: while there are any, nothing is written.
    pub unresolved: Vec<String>,
    /// How many of the other copy's change-log entries were new here.
    pub taken: usize,
    /// Whether the plan file was changed.
    pub written: bool,
}

/// One change-log row as stored.
struct LogRow {
    seq: i64,
    action: i64,
    at: i64,
    by: String,
    entity: String,
    entity_id: String,
    before: Option<String>,
    after: Option<String>,
    done: bool,
}

impl LogRow {
    fn shares(&self, other: &LogRow) -> bool {
        self.seq == other.seq
            && self.action == other.action
            && self.at == other.at
            && self.by == other.by
            && self.entity == other.entity
            && self.entity_id == other.entity_id
            && self.after == other.after
    }

    /// The entry's key in a merge record: its sequence number, a hash of what makes it
    /// shared, and its state (`d` done, `u` undone or dropped).
    fn key(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let parts = [
            self.action.to_string(),
            self.at.to_string(),
            self.by.clone(),
            self.entity.clone(),
            self.entity_id.clone(),
            self.after.clone().unwrap_or_default(),
        ];
        for part in &parts {
            for byte in part.bytes().chain([0xff]) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!(
            "{}:{hash:016x}:{}",
            self.seq,
            if self.done { 'd' } else { 'u' }
        )
    }
}

fn read_log(conn: &Connection) -> Result<Vec<LogRow>> {
    let mut stmt = conn
        .prepare(
            "SELECT seq, action_id, at, by_user, entity, entity_id, before_json, after_json,
                    state
             FROM change_log ORDER BY seq",
        )
        .map_err(StoreError::sqlite("failed to read the change log"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok(LogRow {
                seq: r.get(0)?,
                action: r.get(1)?,
                at: r.get(2)?,
                by: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                before: r.get(6)?,
                after: r.get(7)?,
                done: r.get::<_, String>(8)? == "done",
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(StoreError::sqlite("failed to read the change log"))?;
    Ok(rows)
}

fn snapshot(text: &Option<String>) -> Result<Option<Snapshot>> {
    text.as_deref()
        .map(|t| {
            serde_json::from_str(t).map_err(|e| StoreError::Invalid {
                entity: "change log",
                id: String::new(),
                why: format!("an entry is unreadable: {e}"),
            })
        })
        .transpose()
}

/// The fields a snapshot names, without the id and the bookkeeping columns.
fn fields(entity: Entity, s: &Snapshot) -> Vec<String> {
    let columns = s
        .row
        .keys()
        .filter(|c| c.as_str() != entity.id_column() && !BOOKKEEPING.contains(&c.as_str()))
        .cloned();
    let children = s.children.keys().map(|t| format!("{CHILDREN}{t}"));
    columns.chain(children).collect()
}

/// The value of `field` in `s`: a column (null when absent) or a child table's rows.
fn value(s: &Snapshot, field: &str) -> Value {
    match field.strip_prefix(CHILDREN) {
        Some(table) => Value::Array(
            s.children
                .get(table)
                .into_iter()
                .flatten()
                .map(|r| Value::Object(r.clone()))
                .collect(),
        ),
        None => s.row.get(field).cloned().unwrap_or(Value::Null),
    }
}

/// The thing as a whole, for a conflict about it: its row.
fn whole(s: &Option<Snapshot>) -> Option<Value> {
    s.as_ref().map(|s| Value::Object(s.row.clone()))
}

/// What the other copy's later changes of one entity tell about it at the fork.
#[derive(Default)]
struct Base {
    /// Whether it existed (`None`: not known).
    exists: Option<bool>,
    /// The touched fields and their value at the fork (`None`: not known).
    fields: BTreeMap<String, Option<Value>>,
}

/// What the merge does to one entity.
#[derive(Clone, Debug, PartialEq)]
enum Decision {
    /// Take these fields from the other copy.
    Take(Vec<String>),
    /// Add the other copy's new thing.
    Insert,
    /// Delete it, as the other copy did.
    Delete,
    /// Make it exactly as on that side.
    Restore(Side),
}

type Key = (Entity, String);

/// The whole work of one merge, before anything is written.
struct Work {
    /// What to do with each entity, in the order the other copy first changed them.
    decisions: Vec<(Key, Decision)>,
    index: HashMap<Key, usize>,
    conflicts: BTreeMap<String, Conflict>,
    /// Our side of each entity the other copy changed, as it was before the merge.
    ours_before: HashMap<Key, Option<Snapshot>>,
    /// The other copy's side of the same, read once.
    theirs: HashMap<Key, Option<Snapshot>>,
}

impl Work {
    fn decide(&mut self, key: &Key, decision: Decision) {
        match self.index.get(key) {
            Some(&at) => self.decisions[at].1 = decision,
            None => {
                self.index.insert(key.clone(), self.decisions.len());
                self.decisions.push((key.clone(), decision));
            }
        }
    }

    fn decision(&self, key: &Key) -> Option<&Decision> {
        self.index.get(key).map(|&at| &self.decisions[at].1)
    }

    fn conflict(&mut self, conflict: Conflict) {
        self.conflicts
            .entry(conflict.id.clone())
            .or_insert(conflict);
    }
}

fn conflict_id(entity: Entity, id: &str, field: &str) -> String {
    format!("{}/{id}/{field}", entity.key())
}

impl PlanFile {
    /// What merging `other` (another copy of this plan) would do: every change it would make
    /// and every conflict, with nothing written.
    pub fn merge_preview(&mut self, at: Instant, other: &PlanFile) -> Result<MergeReport> {
        self.merge_run(at, other, &Choices::default(), None)
    }

    /// Merge `other` into this plan as one undoable action described as `what`. Conflicts
    /// are resolved by `choices`; while one is left without a choice nothing is written and
    /// the report lists it in `unresolved`. Either the whole merge is saved or none of it.
    pub fn merge(
        &mut self,
        at: Instant,
        other: &PlanFile,
        choices: &Choices,
        what: &str,
    ) -> Result<MergeReport> {
        self.merge_run(at, other, choices, Some(what))
    }

    fn merge_run(
        &mut self,
        at: Instant,
        other: &PlanFile,
        choices: &Choices,
        write: Option<&str>,
    ) -> Result<MergeReport> {
        self.writable()?;
        let ours_id = self.file_identity();
        if ours_id.is_none() || ours_id != other.file_identity() {
            return Err(StoreError::OtherPlan(
                other.path().map(|p| p.to_path_buf()).unwrap_or_default(),
            ));
        }
        let guard = self.guard();
        let user = self.user.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sqlite("failed to start the merge"))?;
        guard.confirm(&tx, at)?;
        let theirs_log = read_log(&other.conn)?;
        let ours_log = read_log(&tx)?;
        let taken = pending(&ours_log, &theirs_log)?;
        let mut report = MergeReport {
            taken: taken.len(),
            ..MergeReport::default()
        };
        if taken.is_empty() {
            return Ok(report);
        }
        let mut work = plan_work(&tx, &other.conn, &taken, choices)?;
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")
            .map_err(StoreError::sqlite("failed to start the merge"))?;
        let action: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(action_id), 0) + 1 FROM change_log",
                [],
                |r| r.get(0),
            )
            .map_err(StoreError::sqlite("failed to read the change log"))?;
        let what = write.unwrap_or("merge");
        let mut rounds = 0;
        loop {
            rounds += 1;
            tx.execute_batch("SAVEPOINT merge_round")
                .map_err(StoreError::sqlite("failed to start the merge"))?;
            let changes = apply(&tx, &other.conn, &work, action, at, &user, what)?;
            let found = check(&tx, &other.conn, &mut work, choices)?;
            if found && rounds < ROUNDS {
                tx.execute_batch("ROLLBACK TO merge_round; RELEASE merge_round")
                    .map_err(StoreError::sqlite("failed to merge"))?;
                continue;
            }
            if found {
                return Err(StoreError::Invalid {
                    entity: "merge",
                    id: String::new(),
                    why: "the two copies cannot be made one whole plan; merge them by hand".into(),
                });
            }
            tx.execute_batch("RELEASE merge_round")
                .map_err(StoreError::sqlite("failed to merge"))?;
            report.changes = changes;
            break;
        }
        report.conflicts = work.conflicts.into_values().collect();
        report.unresolved = report
            .conflicts
            .iter()
            .filter(|c| choices.get(&c.id).is_none())
            .map(|c| c.id.clone())
            .collect();
        if write.is_none() {
            return Ok(report);
        }
        // A merge whose conflicts all kept our side changes no entity, but is still recorded,
        // so the same conflicts are not asked again.
        if !report.unresolved.is_empty()
            || (report.changes.is_empty() && report.conflicts.is_empty())
        {
            return Ok(report);
        }
        tx.execute(
            "UPDATE change_log SET state = 'dropped' WHERE state = 'undone'",
            [],
        )
        .map_err(StoreError::sqlite("failed to write the change log"))?;
        let keys: Vec<String> = taken.iter().map(|(row, _)| row.key()).collect();
        let record = json!({ "merged": keys }).to_string();
        tx.execute(
            "INSERT INTO change_log (action_id, at, by_user, what, entity, entity_id, after_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                action,
                at.unix(),
                user,
                what,
                RECORD,
                other.file_identity().unwrap_or_default(),
                record
            ],
        )
        .map_err(StoreError::sqlite("failed to write the change log"))?;
        tx.commit()
            .map_err(StoreError::sqlite("failed to save the merge"))?;
        report.written = true;
        Ok(report)
    }
}

/// The other copy's entries this plan has not taken: shared entries whose state differs
/// (with `false`: their fork value is not known) and the entries after the fork, without
/// those an earlier merge recorded.
fn pending<'a>(ours: &[LogRow], theirs: &'a [LogRow]) -> Result<Vec<(&'a LogRow, bool)>> {
    let mut merged: HashSet<String> = HashSet::new();
    for row in ours.iter().filter(|r| r.entity == RECORD && r.done) {
        let record: Value = row
            .after
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or(Value::Null);
        for key in record["merged"].as_array().into_iter().flatten() {
            if let Some(key) = key.as_str() {
                merged.insert(key.to_string());
            }
        }
    }
    let fork = ours
        .iter()
        .zip(theirs)
        .take_while(|(a, b)| a.shares(b))
        .count();
    let counts = |row: &LogRow| {
        row.entity != RECORD
            && Entity::from_key(&row.entity).is_some()
            && !merged.contains(&row.key())
    };
    let mut out = Vec::new();
    for (a, b) in ours[..fork].iter().zip(&theirs[..fork]) {
        if a.done != b.done && counts(b) {
            out.push((b, false));
        }
    }
    for b in &theirs[fork..] {
        if counts(b) {
            out.push((b, true));
        }
    }
    Ok(out)
}

/// Decide each entity the other copy changed: what to take, and what conflicts.
fn plan_work(
    ours: &Connection,
    theirs: &Connection,
    taken: &[(&LogRow, bool)],
    choices: &Choices,
) -> Result<Work> {
    let mut bases: Vec<(Key, Base)> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for (row, known) in taken {
        let Some(entity) = Entity::from_key(&row.entity) else {
            continue;
        };
        let key = (entity, row.entity_id.clone());
        let at = *index.entry(key.clone()).or_insert_with(|| {
            bases.push((key.clone(), Base::default()));
            bases.len() - 1
        });
        let base = &mut bases[at].1;
        let before = snapshot(&row.before)?;
        let after = snapshot(&row.after)?;
        if base.fields.is_empty() && base.exists.is_none() {
            base.exists = known.then_some(before.is_some());
        }
        let mut touched: Vec<String> = Vec::new();
        for s in [&before, &after].into_iter().flatten() {
            touched.extend(fields(entity, s));
        }
        for field in touched {
            let fork = match (&before, known) {
                (_, false) => None,
                (Some(b), true) => Some(value(b, &field)),
                (None, true) => Some(Value::Null),
            };
            base.fields.entry(field).or_insert(fork);
        }
    }
    let mut work = Work {
        decisions: Vec::new(),
        index: HashMap::new(),
        conflicts: BTreeMap::new(),
        ours_before: HashMap::new(),
        theirs: HashMap::new(),
    };
    for (key, base) in bases {
        let (entity, id) = (key.0, key.1.as_str());
        let o = row::read(ours, entity, id)?;
        let t = row::read(theirs, entity, id)?;
        work.ours_before.insert(key.clone(), o.clone());
        work.theirs.insert(key.clone(), t.clone());
        match (&o, &t) {
            (None, None) => {}
            (Some(os), Some(ts)) => {
                let mut take = Vec::new();
                for (field, fork) in &base.fields {
                    let (ov, tv) = (value(os, field), value(ts, field));
                    if ov == tv {
                        continue;
                    }
                    let ours_kept = base.exists == Some(true) && fork.as_ref() == Some(&ov);
                    if ours_kept {
                        take.push(field.clone());
                        continue;
                    }
                    let cid = conflict_id(entity, id, field);
                    if choices.get(&cid) == Some(Side::Theirs) {
                        take.push(field.clone());
                    }
                    work.conflict(Conflict {
                        id: cid,
                        entity,
                        entity_id: id.to_string(),
                        field: field.clone(),
                        ours: Some(ov),
                        theirs: Some(tv),
                        deleted_side: None,
                        kind: ConflictKind::Field,
                    });
                }
                if !take.is_empty() {
                    work.decide(&key, Decision::Take(take));
                }
            }
            (None, Some(ts)) => {
                if base.exists == Some(false) {
                    work.decide(&key, Decision::Insert);
                    continue;
                }
                let unchanged = base.exists == Some(true)
                    && base
                        .fields
                        .iter()
                        .all(|(f, fork)| fork.as_ref() == Some(&value(ts, f)));
                if unchanged {
                    continue;
                }
                deleted_conflict(&mut work, &key, &o, &t, Side::Ours, choices);
            }
            (Some(os), None) => {
                if base.exists == Some(false) {
                    continue;
                }
                let unchanged = base.exists == Some(true)
                    && base
                        .fields
                        .iter()
                        .all(|(f, fork)| fork.as_ref() == Some(&value(os, f)));
                if unchanged {
                    work.decide(&key, Decision::Delete);
                    continue;
                }
                deleted_conflict(&mut work, &key, &o, &t, Side::Theirs, choices);
            }
        }
    }
    Ok(work)
}

fn deleted_conflict(
    work: &mut Work,
    key: &Key,
    o: &Option<Snapshot>,
    t: &Option<Snapshot>,
    deleted: Side,
    choices: &Choices,
) {
    let cid = conflict_id(key.0, &key.1, "");
    if choices.get(&cid) == Some(Side::Theirs) {
        work.decide(key, Decision::Restore(Side::Theirs));
    }
    work.conflict(Conflict {
        id: cid,
        entity: key.0,
        entity_id: key.1.clone(),
        field: String::new(),
        ours: whole(o),
        theirs: whole(t),
        deleted_side: Some(deleted),
        kind: ConflictKind::Deleted,
    });
}

/// Carry out the decisions inside the transaction, logging each change under `action`.
fn apply(
    tx: &Transaction<'_>,
    theirs: &Connection,
    work: &Work,
    action: i64,
    at: Instant,
    by: &str,
    what: &str,
) -> Result<Vec<LogEntry>> {
    let mut positions = Positions::default();
    let mut changes = Vec::new();
    for ((entity, id), decision) in &work.decisions {
        let (entity, id) = (*entity, id.as_str());
        let o = row::read(tx, entity, id)?;
        let t = match work.theirs.get(&(entity, id.to_string())) {
            Some(t) => t.clone(),
            None => row::read(theirs, entity, id)?,
        };
        let fail = |e: rusqlite::Error, deleting: bool| explain(e, entity, id, deleting);
        match decision {
            Decision::Take(take) => {
                let (Some(os), Some(ts)) = (&o, &t) else {
                    continue;
                };
                let mut set = row::Row::new();
                let mut children = os.children.clone();
                let mut children_changed = false;
                for field in take {
                    match field.strip_prefix(CHILDREN) {
                        Some(table) => {
                            children.insert(
                                table.to_string(),
                                ts.children.get(table).cloned().unwrap_or_default(),
                            );
                            children_changed = true;
                        }
                        None => {
                            set.insert(field.clone(), value(ts, field));
                        }
                    }
                }
                let newer = |s: &Snapshot| s.row.get("updated_at").and_then(Value::as_i64);
                if newer(ts) > newer(os) {
                    for column in ["updated_at", "updated_by"] {
                        if let Some(v) = ts.row.get(column) {
                            set.insert(column.to_string(), v.clone());
                        }
                    }
                }
                row::update(tx, entity, id, &set).map_err(|e| fail(e, false))?;
                if children_changed {
                    row::replace_children(tx, entity, id, &children).map_err(|e| fail(e, false))?;
                }
            }
            Decision::Insert => {
                let Some(ts) = &t else { continue };
                if o.is_some() {
                    continue;
                }
                let mut new = ts.row.clone();
                if new.contains_key("pos") {
                    new.insert("pos".into(), json!(positions.take(tx, entity)?));
                }
                row::insert(tx, entity, &new).map_err(|e| fail(e, false))?;
                row::replace_children(tx, entity, id, &ts.children).map_err(|e| fail(e, false))?;
            }
            Decision::Delete => {
                row::delete(tx, entity, id).map_err(|e| fail(e, true))?;
            }
            Decision::Restore(Side::Theirs) => {
                row::restore(tx, entity, id, t.as_ref()).map_err(|e| fail(e, t.is_none()))?;
            }
            Decision::Restore(Side::Ours) => {}
        }
        let after = row::read(tx, entity, id)?;
        if after == o {
            continue;
        }
        log_change(
            tx,
            action,
            at,
            by,
            what,
            entity,
            id,
            o.clone(),
            after.clone(),
        )?;
        changes.push(LogEntry {
            seq: changes.len() as i64,
            action,
            at,
            by: by.to_string(),
            what: what.to_string(),
            entity: entity.key().to_string(),
            entity_id: id.to_string(),
            before: o.map(|s| serde_json::to_value(s).unwrap_or(Value::Null)),
            after: after.map(|s| serde_json::to_value(s).unwrap_or(Value::Null)),
            state: LogState::Done,
        });
    }
    Ok(changes)
}

/// The entity a row of `table` belongs to, and its id.
fn owner(conn: &Connection, table: &str, rowid: i64) -> Option<Key> {
    for entity in Entity::ALL {
        let column = if entity.table() == table {
            entity.id_column()
        } else if let Some(child) = entity.children().iter().find(|c| c.table == table) {
            child.parent_column
        } else {
            continue;
        };
        let id: Value = conn
            .query_row(
                &format!("SELECT {column} FROM {table} WHERE rowid = ?1"),
                [rowid],
                |r| Ok(sql_text(r.get_ref(0)?)),
            )
            .ok()?;
        return Some((entity, id.as_str().unwrap_or_default().to_string()));
    }
    None
}

fn sql_text(value: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Integer(i) => Value::String(i.to_string()),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        _ => Value::Null,
    }
}

/// Look at the merged plan inside the transaction: references to deleted things, and what
/// the plan's validation refuses. Each finding becomes a conflict and a decision for the
/// next round; true when there was one.
fn check(
    tx: &Transaction<'_>,
    theirs: &Connection,
    work: &mut Work,
    choices: &Choices,
) -> Result<bool> {
    let mut stmt = tx
        .prepare("PRAGMA foreign_key_check")
        .map_err(StoreError::sqlite("failed to check the merge"))?;
    let broken = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(StoreError::sqlite("failed to check the merge"))?;
    drop(stmt);
    let mut found = false;
    for (table, rowid, parent_table, fk) in broken {
        let Some(user) = owner(tx, &table, rowid) else {
            continue;
        };
        let Some(parent) = Entity::ALL.into_iter().find(|e| e.table() == parent_table) else {
            continue;
        };
        let column: Option<String> = tx
            .prepare(&format!("PRAGMA foreign_key_list({table})"))
            .and_then(|mut s| {
                let rows = s
                    .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(3)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(rows.into_iter().find(|(id, _)| *id == fk).map(|(_, c)| c))
            })
            .map_err(StoreError::sqlite("failed to check the merge"))?;
        let Some(column) = column else { continue };
        let parent_id = tx
            .query_row(
                &format!("SELECT {column} FROM {table} WHERE rowid = ?1"),
                [rowid],
                |r| Ok(sql_text(r.get_ref(0)?)),
            )
            .map_err(StoreError::sqlite("failed to check the merge"))?;
        let Some(parent_id) = parent_id.as_str().map(str::to_string) else {
            continue;
        };
        let parent_key = (parent, parent_id.clone());
        let theirs_has = row::read(theirs, parent, &parent_id)?;
        let deleted_side = if work.decision(&parent_key) == Some(&Decision::Delete)
            || (theirs_has.is_none() && work.decision(&parent_key).is_some())
        {
            Side::Theirs
        } else {
            Side::Ours
        };
        let cid = conflict_id(parent, &parent_id, "used");
        let choice = choices.get(&cid);
        // Without a choice the thing is kept, so the rest of the merge can be judged.
        let keep_side = match choice {
            Some(side) if side == deleted_side => None,
            _ => Some(if deleted_side == Side::Ours {
                Side::Theirs
            } else {
                Side::Ours
            }),
        };
        match keep_side {
            Some(side) => {
                if work.decision(&parent_key) == Some(&Decision::Restore(side)) {
                    continue;
                }
                work.decide(&parent_key, Decision::Restore(side));
            }
            None => {
                if work.decision(&user) == Some(&Decision::Restore(deleted_side)) {
                    continue;
                }
                work.decide(&user, Decision::Restore(deleted_side));
            }
        }
        found = true;
        let ours_row = work.ours_before.get(&parent_key).cloned().flatten();
        let entry = work.conflicts.entry(cid.clone()).or_insert(Conflict {
            id: cid,
            entity: parent,
            entity_id: parent_id,
            field: "used".into(),
            ours: None,
            theirs: None,
            deleted_side: Some(deleted_side),
            kind: ConflictKind::Used(Vec::new()),
        });
        if let ConflictKind::Used(users) = &mut entry.kind {
            if !users.contains(&user) {
                users.push(user);
            }
        }
        entry.theirs = whole(&theirs_has);
        entry.ours = whole(&ours_row);
    }
    if found {
        return Ok(true);
    }
    let plan = super::load_from(tx)?;
    if let Err(e) = crate::interchange::validate(&plan) {
        let Some(key) = invalid_entity(&plan, &e.path) else {
            return Err(unmergeable(&e));
        };
        let choice = choices
            .get(&conflict_id(key.0, &key.1, ""))
            .unwrap_or(Side::Ours);
        if work.decision(&key) == Some(&Decision::Restore(choice)) {
            return Err(unmergeable(&e));
        }
        let o = row::read(tx, key.0, &key.1)?;
        let t = row::read(theirs, key.0, &key.1)?;
        work.decide(&key, Decision::Restore(choice));
        let cid = conflict_id(key.0, &key.1, "");
        work.conflicts.remove(&cid);
        work.conflict(Conflict {
            id: cid,
            entity: key.0,
            entity_id: key.1.clone(),
            field: String::new(),
            ours: whole(&o),
            theirs: whole(&t),
            deleted_side: None,
            kind: ConflictKind::Invalid(e.message.clone()),
        });
        return Ok(true);
    }
    Ok(false)
}

/// The merge cannot be made whole: refused, nothing written.
fn unmergeable(e: &crate::interchange::InputError) -> StoreError {
    StoreError::Invalid {
        entity: "merge",
        id: String::new(),
        why: format!("the merged plan would not be valid ({e}); nothing was changed"),
    }
}

/// The entity a validation error's path (`shifts[3].end`) names.
fn invalid_entity(plan: &crate::model::Plan, path: &str) -> Option<Key> {
    let (list, rest) = path.split_once('[')?;
    let index: usize = rest.split(']').next()?.parse().ok()?;
    Some(match list {
        "shifts" => (Entity::Shift, plan.shifts.get(index)?.id.0.clone()),
        "assistants" => (Entity::Assistant, plan.assistants.get(index)?.id.0.clone()),
        "shift_types" => (Entity::ShiftType, plan.shift_types.get(index)?.code.clone()),
        "absences" => (Entity::Absence, plan.absences.get(index)?.id.0.clone()),
        "rotations" => (Entity::Rotation, plan.rotations.get(index)?.id.0.clone()),
        "busy" => (Entity::Busy, plan.busy.get(index)?.id.clone()),
        _ => return None,
    })
}
