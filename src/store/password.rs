//! A plan file's optional password: SQLCipher (bundled into the program through rusqlite)
//! encrypts every page of the file, its rollback journal and its backups (AES-256, an HMAC per
//! page) with a 256-bit key. The key is derived from the password here, with Argon2id
//! ([`KDF_MEMORY_KIB`], [`KDF_PASSES`], [`KDF_LANES`]) and the random salt SQLCipher keeps in the
//! file's first 16 bytes, and handed to SQLCipher as a raw key, so SQLCipher's own
//! PBKDF2 is not run. Argon2id needs 46 MiB of memory per guess, which is what makes guessing
//! expensive on the graphics cards a thief would use; PBKDF2 costs a guesser only time, and
//! for the same protection (OWASP's password-storage advice lists the two settings as equal) it
//! costs the user about nine times as long at every open (docs/plan-file.md, "Password").
//!
//! The password and the keys live only in memory, in [`Password`] and [`Zeroizing`] buffers
//! whose bytes are overwritten when they are dropped; they are handed to SQLCipher with
//! `sqlite3_key_v2` or as a bound parameter, never written into SQL text, a file, a log or a
//! name. The last few keys derived are kept in memory ([`derive`]) until the plan is closed
//! ([`forget_keys`]), so the backups of a plan (which share its salt) and a reload after a
//! sync open without deriving again. Setting, changing and removing it write a new
//! copy of the plan beside it and rename the copy into place ([`export`]), so a crash leaves the
//! file as it was or fully changed. Deciding when to do that is `super`'s job.

use std::ffi::CString;
use std::io::Read;
use std::path::{Path, PathBuf};

use std::sync::Mutex;

use rusqlite::{Connection, TransactionBehavior};
use zeroize::Zeroizing;

use super::error::{Result, StoreError};
use crate::time::Instant;

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// A plan file's password, kept in memory only; its bytes are zeroed when it is dropped. It
/// crosses IPC as a plain string (`#[ts(type = "string")]`), read straight into this type.
#[derive(Clone, ts_rs::TS)]
#[ts(type = "string")]
pub struct Password(Zeroizing<String>);

impl<'de> serde::Deserialize<'de> for Password {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Password::new)
    }
}

impl Password {
    /// The password `text` (taken, not copied).
    pub fn new(text: String) -> Self {
        Password(Zeroizing::new(text))
    }

    /// The password as text, to hand to SQLCipher.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// Refuse a password shorter than [`MIN_PASSWORD_CHARS`] characters (a new one only: a
    /// file's existing password is whatever it is).
    pub fn check_new(&self) -> Result<()> {
        let chars = self.0.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(StoreError::PasswordTooShort {
                chars,
                min: MIN_PASSWORD_CHARS,
            });
        }
        Ok(())
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(hidden)")
    }
}

impl PartialEq for Password {
    /// Compares every byte whatever the first difference, so the time taken tells nothing.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

/// SQLCipher's settings for every Turnus file, set once per process (they are the library's):
///
/// - its own messages off: it writes them to stderr (a wrong key logs "hmac check failed"),
///   where the command line prints exactly one line;
/// - each page's HMAC with SHA-256 instead of SHA-512: as safe for checking a page, and
///   computed by the processor's own instructions on current x86 and ARM computers, so
///   reading an encrypted plan costs about half as much. Part of the file format, with the key.
pub(crate) fn cipher_defaults() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Ok(conn) = Connection::open_in_memory() {
            let _ = conn.execute_batch(
                "PRAGMA cipher_log_level = NONE;
                 PRAGMA cipher_default_hmac_algorithm = HMAC_SHA256;",
            );
        }
    });
}

/// Argon2id's memory per derivation, in KiB (46 MiB), with [`KDF_PASSES`] pass: OWASP's
/// first Argon2id setting. Part of the file format: a file encrypted with other settings would
/// not open.
pub const KDF_MEMORY_KIB: u32 = 47_104;
/// Argon2id's passes over its memory.
pub const KDF_PASSES: u32 = 1;
/// Argon2id's lanes, filled side by side on as many cores as the computer has: the same work
/// for a guesser (who runs many guesses side by side anyway), a quarter of the wait for the
/// user on four cores. Four, as RFC 9106 recommends.
pub const KDF_LANES: u32 = 4;

