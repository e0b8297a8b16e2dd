//! A fuzz suite on stable Rust: damaged input at the command line's edges, with properties that
//! hold for any input, run in-process through `turnus::cli::run_with`.
//!
//! | input | commands | properties |
//! |---|---|---|
//! | mutated plan JSON | `check`, `import` | exit 0, 1 or 2 (never a panic); one stderr line on exit 2; `check` accepts ⇔ `import` accepts; a refused import leaves no file |
//! | mutated calendars (.ics) | `import-busy` into a plan file | the same, and a refused import leaves the plan file byte for byte |
//! | damaged plan files | `check`, `export json`, `import-busy` | the same, and a refused command leaves the plan file byte for byte |
//!
//! Each property runs a fixed number of cases from a fixed seed (not `PROPTEST_RNG_SEED`), so a
//! run is reproducible and `cargo test` stays quick (a few seconds each). A mutation is a list
//! of small edits to a valid seed input, so a failure shrinks to the fewest edits that still
//! break the property, and the message shows the input.

mod support;

use std::ffi::OsString;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::{json, Value};
use turnus::cli::{run_with, EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS};

/// What one in-process run gave; `code` is `None` when it panicked, and then `err` holds the
/// panic's message and place.
struct Run {
    code: Option<i32>,
    err: String,
}

thread_local! {
    /// Set while this thread runs the command line: a panic there is a finding of the suite,
    /// recorded instead of printed (shrinking would print hundreds).
    static IN_CLI: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PANIC: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Install, once, a panic hook that records panics of the command line and leaves every other
/// panic (a failing assertion) to the default hook.
fn quiet_panics_in_the_command_line() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CLI.with(|flag| flag.get()) {
                PANIC.with(|p| *p.borrow_mut() = info.to_string());
            } else {
                default(info);
            }
        }));
    });
}

/// Run `turnus ARGS…` in this process, catching a panic, with backups, config and "today" in
/// this test program's own folder.
fn turnus(args: &[&str]) -> Run {
    // Sets up the environment once per test program.
    let _ = support::turnus_at_home("turnus-fuzz", &[("USER", "Fuzz")], &["--version"]);
    let mut argv: Vec<OsString> = vec!["turnus".into()];
    argv.extend(args.iter().map(OsString::from));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    quiet_panics_in_the_command_line();
    IN_CLI.with(|flag| flag.set(true));
    let code = catch_unwind(AssertUnwindSafe(|| run_with(argv, &mut out, &mut err))).ok();
    IN_CLI.with(|flag| flag.set(false));
    let err = match code {
        Some(_) => String::from_utf8_lossy(&err).into_owned(),
        None => PANIC.with(|p| p.borrow().clone()),
    };
    Run { code, err }
}

/// The properties every run must have: it ends with 0, 1 or 2, and exit 2 says why on exactly
/// one line of stderr.
fn well_behaved(run: &Run, what: &str) -> Result<i32, TestCaseError> {
    let Some(code) = run.code else {
        return Err(TestCaseError::fail(format!("{what}: {}", run.err)));
    };
    prop_assert!(
        [EXIT_OK, EXIT_VIOLATIONS, EXIT_INPUT].contains(&code),
        "{what}: exit code {code}"
    );
    if code == EXIT_INPUT {
        prop_assert!(
            run.err.ends_with('\n') && run.err.lines().count() == 1,
            "{what}: exit 2 must say why on exactly one line, stderr was {:?}",
            run.err
        );
    }
    Ok(code)
}

/// A runner with a fixed seed and number of cases, whatever the environment says.
fn runner(cases: u32, seed: u8) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 256,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    )
}

fn run_property<S: Strategy>(
    cases: u32,
    seed: u8,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    if let Err(e) = runner(cases, seed).run(&strategy, test) {
        panic!("{e}");
    }
}

fn folder(name: &str) -> PathBuf {
    support::temp_dir("turnus-fuzz-cases", name)
}

