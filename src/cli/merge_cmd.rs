//! `turnus merge PLAN.turnus OTHER.turnus [--take ours|theirs]`: merge another copy of a plan
//! (a sync client's conflict copy) into the plan, as one undo step (crate::store::merge does
//! the work).
//!
//! Without `--take`, a merge with conflicts writes nothing: each conflict is listed, one per
//! line, and the exit code is 1. With `--take`, every conflict takes that side and the merge
//! is saved. OTHER is only read, never changed or moved. The plan is opened without taking its
//! lock (`lock_on_edit`): the merge's own transaction checks that no other program holds it,
//! so a refused or conflicted merge leaves the plan byte for byte as it was.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;
use serde_json::Value;

use super::{note_set_aside, now, store_options, InputFailure, EXIT_OK, EXIT_VIOLATIONS};
use crate::store::merge::{Choices, Conflict, ConflictKind, Side};
use crate::store::{OpenOptions, PlanFile, StoreError};

/// The side every conflict takes.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(super) enum TakeArg {
    /// What the plan has.
    Ours,
    /// What the other copy has.
    Theirs,
}

fn failure(path: &Path, e: &StoreError) -> InputFailure {
    InputFailure(format!("{}: {e}", path.display()))
}

pub(super) fn merge(
    plan: &Path,
    other: &Path,
    take: Option<TakeArg>,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    // The other copy is opened first, read-only: a missing file or one that is not a plan is
    // refused before the plan is touched.
    // A plan with a password: each file's comes from TURNUS_PASSWORD, or is asked for each.
    let read_only = OpenOptions {
        read_only: true,
        password: super::password_cmd::for_opening(other)?,
        ..OpenOptions::new("turnus", now())
    };
    let copy = PlanFile::open(other, &read_only).map_err(|e| failure(other, &e))?;
    let options = OpenOptions {
        lock_on_edit: true,
        password: super::password_cmd::for_opening(plan)?,
        ..store_options()?
    };
    let mut file = PlanFile::open(plan, &options).map_err(|e| failure(plan, &e))?;
    note_set_aside(plan, &file);
    let choices = match take {
        None => Choices::default(),
        Some(TakeArg::Ours) => Choices::all(Side::Ours),
        Some(TakeArg::Theirs) => Choices::all(Side::Theirs),
    };
    let name = other.file_name().map_or_else(
        || other.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let report = file
        .merge(now(), &copy, &choices, &format!("merge with {name}"))
        .map_err(|e| match e {
            StoreError::OtherPlan(_) => failure(other, &e),
            e => failure(plan, &e),
        })?;
    file.close()?;
    if !report.unresolved.is_empty() {
        writeln!(
            out,
            "{} konflikter mellom {} og {}; ingenting er endret. Velg side med --take ours (planen) eller --take theirs (kopien):",
            report.unresolved.len(),
            plan.display(),
            other.display()
        )?;
        for conflict in &report.conflicts {
            writeln!(out, "{}", line(conflict))?;
        }
        return Ok(EXIT_VIOLATIONS);
    }
    if report.taken == 0 {
        writeln!(
            out,
            "{} har ingen endringer som ikke allerede er i {}.",
            other.display(),
            plan.display()
        )?;
        return Ok(EXIT_OK);
    }
    let n = report.changes.len();
    writeln!(
        out,
        "{} er slått sammen med {}: {n} {} tatt inn{}. Kopien er ikke endret.",
        other.display(),
        plan.display(),
        if n == 1 { "endring" } else { "endringer" },
        match report.conflicts.len() {
            0 => String::new(),
            c => format!(
                ", {c} {} løst med {}",
                if c == 1 { "konflikt" } else { "konflikter" },
                match take {
                    Some(TakeArg::Theirs) => "kopiens side",
                    _ => "planens side",
                }
            ),
        }
    )?;
    Ok(EXIT_OK)
}

fn shown(value: &Option<Value>) -> String {
    match value {
        None => "slettet".into(),
        Some(Value::String(s)) if s.is_empty() => "(tom)".into(),
        Some(Value::String(s)) => format!("«{s}»"),
        Some(Value::Null) => "(tom)".into(),
        Some(Value::Object(_)) => "finnes".into(),
        Some(other) => other.to_string(),
    }
}

/// One conflict on one line: `konflikt shift/s4/: …`.
fn line(c: &Conflict) -> String {
    let what = match &c.kind {
        ConflictKind::Field => format!(
            "{} endret på begge sider: planen {}, kopien {}",
            c.field,
            shown(&c.ours),
            shown(&c.theirs)
        ),
        ConflictKind::Deleted => match c.deleted_side {
            Some(Side::Ours) => "slettet i planen, endret i kopien".into(),
            _ => "endret i planen, slettet i kopien".into(),
        },
        ConflictKind::Used(users) => {
            let users: Vec<String> = users
                .iter()
                .map(|(entity, id)| format!("{} «{id}»", entity.key()))
                .collect();
            match c.deleted_side {
                Some(Side::Ours) => format!(
                    "slettet i planen, men brukt i kopien av {}",
                    users.join(", ")
                ),
                _ => format!(
                    "slettet i kopien, men brukt i planen av {}",
                    users.join(", ")
                ),
            }
        }
        ConflictKind::Invalid(why) => {
            format!("endringene fra begge sider passer ikke sammen: {why}")
        }
    };
    format!(
        "konflikt {}: {} «{}»: {what}",
        c.id,
        c.entity.key(),
        c.entity_id
    )
}
