//! iCalendar export of shifts for the assistants' phones: one calendar per assistant and one
//! for the whole plan, one VEVENT per shift, written with the `icalendar` crate.
//!
//! Phones keep an event by its UID and take a new version only when its SEQUENCE grows, and
//! remove it only when they see STATUS:CANCELLED. So an export remembers what it wrote in an
//! [`ExportState`] (kept as a small JSON file beside the calendars):
//!
//! - the UID of a shift is `{shift id}@turnus` and never changes;
//! - each UID maps to the event last written, with a hash of its content and its SEQUENCE;
//!   when the content of a shift changes (times, type, note, status, assistant), the SEQUENCE
//!   grows by one;
//! - a cancelled shift, or a shift deleted from the plan since the last export, is written
//!   with STATUS:CANCELLED (and its SEQUENCE grown once) for [`CANCELLED_KEPT_DAYS`] days from
//!   the export that first saw it gone; after that it is dropped;
//! - a shift given to another assistant shows as cancelled in the former assistant's calendar
//!   for the same 60 days, under the same UID and SEQUENCE as the new assistant's event;
//! - a shift covered by a vikar for an absent assistant (a cover link) is in the vikar's
//!   calendar, and in the absent assistant's with STATUS:CANCELLED and a summary saying who
//!   covers, for as long as the link stands, so their phone drops it;
//! - a shift whose assistant is registered away at its time and that no one covers yet stays
//!   in the whole plan's calendar as "Trenger dekning (planlagt for …)", and is in the absent
//!   assistant's with STATUS:CANCELLED ("du er registrert borte"), so their phone drops it; it
//!   comes back (SEQUENCE grown) when the absence is deleted. The kind of absence is never
//!   written: a calendar file is easily shared, and "syk" is health data;
//! - shifts that ended more than [`PAST_DAYS`] days before `now` are left out, and forgotten.
//!
//! Times are written in UTC (`DTSTART:20260329T060000Z`), which is exact across daylight
//! saving changes with no VTIMEZONE needed; phones show them in local time. DTSTAMP is the
//! `now` passed in: nothing here reads the clock. Text is Norwegian.
//!
//! Every text from the plan is made safe before it is written, so a name can never add a line
//! (and so an event) to the calendar: in one-line values (the calendar's NAME and
//! X-WR-CALNAME, an event's SUMMARY and UID) a line break or tab becomes a space; in the
//! DESCRIPTION a line break stays a line break (written `\n`); every other control character
//! (NUL, BEL, ESC, DEL, …) is left out. Lines are folded by octets as RFC 5545 § 3.1 asks: at
//! most 75 octets per line, the leading space of a continuation line included, and never inside
//! a UTF-8 character.
//!
//! ```
//! use turnus::export::ics::{calendar, update_state, CalendarScope, ExportState};
//! use turnus::time::Instant;
//! let plan = turnus::demo::demo_plan(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
//! let now = Instant::parse("2026-11-22T12:00").unwrap();
//! let state = update_state(&plan, &ExportState::default(), now);
//! let text = calendar(&plan, &state, &CalendarScope::Plan, now);
//! assert!(text.starts_with("BEGIN:VCALENDAR"));
//! ```
//!
//! Left out on purpose: alarms, attendees and recurrence rules (every shift is its own event),
//! and reading calendars (that is `crate::import::ics`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use serde::{Deserialize, Serialize};

use crate::model::{AssistantId, Plan, Shift, ShiftStatus};
use crate::time::{Instant, DAY};

/// Days a cancelled or deleted shift is still exported as cancelled.
pub const CANCELLED_KEPT_DAYS: i64 = 60;
/// Days after its end that a shift is still exported.
pub const PAST_DAYS: i64 = 60;

/// What the last export wrote, by UID. Serialise it with [`ExportState::to_json`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportState {
    /// The format's version, 1.
    #[serde(default = "state_version")]
    pub version: u32,
    pub events: BTreeMap<String, EventRecord>,
    /// In a calendar folder: each assistant's file name by assistant id, as first written. A
    /// renamed assistant keeps their file, so the phone that subscribes to it keeps working.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, String>,
    /// In a calendar folder: each calendar's name by file name, so a renamed plan or assistant
    /// gets its calendars written again even when no event changed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

fn state_version() -> u32 {
    1
}

