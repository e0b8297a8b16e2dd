//! The command line on plan files: `import`, `export json`, `backup list|restore`, and
//! `check`, `hours` and `demo` reading and writing `.turnus` files. Backups and config go to a
//! temporary folder through `TURNUS_DATA_DIR`/`TURNUS_CONFIG_DIR`.

mod support;

use std::path::PathBuf;

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};

/// `turnus ARGS…` with backups, config and "today" kept inside this test's folder.
fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-store", &[], args)
}

fn dir(name: &str) -> PathBuf {
    support::temp_dir("turnus-cli-store-files", name)
}

fn path(dir: &std::path::Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn import_then_export_gives_the_same_plan_json() {
    let d = dir("roundtrip");
    let (json, plan) = (path(&d, "demo.json"), path(&d, "demo.turnus"));
    assert_eq!(turnus(&["demo", &json]).code, EXIT_OK);
    let imported = turnus(&["import", &json, &plan]);
    assert_eq!(imported.code, EXIT_OK, "{}", imported.err);
    assert!(imported.out.contains("importert"), "{}", imported.out);
    let exported = turnus(&["export", "json", &plan]);
    assert_eq!(exported.code, EXIT_OK, "{}", exported.err);
    assert_eq!(
        exported.out,
        std::fs::read_to_string(&json).unwrap(),
        "plan JSON → plan file → plan JSON loses nothing"
    );
    let out = path(&d, "again.json");
    assert_eq!(
        turnus(&["export", "json", &plan, "--out", &out]).code,
        EXIT_OK
    );
    assert_eq!(std::fs::read_to_string(out).unwrap(), exported.out);
}

#[test]
fn check_and_hours_read_a_plan_file_as_they_read_plan_json() {
    let d = dir("check");
    let (json, plan) = (path(&d, "demo.json"), path(&d, "demo.turnus"));
    assert_eq!(turnus(&["demo", &json]).code, EXIT_OK);
    assert_eq!(turnus(&["import", &json, &plan]).code, EXIT_OK);
    for command in [
        vec!["check", "--format", "json"],
        vec!["hours", "--year", "2026", "--format", "json"],
    ] {
        let mut from_json = command.clone();
        from_json.insert(1, &json);
        let mut from_file = command.clone();
        from_file.insert(1, &plan);
        let (a, b) = (turnus(&from_json), turnus(&from_file));
        assert_eq!(
            (a.code, &a.out),
            (b.code, &b.out),
            "{command:?} on both forms"
        );
        assert!(b.err.is_empty(), "{}", b.err);
    }
}

#[test]
fn demo_writes_a_plan_file_when_asked_for_a_turnus_file() {
    let d = dir("demo");
    let plan = path(&d, "demo.turnus");
    let written = turnus(&["demo", &plan]);
    assert_eq!(written.code, EXIT_OK, "{}", written.err);
    let bytes = std::fs::read(&plan).unwrap();
    assert!(
        bytes.starts_with(b"SQLite format 3\0"),
        "a .turnus demo is a plan file"
    );
    assert_ne!(turnus(&["check", &plan]).code, EXIT_INPUT);
    let again = turnus(&["demo", &plan]);
    assert_eq!(
        again.code, EXIT_INPUT,
        "an existing plan file is never overwritten"
    );
    assert!(again.err.contains("never written over"), "{}", again.err);
}

#[test]
fn backups_are_listed_and_one_can_be_put_back() {
    let d = dir("backup");
    let (json, plan) = (path(&d, "demo.json"), path(&d, "plan.turnus"));
    assert_eq!(turnus(&["demo", &json]).code, EXIT_OK);
    assert_eq!(turnus(&["import", &json, &plan]).code, EXIT_OK);
    let listed = turnus(&["backup", "list", &plan]);
    assert_eq!(listed.code, EXIT_OK, "{}", listed.err);
    let name = listed
        .out
        .lines()
        .find_map(|l| {
            l.split_whitespace()
                .next()
                .filter(|w| w.ends_with(".turnus"))
        })
        .expect("importing opened the plan, which took a backup")
        .to_string();
    std::fs::write(&plan, b"ruined").unwrap();
    let broken = turnus(&["check", &plan]);
    assert_eq!(broken.code, EXIT_INPUT);
    assert!(
        broken.err.contains("turnus backup restore"),
        "the error says what to do: {}",
        broken.err
    );
    let restored = turnus(&["backup", "restore", &plan, &name]);
    assert_eq!(restored.code, EXIT_OK, "{}", restored.err);
    assert_eq!(
        turnus(&["export", "json", &plan]).out,
        std::fs::read_to_string(&json).unwrap()
    );
    let missing = turnus(&["backup", "restore", &plan, "19990101T000000Z"]);
    assert_eq!(missing.code, EXIT_INPUT);
    assert!(
        missing.err.starts_with("turnus: no backup"),
        "{}",
        missing.err
    );
    let none = turnus(&["backup", "list", &path(&d, "other.turnus")]);
    assert!(none.out.contains("Ingen sikkerhetskopier"), "{}", none.out);
}

#[test]
fn import_refuses_to_overwrite_and_export_refuses_what_is_not_a_plan() {
    let d = dir("refuse");
    let (json, plan) = (path(&d, "demo.json"), path(&d, "plan.turnus"));
    assert_eq!(turnus(&["demo", &json]).code, EXIT_OK);
    std::fs::write(&plan, "notes").unwrap();
    let over = turnus(&["import", &json, &plan]);
    assert_eq!(over.code, EXIT_INPUT);
    assert_eq!(std::fs::read(&plan).unwrap(), b"notes");
    let export = turnus(&["export", "json", &plan]);
    assert_eq!(export.code, EXIT_INPUT);
    assert!(export.err.contains("not a Turnus plan"), "{}", export.err);
}
