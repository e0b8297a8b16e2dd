//! Busy time in the app: importing an assistant's other calendar (.ics) as work for another
//! employer, which the rest and total-hours rules count, and removing what one calendar gave.
//!
//! Each import or removal is one user action: one transaction, one undo step. A new import
//! from the same calendar (the same file name) for the same assistant replaces the earlier
//! one (see `crate::import::busy`). A calendar that cannot be read changes nothing.
//!
//! Left out on purpose: choosing the file (the shell's dialog does) and editing single busy
//! times by hand.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use super::view::PlanView;
use super::{validate, ErrorCode, IpcError, Language, Session, Window};
use crate::import::busy::{remove, replace};
use crate::import::ics::{read_busy, ImportError};
use crate::model::{AssistantId, BusyTime};
use crate::store::StoreError;
use crate::time::Instant;

/// A calendar larger than this is surely another kind of file; it is not read.
const MAX_CALENDAR_BYTES: u64 = 20 * 1024 * 1024;

/// One calendar an assistant's busy time came from, as the assistant's page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BusySourceView {
    /// The calendar's name: the file name it was imported from, e.g. `jobb.ics`.
    pub source: String,
    /// How many stretches of work it gave.
    pub count: u32,
    /// The day the first stretch starts, `YYYY-MM-DD`.
    pub first: String,
    /// The day the last stretch ends, `YYYY-MM-DD` (a stretch ending at midnight ends the
    /// day before).
    pub last: String,
}

/// An event of the calendar that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SkippedEventView {
    /// The event's title, or its UID when it has none.
    pub event: String,
    /// Why it was left out, in the UI language.
    pub reason: String,
}

/// What an import did, with the refreshed plan.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct BusyImportView {
    pub plan: PlanView,
    /// The calendar's name (its file name); a later import of a file with this name replaces
    /// this one.
    pub source: String,
    /// How many stretches of work the plan now holds from this calendar for the assistant.
    pub imported: u32,
    /// How many stretches an earlier import of a calendar with this name had given the
    /// assistant, now replaced; 0 for a first import.
    pub replaced: u32,
    /// The events left out, in the calendar's order.
    pub skipped: Vec<SkippedEventView>,
}

/// The calendars `assistant`'s busy time came from, by name.
pub(super) fn sources(assistant: &AssistantId, busy: &[BusyTime]) -> Vec<BusySourceView> {
    let mut by_source: std::collections::BTreeMap<&str, (u32, Instant, Instant)> =
        Default::default();
    for b in busy.iter().filter(|b| &b.assistant == assistant) {
        let entry = by_source
            .entry(b.source.as_str())
            .or_insert((0, b.start, b.end));
        entry.0 += 1;
        entry.1 = entry.1.min(b.start);
        entry.2 = entry.2.max(b.end);
    }
    by_source
        .into_iter()
        .map(|(source, (count, first, last))| BusySourceView {
            source: source.to_string(),
            count,
            first: first.local_date().format("%Y-%m-%d").to_string(),
            // The end is exclusive: the last moment of work is one second before it.
            last: last.plus(-1).local_date().format("%Y-%m-%d").to_string(),
        })
        .collect()
}

impl Session {
    /// Import the calendar file at `path` as busy time of the assistant `assistant`, in place
    /// of what a file of the same name gave them before. Refused on a read-only plan; a file
    /// that cannot be read, or is not a calendar, changes nothing.
    pub fn import_busy(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        assistant: &str,
        path: &Path,
    ) -> Result<BusyImportView, IpcError> {
        self.writable()?;
        validate::window(window, self.lang)?;
        let id = self.busy_assistant(assistant)?;
        let text = read_calendar(path, self.lang)?;
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let import =
            read_busy(&text, &id, &source).map_err(|e| calendar_error(&e, path, self.lang))?;
        let earlier = self
            .plan
            .busy
            .iter()
            .filter(|b| b.assistant == id && b.source == source)
            .count();
        let change = replace(&self.plan.busy, &id, &source, &import.busy);
        let plan = self.edit(now, today, window, "import busy time", &change.edits())?;
        let lang = self.lang.lang();
        Ok(BusyImportView {
            plan,
            source,
            imported: u32::try_from(import.busy.len()).unwrap_or(u32::MAX),
            replaced: u32::try_from(earlier).unwrap_or(u32::MAX),
            skipped: import
                .skipped
                .iter()
                .map(|s| SkippedEventView {
                    event: s.event.clone(),
                    reason: s.reason.text(lang).to_string(),
                })
                .collect(),
        })
    }

