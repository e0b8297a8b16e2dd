//! `turnus password set|change|remove PLAN.turnus`, and the password every other command needs
//! to open a plan file that has one.
//!
//! A password comes from `TURNUS_PASSWORD` (for `change`, the new one from
//! `TURNUS_NEW_PASSWORD`), or, when that is not set and stdin is a terminal, from a prompt on
//! the terminal that does not echo what is typed (the `rpassword` crate: it switches echo off
//! on Unix terminals and Windows consoles alike, where our own termios code would cover Unix
//! only). A new password is asked twice. Without either, or with a wrong password, the command
//! ends with exit code 2 and one line. A password is asked at most once per command and plan.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{note_set_aside, now, store_options, InputFailure, EXIT_OK};
use crate::store::{is_encrypted, Password, PlanFile};

/// The variable holding a plan file's password.
pub const PASSWORD_VAR: &str = "TURNUS_PASSWORD";
/// The variable holding the new password for `turnus password change`.
pub const NEW_PASSWORD_VAR: &str = "TURNUS_NEW_PASSWORD";

#[derive(Subcommand, Debug)]
pub(super) enum PasswordAction {
    /// Beskytt en planfil med passord (minst 8 tegn): fra TURNUS_PASSWORD, ellers spurt om to ganger
    Set {
        /// Planfilen (.turnus)
        plan: PathBuf,
    },
    /// Bytt passordet: det gamle fra TURNUS_PASSWORD, det nye fra TURNUS_NEW_PASSWORD, ellers spurt om
    Change {
        /// Planfilen (.turnus)
        plan: PathBuf,
    },
    /// Fjern passordet, så filen og sikkerhetskopiene lagres ukryptert: passordet fra TURNUS_PASSWORD, ellers spurt om
    Remove {
        /// Planfilen (.turnus)
        plan: PathBuf,
    },
}

thread_local! {
    /// Passwords given during this command, by plan path, so a command that opens a plan
    /// twice asks once.
    static GIVEN: std::cell::RefCell<Vec<(PathBuf, Password)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Forget the passwords given during the command that ended.
pub(super) fn forget() {
    GIVEN.with(|g| g.borrow_mut().clear());
}

fn key_of(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn from_env(var: &str) -> Option<Password> {
    std::env::var(var).ok().map(Password::new)
}

/// Ask on the terminal without echo; `None` when stdin is not a terminal (or the command line
/// runs through `run_with`, which never prompts).
fn ask(prompt: &str) -> Result<Option<Password>, InputFailure> {
    if !super::MAY_ASK.with(std::cell::Cell::get) {
        return Ok(None);
    }
    rpassword::prompt_password(prompt)
        .map(|text| Some(Password::new(text)))
        .map_err(|e| InputFailure(format!("cannot read the password from the terminal ({e})")))
}

/// The password from `var`, else asked with `prompt`; else the failure `missing`.
fn given(
    var: &str,
    prompt: &str,
    missing: impl FnOnce() -> String,
) -> Result<Password, InputFailure> {
    if let Some(password) = from_env(var) {
        return Ok(password);
    }
    ask(prompt)?.ok_or_else(|| InputFailure(missing()))
}

/// The password to open `path` with: none for a file without one; else as the module says.
pub(super) fn for_opening(path: &Path) -> Result<Option<Password>, InputFailure> {
    if !is_encrypted(path) {
        return Ok(None);
    }
    let key = key_of(path);
    if let Some(known) = GIVEN.with(|g| {
        g.borrow()
            .iter()
            .find(|(p, _)| *p == key)
            .map(|(_, pw)| pw.clone())
    }) {
        return Ok(Some(known));
    }
    let password = given(
        PASSWORD_VAR,
        &format!("Passord for {}: ", path.display()),
        || {
            format!(
            "{}: the plan is protected by a password; set {PASSWORD_VAR}, or run the command in a terminal to be asked for it",
            path.display()
        )
        },
    )?;
    GIVEN.with(|g| g.borrow_mut().push((key, password.clone())));
    Ok(Some(password))
}

/// A new password: from `var`, or asked twice; checked for length before anything is opened.
fn new_password(var: &str) -> Result<Password, InputFailure> {
    let missing = || {
        format!("{var}: give the new password in {var}, or run the command in a terminal to be asked for it")
    };
    let password = match from_env(var) {
        Some(password) => password,
        None => {
            let first = ask("Nytt passord: ")?.ok_or_else(|| InputFailure(missing()))?;
            let again = ask("Skriv det nye passordet en gang til: ")?
                .ok_or_else(|| InputFailure(missing()))?;
            if first != again {
                return Err(InputFailure(
                    "the two passwords typed differ; nothing was changed, run the command again"
                        .into(),
                ));
            }
            first
        }
    };
    password
        .check_new()
        .map_err(|e| InputFailure(format!("{var}: {e}")))?;
    Ok(password)
}

pub(super) fn password(action: PasswordAction, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let (plan, old, new) = match &action {
        PasswordAction::Set { plan } => {
            if is_encrypted(plan) {
                return Err(InputFailure(format!(
                    "{}: the plan has a password already; use `turnus password change` to change it",
                    plan.display()
                )));
            }
            (plan, None, Some(new_password(PASSWORD_VAR)?))
        }
        PasswordAction::Change { plan } | PasswordAction::Remove { plan } => {
            if !is_encrypted(plan) {
                let e = crate::store::StoreError::NoPassword(plan.clone());
                if !plan.exists() {
                    return Err(InputFailure(
                        crate::store::StoreError::Missing(plan.clone()).to_string(),
                    ));
                }
                return Err(InputFailure(format!(
                    "{e}; use `turnus password set` to set one"
                )));
            }
            let old = given(
                PASSWORD_VAR,
                &format!("Passord for {} nå: ", plan.display()),
                || {
                    format!(
                    "{}: the plan is protected by a password; set {PASSWORD_VAR}, or run the command in a terminal to be asked for it",
                    plan.display()
                )
                },
            )?;
            let new = match action {
                PasswordAction::Change { .. } => Some(new_password(NEW_PASSWORD_VAR)?),
                _ => None,
            };
            (plan, Some(old), new)
        }
    };
    let options = crate::store::OpenOptions {
        password: old.clone(),
        ..store_options()?
    };
    let mut file = PlanFile::open(plan, &options)
        .map_err(|e| InputFailure(format!("{}: {e}", plan.display())))?;
    note_set_aside(plan, &file);
    let done = match (&old, &new) {
        (None, Some(new)) => file.set_password(new, now()),
        (Some(old), Some(new)) => file.change_password(old, new, now()),
        (Some(old), None) => file.remove_password(old, now()),
        (None, None) => Ok(()),
    };
    done.map_err(|e| InputFailure(format!("{}: {e}", plan.display())))?;
    let problem = file.backup_problem().map(str::to_string);
    file.close()?;
    let what = match (&old, &new) {
        (None, _) => "er nå beskyttet med passord",
        (Some(_), Some(_)) => "har fått nytt passord",
        (Some(_), None) => "har ikke lenger passord",
    };
    writeln!(
        out,
        "{} {what}. Sikkerhetskopiene av planen har fått det samme.",
        plan.display()
    )?;
    if let Some(problem) = problem {
        super::NOTES.with(|notes| {
            notes.borrow_mut().push(format!(
                "merk: ikke alle sikkerhetskopiene kunne endres: {problem}"
            ))
        });
    }
    Ok(EXIT_OK)
}
