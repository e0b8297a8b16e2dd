//! Busy time through the session, as the app's assistant page meets it: calendar files in a
//! temporary folder, a plan in memory (or on disk for read-only), the clock passed in.

use std::path::PathBuf;

use super::super::{AssistantInput, ErrorCode, Language, PlanView, Session, ShiftInput, Window};
use super::*;

const TODAY: &str = "2026-06-01";

fn now() -> Instant {
    Instant::parse("2026-06-01T09:00").expect("a valid time")
}

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("a valid date")
}

fn june() -> Window {
    Window {
        from: "2026-06-01".into(),
        to: "2026-06-30".into(),
    }
}

/// A temporary folder, removed with everything in it when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "turnus-session-busy-{name}-{}",
            crate::store::new_id()
        ));
        std::fs::create_dir_all(&dir).expect("the temporary folder can be made");
        TempDir(dir)
    }

    /// Write a calendar file named `name` holding `events` and return its path.
    fn calendar(&self, name: &str, events: &str) -> PathBuf {
        let path = self.0.join(name);
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n");
        std::fs::write(&path, text).expect("the calendar can be written");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A timed event in UTC (`YYYYMMDDTHHMMSS`).
fn event(uid: &str, summary: &str, start: &str, end: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART:{start}Z\r\nDTEND:{end}Z\r\nEND:VEVENT\r\n"
    )
}

fn all_day(uid: &str, summary: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:20260612\r\nEND:VEVENT\r\n"
    )
}

/// A session in memory with the assistants `names`; returns it and their ids.
fn session(names: &[&str], lang: Language) -> (Session, Vec<String>) {
    let mut s = Session::in_memory("Ragnhild", lang).expect("a plan in memory");
    let mut view = None;
    for name in names {
        let input = AssistantInput {
            name: name.to_string(),
            ..AssistantInput::default()
        };
        view = Some(
            s.save_assistant(now(), today(), &june(), &input)
                .expect("the assistant is saved"),
        );
    }
    let ids = view
        .map(|v| v.assistants.iter().map(|a| a.id.clone()).collect())
        .unwrap_or_default();
    (s, ids)
}

fn sources_of(view: &PlanView, id: &str) -> Vec<BusySourceView> {
    view.assistants
        .iter()
        .find(|a| a.id == id)
        .expect("the assistant is in the view")
        .busy
        .clone()
}

#[test]
fn an_import_lists_the_calendar_with_its_count_and_period_and_tells_what_was_skipped() {
    let dir = TempDir::new("list");
    let (mut s, ids) = session(&["Kari"], Language::Nb);
    let cal = dir.calendar(
        "jobb.ics",
        &[
            event("u1", "Sykehjem", "20260608T060000", "20260608T140000"),
            // 20:00–24:00 Oslo time on the 10th: ends at midnight, so its last day is the 10th.
            event("u2", "Kveld", "20260610T180000", "20260610T220000"),
            all_day("u3", "Kurs"),
        ]
        .concat(),
    );
    let result = s
        .import_busy(now(), today(), &june(), &ids[0], &cal)
        .expect("a good calendar is imported");
    assert_eq!(result.source, "jobb.ics");
    assert_eq!(result.imported, 2, "two timed events are work");
    assert_eq!(
        result.skipped,
        [SkippedEventView {
            event: "Kurs".into(),
            reason: "heldagshendelse: den sier ikke når arbeidet er".into(),
        }],
        "the all-day event is told with its reason, in bokmål"
    );
    assert_eq!(
        sources_of(&result.plan, &ids[0]),
        [BusySourceView {
            source: "jobb.ics".into(),
            count: 2,
            first: "2026-06-08".into(),
            last: "2026-06-10".into(),
        }]
    );
}

