//! The plan file: one SQLite database per plan (`*.turnus`), opened safely, edited one
//! transaction at a time with a change log that drives undo and redo.
//!
//! | part | module |
//! |---|---|
//! | opening, edits, undo/redo, loading | this module ([`PlanFile`]) |
//! | schema and migrations | [`migrations`] (`migrations/*.sql`) |
//! | one query module per table | `settings`, `assistants`, `shift_types`, `shifts`, `vedtak`, `absences`, `rotations` |
//! | rows as JSON for the change log | `row` |
//! | two programs on one file | [`lock`] |
//! | journals left by crashes, foreign journals, damage | `journal`, `identity` |
//! | backups, recent files | [`backup`], [`config`], [`folders`] |
//! | the optional password (SQLCipher) | `password` |
//! | plan JSON ↔ plan file | [`transfer`] |
//!
//! The file is described in `docs/plan-file.md`. Nothing here reads the clock: every function
//! that records a time takes it as a parameter. Checking the plan against the rules is
//! `crate::rules`' job; this module only loads what the checker needs.

mod absences;
mod assistants;
pub mod backup;
mod busy;
pub mod config;
pub mod copies;
mod edit;
mod error;
pub mod folders;
mod identity;
mod journal;
pub mod lock;
pub mod merge;
pub mod migrations;
mod months;
mod open;
mod password;
mod rotations;
mod row;
mod settings;
mod shift_types;
mod shifts;
pub mod transfer;
mod values;
mod vedtak;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use edit::{Edit, LogEntry, LogState, UNDO_LIMIT};
pub use error::{ReadOnlyReason, Result, StoreError};
pub use folders::Folders;
pub use lock::{computer_name, LockNotice};
pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};
pub use open::is_plan_file;
pub use password::{forget_keys, is_encrypted, key_for, Password, MIN_PASSWORD_CHARS};
pub use row::Entity;
pub use vedtak::VedtakId;

use crate::model::{Plan, Vedtak};
use crate::time::Instant;

/// How a plan file is opened: who opens it, when, and what to do when someone else has it.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// The user's name: written into the change log and shown to others in the lock notice.
    pub user: String,
    /// This computer's name, for the lock notice ([`computer_name`] by default).
    pub computer: String,
    /// This process' id, for the lock record.
    pub pid: u32,
    /// Now, as the caller's clock reads it.
    pub now: Instant,
    /// Take the file over from a program that holds it (after the user has agreed).
    pub take_over: bool,
    /// Open for reading only, without taking the lock.
    pub read_only: bool,
    /// Where backups go; `None` takes no backup.
    pub folders: Option<Folders>,
    /// Take no lock when opening: each edit checks, inside its own transaction, that no other
    /// program holds the file, and writes no lock record. For a command that makes at most
    /// one edit and ends: when it is refused or has nothing to change, the file stays
    /// byte-for-byte as it was.
    pub lock_on_edit: bool,
    /// The password of an encrypted plan file; not used for a file without one. Opening an
    /// encrypted file without it fails with [`StoreError::PasswordNeeded`].
    pub password: Option<Password>,
}

impl OpenOptions {
    /// Open as `user` at `now`, on this computer, taking no backups.
    pub fn new(user: &str, now: Instant) -> Self {
        OpenOptions {
            user: user.to_string(),
            computer: computer_name(),
            pid: std::process::id(),
            now,
            take_over: false,
            read_only: false,
            folders: None,
            lock_on_edit: false,
            password: None,
        }
    }

    /// The same options, with backups into `folders`.
    pub fn with_backups(mut self, folders: Folders) -> Self {
        self.folders = Some(folders);
        self
    }
}

/// Whether edits are possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly(ReadOnlyReason),
}

/// An open plan file.
pub struct PlanFile {
    conn: Connection,
    /// `None` for a plan in memory.
    path: Option<PathBuf>,
    user: String,
    token: String,
    access: Access,
    folders: Option<Folders>,
    backup_problem: Option<String>,
    /// A migrated copy opened in place of a read-only file of an older version; removed on
    /// drop.
    temp_copy: Option<PathBuf>,
    /// Whether the lock record is ours ([`OpenOptions::lock_on_edit`] takes none).
    lock_held: bool,
    /// This computer and process, to tell a lock left by a dead program on edits without one.
    computer: String,
    pid: u32,
    /// Where a journal that did not belong to the file was moved before opening.
    set_aside: Option<PathBuf>,
    /// The key the file is encrypted with, in memory only; `None` for a plain file.
    password: Option<Password>,
}

