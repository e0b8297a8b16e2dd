//! A plan file with a password, on real files: SQLCipher makes it unreadable to `sqlite3` and
//! to a SQLite connection without the key; it opens with the password only; setting, changing
//! and removing the password keep the plan and its history; backups carry the plan's
//! password; the password is never written to disk; a file without a password works as before.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{json, Value};
use turnus::model::Assistant;
use turnus::session::commands::dispatch;
use turnus::session::{App, ErrorCode};
use turnus::store::backup;
use turnus::store::transfer::{export_plan, import_plan};
use turnus::store::{is_encrypted, Folders, OpenOptions, Password, PlanFile, StoreError};
use turnus::time::{Instant, HOUR};

const SECRET: &str = "Fjellbekk-Sommer-1987";
const OTHER: &str = "Havørn og måke 2026";

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("a valid test time")
}

fn now() -> Instant {
    t("2026-06-01T09:00")
}

fn pw(text: &str) -> Password {
    Password::new(text.to_string())
}

fn setup(name: &str) -> (PathBuf, Folders) {
    let root = std::env::temp_dir().join(format!("turnus-crypt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("plans")).expect("a temporary folder");
    (
        root.join("plans").join("plan.turnus"),
        Folders::under(&root),
    )
}

fn options(folders: &Folders, password: Option<&str>) -> OpenOptions {
    OpenOptions {
        password: password.map(pw),
        ..OpenOptions::new("Kari", now()).with_backups(folders.clone())
    }
}

/// The demo plan in a new plan file at `path`, with one edit after the import (so there is
/// something to undo); returns its plan JSON.
fn demo_file(path: &Path, folders: &Folders) -> String {
    let plan = turnus::demo::demo_plan(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let mut file = import_plan(&plan, path, &options(folders, None)).expect("the demo imports");
    file.add_assistant(now(), &Assistant::new("X1", "Signe Solberg"))
        .expect("an edit");
    let json = export_plan(&file).expect("an export");
    file.close().expect("closes");
    json
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn set_password(path: &Path, folders: &Folders, password: &str) {
    let mut file = PlanFile::open(path, &options(folders, None)).expect("opens");
    file.set_password(&pw(password), now().plus(HOUR))
        .expect("the password is set");
    assert!(file.has_password());
    file.close().expect("closes");
}

#[test]
fn an_encrypted_plan_is_unreadable_without_its_password_and_opens_with_it() {
    let (path, folders) = setup("unreadable");
    let before = demo_file(&path, &folders);
    assert!(
        contains(&std::fs::read(&path).unwrap(), b"Signe Solberg"),
        "a plain plan file holds its names as they are"
    );
    set_password(&path, &folders, SECRET);
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3\0"), "no SQLite header");
    assert!(is_encrypted(&path));
    assert!(
        !contains(&bytes, b"Signe Solberg") && !contains(&bytes, b"change_log"),
        "neither the names nor the schema can be read from the bytes"
    );

    // The Debian sqlite3 program (make deps installs it) cannot read it.
    let sqlite3 = std::process::Command::new("sqlite3")
        .arg(&path)
        .arg("SELECT count(*) FROM sqlite_master;")
        .output()
        .expect("the sqlite3 program runs (apt-get install sqlite3; `make deps` does it)");
    assert!(!sqlite3.status.success(), "sqlite3 reads nothing");
    assert!(
        String::from_utf8_lossy(&sqlite3.stderr).contains("file is not a database"),
        "{}",
        String::from_utf8_lossy(&sqlite3.stderr)
    );
    // Nor can SQLite without the key.
    let plain = rusqlite::Connection::open(&path).unwrap();
    let e = plain
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .expect_err("no key, no database");
    assert!(e.to_string().contains("file is not a database"), "{e}");
    drop(plain);

    let untouched = std::fs::read(&path).unwrap();
    match PlanFile::open(&path, &options(&folders, None)) {
        Err(StoreError::PasswordNeeded(p)) => assert_eq!(p, path),
        other => panic!("without a password: {:?}", other.err()),
    }
    match PlanFile::open(&path, &options(&folders, Some("fjellbekk-sommer-1987"))) {
        Err(e @ StoreError::WrongPassword(_)) => {
            assert!(e.to_string().contains("the password does not match"), "{e}")
        }
        other => panic!("with the wrong password: {:?}", other.err()),
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        untouched,
        "refusals leave the file byte for byte as it was"
    );
    let file =
        PlanFile::open(&path, &options(&folders, Some(SECRET))).expect("the password opens it");
    assert!(!file.is_read_only());
    assert_eq!(export_plan(&file).unwrap(), before, "the same plan");
}

#[test]
fn change_and_remove_keep_the_plan_and_its_history() {
    let (path, folders) = setup("roundtrip");
    let before = demo_file(&path, &folders);
    let history = |file: &PlanFile| file.history(usize::MAX).unwrap().len();
    let plain_history = history(&PlanFile::open(&path, &options(&folders, None)).unwrap());
    set_password(&path, &folders, SECRET);

    let mut file = PlanFile::open(&path, &options(&folders, Some(SECRET))).unwrap();
    assert!(matches!(
        file.change_password(&pw("not the one"), &pw(OTHER), now()),
        Err(StoreError::WrongPassword(_))
    ));
    assert!(matches!(
        file.change_password(&pw(SECRET), &pw("kort"), now()),
        Err(StoreError::PasswordTooShort { chars: 4, min: 8 })
    ));
    file.change_password(&pw(SECRET), &pw(OTHER), now())
        .expect("changed");
    assert_eq!(
        export_plan(&file).unwrap(),
        before,
        "the plan goes on as it was"
    );
    file.close().unwrap();
    assert!(matches!(
        PlanFile::open(&path, &options(&folders, Some(SECRET))),
        Err(StoreError::WrongPassword(_))
    ));

    let mut file = PlanFile::open(&path, &options(&folders, Some(OTHER))).unwrap();
    assert_eq!(history(&file), plain_history, "the change log is whole");
    file.remove_password(&pw(OTHER), now()).expect("removed");
    assert!(!file.has_password());
    // Undo still reaches the edit made before any password was set.
    assert_eq!(file.undo(now()).unwrap(), "add assistant");
    file.redo(now()).unwrap();
    file.close().unwrap();

    assert!(std::fs::read(&path)
        .unwrap()
        .starts_with(b"SQLite format 3\0"));
    let file = PlanFile::open(&path, &options(&folders, None)).expect("opens without one");
    assert_eq!(export_plan(&file).unwrap(), before, "the same plan JSON");
    assert!(file.integrity_check().unwrap().is_empty());
    let mut leftovers: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        vec!["plan.turnus"],
        "no copies left beside the plan"
    );
}

#[test]
fn backups_of_an_encrypted_plan_carry_its_password() {
    let (path, folders) = setup("backups");
    demo_file(&path, &folders);
    assert!(!backup::list(&folders, &path).unwrap().is_empty());
    set_password(&path, &folders, SECRET);
    let every_backup = |f: &dyn Fn(&Path)| {
        for b in backup::list(&folders, &path).unwrap() {
            f(&b.path);
        }
    };
    let opens_with = |file: &Path, password: Option<&str>| {
        let options = OpenOptions {
            read_only: true,
            password: password.map(pw),
            ..OpenOptions::new("test", now())
        };
        PlanFile::open(file, &options).map(drop)
    };
    every_backup(&|b| {
        assert!(is_encrypted(b), "{} is encrypted", b.display());
        assert!(!contains(&std::fs::read(b).unwrap(), b"Signe Solberg"));
        assert!(opens_with(b, Some(SECRET)).is_ok());
    });

    // A new backup of the encrypted plan is encrypted too.
    let mut file = PlanFile::open(&path, &options(&folders, Some(SECRET))).unwrap();
    file.add_assistant(now(), &Assistant::new("X2", "Per Persen"))
        .unwrap();
    file.close().unwrap();
    let count = backup::list(&folders, &path).unwrap().len();
    drop(PlanFile::open(&path, &options(&folders, Some(SECRET))).unwrap());
    let backups = backup::list(&folders, &path).unwrap();
    assert_eq!(backups.len(), count + 1, "the changed plan was backed up");
    assert!(is_encrypted(&backups[0].path));
    assert!(!contains(
        &std::fs::read(&backups[0].path).unwrap(),
        b"Per Persen"
    ));

    let mut file = PlanFile::open(&path, &options(&folders, Some(SECRET))).unwrap();
    file.change_password(&pw(SECRET), &pw(OTHER), now())
        .unwrap();
    file.close().unwrap();
    every_backup(&|b| {
        assert!(matches!(
            opens_with(b, Some(SECRET)),
            Err(StoreError::WrongPassword(_))
        ));
        assert!(
            opens_with(b, Some(OTHER)).is_ok(),
            "the new password opens every backup"
        );
    });

    // Restoring a backup needs the password; the plan as it was is kept, encrypted too.
    let chosen = backup::list(&folders, &path).unwrap().remove(0);
    let in_backup = {
        let options = OpenOptions {
            read_only: true,
            password: Some(pw(OTHER)),
            ..OpenOptions::new("test", now())
        };
        export_plan(&PlanFile::open(&chosen.path, &options).unwrap()).unwrap()
    };
    assert!(matches!(
        backup::restore(&folders, &path, &chosen.name, now().plus(HOUR)),
        Err(StoreError::PasswordNeeded(_))
    ));
    backup::restore_with_password(
        &folders,
        &path,
        &chosen.name,
        now().plus(HOUR),
        Some(&pw(OTHER)),
    )
    .expect("restored");
    let backups = backup::list(&folders, &path).unwrap();
    assert!(backups.iter().any(|b| b.name.contains("before-restore")));
    every_backup(&|b| assert!(is_encrypted(b), "{} is encrypted", b.display()));
    let file = PlanFile::open(&path, &options(&folders, Some(OTHER))).unwrap();
    assert!(file.integrity_check().unwrap().is_empty());
    assert_eq!(
        export_plan(&file).unwrap(),
        in_backup,
        "the backup's plan is back"
    );
    drop(file);

    let mut file = PlanFile::open(&path, &options(&folders, Some(OTHER))).unwrap();
    file.remove_password(&pw(OTHER), now()).unwrap();
    file.close().unwrap();
    every_backup(&|b| {
        assert!(
            !is_encrypted(b),
            "without a password, the backups are plain again"
        );
        assert!(opens_with(b, None).is_ok());
    });
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn call(app: &mut App, name: &str, args: Value) -> Result<Value, turnus::session::IpcError> {
    dispatch(app, now(), today(), name, args)
}

#[test]
fn the_app_asks_for_the_password_and_never_writes_it_to_disk() {
    let (path, folders) = setup("app");
    let root = path.parent().unwrap().parent().unwrap().to_path_buf();
    demo_file(&path, &folders);
    let mut app = App::new(folders.clone(), "Kari");
    let window = json!({ "from": "2026-06-01", "to": "2026-06-07" });
    let file = path.to_string_lossy().into_owned();
    let view = call(
        &mut app,
        "open_plan",
        json!({ "path": file, "take_over": false }),
    )
    .unwrap();
    assert_eq!(view["file"]["has_password"], json!(false));

    let short = call(
        &mut app,
        "set_password",
        json!({ "window": window, "password": "kort" }),
    )
    .expect_err("too short");
    assert_eq!(short.code, ErrorCode::InvalidInput);
    assert_eq!(short.details["field"], json!("password"));
    assert!(short.message.contains("minst 8 tegn"), "{}", short.message);
    let view = call(
        &mut app,
        "set_password",
        json!({ "window": window, "password": SECRET }),
    )
    .expect("set");
    assert_eq!(view["file"]["has_password"], json!(true));
    call(&mut app, "close_plan", json!({})).unwrap();

    let needed = call(
        &mut app,
        "open_plan",
        json!({ "path": file, "take_over": false }),
    )
    .expect_err("a password is needed");
    assert_eq!(needed.code, ErrorCode::PasswordNeeded);
    let wrong = call(
        &mut app,
        "open_plan_with_password",
        json!({ "path": file, "password": "Fjellbekk-Sommer-1988", "take_over": false }),
    )
    .expect_err("the wrong password");
    assert_eq!(wrong.code, ErrorCode::WrongPassword);
    assert_eq!(
        wrong.message,
        "Passordet stemmer ikke. Prøv igjen, og se etter store og små bokstaver."
    );
    assert!(
        !serde_json::to_string(&wrong).unwrap().contains("1988"),
        "the password is not echoed"
    );
    let view = call(
        &mut app,
        "open_plan_with_password",
        json!({ "path": file, "password": SECRET, "take_over": false }),
    )
    .expect("opens");
    assert_eq!(view["file"]["has_password"], json!(true));
    let old_wrong = call(
        &mut app,
        "change_password",
        json!({ "window": window, "old": "nei nei nei", "new": OTHER }),
    )
    .expect_err("the old one is wrong");
    assert_eq!(old_wrong.code, ErrorCode::WrongPassword);
    assert_eq!(old_wrong.details["field"], json!("old"));
    call(
        &mut app,
        "change_password",
        json!({ "window": window, "old": SECRET, "new": OTHER }),
    )
    .expect("changed");
    // The app keeps working on the re-keyed file: an edit, undo and the daily heartbeat.
    call(&mut app, "undo", json!({ "window": window })).expect("undo works after the change");
    app.heartbeat(now().plus(25 * HOUR))
        .expect("a heartbeat with the daily backup");
    assert!(
        app.recent_plans().iter().any(|r| r.path == file),
        "the plan is among the recent ones"
    );
    call(&mut app, "close_plan", json!({})).unwrap();

    let mut files = Vec::new();
    files_under(&root, &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("config.json")),
        "{files:?}"
    );
    assert!(
        files.len() > 3,
        "the plan, its backups and the config: {files:?}"
    );
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for secret in [SECRET, OTHER] {
            assert!(
                !contains(&bytes, secret.as_bytes()),
                "{} holds a password",
                f.display()
            );
            assert!(
                !contains(f.to_string_lossy().as_bytes(), secret.as_bytes()),
                "a file name holds a password"
            );
        }
    }

    call(
        &mut app,
        "open_plan_with_password",
        json!({ "path": file, "password": OTHER, "take_over": false }),
    )
    .unwrap();
    let view = call(
        &mut app,
        "remove_password",
        json!({ "window": window, "password": OTHER }),
    )
    .expect("removed");
    assert_eq!(view["file"]["has_password"], json!(false));
    call(&mut app, "close_plan", json!({})).unwrap();
    let view2 = call(
        &mut app,
        "open_plan",
        json!({ "path": file, "take_over": false }),
    )
    .expect("opens without a password again");
    assert_eq!(view2["assistants"], view["assistants"]);
}

#[test]
fn a_plan_without_a_password_works_as_before_even_when_one_is_given() {
    let (path, folders) = setup("plain");
    let before = demo_file(&path, &folders);
    let mut file = PlanFile::open(&path, &options(&folders, Some(SECRET)))
        .expect("a password given for a plain file is not used");
    assert!(!file.has_password());
    file.add_assistant(now(), &Assistant::new("X3", "Liv Li"))
        .unwrap();
    file.undo(now()).unwrap();
    assert_eq!(export_plan(&file).unwrap(), before);
    file.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(b"SQLite format 3\0"),
        "still a plain SQLite file"
    );
    assert!(!is_encrypted(&path));
    let plain = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = plain
        .query_row("SELECT count(*) FROM assistants", [], |r| r.get(0))
        .unwrap();
    assert!(n > 0, "readable by any SQLite");
    for b in backup::list(&folders, &path).unwrap() {
        assert!(!is_encrypted(&b.path), "and so are its backups");
    }
}

#[test]
fn a_plan_opened_read_only_cannot_get_a_password() {
    let (path, folders) = setup("readonly");
    demo_file(&path, &folders);
    let mut file = PlanFile::open(
        &path,
        &OpenOptions {
            read_only: true,
            ..options(&folders, None)
        },
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        file.set_password(&pw(SECRET), now()),
        Err(StoreError::ReadOnly(_))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

const MID_WRITE_CHILD: &str = "TURNUS_TEST_CRYPT_MID_WRITE_CHILD";

/// The child: keyed with [`SECRET`], a transaction as Turnus makes one (a new identity state
/// first), changing every assistant and shift with a cache so small that SQLCipher writes
/// changed pages into the file before the commit; then it waits to be killed.
#[test]
fn mid_write_child() {
    let Some(path) = std::env::var_os(MID_WRITE_CHILD) else {
        return;
    };
    let path = PathBuf::from(path);
    let key = turnus::store::key_for(&path, &pw(SECRET)).expect("the key");
    let conn = rusqlite::Connection::open(&path).expect("the child opens");
    conn.pragma_update(None, "key", key.as_str())
        .expect("keyed");
    conn.execute_batch(
        "PRAGMA cache_size = 4;
         BEGIN IMMEDIATE;
         UPDATE plan_file
            SET identity = substr(identity, 1, 45) || lower(hex(randomblob(16))) || '/'
                           || substr(identity, 46, 32)
          WHERE id = 1;
         UPDATE shifts SET note = 'half-saved ' || id || ' ' || hex(randomblob(40));
         UPDATE assistants SET name = 'half-saved';",
    )
    .expect("the child writes");
    println!("mid-write");
    std::thread::sleep(std::time::Duration::from_secs(600));
}

/// Leave the encrypted plan at `path` as a crash leaves it: its hot journal beside it.
fn crash_while_writing(path: &Path) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "mid_write_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(MID_WRITE_CHILD, path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the child starts");
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("mid-write") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the child reaches its transaction"
        );
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(
        std::fs::metadata(journal(path))
            .map(|m| m.len())
            .unwrap_or(0)
            > 0,
        "a hot journal"
    );
}