/// One event as last exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The assistant's id, or `None` for an open shift.
    pub assistant: Option<String>,
    /// The assistant's name, for the whole plan's calendar.
    pub assistant_name: String,
    /// Start and end, seconds since the Unix epoch.
    pub start: i64,
    pub end: i64,
    pub summary: String,
    pub description: String,
    pub cancelled: bool,
    pub sequence: u32,
    /// FNV-1a of the content above, in hex: stable across Rust versions.
    pub hash: String,
    /// When an export first saw the shift cancelled or deleted (seconds since the epoch).
    pub gone_since: Option<i64>,
    /// The assistant the shift was taken from, whose calendar shows it cancelled.
    #[serde(default)]
    pub handed_over: Option<HandOver>,
    /// The absent assistant a vikar covers the shift for; their calendar shows it cancelled.
    #[serde(default)]
    pub covered_for: Option<String>,
    /// The shift's assistant is registered away at its time and no one covers it yet: their
    /// calendar shows it cancelled, the plan's as needing cover.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_cover: bool,
}

/// A shift given to someone else: the former assistant's calendar keeps a cancelled copy for
/// [`CANCELLED_KEPT_DAYS`] days so their phone removes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandOver {
    pub assistant: String,
    /// When an export first saw the change (seconds since the epoch).
    pub since: i64,
}

/// Why an export state or a calendar folder could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    #[error("the calendar export state {path} cannot be read: {why}; delete it to start afresh (phones then see every shift as new)")]
    BadState { path: String, why: String },
    #[error("cannot write {path}: {why}")]
    Write {
        path: String,
        why: String,
        /// The kind of failure, for a caller to word it in the user's language.
        kind: std::io::ErrorKind,
    },
    #[error("no assistant has the id «{0}» in this plan")]
    UnknownAssistant(String),
}

impl ExportState {
    /// Read a state from its JSON text.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The state as pretty JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }
}

/// Which calendar to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarScope {
    /// Every shift of the plan, open ones included, each titled with its assistant.
    Plan,
    /// One assistant's shifts.
    Assistant(AssistantId),
}

/// The UID of a shift's event (control characters in the shift's id written as `%XX`).
pub fn uid(shift: &Shift) -> String {
    let mut id = String::new();
    for c in shift.id.as_str().chars() {
        if c.is_control() {
            id.push_str(&format!("%{:02X}", u32::from(c)));
        } else {
            id.push(c);
        }
    }
    format!("{id}@turnus")
}

/// The most octets on one line of a calendar, the line break not counted (RFC 5545 § 3.1).
pub const LINE_OCTETS: usize = 75;

/// `text` as a one-line calendar value: line breaks and tabs become spaces, other control
/// characters are left out.
pub fn one_line_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// `text` as a multi-line calendar value: CR LF and a lone CR become a line break, a tab a
/// space, other control characters are left out.
pub fn multi_line_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A TEXT value escaped as RFC 5545 § 3.3.11 asks (for properties the `icalendar` crate
/// writes as they are, such as NAME).
fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}

/// Fold every content line of `text` (lines ending CR LF) to [`LINE_OCTETS`] octets: the
/// lines are first unfolded, then cut at character boundaries, each continuation line
/// starting with one space.
fn fold_octets(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = LINE_OCTETS;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Never fold next to a space: some readers strip whitespace at the end of a line
            // or all of it at the start of a continuation, not only the fold's one space.
            let mut calm = cut;
            while calm > 1
                && (rest[calm..].starts_with([' ', '\t']) || rest[..calm].ends_with([' ', '\t']))
            {
                calm -= 1;
                while !rest.is_char_boundary(calm) {
                    calm -= 1;
                }
            }
            if calm > 1 {
                cut = calm;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = LINE_OCTETS - 1;
        }
    }
    out
}

