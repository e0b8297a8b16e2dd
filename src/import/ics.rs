//! Busy time from an assistant's other calendar (an .ics file, say from a second employer),
//! read with the `ical` crate into [`BusyTime`]s, so the rest and total-hours rules can count
//! work done elsewhere.
//!
//! - Times in UTC (`…Z`), with a `TZID` (IANA names, and the Windows names Outlook writes for
//!   Central European time) and floating times (read as Oslo time) are all understood.
//! - An event without DTEND ends after its DURATION; with neither it lasts no time and is
//!   skipped, with the reason.
//! - All-day events are skipped with a reason: they carry no working hours (a day off, a
//!   birthday, "på kurs") and counting them as 24 hours of work would be wrong.
//! - Cancelled events, events marked free (TRANSP:TRANSPARENT) and repeating events (RRULE,
//!   which would have to be expanded) are skipped with a reason.
//! - Events longer than [`BusyTime::MAX_SECONDS`] (31 days) and events outside the years
//!   1900–2200 are skipped with the reason: what is imported must be a valid plan in both
//!   forms (plan JSON and the plan file) and cheap to check.
//! - Times are kept to the minute, as everywhere in Turnus: a start with seconds moves back to
//!   the whole minute and an end with seconds forward to the next, so the busy time still
//!   covers the whole event (10:00:30–11:00:30 becomes 10:00–11:01).
//! - Two events with one UID both come in: the second gets `UID#2` (or the next free number,
//!   if the calendar also has an event whose UID is `UID#2`).
//! - A calendar of more than [`MAX_EVENTS`] events is refused as a whole.
//! - A broken file is an error saying where and what, and nothing is imported.
//!
//! ```
//! use turnus::import::ics::read_busy;
//! use turnus::model::AssistantId;
//! let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x1\r\n\
//!             DTSTART:20260608T060000Z\r\nDTEND:20260608T140000Z\r\nSUMMARY:Vakt\r\n\
//!             END:VEVENT\r\nEND:VCALENDAR\r\n";
//! let import = read_busy(text, &AssistantId("A".into()), "jobb.ics").unwrap();
//! assert_eq!(import.busy[0].end - import.busy[0].start, 8 * 3600);
//! ```
//!
//! Left out on purpose: putting the busy time into a plan (that is [`super::busy`], replacing
//! what the same source gave before) and expanding recurrence rules. The ids given here are
//! the events' own (their UIDs); [`super::busy`] makes them unique in a plan.

use std::collections::BTreeSet;
use std::io::BufReader;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use crate::model::{AssistantId, BusyTime};
use crate::time::{Instant, MINUTE};

/// The most events one calendar file may hold: 10,000 (thirty years of daily shifts). A larger
/// file is refused with a sentence, before any of it is read into the plan.
pub const MAX_EVENTS: usize = 10_000;

/// What an import found: the busy times, and the events left out with the reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BusyImport {
    pub busy: Vec<BusyTime>,
    pub skipped: Vec<Skipped>,
}

/// An event that was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The event's title, or its UID when it has none.
    pub event: String,
    pub reason: SkipReason,
}

/// Why an event was not imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    Cancelled,
    Free,
    Repeating,
    AllDay,
    NoLength,
    /// Longer than [`BusyTime::MAX_SECONDS`].
    TooLong,
    /// Starts or ends outside the years 1900–2200.
    OutOfRange,
}