fn journal(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-journal", path.display()))
}

fn read_only(password: &str) -> OpenOptions {
    OpenOptions {
        read_only: true,
        password: Some(pw(password)),
        ..OpenOptions::new("test", now())
    }
}

#[test]
fn a_crash_in_an_encrypted_plan_is_undone_and_a_journal_of_another_is_set_aside() {
    let (path, folders) = setup("crash");
    let before = demo_file(&path, &folders);
    set_password(&path, &folders, SECRET);
    crash_while_writing(&path);
    let crashed = std::fs::read(journal(&path)).unwrap();
    // The plan's own journal is played back: the plan as it was before the transaction.
    let file = PlanFile::open(&path, &read_only(SECRET)).expect("opens after the crash");
    assert!(
        file.set_aside_journal().is_none(),
        "its own journal is not foreign"
    );
    assert_eq!(
        export_plan(&file).unwrap(),
        before,
        "the half-saved change is undone"
    );
    assert!(file.integrity_check().unwrap().is_empty());
    drop(file);
    assert!(!journal(&path).exists(), "played back");

    // Another encrypted plan (another salt) with the same password: the journal brought
    // beside it by a sync client is moved aside, never played back.
    let other = path.with_file_name("other.turnus");
    let other_plan = demo_file(&other, &folders);
    set_password(&other, &folders, SECRET);
    std::fs::write(journal(&other), &crashed).unwrap();
    let file = PlanFile::open(&other, &read_only(SECRET)).expect("opens despite the journal");
    let aside = file
        .set_aside_journal()
        .expect("the journal is set aside")
        .to_path_buf();
    assert_eq!(std::fs::read(&aside).unwrap(), crashed, "kept whole");
    assert_eq!(
        export_plan(&file).unwrap(),
        other_plan,
        "none of the other file's pages"
    );
    assert!(file.integrity_check().unwrap().is_empty());
}