/// The state after exporting `plan` at `now`, given the state of the last export: new and
/// changed shifts get their next SEQUENCE, cancelled and deleted ones are marked gone, and
/// what is too old is dropped. Every calendar of one export is rendered from this one state.
pub fn update_state(plan: &Plan, previous: &ExportState, now: Instant) -> ExportState {
    let mut events = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let past_limit = now.unix() - PAST_DAYS * DAY;
    let absences = crate::cover::Absences::new(plan);
    for shift in &plan.shifts {
        let id = uid(shift);
        seen.insert(id.clone());
        if shift.end.unix() < past_limit {
            continue;
        }
        let fresh = record(plan, shift, absences.of_shift(shift).is_some());
        let old = previous.events.get(&id);
        let next = match old {
            None => fresh,
            Some(old) if old.hash == fresh.hash => EventRecord {
                gone_since: old.gone_since,
                ..fresh.with_sequence(old.sequence)
            },
            Some(old) => fresh.with_sequence(old.sequence + 1),
        };
        let next = if next.cancelled {
            let since = next.gone_since.unwrap_or(now.unix());
            EventRecord {
                gone_since: Some(since),
                ..next
            }
        } else {
            EventRecord {
                gone_since: None,
                ..next
            }
        };
        if next.cancelled && expired(&next, now) {
            continue;
        }
        let keep = |h: &HandOver| {
            Some(&h.assistant) != next.assistant.as_ref()
                && now.unix() < h.since + CANCELLED_KEPT_DAYS * DAY
        };
        let handed_over = match old {
            Some(old) if old.assistant != next.assistant && !old.cancelled => {
                old.assistant.clone().map(|assistant| HandOver {
                    assistant,
                    since: now.unix(),
                })
            }
            Some(old) => old.handed_over.clone(),
            None => None,
        }
        .filter(keep);
        events.insert(
            id,
            EventRecord {
                handed_over,
                ..next
            },
        );
    }
    for (id, old) in &previous.events {
        if seen.contains(id) {
            continue;
        }
        // Deleted since the last export: cancel it, once.
        let gone = if old.cancelled {
            old.clone()
        } else {
            let mut g = old.clone();
            g.cancelled = true;
            g.summary = format!("Avlyst: {}", g.summary);
            g.sequence += 1;
            g.hash = content_hash(&g);
            g.gone_since = Some(now.unix());
            g
        };
        let gone = EventRecord {
            gone_since: Some(gone.gone_since.unwrap_or(now.unix())),
            ..gone
        };
        if !expired(&gone, now) {
            events.insert(id.clone(), gone);
        }
    }
    ExportState {
        version: 1,
        events,
        files: previous.files.clone(),
        names: previous.names.clone(),
    }
}

fn expired(record: &EventRecord, now: Instant) -> bool {
    record
        .gone_since
        .is_some_and(|since| now.unix() >= since + CANCELLED_KEPT_DAYS * DAY)
}

impl EventRecord {
    fn with_sequence(self, sequence: u32) -> Self {
        EventRecord { sequence, ..self }
    }
}

/// The event a shift becomes, at SEQUENCE 0; `needs_cover`: its assistant is away then.
fn record(plan: &Plan, shift: &Shift, needs_cover: bool) -> EventRecord {
    let assistant = shift.assistant.as_ref().and_then(|id| plan.assistant(id));
    let assistant_name = assistant.map_or_else(|| "Ikke besatt".to_string(), |a| a.name.clone());
    let kind = shift.shift_type.as_deref().map(|code| {
        plan.shift_type(code)
            .map_or_else(|| code.to_string(), |t| format!("{} ({})", t.name, t.code))
    });
    let times = format!(
        "{}–{}",
        shift.start.local().format("%H:%M"),
        shift.end.local().format("%H:%M")
    );
    let cancelled = shift.status == ShiftStatus::Cancelled;
    let mut summary = match &kind {
        Some(k) => format!("{k} {times}"),
        None => format!("Vakt {times}"),
    };
    if cancelled {
        summary = format!("Avlyst: {summary}");
    }
    let mut lines = vec![
        format!("Vakt: {}", kind.unwrap_or_else(|| "vakt".into())),
        format!(
            "Tid: {} {} – {}",
            weekday_nb(shift.start),
            shift.start.display_local(),
            shift.end.display_local()
        ),
        format!("Assistent: {assistant_name}"),
    ];
    if shift.break_minutes > 0 {
        lines.push(format!("Pause: {} min", shift.break_minutes));
    }
    if shift.passive_minutes > 0 {
        lines.push(format!("Passiv tid: {} min", shift.passive_minutes));
    }
    if !shift.note.trim().is_empty() {
        lines.push(format!("Merknad: {}", shift.note.trim()));
    }
    if !plan.settings.arbeidsleder.trim().is_empty() {
        lines.push(format!(
            "Arbeidsleder: {}",
            plan.settings.arbeidsleder.trim()
        ));
    }
    if cancelled {
        lines.push("Vakten er avlyst.".into());
    } else if needs_cover {
        lines.push(format!(
            "Trenger dekning: {assistant_name} er registrert borte."
        ));
    }
    let covered_for = plan.original_assistant(shift);
    if let Some(absent) = covered_for {
        let name = plan
            .assistant(absent)
            .map_or_else(|| absent.to_string(), |a| a.name_or_id());
        lines.push(format!("Dekker for: {name}"));
    }
    let mut r = EventRecord {
        covered_for: covered_for.map(|a| a.to_string()),
        assistant: shift.assistant.as_ref().map(|a| a.to_string()),
        assistant_name,
        start: shift.start.unix(),
        end: shift.end.unix(),
        summary,
        description: lines.join("\n"),
        cancelled,
        sequence: 0,
        hash: String::new(),
        gone_since: None,
        handed_over: None,
        needs_cover: needs_cover && !cancelled,
    };
    r.hash = content_hash(&r);
    r
}

