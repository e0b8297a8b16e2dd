//! Opening and creating plan files safely.
//!
//! Before anything is written, a file is checked in this order: it exists; its first bytes are
//! SQLite's; its `application_id` is Turnus' ([`APPLICATION_ID`]); its `user_version` is not
//! newer than this build; a journal beside it is its own (played back) or is moved aside
//! (`super::journal`); its length fits its pages; `PRAGMA quick_check` passes (for a file
//! opened to be written, `PRAGMA integrity_check`). A file failing any check is refused with
//! its own [`StoreError`] and left byte-for-byte as it was. Only then is a backup taken, the
//! schema upgraded and the lock taken. A new file is built under a temporary name and renamed
//! into place, so a crash never leaves a half-made plan under the user's name.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::error::{ReadOnlyReason, Result, StoreError};
use super::lock::{self, Claimant};
use super::migrations::{self, APPLICATION_ID, SCHEMA_VERSION};
use super::password::{self, Password};
use super::{backup, identity, journal, new_id, transfer, Access, OpenOptions, PlanFile};
use crate::model::Plan;
use crate::time::Instant;

/// How long to wait for another program's transaction to finish before giving up.
const BUSY_WAIT: Duration = Duration::from_secs(10);

/// What the first 100 bytes of a file say.
pub(crate) struct Header {
    pub user_version: i64,
    pub application_id: u32,
    /// Bytes per page.
    pub page_size: u64,
    /// The file's size in pages as the header records it, when the header's record is valid
    /// (SQLite's "version-valid-for" equals the change counter).
    pub pages: Option<u64>,
}

/// Read and check the SQLite header of `path` without opening it as a database.
pub(crate) fn read_header(path: &Path) -> Result<Header> {
    let mut file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::Missing(path.to_path_buf()),
        _ => StoreError::io(format!("cannot open {}", path.display()))(e),
    })?;
    let mut bytes = [0u8; 100];
    let mut read = 0;
    while read < bytes.len() {
        let n = file
            .read(&mut bytes[read..])
            .map_err(StoreError::io(format!("cannot read {}", path.display())))?;
        if n == 0 {
            break;
        }
        read += n;
    }
    if read < bytes.len() || &bytes[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite(path.to_path_buf()));
    }
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    Ok(Header {
        user_version: i64::from(word(60) as i32),
        application_id: word(68),
        page_size,
        pages: (word(92) == word(24) && word(28) > 0).then(|| u64::from(word(28))),
    })
}

/// True when `path` is a Turnus plan file: a SQLite database marked with Turnus'
/// application id, or an encrypted database (which may be a plan with a password), whatever
/// its name. Outputs are never written over one.
pub fn is_plan_file(path: &Path) -> bool {
    read_header(path).is_ok_and(|h| h.application_id == APPLICATION_ID)
        || password::is_encrypted(path)
}

/// The file's header as its open connection reads it: for an encrypted file, whose first
/// page is not readable without the key.
fn header_through(conn: &Connection) -> rusqlite::Result<Header> {
    let (page_size, pages): (i64, i64) = conn.query_row(
        "SELECT CAST(page_size AS INTEGER), CAST(page_count AS INTEGER)
         FROM pragma_page_size, pragma_page_count",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Header {
        user_version: 0,
        application_id: 0,
        page_size: page_size as u64,
        pages: Some(pages as u64),
    })
}

/// Refuse a file whose length does not fit its pages: one cut short (by a failed copy or
/// sync) reads as sound until the missing page is needed.
fn check_length(path: &Path, header: &Header) -> Result<()> {
    let length = std::fs::metadata(path)
        .map_err(StoreError::io(format!("cannot read {}", path.display())))?
        .len();
    let damaged = |detail: &str| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    if header.page_size < 512 || !header.page_size.is_power_of_two() {
        return Err(damaged("its header names no valid page size"));
    }
    if length % header.page_size != 0 {
        return Err(damaged(
            "its length is not a whole number of pages: it has been cut off or added to",
        ));
    }
    if header
        .pages
        .is_some_and(|pages| length < pages * header.page_size)
    {
        return Err(damaged(
            "it is shorter than its header says: it has been cut off",
        ));
    }
    Ok(())
}

