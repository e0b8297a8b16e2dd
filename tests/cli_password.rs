//! `turnus password set|change|remove`, and every command that opens a plan file reading its
//! password from `TURNUS_PASSWORD`: the wrong or a missing password is exit 2 and one line.
//! The environment is the process's, so the tests take turns (`ENV`).

mod support;

use std::path::Path;
use std::sync::Mutex;

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};

const SECRET: &str = "Fjellbekk-Sommer-1987";
const OTHER: &str = "Havørn og måke 2026";

static ENV: Mutex<()> = Mutex::new(());

/// `turnus ARGS…` with `TURNUS_PASSWORD` and `TURNUS_NEW_PASSWORD` as given (unset for None).
fn turnus(password: Option<&str>, new: Option<&str>, args: &[&str]) -> Outcome {
    let _turn = ENV.lock().unwrap_or_else(|e| e.into_inner());
    for (var, value) in [("TURNUS_PASSWORD", password), ("TURNUS_NEW_PASSWORD", new)] {
        match value {
            Some(v) => std::env::set_var(var, v),
            None => std::env::remove_var(var),
        }
    }
    let outcome = support::turnus_at_home("turnus-cli-password", &[], args);
    std::env::remove_var("TURNUS_PASSWORD");
    std::env::remove_var("TURNUS_NEW_PASSWORD");
    outcome
}

fn demo(name: &str) -> (std::path::PathBuf, String) {
    let dir = support::temp_dir("turnus-cli-password-files", name);
    let plan = dir.join("plan.turnus");
    let text = plan.to_string_lossy().into_owned();
    let made = turnus(None, None, &["demo", &text]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    (plan, text)
}

fn one_line(outcome: &Outcome) -> &str {
    assert_eq!(
        outcome.err.lines().count(),
        1,
        "one line: {:?}",
        outcome.err
    );
    outcome.err.trim_end()
}

fn encrypted(path: &Path) -> bool {
    !std::fs::read(path)
        .unwrap()
        .starts_with(b"SQLite format 3\0")
}

#[test]
fn set_change_and_remove_round_trip_with_the_plan_intact() {
    let (path, plan) = demo("roundtrip");
    let before = turnus(None, None, &["export", "json", &plan]);
    assert_eq!(before.code, EXIT_OK, "{}", before.err);

    let set = turnus(Some(SECRET), None, &["password", "set", &plan]);
    assert_eq!(set.code, EXIT_OK, "{}", set.err);
    assert!(set.out.contains("beskyttet med passord"), "{}", set.out);
    assert!(encrypted(&path));
    let again = turnus(Some(SECRET), None, &["password", "set", &plan]);
    assert_eq!(again.code, EXIT_INPUT);
    assert!(
        one_line(&again).contains("has a password already"),
        "{}",
        again.err
    );

    let exported = turnus(Some(SECRET), None, &["export", "json", &plan]);
    assert_eq!(exported.code, EXIT_OK, "{}", exported.err);
    assert_eq!(
        exported.out, before.out,
        "the same plan JSON with the password"
    );

    let changed = turnus(Some(SECRET), Some(OTHER), &["password", "change", &plan]);
    assert_eq!(changed.code, EXIT_OK, "{}", changed.err);
    let old = turnus(Some(SECRET), None, &["export", "json", &plan]);
    assert_eq!(old.code, EXIT_INPUT, "the old password no longer opens it");
    assert!(
        one_line(&old).contains("the password does not match"),
        "{}",
        old.err
    );
    assert_eq!(
        turnus(Some(OTHER), None, &["export", "json", &plan]).out,
        before.out
    );

    let removed = turnus(Some(OTHER), None, &["password", "remove", &plan]);
    assert_eq!(removed.code, EXIT_OK, "{}", removed.err);
    assert!(!encrypted(&path));
    let after = turnus(None, None, &["export", "json", &plan]);
    assert_eq!(after.code, EXIT_OK, "{}", after.err);
    assert_eq!(
        after.out, before.out,
        "the same plan JSON after the round trip"
    );
    let none = turnus(Some(OTHER), None, &["password", "remove", &plan]);
    assert_eq!(none.code, EXIT_INPUT);
    assert!(one_line(&none).contains("has no password"), "{}", none.err);
}

#[test]
fn every_command_opening_an_encrypted_plan_reads_turnus_password() {
    let (_, plan) = demo("commands");
    let plain_check = turnus(None, None, &["check", &plan, "--format", "json"]);
    let plain_hours = turnus(
        None,
        None,
        &["hours", &plan, "--year", "2026", "--format", "json"],
    );
    assert_eq!(
        turnus(Some(SECRET), None, &["password", "set", &plan]).code,
        EXIT_OK
    );
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &plan, "--format", "json"],
        vec!["hours", &plan, "--year", "2026", "--format", "json"],
        vec!["holidays", &plan, "--year", "2026", "--format", "json"],
        vec!["cover", &plan, "--format", "json"],
        vec!["absence", "list", &plan],
        vec!["export", "json", &plan],
    ];
    for args in &runs {
        let missing = turnus(None, None, args);
        assert_eq!(missing.code, EXIT_INPUT, "{args:?} without a password");
        let line = one_line(&missing);
        assert!(
            line.contains("protected by a password") && line.contains("TURNUS_PASSWORD"),
            "{args:?}: {line}"
        );
        assert!(missing.out.is_empty(), "{args:?} prints nothing on stdout");
        let wrong = turnus(Some("fjellbekk-sommer-1987"), None, args);
        assert_eq!(wrong.code, EXIT_INPUT, "{args:?} with the wrong password");
        assert!(one_line(&wrong).contains("the password does not match"));
        let right = turnus(Some(SECRET), None, args);
        assert!(
            right.code == EXIT_OK || right.code == turnus::cli::EXIT_VIOLATIONS,
            "{args:?}: {}",
            right.err
        );
        assert!(right.err.is_empty(), "{args:?}: {}", right.err);
    }
    // The same answers as from the plain file.
    let check = turnus(Some(SECRET), None, &runs[0]);
    assert_eq!((check.code, check.out), (plain_check.code, plain_check.out));
    let hours = turnus(Some(SECRET), None, &runs[1]);
    assert_eq!(hours.out, plain_hours.out);
}

