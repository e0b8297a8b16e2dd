//! The `turnus` command line as a user meets it: output, exit codes and one-line errors.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use turnus::cli::{run_with, EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS};

struct Outcome {
    code: i32,
    out: String,
    err: String,
}

fn turnus(args: &[&str]) -> Outcome {
    let mut argv: Vec<OsString> = vec!["turnus".into()];
    argv.extend(args.iter().map(OsString::from));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run_with(argv, &mut out, &mut err);
    Outcome {
        code,
        out: String::from_utf8(out).expect("utf-8 output"),
        err: String::from_utf8(err).expect("utf-8 errors"),
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("turnus-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a fixture");
    path.to_string_lossy().into_owned()
}

const REST_BREACH: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [{"id": "A", "name": "Kari Nordmann"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-11T18:00", "end": "2026-06-11T22:00"},
    {"id": "s2", "assistant": "A", "start": "2026-06-12T08:59", "end": "2026-06-12T12:59"}]}"#;

const CLEAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [{"id": "A", "name": "Kari Nordmann"}],
  "shifts": [{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T12:00"}]}"#;

#[test]
fn check_exits_1_and_prints_the_finding_in_norwegian() {
    let dir = temp_dir("breach");
    let plan = write(&dir, "plan.json", REST_BREACH);
    let r = turnus(&["check", &plan]);
    assert_eq!(r.code, EXIT_VIOLATIONS, "a REST-D violation means exit 1");
    assert!(r.out.contains("REST-D"), "{}", r.out);
    assert!(
        r.out.contains("Kari Nordmann"),
        "names the assistant: {}",
        r.out
    );
    assert!(
        r.out.contains("10 t 59 min"),
        "shows the measured rest: {}",
        r.out
    );
    assert!(r.out.contains("aml § 10-8 (1)"), "shows the law: {}", r.out);
    assert!(r.out.contains("Sammendrag: 1 brudd"), "{}", r.out);
}

#[test]
fn check_json_has_the_contract_shape() {
    let dir = temp_dir("json");
    let plan = write(&dir, "plan.json", REST_BREACH);
    let r = turnus(&["check", &plan, "--format", "json"]);
    assert_eq!(r.code, EXIT_VIOLATIONS);
    let doc: serde_json::Value = serde_json::from_str(&r.out).expect("exactly one JSON object");
    let f = &doc["findings"][0];
    assert_eq!(f["rule"], "REST-D");
    assert_eq!(f["severity"], "violation");
    assert_eq!(f["assistants"], serde_json::json!(["A"]));
    assert_eq!(f["start"], "2026-06-11T18:00:00+02:00");
    assert_eq!(f["end"], "2026-06-12T18:00:00+02:00");
    assert_eq!(
        (f["measured"].as_i64(), f["limit"].as_i64()),
        (Some(659), Some(660))
    );
    assert_eq!(f["unit"], "minutes");
    assert_eq!(f["shifts"], serde_json::json!(["s1", "s2"]));
    assert_eq!(f["law"], "aml § 10-8 (1)");
    assert_eq!(doc["summary"]["violations"], 1);
    assert!(doc["summary"]["warnings"].is_number() && doc["summary"]["infos"].is_number());
}

#[test]
fn check_exits_0_without_violations() {
    let dir = temp_dir("clean");
    let plan = write(&dir, "plan.json", CLEAN);
    let r = turnus(&["check", &plan]);
    assert_eq!(r.code, EXIT_OK, "{}{}", r.out, r.err);
    assert!(r.out.contains("Ingen brudd"), "{}", r.out);
}

#[test]
fn check_period_leaves_out_findings_outside_it() {
    let dir = temp_dir("period");
    let plan = write(&dir, "plan.json", REST_BREACH);
    let r = turnus(&["check", &plan, "--from", "2026-06-13", "--format", "json"]);
    assert_eq!(r.code, EXIT_OK, "the breach ends before 13 June");
    let r = turnus(&["check", &plan, "--from", "2026-06-01", "--to", "2026-06-11"]);
    assert_eq!(
        r.code, EXIT_VIOLATIONS,
        "the window starts on 11 June, inside the period"
    );
    let r = turnus(&["check", &plan, "--from", "2026-06-12", "--to", "2026-06-01"]);
    assert_eq!(r.code, EXIT_INPUT);
    assert!(r.err.contains("--to"), "{}", r.err);
}

#[test]
fn bad_input_exits_2_with_one_line_naming_field_and_value() {
    let dir = temp_dir("bad");
    let cases = [
        ("malformed.json", "{\"format\": ", "not valid JSON"),
        (
            "format.json",
            r#"{"format": "spreadsheet", "version": 1, "assistants": [], "shifts": []}"#,
            "format",
        ),
        (
            "version.json",
            r#"{"format": "turnus-plan", "version": 9, "assistants": [], "shifts": []}"#,
            "version 9",
        ),
        (
            "backwards.json",
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
               "shifts": [{"id": "s1", "assistant": "A", "start": "2026-06-08T16:00", "end": "2026-06-08T08:00"}]}"#,
            "shifts[0].end",
        ),
        (
            "unknown.json",
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
               "shifts": [{"id": "s1", "assistant": "Z", "start": "2026-06-08T08:00", "end": "2026-06-08T16:00"}]}"#,
            "«Z»",
        ),
        (
            "duplicate.json",
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}, {"id": "A"}], "shifts": []}"#,
            "assistants[1].id",
        ),
        (
            "gap.json",
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
               "shifts": [{"id": "s1", "assistant": "A", "start": "2026-03-29T02:15", "end": "2026-03-29T08:00"}]}"#,
            "2026-03-29T02:15",
        ),
    ];
    for (name, text, needle) in cases {
        let plan = write(&dir, name, text);
        let r = turnus(&["check", &plan]);
        assert_eq!(r.code, EXIT_INPUT, "{name} must be an input error");
        assert_eq!(
            r.err.lines().count(),
            1,
            "{name}: one line, got {:?}",
            r.err
        );
        assert!(
            r.err.contains(needle),
            "{name}: {:?} should name {needle}",
            r.err
        );
        assert!(r.out.is_empty(), "{name}: nothing on stdout");
    }
    let r = turnus(&["check", "/no/such/plan.json"]);
    assert_eq!(r.code, EXIT_INPUT);
    assert!(r.err.contains("cannot read"), "{}", r.err);
}

#[test]
fn wrong_option_values_are_input_errors() {
    let dir = temp_dir("options");
    let plan = write(&dir, "plan.json", CLEAN);
    assert_eq!(
        turnus(&["check", &plan, "--format", "xml"]).code,
        EXIT_INPUT
    );
    let r = turnus(&["check", &plan, "--from", "08.13.2026"]);
    assert_eq!(r.code, EXIT_INPUT);
    assert!(r.err.contains("--from"), "{}", r.err);
}