#[test]
fn the_key_comes_from_the_password_and_each_files_own_salt_through_argon2id() {
    let (first, folders) = setup("salt-a");
    demo_file(&first, &folders);
    set_password(&first, &folders, SECRET);
    let second = first.with_file_name("second.turnus");
    demo_file(&second, &folders);
    set_password(&second, &folders, SECRET);

    let salt = |p: &Path| std::fs::read(p).unwrap()[..16].to_vec();
    assert_ne!(salt(&first), salt(&second), "every file has its own salt");
    let key = turnus::store::key_for(&first, &pw(SECRET)).unwrap();
    assert_ne!(
        key.as_str(),
        turnus::store::key_for(&second, &pw(SECRET))
            .unwrap()
            .as_str(),
        "so the same password gives two files different keys"
    );
    // The raw key ends with the file's salt, as SQLCipher takes it.
    let hex: String = salt(&first).iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(key.len(), 3 + 64 + 32);
    assert!(
        key.starts_with("x'") && key.ends_with(&format!("{hex}'")),
        "{}",
        key.len()
    );

    // Another SQLCipher program opens the file with that key, and not with the password
    // itself (SQLCipher's own PBKDF2 derivation gives another key).
    let read = |secret: &str| {
        let conn = rusqlite::Connection::open(&first).unwrap();
        conn.pragma_update(None, "key", secret).unwrap();
        conn.query_row("SELECT count(*) FROM assistants", [], |r| {
            r.get::<_, i64>(0)
        })
    };
    assert!(read(key.as_str()).unwrap() > 0);
    assert!(read(SECRET).is_err());
}
