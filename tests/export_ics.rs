//! iCalendar export: a golden file with fixed UIDs and DTSTAMP, and every calendar parsed back
//! with the `ical` crate to check what a phone would read: one event per shift, stable UIDs,
//! SEQUENCE growing with each change, cancelled and deleted shifts kept 60 days as cancelled,
//! and exact times across the change to summer time.

use std::io::BufReader;

use turnus::export::ics::{
    calendar, read_state, update_state, write_calendar_folder, CalendarScope, ExportState,
};
use turnus::interchange::read_plan;
use turnus::model::{AssistantId, Plan, ShiftStatus};
use turnus::time::{Instant, DAY};

const PLAN: &str = r#"{
  "format": "turnus-plan", "version": 1,
  "settings": { "name": "Familien Aasen", "arbeidsleder": "Ragnhild Aasen" },
  "shift_types": [
    { "code": "N", "name": "Nattevakt", "start": "22:00", "end": "08:00", "passive_minutes": 360 },
    { "code": "D", "name": "Dagvakt", "start": "08:00", "end": "16:00", "break_minutes": 30 }
  ],
  "assistants": [ { "id": "A", "name": "Łukasz Wiśniewski" }, { "id": "B", "name": "Øyvind Ærø" } ],
  "shifts": [
    { "id": "n1", "assistant": "A", "start": "2026-03-28T22:00", "end": "2026-03-29T08:00",
      "passive_minutes": 360, "shift_type": "N", "note": "Husk medisiner, kl. 06" },
    { "id": "d1", "assistant": "B", "start": "2026-03-30T08:00", "end": "2026-03-30T16:00",
      "break_minutes": 30, "shift_type": "D" },
    { "id": "o1", "assistant": null, "start": "2026-03-31T08:00", "end": "2026-03-31T16:00",
      "shift_type": "D" }
  ]
}"#;

fn plan() -> Plan {
    read_plan(PLAN).expect("the test plan is valid")
}

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("a valid time")
}

/// Every VEVENT as (UID, property name → value).
fn events(text: &str) -> Vec<(String, std::collections::BTreeMap<String, String>)> {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("the export parses with the ical crate");
    assert!(parser.next().is_none(), "exactly one VCALENDAR");
    cal.events
        .iter()
        .map(|e| {
            let props: std::collections::BTreeMap<String, String> = e
                .properties
                .iter()
                .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
                .collect();
            (props.get("UID").cloned().unwrap_or_default(), props)
        })
        .collect()
}