fn path_text(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

// --- Mutations ----------------------------------------------------------------------------

/// Values that have broken parsers before: edges of the date range, clock changes, huge and
/// negative numbers, wrong types, long and odd text.
fn nasty(k: usize) -> Value {
    let long = "ø".repeat(300);
    let values = [
        json!(""),
        json!(" "),
        json!(null),
        json!(true),
        json!(-1),
        json!(0),
        json!(1e300),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(0.5),
        json!([]),
        json!({}),
        json!("A"),
        json!("1899-12-31"),
        json!("2201-01-01"),
        json!("1900-01-01T00:00"),
        json!("2200-12-31T23:59"),
        json!("9999-12-31T23:59"),
        json!("2026-03-29T02:30"),
        json!("2026-10-25T02:30"),
        json!("2026-10-25T02:30:00+01:00"),
        json!("2026-06-08T08:00:00+14:00"),
        json!("2026-06-08T08:00:00.5+02:00"),
        json!("2026-06-08"),
        json!("2026-06-09T08:00"),
        json!("2026-06-15T08:00"),
        json!("25:61"),
        json!("00:00"),
        json!("tariff"),
        json!("\u{0}\u{7}"),
        json!("a\nb"),
        json!(long),
    ];
    values[k % values.len()].clone()
}

/// One edit of a JSON document, at the node an [`Index`] picks among all its nodes.
#[derive(Clone, Debug)]
enum JsonEdit {
    Replace(Index, usize),
    Remove(Index),
    Duplicate(Index),
    UnknownKey(Index),
}

fn json_edit() -> impl Strategy<Value = JsonEdit> {
    prop_oneof![
        4 => (any::<Index>(), any::<usize>()).prop_map(|(i, k)| JsonEdit::Replace(i, k)),
        2 => any::<Index>().prop_map(JsonEdit::Remove),
        2 => any::<Index>().prop_map(JsonEdit::Duplicate),
        1 => any::<Index>().prop_map(JsonEdit::UnknownKey),
    ]
}

/// JSON pointers of every node below the root.
fn pointers(v: &Value, at: String, into: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                into.push(p.clone());
                pointers(child, p, into);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                into.push(p.clone());
                pointers(child, p, into);
            }
        }
        _ => {}
    }
}

fn split_pointer(p: &str) -> (&str, String) {
    let cut = p.rfind('/').expect("a pointer below the root");
    let last = p[cut + 1..].replace("~1", "/").replace("~0", "~");
    (&p[..cut], last)
}

fn apply_json(doc: &mut Value, edit: &JsonEdit) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    if all.is_empty() {
        return;
    }
    match edit {
        JsonEdit::Replace(i, k) => {
            if let Some(node) = doc.pointer_mut(i.get(&all).as_str()) {
                *node = nasty(*k);
            }
        }
        JsonEdit::Remove(i) | JsonEdit::Duplicate(i) | JsonEdit::UnknownKey(i) => {
            let pointer = i.get(&all).clone();
            let (parent, last) = split_pointer(&pointer);
            let Some(parent) = doc.pointer_mut(parent) else {
                return;
            };
            match (edit, parent) {
                (JsonEdit::Remove(_), Value::Object(map)) => {
                    map.remove(&last);
                }
                (JsonEdit::Remove(_), Value::Array(items)) => {
                    if let Ok(n) = last.parse::<usize>() {
                        items.remove(n);
                    }
                }
                (JsonEdit::Duplicate(_), Value::Array(items)) => {
                    if let Ok(n) = last.parse::<usize>() {
                        let copy = items[n].clone();
                        items.insert(n, copy);
                    }
                }
                (JsonEdit::UnknownKey(_), Value::Object(map)) => {
                    map.insert("ukjent".into(), json!(1));
                }
                _ => {}
            }
        }
    }
}

/// One edit of raw bytes.
#[derive(Clone, Debug)]
enum ByteEdit {
    Truncate(Index),
    Set(Index, u8),
    Zero(Index, u16),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        1 => any::<Index>().prop_map(ByteEdit::Truncate),
        4 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        2 => (any::<Index>(), any::<u16>()).prop_map(|(i, n)| ByteEdit::Zero(i, n)),
    ]
}

fn apply_bytes(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    if bytes.is_empty() {
        return;
    }
    match edit {
        ByteEdit::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        ByteEdit::Set(i, b) => {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        ByteEdit::Zero(i, n) => {
            let at = i.index(bytes.len());
            let end = (at + usize::from(*n)).min(bytes.len());
            bytes[at..end].fill(0);
        }
    }
}

// --- Seeds --------------------------------------------------------------------------------

/// A small plan that uses every part of plan JSON.
const SEED_PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "settings": {"name": "Fuzz", "arbeidsleder": "Kari", "leverandor": "Uloba", "current_user": "Kari", "carry_over": false},
  "profile": {"preset": "aml", "overrides": {"daily_normal_max_h": 9}},
  "vedtak": [{"from": "2026-01-01", "to": null, "annual_frame": true,
              "hours_per_week": {"personlig_assistanse": 37.5}, "double_staffing": false,
              "night": "excluded", "passive_factor": 0.5}],
  "assistants": [
    {"id": "A", "name": "Kari Nordmann", "contract_hours_per_week": 20, "close_family": true},
    {"id": "B", "name": "Ola Hansen", "role": "vikar", "profile": "tariff", "birth_year": 1990}],
  "shift_types": [{"code": "D", "name": "Dag", "start": "08:00", "end": "16:00", "break_minutes": 30}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T16:00", "break_minutes": 30, "shift_type": "D"},
    {"id": "s2", "assistant": "A", "start": "2026-06-08T20:00", "end": "2026-06-09T07:00", "passive_minutes": 240, "long_shift": true},
    {"id": "s3", "assistant": "B", "start": "2026-06-08T15:00", "end": "2026-06-08T22:00", "status": "worked"},
    {"id": "s4", "assistant": null, "start": "2026-10-25T01:00:00+02:00", "end": "2026-10-25T09:00", "status": "cancelled"}],
  "absences": [{"id": "f1", "assistant": "B", "kind": "ferie", "from": "2026-07-01", "to": "2026-07-14"}],
  "busy": [{"id": "b1", "assistant": "B", "start": "2026-06-10T08:00", "end": "2026-06-10T12:00", "source": "jobb.ics", "summary": "Jobb"}]}"#;