#[test]
fn a_short_or_missing_new_password_is_refused_and_changes_nothing() {
    let (path, plan) = demo("refusals");
    let bytes = std::fs::read(&path).unwrap();
    let short = turnus(Some("kort"), None, &["password", "set", &plan]);
    assert_eq!(short.code, EXIT_INPUT);
    let line = one_line(&short);
    assert!(
        line.contains("TURNUS_PASSWORD") && line.contains("at least 8 characters"),
        "{line}"
    );
    assert!(
        !line.contains("kort"),
        "the password is never printed: {line}"
    );
    let missing = turnus(None, None, &["password", "set", &plan]);
    assert_eq!(missing.code, EXIT_INPUT);
    assert!(
        one_line(&missing).contains("TURNUS_PASSWORD"),
        "{}",
        missing.err
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is unchanged"
    );

    assert_eq!(
        turnus(Some(SECRET), None, &["password", "set", &plan]).code,
        EXIT_OK
    );
    let bytes = std::fs::read(&path).unwrap();
    let no_new = turnus(Some(SECRET), None, &["password", "change", &plan]);
    assert_eq!(no_new.code, EXIT_INPUT);
    assert!(
        one_line(&no_new).contains("TURNUS_NEW_PASSWORD"),
        "{}",
        no_new.err
    );
    let wrong_old = turnus(
        Some("ikke dette"),
        Some(OTHER),
        &["password", "change", &plan],
    );
    assert_eq!(wrong_old.code, EXIT_INPUT);
    assert!(one_line(&wrong_old).contains("the password does not match"));
    let wrong_remove = turnus(Some("ikke dette"), None, &["password", "remove", &plan]);
    assert_eq!(wrong_remove.code, EXIT_INPUT);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "refusals leave the file as it was"
    );
}

#[test]
fn backups_listed_and_restored_with_the_password() {
    let (path, plan) = demo("backups");
    assert_eq!(
        turnus(Some(SECRET), None, &["password", "set", &plan]).code,
        EXIT_OK
    );
    let list = turnus(None, None, &["backup", "list", &plan]);
    assert_eq!(
        list.code, EXIT_OK,
        "listing needs no password: {}",
        list.err
    );
    let name = list
        .out
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().next())
        .expect("a backup")
        .to_string();
    let missing = turnus(None, None, &["backup", "restore", &plan, &name]);
    assert_eq!(missing.code, EXIT_INPUT);
    one_line(&missing);
    let restored = turnus(Some(SECRET), None, &["backup", "restore", &plan, &name]);
    assert_eq!(restored.code, EXIT_OK, "{}", restored.err);
    assert!(encrypted(&path), "the restored backup has the password too");
    assert_eq!(
        turnus(Some(SECRET), None, &["check", &plan]).err,
        "",
        "and opens with it"
    );
}

#[test]
fn a_conflict_copy_of_an_encrypted_plan_is_merged_with_the_password() {
    let (path, plan) = demo("merge");
    assert_eq!(
        turnus(Some(SECRET), None, &["password", "set", &plan]).code,
        EXIT_OK
    );
    let copy = path.with_file_name("plan (Kari sin konfliktkopi 2026-12-01).turnus");
    std::fs::copy(&path, &copy).unwrap();
    let copy_text = copy.to_string_lossy().into_owned();
    for (file, who, from, to) in [
        (plan.as_str(), "a1", "2027-07-05", "2027-07-10"),
        (copy_text.as_str(), "a2", "2027-08-02", "2027-08-07"),
    ] {
        let added = turnus(
            Some(SECRET),
            None,
            &[
                "absence",
                "add",
                file,
                "--assistant",
                who,
                "--kind",
                "ferie",
                "--from",
                from,
                "--to",
                to,
            ],
        );
        assert_eq!(added.code, EXIT_OK, "{}", added.err);
    }
    let merged = turnus(Some(SECRET), None, &["merge", &plan, &copy_text]);
    assert_eq!(merged.code, EXIT_OK, "{}", merged.err);
    let list = turnus(Some(SECRET), None, &["absence", "list", &plan]);
    assert!(list.out.contains("05.07.2027"), "{}", list.out);
    assert!(
        list.out.contains("02.08.2027"),
        "both sides' holidays: {}",
        list.out
    );
    assert!(encrypted(&path), "still encrypted after the merge");
    let wrong = turnus(Some(OTHER), None, &["merge", &plan, &copy_text]);
    assert_eq!(wrong.code, EXIT_INPUT);
    assert!(
        one_line(&wrong).contains("the password does not match"),
        "{}",
        wrong.err
    );
}
