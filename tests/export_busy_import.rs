//! Busy time from another calendar (.ics): times in UTC, with TZID and floating; DURATION for
//! a missing DTEND; all-day, cancelled and zero-length events skipped with a reason; a broken
//! file refused with the line and what is wrong, importing nothing.

use turnus::import::ics::{read_busy, SkipReason};
use turnus::model::AssistantId;
use turnus::time::Instant;

fn a() -> AssistantId {
    AssistantId("A".into())
}

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("a valid time")
}

fn cal(events: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n{events}END:VCALENDAR\r\n"
    )
}

#[test]
fn utc_tzid_and_floating_times_read_as_the_same_instants() {
    let text = cal(concat!(
        "BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Vakt Sykehjem\r\n",
        "DTSTART:20260608T060000Z\r\nDTEND:20260608T140000Z\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:u2\r\nSUMMARY:Kveld\r\n",
        "DTSTART;TZID=Europe/Oslo:20260609T150000\r\nDTEND;TZID=Europe/Oslo:20260609T230000\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:u3\r\n",
        "DTSTART;TZID=W. Europe Standard Time:20260610T080000\r\nDTEND:20260610T100000\r\nEND:VEVENT\r\n",
    ));
    let import = read_busy(&text, &a(), "sykehjem.ics").expect("a valid calendar");
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    let got: Vec<(&str, Instant, Instant)> = import
        .busy
        .iter()
        .map(|b| (b.id.as_str(), b.start, b.end))
        .collect();
    assert_eq!(
        got,
        [
            ("u1", t("2026-06-08T08:00"), t("2026-06-08T16:00")),
            ("u2", t("2026-06-09T15:00"), t("2026-06-09T23:00")),
            ("u3", t("2026-06-10T08:00"), t("2026-06-10T10:00")),
        ],
        "UTC, TZID (IANA and Outlook's Windows name) and floating Oslo time"
    );
    assert_eq!(import.busy[0].summary, "Vakt Sykehjem");
    assert_eq!(import.busy[0].source, "sykehjem.ics");
    assert_eq!(import.busy[0].assistant, a());
}

#[test]
fn duration_stands_in_for_a_missing_end() {
    let text =
        cal("BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260328T210000Z\r\nDURATION:PT9H\r\nEND:VEVENT\r\n");
    let import = read_busy(&text, &a(), "x.ics").expect("valid");
    assert_eq!(import.busy[0].end - import.busy[0].start, 9 * 3600);
    assert_eq!(
        import.busy[0].end,
        t("2026-03-29T08:00"),
        "across the spring change"
    );
}

#[test]
fn all_day_cancelled_free_and_zero_length_events_are_skipped_with_reasons() {
    let text = cal(concat!(
        "BEGIN:VEVENT\r\nUID:day\r\nSUMMARY:Kurs\r\nDTSTART;VALUE=DATE:20260608\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Avlyst\r\nSTATUS:CANCELLED\r\n",
        "DTSTART:20260608T060000Z\r\nDTEND:20260608T140000Z\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:f\r\nTRANSP:TRANSPARENT\r\n",
        "DTSTART:20260608T060000Z\r\nDTEND:20260608T140000Z\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:z\r\nSUMMARY:Påminnelse\r\nDTSTART:20260608T060000Z\r\nEND:VEVENT\r\n",
    ));
    let import = read_busy(&text, &a(), "x.ics").expect("valid");
    assert!(
        import.busy.is_empty(),
        "none of these is work: {:?}",
        import.busy
    );
    let skipped: Vec<&str> = import.skipped.iter().map(|s| s.event.as_str()).collect();
    assert_eq!(
        skipped,
        ["Kurs", "Avlyst", "f", "Påminnelse"],
        "each is reported"
    );
    assert_eq!(import.skipped[0].reason, SkipReason::AllDay);
    assert_eq!(import.skipped[3].reason, SkipReason::NoLength);
}

#[test]
fn broken_calendar_names_the_line_and_imports_nothing() {
    let text =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART:20260608T060000Z\r\n";
    let err = read_busy(text, &a(), "jobb.ics").expect_err("a cut-off file is refused");
    let message = err.to_string();
    assert!(message.contains("jobb.ics"), "names the file: {message}");
    assert!(
        message.contains("line 3"),
        "points at the open VEVENT: {message}"
    );
    assert!(
        message.contains("export the calendar again"),
        "says what to do: {message}"
    );
}

#[test]
fn unreadable_start_time_is_an_error_naming_the_event() {
    let text = cal(
        "BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Nattevakt\r\nDTSTART:2026-06-08 06:00\r\nEND:VEVENT\r\n",
    );
    let err = read_busy(&text, &a(), "x.ics").expect_err("a garbled time is refused");
    assert!(err.to_string().contains("«Nattevakt»"), "{err}");
}

#[test]
fn a_file_that_is_not_a_calendar_is_refused() {
    let err = read_busy("Hei! Her er vaktene mine.", &a(), "notat.txt").expect_err("not ics");
    assert!(err.to_string().contains("BEGIN:VCALENDAR"), "{err}");
}
