//! The command line never changes a plan file it refuses to change, and never writes an
//! output over a plan or over a file the user did not ask to replace: every refusal of
//! `import-busy`, `import`, `demo`, `backup restore` and the exports leaves the files it names
//! byte for byte as they were, and so does importing an unchanged calendar again.

mod support;

use std::path::{Path, PathBuf};

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-hardening", &[("USER", "Ragnhild")], args)
}

const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [{"id": "A", "name": "Kari Nordmann"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00"}]}"#;

const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Sykehjem\r\nDTSTART:20260610T060000Z\r\nDTEND:20260610T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// A folder with `plan.json`, `plan.turnus` made from it, and `jobb.ics`.
fn setup(name: &str) -> (PathBuf, String, String, String) {
    let dir = support::temp_dir("turnus-cli-hardening-files", name);
    let json = dir.join("plan.json");
    std::fs::write(&json, PLAN).unwrap();
    let plan = dir.join("plan.turnus").to_string_lossy().into_owned();
    let made = turnus(&["import", &json.to_string_lossy(), &plan]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    let ics = dir.join("jobb.ics");
    std::fs::write(&ics, CALENDAR).unwrap();
    (
        dir,
        plan,
        json.to_string_lossy().into_owned(),
        ics.to_string_lossy().into_owned(),
    )
}

fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Run `args`, expect a one-line refusal (exit 2), and the files in `unchanged` untouched.
fn refused(args: &[&str], unchanged: &[&str]) -> String {
    let before: Vec<Vec<u8>> = unchanged.iter().map(|p| bytes(p)).collect();
    let o = turnus(args);
    assert_eq!(
        o.code, EXIT_INPUT,
        "{args:?} is refused: {} {}",
        o.out, o.err
    );
    assert_eq!(o.err.lines().count(), 1, "one line: {}", o.err);
    for (path, was) in unchanged.iter().zip(before) {
        assert!(
            bytes(path) == was,
            "{args:?} left {path} byte for byte as it was"
        );
    }
    o.err
}

#[test]
fn refused_busy_imports_leave_the_plan_file_byte_for_byte() {
    let (dir, plan, _, ics) = setup("busy-refused");
    let err = refused(
        &["import-busy", &plan, "--assistant", "NOBODY", &ics],
        &[&plan],
    );
    assert!(err.contains("NOBODY"), "{err}");
    let broken = dir.join("broken.ics");
    std::fs::write(&broken, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n").unwrap();
    refused(
        &[
            "import-busy",
            &plan,
            "--assistant",
            "A",
            &broken.to_string_lossy(),
        ],
        &[&plan],
    );
    let missing = dir.join("missing.ics").to_string_lossy().into_owned();
    refused(
        &["import-busy", &plan, "--assistant", "A", &missing],
        &[&plan],
    );
}

#[test]
fn importing_an_unchanged_calendar_again_writes_nothing() {
    let (_, plan, json, ics) = setup("busy-again");
    for target in [&plan, &json] {
        let first = turnus(&["import-busy", target, "--assistant", "A", &ics]);
        assert_eq!(first.code, EXIT_OK, "{}", first.err);
        let before = bytes(target);
        let again = turnus(&["import-busy", target, "--assistant", "A", &ics]);
        assert_eq!(again.code, EXIT_OK, "{}", again.err);
        assert!(
            bytes(target) == before,
            "{target}: the same calendar again changes nothing, so nothing is written"
        );
    }
}

#[test]
fn a_busy_import_into_a_plan_another_program_holds_is_refused_unchanged() {
    let (_, plan, _, ics) = setup("busy-held");
    let holder = turnus::store::PlanFile::open(
        &plan,
        &turnus::store::OpenOptions {
            computer: "STUE-PC".into(),
            ..turnus::store::OpenOptions::new(
                "Kari",
                turnus::time::Instant::from_unix(chrono::Utc::now().timestamp()),
            )
        },
    )
    .unwrap();
    let err = refused(&["import-busy", &plan, "--assistant", "A", &ics], &[&plan]);
    assert!(err.contains("i bruk av Kari"), "{err}");
    drop(holder);
}

#[test]
fn a_busy_import_into_a_damaged_plan_is_refused_and_points_to_the_backups() {
    let (_, plan, _, ics) = setup("busy-damaged");
    let mut damaged = bytes(&plan);
    damaged.pop();
    std::fs::write(&plan, &damaged).unwrap();
    let err = refused(&["import-busy", &plan, "--assistant", "A", &ics], &[&plan]);
    assert!(
        err.contains("damaged") && err.contains("turnus backup list"),
        "{err}"
    );
}

#[test]
fn other_writing_commands_refuse_without_touching_anything() {
    let (dir, plan, json, _) = setup("others");
    refused(&["import", &json, &plan], &[&plan, &json]);
    refused(&["demo", &json], &[&json]);
    refused(&["demo", &plan], &[&plan]);
    refused(&["backup", "restore", &plan, "19990101T000000Z"], &[&plan]);
    let pdf = dir.join("plan.pdf").to_string_lossy().into_owned();
    std::fs::write(&pdf, "my own notes").unwrap();
    refused(
        &["export", "pdf", &plan, "--kind", "turnusplan", "-o", &pdf],
        &[&plan, &pdf],
    );
    let notes = dir.join("notes.json").to_string_lossy().into_owned();
    std::fs::write(&notes, "{}").unwrap();
    refused(
        &["export", "json", &plan, "--out", &notes],
        &[&plan, &notes],
    );
    let ics = dir.join("notes.ics").to_string_lossy().into_owned();
    std::fs::write(&ics, "not a Turnus calendar").unwrap();
    refused(&["export", "ics", &plan, "-o", &ics], &[&plan, &ics]);
}

#[test]
fn no_export_writes_over_a_plan_file_even_with_force() {
    let (dir, plan, json, _) = setup("over-plan");
    let other = dir.join("other.turnus").to_string_lossy().into_owned();
    assert_eq!(turnus(&["import", &json, &other]).code, EXIT_OK);
    let link = dir.join("link-to-plan");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    let link = link.to_string_lossy().into_owned();
    for target in [&plan, &other, &link] {
        if !Path::new(target).exists() {
            continue;
        }
        for force in [false, true] {
            let mut exports: Vec<Vec<&str>> = vec![
                vec!["export", "pdf", &plan, "--kind", "turnusplan", "-o", target],
                vec!["export", "json", &plan, "--out", target],
                vec!["export", "ics", &plan, "-o", target],
                vec!["demo", target],
            ];
            for args in &mut exports {
                if force {
                    args.push("--force");
                }
                let err = refused(args, &[&plan, &other]);
                assert!(
                    err.contains("plan"),
                    "{args:?}: the refusal says it is a plan: {err}"
                );
            }
        }
    }
    let from_json = refused(
        &[
            "export",
            "pdf",
            &json,
            "--kind",
            "turnusplan",
            "-o",
            &json,
            "--force",
        ],
        &[&json],
    );
    assert!(from_json.contains("plan being read"), "{from_json}");
}

#[test]
fn force_replaces_an_ordinary_file_and_a_calendar_turnus_wrote_is_updated_without_it() {
    let (dir, plan, _, _) = setup("force");
    let pdf = dir.join("plan.pdf").to_string_lossy().into_owned();
    std::fs::write(&pdf, "old").unwrap();
    let o = turnus(&[
        "export",
        "pdf",
        &plan,
        "--kind",
        "turnusplan",
        "-o",
        &pdf,
        "--force",
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(bytes(&pdf).starts_with(b"%PDF"), "replaced as asked");
    let ics = dir.join("kari.ics").to_string_lossy().into_owned();
    let first = turnus(&["export", "ics", &plan, "-o", &ics]);
    assert_eq!(first.code, EXIT_OK, "{}", first.err);
    let again = turnus(&["export", "ics", &plan, "-o", &ics]);
    assert_eq!(
        again.code, EXIT_OK,
        "a calendar Turnus wrote is updated in place, as phones expect: {}",
        again.err
    );
    let json = dir.join("demo.json").to_string_lossy().into_owned();
    assert_eq!(turnus(&["demo", &json]).code, EXIT_OK);
    assert_eq!(turnus(&["demo", &json, "--force"]).code, EXIT_OK);
}

#[test]
fn a_damaged_plan_is_refused_in_one_plain_line_without_sqlites_report() {
    let (dir, _, _, _) = setup("damage-words");
    let plan = dir.join("demo.turnus").to_string_lossy().into_owned();
    assert_eq!(turnus(&["demo", &plan]).code, EXIT_OK);
    let mut damaged = bytes(&plan);
    assert!(
        damaged.len() > 4096 * 6,
        "the demo plan spans several pages"
    );
    for byte in &mut damaged[4096 * 5..4096 * 5 + 64] {
        *byte = 0;
    }
    std::fs::write(&plan, &damaged).unwrap();
    for command in ["check", "hours"] {
        let err = refused(&[command, &plan], &[&plan]);
        assert!(
            err.contains("damaged") && err.contains("turnus backup list"),
            "{err}"
        );
        for raw in ["***", "btree", "Tree ", "page "] {
            assert!(
                !err.contains(raw),
                "SQLite's own report is not for the user: {err}"
            );
        }
    }
}
