//! The plan file's identity row (`plan_file`, schema version 6): which file this is, and which
//! state of it, readable from the raw bytes of the file and of a rollback journal.
//!
//! Every write transaction Turnus makes calls [`stamp`] first: it gives the file a new random
//! state and keeps the one before. The row is then the first page the transaction changes, so
//! the transaction's rollback journal holds it as it was. `super::journal` compares that with
//! the file to tell the file's own journal from one that belongs to another file. Reading the
//! row through SQLite is not possible at that moment (SQLite would play the journal back
//! first), so this module also finds it in raw pages. It does not decide what to do with a
//! journal.

use rusqlite::Connection;

use super::error::{Result, StoreError};

/// The text every identity starts with.
const MARK: &[u8] = b"turnus-file/";
/// The identity's length: `turnus-file/` and three times 32 hexadecimal digits, with `/`
/// between them.
const LENGTH: usize = 110;

/// Which file, and which state of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Identity {
    /// Random per file; a copy of the file keeps it.
    pub file: String,
    /// Random per transaction.
    pub state: String,
    /// The state before the last transaction.
    pub previous: String,
}

/// Give the file a new state, keeping the one before, inside the transaction on `conn`. A file
/// of a schema before version 6 has no identity row and is left as it is.
pub(crate) fn stamp(conn: &Connection) -> Result<()> {
    let sql = "UPDATE plan_file
               SET identity = substr(identity, 1, 45) || lower(hex(randomblob(16))) || '/'
                              || substr(identity, 46, 32)
               WHERE id = 1";
    match conn.prepare_cached(sql) {
        Ok(mut stmt) => stmt
            .execute([])
            .map(|_| ())
            .map_err(StoreError::sqlite("failed to mark the plan file's state")),
        Err(e) if e.to_string().contains("no such table") => Ok(()),
        Err(e) => Err(StoreError::sqlite("failed to mark the plan file's state")(
            e,
        )),
    }
}

/// The identity as stored, through SQL (`None` before schema version 6).
#[cfg(test)]
pub(crate) fn read(conn: &Connection) -> Option<Identity> {
    let text: String = conn
        .query_row("SELECT identity FROM plan_file WHERE id = 1", [], |r| {
            r.get(0)
        })
        .ok()?;
    parse(text.as_bytes())
}

/// The FILE part of the identity, through SQL (`None` before schema version 6).
pub(crate) fn file_of(conn: &Connection) -> Option<String> {
    let text: String = conn
        .query_row("SELECT identity FROM plan_file WHERE id = 1", [], |r| {
            r.get(0)
        })
        .ok()?;
    parse(text.as_bytes()).map(|identity| identity.file)
}

fn parse(bytes: &[u8]) -> Option<Identity> {
    let text = std::str::from_utf8(bytes.get(..LENGTH)?).ok()?;
    if !text.starts_with("turnus-file/") || &text[44..45] != "/" || &text[77..78] != "/" {
        return None;
    }
    Some(Identity {
        file: text[12..44].to_string(),
        state: text[45..77].to_string(),
        previous: text[78..110].to_string(),
    })
}

/// The identity row in one raw page of the file (`number` 1 holds the 100-byte file header
/// before its b-tree page header), if that page is a table leaf holding it. Only live cells
/// are read, never old bytes left in the page's free space.
pub(crate) fn in_page(page: &[u8], number: u32) -> Option<Identity> {
    let at = if number == 1 { 100 } else { 0 };
    let header = page.get(at..at + 8)?;
    if header[0] != 0x0D {
        return None;
    }
    let cells = usize::from(u16::from_be_bytes([header[3], header[4]]));
    (0..cells).find_map(|i| {
        let pointer = page.get(at + 8 + 2 * i..at + 10 + 2 * i)?;
        let cell = usize::from(u16::from_be_bytes([pointer[0], pointer[1]]));
        // The cell: payload size, rowid and record header (6 bytes here), then the text.
        let head = page.get(cell..cell + 12 + MARK.len())?;
        let offset = (0..12).find(|&o| &head[o..o + MARK.len()] == MARK)?;
        parse(page.get(cell + offset..)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_transaction_gives_a_new_state_and_keeps_the_one_before() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut conn).unwrap();
        let first = read(&conn).expect("a new file has an identity");
        let tx = conn.transaction().unwrap();
        stamp(&tx).unwrap();
        tx.commit().unwrap();
        let second = read(&conn).unwrap();
        assert_eq!(second.file, first.file, "the file stays the same file");
        assert_ne!(second.state, first.state, "a transaction gives a new state");
        assert_eq!(second.previous, first.state, "and keeps the one before");
    }

    #[test]
    fn the_identity_is_found_in_the_raw_page_that_holds_it() {
        let dir = std::env::temp_dir().join(format!("turnus-identity-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("plan.turnus");
        let mut conn = Connection::open(&path).unwrap();
        super::super::migrations::migrate(&mut conn).unwrap();
        let stored = read(&conn).unwrap();
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        let size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
        let found: Vec<Identity> = bytes
            .chunks(size)
            .enumerate()
            .filter_map(|(i, page)| in_page(page, i as u32 + 1))
            .collect();
        assert_eq!(found, vec![stored], "exactly one page holds the identity");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