impl PlanFile {
    /// Open the plan file at `path`, checking it before anything is written.
    ///
    /// A file that is not a Turnus plan, is damaged, or comes from a newer Turnus is refused
    /// and left unchanged. A write-protected file, or one another program edits, opens
    /// read-only: see [`PlanFile::access`].
    pub fn open(path: impl AsRef<Path>, options: &OpenOptions) -> Result<Self> {
        open::open(path.as_ref(), options)
    }

    /// Create a new, empty plan file at `path`; refuses to replace an existing file.
    pub fn create(path: impl AsRef<Path>, options: &OpenOptions) -> Result<Self> {
        open::create(path.as_ref(), options, None)
    }

    /// A new plan in memory with the real schema, for tests and scratch work.
    ///
    /// ```
    /// use turnus::model::{Assistant, Plan};
    /// use turnus::store::PlanFile;
    /// use turnus::time::Instant;
    /// let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    /// let now = Instant::parse("2026-06-01T09:00").unwrap();
    /// plan.add_assistant(now, &Assistant::new("A", "Ola")).unwrap();
    /// assert_eq!(plan.load_plan().unwrap().assistants.len(), 1);
    /// plan.undo(now).unwrap();
    /// assert!(plan.load_plan().unwrap().assistants.is_empty());
    /// ```
    pub fn open_in_memory(user: &str) -> Result<Self> {
        open::in_memory(user)
    }

    /// The file's path (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether edits are possible, and if not, why.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// True when the file opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.access != Access::ReadWrite
    }

    /// The name written into the change log for edits made here.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Write `user` into the change log for the edits from now on (the user gave their name
    /// while the plan was open).
    pub fn set_user(&mut self, user: &str) {
        self.user = user.to_string();
    }

    /// Where a rollback journal found beside the file but belonging to another file (a copy
    /// a sync client brought) was moved before opening, so SQLite never played it back.
    pub fn set_aside_journal(&self) -> Option<&Path> {
        self.set_aside.as_deref()
    }

    /// The folder this plan's backups go to, when backups are taken.
    pub fn backup_folder(&self) -> Option<PathBuf> {
        Some(backup::folder_for(
            self.folders.as_ref()?,
            self.path.as_ref()?,
        ))
    }

    /// Why the last backup could not be taken, if it could not; opening goes on without one.
    pub fn backup_problem(&self) -> Option<&str> {
        self.backup_problem.as_deref()
    }

    /// The whole plan.
    pub fn load_plan(&self) -> Result<Plan> {
        load_from(&self.conn)
    }

    /// The file's identity: random per plan file, kept by every copy of it (a sync client's
    /// conflict copy, a backup). `None` for a file from before schema version 6.
    pub fn file_identity(&self) -> Option<String> {
        identity::file_of(&self.conn)
    }

    /// How many changes the change log holds and the newest one's sequence number: what a
    /// watcher compares to tell that another program changed the file.
    pub fn log_mark(&self) -> Result<(i64, i64)> {
        self.conn
            .query_row(
                "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM change_log",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(StoreError::sqlite("failed to read the change log"))
    }

    /// The plan for a view of `[from, to)`: only the shifts and busy times overlapping it and
    /// the absences touching its days, with every assistant, vedtak version, shift type, rotation, the
    /// settings and the profile. Shifts come by start time.
    pub fn load_window(&self, from: Instant, to: Instant) -> Result<Plan> {
        let (settings, profile) = settings::load(&self.conn)?;
        let (categories, egenandel) = settings::load_month_settings(&self.conn)?;
        let days = (from.local_date(), to.local_date());
        Ok(Plan {
            settings,
            profile,
            vedtak: self.vedtak()?.into_iter().map(|(_, v)| v).collect(),
            assistants: assistants::load(&self.conn)?,
            shift_types: shift_types::load(&self.conn)?,
            shifts: shifts::load_window(&self.conn, from, to)?,
            rotations: rotations::load(&self.conn)?,
            absences: absences::load(&self.conn, Some(days))?,
            busy: busy::load_window(&self.conn, from, to)?,
            closed_months: months::load_closed(&self.conn)?,
            categories,
            egenandel,
            egenandel_tables: months::load_tables(&self.conn)?,
            covers: shifts::load_covers(&self.conn)?,
            holiday_carry: assistants::load_carry(&self.conn)?,
        })
    }

    /// Every vedtak version with the id edits refer to it by, in the plan's order.
    pub fn vedtak(&self) -> Result<Vec<(VedtakId, Vedtak)>> {
        vedtak::load(&self.conn)
    }

    /// `PRAGMA integrity_check`: empty when the file is sound, otherwise SQLite's findings.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(StoreError::sqlite("failed to check the plan file"))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .map_err(StoreError::sqlite("failed to check the plan file"))?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }

    /// Renew the lock's heartbeat (every [`lock::HEARTBEAT_EVERY_SECONDS`]) and take the daily
    /// backup when one is due. Fails with [`StoreError::LockLost`] when another program took
    /// the file over.
    pub fn heartbeat(&mut self, now: Instant) -> Result<()> {
        if self.access == Access::ReadWrite && self.lock_held {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(StoreError::sqlite("failed to renew the lock"))?;
            lock::confirm(&tx, &self.token, now)?;
            identity::stamp(&tx)?;
            tx.commit()
                .map_err(StoreError::sqlite("failed to renew the lock"))?;
        }
        if let (Some(folders), Some(path)) = (&self.folders, &self.path) {
            match backup::take(&self.conn, folders, path, now, backup::Reason::Daily) {
                Ok(_) => self.backup_problem = None,
                Err(e) => self.backup_problem = Some(e.to_string()),
            }
        }
        Ok(())
    }

    /// Close the file, giving up the lock.
    pub fn close(mut self) -> Result<()> {
        self.release()
    }

    fn release(&mut self) -> Result<()> {
        if self.access == Access::ReadWrite && self.lock_held {
            lock::release(&mut self.conn, &self.token)?;
            self.access = Access::ReadOnly(ReadOnlyReason::Requested);
        }
        Ok(())
    }

    fn writable(&self) -> Result<()> {
        match &self.access {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly(reason) => Err(StoreError::ReadOnly(reason.clone())),
        }
    }

    /// What an edit's transaction checks before it changes anything: see [`EditGuard`].
    fn guard(&self) -> EditGuard {
        EditGuard {
            lock_held: self.lock_held,
            in_file: self.path.is_some(),
            token: self.token.clone(),
            user: self.user.clone(),
            computer: self.computer.clone(),
            pid: self.pid,
        }
    }
}