impl SkipReason {
    /// The reason in plain words.
    pub fn text(self, lang: crate::rules::explain::Lang) -> &'static str {
        use crate::rules::explain::Lang;
        match (self, lang) {
            (SkipReason::Cancelled, Lang::Nb) => "hendelsen er avlyst",
            (SkipReason::Cancelled, Lang::En) => "the event is cancelled",
            (SkipReason::Free, Lang::Nb) => "hendelsen er merket som ledig tid",
            (SkipReason::Free, Lang::En) => "the event is marked as free time",
            (SkipReason::Repeating, Lang::Nb) => {
                "hendelsen gjentas (RRULE); legg inn de enkelte gangene i stedet"
            }
            (SkipReason::Repeating, Lang::En) => {
                "the event repeats (RRULE); add the single occurrences instead"
            }
            (SkipReason::AllDay, Lang::Nb) => "heldagshendelse: den sier ikke når arbeidet er",
            (SkipReason::AllDay, Lang::En) => "all-day event: it gives no working hours",
            (SkipReason::NoLength, Lang::Nb) => {
                "hendelsen varer ikke noe (ingen slutt, eller slutten er ikke etter starten)"
            }
            (SkipReason::NoLength, Lang::En) => {
                "the event lasts no time (no end, or the end is not after the start)"
            }
            (SkipReason::TooLong, Lang::Nb) => {
                "hendelsen varer mer enn 31 døgn, og det er ingen arbeidstid reglene kan veie"
            }
            (SkipReason::TooLong, Lang::En) => {
                "the event lasts more than 31 days, which is no working time the rules can weigh"
            }
            (SkipReason::OutOfRange, Lang::Nb) => {
                "hendelsen ligger utenfor årene Turnus håndterer (1900–2200)"
            }
            (SkipReason::OutOfRange, Lang::En) => {
                "the event lies outside the years Turnus handles (1900–2200)"
            }
        }
    }
}

/// Why a calendar file could not be read. Nothing is imported when this happens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {what}; nothing was imported: export the calendar again as an .ics file and try once more")]
pub struct ImportError {
    pub source_name: String,
    /// What is wrong, in English (naming the line or the event).
    pub what: String,
    /// The same in bokmål.
    pub what_nb: String,
}

impl ImportError {
    /// What is wrong, in `lang`.
    pub fn what(&self, lang: crate::rules::explain::Lang) -> &str {
        match lang {
            crate::rules::explain::Lang::Nb => &self.what_nb,
            crate::rules::explain::Lang::En => &self.what,
        }
    }
}

/// A problem in both languages: English first, then bokmål.
type Why = (String, String);

