//! Schema migrations: SQL files embedded in the binary, applied in order, each in one
//! transaction together with the `user_version` it reaches.
//!
//! The file is marked as a Turnus plan by [`APPLICATION_ID`] in the same transaction as the
//! first migration. Checking a file before it is touched is `super::open`'s job.

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Result, StoreError};

/// `PRAGMA application_id` of every Turnus plan file: the bytes `TRNS` (0x54524E53).
pub const APPLICATION_ID: u32 = 0x5452_4E53;

/// The migrations, in order; the schema version after applying the n-th is n.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_base", include_str!("migrations/0001_base.sql")),
    (
        "0002_lock_and_log_indexes",
        include_str!("migrations/0002_lock_and_log_indexes.sql"),
    ),
    (
        "0003_busy_time",
        include_str!("migrations/0003_busy_time.sql"),
    ),
    (
        "0004_change_log_indexes",
        include_str!("migrations/0004_change_log_indexes.sql"),
    ),
    (
        "0005_adjusted_day_changes",
        include_str!("migrations/0005_adjusted_day_changes.sql"),
    ),
    (
        "0006_file_identity",
        include_str!("migrations/0006_file_identity.sql"),
    ),
    (
        "0007_cover_and_holidays",
        include_str!("migrations/0007_cover_and_holidays.sql"),
    ),
];

/// The schema version this build writes, and the newest it opens.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema version of the open database.
pub(crate) fn version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(StoreError::sqlite("failed to read the plan file version"))
}

/// Apply every migration after the file's version, up to `target`, each in its own
/// transaction.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    if version(conn)? >= target {
        return Ok(());
    }
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate() {
        let reaches = index as i64 + 1;
        if reaches > target {
            break;
        }
        let context = || format!("failed to upgrade the plan file with migration {name}");
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sqlite(context()))?;
        // Read inside the transaction: another program may have upgraded the file meanwhile.
        if version(&tx)? >= reaches {
            continue;
        }
        super::identity::stamp(&tx)?;
        tx.execute_batch(sql)
            .map_err(StoreError::sqlite(context()))?;
        if reaches == 1 {
            tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))
                .map_err(StoreError::sqlite(context()))?;
        }
        tx.execute_batch(&format!("PRAGMA user_version = {reaches}"))
            .map_err(StoreError::sqlite(context()))?;
        tx.commit().map_err(StoreError::sqlite(context()))?;
    }
    Ok(())
}

/// Apply every migration this build knows.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Create a plan file at `path` with the schema of an earlier `version` (1 to
/// [`SCHEMA_VERSION`]), as an older Turnus would have written it; used to test upgrades.
pub fn create_at_version(path: &std::path::Path, version: i64) -> Result<()> {
    let mut conn = Connection::open(path).map_err(StoreError::sqlite(format!(
        "cannot create {}",
        path.display()
    )))?;
    conn.execute_batch("PRAGMA journal_mode = DELETE")
        .map_err(StoreError::sqlite(format!(
            "cannot create {}",
            path.display()
        )))?;
    migrate_to(&mut conn, version.clamp(1, SCHEMA_VERSION))
}
