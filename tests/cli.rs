//! The `turnus` command line as a user meets it: output, exit codes and one-line errors.

mod support;

use std::path::{Path, PathBuf};

use support::turnus;
use turnus::cli::{EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS};

fn temp_dir(name: &str) -> PathBuf {
    support::temp_dir("turnus-cli", name)
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

#[test]
fn demo_writes_a_plan_that_checks_and_counts() {
    let dir = temp_dir("demo");
    let path = dir.join("demo.json");
    let path_text = path.to_string_lossy().into_owned();
    let r = turnus(&["demo", &path_text]);
    assert_eq!(r.code, EXIT_OK, "{}", r.err);
    assert!(r.out.contains("Demoplanen er skrevet"), "{}", r.out);
    let plan = turnus::interchange::read_plan(&std::fs::read_to_string(&path).unwrap())
        .expect("the demo plan reads back");
    assert_eq!(plan.assistants.len(), 5, "four assistants and a vikar");
    assert!(plan.shifts.len() > 100);
    let r = turnus(&["check", &path_text, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let rules: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"REST-D") && rules.contains(&"NH-D"),
        "demo findings: {rules:?}"
    );
    assert_eq!(r.code, EXIT_VIOLATIONS, "the demo shows a violation");
    let r = turnus(&["hours", &path_text, "--format", "json"]);
    assert_eq!(r.code, EXIT_OK, "{}", r.err);
    let doc: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let pa = &doc["services"][0];
    assert_eq!(pa["service"], "personlig_assistanse");
    assert!(
        pa["budget_hours"].as_f64().unwrap() > 1900.0,
        "37.5 h a week for a year"
    );
    let r = turnus(&["hours", &path_text]);
    assert!(r.out.contains("Personlig assistanse"), "{}", r.out);
}

#[test]
fn hours_rejects_a_year_outside_the_calendar() {
    let dir = temp_dir("hours");
    let plan = write(&dir, "plan.json", CLEAN);
    let r = turnus(&["hours", &plan, "--year", "20x6"]);
    assert_eq!(r.code, EXIT_INPUT);
    assert!(
        r.err.contains("--year") && r.err.contains("20x6"),
        "{}",
        r.err
    );
}

#[test]
fn hours_counts_a_plan_against_its_vedtak() {
    let dir = temp_dir("hours-vedtak");
    let plan = write(
        &dir,
        "plan.json",
        r#"{"format": "turnus-plan", "version": 1,
            "vedtak": [{"from": "2026-01-01", "annual_frame": true,
                        "hours_per_week": {"personlig_assistanse": 7}}],
            "assistants": [{"id": "A"}],
            "shifts": [{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T12:00", "status": "worked"},
                       {"id": "s2", "assistant": "A", "start": "2026-06-09T08:00", "end": "2026-06-09T10:30"}]}"#,
    );
    let r = turnus(&["hours", &plan, "--year", "2026", "--format", "json"]);
    assert_eq!(r.code, EXIT_OK, "{}", r.err);
    let doc: serde_json::Value = serde_json::from_str(&r.out).unwrap();
    let pa = &doc["services"][0];
    assert_eq!(pa["budget_hours"].as_f64().unwrap(), 365.0, "7 h × 365 / 7");
    let total = pa["used_hours"].as_f64().unwrap() + pa["planned_hours"].as_f64().unwrap();
    assert_eq!(total, 6.5, "4 h worked and 2.5 h planned");
}

/// One assistant on a one-week rotation of seven 17-hour days, and no shifts applied.
const LONG_DAYS_ROTATION: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [{"id": "A", "name": "Kari Nordmann"}],
  "shifts": [],
  "shift_types": [{"code": "L", "name": "Lang dag", "start": "06:00", "end": "23:00"}],
  "rotations": [{"id": "r1", "name": "Sytten timer", "weeks": 1, "start": "2027-01-04",
    "slots": [
      {"week": 1, "weekday": "mon", "shift_type": "L", "assistant": "A"},
      {"week": 1, "weekday": "tue", "shift_type": "L", "assistant": "A"},
      {"week": 1, "weekday": "wed", "shift_type": "L", "assistant": "A"},
      {"week": 1, "weekday": "thu", "shift_type": "L", "assistant": "A"},
      {"week": 1, "weekday": "fri", "shift_type": "L", "assistant": "A"},
      {"week": 1, "weekday": "sat", "shift_type": "L", "assistant": "A"},
      {"week": 1, "weekday": "sun", "shift_type": "L", "assistant": "A"}]}]}"#;

#[test]
fn check_reports_a_rotation_pattern_at_its_week_and_weekday() {
    let dir = temp_dir("rotation-pattern");
    let plan = write(&dir, "plan.json", LONG_DAYS_ROTATION);
    let r = turnus(&["check", &plan, "--format", "json"]);
    assert_eq!(r.code, EXIT_VIOLATIONS, "{}", r.out);
    let doc: serde_json::Value = serde_json::from_str(&r.out).expect("exactly one JSON object");
    let findings = doc["findings"].as_array().expect("findings");
    let of = |rule: &str| -> Vec<&serde_json::Value> {
        findings.iter().filter(|f| f["rule"] == rule).collect()
    };
    for rule in ["TOT-D", "REST-D", "BRK"] {
        assert_eq!(of(rule).len(), 7, "{rule}: once per weekday of the pattern");
    }
    let monday = of("TOT-D")[0];
    assert_eq!(monday["severity"], "violation");
    assert_eq!(monday["measured"], 17 * 60);
    assert_eq!(monday["start"], "2027-01-04T06:00:00+01:00");
    assert_eq!(monday["rotation"]["id"], "r1");
    assert_eq!(monday["rotation"]["week"], 1);
    assert_eq!(monday["rotation"]["weekday"], "mon");
    assert_eq!(monday["rotation"]["occurrences"], 52);
    assert_eq!(monday["rotation"]["on_calendar"], false);
    let violations = findings
        .iter()
        .filter(|f| f["severity"] == "violation")
        .count();
    assert_eq!(doc["summary"]["violations"], violations);

    let text = turnus(&["check", &plan]);
    assert_eq!(text.code, EXIT_VIOLATIONS);
    assert!(
        text.out
            .contains("Turnusen «Sytten timer», uke 1, mandag: 52 ganger på 52 uker"),
        "{}",
        text.out
    );
    let en = turnus(&["check", &plan, "--lang", "en"]);
    assert!(
        en.out
            .contains("Rotation «Sytten timer», week 1, Monday: 52 times in 52 weeks"),
        "{}",
        en.out
    );
    // Before the rotation starts, nothing of it is in force.
    let before = turnus(&["check", &plan, "--to", "2027-01-03"]);
    assert_eq!(before.code, EXIT_OK, "{}", before.out);
}
