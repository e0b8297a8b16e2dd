//! Rollback journals found beside a plan file before it is opened: the file's own, left by a
//! crash, is played back (also when the plan is only to be read); one that belongs to another
//! file is moved aside and never played back.
//!
//! SQLite plays back any hot `PLAN-journal` it finds, whichever file wrote it. A sync client
//! can put one there from another computer's crash, and playing it back would mix pages of two
//! files. So before SQLite sees the plan, a journal that is hot (no program is writing the
//! file now) is read the way SQLite would read it (header, page records, checksums) and
//! compared with the file: the page size; the file header in the journal's copy of page 1
//! (stable fields, and a change counter equal to the file's or one behind); and the
//! identity row (`super::identity`): the same file, and the file's state now or just before
//! the transaction the journal would undo. A journal failing any of these is foreign. Repairing
//! a damaged file is not done here; `super::open` refuses one.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::identity::{self, Identity};
use super::password::{self, Password};

const MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// The path of the rollback journal SQLite keeps beside `path`.
pub(crate) fn journal_of(path: &Path) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push("-journal");
    PathBuf::from(name)
}

/// What SQLite would play back from a journal.
struct Journal<'a> {
    page_size: usize,
    /// The file's size in pages before the transaction; playback cuts the file to it.
    initial_pages: u64,
    /// Page number and the page as it was, in the journal's order.
    records: Vec<(u32, &'a [u8])>,
}

fn word(bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 4) {
        Some(b) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        None => 0,
    }
}

/// SQLite's journal checksum: the nonce plus every 200th byte of the page, from the end.
fn checksum(nonce: u32, page: &[u8]) -> u32 {
    let mut sum = nonce;
    let mut i = page.len() as i64 - 200;
    while i > 0 {
        sum = sum.wrapping_add(u32::from(page[i as usize]));
        i -= 200;
    }
    sum
}

/// Read a journal as SQLite's playback does; `None` when SQLite would play nothing back.
fn parse(bytes: &[u8]) -> Option<Journal<'_>> {
    let first = bytes.get(..28)?;
    if first[..8] != MAGIC {
        return None;
    }
    let sector = word(first, 20) as usize;
    let page_size = word(first, 24) as usize;
    let valid = |n: usize, low: usize| (low..=65536).contains(&n) && n.is_power_of_two();
    if !valid(page_size, 512) || !valid(sector, 32) {
        return None;
    }
    let mut journal = Journal {
        page_size,
        initial_pages: u64::from(word(first, 16)),
        records: Vec::new(),
    };
    let record = page_size + 8;
    let mut at = 0;
    'segments: while let Some(header) = bytes.get(at..at + 28) {
        if header[..8] != MAGIC {
            break;
        }
        let count = word(header, 8);
        let nonce = word(header, 12);
        at += sector;
        let count = if count == u32::MAX {
            (bytes.len().saturating_sub(at) / record) as u32
        } else {
            count
        };
        for _ in 0..count {
            let Some(rec) = bytes.get(at..at + record) else {
                break 'segments;
            };
            let number = word(rec, 0);
            let page = &rec[4..4 + page_size];
            if number == 0 || checksum(nonce, page) != word(rec, 4 + page_size) {
                break 'segments;
            }
            journal.records.push((number, page));
            at += record;
        }
        at = at.div_ceil(sector) * sector;
    }
    Some(journal)
}