/// Refuse files of other programs and of newer Turnus versions.
fn check_identity(path: &Path, application_id: u32, user_version: i64) -> Result<()> {
    if application_id != APPLICATION_ID {
        return Err(StoreError::OtherProgram {
            path: path.to_path_buf(),
            application_id,
        });
    }
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

fn is_write_refused(e: &StoreError) -> bool {
    let code = match e {
        StoreError::Sqlite { source, .. } => source.sqlite_error_code(),
        _ => None,
    };
    matches!(
        code,
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

/// [`check_length`] while holding a read lock, so that no program is writing the file while
/// its length is measured.
fn check_length_unwritten(conn: &Connection, path: &Path, encrypted: bool) -> Result<()> {
    let context = || format!("failed to read {}", path.display());
    conn.execute_batch("BEGIN")
        .map_err(StoreError::sqlite(context()))?;
    let checked = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(|e| {
            if is_damage(&e) {
                StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                }
            } else {
                StoreError::sqlite(context())(e)
            }
        })
        .and_then(|_| {
            if encrypted {
                header_through(conn).map_err(StoreError::sqlite(context()))
            } else {
                read_header(path)
            }
        })
        .and_then(|header| check_length(path, &header));
    conn.execute_batch("COMMIT")
        .map_err(StoreError::sqlite(context()))?;
    checked
}

/// Per-connection settings: wait for other programs, enforce foreign keys, flush fully.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_WAIT)
        .map_err(StoreError::sqlite("failed to configure the plan file"))?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
        .map_err(StoreError::sqlite("failed to configure the plan file"))
}

/// The journal mode of every plan file: a rollback journal, never WAL (WAL side files break in
/// synced and shared folders).
fn use_rollback_journal(conn: &Connection) -> Result<()> {
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(StoreError::sqlite("failed to set the journal mode"))?;
    if mode.eq_ignore_ascii_case("delete") || mode.eq_ignore_ascii_case("memory") {
        Ok(())
    } else {
        Err(StoreError::sqlite("failed to set the journal mode")(
            rusqlite::Error::InvalidQuery,
        ))
    }
}

/// Check an open connection: `quick_check`, or, when the file is about to be written,
/// `integrity_check` (which also finds damaged indexes; see docs/plan-file.md for its cost);
/// then the identity again (a hot journal may have been rolled back since the header was
/// read).
fn check_connection(conn: &Connection, path: &Path, thorough: bool) -> Result<i64> {
    let damaged = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let findings: Vec<String> = conn
        .prepare(if thorough {
            "PRAGMA integrity_check"
        } else {
            "PRAGMA quick_check"
        })
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(|e| {
            if is_damage(&e) {
                damaged(e.to_string())
            } else {
                StoreError::sqlite(format!("failed to check {}", path.display()))(e)
            }
        })?;
    if findings.iter().any(|f| f != "ok") {
        let mut detail = findings.into_iter().take(3).collect::<Vec<_>>().join("; ");
        if detail.is_empty() {
            detail = "quick_check failed".into();
        }
        return Err(damaged(detail));
    }
    let (application_id, version): (i64, i64) = conn
        .query_row(
            "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| {
            if is_damage(&e) {
                damaged(e.to_string())
            } else {
                StoreError::sqlite(format!("failed to read {}", path.display()))(e)
            }
        })?;
    check_identity(path, application_id as u32, version)?;
    Ok(version)
}

/// Open the file at `path`; with `key`, give the connection the key and prove it on the first
/// page ([`StoreError::WrongPassword`] when it does not fit).
fn connect(path: &Path, writable: bool, key: Option<&Password>) -> Result<Connection> {
    password::cipher_defaults();
    let access = if writable {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    };
    let conn = Connection::open_with_flags(path, access | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| {
            if is_damage(&e) {
                StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                }
            } else {
                StoreError::sqlite(format!("cannot open {}", path.display()))(e)
            }
        })?;
    if let Some(key) = key {
        password::key(&conn, key)?;
        conn.busy_timeout(BUSY_WAIT)
            .map_err(StoreError::sqlite("failed to configure the plan file"))?;
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        }) {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
                return Err(StoreError::WrongPassword(path.to_path_buf()))
            }
            Err(e) if is_damage(&e) => {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                })
            }
            Err(e) => {
                return Err(StoreError::sqlite(format!(
                    "cannot open {}",
                    path.display()
                ))(e))
            }
        }
        // Every page read from the file is decrypted and its HMAC checked; a page cache that
        // holds the whole plan (up to 64 MiB) does that once per page instead of once per read.
        conn.execute_batch("PRAGMA cache_size = -65536;")
            .map_err(StoreError::sqlite("failed to configure the plan file"))?;
    }
    configure(&conn)?;
    Ok(conn)
}