/// Read the events of `text` (the content of an .ics file named `source`) as busy time of
/// `assistant`.
pub fn read_busy(
    text: &str,
    assistant: &AssistantId,
    source: &str,
) -> Result<BusyImport, ImportError> {
    let fail = |(what, what_nb): Why| ImportError {
        source_name: source.to_string(),
        what,
        what_nb,
    };
    structure(text).map_err(fail)?;
    let parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendars = parser
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(describe_parser_error(&e)))?;
    let events: usize = calendars.iter().map(|c| c.events.len()).sum();
    if events > MAX_EVENTS {
        return Err(fail((
            format!("the calendar holds {events} events, more than the {MAX_EVENTS} one import takes; export a shorter period"),
            format!("kalenderen har {events} hendelser, flere enn de {MAX_EVENTS} én import tar; eksporter en kortere periode"),
        )));
    }
    // Every UID the calendar uses, so a renamed duplicate never takes another event's UID.
    let uids: BTreeSet<String> = calendars
        .iter()
        .flat_map(|c| c.events.iter())
        .filter_map(|e| Props(&e.properties).value("UID").map(str::to_string))
        .collect();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut import = BusyImport::default();
    for calendar in &calendars {
        for (n, event) in calendar.events.iter().enumerate() {
            let props = Props(&event.properties);
            let uid = props
                .value("UID")
                .map(str::to_string)
                .unwrap_or_else(|| format!("{source}#{}", n + 1));
            let summary = props.value("SUMMARY").unwrap_or("").replace("\\,", ",");
            let label = if summary.is_empty() {
                uid.clone()
            } else {
                summary.clone()
            };
            let skip = |import: &mut BusyImport, reason: SkipReason| {
                import.skipped.push(Skipped {
                    event: label.clone(),
                    reason,
                })
            };
            if props
                .value("STATUS")
                .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"))
            {
                skip(&mut import, SkipReason::Cancelled);
                continue;
            }
            if props
                .value("TRANSP")
                .is_some_and(|s| s.eq_ignore_ascii_case("TRANSPARENT"))
            {
                skip(&mut import, SkipReason::Free);
                continue;
            }
            if props.value("RRULE").is_some() {
                skip(&mut import, SkipReason::Repeating);
                continue;
            }
            let start_prop = props.get("DTSTART").ok_or_else(|| {
                fail((
                    format!("the event «{label}» has no DTSTART (start time)"),
                    format!("hendelsen «{label}» har ingen DTSTART (starttid)"),
                ))
            })?;
            let start = when(start_prop).map_err(|(why, why_nb)| {
                fail((
                    format!("the event «{label}» has a start the import cannot read: {why}"),
                    format!("starten på hendelsen «{label}» kan ikke leses: {why_nb}"),
                ))
            })?;
            let start = match start {
                When::Day(_) => {
                    skip(&mut import, SkipReason::AllDay);
                    continue;
                }
                When::At(t) => t,
            };
            let end = match props.get("DTEND") {
                Some(p) => match when(p).map_err(|(why, why_nb)| {
                    fail((
                        format!("the event «{label}» has an end the import cannot read: {why}"),
                        format!("slutten på hendelsen «{label}» kan ikke leses: {why_nb}"),
                    ))
                })? {
                    When::At(t) => t,
                    When::Day(d) => Instant::start_of_day(d),
                },
                None => match props.value("DURATION") {
                    Some(d) => {
                        let secs = duration_seconds(d).ok_or_else(|| {
                            fail((
                                format!("the event «{label}» has a DURATION «{d}» that is not an ISO 8601 duration such as PT8H"),
                                format!("hendelsen «{label}» har en DURATION «{d}» som ikke er en varighet som PT8H"),
                            ))
                        })?;
                        if secs > BusyTime::MAX_SECONDS {
                            skip(&mut import, SkipReason::TooLong);
                            continue;
                        }
                        start.plus(secs)
                    }
                    None => start,
                },
            };
            // To the minute: the start back, the end forward, so the whole event is covered.
            let start = Instant::from_unix(start.unix().div_euclid(MINUTE) * MINUTE);
            let end = Instant::from_unix(end.unix().div_euclid(MINUTE) * MINUTE).plus(
                if end.unix().rem_euclid(MINUTE) == 0 {
                    0
                } else {
                    MINUTE
                },
            );
            if !start.is_supported() || !end.is_supported() {
                skip(&mut import, SkipReason::OutOfRange);
                continue;
            }
            if end <= start {
                skip(&mut import, SkipReason::NoLength);
                continue;
            }
            if end - start > BusyTime::MAX_SECONDS {
                skip(&mut import, SkipReason::TooLong);
                continue;
            }
            let mut id = uid.clone();
            let mut count = 1;
            while used.contains(&id) || (count > 1 && uids.contains(&id)) {
                count += 1;
                id = format!("{uid}#{count}");
            }
            used.insert(id.clone());
            import.busy.push(BusyTime {
                id,
                assistant: assistant.clone(),
                start,
                end,
                source: source.to_string(),
                summary,
            });
        }
    }
    if calendars.is_empty() {
        return Err(fail((
            "the file holds no calendar (no BEGIN:VCALENDAR)".into(),
            "filen har ingen kalender (ingen BEGIN:VCALENDAR)".into(),
        )));
    }
    import
        .busy
        .sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    Ok(import)
}

