//! Calendars written from hostile names: a plan or an assistant named with CR LF (which would
//! add an event to the calendar), NUL, BEL and ESC, and long names of multi-byte characters.
//! Each calendar is parsed back with the `ical` crate: one event per shift, no line over 75
//! octets, and names that read back as written, less their control characters (line breaks and
//! tabs become spaces, see `docs/exports.md`).

use std::io::BufReader;

use turnus::export::ics::{calendar, update_state, CalendarScope, ExportState, LINE_OCTETS};
use turnus::model::{AssistantId, Plan};
use turnus::time::Instant;

const INJECTED: &str = "Hjemme\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fake\r\nDTSTART:20260610T080000Z\r\nDTEND:20260610T090000Z\r\nEND:VEVENT";

fn plan(plan_name: &str, assistant_name: &str, note: &str) -> Plan {
    let json = serde_json::json!({
        "format": "turnus-plan", "version": 1,
        "settings": {"name": plan_name, "arbeidsleder": "Ragnhild\u{1b}[31m Aasen"},
        "assistants": [{"id": "A", "name": assistant_name}],
        "shifts": [
            {"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T16:00",
             "note": note},
            {"id": "s2", "assistant": "A", "start": "2026-06-09T08:00", "end": "2026-06-09T16:00"},
            {"id": "s3", "assistant": null, "start": "2026-06-10T08:00", "end": "2026-06-10T16:00"}
        ]
    });
    turnus::interchange::read_plan(&json.to_string()).expect("names may hold any text")
}

/// The text of a TEXT value as written, unescaped (RFC 5545 § 3.3.11).
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Render `scope` and check what a phone would read; returns (calendar name, summaries,
/// descriptions).
fn render(plan: &Plan, scope: &CalendarScope) -> (String, Vec<String>, Vec<String>) {
    let now = Instant::parse("2026-06-01T12:00").expect("a time");
    let state = update_state(plan, &ExportState::default(), now);
    let text = calendar(plan, &state, scope, now);
    for line in text.split("\r\n") {
        assert!(
            line.len() <= LINE_OCTETS,
            "no line over 75 octets ({} here): {line:?}",
            line.len()
        );
    }
    assert!(
        !text.replace("\r\n", "").chars().any(char::is_control),
        "no control character is written raw"
    );
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "exactly one VCALENDAR");
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .map(|v| unescape(&v))
            .unwrap_or_default()
    };
    let expected = match scope {
        CalendarScope::Plan => plan.shifts.len(),
        CalendarScope::Assistant(id) => plan
            .shifts
            .iter()
            .filter(|s| s.assistant.as_ref() == Some(id))
            .count(),
    };
    assert_eq!(cal.events.len(), expected, "one event per shift, no more");
    let name = value(&cal.properties, "NAME");
    assert_eq!(
        name,
        value(&cal.properties, "X-WR-CALNAME"),
        "both names agree"
    );
    let summaries = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "SUMMARY"))
        .collect();
    let descriptions = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "DESCRIPTION"))
        .collect();
    (name, summaries, descriptions)
}

#[test]
fn a_line_break_in_the_plan_name_adds_no_event() {
    let plan = plan(INJECTED, "Kari, Nordmann; \\ og co", "");
    let (name, summaries, _) = render(&plan, &CalendarScope::Plan);
    assert_eq!(
        name,
        "Turnus – Hjemme  END:VCALENDAR  BEGIN:VEVENT  UID:fake  DTSTART:20260610T080000Z  DTEND:20260610T090000Z  END:VEVENT",
        "the line breaks became spaces, so the name is one line"
    );
    assert!(
        summaries[0].starts_with("Kari, Nordmann; \\ og co: "),
        "commas, semicolons and backslashes round-trip: {}",
        summaries[0]
    );
    let (name, _, _) = render(&plan, &CalendarScope::Assistant(AssistantId("A".into())));
    assert!(
        name.starts_with("Vakter – Kari, Nordmann; \\ og co (Hjemme  END:VCALENDAR  BEGIN"),
        "{name}"
    );
}

#[test]
fn nul_bel_and_esc_in_names_are_left_out() {
    let plan = plan(
        "Hjem\u{0}me\u{7}",
        "Kari\u{1b}[2J Nordmann\t",
        "Husk\r\nmedisiner\u{7}",
    );
    let (name, summaries, descriptions) = render(&plan, &CalendarScope::Plan);
    assert_eq!(name, "Turnus – Hjemme");
    assert!(
        summaries[0].starts_with("Kari[2J Nordmann : "),
        "{}",
        summaries[0]
    );
    assert!(
        descriptions[0].contains("Merknad: Husk\nmedisiner\n"),
        "a line break in a note stays a line break: {:?}",
        descriptions[0]
    );
    assert!(
        descriptions[0].contains("Arbeidsleder: Ragnhild[31m Aasen"),
        "{:?}",
        descriptions[0]
    );
}

#[test]
fn long_names_of_multi_byte_characters_fold_by_octets() {
    for n in 20..60 {
        let name = format!("{}{}", "x".repeat(n % 7), "Ærø skø €😀 ".repeat(n / 4));
        let plan = plan(
            &name,
            &format!("Åse {}", "ÆØÅ".repeat(n)),
            &"æ".repeat(n * 3),
        );
        let (calendar_name, summaries, descriptions) = render(&plan, &CalendarScope::Plan);
        assert_eq!(calendar_name, format!("Turnus – {}", name.trim()));
        assert!(summaries[0].starts_with(&format!("Åse {}: ", "ÆØÅ".repeat(n))));
        assert!(descriptions[0].contains(&"æ".repeat(n * 3)));
    }
}
