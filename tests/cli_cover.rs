//! `turnus cover`: who could take a shift whose assistant is away, ranked by the real checker
//! and their hours (RULES.md §6), and `--assign` giving the shift to one of them, in plan files
//! and plan JSON.

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};
use turnus::store::{OpenOptions, PlanFile};
use turnus::time::Instant;

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-cover", &[("USER", "Ragnhild")], args)
}

/// A is sick on Tuesday 9 June; s1 is her shift that day. B worked until 23:00 the evening
/// before (8 hours of rest before 07:00). C is close family without the municipality's
/// approval (a warning as soon as she works). D and E have contracts, E with more room. V is a
/// vikar on holiday.
const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [
    {"id": "A", "name": "Kari Nordmann", "contract_hours_per_week": 37.5},
    {"id": "B", "name": "Ola Hansen", "contract_hours_per_week": 40},
    {"id": "C", "name": "Siri Berg", "close_family": true, "contract_hours_per_week": 40},
    {"id": "D", "name": "Per Dahl", "contract_hours_per_week": 20},
    {"id": "E", "name": "Eva Lie", "contract_hours_per_week": 30},
    {"id": "N", "name": "Nils Moe"},
    {"id": "V", "name": "Vera Vik", "role": "vikar"}],
  "absences": [
    {"id": "f1", "assistant": "A", "kind": "sykdom", "from": "2026-06-09", "to": "2026-06-10"},
    {"id": "f2", "assistant": "V", "kind": "ferie", "from": "2026-06-01", "to": "2026-06-14"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00", "break_minutes": 30},
    {"id": "b1", "assistant": "B", "start": "2026-06-08T15:00", "end": "2026-06-08T23:00", "break_minutes": 30},
    {"id": "d1", "assistant": "D", "start": "2026-06-11T07:00", "end": "2026-06-11T15:00", "break_minutes": 30}]}"#;