#[test]
fn busy_time_imported_is_counted_by_the_daily_rest_rule() {
    let dir = TempDir::new("rest");
    let (mut s, ids) = session(&["Kari"], Language::Nb);
    let shift = ShiftInput {
        assistant: Some(ids[0].clone()),
        day: "2026-06-09".into(),
        start: "07:00".into(),
        end: "15:00".into(),
        ..ShiftInput::default()
    };
    let before = s
        .add_shift(now(), today(), &june(), &shift)
        .expect("the shift is added");
    let rest = |v: &PlanView| v.findings.iter().any(|f| f.rule == "REST-D");
    assert!(!rest(&before), "one shift alone leaves plenty of rest");
    // 16:00–23:00 Oslo time the evening before: only 8 hours of rest before 07:00.
    let cal = dir.calendar(
        "kveld.ics",
        &event("k1", "Kveldsvakt", "20260608T140000", "20260608T210000"),
    );
    let after = s
        .import_busy(now(), today(), &june(), &ids[0], &cal)
        .expect("imported");
    assert!(
        rest(&after.plan),
        "work elsewhere until 23:00 breaks the 11 hours of daily rest before 07:00: {:?}",
        after.plan.findings
    );
}

#[test]
fn a_new_import_of_the_same_calendar_replaces_the_old_one_in_one_undo_step() {
    let dir = TempDir::new("replace");
    let (mut s, ids) = session(&["Kari"], Language::Nb);
    let first = [
        event("u1", "A", "20260608T060000", "20260608T140000"),
        event("u2", "B", "20260609T060000", "20260609T140000"),
    ]
    .concat();
    let cal = dir.calendar("jobb.ics", &first);
    let first_import = s
        .import_busy(now(), today(), &june(), &ids[0], &cal)
        .expect("first import");
    assert_eq!(first_import.replaced, 0, "nothing was there to replace");
    let cal = dir.calendar(
        "jobb.ics",
        &event("u2", "B", "20260615T060000", "20260615T140000"),
    );
    let again = s
        .import_busy(now(), today(), &june(), &ids[0], &cal)
        .expect("second import");
    assert_eq!(
        again.replaced, 2,
        "the answer says the earlier import was replaced"
    );
    let listed = sources_of(&again.plan, &ids[0]);
    assert_eq!(listed.len(), 1, "still one calendar: {listed:?}");
    assert_eq!(
        (listed[0].count, listed[0].first.as_str()),
        (1, "2026-06-15"),
        "only what the calendar has now"
    );
    assert_eq!(
        s.plan().busy.len(),
        1,
        "nothing left over from the first import"
    );
    assert_eq!(
        again.plan.history.next_undo.as_deref(),
        Some("Les inn annet arbeid fra en kalender")
    );
    let undone = s.undo(now(), today(), &june()).expect("undo");
    assert_eq!(
        sources_of(&undone, &ids[0])[0].count,
        2,
        "one undo brings the first import back whole"
    );
    let undone = s.undo(now(), today(), &june()).expect("undo");
    assert!(
        sources_of(&undone, &ids[0]).is_empty(),
        "and one more takes it away"
    );
}

#[test]
fn a_broken_calendar_is_refused_with_the_line_and_changes_nothing() {
    let dir = TempDir::new("broken");
    let (mut s, ids) = session(&["Kari"], Language::Nb);
    let good = dir.calendar(
        "jobb.ics",
        &event("u1", "A", "20260608T060000", "20260608T140000"),
    );
    s.import_busy(now(), today(), &june(), &ids[0], &good)
        .expect("imported");
    let broken = dir.0.join("jobb.ics");
    std::fs::write(&broken, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n").expect("written");
    let before = s.plan().busy.clone();
    let e = s
        .import_busy(now(), today(), &june(), &ids[0], &broken)
        .expect_err("a cut-off calendar is refused");
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.details["field"], "calendar");
    assert!(
        e.message.contains("ingenting ble lagt inn"),
        "{}",
        e.message
    );
    assert!(
        e.message.ends_with(
            "(Feil: VEVENT fra linje 2 blir aldri avsluttet (filen kan være kuttet av).)"
        ),
        "names where, in the user's language: {}",
        e.message
    );
    assert_eq!(
        s.plan().busy,
        before,
        "the earlier import is kept as it was"
    );
    let missing = s
        .import_busy(now(), today(), &june(), &ids[0], &dir.0.join("borte.ics"))
        .expect_err("a missing file is refused");
    assert_eq!(missing.code, ErrorCode::Io);
    assert!(
        missing.message.contains("(mappen eller filen finnes ikke)"),
        "the reason in the user's language: {}",
        missing.message
    );
}