/// The length of SQLCipher's salt, the plain first bytes of an encrypted file.
const SALT_BYTES: usize = 16;

/// A key SQLCipher takes as it is: `x'` + 64 hex digits of the key + 32 of the salt + `'`.
type RawKey = Zeroizing<String>;

/// Keys derived lately, by salt and password: the backups of a plan share its salt, and a
/// plan reloaded after a sync, merged or reopened keeps it, so each needs no new derivation.
/// Only a few are kept, and only in memory.
static DERIVED: Mutex<Vec<([u8; SALT_BYTES], Password, RawKey)>> = Mutex::new(Vec::new());
const DERIVED_KEPT: usize = 4;

/// The raw key of `password` for a file with `salt`: Argon2id, remembered in [`DERIVED`].
fn derive(password: &Password, salt: &[u8; SALT_BYTES]) -> Result<RawKey> {
    let known = |derived: &Vec<([u8; SALT_BYTES], Password, RawKey)>| {
        derived
            .iter()
            .find(|(s, p, _)| s == salt && p == password)
            .map(|(_, _, k)| k.clone())
    };
    if let Some(key) = known(&DERIVED.lock().unwrap_or_else(|e| e.into_inner())) {
        return Ok(key);
    }
    let failed = |detail: String| {
        StoreError::sqlite(format!("failed to derive the plan file's key: {detail}"))(
            rusqlite::Error::InvalidQuery,
        )
    };
    let params = argon2::Params::new(KDF_MEMORY_KIB, KDF_PASSES, KDF_LANES, Some(32))
        .map_err(|e| failed(e.to_string()))?;
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut bytes = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into(password.as_str().as_bytes(), salt, &mut *bytes)
        .map_err(|e| failed(e.to_string()))?;
    let mut key = Zeroizing::new(String::with_capacity(3 + 2 * (32 + SALT_BYTES)));
    key.push_str("x'");
    for b in bytes.iter().chain(salt) {
        key.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
        key.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
    }
    key.push('\'');
    let mut derived = DERIVED.lock().unwrap_or_else(|e| e.into_inner());
    if derived.len() >= DERIVED_KEPT {
        derived.remove(0);
    }
    derived.push((*salt, password.clone(), key.clone()));
    Ok(key)
}

/// Forget every key derived so far (the session does when its plan is closed): the next open
/// of an encrypted file derives its key again.
pub fn forget_keys() {
    DERIVED.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// The salt of the encrypted file at `path`: its first 16 bytes. A file that is missing or
/// empty (about to be made) gets a new random salt.
fn salt_of(path: &Path) -> Result<[u8; SALT_BYTES]> {
    let mut salt = [0u8; SALT_BYTES];
    let empty = !matches!(std::fs::metadata(path), Ok(m) if m.len() > 0);
    if empty {
        getrandom::fill(&mut salt).map_err(|e| {
            StoreError::io("failed to make a salt for the plan file's key")(std::io::Error::other(
                e.to_string(),
            ))
        })?;
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut salt))
            .map_err(StoreError::io(format!("cannot read {}", path.display())))?;
    }
    Ok(salt)
}

/// The raw key of `password` for the file at `path`, as SQLCipher takes it (`PRAGMA key`,
/// `ATTACH … KEY`): derived with the file's salt, or with a new one for a file not yet written.
/// The only way to open a Turnus plan's file with another SQLCipher program.
pub fn key_for(path: &Path, password: &Password) -> Result<RawKey> {
    cipher_defaults();
    derive(password, &salt_of(path)?)
}