    /// Remove every busy time the calendar `source` gave the assistant `assistant`, as one
    /// undoable action.
    pub fn remove_busy(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        assistant: &str,
        source: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        validate::window(window, self.lang)?;
        let id = self.busy_assistant(assistant)?;
        let change = remove(&self.plan.busy, &id, source);
        if change.is_empty() {
            return Err(IpcError::new(
                ErrorCode::NotFound,
                match self.lang {
                    Language::Nb => format!(
                        "Assistenten har ingen opptatt tid fra «{source}». Oppdater visningen og prøv igjen."
                    ),
                    Language::En => format!(
                        "The assistant has no busy time from «{source}». Refresh the view and try again."
                    ),
                },
            )
            .with_details(json!({ "assistant": assistant, "source": source })));
        }
        self.edit(now, today, window, "remove busy time", &change.edits())
    }

    /// The id of the assistant `id`, or the error saying there is none.
    fn busy_assistant(&self, id: &str) -> Result<AssistantId, IpcError> {
        self.plan
            .assistants
            .iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| a.id.clone())
            .ok_or_else(|| {
                IpcError::from_store(
                    &StoreError::NotFound {
                        entity: "assistant",
                        id: id.to_string(),
                    },
                    self.lang,
                )
            })
    }
}

/// The text of the calendar file at `path`; a file that cannot be read is an `io` error.
fn read_calendar(path: &Path, lang: Language) -> Result<String, IpcError> {
    let details = json!({ "path": path.display().to_string() });
    let io = |why: &str| {
        IpcError::new(
            ErrorCode::Io,
            match lang {
                Language::Nb => format!(
                    "Kalenderfilen {} kunne ikke leses ({why}). Sjekk at filen finnes og at du kan åpne den, og prøv igjen.",
                    path.display()
                ),
                Language::En => format!(
                    "The calendar file {} could not be read ({why}). Check that the file exists and that you can open it, and try again.",
                    path.display()
                ),
            },
        )
        .with_details(details.clone())
    };
    let size = std::fs::metadata(path)
        .map_err(|e| io(&super::export::io_reason(&e, lang)))?
        .len();
    if size > MAX_CALENDAR_BYTES {
        return Err(IpcError::field(
            "calendar",
            path.display().to_string(),
            lang.pick(
                "Filen er for stor til å være en kalender (over 20 MB). Velg .ics-filen fra den andre kalenderen.",
                "The file is too large to be a calendar (over 20 MB). Choose the .ics file of the other calendar.",
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| io(&super::export::io_reason(&e, lang)))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A calendar that is not a readable .ics file: what is wrong (in the words of the reader,
/// which name the line) and what to do.
fn calendar_error(e: &ImportError, path: &Path, lang: Language) -> IpcError {
    let message = match lang {
        Language::Nb => format!(
            "Kalenderen «{}» kan ikke leses, så ingenting ble lagt inn. Eksporter kalenderen på nytt som .ics-fil og prøv igjen. (Feil: {}.)",
            e.source_name,
            e.what(lang.lang())
        ),
        Language::En => format!(
            "The calendar «{}» cannot be read, so nothing was imported. Export the calendar again as an .ics file and try once more. (Problem: {}.)",
            e.source_name,
            e.what(lang.lang())
        ),
    };
    IpcError::field("calendar", path.display().to_string(), message)
}

#[cfg(test)]
#[path = "busy_tests.rs"]
mod tests;