#[test]
fn removing_a_calendar_takes_only_its_busy_time_and_can_be_undone() {
    let dir = TempDir::new("remove");
    let (mut s, ids) = session(&["Kari", "Ola"], Language::Nb);
    let jobb = dir.calendar(
        "jobb.ics",
        &event("u1", "A", "20260608T060000", "20260608T140000"),
    );
    let kurs = dir.calendar(
        "kurs.ics",
        &event("u1", "K", "20260611T060000", "20260611T140000"),
    );
    for (who, cal) in [(&ids[0], &jobb), (&ids[0], &kurs), (&ids[1], &jobb)] {
        s.import_busy(now(), today(), &june(), who, cal)
            .expect("imported: the same calendar for two assistants does not clash");
    }
    let view = s
        .remove_busy(now(), today(), &june(), &ids[0], "jobb.ics")
        .expect("removed");
    let names = |v: &PlanView, id: &str| {
        sources_of(v, id)
            .into_iter()
            .map(|b| b.source)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&view, &ids[0]), ["kurs.ics"]);
    assert_eq!(names(&view, &ids[1]), ["jobb.ics"], "Ola's copy stays");
    assert_eq!(
        view.history.next_undo.as_deref(),
        Some("Fjern annet arbeid fra en kalender")
    );
    let again = s
        .remove_busy(now(), today(), &june(), &ids[0], "jobb.ics")
        .expect_err("it is gone already");
    assert_eq!(again.code, ErrorCode::NotFound);
    let undone = s.undo(now(), today(), &june()).expect("undo");
    assert_eq!(names(&undone, &ids[0]), ["jobb.ics", "kurs.ics"]);
}

#[test]
fn an_unknown_assistant_is_refused() {
    let dir = TempDir::new("unknown");
    let (mut s, _) = session(&["Kari"], Language::En);
    let cal = dir.calendar(
        "jobb.ics",
        &event("u1", "A", "20260608T060000", "20260608T140000"),
    );
    let e = s
        .import_busy(now(), today(), &june(), "nobody", &cal)
        .expect_err("refused");
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(s.plan().busy.is_empty());
}

#[test]
fn skipped_reasons_come_in_english_when_the_ui_is_english() {
    let dir = TempDir::new("english");
    let (mut s, ids) = session(&["Kari"], Language::En);
    let cal = dir.calendar("jobb.ics", &all_day("d", "Course"));
    let result = s
        .import_busy(now(), today(), &june(), &ids[0], &cal)
        .expect("imported");
    assert_eq!(result.imported, 0);
    assert_eq!(
        result.skipped[0].reason,
        "all-day event: it gives no working hours"
    );
}

#[test]
fn a_read_only_plan_refuses_import_and_removal() {
    let dir = TempDir::new("readonly");
    let path = dir.0.join("plan.turnus");
    let options = crate::store::OpenOptions::new("Ragnhild", now());
    let mut file = crate::store::PlanFile::create(&path, &options).expect("created");
    file.add_assistant(now(), &crate::model::Assistant::new("A", "Kari"))
        .expect("added");
    let cal = dir.calendar(
        "jobb.ics",
        &event("u1", "A", "20260608T060000", "20260608T140000"),
    );
    let mut writer = Session::from_file(file, Language::Nb).expect("a session");
    writer
        .import_busy(now(), today(), &june(), "A", &cal)
        .expect("imported while writable");
    writer.close().expect("closed");
    let bytes = std::fs::read(&path).expect("the plan file");
    let read_only = crate::store::OpenOptions {
        read_only: true,
        ..options
    };
    let mut reader = Session::open(&path, &read_only, Language::Nb).expect("opens to read");
    let e = reader
        .import_busy(now(), today(), &june(), "A", &cal)
        .expect_err("a read-only plan is not changed");
    assert_eq!(e.code, ErrorCode::ReadOnly);
    let e = reader
        .remove_busy(now(), today(), &june(), "A", "jobb.ics")
        .expect_err("nor is anything removed from it");
    assert_eq!(e.code, ErrorCode::ReadOnly);
    drop(reader);
    assert_eq!(std::fs::read(&path).expect("the plan file"), bytes);
}
