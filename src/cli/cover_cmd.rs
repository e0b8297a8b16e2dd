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
        /// Ved sykdom: egenmelding eller sykmelding
        #[arg(long, value_name = "NOTE")]
        sick_note: Option<String>,
        /// Fravær en del av dagen: fra klokken (HH:MM, med --to-time, samme --from og --to)
        #[arg(long, value_name = "HH:MM")]
        from_time: Option<String>,
        /// Fravær en del av dagen: til klokken (HH:MM)
        #[arg(long, value_name = "HH:MM")]
        to_time: Option<String>,
    },
    /// Vis fraværet i planen
    List {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: std::path::PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Slett et fravær; vakter som er dekket av vikar i mellomtiden krever --covered
    Delete {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: std::path::PathBuf,
        /// Fraværets id
        #[arg(long, value_name = "ID")]
        id: String,
        /// Dekkede vakter: keep (vikaren beholder dem) eller give-back (tilbake til assistenten)
        #[arg(long, value_name = "CHOICE")]
        covered: Option<String>,
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
            sick_note,
            from_time,
            to_time,
        } => absence_add(
            &plan,
            &assistant,
            &kind,
            (&from, &to),
            (from_time.as_deref(), to_time.as_deref()),
            sick_note.as_deref(),
            &note,
            out,
        ),
        AbsenceAction::List { plan, format } => absence_list(&plan, format, out),
        AbsenceAction::Delete { plan, id, covered } => {
            absence_delete(&plan, &id, covered.as_deref(), out)
        }
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
        .find(|a| a.assistant == absence.assistant && a.id != absence.id && a.overlaps(absence))
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

fn clock_arg(flag: &str, text: &str) -> Result<chrono::NaiveTime, InputFailure> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        InputFailure(format!(
            "{flag}: «{text}» is not a time of day; write HH:MM, such as 07:30"
        ))
    })
}