fn weekday_nb(t: Instant) -> &'static str {
    use chrono::Datelike;
    [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ][t.local_date().weekday().num_days_from_monday() as usize]
}

/// FNV-1a over everything a phone shows.
fn content_hash(r: &EventRecord) -> String {
    let text = format!(
        "{:?}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        r.assistant, r.start, r.end, r.summary, r.description, r.cancelled
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn utc(secs: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default()
}

/// The calendar's name as phones show it.
pub fn calendar_name(plan: &Plan, scope: &CalendarScope) -> String {
    let plan_name = if plan.settings.name.trim().is_empty() {
        "Turnus".to_string()
    } else {
        plan.settings.name.trim().to_string()
    };
    match scope {
        CalendarScope::Plan => format!("Turnus – {plan_name}"),
        CalendarScope::Assistant(id) => {
            let name = plan.assistant(id).map_or(id.as_str(), |a| a.name.as_str());
            format!("Vakter – {name} ({plan_name})")
        }
    }
}

/// The iCalendar text of `scope`, rendered from `state` (see [`update_state`]), with DTSTAMP
/// `now`. Events are ordered by start, then UID, so equal input gives equal text.
pub fn calendar(plan: &Plan, state: &ExportState, scope: &CalendarScope, now: Instant) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Turnus//Turnus BPA//NB"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    // NAME is written as given by the `icalendar` crate, X-WR-CALNAME escaped by it.
    let name = one_line_text(&calendar_name(plan, scope));
    cal.append_property(Property::new("NAME", escape_text(&name)));
    cal.append_property(Property::new("X-WR-CALNAME", name));
    cal.append_property(Property::new("X-WR-TIMEZONE", "Europe/Oslo"));
    // (UID, event, shown as cancelled because the shift was given to someone else)
    let mut records: Vec<(&String, &EventRecord, bool)> = Vec::new();
    for (uid, r) in &state.events {
        match scope {
            CalendarScope::Plan => records.push((uid, r, false)),
            CalendarScope::Assistant(id) => {
                if r.assistant.as_deref() == Some(id.as_str()) {
                    records.push((uid, r, false));
                } else if r.covered_for.as_deref() == Some(id.as_str())
                    || r.handed_over
                        .as_ref()
                        .is_some_and(|h| h.assistant == id.as_str())
                {
                    records.push((uid, r, true));
                }
            }
        }
    }
    records.sort_by_key(|(uid, r, _)| (r.start, uid.as_str()));
    for (uid, r, handed_over) in records {
        let mut summary = match scope {
            CalendarScope::Plan => format!("{}: {}", r.assistant_name, r.summary),
            CalendarScope::Assistant(_) => r.summary.clone(),
        };
        let mut description = r.description.clone();
        let away = r.needs_cover && !r.cancelled;
        if away {
            match scope {
                CalendarScope::Plan => {
                    summary = format!(
                        "Trenger dekning: {} (planlagt for {})",
                        r.summary, r.assistant_name
                    );
                }
                CalendarScope::Assistant(_) => {
                    summary = format!("Avlyst: {summary} – du er registrert borte");
                    description =
                        format!("Du er registrert borte, så vakten er ikke din nå.\n{description}");
                }
            }
        }
        if handed_over && !r.cancelled {
            let covering = matches!(scope, CalendarScope::Assistant(id)
                if r.covered_for.as_deref() == Some(id.as_str()));
            if covering {
                summary = format!("Avlyst: {summary} – dekkes av {}", r.assistant_name);
                description = format!(
                    "Du er borte; {} dekker vakten.\n{description}",
                    r.assistant_name
                );
            } else {
                summary = format!("Avlyst: {summary}");
                description = format!("Vakten er gitt til {}.\n{description}", r.assistant_name);
            }
        }
        let mut event = Event::new();
        event
            .uid(uid)
            .timestamp(utc(now.unix()))
            .starts(utc(r.start))
            .ends(utc(r.end))
            .sequence(r.sequence)
            .summary(&one_line_text(&summary))
            .description(&multi_line_text(&description))
            .status(
                if r.cancelled || handed_over || (away && scope != &CalendarScope::Plan) {
                    EventStatus::Cancelled
                } else {
                    EventStatus::Confirmed
                },
            );
        cal.push(event.done());
    }
    fold_octets(&cal.done().to_string())
}

/// A file name for an assistant's calendar: letters and digits of the name (accents kept, as
/// every current file system takes them), other characters as `-`, and the id to keep two
/// people of the same name apart: `Kari-Nordmann-A.ics`.
pub fn file_name(plan: &Plan, id: &AssistantId) -> String {
    let name = plan.assistant(id).map_or("", |a| a.name.as_str());
    let mut out = String::new();
    for c in name.chars().chain(" ".chars()).chain(id.as_str().chars()) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(80).collect();
    if out.is_empty() {
        "assistent.ics".into()
    } else {
        format!("{out}.ics")
    }
}

/// Where the export state of a single calendar file is kept: beside it, as
/// `.{file name}.turnus.json`.
pub fn state_path_for(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map_or_else(|| "kalender".into(), |n| n.to_string_lossy().into_owned());
    file.with_file_name(format!(".{name}.turnus.json"))
}

/// The name of the export state file in a calendar folder.
pub const STATE_FILE: &str = ".turnus-kalender.json";

/// Write every assistant's calendar (and `Turnus.ics` for the whole plan) into `dir`, each
/// through a temporary file and a rename, and the export state last. `state` is the state of
/// the previous export (see [`read_state`]); the new state is returned and written to
/// [`STATE_FILE`] in `dir`. Returns the files written.
pub fn write_calendar_folder(
    plan: &Plan,
    dir: &Path,
    state: &ExportState,
    now: Instant,
) -> Result<(ExportState, Vec<PathBuf>), IcsError> {
    let next = folder_state(plan, state, now);
    let written = write_folder(plan, dir, &next, now)?;
    Ok((next, written))
}

/// The state of a calendar folder after exporting `plan` at `now`: [`update_state`], and each
/// assistant's file name.
fn folder_state(plan: &Plan, previous: &ExportState, now: Instant) -> ExportState {
    let mut next = update_state(plan, previous, now);
    next.files = folder_files(plan, previous);
    next.names = plan
        .assistants
        .iter()
        .filter_map(|a| {
            let file = next.files.get(a.id.as_str())?.clone();
            Some((
                file,
                calendar_name(plan, &CalendarScope::Assistant(a.id.clone())),
            ))
        })
        .chain([(
            "Turnus.ics".to_string(),
            calendar_name(plan, &CalendarScope::Plan),
        )])
        .collect();
    next
}

/// Write every calendar of `next` into `dir`, the state last; returns the files written.
fn write_folder(
    plan: &Plan,
    dir: &Path,
    next: &ExportState,
    now: Instant,
) -> Result<Vec<PathBuf>, IcsError> {
    let mut written = Vec::new();
    for a in &plan.assistants {
        let scope = CalendarScope::Assistant(a.id.clone());
        let name = next
            .files
            .get(a.id.as_str())
            .cloned()
            .unwrap_or_else(|| file_name(plan, &a.id));
        let path = dir.join(name);
        write_atomic(&path, calendar(plan, next, &scope, now).as_bytes())?;
        written.push(path);
    }
    let path = dir.join("Turnus.ics");
    write_atomic(
        &path,
        calendar(plan, next, &CalendarScope::Plan, now).as_bytes(),
    )?;
    written.push(path);
    write_atomic(&dir.join(STATE_FILE), next.to_json().as_bytes())?;
    Ok(written)
}

/// Bring the calendar folder `dir` up to date with `plan`, as the app does after each change:
/// like [`write_calendar_folder`] with the state kept in the folder, but nothing is written
/// when no event changed and every calendar is already there (phones and sync clients then see
/// no new file). Returns the files written, or `None` when the folder was already current.
pub fn refresh_calendar_folder(
    plan: &Plan,
    dir: &Path,
    now: Instant,
) -> Result<Option<Vec<PathBuf>>, IcsError> {
    let previous = read_state(dir)?;
    let next = folder_state(plan, &previous, now);
    let all_there = next
        .files
        .values()
        .map(|name| dir.join(name))
        .chain([dir.join("Turnus.ics"), dir.join(STATE_FILE)])
        .all(|p| p.is_file());
    if next == previous && all_there {
        return Ok(None);
    }
    write_folder(plan, dir, &next, now).map(Some)
}

/// Write one calendar file at `path` (the whole plan, or one assistant's shifts), with its
/// export state beside it (see [`state_path_for`]) so the next export of the same file knows
/// which events changed.
pub fn write_calendar_file(
    plan: &Plan,
    path: &Path,
    scope: &CalendarScope,
    now: Instant,
) -> Result<(), IcsError> {
    if let CalendarScope::Assistant(id) = scope {
        if plan.assistant(id).is_none() {
            return Err(IcsError::UnknownAssistant(id.to_string()));
        }
    }
    let state_path = state_path_for(path);
    let previous = match std::fs::read_to_string(&state_path) {
        Ok(text) => ExportState::from_json(&text).map_err(|e| IcsError::BadState {
            path: state_path.display().to_string(),
            why: e.to_string(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => ExportState::default(),
        Err(e) => {
            return Err(IcsError::BadState {
                path: state_path.display().to_string(),
                why: e.to_string(),
            })
        }
    };
    let state = update_state(plan, &previous, now);
    write_atomic(path, calendar(plan, &state, scope, now).as_bytes())?;
    write_atomic(&state_path, state.to_json().as_bytes())
}

/// Each assistant's file in a calendar folder: the name first written for them (kept when they
/// are renamed), or a new one from their name.
fn folder_files(plan: &Plan, previous: &ExportState) -> BTreeMap<String, String> {
    plan.assistants
        .iter()
        .map(|a| {
            let name = previous
                .files
                .get(a.id.as_str())
                .cloned()
                .unwrap_or_else(|| file_name(plan, &a.id));
            (a.id.to_string(), name)
        })
        .collect()
}

/// The export state kept in `dir`, or an empty one when there is none yet.
pub fn read_state(dir: &Path) -> Result<ExportState, IcsError> {
    let path = dir.join(STATE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => ExportState::from_json(&text).map_err(|e| IcsError::BadState {
            path: path.display().to_string(),
            why: e.to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ExportState::default()),
        Err(e) => Err(IcsError::BadState {
            path: path.display().to_string(),
            why: e.to_string(),
        }),
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader (a sync client, a phone) never sees half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), IcsError> {
    let fail = |e: std::io::Error| IcsError::Write {
        path: path.display().to_string(),
        why: e.to_string(),
        kind: e.kind(),
    };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "turnus".into());
    let tmp = match dir {
        Some(d) => d.join(format!(".{file}.tmp")),
        None => PathBuf::from(format!(".{file}.tmp")),
    };
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_letters_and_replace_the_rest() {
        let mut plan = Plan::default();
        plan.assistants
            .push(crate::model::Assistant::new("a/1", "Øyvind Ærø / vikar"));
        assert_eq!(
            file_name(&plan, &AssistantId("a/1".into())),
            "Øyvind-Ærø-vikar-a-1.ics",
            "slashes and spaces never reach the file system"
        );
    }

    #[test]
    fn content_hash_is_stable() {
        let r = EventRecord {
            assistant: Some("A".into()),
            assistant_name: "Kari".into(),
            start: 0,
            end: 3600,
            summary: "D".into(),
            description: String::new(),
            cancelled: false,
            sequence: 0,
            hash: String::new(),
            gone_since: None,
            handed_over: None,
            covered_for: None,
            needs_cover: false,
        };
        assert_eq!(
            content_hash(&r),
            content_hash(&r.clone()),
            "the same content hashes the same in every run"
        );
    }
}