/// Inside an edit's transaction: check that the file is still ours to edit (renewing the
/// heartbeat of our lock, or, without one, that no other program holds the file), and mark the
/// transaction in the file's identity row (see `identity`).
struct EditGuard {
    lock_held: bool,
    in_file: bool,
    token: String,
    user: String,
    computer: String,
    pid: u32,
}

impl EditGuard {
    fn confirm(&self, tx: &rusqlite::Transaction<'_>, at: Instant) -> Result<()> {
        if self.lock_held {
            lock::confirm(tx, &self.token, at)?;
        } else if self.in_file {
            let me = lock::Claimant {
                token: &self.token,
                holder: &self.user,
                computer: &self.computer,
                pid: self.pid,
            };
            if let Some(held) = lock::read(tx)? {
                if held.token != self.token && !lock::is_stale(&held, at, &me) {
                    return Err(StoreError::ReadOnly(ReadOnlyReason::InUse(held.notice)));
                }
            }
        }
        identity::stamp(tx)
    }
}

impl Drop for PlanFile {
    fn drop(&mut self) {
        // Best effort: a lock left behind turns stale and is taken over later.
        let _ = self.release();
        if let Some(copy) = self.temp_copy.take() {
            let _ = std::fs::remove_file(copy);
        }
    }
}

/// The whole plan as stored on `conn` (also inside a transaction).
pub(crate) fn load_from(conn: &Connection) -> Result<Plan> {
    let (settings, profile) = settings::load(conn)?;
    let (categories, egenandel) = settings::load_month_settings(conn)?;
    Ok(Plan {
        settings,
        profile,
        vedtak: vedtak::load(conn)?.into_iter().map(|(_, v)| v).collect(),
        assistants: assistants::load(conn)?,
        shift_types: shift_types::load(conn)?,
        shifts: shifts::load(conn)?,
        rotations: rotations::load(conn)?,
        absences: absences::load(conn, None)?,
        busy: busy::load(conn)?,
        closed_months: months::load_closed(conn)?,
        categories,
        egenandel,
        egenandel_tables: months::load_tables(conn)?,
        covers: shifts::load_covers(conn)?,
        holiday_carry: assistants::load_carry(conn)?,
    })
}

/// A new random id (UUID v4) for an entity created here.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
