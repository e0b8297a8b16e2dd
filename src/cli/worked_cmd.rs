//! `turnus worked`, `turnus month close|reopen`, `turnus export csv` and `turnus egenandel`:
//! the month as worked on the command line.
//!
//! Edits run through the same session code as the app's commands: a plan file is opened and
//! edited in place (one change-log action each; a closed month refuses, as in the app); plan
//! JSON is read into a plan in memory, edited there with the same refusals, and written back.
//! A refusal leaves the file as it was.

use std::io::Write;
use std::path::Path;

use clap::Subcommand;
use serde_json::json;

use super::{
    is_plan_file_name, load_plan, note_set_aside, now, store_options, today, write_new_file,
    Format, InputFailure, EXIT_OK,
};
use crate::model::{Month, ShiftStatus};
use crate::session::month::CorrectWorked;
use crate::session::{IpcError, Language, Session, Window};

#[derive(Subcommand, Debug)]
pub(super) enum MonthAction {
    /// Lukk måneden når alle vaktene er bekreftet; da kan ingen vakt i den endres
    Close {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: std::path::PathBuf,
        /// Måneden (YYYY-MM)
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
    },
    /// Åpne en lukket måned igjen; begrunnelsen lagres i endringsloggen
    Reopen {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: std::path::PathBuf,
        /// Måneden (YYYY-MM)
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        /// Hvorfor måneden åpnes igjen
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
}

/// The command-line flag of a session field, for the one line on stderr.
fn flag(field: &str) -> &str {
    match field {
        "month" => "--month",
        "reason" => "--reason",
        "start" => "--start",
        "end" => "--end",
        "break_minutes" => "--break",
        "passive_minutes" => "--passive",
        "assistant" => "--assistant",
        "shift" | "shifts" | "id" => "--shift",
        "table" => "--table",
        "bracket" => "--bracket",
        other => other,
    }
}

/// A session refusal as the one line on stderr: the flag, the value, and the sentence.
fn failure(e: IpcError) -> InputFailure {
    let field = e.details.get("field").and_then(|f| f.as_str());
    let value = e.details.get("value").map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    match (field, value) {
        (Some(field), Some(value)) if !value.is_empty() => {
            InputFailure(format!("{} «{value}»: {}", flag(field), e.message))
        }
        (Some(field), _) => InputFailure(format!("{}: {}", flag(field), e.message)),
        _ => InputFailure(e.message),
    }
}

/// The plan at `path` in a session: a plan file opened for editing, or plan JSON in memory.
fn open(path: &Path) -> Result<(Session, bool), InputFailure> {
    let is_file = is_plan_file_name(path)
        || std::fs::read(path).is_ok_and(|b| b.starts_with(b"SQLite format 3\0"));
    if is_file {
        let options = crate::store::OpenOptions {
            lock_on_edit: true,
            ..store_options()?
        };
        let file = crate::store::PlanFile::open(path, &options)
            .map_err(|e| InputFailure(format!("{}: {e}", path.display())))?;
        note_set_aside(path, &file);
        let session = Session::from_file(file, Language::Nb).map_err(failure)?;
        Ok((session, true))
    } else {
        let plan = load_plan(path)?;
        let file = crate::store::transfer::in_memory(&plan, &super::user_name(), now())?;
        let session = Session::from_file(file, Language::Nb).map_err(failure)?;
        Ok((session, false))
    }
}

/// Write a plan JSON session back to `path`.
fn save(path: &Path, session: &Session, is_file: bool) -> Result<(), InputFailure> {
    if is_file {
        return Ok(());
    }
    write_new_file(
        path,
        crate::interchange::write_plan(session.plan()).as_bytes(),
    )
}

fn month_arg(text: &str) -> Result<Month, InputFailure> {
    Month::parse(text).ok_or_else(|| {
        InputFailure(format!(
            "--month «{text}»: the month cannot be read; write it as YYYY-MM, e.g. 2026-05"
        ))
    })
}

fn window_of(month: Month) -> Window {
    Window {
        from: month.first_day().format("%Y-%m-%d").to_string(),
        to: month.last_day().format("%Y-%m-%d").to_string(),
    }
}

/// What `turnus worked` does.
pub(super) struct WorkedArgs<'a> {
    pub month: &'a str,
    pub assistant: Option<&'a str>,
    pub confirm_all: bool,
    pub shift: Option<&'a str>,
    pub start: Option<&'a str>,
    pub end: Option<&'a str>,
    pub break_minutes: Option<u32>,
    pub passive_minutes: Option<u32>,
}