/// Open a file that was just written (a migrated or re-keyed copy), with its key if it has one.
pub(crate) fn connect_written(
    path: &Path,
    writable: bool,
    key: Option<&Password>,
) -> Result<Connection> {
    connect(path, writable, key)
}

fn file_is_writable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// A migrated copy of an older read-only file, in the temporary folder, opened read-only.
fn upgraded_copy(
    conn: &Connection,
    path: &Path,
    key: Option<&Password>,
) -> Result<(Connection, PathBuf)> {
    let copy = std::env::temp_dir().join(format!("turnus-readonly-{}.turnus", new_id()));
    let text = copy.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [&text])
        .map_err(StoreError::sqlite(format!(
            "failed to read {}",
            path.display()
        )))?;
    // `VACUUM INTO` writes the copy with the connection's key.
    let mut upgraded = connect(&copy, true, key)?;
    migrations::migrate(&mut upgraded)?;
    drop(upgraded);
    Ok((connect(&copy, false, key)?, copy))
}

/// The key to open `path` with: none for a plain SQLite file (a password given for one is not
/// used), the caller's password for an encrypted one, [`StoreError::PasswordNeeded`] when the
/// caller has none.
fn key_for(path: &Path, options: &OpenOptions) -> Result<Option<Password>> {
    match read_header(path) {
        Ok(header) => {
            check_identity(path, header.application_id, header.user_version)?;
            Ok(None)
        }
        Err(StoreError::NotSqlite(_)) if password::is_encrypted(path) => match &options.password {
            Some(p) => Ok(Some(p.clone())),
            None => Err(StoreError::PasswordNeeded(path.to_path_buf())),
        },
        Err(e) => Err(e),
    }
}

pub(crate) fn open(path: &Path, options: &OpenOptions) -> Result<PlanFile> {
    let key = key_for(path, options)?;
    let set_aside = journal::settle(path, file_is_writable(path), key.as_ref())?;
    let writable = !options.read_only && file_is_writable(path);
    let conn = connect(path, writable, key.as_ref())?;
    check_length_unwritten(&conn, path, key.is_some())?;
    let version = check_connection(&conn, path, writable)?;
    let token = new_id();
    let mut plan = PlanFile {
        conn,
        path: Some(path.to_path_buf()),
        user: options.user.clone(),
        token: token.clone(),
        access: Access::ReadWrite,
        folders: options.folders.clone(),
        backup_problem: None,
        temp_copy: None,
        lock_held: false,
        computer: options.computer.clone(),
        pid: options.pid,
        set_aside,
        password: key.clone(),
    };
    let me = Claimant {
        token: &token,
        holder: &options.user,
        computer: &options.computer,
        pid: options.pid,
    };
    let mut reason = if options.read_only {
        Some(ReadOnlyReason::Requested)
    } else if !writable {
        Some(ReadOnlyReason::FileNotWritable)
    } else {
        None
    };
    if reason.is_none() {
        if let Some(held) = lock::read(&plan.conn)? {
            if !options.take_over && !lock::is_stale(&held, options.now, &me) {
                reason = Some(ReadOnlyReason::InUse(held.notice));
            }
        }
    }
    // The backup is taken before any upgrade, so the file as it was stays recoverable.
    take_backup(&mut plan, path, options.now, backup::Reason::Open);
    if reason.is_none() && options.lock_on_edit {
        // No lock now: each edit checks for one in its own transaction.
        match prepare(&mut plan.conn) {
            Ok(()) => {}
            Err(e) if is_write_refused(&e) => reason = Some(ReadOnlyReason::FileNotWritable),
            Err(e) => return Err(e),
        }
    } else if reason.is_none() {
        match claim(&mut plan.conn, &me, options) {
            Ok(None) => plan.lock_held = true,
            Ok(Some(held)) => reason = Some(ReadOnlyReason::InUse(held)),
            Err(e) if is_write_refused(&e) => reason = Some(ReadOnlyReason::FileNotWritable),
            Err(e) => return Err(e),
        }
    }
    if let Some(reason) = reason {
        plan.access = Access::ReadOnly(reason);
        if version < SCHEMA_VERSION {
            let (copy_conn, copy) = upgraded_copy(&plan.conn, path, key.as_ref())?;
            plan.conn = copy_conn;
            plan.temp_copy = Some(copy);
        }
    }
    Ok(plan)
}

