//! What can go wrong with a plan file, in words a user can act on.
//!
//! Every variant says what is wrong and, where there is something to do, what to do. Errors met
//! while opening ([`StoreError::NotSqlite`], [`StoreError::OtherProgram`],
//! [`StoreError::NewerVersion`], [`StoreError::Corrupt`]) are raised before anything is written,
//! so the file is left exactly as it was. This module does not decide how errors are shown.

use std::path::PathBuf;

use super::lock::LockNotice;

/// Why a plan file can only be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file (or its folder) is write-protected.
    FileNotWritable,
    /// Another program edits the file now.
    InUse(LockNotice),
    /// Opened for reading on purpose.
    Requested,
}

impl std::fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadOnlyReason::FileNotWritable => f.write_str(
                "the file is write-protected; copy it somewhere you can write to edit it",
            ),
            ReadOnlyReason::InUse(notice) => write!(f, "{notice}"),
            ReadOnlyReason::Requested => f.write_str("the file was opened for reading only"),
        }
    }
}

/// A failure of the plan file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {}: the file does not exist", .0.display())]
    Missing(PathBuf),
    #[error(
        "cannot create {}: a file with that name exists already; choose another name",
        .0.display()
    )]
    Exists(PathBuf),
    #[error(
        "cannot open {}: it is not a Turnus plan (not a SQLite database, or its first bytes are damaged); choose another file or restore a backup with `turnus backup restore`",
        .0.display()
    )]
    NotSqlite(PathBuf),
    #[error(
        "cannot open {}: it is a database of another program (application id {application_id:#010x}), not a Turnus plan; the file was not changed",
        path.display()
    )]
    OtherProgram { path: PathBuf, application_id: u32 },
    #[error(
        "cannot open {}: it was saved by a newer Turnus (plan file version {found}, this Turnus reads up to {supported}); update Turnus to open it — the file was not changed",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "cannot open {}: the file is damaged; the file was not changed; `turnus backup list {}` shows the copies Turnus keeps, and `turnus backup restore {} NAME` puts one back",
        path.display(), path.display(), path.display()
    )]
    /// `detail` is SQLite's own report, for a developer; the message never prints it (it is
    /// several lines of page numbers that tell the user nothing).
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "cannot open {}: a program stopped in the middle of saving it, and the unfinished change must be undone first, which needs permission to write the file and its folder; open it once where you may write to it (or make it writable) and it is put right",
        .0.display()
    )]
    Interrupted(PathBuf),
    #[error(
        "cannot upgrade {} to this Turnus version while it is {notice}; close it there first",
        path.display()
    )]
    InUseNeedsUpgrade { path: PathBuf, notice: LockNotice },
    #[error("cannot change the plan: {0}")]
    ReadOnly(ReadOnlyReason),
    #[error("cannot change the plan: another program took over the file, it is now {0}; reopen it to see their changes")]
    LockLost(LockNotice),
    #[error("no {entity} with id «{id}» in the plan")]
    NotFound { entity: &'static str, id: String },
    #[error("the plan already has a {entity} with id «{id}»")]
    Duplicate { entity: &'static str, id: String },
    #[error("cannot delete {entity} «{id}»: shifts, absences or rotations still use it; change or delete those first")]
    StillUsed { entity: &'static str, id: String },
    #[error(
        "cannot save {entity} «{id}»: it names an assistant or shift type the plan does not have"
    )]
    UnknownReference { entity: &'static str, id: String },
    #[error("{entity} «{id}» is not valid: {why}")]
    Invalid {
        entity: &'static str,
        id: String,
        why: String,
    },
    #[error("cannot {what}: {entity} «{id}» was changed since; undo and redo only step through unchanged history")]
    Conflict {
        what: &'static str,
        entity: String,
        id: String,
    },
    #[error("nothing to undo")]
    NothingToUndo,
    /// Kept after the others so merges stay easy.
    #[error("cannot change shift «{shift}»: the month {month} is closed; reopen it with a reason (`turnus month reopen PLAN --month {month} --reason TEXT`) to change it")]
    MonthClosed { month: String, shift: String },
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("cannot undo more than {0} edits")]
    UndoLimit(usize),
    #[error("{context}: {source}")]
    Sqlite {
        context: String,
        source: rusqlite::Error,
    },
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error("cannot import the plan: {0}")]
    Input(#[from] crate::interchange::InputError),
    #[error("no backup «{name}» of {}; `turnus backup list` shows the backups", plan.display())]
    NoSuchBackup { plan: PathBuf, name: String },
    #[error("cannot find the folder for Turnus data; set TURNUS_DATA_DIR")]
    NoDataFolder,
    /// A file given to merge is not a copy of this plan (another plan file, or one from
    /// before file identities).
    #[error("{} is not a copy of this plan; only copies of the same plan file can be merged", .0.display())]
    OtherPlan(PathBuf),
    #[error(
        "cannot open {}: the plan is protected by a password; give its password to open it",
        .0.display()
    )]
    PasswordNeeded(PathBuf),
    #[error(
        "cannot open {}: the password does not match; try again, minding capital and small letters",
        .0.display()
    )]
    WrongPassword(PathBuf),
    #[error(
        "the password is too short ({chars} characters); choose one of at least {min} characters"
    )]
    PasswordTooShort { chars: usize, min: usize },
    #[error("{} has no password to change or remove", .0.display())]
    NoPassword(PathBuf),
    #[error("{} already has a password; change it instead of setting a new one", .0.display())]
    HasPassword(PathBuf),
}

impl StoreError {
    /// Wrap a SQLite error with what was being done.
    pub(crate) fn sqlite(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Self {
        let context = context.into();
        move |source| StoreError::Sqlite { context, source }
    }

    /// Wrap an I/O error with what was being done.
    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| StoreError::Io { context, source }
    }
}

/// Results of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