/// `turnus worked PLAN --month M (--confirm-all | --shift ID --start T --end T)`.
pub(super) fn worked(
    path: &Path,
    args: &WorkedArgs<'_>,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let month = month_arg(args.month)?;
    let (mut session, is_file) = open(path)?;
    let window = window_of(month);
    let name = month.name(false);
    let today = today()?;
    if args.confirm_all {
        let view = session
            .month_view(args.month, args.assistant)
            .map_err(failure)?;
        let ids: Vec<String> = view
            .rows
            .iter()
            .filter(|r| r.status == "planned")
            .map(|r| r.shift.clone())
            .collect();
        if ids.is_empty() {
            writeln!(out, "Ingen vakter i {name} venter på bekreftelse.")?;
            return Ok(EXIT_OK);
        }
        session
            .confirm_worked(now(), today, &window, &ids)
            .map_err(failure)?;
        save(path, &session, is_file)?;
        writeln!(
            out,
            "{} {} i {name} er bekreftet som arbeidet.",
            ids.len(),
            if ids.len() == 1 { "vakt" } else { "vakter" }
        )?;
        return Ok(EXIT_OK);
    }
    let (Some(shift), Some(start), Some(end)) = (args.shift, args.start, args.end) else {
        return Err(InputFailure(
            "give --confirm-all, or --shift ID with --start and --end (HH:MM or YYYY-MM-DDTHH:MM)"
                .into(),
        ));
    };
    let Some(found) = session
        .plan()
        .shifts
        .iter()
        .find(|s| s.id.as_str() == shift)
    else {
        return Err(InputFailure(format!(
            "--shift «{shift}»: the plan has no shift with this id; `turnus worked` lists none, see `turnus export json`"
        )));
    };
    if !month.holds(found.work_day()) {
        return Err(InputFailure(format!(
            "--shift «{shift}»: the shift's work day {} is not in {name}; give its month with --month",
            found.work_day().format("%d.%m.%Y")
        )));
    }
    session
        .correct_worked(
            now(),
            today,
            &window,
            shift,
            &CorrectWorked {
                start: start.to_string(),
                end: end.to_string(),
                break_minutes: args.break_minutes,
                passive_minutes: args.passive_minutes,
                ..CorrectWorked::default()
            },
        )
        .map_err(failure)?;
    save(path, &session, is_file)?;
    let changed = session
        .plan()
        .shifts
        .iter()
        .find(|s| s.id.as_str() == shift)
        .filter(|s| s.status == ShiftStatus::Worked)
        .map(|s| s.effective());
    if let Some(a) = changed {
        writeln!(
            out,
            "Vakten {shift} er arbeidet {}–{}.",
            a.start.local().format("%d.%m.%Y %H:%M"),
            a.end.local().format("%H:%M")
        )?;
    }
    Ok(EXIT_OK)
}

/// `turnus month close|reopen PLAN --month M [--reason TEXT]`.
pub(super) fn month(action: MonthAction, out: &mut dyn Write) -> Result<i32, InputFailure> {
    match action {
        MonthAction::Close { plan, month } => {
            let m = month_arg(&month)?;
            let (mut session, is_file) = open(&plan)?;
            session
                .close_month(now(), today()?, &window_of(m), &month)
                .map_err(failure)?;
            save(&plan, &session, is_file)?;
            writeln!(
                out,
                "Måneden {} er lukket; timelistene er endelige.",
                m.name(false)
            )?;
        }
        MonthAction::Reopen {
            plan,
            month,
            reason,
        } => {
            let m = month_arg(&month)?;
            let reason = reason.unwrap_or_default();
            if reason.trim().is_empty() {
                return Err(InputFailure(
                    "--reason: say why the month is reopened, e.g. --reason \"feil sluttid\"; the reason is kept in the change log".into(),
                ));
            }
            let (mut session, is_file) = open(&plan)?;
            session
                .reopen_month(now(), today()?, &window_of(m), &month, &reason)
                .map_err(failure)?;
            save(&plan, &session, is_file)?;
            writeln!(out, "Måneden {} er åpnet igjen.", m.name(false))?;
        }
    }
    Ok(EXIT_OK)
}

