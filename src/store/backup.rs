//! Backups of plan files in the user's data folder: one when a plan is opened and once a day
//! while it stays open, the last [`KEEP`] per plan; listing them and restoring one.
//!
//! Copies are made with `VACUUM INTO` from an open connection, never by copying a file that may
//! be being written. A copy is skipped when the plan has not changed since the newest backup
//! (same change log), so opening a plan many times does not push older, different copies out.
//! Each plan's backups live in `DATA/backups/<name>-<hash of the plan's path>/` as
//! `YYYYMMDDTHHMMSSZ.turnus` (UTC). Choosing when to call [`take`] (open, heartbeat) is the
//! caller's job.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, TimeZone, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::error::{ReadOnlyReason, Result, StoreError};
use super::folders::Folders;
use super::lock::{self, Claimant};
use super::new_id;
use super::open::read_header;
use super::password::{self, Password};
use crate::time::Instant;

/// Backups kept per plan.
pub const KEEP: usize = 10;

/// While a plan stays open, a new backup is due this many seconds after the newest.
pub const DAILY_SECONDS: i64 = 24 * 3600;

const STATE_FILE: &str = "last.json";
const SOURCE_FILE: &str = "plan-path.txt";

/// Why a backup is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    /// The plan was just opened.
    Open,
    /// The plan has been open for a while; one backup a day.
    Daily,
}

/// One backup of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The file name, which `turnus backup restore` takes.
    pub name: String,
    pub path: PathBuf,
    pub taken_at: Instant,
    pub bytes: u64,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct LastBackup {
    fingerprint: String,
    name: String,
}

/// FNV-1a: a stable hash (std's hasher may change between Rust versions).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The plan's full path; for a missing file (deleted or never written), its folder's full path
/// and its name, so a plan's backups are found even when the plan itself is gone.
fn absolute(plan: &Path) -> PathBuf {
    if let Ok(full) = std::fs::canonicalize(plan) {
        return full;
    }
    let folder = match plan.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (std::fs::canonicalize(&folder), plan.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => std::env::current_dir()
            .map(|dir| dir.join(plan))
            .unwrap_or_else(|_| plan.to_path_buf()),
    }
}

/// The folder holding the backups of the plan at `plan`.
pub fn folder_for(folders: &Folders, plan: &Path) -> PathBuf {
    let full = absolute(plan);
    let stem: String = plan
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = fnv1a(full.to_string_lossy().as_bytes());
    folders.backups().join(format!("{stem}-{hash:016x}"))
}

fn stamp(at: Instant) -> String {
    Utc.timestamp_opt(at.unix(), 0).single().map_or_else(
        || at.unix().to_string(),
        |t| t.format("%Y%m%dT%H%M%SZ").to_string(),
    )
}

fn taken_at(name: &str) -> Option<Instant> {
    let stamp = name.get(..16)?;
    NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .ok()
        .map(|t| Instant::from_unix(t.and_utc().timestamp()))
}

/// The backups of the plan at `plan`, newest first.
pub fn list(folders: &Folders, plan: &Path) -> Result<Vec<Backup>> {
    let folder = folder_for(folders, plan);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::io(format!(
                "cannot list the backups in {}",
                folder.display()
            ))(e))
        }
    };
    let mut backups: Vec<Backup> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let at = taken_at(&name).filter(|_| name.ends_with(".turnus"))?;
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            Some(Backup {
                path: entry.path(),
                name,
                taken_at: at,
                bytes,
            })
        })
        .collect();
    backups.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(backups)
}

/// What identifies the plan's content: its change log and schema version.
fn fingerprint(conn: &Connection) -> Result<String> {
    conn.query_row(
        "SELECT COALESCE(MAX(seq), 0),
                (SELECT COUNT(*) FROM change_log WHERE state = 'undone'),
                (SELECT user_version FROM pragma_user_version)
         FROM change_log",
        [],
        |r| {
            Ok(format!(
                "{}:{}:{}",
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?
            ))
        },
    )
    .map_err(StoreError::sqlite("failed to read the plan for a backup"))
}

fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let temp = path.with_extension(format!("tmp-{}", new_id()));
    let context = || format!("cannot write {}", path.display());
    let mut file = std::fs::File::create(&temp).map_err(StoreError::io(context()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(StoreError::io(context()))?;
    std::fs::rename(&temp, path).map_err(StoreError::io(context()))
}

fn unused_name(folder: &Path, base: &str) -> String {
    let mut name = format!("{base}.turnus");
    let mut n = 2;
    while folder.join(&name).exists() {
        name = format!("{base}-{n}.turnus");
        n += 1;
    }
    name
}

fn prune(plan: &Path, folders: &Folders) -> Result<()> {
    for old in list(folders, plan)?.into_iter().skip(KEEP) {
        std::fs::remove_file(&old.path).map_err(StoreError::io(format!(
            "cannot remove the old backup {}",
            old.path.display()
        )))?;
    }
    Ok(())
}

/// Copy the plan open on `conn` (from `plan`) into its backup folder, unless it has not changed
/// since the newest backup, or (for [`Reason::Daily`]) the newest is less than a day old.
/// Returns the new backup's path.
pub(crate) fn take(
    conn: &Connection,
    folders: &Folders,
    plan: &Path,
    now: Instant,
    reason: Reason,
) -> Result<Option<PathBuf>> {
    let folder = folder_for(folders, plan);
    let print = fingerprint(conn)?;
    let newest = list(folders, plan)?.into_iter().next();
    let last: Option<LastBackup> = std::fs::read_to_string(folder.join(STATE_FILE))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok());
    let unchanged = matches!((&last, &newest), (Some(last), Some(newest))
        if last.fingerprint == print && last.name == newest.name);
    let recent = newest
        .as_ref()
        .is_some_and(|b| now - b.taken_at < DAILY_SECONDS);
    if unchanged || (reason == Reason::Daily && recent) {
        return Ok(None);
    }
    let path = copy_into(conn, &folder, plan, now, "")?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let state = serde_json::to_string(&LastBackup {
        fingerprint: print,
        name,
    })
    .unwrap_or_default();
    write_atomically(&folder.join(STATE_FILE), &state)?;
    prune(plan, folders)?;
    Ok(Some(path))
}

/// `VACUUM INTO` a new backup file in `folder`; returns its path.
fn copy_into(
    conn: &Connection,
    folder: &Path,
    plan: &Path,
    now: Instant,
    suffix: &str,
) -> Result<PathBuf> {
    std::fs::create_dir_all(folder).map_err(StoreError::io(format!(
        "cannot create the backup folder {}",
        folder.display()
    )))?;
    let source = folder.join(SOURCE_FILE);
    if !source.exists() {
        write_atomically(&source, &absolute(plan).to_string_lossy())?;
    }
    let temp = folder.join(format!(".{}.partial", new_id()));
    let context = || {
        format!(
            "cannot back up {} into {}",
            plan.display(),
            folder.display()
        )
    };
    conn.execute("VACUUM INTO ?1", [temp.to_string_lossy().as_ref()])
        .map_err(StoreError::sqlite(context()))?;
    let path = folder.join(unused_name(folder, &format!("{}{suffix}", stamp(now))));
    std::fs::rename(&temp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        StoreError::io(context())(e)
    })?;
    Ok(path)
}

/// Put the backup `name` (as [`list`] shows it) back in place of the plan at `plan`.
///
/// The plan as it is now is kept first: copied into the backups as
/// `…-before-restore.turnus` (its raw bytes when it is too damaged to open). Refused while
/// another program holds the plan.
pub fn restore(folders: &Folders, plan: &Path, name: &str, now: Instant) -> Result<Backup> {
    restore_with_password(folders, plan, name, now, None)
}

/// [`restore`] for a plan with a password: the backups of an encrypted plan have its key, so
/// `password` opens both the backup and the plan as it is now. A backup without a password is
/// restored without using it.
pub fn restore_with_password(
    folders: &Folders,
    plan: &Path,
    name: &str,
    now: Instant,
    password: Option<&Password>,
) -> Result<Backup> {
    let wanted = name.trim();
    let backup = list(folders, plan)?
        .into_iter()
        .find(|b| b.name == wanted || b.name.trim_end_matches(".turnus") == wanted)
        .ok_or_else(|| StoreError::NoSuchBackup {
            plan: plan.to_path_buf(),
            name: wanted.to_string(),
        })?;
    // The backup itself must be a sound plan before it replaces anything.
    let options = super::OpenOptions {
        read_only: true,
        password: password.cloned(),
        ..super::OpenOptions::new("", now)
    };
    drop(super::PlanFile::open(&backup.path, &options)?);
    let folder = folder_for(folders, plan);
    if plan.exists() {
        keep_current(&folder, plan, now, password)?;
    }
    let journal = PathBuf::from(format!("{}-journal", plan.display()));
    if journal.exists() {
        std::fs::remove_file(&journal).map_err(StoreError::io(format!(
            "cannot remove the old journal {}",
            journal.display()
        )))?;
    }
    let target_folder = match plan.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = target_folder.join(format!(".restoring-{}.turnus", new_id()));
    let context = || format!("cannot restore {} from {}", plan.display(), backup.name);
    std::fs::copy(&backup.path, &temp)
        .and_then(|_| std::fs::File::open(&temp)?.sync_all())
        .and_then(|()| std::fs::rename(&temp, plan))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            StoreError::io(context())(e)
        })?;
    Ok(backup)
}