/// Check that BEGIN and END lines pair up, naming the line where they do not: the `ical`
/// parser itself only says "incomplete object".
fn structure(text: &str) -> Result<(), Why> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut first = true;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) || line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let upper = line.to_ascii_uppercase();
        if first {
            first = false;
            if upper.trim_start_matches('\u{feff}') != "BEGIN:VCALENDAR" {
                return Err((
                    format!(
                        "line {n} is «{}», but an .ics file starts with BEGIN:VCALENDAR",
                        shorten(line)
                    ),
                    format!(
                        "linje {n} er «{}», men en .ics-fil begynner med BEGIN:VCALENDAR",
                        shorten(line)
                    ),
                ));
            }
        }
        if let Some(name) = upper.strip_prefix("BEGIN:") {
            open.push((name.trim().to_string(), n));
        } else if let Some(name) = upper.strip_prefix("END:") {
            let name = name.trim();
            match open.pop() {
                Some((began, _)) if began == name => {}
                Some((began, at)) => {
                    return Err((
                        format!(
                        "line {n} ends {name}, but the {began} begun on line {at} is still open"
                    ),
                        format!(
                        "linje {n} avslutter {name}, men {began} fra linje {at} er ikke avsluttet"
                    ),
                    ))
                }
                None => {
                    return Err((
                        format!("line {n} ends {name}, which was never begun"),
                        format!("linje {n} avslutter {name}, som aldri ble begynt"),
                    ))
                }
            }
        } else if !line.contains(':') {
            return Err((
                format!(
                    "line {n} («{}») is not a property: it has no «:»",
                    shorten(line)
                ),
                format!(
                    "linje {n} («{}») er ingen egenskap: den har ingen «:»",
                    shorten(line)
                ),
            ));
        }
    }
    if first {
        return Err(("the file is empty".into(), "filen er tom".into()));
    }
    match open.pop() {
        Some((began, at)) => Err((
            format!("the {began} begun on line {at} never ends (the file may be cut off)"),
            format!("{began} fra linje {at} blir aldri avsluttet (filen kan være kuttet av)"),
        )),
        None => Ok(()),
    }
}

fn shorten(line: &str) -> String {
    let mut s: String = line.chars().take(40).collect();
    if line.chars().count() > 40 {
        s.push('…');
    }
    s
}

fn describe_parser_error(e: &ical::parser::ParserError) -> Why {
    use ical::parser::ParserError;
    match e {
        ParserError::PropertyError(p) => {
            let detail = p
                .to_string()
                .to_lowercase()
                .trim_end_matches('.')
                .to_string();
            (
                detail.clone(),
                format!("en egenskap i filen kan ikke leses ({detail})"),
            )
        }
        ParserError::MissingHeader => (
            "the file does not start with BEGIN:VCALENDAR".into(),
            "filen begynner ikke med BEGIN:VCALENDAR".into(),
        ),
        ParserError::NotComplete => (
            "the calendar is cut off: a component never ends".into(),
            "kalenderen er kuttet av: en del blir aldri avsluttet".into(),
        ),
        ParserError::InvalidComponent => (
            "a component is not one a calendar may hold".into(),
            "filen har en del som ikke hører hjemme i en kalender".into(),
        ),
    }
}

struct Props<'a>(&'a [ical::property::Property]);

impl<'a> Props<'a> {
    fn get(&self, name: &str) -> Option<&'a ical::property::Property> {
        self.0.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    fn value(&self, name: &str) -> Option<&'a str> {
        self.get(name)
            .and_then(|p| p.value.as_deref())
            .map(str::trim)
    }
}

enum When {
    Day(NaiveDate),
    At(Instant),
}

fn param<'a>(p: &'a ical::property::Property, key: &str) -> Option<&'a str> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| v.first())
        .map(|v| v.trim_matches('"'))
}

