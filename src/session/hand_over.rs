//! Deleting an assistant who still has work in the plan: their shifts and their places in the
//! turnus patterns are either made open or handed to another assistant, in the same undoable
//! step as the deletion. Without a choice, the deletion is refused with a sentence saying what
//! they still have (how many shifts, from when to when, which patterns), so the UI can offer
//! the two ways on instead of failing silently.
//!
//! The assistant's own records go with them: their absences and their busy time from other
//! calendars describe that person and mean nothing for anyone else.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;
use ts_rs::TS;

use super::{IpcError, Language, PlanView, Session, Window};
use crate::model::{AssistantId, DayChange, Plan, Rotation};
use crate::store::Edit;
use crate::time::Instant;

/// What becomes of a deleted assistant's shifts and pattern places.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HandOver {
    /// They become open shifts (and open places in the patterns), to be covered later.
    Open,
    /// Another assistant (by id) takes them over.
    To(String),
}

/// What an assistant still has in the plan.
struct Work {
    shifts: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    rotations: Vec<String>,
}

fn work_of(plan: &Plan, id: &AssistantId) -> Work {
    let days: Vec<NaiveDate> = plan
        .shifts
        .iter()
        .filter(|s| s.assistant.as_ref() == Some(id))
        .map(|s| s.start.local_date())
        .collect();
    Work {
        shifts: days.len(),
        first: days.iter().min().copied(),
        last: days.iter().max().copied(),
        rotations: plan
            .rotations
            .iter()
            .filter(|r| uses(r, id))
            .map(|r| r.name.clone())
            .collect(),
    }
}

fn uses(rotation: &Rotation, id: &AssistantId) -> bool {
    rotation
        .slots
        .iter()
        .any(|s| s.assistant.as_ref() == Some(id))
        || rotation.changes.iter().any(|c| match c {
            DayChange::Reassigned { assistant, .. } | DayChange::Extra { assistant, .. } => {
                assistant.as_ref() == Some(id)
            }
            _ => false,
        })
}

/// `rotation` with every place of `from` given to `to`.
fn handed(rotation: &Rotation, from: &AssistantId, to: Option<&AssistantId>) -> Rotation {
    let mut out = rotation.clone();
    for slot in &mut out.slots {
        if slot.assistant.as_ref() == Some(from) {
            slot.assistant = to.cloned();
        }
    }
    for change in &mut out.changes {
        if let DayChange::Reassigned { assistant, .. } | DayChange::Extra { assistant, .. } = change
        {
            if assistant.as_ref() == Some(from) {
                *assistant = to.cloned();
            }
        }
    }
    out
}

fn refusal(name: &str, id: &str, work: &Work, lang: Language) -> IpcError {
    let span = match (work.first, work.last) {
        (Some(a), Some(b)) if a == b => format!(" ({})", a.format("%d.%m.%Y")),
        (Some(a), Some(b)) => format!(" ({}–{})", a.format("%d.%m.%Y"), b.format("%d.%m.%Y")),
        _ => String::new(),
    };
    let patterns = work
        .rotations
        .iter()
        .map(|n| format!("«{n}»"))
        .collect::<Vec<_>>()
        .join(", ");
    let message = match lang {
        Language::Nb => {
            let mut has = Vec::new();
            if work.shifts > 0 {
                let noun = if work.shifts == 1 { "vakt" } else { "vakter" };
                has.push(format!("{} {noun} i planen{span}", work.shifts));
            }
            if !patterns.is_empty() {
                has.push(format!("plass i turnusmønsteret {patterns}"));
            }
            format!(
                "{name} kan ikke slettes ennå: {name} har {}. Gjør vaktene åpne, eller flytt dem til en annen assistent, og slett så.",
                has.join(" og ")
            )
        }
        Language::En => {
            let mut has = Vec::new();
            if work.shifts > 0 {
                let noun = if work.shifts == 1 { "shift" } else { "shifts" };
                has.push(format!("{} {noun} in the plan{span}", work.shifts));
            }
            if !patterns.is_empty() {
                has.push(format!("a place in the rotation pattern {patterns}"));
            }
            format!(
                "{name} cannot be deleted yet: {name} has {}. Make the shifts open, or move them to another assistant, and then delete.",
                has.join(" and ")
            )
        }
    };
    IpcError::field("id", id, message).with_details(json!({
        "field": "id",
        "value": id,
        "shifts": work.shifts,
        "first": work.first.map(|d| d.to_string()),
        "last": work.last.map(|d| d.to_string()),
        "rotations": work.rotations,
    }))
}

impl Session {
    /// Delete the assistant `id`. When they still have shifts or places in a turnus pattern,
    /// `hand_over` says who takes them (or that they become open), all in one undoable step;
    /// without it the deletion is refused with a sentence and the counts in `details`.
    pub fn delete_assistant_handing_over(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
        hand_over: Option<&HandOver>,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let lang = self.lang;
        let from = AssistantId(id.to_string());
        let plan = self.plan();
        let Some(assistant) = plan.assistant(&from) else {
            // The store says it in its own words (not found).
            let edit = Edit::DeleteAssistant(from);
            return self.edit(now, today, window, "delete assistant", &[edit]);
        };
        let name = assistant.name_or_id();
        let work = work_of(plan, &from);
        let to = match hand_over {
            None if work.shifts > 0 || !work.rotations.is_empty() => {
                return Err(refusal(&name, id, &work, lang));
            }
            None | Some(HandOver::Open) => None,
            Some(HandOver::To(other)) => {
                let other = AssistantId(other.clone());
                if other == from || plan.assistant(&other).is_none() {
                    return Err(IpcError::field(
                        "hand_over",
                        other.as_str(),
                        lang.pick(
                            "Velg en annen assistent i planen som skal ta over vaktene.",
                            "Choose another assistant of the plan to take over the shifts.",
                        ),
                    ));
                }
                Some(other)
            }
        };
        let mut edits: Vec<Edit> = Vec::new();
        for shift in plan
            .shifts
            .iter()
            .filter(|s| s.assistant.as_ref() == Some(&from))
        {
            let mut moved = shift.clone();
            moved.assistant = to.clone();
            edits.push(Edit::UpdateShift(moved));
        }
        for rotation in plan.rotations.iter().filter(|r| uses(r, &from)) {
            edits.push(Edit::UpdateRotation(handed(rotation, &from, to.as_ref())));
        }
        for absence in plan.absences.iter().filter(|a| a.assistant == from) {
            edits.push(Edit::DeleteAbsence(absence.id.clone()));
        }
        for busy in plan.busy.iter().filter(|b| b.assistant == from) {
            edits.push(Edit::DeleteBusy(busy.id.clone()));
        }
        edits.push(Edit::DeleteAssistant(from));
        self.edit(now, today, window, "delete assistant", &edits)
    }
}
