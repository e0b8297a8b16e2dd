//! `turnus import-busy` on plan files (`.turnus`): the busy time goes in as one edit of the
//! change log by the user, a new import of the same calendar replaces the earlier one, a broken
//! calendar leaves the file byte for byte as it was, and `turnus check` then counts the busy
//! time; and in plan JSON, two assistants importing one calendar no longer clash. Backups and
//! config go to a temporary folder through `TURNUS_DATA_DIR` and `TURNUS_CONFIG_DIR`.

mod support;

use std::path::{Path, PathBuf};

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS};
use turnus::store::{OpenOptions, PlanFile};
use turnus::time::Instant;

/// `turnus ARGS…` as the user Ragnhild, with backups, config and "today" kept inside this
/// test's folder.
fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-busy", &[("USER", "Ragnhild")], args)
}

const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [{"id": "A", "name": "Kari Nordmann"}, {"id": "B", "name": "Ola Hansen"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00"}]}"#;

/// A new `.turnus` plan file made from [`PLAN`] in a fresh folder; returns the folder and the
/// file's path.
fn plan_file(name: &str) -> (PathBuf, String) {
    let dir = support::temp_dir("turnus-cli-busy-files", name);
    let json = dir.join("plan.json");
    std::fs::write(&json, PLAN).expect("the plan JSON can be written");
    let plan = dir.join("plan.turnus").to_string_lossy().into_owned();
    let made = turnus(&["import", &json.to_string_lossy(), &plan]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    (dir, plan)
}

fn calendar(dir: &Path, name: &str, events: &str) -> String {
    let path = dir.join(name);
    let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n");
    std::fs::write(&path, text).expect("the calendar can be written");
    path.to_string_lossy().into_owned()
}

/// A timed event, in UTC.
fn event(uid: &str, start: &str, end: &str) -> String {
    format!("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Sykehjem\r\nDTSTART:{start}Z\r\nDTEND:{end}Z\r\nEND:VEVENT\r\n")
}

fn open(plan: &str) -> PlanFile {
    let options = OpenOptions {
        read_only: true,
        ..OpenOptions::new("test", Instant::from_unix(0))
    };
    PlanFile::open(plan, &options).expect("the plan file opens")
}

fn rest_findings(plan: &str) -> Vec<serde_json::Value> {
    let o = turnus(&["check", plan, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&o.out).expect("check prints JSON");
    report["findings"]
        .as_array()
        .expect("a list of findings")
        .iter()
        .filter(|f| f["rule"] == "REST-D")
        .cloned()
        .collect()
}

#[test]
fn busy_time_goes_into_a_plan_file_and_the_rest_rule_counts_it() {
    let (dir, plan) = plan_file("rest");
    assert!(
        rest_findings(&plan).is_empty(),
        "one shift alone rests enough"
    );
    // 16:00–23:00 Oslo time the evening before the 07:00 shift: 8 hours of rest.
    let ics = calendar(
        &dir,
        "kveld.ics",
        &event("k1", "20260608T140000", "20260608T210000"),
    );
    let o = turnus(&["import-busy", &plan, "--assistant", "A", &ics]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(
        o.out.contains("1 hendelse fra kveld.ics") && o.out.contains("Kari Nordmann"),
        "{}",
        o.out
    );
    let found = rest_findings(&plan);
    assert_eq!(
        found.len(),
        1,
        "work elsewhere cuts the daily rest: {found:?}"
    );
    assert_eq!(
        found[0]["measured"],
        8 * 60,
        "8 hours between 23:00 and 07:00"
    );
    assert_eq!(
        turnus(&["check", &plan]).code,
        EXIT_VIOLATIONS,
        "the check's exit code says so too"
    );
    let history = open(&plan).history(10).expect("the change log");
    let import: Vec<_> = history
        .iter()
        .filter(|e| e.what == "import busy time")
        .collect();
    assert_eq!(import.len(), 1, "one busy time, one entry: {history:?}");
    assert_eq!(import[0].by, "Ragnhild", "the user who ran the command");
}

#[test]
fn importing_the_same_calendar_again_replaces_the_old_import_as_one_undo_step() {
    let (dir, plan) = plan_file("replace");
    let first = [
        event("u1", "20260608T060000", "20260608T140000"),
        event("u2", "20260610T060000", "20260610T140000"),
    ]
    .concat();
    let ics = calendar(&dir, "jobb.ics", &first);
    assert_eq!(
        turnus(&["import-busy", &plan, "--assistant", "A", &ics]).code,
        EXIT_OK
    );
    // The same calendar for Ola too: the ids must not clash with Kari's.
    let o = turnus(&["import-busy", &plan, "--assistant", "B", &ics]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    // The calendar changed: u1 gone, u2 moved, u3 new.
    let second = [
        event("u2", "20260611T060000", "20260611T140000"),
        event("u3", "20260612T060000", "20260612T140000"),
    ]
    .concat();
    let ics = calendar(&dir, "jobb.ics", &second);
    let o = turnus(&["import-busy", &plan, "--assistant", "A", &ics]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(
        o.out
            .contains("erstatter det som ble lest inn fra jobb.ics tidligere (2 hendelser)"),
        "says that the earlier import is replaced: {}",
        o.out
    );

    let starts = |file: &PlanFile, who: &str| {
        let mut s: Vec<String> = file
            .load_plan()
            .expect("the plan")
            .busy
            .iter()
            .filter(|b| b.assistant.as_str() == who)
            .map(|b| b.start.local().format("%d %H:%M").to_string())
            .collect();
        s.sort();
        s
    };
    let file = open(&plan);
    assert_eq!(
        starts(&file, "A"),
        ["11 08:00", "12 08:00"],
        "only the new calendar"
    );
    assert_eq!(
        starts(&file, "B"),
        ["08 08:00", "10 08:00"],
        "Ola's import is his own"
    );
    let history = file.history(50).expect("the change log");
    let last = history[0].action;
    let entries: Vec<_> = history.iter().filter(|e| e.action == last).collect();
    assert_eq!(
        entries.len(),
        3,
        "one action: delete u1, change u2, add u3: {entries:?}"
    );
    assert!(entries.iter().all(|e| e.what == "import busy time"));
    drop(file);

    let mut file = PlanFile::open(&plan, &OpenOptions::new("test", Instant::from_unix(0)))
        .expect("opens to edit");
    file.undo(Instant::from_unix(0)).expect("undo");
    assert_eq!(
        starts(&file, "A"),
        ["08 08:00", "10 08:00"],
        "one undo gives the first import back whole"
    );
}

#[test]
fn a_broken_calendar_leaves_the_plan_file_byte_for_byte_as_it_was() {
    let (dir, plan) = plan_file("broken");
    let good = calendar(
        &dir,
        "jobb.ics",
        &event("u1", "20260608T060000", "20260608T140000"),
    );
    assert_eq!(
        turnus(&["import-busy", &plan, "--assistant", "A", &good]).code,
        EXIT_OK
    );
    let before = std::fs::read(&plan).expect("the plan file");
    let broken = dir.join("jobb.ics");
    std::fs::write(&broken, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n").expect("written");
    let o = turnus(&[
        "import-busy",
        &plan,
        "--assistant",
        "A",
        &broken.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_INPUT);
    assert_eq!(o.err.lines().count(), 1, "one line: {}", o.err);
    assert!(
        o.err.contains("never ends") && o.err.contains("nothing was imported"),
        "says what is wrong and that nothing changed: {}",
        o.err
    );
    assert_eq!(std::fs::read(&plan).expect("the plan file"), before);
}

#[test]
fn an_unknown_assistant_is_refused_and_nothing_is_imported() {
    let (dir, plan) = plan_file("unknown");
    let ics = calendar(
        &dir,
        "jobb.ics",
        &event("u1", "20260608T060000", "20260608T140000"),
    );
    let o = turnus(&["import-busy", &plan, "--assistant", "Z", &ics]);
    assert_eq!(o.code, EXIT_INPUT);
    assert!(o.err.contains("«Z»"), "{}", o.err);
    assert!(open(&plan).load_plan().expect("the plan").busy.is_empty());
}

#[test]
fn importing_an_unchanged_calendar_again_adds_nothing_to_the_change_log() {
    let (dir, plan) = plan_file("unchanged");
    let ics = calendar(
        &dir,
        "jobb.ics",
        &event("u1", "20260608T060000", "20260608T140000"),
    );
    for _ in 0..2 {
        let o = turnus(&["import-busy", &plan, "--assistant", "A", &ics]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
    }
    let history = open(&plan).history(50).expect("the change log");
    let imports = history
        .iter()
        .filter(|e| e.what == "import busy time")
        .count();
    assert_eq!(
        imports, 1,
        "the second import found nothing to change, so undo has nothing to take back"
    );
}

#[test]
fn plan_json_stays_readable_when_two_assistants_import_the_same_calendar() {
    let dir = support::temp_dir("turnus-cli-busy-files", "json");
    let json = dir.join("plan.json");
    std::fs::write(&json, PLAN).expect("the plan JSON can be written");
    let json = json.to_string_lossy().into_owned();
    let ics = calendar(
        &dir,
        "jobb.ics",
        &event("u1", "20260608T060000", "20260608T140000"),
    );
    for who in ["A", "B"] {
        let o = turnus(&["import-busy", &json, "--assistant", who, &ics]);
        assert_eq!(o.code, EXIT_OK, "{who}: {}", o.err);
    }
    let text = std::fs::read_to_string(&json).expect("the plan JSON");
    let read = turnus::interchange::read_plan(&text)
        .expect("one UID for two assistants is no duplicate id in the plan");
    assert_eq!(read.busy.len(), 2);
}