/// A calendar with a UTC event, a local one with a time zone, an all-day one and a duration.
const SEED_CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fuzz//EN\r\n\
BEGIN:VEVENT\r\nUID:e1@fuzz\r\nDTSTAMP:20260601T000000Z\r\nDTSTART:20260610T060000Z\r\nDTEND:20260610T100000Z\r\nSUMMARY:Jobb\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:e2@fuzz\r\nDTSTAMP:20260601T000000Z\r\nDTSTART;TZID=Europe/Oslo:20261025T013000\r\nDURATION:PT3H\r\nSUMMARY:Natt\\, lang\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:e3@fuzz\r\nDTSTAMP:20260601T000000Z\r\nDTSTART;VALUE=DATE:20260612\r\nDTEND;VALUE=DATE:20260613\r\nSUMMARY:Heldag\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:e4@fuzz\r\nDTSTAMP:20260601T000000Z\r\nDTSTART:20260615T080000\r\nDTEND:20260615T160000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

/// Values for calendar lines: edges of dates and durations, broken text.
const NASTY_CALENDAR_VALUES: &[&str] = &[
    "",
    "19000101T000000Z",
    "18991231T235959Z",
    "22001231T235959Z",
    "99991231T235959Z",
    "20260329T023000",
    "20261025T023000",
    "20260610",
    "P99999999W",
    "PT9223372036854775807S",
    "-PT1H",
    "P1Y",
    "FREQ=SECONDLY",
    "FREQ=DAILY;COUNT=100000",
    "x",
    "\u{0}",
];

/// One edit of a calendar, line by line.
#[derive(Clone, Debug)]
enum CalendarEdit {
    DropLine(Index),
    RepeatLine(Index, u8),
    SetValue(Index, usize),
    Bytes(ByteEdit),
}

fn calendar_edit() -> impl Strategy<Value = CalendarEdit> {
    prop_oneof![
        2 => any::<Index>().prop_map(CalendarEdit::DropLine),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(i, n)| CalendarEdit::RepeatLine(i, n)),
        4 => (any::<Index>(), any::<usize>()).prop_map(|(i, k)| CalendarEdit::SetValue(i, k)),
        1 => byte_edit().prop_map(CalendarEdit::Bytes),
    ]
}

fn apply_calendar(bytes: &mut Vec<u8>, edit: &CalendarEdit) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    match edit {
        CalendarEdit::Bytes(e) => return apply_bytes(bytes, e),
        CalendarEdit::DropLine(i) => {
            lines.remove(i.index(lines.len()));
        }
        CalendarEdit::RepeatLine(i, n) => {
            let at = i.index(lines.len());
            let line = lines[at].clone();
            for _ in 0..*n {
                lines.insert(at, line.clone());
            }
        }
        CalendarEdit::SetValue(i, k) => {
            let at = i.index(lines.len());
            if let Some(colon) = lines[at].find(':') {
                let value = NASTY_CALENDAR_VALUES[k % NASTY_CALENDAR_VALUES.len()];
                lines[at] = format!("{}:{value}", &lines[at][..colon]);
            }
        }
    }
    *bytes = lines.join("\r\n").into_bytes();
}

/// A fresh plan file made from [`SEED_PLAN`], once per test program; returns its bytes.
fn seed_plan_file() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES
        .get_or_init(|| {
            let dir = folder("seed");
            let json = dir.join("seed.json");
            std::fs::write(&json, SEED_PLAN).expect("the seed can be written");
            let file = dir.join("seed.turnus");
            let made = turnus(&["import", &path_text(&json), &path_text(&file)]);
            assert_eq!(made.code, Some(EXIT_OK), "the seed imports: {}", made.err);
            std::fs::read(&file).expect("the seed plan file")
        })
        .clone()
}