/// `turnus export csv PLAN --month M [--assistant ID] -o FILE`.
pub(super) fn export_csv(
    path: &Path,
    month: &str,
    assistant: Option<&str>,
    file: &Path,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let m = month_arg(month)?;
    let plan = load_plan(path)?;
    let who = match assistant {
        None => None,
        Some(id) => {
            let id = crate::model::AssistantId::from(id);
            if plan.assistant(&id).is_none() {
                return Err(InputFailure(format!(
                    "--assistant «{id}»: the plan has no assistant with this id"
                )));
            }
            Some(id)
        }
    };
    let bytes = crate::export::payroll::month_csv(&plan, m, who.as_ref())
        .map_err(|e| InputFailure(format!("{}: {e}", file.display())))?;
    write_new_file(file, &bytes)?;
    writeln!(
        out,
        "Lønnsgrunnlaget for {} er skrevet til {}.",
        m.name(false),
        file.display()
    )?;
    Ok(EXIT_OK)
}

/// `turnus egenandel PLAN --month M [--table ID --bracket ID] [--format json]` and
/// `turnus egenandel [PLAN] --list`.
pub(super) fn egenandel(
    path: Option<&Path>,
    month: Option<&str>,
    table: Option<&str>,
    bracket: Option<&str>,
    list: bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let plan = path.map(load_plan).transpose()?.unwrap_or_default();
    if list {
        let tables = crate::egenandel::tables(&plan);
        match format {
            Format::Json => writeln!(
                out,
                "{}",
                json!({ "tables": tables.iter().map(|t| json!({
                    "id": t.id,
                    "name": t.name,
                    "source": t.source,
                    "valid_from": t.valid_from.format("%Y-%m-%d").to_string(),
                    "g_kr": t.g_kr,
                    "brackets": t.brackets.iter().map(|b| json!({"id": b.id, "label": b.label}))
                        .collect::<Vec<_>>(),
                })).collect::<Vec<_>>() })
            )?,
            Format::Text => {
                for t in tables {
                    writeln!(
                        out,
                        "{} — {} (gjelder fra {}, G = {} kr)",
                        t.id,
                        t.name,
                        t.valid_from.format("%d.%m.%Y"),
                        t.g_kr
                    )?;
                    for b in &t.brackets {
                        writeln!(out, "  {}: {}", b.id, b.label)?;
                    }
                }
            }
        }
        return Ok(EXIT_OK);
    }
    let Some(path) = path else {
        return Err(InputFailure(
            "give the plan (a .turnus file or plan JSON) and --month, or --list for the tables"
                .into(),
        ));
    };
    let Some(month) = month else {
        return Err(InputFailure(
            "--month: give the month to estimate, e.g. --month 2026-05".into(),
        ));
    };
    if table.is_some() != bracket.is_some() {
        return Err(InputFailure(if table.is_some() {
            "--bracket: give the household's income bracket with the table; `turnus egenandel --list` names them".into()
        } else {
            "--table: give the table with the bracket; `turnus egenandel --list` names them".into()
        }));
    }
    let m = month_arg(month)?;
    let table = table.map(str::to_string).or(plan.egenandel.table.clone());
    let bracket = bracket
        .map(str::to_string)
        .or(plan.egenandel.bracket.clone());
    let (Some(table), Some(bracket)) = (table, bracket) else {
        return Err(InputFailure(format!(
            "--table: {} has no table chosen; give --table ID --bracket ID (`turnus egenandel --list` names them)",
            path.display()
        )));
    };
    let e = crate::egenandel::estimate(&plan, m, &table, &bracket).map_err(|e| match e {
        crate::egenandel::EstimateError::UnknownTable(t) => InputFailure(format!(
            "--table «{t}»: no such table; `turnus egenandel --list` names them"
        )),
        crate::egenandel::EstimateError::UnknownBracket(b) => InputFailure(format!(
            "--bracket «{b}»: the table has no such bracket; `turnus egenandel --list` names them"
        )),
    })?;
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            json!({
                "month": e.month.to_string(),
                "table": e.table,
                "bracket": e.bracket,
                "fee_hours": e.fee_hours,
                "rate_kr": e.rate_kr,
                "cap_kr": e.cap_kr,
                "estimate_kr": e.estimate_kr,
            })
        )?,
        Format::Text => writeln!(
            out,
            "{}",
            crate::session::month::estimate_sentence(&e, Language::Nb)
        )?,
    }
    Ok(EXIT_OK)
}
