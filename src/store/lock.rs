//! The lock record inside a plan file: who edits it now, from which computer, since when, and
//! a heartbeat that shows the program is still running.
//!
//! A second program that finds a live lock opens the file read-only and shows a
//! [`LockNotice`] ("i bruk av Kari på STUE-PC siden 22.11.2026 15:04"), unless the user chooses
//! to take over. A lock whose heartbeat is older than [`STALE_AFTER_SECONDS`], or that a
//! program on this computer left behind when it died, is taken over without asking. The lock
//! is advisory between Turnus programs; SQLite's own file locking keeps each transaction whole
//! either way. Renewing the heartbeat on a timer is the caller's job (the core reads no clock).

use std::fmt;

use rusqlite::{Connection, OptionalExtension};

use super::error::{Result, StoreError};
use crate::time::Instant;

/// A lock whose heartbeat is older than this many seconds (2 minutes) is stale: its program
/// has stopped, or its computer sleeps or has lost the shared folder.
pub const STALE_AFTER_SECONDS: i64 = 120;

/// How often a program holding a plan file should renew its heartbeat, in seconds.
pub const HEARTBEAT_EVERY_SECONDS: i64 = 30;

/// Who holds a plan file: shown to a second program that opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockNotice {
    /// The holder's name (the user name of the program holding the file).
    pub holder: String,
    /// The holder's computer.
    pub computer: String,
    /// The holder's process id on that computer.
    pub pid: u32,
    /// When the holder opened the file.
    pub since: Instant,
    /// The holder's last sign of life.
    pub heartbeat: Instant,
}

impl fmt::Display for LockNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "i bruk av {} på {} siden {}",
            self.holder,
            self.computer,
            self.since.display_local()
        )
    }
}

/// The lock row as stored.
#[derive(Clone, Debug)]
pub(crate) struct LockRecord {
    pub token: String,
    pub notice: LockNotice,
}

/// Who is opening the file.
#[derive(Clone, Debug)]
pub(crate) struct Claimant<'a> {
    pub token: &'a str,
    pub holder: &'a str,
    pub computer: &'a str,
    pub pid: u32,
}

/// The lock row, if the file has one (files of schema version 1 have no lock table).
pub(crate) fn read(conn: &Connection) -> Result<Option<LockRecord>> {
    let context = "failed to read the lock record of the plan file";
    let has_table: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plan_lock')",
            [],
            |r| r.get(0),
        )
        .map_err(StoreError::sqlite(context))?;
    if !has_table {
        return Ok(None);
    }
    conn.query_row(
        "SELECT token, holder, computer, pid, since, heartbeat FROM plan_lock WHERE id = 1",
        [],
        |r| {
            Ok(LockRecord {
                token: r.get(0)?,
                notice: LockNotice {
                    holder: r.get(1)?,
                    computer: r.get(2)?,
                    pid: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                    since: Instant::from_unix(r.get(4)?),
                    heartbeat: Instant::from_unix(r.get(5)?),
                },
            })
        },
    )
    .optional()
    .map_err(StoreError::sqlite(context))
}

/// True when nobody holds the lock any more: its heartbeat is too old, or it was left by a
/// program on this computer that no longer runs.
pub(crate) fn is_stale(record: &LockRecord, now: Instant, me: &Claimant<'_>) -> bool {
    if now - record.notice.heartbeat > STALE_AFTER_SECONDS {
        return true;
    }
    record.notice.computer == me.computer
        && record.notice.pid != me.pid
        && !process_runs(record.notice.pid)
}

/// Whether process `pid` runs on this computer; where that cannot be told, it is assumed to.
fn process_runs(pid: u32) -> bool {
    let proc = std::path::Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

/// Write `me` as the holder, from `now`.
pub(crate) fn take(conn: &Connection, me: &Claimant<'_>, now: Instant) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO plan_lock (id, token, holder, computer, pid, since, heartbeat)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?5)",
        rusqlite::params![me.token, me.holder, me.computer, me.pid, now.unix()],
    )
    .map_err(StoreError::sqlite("failed to write the lock record"))?;
    Ok(())
}

/// Check inside a write transaction that `token` still holds the lock, and renew the heartbeat.
pub(crate) fn confirm(conn: &Connection, token: &str, now: Instant) -> Result<()> {
    match read(conn)? {
        Some(record) if record.token == token => {
            conn.execute(
                "UPDATE plan_lock SET heartbeat = MAX(heartbeat, ?1) WHERE id = 1",
                [now.unix()],
            )
            .map_err(StoreError::sqlite("failed to renew the lock heartbeat"))?;
            Ok(())
        }
        Some(record) => Err(StoreError::LockLost(record.notice)),
        None => Err(StoreError::LockLost(LockNotice {
            holder: String::from("ukjent"),
            computer: String::from("ukjent maskin"),
            pid: 0,
            since: now,
            heartbeat: now,
        })),
    }
}

/// Remove the lock if `token` holds it.
pub(crate) fn release(conn: &mut Connection, token: &str) -> Result<()> {
    let context = "failed to remove the lock record";
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(StoreError::sqlite(context))?;
    super::identity::stamp(&tx)?;
    tx.execute("DELETE FROM plan_lock WHERE id = 1 AND token = ?1", [token])
        .map_err(StoreError::sqlite(context))?;
    tx.commit().map_err(StoreError::sqlite(context))
}

/// This computer's name, for the lock record; "ukjent maskin" when it cannot be found.
pub fn computer_name() -> String {
    let from_env = ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty());
    let from_file = || {
        ["/proc/sys/kernel/hostname", "/etc/hostname"]
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|s| s.trim().to_string())
            .find(|s| !s.is_empty())
    };
    from_env
        .or_else(from_file)
        .unwrap_or_else(|| String::from("ukjent maskin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(computer: &str, pid: u32, heartbeat: i64) -> LockRecord {
        LockRecord {
            token: "other".into(),
            notice: LockNotice {
                holder: "Kari".into(),
                computer: computer.into(),
                pid,
                since: Instant::from_unix(0),
                heartbeat: Instant::from_unix(heartbeat),
            },
        }
    }

    #[test]
    fn a_lock_is_stale_after_two_minutes_without_heartbeat() {
        let me = Claimant {
            token: "mine",
            holder: "Ola",
            computer: "KONTOR",
            pid: std::process::id(),
        };
        let now = Instant::from_unix(10_000);
        assert!(!is_stale(&record("STUE-PC", 1, 10_000 - 120), now, &me));
        assert!(is_stale(&record("STUE-PC", 1, 10_000 - 121), now, &me));
        assert!(
            !is_stale(&record("STUE-PC", 1, 10_000 + 30), now, &me),
            "a heartbeat from a clock a little ahead is live"
        );
    }

    #[test]
    fn the_notice_reads_in_norwegian_with_local_time() {
        let mut r = record("STUE-PC", 1, 0);
        r.notice.since = Instant::parse("2026-01-15T14:30").unwrap();
        assert_eq!(
            r.notice.to_string(),
            "i bruk av Kari på STUE-PC siden 15.01.2026 14:30"
        );
    }
}