fn plans(name: &str) -> (String, String) {
    let dir = support::temp_dir("turnus-cli-cover-files", name);
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

fn ranking(plan: &str) -> Value {
    let o = turnus(&["cover", plan, "--shift", "s1", "--format", "json"]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert_eq!(o.out.lines().count(), 1, "one JSON object: {}", o.out);
    serde_json::from_str(&o.out).expect("JSON")
}

fn order(r: &Value) -> Vec<String> {
    r["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["assistant"].as_str().expect("an id").to_string())
        .collect()
}

fn candidate<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .find(|c| c["assistant"] == id)
        .expect("a candidate")
}

#[test]
fn candidates_rank_by_new_violations_then_warnings_then_free_contract_hours() {
    for plan in {
        let (json, file) = plans("rank");
        [json, file]
    } {
        let r = ranking(&plan);
        assert_eq!(r["shift"], "s1");
        // E (30 h free) before D (20 h − 8 h = 12 h free) before N (no contract); then C, whose
        // taking it brings a warning; B last, whose rest would be 8 hours.
        assert_eq!(order(&r), ["E", "D", "N", "C", "B"], "{r}");
        let b = candidate(&r, "B");
        assert_eq!(b["new_violations"], 1, "{b}");
        assert!(
            b["reasons"][0]
                .as_str()
                .is_some_and(|t| t.contains("daglig hvile 8 t, minst 11 t (ma. 08.06.)")),
            "{b}"
        );
        let c = candidate(&r, "C");
        assert_eq!(
            (c["new_violations"].clone(), c["new_warnings"].clone()),
            (0.into(), 1.into())
        );
        let d = candidate(&r, "D");
        assert_eq!(d["week_minutes"], 8 * 60);
        assert_eq!(d["free_contract_minutes"], 12 * 60);
        assert_eq!(candidate(&r, "N")["free_contract_minutes"], Value::Null);
        assert_eq!(candidate(&r, "E")["new_warnings"], 0);
        // Neither the sick owner nor the vikar on holiday is offered.
        let excluded: Vec<(&str, &str)> = r["excluded"]
            .as_array()
            .expect("excluded")
            .iter()
            .map(|e| {
                (
                    e["assistant"].as_str().unwrap(),
                    e["reason"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(excluded, [("A", "har vakten, men er syk"), ("V", "ferie")]);
    }
}

#[test]
fn the_text_form_lists_the_candidates_with_their_reasons() {
    let (json, _) = plans("text");
    let o = turnus(&["cover", &json, "--shift", "s1"]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(
        o.out
            .contains("1. Eva Lie: ingen nye brudd eller advarsler"),
        "{}",
        o.out
    );
    assert!(o.out.contains("Ikke med: Vera Vik (ferie)"), "{}", o.out);
}

fn owner(plan: &str, shift: &str) -> String {
    let text = if plan.ends_with(".turnus") {
        let o = turnus(&["export", "json", plan]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        o.out
    } else {
        std::fs::read_to_string(plan).expect("readable")
    };
    let plan = turnus::interchange::read_plan(&text).expect("plan JSON");
    let s = plan
        .shifts
        .iter()
        .find(|s| s.id.as_str() == shift)
        .expect("the shift");
    s.assistant.as_ref().expect("someone").to_string()
}

#[test]
fn assigning_gives_the_shift_to_the_new_assistant_and_keeps_the_absence() {
    let (json, file) = plans("assign");
    for plan in [&json, &file] {
        let o = turnus(&["cover", plan, "--shift", "s1", "--assign", "E"]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        assert!(
            o.out.contains("gitt til Eva Lie (var Kari Nordmann)"),
            "{}",
            o.out
        );
        assert_eq!(owner(plan, "s1"), "E");
        let absences = turnus(&["absence", "list", plan, "--format", "json"]);
        assert!(absences.out.contains("\"f1\""), "the absence stays");
        // The shift is covered now: A is no longer among those who have it.
        let r = ranking(plan);
        assert!(
            !r["excluded"].to_string().contains("har vakten, men"),
            "{r}"
        );
    }
    let options = OpenOptions {
        read_only: true,
        ..OpenOptions::new("test", Instant::from_unix(0))
    };
    let history = PlanFile::open(&file, &options)
        .expect("opens")
        .history(10)
        .expect("the change log");
    let mut assigned: Vec<_> = history
        .iter()
        .filter(|e| e.what == "assign cover")
        .map(|e| e.action)
        .collect();
    assigned.dedup();
    assert_eq!(assigned.len(), 1, "one action: {history:?}");
    // The shift changed hands and got its cover link in that one action.
    assert_eq!(
        history.iter().filter(|e| e.what == "assign cover").count(),
        2,
        "{history:?}"
    );
}

#[test]
fn refusals_name_the_field_and_leave_the_plan_byte_identical() {
    let (json, file) = plans("refuse");
    let cases: [(&[&str], &str); 4] = [
        (&["--shift", "nope"], "--shift: no shift has the id «nope»"),
        (
            &["--shift", "s1", "--assign", "Z"],
            "--assign: no assistant has the id «Z»",
        ),
        (
            &["--shift", "s1", "--assign", "V"],
            "--assign: «V» is away on 2026-06-09 (ferie",
        ),
        (&["--shift", "s1", "--assign", "A"], "--assign: «A» is away"),
    ];
    for plan in [&json, &file] {
        let before = std::fs::read(plan).expect("readable");
        for (args, message) in cases {
            let mut all = vec!["cover", plan.as_str()];
            all.extend(args);
            let o = turnus(&all);
            assert_eq!(o.code, EXIT_INPUT, "{args:?}: {}", o.out);
            assert_eq!(o.err.lines().count(), 1, "{}", o.err);
            assert!(
                o.err.starts_with(&format!("turnus: {message}")),
                "{}",
                o.err
            );
            assert_eq!(std::fs::read(plan).expect("readable"), before, "{args:?}");
        }
    }
}

#[test]
fn without_a_shift_cover_lists_the_shifts_that_need_cover() {
    let (json, file) = plans("list");
    for plan in [&json, &file] {
        let o = turnus(&["cover", plan, "--format", "json"]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        let v: Value = serde_json::from_str(&o.out).expect("JSON");
        let list = v["uncovered"].as_array().expect("a list");
        assert_eq!(list.len(), 1, "only s1 falls on an absence: {v}");
        assert_eq!(list[0]["shift"], "s1");
        assert_eq!(list[0]["kind"], "sykdom");
        let text = turnus(&["cover", plan]);
        assert!(
            text.out
                .contains("s1  ti. 09.06.2026 07:00–15:00  Kari Nordmann (syk)"),
            "{}",
            text.out
        );
    }
}

fn export_json(plan: &str) -> Value {
    let text = if plan.ends_with(".turnus") {
        let o = turnus(&["export", "json", plan]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        o.out
    } else {
        std::fs::read_to_string(plan).expect("the plan JSON")
    };
    serde_json::from_str(&text).expect("plan JSON")
}

#[test]
fn assigning_cover_writes_the_cover_link_and_deleting_the_absence_then_asks() {
    let (json, file) = plans("link");
    for plan in [&json, &file] {
        let o = turnus(&["cover", plan, "--shift", "s1", "--assign", "E"]);
        assert_eq!(o.code, EXIT_OK, "{plan}: {}", o.err);
        let written = export_json(plan);
        let s1 = written["shifts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "s1")
            .unwrap();
        assert_eq!(s1["assistant"], "E", "{plan}");
        assert_eq!(
            s1["original_assistant"], "A",
            "{plan}: the cover link is written"
        );

        let list = turnus(&["absence", "list", plan, "--format", "json"]);
        let list: Value = serde_json::from_str(&list.out).expect("JSON");
        let f1 = list["absences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "f1")
            .unwrap();
        assert_eq!(f1["covered_shifts"], serde_json::json!(["s1"]), "{plan}");

        let o = turnus(&["absence", "delete", plan, "--id", "f1"]);
        assert_eq!(
            o.code, EXIT_INPUT,
            "{plan}: a covered shift needs --covered"
        );
        assert_eq!(o.err.trim().lines().count(), 1, "{}", o.err);
        assert!(o.err.starts_with("turnus: --covered:"), "{}", o.err);

        let o = turnus(&[
            "absence",
            "delete",
            plan,
            "--id",
            "f1",
            "--covered",
            "give-back",
        ]);
        assert_eq!(o.code, EXIT_OK, "{plan}: {}", o.err);
        let written = export_json(plan);
        let s1 = written["shifts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "s1")
            .unwrap();
        assert_eq!(s1["assistant"], "A", "{plan}: given back");
        assert_eq!(s1["original_assistant"], Value::Null, "{plan}");
    }
}

#[test]
fn absence_input_errors_name_the_field_and_the_value() {
    let (json, _) = plans("bad-input");
    for (args, field) in [
        (
            vec![
                "--assistant",
                "Z",
                "--kind",
                "ferie",
                "--from",
                "2026-07-01",
                "--to",
                "2026-07-02",
            ],
            "--assistant",
        ),
        (
            vec![
                "--assistant",
                "A",
                "--kind",
                "ferie",
                "--from",
                "2026-07-02",
                "--to",
                "2026-07-01",
            ],
            "--to",
        ),
        (
            vec![
                "--assistant",
                "A",
                "--kind",
                "ferie",
                "--from",
                "2026-06-10",
                "--to",
                "2026-06-12",
            ],
            "--from",
        ),
        (
            vec![
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
        ),
        (
            vec![
                "--assistant",
                "A",
                "--kind",
                "fri",
                "--from",
                "2026-07-01",
                "--to",
                "2026-07-02",
            ],
            "--kind",
        ),
        (
            vec![
                "--assistant",
                "A",
                "--kind",
                "ferie",
                "--sick-note",
                "egenmelding",
                "--from",
                "2026-07-01",
                "--to",
                "2026-07-01",
            ],
            "--sick-note",
        ),
        (
            vec![
                "--assistant",
                "A",
                "--kind",
                "annet",
                "--from",
                "2026-07-01",
                "--to",
                "2026-07-02",
                "--from-time",
                "10:00",
                "--to-time",
                "12:00",
            ],
            "--to",
        ),
    ] {
        let mut all = vec!["absence", "add", json.as_str()];
        all.extend(args.iter().copied());
        let o = turnus(&all);
        assert_eq!(o.code, EXIT_INPUT, "{args:?}: {}", o.out);
        assert_eq!(o.err.trim().lines().count(), 1, "{}", o.err);
        assert!(
            o.err.starts_with(&format!("turnus: {field}:")),
            "{args:?}: {}",
            o.err
        );
    }
    let o = turnus(&[
        "absence",
        "add",
        &json,
        "--assistant",
        "A",
        "--kind",
        "sykdom",
        "--sick-note",
        "sykmelding",
        "--from",
        "2026-06-11",
        "--to",
        "2026-06-11",
        "--from-time",
        "10:00",
        "--to-time",
        "12:30",
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let written = export_json(&json);
    let added = written["absences"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(added["sick_note"], "sykmelding");
    assert_eq!(added["from_time"], "10:00");
    assert_eq!(added["to_time"], "12:30");
}