/// Give the connection `conn`, just opened on a file and not yet read, the key of `password`.
pub(crate) fn key(conn: &Connection, password: &Password) -> Result<()> {
    cipher_defaults();
    let path = conn.path().filter(|p| !p.is_empty()).ok_or_else(|| {
        StoreError::io("a plan in memory cannot have a password")(std::io::Error::other("no file"))
    })?;
    let raw = key_for(Path::new(path), password)?;
    let bytes = raw.as_bytes();
    let length = std::ffi::c_int::try_from(bytes.len()).map_err(|_| {
        StoreError::sqlite("the password is too long")(rusqlite::Error::InvalidQuery)
    })?;
    let main = CString::new("main").expect("no NUL in a constant");
    // SAFETY: the handle is the open connection's; SQLCipher copies the key bytes before it
    // returns and keeps no pointer to them.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_key_v2(conn.handle(), main.as_ptr(), bytes.as_ptr().cast(), length)
    };
    if rc == rusqlite::ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(StoreError::sqlite("failed to give the plan file its key")(
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rc), None),
        ))
    }
}

/// True when the file at `path` looks like an encrypted database: it is not a plain SQLite
/// file (its first bytes are not `SQLite format 3`), it is a whole number of pages of at least
/// 1,024 bytes long, and its first 16 bytes (SQLCipher's random salt) are not plain text.
/// Only opening it with the password proves it; an empty file or a text file never looks so.
pub fn is_encrypted(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = [0u8; 16];
    if file.read_exact(&mut head).is_err() {
        return false;
    }
    let text = head
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    &head != b"SQLite format 3\0"
        && length >= 1024
        && length.is_multiple_of(512)
        && !text
        && head.iter().any(|b| *b != 0)
}

