//! `turnus absence add|list` and `turnus cover`: absences on the command line, and who could
//! cover a shift whose assistant is away (crate::cover does the ranking).
//!
//! Every edit is decided on the plan as read; a refusal never opens the file for writing, so it
//! stays byte for byte as it was. In a plan file an edit is one action of the change log.

use std::io::Write;
use std::path::Path;

use chrono::Datelike;
use clap::Subcommand;
use serde_json::json;

use super::{
    date_arg, is_plan_file_name, load_plan, note_set_aside, now, store_options, write_new_file,
    Format, InputFailure, EXIT_OK,
};
use crate::cover::{absence_on, absence_word, rank};
use crate::model::{Absence, AbsenceId, AbsenceKind, AssistantId, Plan, ShiftId};
use crate::store::Edit;

#[derive(Subcommand, Debug)]
pub(super) enum AbsenceAction {
    /// Legg inn fravær (ferie, sykdom, permisjon eller annet) for en assistent
    Add {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: std::path::PathBuf,
        /// Assistentens id i planen
        #[arg(long, value_name = "ID")]
        assistant: String,
        /// ferie, sykdom, permisjon eller annet
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// Første dag (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Siste dag, med dagen selv (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: String,
        /// En merknad
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Vis fraværet i planen
    List {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: std::path::PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

pub(super) fn absence(action: AbsenceAction, out: &mut dyn Write) -> Result<i32, InputFailure> {
    match action {
        AbsenceAction::Add {
            plan,
            assistant,
            kind,
            from,
            to,
            note,
        } => absence_add(&plan, &assistant, &kind, &from, &to, &note, out),
        AbsenceAction::List { plan, format } => absence_list(&plan, format, out),
    }
}

fn kind_arg(text: &str) -> Result<AbsenceKind, InputFailure> {
    match text.trim().to_lowercase().as_str() {
        "ferie" => Ok(AbsenceKind::Ferie),
        "sykdom" => Ok(AbsenceKind::Sykdom),
        "permisjon" => Ok(AbsenceKind::Permisjon),
        "annet" => Ok(AbsenceKind::Annet),
        _ => Err(InputFailure(format!(
            "--kind: unknown absence «{text}»; use ferie, sykdom, permisjon or annet"
        ))),
    }
}

fn kind_key(kind: AbsenceKind) -> &'static str {
    match kind {
        AbsenceKind::Ferie => "ferie",
        AbsenceKind::Sykdom => "sykdom",
        AbsenceKind::Permisjon => "permisjon",
        AbsenceKind::Annet => "annet",
    }
}

fn unknown_assistant(flag: &str, id: &str) -> InputFailure {
    InputFailure(format!(
        "{flag}: no assistant has the id «{id}» in this plan"
    ))
}

/// Refuse an absence that cannot go into `plan`: an unknown assistant, or days overlapping
/// another absence of theirs.
fn refuse_absence(plan: &Plan, absence: &Absence) -> Result<(), InputFailure> {
    if plan.assistant(&absence.assistant).is_none() {
        return Err(unknown_assistant("--assistant", absence.assistant.as_str()));
    }
    if let Some(other) = plan
        .absences
        .iter()
        .find(|a| a.assistant == absence.assistant && a.from <= absence.to && absence.from <= a.to)
    {
        return Err(InputFailure(format!(
            "--from: {}–{} overlaps the absence «{}» of «{}» ({} {}–{}); change that one, or choose other days",
            absence.from,
            absence.to,
            other.id,
            absence.assistant,
            kind_key(other.kind),
            other.from,
            other.to
        )));
    }
    Ok(())
}

/// `f1`, `f2`, …: the first such id the plan does not use (plan JSON's short ids).
fn next_json_id(plan: &Plan) -> AbsenceId {
    (1..)
        .map(|n| AbsenceId(format!("f{n}")))
        .find(|id| plan.absences.iter().all(|a| &a.id != id))
        .unwrap_or_else(|| AbsenceId(crate::store::new_id()))
}

fn absence_add(
    path: &Path,
    assistant: &str,
    kind: &str,
    from: &str,
    to: &str,
    note: &str,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let kind = kind_arg(kind)?;
    let from = date_arg("--from", from)?;
    let to = date_arg("--to", to)?;
    if to < from {
        return Err(InputFailure(format!(
            "--to: {to} is before --from {from}; give the last day of the absence"
        )));
    }
    let plan = load_plan(path)?;
    let mut absence = Absence {
        id: AbsenceId(String::new()),
        assistant: AssistantId(assistant.to_string()),
        kind,
        sick_note: None,
        from,
        to,
        from_time: None,
        to_time: None,
        hours: None,
        note: note.to_string(),
    };
    refuse_absence(&plan, &absence)?;
    let name = plan
        .assistant(&absence.assistant)
        .map(|a| a.name_or_id())
        .unwrap_or_default();
    absence.id = if is_plan_file(path) {
        AbsenceId(crate::store::new_id())
    } else {
        next_json_id(&plan)
    };
    let mut after = plan;
    after.absences.push(absence.clone());
    if is_plan_file(path) {
        let edit = absence.clone();
        edit_plan_file(path, "add absence", move |now_plan| {
            refuse_absence(now_plan, &edit)?;
            Ok(vec![Edit::AddAbsence(edit.clone())])
        })?;
    } else {
        write_json(path, &after)?;
    }
    let days = (to - from).num_days() + 1;
    writeln!(
        out,
        "Fravær ({}) for {name} fra {} til {} ({days} {}) er lagt inn med id {}.",
        kind_key(kind),
        from.format("%d.%m.%Y"),
        to.format("%d.%m.%Y"),
        if days == 1 { "dag" } else { "dager" },
        absence.id
    )?;
    let uncovered = crate::cover::needs_cover(&after)
        .into_iter()
        .filter(|u| u.absence == absence.id)
        .count();
    if uncovered > 0 {
        writeln!(
            out,
            "{uncovered} {} trenger nå dekning (turnus cover PLAN --shift ID).",
            if uncovered == 1 { "vakt" } else { "vakter" }
        )?;
    }
    Ok(EXIT_OK)
}

fn absence_list(path: &Path, format: Format, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let plan = load_plan(path)?;
    match format {
        Format::Json => {
            let list: Vec<_> = plan
                .absences
                .iter()
                .map(|a| {
                    json!({
                        "id": a.id,
                        "assistant": a.assistant,
                        "kind": kind_key(a.kind),
                        "from": a.from.to_string(),
                        "to": a.to.to_string(),
                        "hours": a.hours,
                        "note": a.note,
                    })
                })
                .collect();
            writeln!(out, "{}", json!({ "absences": list }))?;
        }
        Format::Text => {
            if plan.absences.is_empty() {
                writeln!(out, "Ingen fravær i planen.")?;
            }
            for a in &plan.absences {
                let name = plan
                    .assistant(&a.assistant)
                    .map_or_else(|| a.assistant.to_string(), |x| x.name_or_id());
                let note = if a.note.is_empty() {
                    String::new()
                } else {
                    format!("  «{}»", a.note)
                };
                writeln!(
                    out,
                    "{}  {name}  {}  {}–{}{note}",
                    a.id,
                    kind_key(a.kind),
                    a.from.format("%d.%m.%Y"),
                    a.to.format("%d.%m.%Y")
                )?;
            }
        }
    }
    Ok(EXIT_OK)
}

fn is_plan_file(path: &Path) -> bool {
    is_plan_file_name(path)
        || std::fs::read(path).is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
}

fn write_json(path: &Path, plan: &Plan) -> Result<(), InputFailure> {
    write_new_file(path, crate::interchange::write_plan(plan).as_bytes())
}

/// Apply one change-log action to a plan file: `decide` sees the plan as it is now (another
/// program may have changed it since it was read) and gives the edits, or refuses.
fn edit_plan_file(
    path: &Path,
    what: &str,
    decide: impl Fn(&Plan) -> Result<Vec<Edit>, InputFailure>,
) -> Result<(), InputFailure> {
    let options = crate::store::OpenOptions {
        lock_on_edit: true,
        ..store_options()?
    };
    let mut file = crate::store::PlanFile::open(path, &options)
        .map_err(|e| InputFailure(format!("{}: {e}", path.display())))?;
    note_set_aside(path, &file);
    let now_plan = file.load_plan()?;
    let edits = decide(&now_plan)?;
    file.apply(now(), what, &edits)
        .map_err(|e| InputFailure(format!("{}: {e}", path.display())))?;
    file.close()?;
    Ok(())
}

pub(super) fn cover(
    path: &Path,
    shift: &str,
    assign: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let plan = load_plan(path)?;
    let id = ShiftId(shift.to_string());
    let Some(target) = plan.shifts.iter().find(|s| s.id == id) else {
        return Err(InputFailure(format!(
            "--shift: no shift has the id «{shift}» in this plan"
        )));
    };
    if !target.counts() {
        return Err(InputFailure(format!(
            "--shift: «{shift}» is cancelled; a cancelled shift needs no cover"
        )));
    }
    if let Some(who) = assign {
        return assign_shift(path, &plan, &id, who, format, out);
    }
    let ranking = rank(&plan, &id).ok_or_else(|| {
        InputFailure(format!(
            "--shift: no shift has the id «{shift}» in this plan"
        ))
    })?;
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&ranking)?)?,
        Format::Text => {
            let owner = target.assistant.as_ref().map_or_else(
                || "ingen".to_string(),
                |a| {
                    plan.assistant(a)
                        .map_or_else(|| a.to_string(), |x| x.name_or_id())
                },
            );
            writeln!(
                out,
                "Hvem kan ta vakten {} {} ({}):",
                id,
                shift_label(target.start, target.end),
                owner
            )?;
            for (n, c) in ranking.candidates.iter().enumerate() {
                let name = plan
                    .assistant(&c.assistant)
                    .map_or_else(|| c.assistant.to_string(), |a| a.name_or_id());
                writeln!(out, "{}. {name}: {}", n + 1, c.reasons.join("; "))?;
            }
            for e in &ranking.excluded {
                let name = plan
                    .assistant(&e.assistant)
                    .map_or_else(|| e.assistant.to_string(), |a| a.name_or_id());
                writeln!(out, "Ikke med: {name} ({})", e.reason)?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// `turnus cover PLAN`: the shifts that need cover, in plan order.
pub(super) fn uncovered(
    path: &Path,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let plan = load_plan(path)?;
    let found = crate::cover::needs_cover(&plan);
    let shift_of = |id: &ShiftId| plan.shifts.iter().find(|s| &s.id == id);
    match format {
        Format::Json => {
            let list: Vec<_> = found
                .iter()
                .map(|u| {
                    let s = shift_of(&u.shift);
                    json!({
                        "shift": u.shift,
                        "assistant": u.assistant,
                        "absence": u.absence,
                        "kind": kind_key(u.kind),
                        "start": s.map(|s| s.start.to_rfc3339()),
                        "end": s.map(|s| s.end.to_rfc3339()),
                    })
                })
                .collect();
            writeln!(out, "{}", json!({ "uncovered": list }))?;
        }
        Format::Text => {
            if found.is_empty() {
                writeln!(out, "Ingen vakter trenger dekning.")?;
            }
            for u in &found {
                let name = plan
                    .assistant(&u.assistant)
                    .map_or_else(|| u.assistant.to_string(), |a| a.name_or_id());
                let when = shift_of(&u.shift)
                    .map(|s| shift_label(s.start, s.end))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}  {when}  {name} ({})",
                    u.shift,
                    absence_word(u.kind)
                )?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// `ti. 09.06.2026 07:00–15:00`
fn shift_label(start: crate::time::Instant, end: crate::time::Instant) -> String {
    let s = start.local();
    let day = ["ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."]
        [s.weekday().num_days_from_monday() as usize];
    format!(
        "{day} {}–{}",
        s.format("%d.%m.%Y %H:%M"),
        end.local().format("%H:%M")
    )
}

/// Why `who` cannot be given the shift `id` in `plan`, or the shift as it will be.
fn assigned(plan: &Plan, id: &ShiftId, who: &str) -> Result<crate::model::Shift, InputFailure> {
    let Some(shift) = plan.shifts.iter().find(|s| &s.id == id) else {
        return Err(InputFailure(format!(
            "--shift: no shift has the id «{id}» in this plan"
        )));
    };
    let who_id = AssistantId(who.to_string());
    if plan.assistant(&who_id).is_none() {
        return Err(unknown_assistant("--assign", who));
    }
    let day = shift.start.local_date();
    if let Some(a) = absence_on(plan, &who_id, day) {
        return Err(InputFailure(format!(
            "--assign: «{who}» is away on {day} ({} {}–{}, absence «{}»); choose someone who is not",
            absence_word(a.kind),
            a.from,
            a.to,
            a.id
        )));
    }
    if shift.assistant.as_ref() == Some(&who_id) {
        return Err(InputFailure(format!(
            "--assign: «{who}» has the shift «{id}» already; choose someone else"
        )));
    }
    let mut changed = shift.clone();
    changed.assistant = Some(who_id);
    Ok(changed)
}

fn assign_shift(
    path: &Path,
    plan: &Plan,
    id: &ShiftId,
    who: &str,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let mut changed = assigned(plan, id, who)?;
    let previous = plan
        .shifts
        .iter()
        .find(|s| &s.id == id)
        .and_then(|s| s.assistant.clone());
    // Changed now, to the minute, as the plan file's own edits stamp it (the 14-day notice
    // reads it).
    let at = crate::time::Instant::from_unix(now().unix().div_euclid(60) * 60);
    changed.updated_at = Some(at);
    if is_plan_file(path) {
        edit_plan_file(path, "assign cover", |now_plan| {
            let mut now_changed = assigned(now_plan, id, who)?;
            now_changed.updated_at = Some(at);
            Ok(vec![Edit::UpdateShift(now_changed)])
        })?;
    } else {
        let mut plan = plan.clone();
        if let Some(s) = plan.shifts.iter_mut().find(|s| &s.id == id) {
            *s = changed.clone();
        }
        write_json(path, &plan)?;
    }
    let name = |a: &AssistantId| {
        plan.assistant(a)
            .map_or_else(|| a.to_string(), |x| x.name_or_id())
    };
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            json!({"shift": id, "assigned": who, "previous": previous})
        )?,
        Format::Text => writeln!(
            out,
            "Vakten {id} {} er gitt til {}{}.",
            shift_label(changed.start, changed.end),
            name(&AssistantId(who.to_string())),
            previous
                .as_ref()
                .map(|p| format!(" (var {})", name(p)))
                .unwrap_or_default()
        )?,
    }
    Ok(EXIT_OK)
}
