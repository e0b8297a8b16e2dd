//! The plan file against what an adversarial run did to it: a hot journal of another file
//! beside the plan, a crash followed by a read-only open, damage `quick_check` does not see,
//! and refused edits. Crashes are real: this test binary runs itself as a child (switched by
//! an environment variable) that stops in the middle of a transaction and is killed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use turnus::model::{Assistant, AssistantId, ServiceType, Shift, ShiftId, ShiftStatus};
use turnus::store::{Edit, OpenOptions, PlanFile, StoreError};
use turnus::time::Instant;

const MID_WRITE_CHILD: &str = "TURNUS_TEST_MID_WRITE_CHILD";

fn t0() -> Instant {
    Instant::parse("2026-06-01T09:00").expect("a valid time")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("turnus-hardening-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn shift(i: usize, note: &str) -> Shift {
    let start = t0().plus(i as i64 * 3600 * 8);
    Shift {
        id: ShiftId(format!("s{i:04}")),
        assistant: Some(AssistantId("A".into())),
        start,
        end: start.plus(3600 * 7),
        break_minutes: 30,
        passive_minutes: 0,
        long_shift: false,
        service: ServiceType::PersonligAssistanse,
        status: ShiftStatus::Planned,
        note: note.into(),
        shift_type: None,
        created_at: None,
        updated_at: None,
        actual: None,
        not_worked_reason: None,
        unplanned: false,
        personlig_stell: false,
    }
}

/// A plan file of some size (many pages, so a transaction touches many), closed.
fn plan_with_shifts(path: &Path, note: &str) {
    let mut plan = PlanFile::create(path, &OpenOptions::new("Kari", t0())).expect("created");
    plan.add_assistant(t0(), &Assistant::new("A", "Ola"))
        .expect("an assistant");
    let adds: Vec<Edit> = (0..600).map(|i| Edit::AddShift(shift(i, note))).collect();
    plan.apply(t0(), "add shifts", &adds).expect("shifts");
    plan.close().expect("closed");
}

fn read_only() -> OpenOptions {
    OpenOptions {
        read_only: true,
        ..OpenOptions::new("test", t0())
    }
}

/// The plan as plan JSON, read without writing.
fn content(path: &Path) -> String {
    let plan = PlanFile::open(path, &read_only()).expect("the plan opens");
    turnus::interchange::write_plan(&plan.load_plan().expect("the plan loads"))
}

fn integrity(path: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("SQLite opens the file");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap_or_else(|e| e.to_string())
}

fn journal(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-journal", path.display()))
}

/// The child: a transaction as Turnus makes one (it first gives the file's identity row a new
/// state, as every Turnus transaction does), changing every shift with a cache so small that
/// SQLite writes changed pages into the file before the commit; then it waits to be killed.
#[test]
fn mid_write_child() {
    let Some(path) = std::env::var_os(MID_WRITE_CHILD) else {
        return;
    };
    let conn = rusqlite::Connection::open(PathBuf::from(path)).expect("the child opens");
    conn.execute_batch(
        "PRAGMA cache_size = 4;
         BEGIN IMMEDIATE;
         UPDATE plan_file
            SET identity = substr(identity, 1, 45) || lower(hex(randomblob(16))) || '/'
                           || substr(identity, 46, 32)
          WHERE id = 1;
         UPDATE shifts SET note = 'half-saved ' || id || ' ' || hex(randomblob(40));",
    )
    .expect("the child writes");
    println!("mid-write");
    std::thread::sleep(std::time::Duration::from_secs(600));
}

/// Leave `path` as a crash leaves it: a writer killed in the middle of a transaction, with its
/// hot journal beside the file and some of its pages already in the file.
fn crash_while_writing(path: &Path) {
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "mid_write_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(MID_WRITE_CHILD, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    while !line.contains("mid-write") {
        line.clear();
        assert!(
            out.read_line(&mut line).expect("the child's output") > 0,
            "the child must reach the middle of its transaction"
        );
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    let hot = std::fs::metadata(journal(path))
        .map(|m| m.len())
        .unwrap_or(0);
    assert!(hot > 0, "the killed writer leaves a hot journal");
}

#[test]
fn a_journal_of_another_plan_beside_the_plan_is_set_aside_and_never_played_back() {
    let dir = temp_dir("foreign");
    let a = dir.join("a.turnus");
    let b = dir.join("b.turnus");
    plan_with_shifts(&a, "plan A");
    plan_with_shifts(&b, "plan B");
    let before = content(&a);
    crash_while_writing(&b);
    let theirs = std::fs::read(journal(&b)).unwrap();
    // A sync client delivers B's journal under A's name.
    std::fs::write(journal(&a), &theirs).unwrap();

    let mut plan = PlanFile::open(&a, &OpenOptions::new("Kari", t0()))
        .expect("A opens despite the journal beside it");
    assert_eq!(integrity(&a), "ok", "A is not damaged");
    assert!(
        turnus::interchange::write_plan(&plan.load_plan().unwrap()) == before,
        "A holds exactly its own plan, none of B's pages"
    );
    let aside = plan
        .set_aside_journal()
        .expect("the foreign journal is reported as moved")
        .to_path_buf();
    plan.add_assistant(t0(), &Assistant::new("B", "Per"))
        .expect("A can be edited");
    plan.close().unwrap();
    assert_eq!(integrity(&a), "ok", "A stays sound after an edit");
    assert!(content(&a).contains("Per"), "the edit is saved");
    assert!(!journal(&a).exists(), "no journal is left beside A");
    assert_eq!(
        aside,
        PathBuf::from(format!("{}.foreign-journal", a.display()))
    );
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        theirs,
        "the journal is kept whole, never deleted"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_journal_of_another_copy_of_the_same_plan_is_set_aside_too() {
    let dir = temp_dir("copy");
    let here = dir.join("plan.turnus");
    plan_with_shifts(&here, "shared plan");
    // The same plan on another computer: a copy, where a crash happens after an edit here.
    let there = dir.join("elsewhere.turnus");
    std::fs::copy(&here, &there).unwrap();
    // Both copies move on by one edit each (so their change counters agree and only the
    // identity's state tells them apart), then the other one crashes.
    for (path, name) in [(&here, "Per"), (&there, "Pål")] {
        let mut plan = PlanFile::open(path, &OpenOptions::new("Kari", t0())).unwrap();
        plan.add_assistant(t0(), &Assistant::new("B", name))
            .unwrap();
        plan.close().unwrap();
    }
    let counter = |p: &Path| std::fs::read(p).unwrap()[24..28].to_vec();
    assert_eq!(
        counter(&here),
        counter(&there),
        "the same number of commits"
    );
    let before = content(&here);
    crash_while_writing(&there);
    std::fs::copy(journal(&there), journal(&here)).unwrap();

    let plan = PlanFile::open(&here, &read_only()).expect("the plan opens");
    assert!(
        plan.set_aside_journal().is_some(),
        "the copy's journal is set aside"
    );
    drop(plan);
    assert_eq!(integrity(&here), "ok");
    assert!(content(&here) == before, "the plan is exactly as it was");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_plans_own_journal_after_a_crash_is_played_back_even_for_a_read_only_open() {
    let dir = temp_dir("own");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "before the crash");
    let before = content(&path);
    crash_while_writing(&path);

    let plan = PlanFile::open(&path, &read_only())
        .expect("a read-only open after a crash works: the unfinished change is undone first");
    assert!(
        plan.set_aside_journal().is_none(),
        "the own journal is not set aside"
    );
    let loaded = turnus::interchange::write_plan(&plan.load_plan().unwrap());
    drop(plan);
    assert!(loaded == before, "the half-saved change is gone, all of it");
    assert!(
        !journal(&path).exists(),
        "the journal was played back and removed"
    );
    assert_eq!(integrity(&path), "ok");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_crashed_plan_that_cannot_be_written_is_refused_in_plain_words() {
    let dir = temp_dir("own-readonly");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "before the crash");
    crash_while_writing(&path);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    let bytes = std::fs::read(&path).unwrap();

    let refused = PlanFile::open(&path, &read_only()).err().expect("refused");
    assert!(
        matches!(refused, StoreError::Interrupted(_)),
        "said as what happened, not as a SQLite error: {refused}"
    );
    let text = refused.to_string();
    assert!(
        text.contains("stopped in the middle of saving") && !text.contains("readonly database"),
        "{text}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing was written");
    assert!(
        journal(&path).exists(),
        "the journal is kept for a later repair"
    );
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    assert!(
        PlanFile::open(&path, &read_only()).is_ok(),
        "writable again, it is repaired"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Flip one byte in a page of the index of shifts by end time, chosen so that `quick_check`
/// still passes but `integrity_check` does not: the damage an adversarial run found.
fn damage_an_index(path: &Path) {
    let (root, page_size): (i64, i64) = {
        let conn = rusqlite::Connection::open(path).unwrap();
        (
            conn.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'shifts_by_end'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
            conn.query_row("PRAGMA page_size", [], |r| r.get(0))
                .unwrap(),
        )
    };
    let original = std::fs::read(path).unwrap();
    let page = ((root - 1) * page_size) as usize;
    for back in 2..page_size as usize {
        let mut bytes = original.clone();
        bytes[page + page_size as usize - back] ^= 0x01;
        std::fs::write(path, &bytes).unwrap();
        let conn =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let quick: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap_or_default();
        let full: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap_or_default();
        if quick == "ok" && full != "ok" {
            return;
        }
    }
    panic!("no byte of the index page gives damage that only integrity_check finds");
}

#[test]
fn index_damage_that_quick_check_misses_is_refused_before_anything_is_written() {
    let dir = temp_dir("index");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "index");
    damage_an_index(&path);
    let bytes = std::fs::read(&path).unwrap();
    let refused = PlanFile::open(&path, &OpenOptions::new("Kari", t0()))
        .err()
        .expect("opening to write refuses a damaged file");
    assert!(
        matches!(refused, StoreError::Corrupt { .. }),
        "as damage: {refused}"
    );
    assert!(
        refused.to_string().contains("turnus backup list"),
        "says where the copies are: {refused}"
    );
    let one_shot = OpenOptions {
        lock_on_edit: true,
        ..OpenOptions::new("Kari", t0())
    };
    assert!(PlanFile::open(&path, &one_shot).is_err());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file was not touched"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_plan_cut_short_by_one_byte_is_refused_as_damaged() {
    let dir = temp_dir("cut");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "cut");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.pop();
    std::fs::write(&path, &bytes).unwrap();
    for options in [read_only(), OpenOptions::new("Kari", t0())] {
        let refused = PlanFile::open(&path, &options).err().expect("refused");
        assert!(
            matches!(refused, StoreError::Corrupt { .. }),
            "as damage: {refused}"
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file was not touched"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_refused_edit_without_a_lock_leaves_the_file_byte_for_byte() {
    let dir = temp_dir("refused");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "refused");
    let bytes = std::fs::read(&path).unwrap();
    let one_shot = OpenOptions {
        lock_on_edit: true,
        ..OpenOptions::new("Kari", t0())
    };
    let mut plan = PlanFile::open(&path, &one_shot).unwrap();
    let refused = plan
        .apply(
            t0(),
            "add",
            &[
                Edit::AddAssistant(Assistant::new("B", "Per")),
                Edit::AddAssistant(Assistant::new("A", "Ola igjen")),
            ],
        )
        .expect_err("a second assistant A is refused");
    assert!(matches!(refused, StoreError::Duplicate { .. }), "{refused}");
    drop(plan);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "opening, the refused edit and closing wrote nothing"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_edit_without_a_lock_is_refused_while_another_program_holds_the_plan() {
    let dir = temp_dir("held");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "held");
    let holder = PlanFile::open(
        &path,
        &OpenOptions {
            computer: "STUE-PC".into(),
            ..OpenOptions::new("Kari", t0())
        },
    )
    .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let one_shot = OpenOptions {
        lock_on_edit: true,
        ..OpenOptions::new("Ola", t0().plus(10))
    };
    let mut plan = PlanFile::open(&path, &one_shot).unwrap();
    let refused = plan
        .add_assistant(t0().plus(10), &Assistant::new("B", "Per"))
        .expect_err("refused");
    assert!(refused.to_string().contains("i bruk av Kari"), "{refused}");
    drop(plan);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    drop(holder);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn read_only_commands_after_a_crash_read_the_plan_as_it_was_before_it() {
    let dir = temp_dir("cli-after-crash");
    let path = dir.join("plan.turnus");
    plan_with_shifts(&path, "before the crash");
    crash_while_writing(&path);
    let file = path.to_string_lossy().into_owned();
    for args in [
        vec!["turnus", "check", &file],
        vec!["turnus", "hours", &file, "--year", "2026"],
        vec!["turnus", "export", "json", &file],
    ] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = turnus::cli::run_with(
            args.iter().map(std::ffi::OsString::from),
            &mut out,
            &mut err,
        );
        let err = String::from_utf8_lossy(&err);
        assert!(
            code == turnus::cli::EXIT_OK || code == turnus::cli::EXIT_VIOLATIONS,
            "{args:?} works after a crash: {err}"
        );
        assert!(!err.contains("readonly"), "{err}");
        let out = String::from_utf8_lossy(&out);
        assert!(
            !out.contains("half-saved"),
            "{args:?} shows no half-saved change"
        );
    }
    assert_eq!(integrity(&path), "ok");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_line_says_where_a_foreign_journal_went() {
    let dir = temp_dir("cli-foreign");
    let a = dir.join("a.turnus");
    let b = dir.join("b.turnus");
    plan_with_shifts(&a, "plan A");
    plan_with_shifts(&b, "plan B");
    crash_while_writing(&b);
    std::fs::copy(journal(&b), journal(&a)).unwrap();
    let file = a.to_string_lossy().into_owned();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = turnus::cli::run_with(
        ["turnus", "export", "json", &file].map(std::ffi::OsString::from),
        &mut out,
        &mut err,
    );
    let err = String::from_utf8_lossy(&err);
    assert_eq!(code, turnus::cli::EXIT_OK, "{err}");
    assert!(
        err.contains("hørte til en annen fil") && err.contains(".foreign-journal"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out).contains("plan A"));
    assert_eq!(integrity(&a), "ok");
    let _ = std::fs::remove_dir_all(&dir);
}
