//! Putting busy time read from a calendar ([`super::ics::read_busy`]) into a plan: each busy
//! time gets an id unique in the plan, and a new import from the same calendar for the same
//! assistant replaces what the earlier one gave.
//!
//! The id of an imported busy time is the assistant's id, the calendar's name and the event's
//! id joined by `:` (with `%` and `:` inside each part written as `%25` and `%3A`), e.g.
//! `A:jobb.ics:u1`. So two assistants importing the same calendar, or one assistant two
//! calendars that happen to use the same UIDs, never clash on the plan file's primary key, and
//! an event imported again keeps its id.
//!
//! ```
//! use turnus::import::{busy::replace, ics::read_busy};
//! use turnus::model::AssistantId;
//! let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\n\
//!             DTSTART:20260608T060000Z\r\nDTEND:20260608T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
//! let kari = AssistantId("A".into());
//! let import = read_busy(text, &kari, "jobb.ics").unwrap();
//! let change = replace(&[], &kari, "jobb.ics", &import.busy);
//! assert_eq!(change.add[0].id, "A:jobb.ics:u1");
//! let mut plan_busy = Vec::new();
//! change.apply_to(&mut plan_busy);
//! // The same calendar again changes nothing.
//! assert!(replace(&plan_busy, &kari, "jobb.ics", &import.busy).is_empty());
//! ```
//!
//! Left out on purpose: reading the calendar (that is [`super::ics`]) and saving the plan (the
//! caller turns the change into store edits with [`BusyChange::edits`], one user action).

use std::collections::BTreeMap;

use crate::model::{AssistantId, BusyTime};
use crate::store::Edit;

/// The id in a plan of the event `event` of calendar `source`, imported for `assistant`.
pub fn plan_id(assistant: &AssistantId, source: &str, event: &str) -> String {
    fn part(text: &str) -> String {
        text.replace('%', "%25").replace(':', "%3A")
    }
    format!(
        "{}:{}:{}",
        part(assistant.as_str()),
        part(source),
        part(event)
    )
}

/// What changes in a plan's busy times when a calendar is imported again (or removed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BusyChange {
    /// Busy times new in this import, with their plan ids.
    pub add: Vec<BusyTime>,
    /// Busy times imported before whose times or title changed.
    pub update: Vec<BusyTime>,
    /// Ids of busy times the calendar no longer has.
    pub delete: Vec<String>,
}

impl BusyChange {
    /// True when the plan already holds exactly what the calendar has.
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.update.is_empty() && self.delete.is_empty()
    }

    /// The change as store edits, to be applied as one user action (one undo step).
    pub fn edits(&self) -> Vec<Edit> {
        let deletes = self.delete.iter().cloned().map(Edit::DeleteBusy);
        let updates = self.update.iter().cloned().map(Edit::UpdateBusy);
        let adds = self.add.iter().cloned().map(Edit::AddBusy);
        deletes.chain(updates).chain(adds).collect()
    }

    /// Make the change in a plan held in memory (plan JSON).
    pub fn apply_to(&self, busy: &mut Vec<BusyTime>) {
        busy.retain(|b| !self.delete.contains(&b.id));
        for changed in &self.update {
            if let Some(b) = busy.iter_mut().find(|b| b.id == changed.id) {
                *b = changed.clone();
            }
        }
        busy.extend(self.add.iter().cloned());
    }
}

/// The change that makes `existing` (a plan's busy times) hold `imported` (what
/// [`super::ics::read_busy`] read from calendar `source` for `assistant`) in place of whatever
/// that calendar gave this assistant before. Other calendars and other assistants are left
/// alone.
pub fn replace(
    existing: &[BusyTime],
    assistant: &AssistantId,
    source: &str,
    imported: &[BusyTime],
) -> BusyChange {
    let mut before: BTreeMap<&str, &BusyTime> = existing
        .iter()
        .filter(|b| &b.assistant == assistant && b.source == source)
        .map(|b| (b.id.as_str(), b))
        .collect();
    let mut change = BusyChange::default();
    for event in imported {
        let busy = BusyTime {
            id: plan_id(assistant, source, &event.id),
            assistant: assistant.clone(),
            source: source.to_string(),
            ..event.clone()
        };
        match before.remove(busy.id.as_str()) {
            Some(old) if *old == busy => {}
            Some(_) => change.update.push(busy),
            None => change.add.push(busy),
        }
    }
    change.delete = before.into_keys().map(str::to_string).collect();
    change
}