/// Copy the whole database open on `conn` into a new file at `target`, encrypted with `key`,
/// or plain without one: tables, rows, indexes, `user_version` and `application_id`
/// (`sqlcipher_export` copies the schema and rows only). The copy is synced before this
/// returns. `conn` must not be inside a transaction.
pub(crate) fn export(conn: &Connection, target: &Path, key: Option<&Password>) -> Result<()> {
    let context = || format!("cannot write {}", target.display());
    let name = target.to_string_lossy();
    // An empty file is a new database to SQLite; made here, since a connection opened without
    // permission to create files attaches none.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
        .map_err(StoreError::io(context()))?;
    let raw = key.map(|k| key_for(target, k)).transpose()?;
    let key_text = raw.as_ref().map_or("", |k| k.as_str());
    conn.execute(
        "ATTACH DATABASE ?1 AS turnus_copy KEY ?2",
        rusqlite::params![name.as_ref(), key_text],
    )
    .map_err(StoreError::sqlite(context()))?;
    let copied = (|| {
        let (version, application): (i64, i64) = conn.query_row(
            "SELECT user_version, application_id FROM pragma_user_version, pragma_application_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        conn.execute_batch("PRAGMA turnus_copy.synchronous = FULL;")?;
        conn.query_row("SELECT sqlcipher_export('turnus_copy')", [], |_| Ok(()))?;
        conn.execute_batch(&format!(
            "PRAGMA turnus_copy.user_version = {version};
             PRAGMA turnus_copy.application_id = {application};"
        ))
    })();
    let detached = conn.execute_batch("DETACH DATABASE turnus_copy");
    copied.map_err(StoreError::sqlite(context()))?;
    detached.map_err(StoreError::sqlite(context()))?;
    std::fs::File::open(target)
        .and_then(|f| f.sync_all())
        .map_err(StoreError::io(context()))
}

impl super::PlanFile {
    /// True when the file is encrypted with a password.
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The password the file was opened with: its conflict copies and other copies of it
    /// have the same one (unless it was changed on one side).
    pub fn password(&self) -> Option<&Password> {
        self.password.as_ref()
    }

    /// Encrypt the plan file with `new` (at least [`MIN_PASSWORD_CHARS`] characters), and its
    /// backups with it. Refused when the file has a password already, or cannot be edited here.
    pub fn set_password(&mut self, new: &Password, now: Instant) -> Result<()> {
        let path = self.file_path()?;
        if self.password.is_some() {
            return Err(StoreError::HasPassword(path));
        }
        new.check_new()?;
        self.replace_key(Some(new), now)
    }

    /// Encrypt the plan file with `new` in place of `old`, which must be its password.
    pub fn change_password(&mut self, old: &Password, new: &Password, now: Instant) -> Result<()> {
        self.prove(old)?;
        new.check_new()?;
        self.replace_key(Some(new), now)
    }

    /// Store the plan file (and its backups) without encryption; `old` must be its password.
    pub fn remove_password(&mut self, old: &Password, now: Instant) -> Result<()> {
        self.prove(old)?;
        self.replace_key(None, now)
    }

    fn file_path(&self) -> Result<PathBuf> {
        self.path.clone().ok_or_else(|| {
            StoreError::io("a plan in memory has no file to protect with a password")(
                std::io::Error::other("no file"),
            )
        })
    }

    /// The file's password is `given` (the one it was opened with, so the file's own).
    fn prove(&self, given: &Password) -> Result<()> {
        let path = self.file_path()?;
        match &self.password {
            None => Err(StoreError::NoPassword(path)),
            Some(key) if key == given => Ok(()),
            Some(_) => Err(StoreError::WrongPassword(path)),
        }
    }

    /// Write the plan, encrypted with `new` or plain, into a copy beside the file, put the copy
    /// in place by rename, and go on with it; then give the backups the same key.
    ///
    /// The copy keeps every row, so the file's identity, the change log (undo and redo) and our
    /// lock record go with it. A new state is stamped first, in a transaction that also
    /// confirms the lock is still ours: a journal of the file as it was is then told apart
    /// from the copy's. `PRAGMA rekey` would change the file in place, but a crash during it
    /// leaves a journal whose pages have the old key and a file half in the new one; a copy and
    /// a rename leave the file as it was or wholly changed.
    fn replace_key(&mut self, new: Option<&Password>, now: Instant) -> Result<()> {
        let path = self.file_path()?;
        self.writable()?;
        let guard = self.guard();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sqlite(
                "failed to change the plan file's password",
            ))?;
        guard.confirm(&tx, now)?;
        tx.commit().map_err(StoreError::sqlite(
            "failed to change the plan file's password",
        ))?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = folder.join(format!(".{name}.rekeying-{}", super::new_id()));
        let remove_temp = |temp: &Path| {
            let _ = std::fs::remove_file(temp);
            let _ = std::fs::remove_file(super::journal::journal_of(temp));
        };
        if let Err(e) = export(&self.conn, &temp, new) {
            remove_temp(&temp);
            return Err(e);
        }
        // The file is closed before the rename (Windows cannot replace an open file).
        let placeholder = Connection::open_in_memory().map_err(StoreError::sqlite(
            "failed to change the plan file's password",
        ))?;
        drop(std::mem::replace(&mut self.conn, placeholder));
        let old = self.password.clone();
        let placed = std::fs::rename(&temp, &path);
        if placed.is_err() {
            remove_temp(&temp);
        }
        let key = if placed.is_ok() { new } else { old.as_ref() };
        match super::open::connect_written(&path, true, key) {
            Ok(conn) => self.conn = conn,
            Err(e) => {
                // Never go on editing the placeholder: the plan is read-only until reopened.
                self.access = super::Access::ReadOnly(super::ReadOnlyReason::Requested);
                return Err(e);
            }
        }
        if let Err(e) = placed {
            return Err(StoreError::io(format!("cannot write {}", path.display()))(
                e,
            ));
        }
        self.password = new.cloned();
        if let Some(folders) = &self.folders {
            self.backup_problem = super::backup::rekey_all(folders, &path, old.as_ref(), new)
                .err()
                .map(|e| e.to_string());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let p = Password::new("hemmelig-passord".into());
        assert_eq!(format!("{p:?}"), "Password(hidden)");
    }

    #[test]
    fn a_new_password_needs_eight_characters_counted_as_letters_not_bytes() {
        assert!(Password::new("1234567".into()).check_new().is_err());
        assert!(Password::new("12345678".into()).check_new().is_ok());
        assert!(
            Password::new("æøåæøåæ".into()).check_new().is_err(),
            "seven letters are seven, though they take fourteen bytes"
        );
    }

    #[test]
    fn passwords_compare_by_their_whole_text() {
        assert_eq!(
            Password::new("abcdefgh".into()),
            Password::new("abcdefgh".into())
        );
        assert_ne!(
            Password::new("abcdefgh".into()),
            Password::new("abcdefgi".into())
        );
        assert_ne!(
            Password::new("abcdefgh".into()),
            Password::new("abcdefg".into())
        );
    }
}