fn take_backup(plan: &mut PlanFile, path: &Path, now: Instant, reason: backup::Reason) {
    if let Some(folders) = &plan.folders {
        if let Err(e) = backup::take(&plan.conn, folders, path, now, reason) {
            plan.backup_problem = Some(e.to_string());
        }
    }
}

/// Upgrade the schema and take the lock; returns the holder's notice when someone else got
/// the lock first.
fn claim(
    conn: &mut Connection,
    me: &Claimant<'_>,
    options: &OpenOptions,
) -> Result<Option<super::LockNotice>> {
    prepare(conn)?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(StoreError::sqlite("failed to take the lock"))?;
    if let Some(held) = lock::read(&tx)? {
        let mine = held.token == me.token;
        if !mine && !options.take_over && !lock::is_stale(&held, options.now, me) {
            return Ok(Some(held.notice));
        }
    }
    identity::stamp(&tx)?;
    lock::take(&tx, me, options.now)?;
    tx.commit()
        .map_err(StoreError::sqlite("failed to take the lock"))?;
    Ok(None)
}

/// Before the first write: the journal mode, and the upgrade to this version's schema.
fn prepare(conn: &mut Connection) -> Result<()> {
    use_rollback_journal(conn)?;
    migrations::migrate(conn)
}

/// A fresh database at `path` with the current schema, optionally filled with `plan`.
fn build(path: &Path, user: &str, now: Instant, plan: Option<&Plan>) -> Result<()> {
    let mut conn = Connection::open(path).map_err(StoreError::sqlite(format!(
        "cannot create {}",
        path.display()
    )))?;
    configure(&conn)?;
    use_rollback_journal(&conn)?;
    migrations::migrate(&mut conn)?;
    if let Some(plan) = plan {
        transfer::write_all(&mut conn, plan, user, now)?;
    }
    conn.close()
        .map_err(|(_, e)| StoreError::sqlite(format!("cannot create {}", path.display()))(e))
}

pub(crate) fn create(path: &Path, options: &OpenOptions, plan: Option<&Plan>) -> Result<PlanFile> {
    if path.exists() {
        return Err(StoreError::Exists(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan.turnus".into());
    let temp = folder.join(format!(".{name}.creating-{}", new_id()));
    let built = build(&temp, &options.user, options.now, plan);
    let placed = built.and_then(|()| {
        if path.exists() {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        std::fs::rename(&temp, path)
            .map_err(StoreError::io(format!("cannot create {}", path.display())))
    });
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(folder.join(format!(
            "{}-journal",
            temp.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        )));
        return Err(e);
    }
    open(path, options)
}

pub(crate) fn in_memory(user: &str) -> Result<PlanFile> {
    let mut conn = Connection::open_in_memory()
        .map_err(StoreError::sqlite("failed to create a plan in memory"))?;
    configure(&conn)?;
    migrations::migrate(&mut conn)?;
    let token = new_id();
    let computer = lock::computer_name();
    lock::take(
        &conn,
        &Claimant {
            token: &token,
            holder: user,
            computer: &computer,
            pid: std::process::id(),
        },
        Instant::from_unix(0),
    )?;
    Ok(PlanFile {
        conn,
        path: None,
        user: user.to_string(),
        token,
        access: Access::ReadWrite,
        folders: None,
        backup_problem: None,
        temp_copy: None,
        lock_held: true,
        computer,
        pid: std::process::id(),
        set_aside: None,
        password: None,
    })
}