/// The change that takes away every busy time calendar `source` gave `assistant`.
pub fn remove(existing: &[BusyTime], assistant: &AssistantId, source: &str) -> BusyChange {
    replace(existing, assistant, source, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Instant;

    fn busy(id: &str, assistant: &str, source: &str, start: &str, end: &str) -> BusyTime {
        BusyTime {
            id: id.into(),
            assistant: AssistantId(assistant.into()),
            start: Instant::parse(start).expect("a valid time"),
            end: Instant::parse(end).expect("a valid time"),
            source: source.into(),
            summary: String::new(),
        }
    }

    #[test]
    fn two_assistants_importing_one_calendar_get_different_ids() {
        let event = busy(
            "u1",
            "A",
            "jobb.ics",
            "2026-06-08T08:00",
            "2026-06-08T16:00",
        );
        let a = replace(
            &[],
            &AssistantId("A".into()),
            "jobb.ics",
            std::slice::from_ref(&event),
        );
        let b = replace(&a.add, &AssistantId("B".into()), "jobb.ics", &[event]);
        assert_ne!(
            a.add[0].id, b.add[0].id,
            "the plan file's key is the id alone"
        );
        assert!(b.delete.is_empty(), "A's busy time is not B's to replace");
    }

    #[test]
    fn ids_cannot_be_made_to_clash_by_a_colon_in_a_name() {
        let a = plan_id(&AssistantId("A:x".into()), "y", "z");
        let b = plan_id(&AssistantId("A".into()), "x:y", "z");
        assert_ne!(a, b);
        assert_eq!(a, "A%3Ax:y:z");
    }

    #[test]
    fn a_new_import_adds_updates_and_deletes_only_what_changed() {
        let kari = AssistantId("A".into());
        let old = [
            busy(
                "A:jobb.ics:u1",
                "A",
                "jobb.ics",
                "2026-06-08T08:00",
                "2026-06-08T16:00",
            ),
            busy(
                "A:jobb.ics:u2",
                "A",
                "jobb.ics",
                "2026-06-09T08:00",
                "2026-06-09T16:00",
            ),
            busy(
                "A:jobb.ics:u3",
                "A",
                "jobb.ics",
                "2026-06-10T08:00",
                "2026-06-10T16:00",
            ),
            busy(
                "A:kurs.ics:u1",
                "A",
                "kurs.ics",
                "2026-06-11T08:00",
                "2026-06-11T16:00",
            ),
        ];
        let new = [
            busy(
                "u1",
                "A",
                "jobb.ics",
                "2026-06-08T08:00",
                "2026-06-08T16:00",
            ),
            busy(
                "u2",
                "A",
                "jobb.ics",
                "2026-06-09T10:00",
                "2026-06-09T16:00",
            ),
            busy(
                "u4",
                "A",
                "jobb.ics",
                "2026-06-12T08:00",
                "2026-06-12T16:00",
            ),
        ];
        let change = replace(&old, &kari, "jobb.ics", &new);
        let ids = |v: &[BusyTime]| v.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&change.add), ["A:jobb.ics:u4"]);
        assert_eq!(
            ids(&change.update),
            ["A:jobb.ics:u2"],
            "u2 starts later now"
        );
        assert_eq!(
            change.delete,
            ["A:jobb.ics:u3"],
            "u3 is gone from the calendar"
        );
        let mut plan = old.to_vec();
        change.apply_to(&mut plan);
        assert_eq!(plan.len(), 4, "kurs.ics is another calendar and stays");
    }

    #[test]
    fn removing_a_calendar_deletes_only_its_busy_times() {
        let old = [
            busy("1", "A", "jobb.ics", "2026-06-08T08:00", "2026-06-08T16:00"),
            busy("2", "B", "jobb.ics", "2026-06-08T08:00", "2026-06-08T16:00"),
            busy("3", "A", "kurs.ics", "2026-06-08T08:00", "2026-06-08T16:00"),
        ];
        let change = remove(&old, &AssistantId("A".into()), "jobb.ics");
        assert_eq!(change.delete, ["1"]);
        assert!(change.add.is_empty() && change.update.is_empty());
    }
}