fn calname(text: &str) -> String {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("parses");
    cal.properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

#[test]
fn plan_calendar_matches_the_golden_file() {
    let plan = plan();
    let now = t("2026-03-20T12:00");
    let state = update_state(&plan, &ExportState::default(), now);
    let text = calendar(&plan, &state, &CalendarScope::Plan, now);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/plan.ics");
    if std::env::var_os("TURNUS_BLESS").is_some() {
        std::fs::write(path, &text).expect("write golden file");
    }
    let golden = std::fs::read_to_string(path).expect("tests/golden/plan.ics exists");
    assert_eq!(
        text, golden,
        "the same plan, state and DTSTAMP give byte-identical calendars (TURNUS_BLESS=1 rewrites)"
    );
}

#[test]
fn night_across_the_spring_change_has_exact_utc_times() {
    let plan = plan();
    let now = t("2026-03-20T12:00");
    let state = update_state(&plan, &ExportState::default(), now);
    let text = calendar(
        &plan,
        &state,
        &CalendarScope::Assistant(AssistantId("A".into())),
        now,
    );
    let evs = events(&text);
    assert_eq!(evs.len(), 1, "A has one shift");
    let (uid, p) = &evs[0];
    assert_eq!(uid, "n1@turnus", "the UID is derived from the shift id");
    assert_eq!(
        p["DTSTART"], "20260328T210000Z",
        "22:00 winter time is 21:00 UTC"
    );
    assert_eq!(
        p["DTEND"], "20260329T060000Z",
        "08:00 summer time is 06:00 UTC: 9 hours"
    );
    assert_eq!(p["DTSTAMP"], "20260320T110000Z", "DTSTAMP is the given now");
    assert_eq!(p["SEQUENCE"], "0");
    assert_eq!(p["STATUS"], "CONFIRMED");
    assert!(
        p["SUMMARY"].contains("Nattevakt (N) 22:00–08:00"),
        "{}",
        p["SUMMARY"]
    );
    let description = p["DESCRIPTION"].replace("\\n", "\n").replace("\\,", ",");
    assert!(
        description.contains("Merknad: Husk medisiner, kl. 06"),
        "{description}"
    );
    assert!(
        description.contains("Arbeidsleder: Ragnhild Aasen"),
        "{description}"
    );
    assert_eq!(
        calname(&text),
        "Vakter – Łukasz Wiśniewski (Familien Aasen)"
    );
}

#[test]
fn plan_calendar_has_one_event_per_shift_named_by_assistant() {
    let plan = plan();
    let now = t("2026-03-20T12:00");
    let state = update_state(&plan, &ExportState::default(), now);
    let text = calendar(&plan, &state, &CalendarScope::Plan, now);
    let evs = events(&text);
    let uids: Vec<&str> = evs.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(
        uids,
        ["n1@turnus", "d1@turnus", "o1@turnus"],
        "one event per shift, by start"
    );
    assert!(evs[1].1["SUMMARY"].starts_with("Øyvind Ærø: Dagvakt"));
    assert!(
        evs[2].1["SUMMARY"].starts_with("Ikke besatt: "),
        "open shifts are shown as such"
    );
}

#[test]
fn sequence_grows_only_when_the_shift_changes() {
    let mut plan = plan();
    let now = t("2026-03-20T12:00");
    let first = update_state(&plan, &ExportState::default(), now);
    let again = update_state(&plan, &first, now.plus(3600));
    assert_eq!(first, again, "an unchanged plan keeps every SEQUENCE");

    plan.shifts[1].end = t("2026-03-30T17:00");
    let moved = update_state(&plan, &again, now.plus(7200));
    assert_eq!(
        moved.events["d1@turnus"].sequence, 1,
        "a changed end is a new version"
    );
    assert_eq!(
        moved.events["n1@turnus"].sequence, 0,
        "other shifts keep theirs"
    );

    plan.shifts[1].note = "Tannlege kl. 10".into();
    let noted = update_state(&plan, &moved, now.plus(9000));
    assert_eq!(
        noted.events["d1@turnus"].sequence, 2,
        "a new note is a new version too"
    );

    // The state survives its JSON file.
    let back = ExportState::from_json(&noted.to_json()).expect("state JSON reads back");
    assert_eq!(back, noted);
}

#[test]
fn cancelled_shift_stays_cancelled_for_sixty_days() {
    let mut plan = plan();
    let now = t("2026-03-20T12:00");
    let first = update_state(&plan, &ExportState::default(), now);
    plan.shifts[1].status = ShiftStatus::Cancelled;
    let cancelled = update_state(&plan, &first, now.plus(DAY));
    let text = calendar(
        &plan,
        &cancelled,
        &CalendarScope::Assistant(AssistantId("B".into())),
        now,
    );
    let evs = events(&text);
    assert_eq!(evs.len(), 1, "the cancelled shift is still in the calendar");
    assert_eq!(evs[0].1["STATUS"], "CANCELLED", "so that phones remove it");
    assert_eq!(evs[0].1["SEQUENCE"], "1", "cancelling is a change");

    let later = update_state(&plan, &cancelled, now.plus(59 * DAY));
    assert!(
        later.events.contains_key("d1@turnus"),
        "kept within 60 days"
    );
    assert_eq!(
        later.events["d1@turnus"].sequence, 1,
        "no change, no new version"
    );
    let gone = update_state(&plan, &later, now.plus(62 * DAY));
    assert!(
        !gone.events.contains_key("d1@turnus"),
        "dropped after 60 days"
    );
}

#[test]
fn deleted_shift_is_exported_as_cancelled_then_forgotten() {
    let mut plan = plan();
    let now = t("2026-03-20T12:00");
    let first = update_state(&plan, &ExportState::default(), now);
    plan.shifts.retain(|s| s.id.as_str() != "n1");
    let after = update_state(&plan, &first, now.plus(DAY));
    let text = calendar(
        &plan,
        &after,
        &CalendarScope::Assistant(AssistantId("A".into())),
        now,
    );
    let evs = events(&text);
    assert_eq!(
        evs.len(),
        1,
        "the deleted shift is remembered by the export state"
    );
    assert_eq!(evs[0].0, "n1@turnus", "under the same UID");
    assert_eq!(evs[0].1["STATUS"], "CANCELLED");
    assert_eq!(evs[0].1["SEQUENCE"], "1");
    let again = update_state(&plan, &after, now.plus(2 * DAY));
    assert_eq!(
        again.events["n1@turnus"].sequence, 1,
        "cancelled once, not again each export"
    );
    let much_later = update_state(&plan, &again, now.plus(61 * DAY + 1));
    assert!(
        !much_later.events.contains_key("n1@turnus"),
        "forgotten after 60 days"
    );
}

#[test]
fn calendar_folder_holds_one_file_per_assistant_and_the_state() {
    let plan = plan();
    let dir = std::env::temp_dir().join(format!("turnus-ics-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let now = t("2026-03-20T12:00");
    let state = read_state(&dir).expect("no state yet is an empty state");
    let (next, files) = write_calendar_folder(&plan, &dir, &state, now).expect("folder written");
    let names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        ["Łukasz-Wiśniewski-A.ics", "Øyvind-Ærø-B.ics", "Turnus.ics"],
        "file names come from the names, with safe characters"
    );
    for f in &files {
        let text = std::fs::read_to_string(f).expect("written");
        assert!(!events(&text).is_empty(), "{} has events", f.display());
    }
    assert_eq!(
        read_state(&dir).expect("state reads back"),
        next,
        "the state is saved"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shift_given_to_another_assistant_is_cancelled_in_the_former_calendar() {
    let mut plan = plan();
    let now = t("2026-03-20T12:00");
    let first = update_state(&plan, &ExportState::default(), now);
    plan.shifts[1].assistant = Some(AssistantId("A".into()));
    let after = update_state(&plan, &first, now.plus(DAY));
    let b = calendar(
        &plan,
        &after,
        &CalendarScope::Assistant(AssistantId("B".into())),
        now,
    );
    let b_events = events(&b);
    assert_eq!(b_events.len(), 1, "B's calendar still carries the shift");
    assert_eq!(b_events[0].0, "d1@turnus");
    assert_eq!(
        b_events[0].1["STATUS"], "CANCELLED",
        "so B's phone removes it"
    );
    assert_eq!(
        b_events[0].1["SEQUENCE"], "1",
        "a newer version than B's phone has"
    );
    let a = calendar(
        &plan,
        &after,
        &CalendarScope::Assistant(AssistantId("A".into())),
        now,
    );
    let a_d1: Vec<_> = events(&a)
        .into_iter()
        .filter(|(u, _)| u == "d1@turnus")
        .collect();
    assert_eq!(a_d1.len(), 1, "A's calendar has the shift");
    assert_eq!(a_d1[0].1["STATUS"], "CONFIRMED");
    let later = update_state(&plan, &after, now.plus(62 * DAY));
    let b = calendar(
        &plan,
        &later,
        &CalendarScope::Assistant(AssistantId("B".into())),
        now,
    );
    assert!(
        events(&b).is_empty(),
        "after 60 days B's calendar lets it go"
    );
}