/// Keep the plan as it is now among its backups, unless another program holds it.
fn keep_current(
    folder: &Path,
    plan: &Path,
    now: Instant,
    password: Option<&Password>,
) -> Result<()> {
    let encrypted = password::is_encrypted(plan);
    let key = password.filter(|_| encrypted);
    if encrypted && key.is_none() {
        return Err(StoreError::PasswordNeeded(plan.to_path_buf()));
    }
    // A journal of another file is not played back into the copy kept (the plan's own is).
    let _ = super::journal::settle(plan, true, key);
    let readable = read_header(plan).is_ok() || encrypted;
    let conn = readable
        .then(|| {
            let conn =
                Connection::open_with_flags(plan, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
                    .ok()?;
            if let Some(key) = key {
                password::key(&conn, key).ok()?;
            }
            Some(conn)
        })
        .flatten();
    if let Some(conn) = conn {
        let _ = conn.busy_timeout(std::time::Duration::from_secs(10));
        let token = new_id();
        let computer = lock::computer_name();
        let me = Claimant {
            token: &token,
            holder: "",
            computer: &computer,
            pid: std::process::id(),
        };
        // A file too damaged to read its lock is copied raw below.
        if let Ok(held) = lock::read(&conn) {
            if let Some(held) = held.filter(|h| !lock::is_stale(h, now, &me)) {
                return Err(StoreError::ReadOnly(ReadOnlyReason::InUse(held.notice)));
            }
            if copy_into(&conn, folder, plan, now, "-before-restore").is_ok() {
                return Ok(());
            }
        }
    }
    std::fs::create_dir_all(folder).map_err(StoreError::io(format!(
        "cannot create the backup folder {}",
        folder.display()
    )))?;
    let name = unused_name(folder, &format!("{}-before-restore", stamp(now)));
    std::fs::copy(plan, folder.join(name)).map_err(StoreError::io(format!(
        "cannot keep a copy of {} before restoring",
        plan.display()
    )))?;
    Ok(())
}

/// Give every backup of the plan at `plan` the key `new` (none: plain) in place of `old`, so
/// a plan's backups open with the plan's own password. Each is rewritten into a new file and
/// renamed over the old one. A backup that does not open with `old` (one with a password of
/// long ago) is left as it is.
pub(crate) fn rekey_all(
    folders: &Folders,
    plan: &Path,
    old: Option<&Password>,
    new: Option<&Password>,
) -> Result<()> {
    for backup in list(folders, plan)? {
        let encrypted = password::is_encrypted(&backup.path);
        if encrypted != old.is_some() {
            continue;
        }
        let context = || {
            format!(
                "cannot give the backup {} the new password",
                backup.path.display()
            )
        };
        let conn =
            Connection::open_with_flags(&backup.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(StoreError::sqlite(context()))?;
        if let Some(old) = old {
            password::key(&conn, old)?;
        }
        if conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .is_err()
        {
            continue;
        }
        let folder = backup.path.parent().unwrap_or(Path::new("."));
        let temp = folder.join(format!(".{}.partial", new_id()));
        let written = password::export(&conn, &temp, new);
        drop(conn);
        written
            .and_then(|()| std::fs::rename(&temp, &backup.path).map_err(StoreError::io(context())))
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&temp);
            })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_carry_their_time_in_utc() {
        let at = Instant::parse("2026-06-01T09:05").unwrap();
        assert_eq!(
            stamp(at),
            "20260601T070500Z",
            "09:05 in Oslo summer is 07:05 UTC"
        );
        assert_eq!(taken_at("20260601T070500Z-before-restore.turnus"), Some(at));
        assert_eq!(taken_at("last.json"), None);
    }

    #[test]
    fn the_hash_naming_a_plan_folder_is_fnv1a_and_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(
            fnv1a(b"a"),
            0xaf63_dc4c_8601_ec8c,
            "the published FNV-1a test vector: backups of a plan stay in one folder across versions"
        );
    }
}