#[allow(clippy::too_many_arguments)]
fn absence_add(
    path: &Path,
    assistant: &str,
    kind: &str,
    (from, to): (&str, &str),
    (from_time, to_time): (Option<&str>, Option<&str>),
    sick_note: Option<&str>,
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
    let sick_note = match sick_note {
        None => None,
        Some(text) => {
            let note = crate::model::SickNote::from_key(text.trim()).ok_or_else(|| {
                InputFailure(format!(
                    "--sick-note: unknown sick note «{text}»; use egenmelding or sykmelding"
                ))
            })?;
            if kind != AbsenceKind::Sykdom {
                return Err(InputFailure(format!(
                    "--sick-note: «{text}» belongs to sickness only; use it with --kind sykdom"
                )));
            }
            Some(note)
        }
    };
    let from_time = from_time.map(|t| clock_arg("--from-time", t)).transpose()?;
    let to_time = to_time.map(|t| clock_arg("--to-time", t)).transpose()?;
    match (from_time, to_time) {
        (None, None) => {}
        (Some(_), None) => {
            return Err(InputFailure(
                "--to-time: missing; a part-day absence needs --from-time and --to-time".into(),
            ))
        }
        (None, Some(_)) => {
            return Err(InputFailure(
                "--from-time: missing; a part-day absence needs --from-time and --to-time".into(),
            ))
        }
        (Some(s), Some(e)) => {
            if from != to {
                return Err(InputFailure(format!(
                    "--to: {to} is not --from {from}; a part-day absence is on one day"
                )));
            }
            if e <= s {
                return Err(InputFailure(format!(
                    "--to-time: {} is not after --from-time {}; give a later end",
                    e.format("%H:%M"),
                    s.format("%H:%M")
                )));
            }
        }
    }
    let plan = load_plan(path)?;
    let mut absence = Absence {
        id: AbsenceId(String::new()),
        assistant: AssistantId(assistant.to_string()),
        kind,
        sick_note,
        from,
        to,
        from_time,
        to_time,
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
                    let (uncovered, covered) = cover_status(&plan, a);
                    json!({
                        "id": a.id,
                        "assistant": a.assistant,
                        "kind": kind_key(a.kind),
                        "sick_note": a.sick_note.map(crate::model::SickNote::key),
                        "from": a.from.to_string(),
                        "to": a.to.to_string(),
                        "from_time": a.from_time.map(|t| t.format("%H:%M").to_string()),
                        "to_time": a.to_time.map(|t| t.format("%H:%M").to_string()),
                        "hours": a.hours,
                        "note": a.note,
                        "uncovered_shifts": uncovered,
                        "covered_shifts": covered,
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
                let (uncovered, covered) = cover_status(&plan, a);
                let status = match (uncovered.len(), covered.len()) {
                    (0, 0) => String::new(),
                    (u, c) => format!("  {u} trenger dekning, {c} dekket av vikar"),
                };
                let times = match (a.from_time, a.to_time) {
                    (Some(s), Some(e)) => format!(" {}–{}", s.format("%H:%M"), e.format("%H:%M")),
                    _ => String::new(),
                };
                let sick = a
                    .sick_note
                    .map(|n| format!(" ({})", n.key()))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{}  {name}  {}{sick}  {}–{}{times}{note}{status}",
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

/// The shifts of `absence` that need cover, and those a vikar covers, by id.
fn cover_status(plan: &Plan, absence: &Absence) -> (Vec<String>, Vec<String>) {
    let uncovered = crate::cover::needs_cover(plan)
        .into_iter()
        .filter(|u| u.absence == absence.id)
        .map(|u| u.shift.to_string())
        .collect();
    (uncovered, covered_by_vikar(plan, absence))
}

/// The shifts covered for the assistant of `absence` during it.
fn covered_by_vikar(plan: &Plan, absence: &Absence) -> Vec<String> {
    let only = Plan {
        absences: vec![absence.clone()],
        ..Plan::default()
    };
    let index = crate::cover::Absences::new(&only);
    plan.shifts
        .iter()
        .filter(|s| s.counts() && plan.original_assistant(s) == Some(&absence.assistant))
        .filter(|s| {
            index
                .during(&absence.assistant, s.start.local_date(), s.interval())
                .is_some()
        })
        .map(|s| s.id.to_string())
        .collect()
}

/// The edits deleting `id` from `plan`: refused when a vikar covers shifts of it and
/// `covered` does not say what happens to them.
fn delete_edits(
    plan: &Plan,
    id: &str,
    covered: Option<&str>,
) -> Result<(Vec<Edit>, usize), InputFailure> {
    let Some(absence) = plan.absences.iter().find(|a| a.id.as_str() == id) else {
        return Err(InputFailure(format!(
            "--id: no absence has the id «{id}» in this plan"
        )));
    };
    let shifts = covered_by_vikar(plan, absence);
    let mut edits = vec![Edit::DeleteAbsence(absence.id.clone())];
    if shifts.is_empty() {
        return Ok((edits, 0));
    }
    let give_back = match covered.map(str::trim) {
        Some("keep") => false,
        Some("give-back") | Some("give_back") => true,
        None => {
            return Err(InputFailure(format!(
                "--covered: missing; {} shift(s) of «{id}» are covered by a vikar; give --covered keep (the vikar keeps them) or --covered give-back",
                shifts.len()
            )))
        }
        Some(other) => {
            return Err(InputFailure(format!(
                "--covered: «{other}» is not a choice; use keep or give-back"
            )))
        }
    };
    for sid in &shifts {
        let id = ShiftId(sid.clone());
        if give_back {
            if let Some(s) = plan.shifts.iter().find(|s| s.id == id) {
                let mut back = s.clone();
                back.assistant = Some(absence.assistant.clone());
                edits.push(Edit::UpdateShift(back));
            }
        }
        edits.push(Edit::SetCover(id, None));
    }
    Ok((edits, shifts.len()))
}

fn absence_delete(
    path: &Path,
    id: &str,
    covered: Option<&str>,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let plan = load_plan(path)?;
    let (edits, count) = delete_edits(&plan, id, covered)?;
    if is_plan_file(path) {
        edit_plan_file(path, "delete absence", |now_plan| {
            delete_edits(now_plan, id, covered).map(|(e, _)| e)
        })?;
    } else {
        let mut after = plan;
        for e in edits {
            match e {
                Edit::DeleteAbsence(a) => after.absences.retain(|x| x.id != a),
                Edit::UpdateShift(s) => {
                    if let Some(slot) = after.shifts.iter_mut().find(|x| x.id == s.id) {
                        *slot = s;
                    }
                }
                Edit::SetCover(s, _) => {
                    after.covers.remove(&s);
                }
                _ => {}
            }
        }
        write_json(path, &after)?;
    }
    writeln!(
        out,
        "Fraværet {id} er slettet{}.",
        match (count, covered.map(str::trim)) {
            (0, _) => String::new(),
            (n, Some("keep")) => format!("; vikaren beholder {n} dekkede vakter"),
            (n, _) => format!("; {n} dekkede vakter er gitt tilbake"),
        }
    )?;
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
    let index = crate::cover::Absences::new(plan);
    if let Some(a) = index
        .during(&who_id, day, shift.interval())
        .or_else(|| absence_on(plan, &who_id, day))
    {
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

/// The absent assistant a cover of `id` is for: the shift's own assistant while they are
/// absent at its time, or the one an earlier cover was for; `None` for a plain reassignment.
fn cover_link(plan: &Plan, id: &ShiftId) -> Option<AssistantId> {
    let shift = plan.shifts.iter().find(|s| &s.id == id)?;
    let index = crate::cover::Absences::new(plan);
    match index.of_shift(shift) {
        Some(a) => Some(a.assistant.clone()),
        None => plan.original_assistant(shift).cloned(),
    }
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
            let link = cover_link(now_plan, id);
            let mut edits = vec![Edit::UpdateShift(now_changed)];
            if link.is_some() {
                edits.push(Edit::SetCover(id.clone(), link));
            }
            Ok(edits)
        })?;
    } else {
        let link = cover_link(plan, id);
        let mut plan = plan.clone();
        if let Some(s) = plan.shifts.iter_mut().find(|s| &s.id == id) {
            *s = changed.clone();
        }
        if let Some(original) = link {
            plan.covers.insert(id.clone(), original);
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