/// Why a journal is not the file's own, in words for the user, for an encrypted file: its
/// header and pages are readable only with the key, so the journal's copy of page 1 (which
/// every transaction changes, so every journal holds) must begin with the file's own salt, the
/// random first 16 bytes SQLCipher gives each file.
fn foreign_encrypted(journal: &Journal<'_>, file: &[u8]) -> Option<&'static str> {
    if !file.len().is_multiple_of(journal.page_size) {
        return Some("its pages are of another size");
    }
    match journal.records.iter().find(|(n, _)| *n == 1) {
        Some((_, page1)) if page1[..16] != file[..16] => {
            Some("it was written for another database")
        }
        Some(_) => None,
        None => {
            let before = journal
                .initial_pages
                .saturating_mul(journal.page_size as u64);
            (before != file.len() as u64).then_some("it would cut the file short")
        }
    }
}

/// Why a journal is not the file's own, in words for the user.
fn foreign(journal: &Journal<'_>, file: &[u8]) -> Option<&'static str> {
    if &file[..16] != b"SQLite format 3\0" {
        return foreign_encrypted(journal, file);
    }
    let page_size = match u16::from_be_bytes([file[16], file[17]]) {
        1 => 65536,
        n => usize::from(n),
    };
    if journal.page_size != page_size {
        return Some("its pages are of another size");
    }
    if journal.records.is_empty() {
        // Nothing to put back: playback would only cut the file to its size before.
        let before = journal.initial_pages.saturating_mul(page_size as u64);
        return (before != file.len() as u64).then_some("it would cut the file short");
    }
    if let Some((_, page1)) = journal.records.iter().find(|(n, _)| *n == 1) {
        let stable = [16..24, 44..48, 56..60, 68..72];
        if stable.iter().any(|r| page1[r.clone()] != file[r.clone()]) {
            return Some("it was written for another database");
        }
        let (then, now) = (word(page1, 24), word(file, 24));
        if now != then && now != then.wrapping_add(1) {
            return Some("it was written for another state of the file");
        }
    }
    let theirs = journal
        .records
        .iter()
        .find_map(|(n, page)| identity::in_page(page, *n));
    let ours: Option<Identity> = file
        .chunks(page_size)
        .enumerate()
        .find_map(|(i, page)| identity::in_page(page, i as u32 + 1));
    match (theirs, ours) {
        (Some(theirs), Some(ours)) if theirs.file != ours.file => {
            Some("it was written for another plan file")
        }
        (Some(theirs), Some(ours))
            if theirs.state != ours.state && theirs.state != ours.previous =>
        {
            Some("it was written for another copy of this plan")
        }
        (Some(_), None) => Some("it was written for another plan file"),
        // Without an identity in the journal (a file of an older Turnus, another program's
        // edit) the page-1 checks above are all there is: SQLite plays it back as always.
        _ => None,
    }
}

/// True when a program holds SQLite's reserved lock on `path`, i.e. is writing it now and its
/// journal is not left from a crash; `None` when that cannot be told. Asks SQLite's own file
/// layer, so the answer is SQLite's on every system.
fn being_written(path: &Path) -> Option<bool> {
    use rusqlite::ffi;
    let full = std::fs::canonicalize(path).ok()?;
    let name = std::ffi::CString::new(full.to_str()?).ok()?;
    // SAFETY: the calls follow SQLite's VFS contract: the file object is zeroed, aligned
    // storage of `szOsFile` bytes that outlives the open file; the name comes from
    // `sqlite3_create_filename` and is freed after the file is closed; methods are called only
    // when the open succeeded and set them.
    unsafe {
        let vfs = ffi::sqlite3_vfs_find(std::ptr::null());
        if vfs.is_null() {
            return None;
        }
        let open = (*vfs).xOpen?;
        let empty = c"".as_ptr();
        let filename =
            ffi::sqlite3_create_filename(name.as_ptr(), empty, empty, 0, std::ptr::null_mut());
        if filename.is_null() {
            return None;
        }
        let words = usize::try_from((*vfs).szOsFile)
            .unwrap_or(0)
            .div_ceil(8)
            .max(1);
        let mut storage = vec![0u64; words];
        let file = storage.as_mut_ptr().cast::<ffi::sqlite3_file>();
        let mut flags = 0;
        let opened = open(
            vfs,
            filename,
            file,
            ffi::SQLITE_OPEN_READONLY | ffi::SQLITE_OPEN_MAIN_DB,
            &mut flags,
        );
        let mut answer = None;
        if opened == ffi::SQLITE_OK && !(*file).pMethods.is_null() {
            let methods = &*(*file).pMethods;
            if let Some(check) = methods.xCheckReservedLock {
                let mut reserved = 0;
                if check(file, &mut reserved) == ffi::SQLITE_OK {
                    answer = Some(reserved != 0);
                }
            }
            if let Some(close) = methods.xClose {
                close(file);
            }
        }
        ffi::sqlite3_free_filename(filename);
        answer
    }
}

/// Move a foreign journal to `PLAN.foreign-journal` (or `…-2`, …) beside the plan; returns
/// where it went. It is kept, never deleted: it may be someone's unfinished work.
fn set_aside(path: &Path, journal: &Path) -> Result<PathBuf> {
    let base = format!("{}.foreign-journal", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 2;
    while target.exists() {
        target = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    std::fs::rename(journal, &target).map_err(StoreError::io(format!(
        "cannot move the journal {} that belongs to another file out of the way",
        journal.display()
    )))?;
    Ok(target)
}

/// Let SQLite play back the file's own journal now, so that even a plan opened only for
/// reading is read as it was before the crash.
fn roll_back(path: &Path, may_write: bool, key: Option<&Password>) -> Result<()> {
    let interrupted = || StoreError::Interrupted(path.to_path_buf());
    if !may_write {
        return Err(interrupted());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| interrupted())?;
    if let Some(key) = key {
        password::key(&conn, key)?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(StoreError::sqlite(format!(
            "cannot open {}",
            path.display()
        )))?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::PermissionDenied
                )
            ) =>
        {
            Err(interrupted())
        }
        // Damage is found and worded by the checks that follow.
        Err(_) => Ok(()),
    }
}

/// Deal with a journal beside `path` before SQLite sees the file: play back the file's own,
/// move aside one that belongs to another file (returning where it went). `may_write`: the
/// file and its folder may be written (needed to play a journal back).
pub(crate) fn settle(
    path: &Path,
    may_write: bool,
    key: Option<&Password>,
) -> Result<Option<PathBuf>> {
    let journal = journal_of(path);
    let bytes = match std::fs::read(&journal) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(format!("cannot read {}", journal.display()))(e)),
    };
    // An empty journal, or one whose first byte is zero, is not hot: SQLite ignores it.
    if bytes.first().is_none_or(|b| *b == 0) {
        return Ok(None);
    }
    // A program writing the file now owns the journal; SQLite waits for it.
    if being_written(path) != Some(false) {
        return Ok(None);
    }
    if let Some(parsed) = parse(&bytes) {
        let file = std::fs::read(path)
            .map_err(StoreError::io(format!("cannot read {}", path.display())))?;
        if file.len() >= 100 && foreign(&parsed, &file).is_some() {
            return set_aside(path, &journal).map(Some);
        }
    }
    roll_back(path, may_write, key)?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_is_sqlites_every_200th_byte_from_the_end() {
        let mut page = vec![0u8; 1024];
        page[824] = 1;
        page[624] = 2;
        page[424] = 3;
        page[224] = 4;
        page[24] = 5;
        page[0] = 100;
        assert_eq!(checksum(10, &page), 25, "byte 0 is never counted");
    }

    /// A journal of `records` pages of `page_size` bytes, as SQLite writes one.
    fn journal(page_size: usize, initial_pages: u32, records: &[(u32, Vec<u8>)]) -> Vec<u8> {
        let sector = 512;
        let nonce = 7;
        let mut bytes = MAGIC.to_vec();
        for value in [
            records.len() as u32,
            nonce,
            initial_pages,
            sector,
            page_size as u32,
        ] {
            bytes.extend(value.to_be_bytes());
        }
        bytes.resize(sector as usize, 0);
        for (number, page) in records {
            bytes.extend(number.to_be_bytes());
            bytes.extend(page);
            bytes.extend(checksum(nonce, page).to_be_bytes());
        }
        bytes
    }

    /// A file of `pages` pages of 1024 bytes whose header says so, with change counter `count`.
    fn file(pages: usize, count: u32) -> Vec<u8> {
        let mut bytes = vec![0u8; 1024 * pages];
        bytes[..16].copy_from_slice(b"SQLite format 3\0");
        bytes[16..18].copy_from_slice(&1024u16.to_be_bytes());
        bytes[24..28].copy_from_slice(&count.to_be_bytes());
        bytes[68..72].copy_from_slice(&super::super::APPLICATION_ID.to_be_bytes());
        bytes
    }

    #[test]
    fn journals_are_told_apart_by_page_size_size_page_one_and_change_counter() {
        let live = file(4, 10);
        let page1 = |count: u32| file(1, count);
        let verdict = |bytes: &[u8]| foreign(&parse(bytes).expect("a journal"), &live);
        assert_eq!(
            verdict(&journal(1024, 4, &[(1, page1(10))])),
            None,
            "before any write"
        );
        assert_eq!(
            verdict(&journal(1024, 4, &[(1, page1(9))])),
            None,
            "page 1 written"
        );
        assert!(
            verdict(&journal(1024, 4, &[(1, page1(3))])).is_some(),
            "another state"
        );
        assert!(
            verdict(&journal(2048, 4, &[])).is_some(),
            "another page size"
        );
        assert_eq!(
            verdict(&journal(1024, 4, &[])),
            None,
            "nothing to put back, same size"
        );
        assert!(
            verdict(&journal(1024, 2, &[])).is_some(),
            "would cut the file short"
        );
        let mut other = page1(10);
        other[68] ^= 1;
        assert!(
            verdict(&journal(1024, 4, &[(1, other)])).is_some(),
            "another program's"
        );
    }

    #[test]
    fn a_record_with_a_bad_checksum_ends_what_is_played_back() {
        let mut bytes = journal(1024, 4, &[(2, vec![1; 1024]), (3, vec![2; 1024])]);
        let second = 512 + (1024 + 8) + 4;
        bytes[second + 24] ^= 0xff;
        let parsed = parse(&bytes).expect("a journal");
        assert_eq!(
            parsed.records.len(),
            1,
            "SQLite stops at the damaged record"
        );
    }

    #[test]
    fn a_journal_without_sqlites_magic_is_nothing_to_play_back() {
        assert!(parse(b"not a journal at all, just some bytes").is_none());
    }
}
