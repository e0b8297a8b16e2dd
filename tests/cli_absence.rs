//! `turnus absence add|list`: an absence goes into a plan file as one action of the change log
//! and into plan JSON, `list` shows it back, and every refusal exits 2 with one line naming the
//! field and the value while the file stays byte for byte as it was.

mod support;

use std::path::PathBuf;

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};
use turnus::store::{OpenOptions, PlanFile};
use turnus::time::Instant;

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-absence", &[("USER", "Ragnhild")], args)
}

const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [{"id": "A", "name": "Kari Nordmann"}, {"id": "B", "name": "Ola Hansen"}],
  "absences": [{"id": "f1", "assistant": "B", "kind": "ferie", "from": "2026-07-06", "to": "2026-07-24"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00", "break_minutes": 30},
    {"id": "s2", "assistant": "A", "start": "2026-06-12T07:00", "end": "2026-06-12T15:00", "break_minutes": 30}]}"#;

/// A fresh folder with the plan as JSON and as a `.turnus` file.
fn plans(name: &str) -> (String, String) {
    let dir = support::temp_dir("turnus-cli-absence-files", name);
    let json = dir.join("plan.json");
    std::fs::write(&json, PLAN).expect("the plan JSON can be written");
    let file: PathBuf = dir.join("plan.turnus");
    let made = turnus(&["import", &json.to_string_lossy(), &file.to_string_lossy()]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    (
        json.to_string_lossy().into_owned(),
        file.to_string_lossy().into_owned(),
    )
}

fn list(plan: &str) -> Vec<serde_json::Value> {
    let o = turnus(&["absence", "list", plan, "--format", "json"]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let v: serde_json::Value = serde_json::from_str(&o.out).expect("one JSON object");
    v["absences"].as_array().expect("a list").clone()
}

const SICK: [&str; 10] = [
    "--assistant",
    "A",
    "--kind",
    "sykdom",
    "--from",
    "2026-06-09",
    "--to",
    "2026-06-10",
    "--note",
    "influensa",
];

#[test]
fn an_absence_goes_into_a_plan_file_as_one_action_and_lists_back() {
    let (_, file) = plans("file");
    let mut args = vec!["absence", "add", &file];
    args.extend(SICK);
    let o = turnus(&args);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.out.contains("Kari Nordmann"), "{}", o.out);
    assert!(
        o.out.contains("1 vakt trenger nå dekning"),
        "s1 falls on a sick day: {}",
        o.out
    );
    let found = list(&file);
    assert_eq!(found.len(), 2, "{found:?}");
    let sick = found
        .iter()
        .find(|a| a["kind"] == "sykdom")
        .expect("the new one");
    assert_eq!(sick["assistant"], "A");
    assert_eq!(sick["from"], "2026-06-09");
    assert_eq!(sick["to"], "2026-06-10");
    assert_eq!(sick["note"], "influensa");
    let options = OpenOptions {
        read_only: true,
        ..OpenOptions::new("test", Instant::from_unix(0))
    };
    let history = PlanFile::open(&file, &options)
        .expect("opens")
        .history(10)
        .expect("the change log");
    let added: Vec<_> = history.iter().filter(|e| e.what == "add absence").collect();
    assert_eq!(added.len(), 1, "one action: {history:?}");
    assert_eq!(added[0].by, "Ragnhild");
    let text = turnus(&["absence", "list", &file]);
    assert!(
        text.out
            .contains("Kari Nordmann  sykdom  09.06.2026–10.06.2026  «influensa»"),
        "{}",
        text.out
    );
}

#[test]
fn an_absence_goes_into_plan_json_and_the_json_still_reads() {
    let (json, _) = plans("json");
    let mut args = vec!["absence", "add", &json];
    args.extend(SICK);
    let o = turnus(&args);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.out.contains("med id f2"), "the next short id: {}", o.out);
    let found = list(&json);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1]["id"], "f2");
    assert_eq!(found[1]["kind"], "sykdom");
    let text = std::fs::read_to_string(&json).expect("readable");
    turnus::interchange::read_plan(&text).expect("still plan JSON");
}

/// Each refusal: exit 2, one line on stderr naming the field and the value, the files as they
/// were.
#[test]
fn every_refusal_names_the_field_and_leaves_both_files_byte_identical() {
    let (json, file) = plans("refusals");
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &[
                "--assistant",
                "Z",
                "--kind",
                "ferie",
                "--from",
                "2026-06-01",
                "--to",
                "2026-06-02",
            ],
            "--assistant",
            "«Z»",
        ),
        (
            &[
                "--assistant",
                "A",
                "--kind",
                "ferie",
                "--from",
                "2026-06-05",
                "--to",
                "2026-06-02",
            ],
            "--to",
            "2026-06-02",
        ),
        (
            &[
                "--assistant",
                "B",
                "--kind",
                "sykdom",
                "--from",
                "2026-07-20",
                "--to",
                "2026-07-30",
            ],
            "--from",
            "«f1»",
        ),
        (
            &[
                "--assistant",
                "A",
                "--kind",
                "ferie",
                "--from",
                "2026-02-30",
                "--to",
                "2026-03-02",
            ],
            "--from",
            "2026-02-30",
        ),
        (
            &[
                "--assistant",
                "A",
                "--kind",
                "ferie",
                "--from",
                "2026-03-01",
                "--to",
                "2026-13-01",
            ],
            "--to",
            "2026-13-01",
        ),
        (
            &[
                "--assistant",
                "A",
                "--kind",
                "kurs",
                "--from",
                "2026-06-01",
                "--to",
                "2026-06-02",
            ],
            "--kind",
            "«kurs»",
        ),
    ];
    for plan in [&json, &file] {
        let before = std::fs::read(plan).expect("readable");
        for (args, field, value) in cases {
            let mut all = vec!["absence", "add", plan.as_str()];
            all.extend(args);
            let o = turnus(&all);
            assert_eq!(o.code, EXIT_INPUT, "{args:?}: {}", o.out);
            assert_eq!(o.err.lines().count(), 1, "one line: {}", o.err);
            assert!(
                o.err.starts_with(&format!("turnus: {field}:")) && o.err.contains(value),
                "{args:?}: {}",
                o.err
            );
            assert_eq!(
                std::fs::read(plan).expect("readable"),
                before,
                "{plan} unchanged after {args:?}"
            );
        }
    }
}