/// A DTSTART or DTEND as a whole day or an instant.
fn when(p: &ical::property::Property) -> Result<When, Why> {
    let value = p.value.as_deref().unwrap_or("").trim();
    let is_date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.chars().all(|c| c.is_ascii_digit()));
    if is_date {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(When::Day)
            .map_err(|_| {
                (
                    format!("«{value}» is not a date (YYYYMMDD)"),
                    format!("«{value}» er ingen dato (ÅÅÅÅMMDD)"),
                )
            });
    }
    if let Some(utc) = value.strip_suffix(['Z', 'z']) {
        let naive = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").map_err(|_| {
            (
                format!("«{value}» is not a UTC time (YYYYMMDDTHHMMSSZ)"),
                format!("«{value}» er ikke et UTC-tidspunkt (ÅÅÅÅMMDDTttmmssZ)"),
            )
        })?;
        return Ok(When::At(Instant::from_unix(naive.and_utc().timestamp())));
    }
    let naive = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").map_err(|_| {
        (
            format!("«{value}» is not a time (YYYYMMDDTHHMMSS)"),
            format!("«{value}» er ikke et tidspunkt (ÅÅÅÅMMDDTttmmss)"),
        )
    })?;
    let tz = match param(p, "TZID") {
        None => crate::time::OSLO,
        Some(name) => zone(name).ok_or_else(|| {
            (
                format!("the time zone «{name}» is unknown; use an IANA name such as Europe/Oslo"),
                format!("tidssonen «{name}» er ukjent; bruk et navn som Europe/Oslo"),
            )
        })?,
    };
    let t = match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => t,
        chrono::LocalResult::Ambiguous(first, _) => first,
        chrono::LocalResult::None => {
            // In a spring gap: the clocks had already jumped; read it an hour later.
            naive
                .checked_add_signed(chrono::Duration::hours(1))
                .and_then(|later| tz.from_local_datetime(&later).earliest())
                .ok_or_else(|| {
                    (
                        format!("«{value}» does not exist in {tz}"),
                        format!("«{value}» finnes ikke i {tz}"),
                    )
                })?
        }
    };
    Ok(When::At(Instant::from_unix(t.timestamp())))
}

/// An IANA zone, or one of the Windows zone names Outlook writes for the same offsets as Oslo.
fn zone(name: &str) -> Option<Tz> {
    let name = name.trim();
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    const CENTRAL_EUROPE: [&str; 5] = [
        "W. Europe Standard Time",
        "Romance Standard Time",
        "Central Europe Standard Time",
        "Central European Standard Time",
        "Europe/Oslo",
    ];
    CENTRAL_EUROPE
        .iter()
        .any(|w| w.eq_ignore_ascii_case(name))
        .then_some(crate::time::OSLO)
}

/// Seconds of an ISO 8601 duration as iCalendar writes it: `PT8H`, `PT7H30M`, `P1D`, `P1W`.
/// An amount too large for 64 bits saturates (it is far beyond any busy time allowed), so no
/// calendar can make the arithmetic overflow.
fn duration_seconds(text: &str) -> Option<i64> {
    let text = text.trim();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = 0i64;
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            'T' => in_time = true,
            d if d.is_ascii_digit() => number.push(d),
            unit => {
                if number.is_empty() {
                    return None;
                }
                // Only digits: a parse can fail only by being too large.
                let n: i64 = number.parse().unwrap_or(i64::MAX);
                number.clear();
                any = true;
                let unit_seconds = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                total = total.saturating_add(n.saturating_mul(unit_seconds));
            }
        }
    }
    (any && number.is_empty()).then_some(sign * total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_written_in_calendars() {
        assert_eq!(duration_seconds("PT8H"), Some(8 * 3600));
        assert_eq!(duration_seconds("PT7H30M"), Some(7 * 3600 + 1800));
        assert_eq!(duration_seconds("P1D"), Some(86_400));
        assert_eq!(duration_seconds("P1W"), Some(7 * 86_400));
        assert_eq!(duration_seconds("8 hours"), None, "not ISO 8601");
        assert_eq!(duration_seconds("PT"), None, "no amount");
        assert_eq!(duration_seconds("PH"), None, "a unit without an amount");
    }

    #[test]
    fn huge_durations_saturate_instead_of_overflowing() {
        assert_eq!(duration_seconds("P9999999999999999W"), Some(i64::MAX));
        assert_eq!(duration_seconds("PT9223372036854775807S"), Some(i64::MAX));
        assert_eq!(
            duration_seconds("P99999999999999999999999D"),
            Some(i64::MAX)
        );
        assert_eq!(duration_seconds("-P9999999999999999W"), Some(-i64::MAX));
    }

    #[test]
    fn outlook_zone_names_read_as_oslo_time() {
        assert_eq!(zone("W. Europe Standard Time"), Some(crate::time::OSLO));
        assert_eq!(zone("Europe/Berlin"), Some(chrono_tz::Europe::Berlin));
        assert_eq!(zone("Mars/Olympus"), None);
    }
}
