//! The command line at the edges of its input: dates far outside 1900–2200, calendars built to
//! overflow or to poison a plan, values and file names holding line breaks, and clap's usage
//! errors. Each must end in exit 2 with one line on stderr (or, for a calendar event, be left
//! out with its reason), and what `import-busy` takes in must still check, export and import.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};
use turnus::model::{AssistantId, BusyTime};
use turnus::store::{Edit, OpenOptions, PlanFile};
use turnus::time::{Instant, DAY};

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-hardening-input", &[("USER", "Ragnhild")], args)
}

const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "settings": {"name": "Hjemme"},
  "assistants": [{"id": "A", "name": "Kari Nordmann"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00"}]}"#;

/// A folder for one test with [`PLAN`] as plan JSON and as a plan file.
fn plans(name: &str) -> (PathBuf, String, String) {
    let dir = support::temp_dir("turnus-cli-hardening-input", name);
    let json = dir.join("plan.json");
    std::fs::write(&json, PLAN).expect("the plan JSON can be written");
    let file = dir.join("plan.turnus").to_string_lossy().into_owned();
    let made = turnus(&["import", &json.to_string_lossy(), &file]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    (dir, json.to_string_lossy().into_owned(), file)
}

fn calendar(dir: &Path, name: &str, events: &str) -> String {
    let path = dir.join(name);
    let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n");
    std::fs::write(&path, text).expect("the calendar can be written");
    path.to_string_lossy().into_owned()
}

fn event(uid: &str, times: &str) -> String {
    format!("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Jobb {uid}\r\n{times}END:VEVENT\r\n")
}

/// Exit 2 and exactly one line on stderr, no control character in it.
fn assert_one_line_refusal(o: &Outcome, why: &str) {
    assert_eq!(o.code, EXIT_INPUT, "{why}: exit 2; stderr: {}", o.err);
    assert_eq!(o.err.lines().count(), 1, "{why}: one line: {:?}", o.err);
    assert!(
        !o.err.trim_end_matches('\n').chars().any(char::is_control),
        "{why}: control characters are escaped: {:?}",
        o.err
    );
}

#[test]
fn dates_far_outside_the_supported_years_are_one_line_input_errors() {
    let (dir, json, _) = plans("extreme-dates");
    let o = turnus(&["check", &json, "--to=+262142-12-31"]);
    assert_one_line_refusal(&o, "check --to at the end of chrono's range");
    assert!(o.err.contains("1900 to 2200"), "{}", o.err);
    let o = turnus(&["check", &json, "--from=2201-01-01"]);
    assert_one_line_refusal(&o, "check --from just after 2200");
    let out = dir.join("out.pdf").to_string_lossy().into_owned();
    for kind in ["turnusplan", "lovsjekk", "timeliste"] {
        let o = turnus(&[
            "export",
            "pdf",
            &json,
            "--kind",
            kind,
            "--assistant",
            "A",
            "--from=-262143-01-01",
            "-o",
            &out,
        ]);
        assert_one_line_refusal(&o, kind);
        assert!(o.err.contains("--from"), "the flag is named: {}", o.err);
    }
}

#[test]
fn calendar_durations_that_overflow_are_left_out_and_the_plan_stays_usable() {
    let (dir, _, file) = plans("durations");
    let events = [
        event(
            "w",
            "DTSTART:20260610T080000Z\r\nDURATION:P9999999999999999W\r\n",
        ),
        event(
            "s",
            "DTSTART:20260610T080000Z\r\nDURATION:PT9223372036854775807S\r\n",
        ),
        event(
            "d",
            "DTSTART:20260610T080000Z\r\nDURATION:P99999999999999D\r\n",
        ),
        event("ok", "DTSTART:20260611T080000Z\r\nDURATION:PT8H\r\n"),
    ]
    .concat();
    let ics = calendar(&dir, "lang.ics", &events);
    let o = turnus(&["import-busy", &file, "--assistant", "A", &ics]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.out.starts_with("1 hendelse"), "{}", o.out);
    assert_eq!(
        o.out.matches("varer mer enn 31 døgn").count(),
        3,
        "each too-long event is skipped with its reason: {}",
        o.out
    );
    plan_still_checks_exports_and_imports(&dir, &file);
}

/// `check`, `export json`, `export pdf` work on `file`, and its plan JSON imports again.
fn plan_still_checks_exports_and_imports(dir: &Path, file: &str) {
    let started = std::time::Instant::now();
    let o = turnus(&["check", file, "--format", "json"]);
    assert!(o.code == 0 || o.code == 1, "check runs: {}", o.err);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "check stays cheap"
    );
    let exported = dir.join("again.json").to_string_lossy().into_owned();
    let o = turnus(&["export", "json", file, "--out", &exported]);
    assert_eq!(o.code, EXIT_OK, "export json: {}", o.err);
    let again = dir.join("again.turnus").to_string_lossy().into_owned();
    let o = turnus(&["import", &exported, &again]);
    assert_eq!(
        o.code, EXIT_OK,
        "what was exported imports again: {}",
        o.err
    );
    let pdf = dir.join("plan.pdf").to_string_lossy().into_owned();
    let o = turnus(&[
        "export",
        "pdf",
        file,
        "--kind",
        "lovsjekk",
        "--from",
        "2026-06-01",
        "-o",
        &pdf,
    ]);
    assert_eq!(o.code, EXIT_OK, "export pdf: {}", o.err);
}

#[test]
fn calendar_events_with_seconds_far_years_and_clashing_uids_import_and_export_again() {
    let (dir, json, file) = plans("round-trip");
    let events = [
        event(
            "x",
            "DTSTART:20260612T100030Z\r\nDTEND:20260612T110030Z\r\n",
        ),
        event(
            "x",
            "DTSTART:20260613T100000Z\r\nDTEND:20260613T110000Z\r\n",
        ),
        event(
            "x#2",
            "DTSTART:20260614T100000Z\r\nDTEND:20260614T110000Z\r\n",
        ),
        event(
            "old",
            "DTSTART:18991231T100000Z\r\nDTEND:18991231T110000Z\r\n",
        ),
        event(
            "far",
            "DTSTART:99991231T100000Z\r\nDTEND:99991231T110000Z\r\n",
        ),
        event(
            "tail",
            "DTSTART:20260615T100000Z\r\nDTEND:99991231T110000Z\r\n",
        ),
    ]
    .concat();
    let ics = calendar(&dir, "jobb.ics", &events);
    for plan in [&file, &json] {
        let o = turnus(&["import-busy", plan, "--assistant", "A", &ics]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        assert!(o.out.starts_with("3 hendelser"), "{}", o.out);
        assert_eq!(
            o.out.matches("utenfor årene").count(),
            3,
            "events outside 1900–2200 are skipped with the reason: {}",
            o.out
        );
    }
    let text = std::fs::read_to_string(&json).expect("the plan JSON");
    let plan = turnus::interchange::read_plan(&text).expect("what was imported reads back");
    let ids: Vec<&str> = plan.busy.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["A:jobb.ics:x", "A:jobb.ics:x#3", "A:jobb.ics:x#2"]);
    let first = &plan.busy[0];
    assert_eq!(
        (first.start.to_rfc3339(), first.end.to_rfc3339()),
        (
            "2026-06-12T12:00:00+02:00".to_string(),
            "2026-06-12T13:01:00+02:00".to_string()
        ),
        "seconds: the start goes back and the end forward to whole minutes"
    );
    plan_still_checks_exports_and_imports(&dir, &file);
}

#[test]
fn a_calendar_with_too_many_events_is_refused_in_one_sentence() {
    let (dir, _, file) = plans("too-many");
    let one = event(
        "e",
        "DTSTART:20260610T080000Z\r\nDTEND:20260610T090000Z\r\n",
    );
    let ics = calendar(
        &dir,
        "stor.ics",
        &one.repeat(turnus::import::ics::MAX_EVENTS + 1),
    );
    let o = turnus(&["import-busy", &file, "--assistant", "A", &ics]);
    assert_one_line_refusal(&o, "more events than one import takes");
    assert!(o.err.contains("10000"), "{}", o.err);
}

#[test]
fn a_plan_file_holding_an_absurd_busy_time_is_refused_not_a_panic() {
    let (dir, _, file) = plans("poisoned");
    {
        let mut plan = PlanFile::open(&file, &OpenOptions::new("test", Instant::from_unix(0)))
            .expect("the plan file opens");
        let start = Instant::parse("2026-06-10T08:00").expect("a time");
        let busy = BusyTime {
            id: "b".into(),
            assistant: AssistantId("A".into()),
            start,
            end: start.plus(99_999_999_999_999 * DAY),
            source: "gammel.ics".into(),
            summary: String::new(),
        };
        plan.apply(Instant::from_unix(0), "old import", &[Edit::AddBusy(busy)])
            .expect("the store takes it: end is after start");
        plan.close().expect("closes");
    }
    let o = turnus(&["check", &file]);
    assert_one_line_refusal(&o, "check");
    assert!(
        o.err.contains("busy[0].end"),
        "the field is named: {}",
        o.err
    );
    let out = dir.join("x.json").to_string_lossy().into_owned();
    assert_one_line_refusal(
        &turnus(&["export", "json", &file, "--out", &out]),
        "export json",
    );
    let pdf = dir.join("x.pdf").to_string_lossy().into_owned();
    assert_one_line_refusal(
        &turnus(&["export", "pdf", &file, "--kind", "turnusplan", "-o", &pdf]),
        "export pdf",
    );
}

#[test]
fn line_breaks_in_values_and_file_names_stay_on_one_line() {
    let dir = support::temp_dir("turnus-cli-hardening-input", "line-breaks");
    let json = dir.join("brudd.json");
    std::fs::write(
        &json,
        r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
            "shifts": [{"id": "s1", "assistant": "A\r\nB", "start": "2026-06-08T08:00",
                        "end": "2026-06-08T09:00"}]}"#,
    )
    .expect("written");
    let o = turnus(&["check", &json.to_string_lossy()]);
    assert_one_line_refusal(&o, "CR LF inside a JSON value");
    assert!(o.err.contains("«A\\r\\nB»"), "escaped: {}", o.err);
    let (_, _, file) = plans("line-break-name");
    let ics = dir.join("jobb\nkalender.ics");
    std::fs::write(&ics, "not a calendar\n").expect("written");
    let o = turnus(&[
        "import-busy",
        &file,
        "--assistant",
        "A",
        &ics.to_string_lossy(),
    ]);
    assert_one_line_refusal(&o, "a calendar file name with a line break");
    assert!(o.err.contains("jobb\\nkalender.ics"), "{}", o.err);
}

#[test]
fn usage_errors_are_one_line_and_help_still_prints_in_full() {
    let o = turnus(&["check", "--x"]);
    assert_one_line_refusal(&o, "an unknown flag");
    assert_eq!(
        o.err,
        "turnus: unexpected argument '--x' found; see `turnus --help`\n"
    );
    let o = turnus(&["export", "pdf", "plan.json"]);
    assert_one_line_refusal(&o, "missing required flags");
    assert!(o.err.contains("--kind"), "{}", o.err);
    let o = turnus(&["--help"]);
    assert_eq!(o.code, EXIT_OK);
    assert!(o.out.lines().count() > 3, "help is printed in full");
    let o = turnus(&["--version"]);
    assert_eq!(o.code, EXIT_OK);
    assert!(o.out.starts_with("turnus "), "{}", o.out);
}

#[test]
fn check_and_import_refuse_the_same_plans_with_the_same_field() {
    let dir = support::temp_dir("turnus-cli-hardening-input", "same-plans");
    let base =
        r#""format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}], "shifts": []"#;
    let cases = [
        (
            r#""absences": [{"id": "", "assistant": "A", "kind": "ferie", "from": "2026-06-08", "to": "2026-06-09"}]"#,
            "absences[0].id",
        ),
        (
            r#""rotations": [{"id": "", "weeks": 1, "start": "2026-06-08"}]"#,
            "rotations[0].id",
        ),
        (
            r#""absences": [{"id": "f", "assistant": "A", "kind": "ferie", "from": "9999-06-08", "to": "+10000-06-09"}]"#,
            "absences[0].from",
        ),
        (
            r#""vedtak": [{"from": "2026-01-01", "to": "12026-01-01"}]"#,
            "vedtak[0].to",
        ),
    ];
    for (n, (part, field)) in cases.iter().enumerate() {
        let json = dir.join(format!("plan{n}.json"));
        std::fs::write(&json, format!("{{{base}, {part}}}")).expect("written");
        let json = json.to_string_lossy().into_owned();
        let checked = turnus(&["check", &json]);
        assert_one_line_refusal(&checked, field);
        assert!(checked.err.contains(field), "{}", checked.err);
        let file = dir
            .join(format!("plan{n}.turnus"))
            .to_string_lossy()
            .into_owned();
        let imported = turnus(&["import", &json, &file]);
        assert_one_line_refusal(&imported, field);
        assert!(
            imported.err.contains(field) && !imported.err.contains("CHECK"),
            "import refuses as check does, never with a raw SQL error: {}",
            imported.err
        );
    }
}

/// Every leaf of `v` as a path such as `.shifts[0].break_minutes`, the first item of each
/// list only.
fn leaves(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                leaves(x, format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            if let Some(x) = a.first() {
                leaves(x, format!("{path}[0]"), out);
            }
        }
        _ => out.push(path),
    }
}

fn pointer(path: &str) -> String {
    path.replace("[0]", ".0").replace('.', "/")
}

#[test]
fn every_refusal_of_a_damaged_demo_plan_names_a_field() {
    let plan = turnus::demo::demo_plan(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let base = turnus::interchange::plan_to_value(&plan);
    let mut paths = Vec::new();
    leaves(&base, String::new(), &mut paths);
    let values = [
        serde_json::json!(1.5),
        serde_json::json!("x"),
        serde_json::json!(null),
        serde_json::json!([]),
        serde_json::json!(-1),
        serde_json::json!("99999-01-01"),
    ];
    let mut refusals = 0;
    for path in &paths {
        for value in &values {
            let mut doc = base.clone();
            *doc.pointer_mut(&pointer(path)).expect("the leaf exists") = value.clone();
            if let Err(e) = turnus::interchange::read_plan_value(doc) {
                refusals += 1;
                let top_level = !e.path.contains(['.', '[']) && !e.path.is_empty();
                assert!(
                    top_level || e.path.contains('.'),
                    "{value} at {path}: the refusal names a field, not only an entity: {e}"
                );
            }
        }
    }
    assert!(refusals > 300, "most damage is refused ({refusals})");
}