// --- Properties ---------------------------------------------------------------------------

#[test]
fn mutated_plan_json_is_checked_or_refused_the_same_way_by_check_and_import() {
    let seed: Value = serde_json::from_str(SEED_PLAN).expect("the seed is JSON");
    let dir = folder("json");
    let strategy = (
        prop::collection::vec(json_edit(), 1..4),
        prop::collection::vec(byte_edit(), 0..2),
    );
    run_property(128, 1, strategy, |(edits, bytes)| {
        let mut doc = seed.clone();
        for e in &edits {
            apply_json(&mut doc, e);
        }
        let mut text = serde_json::to_vec(&doc).expect("JSON writes");
        // Byte edits only now and then: most cases should be valid JSON.
        for e in &bytes {
            apply_bytes(&mut text, e);
        }
        let shown = String::from_utf8_lossy(&text).into_owned();
        let json = dir.join("plan.json");
        std::fs::write(&json, &text).expect("the case can be written");
        let check = turnus(&["check", &path_text(&json), "--format", "json"]);
        let checked = well_behaved(&check, &format!("check of {shown}"))?;
        let file = dir.join("new.turnus");
        let _ = std::fs::remove_file(&file);
        let import = turnus(&["import", &path_text(&json), &path_text(&file)]);
        let imported = well_behaved(&import, &format!("import of {shown}"))?;
        prop_assert_eq!(
            checked != EXIT_INPUT,
            imported == EXIT_OK,
            "check and import must accept the same plans: check said {:?}, import said {:?}, for {}",
            check.err,
            import.err,
            shown
        );
        if imported != EXIT_OK {
            prop_assert!(
                !file.exists(),
                "a refused import leaves no plan file behind, for {}",
                shown
            );
        }
        Ok(())
    });
}

#[test]
fn mutated_calendars_are_imported_or_leave_the_plan_file_as_it_was() {
    let seed = seed_plan_file();
    let dir = folder("ics");
    run_property(
        96,
        2,
        prop::collection::vec(calendar_edit(), 1..4),
        |edits| {
            let mut bytes = SEED_CALENDAR.as_bytes().to_vec();
            for e in &edits {
                apply_calendar(&mut bytes, e);
            }
            let shown = String::from_utf8_lossy(&bytes).into_owned();
            let plan = dir.join("plan.turnus");
            std::fs::write(&plan, &seed).expect("the plan file can be written");
            let calendar = dir.join("jobb.ics");
            std::fs::write(&calendar, &bytes).expect("the calendar can be written");
            let run = turnus(&[
                "import-busy",
                &path_text(&plan),
                "--assistant",
                "B",
                &path_text(&calendar),
            ]);
            let code = well_behaved(&run, &format!("import-busy of {shown:?}"))?;
            if code == EXIT_INPUT {
                prop_assert!(
                    std::fs::read(&plan).expect("the plan file") == seed,
                    "a refused calendar leaves the plan file byte for byte, for {:?}",
                    shown
                );
            }
            Ok(())
        },
    );
}

#[test]
fn damaged_plan_files_are_read_or_refused_without_being_changed() {
    let seed = seed_plan_file();
    let dir = folder("file");
    let calendar = dir.join("jobb.ics");
    std::fs::write(&calendar, SEED_CALENDAR).expect("the calendar can be written");
    let strategy = (prop::collection::vec(byte_edit(), 1..4), 0..3usize);
    run_property(96, 3, strategy, |(edits, command)| {
        let mut bytes = seed.clone();
        for e in &edits {
            apply_bytes(&mut bytes, e);
        }
        let plan = dir.join("plan.turnus");
        for leftover in ["plan.turnus-journal", "plan.turnus-wal", "plan.turnus-shm"] {
            let _ = std::fs::remove_file(dir.join(leftover));
        }
        std::fs::write(&plan, &bytes).expect("the plan file can be written");
        let plan_text = path_text(&plan);
        let calendar_text = path_text(&calendar);
        let args: Vec<&str> = match command {
            0 => vec!["check", &plan_text],
            1 => vec!["export", "json", &plan_text],
            _ => vec![
                "import-busy",
                &plan_text,
                "--assistant",
                "B",
                &calendar_text,
            ],
        };
        let run = turnus(&args);
        let what = format!("{} of a plan file damaged by {edits:?}", args[0]);
        let code = well_behaved(&run, &what)?;
        if code == EXIT_INPUT || command < 2 {
            prop_assert!(
                std::fs::read(&plan).expect("the plan file") == bytes,
                "{}: the plan file must be left byte for byte (stderr {:?})",
                what,
                run.err
            );
        }
        Ok(())
    });
}
