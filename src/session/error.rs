//! The error a session hands to the UI: `{ code, message, details }` with a closed set of
//! codes (docs/ipc.md), so the UI switches on `code` and shows `message`, one sentence in the
//! user's language, without parsing anything.
//!
//! This module turns the store's errors into that shape. It deliberately carries no backtrace,
//! no Rust type names and no SQL: the web view sees only what a user may read.

use serde::Serialize;
use serde_json::{json, Value};
use ts_rs::TS;

use super::Language;
use crate::store::{LockNotice, ReadOnlyReason, StoreError};

/// Every kind of failure the UI is prepared to handle: the closed set of docs/ipc.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value the user typed cannot be used; `details.field` names it.
    InvalidInput,
    /// The plan file or the entity the request names does not exist.
    NotFound,
    /// The plan is open read-only (a write-protected file, or in use elsewhere).
    ReadOnly,
    /// Another program holds the plan; `details` has name, computer and since.
    InUse,
    /// The file is not a Turnus plan (not SQLite, or another program's SQLite).
    NotAPlan,
    /// The file fails its integrity check.
    Corrupt,
    /// The file comes from a newer Turnus.
    NewerVersion,
    /// Reading or writing a file failed.
    Io,
    /// The command needs an open plan and none is open.
    NoPlan,
    /// Something inside Turnus went wrong; not the user's fault.
    Internal,
    /// The command needs the user to choose first (deleting an absence whose shifts were
    /// covered meanwhile: keep the vikar or give them back); `details` says what to choose.
    ChoiceNeeded,
}

/// An error as the UI receives it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    /// One sentence a user can read, in the chosen language.
    pub message: String,
    /// Machine-readable context (the field, the value, the lock holder); `null` when there is
    /// none.
    #[ts(type = "unknown")]
    pub details: Value,
}

impl IpcError {
    /// An error with `code` and `message` and no details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
            details: Value::Null,
        }
    }

    /// The same error with `details`.
    pub fn with_details(mut self, details: Value) -> Self {
        self.details = details;
        self
    }

    /// An input error about `field` holding `value`, with a sentence saying what to do.
    pub fn field(field: &str, value: impl Into<Value>, message: impl Into<String>) -> Self {
        IpcError::new(ErrorCode::InvalidInput, message)
            .with_details(json!({ "field": field, "value": value.into() }))
    }

    /// No plan is open.
    pub fn no_plan(lang: Language) -> Self {
        IpcError::new(
            ErrorCode::NoPlan,
            lang.pick(
                "Ingen plan er åpen. Åpne eller lag en plan først.",
                "No plan is open. Open or create a plan first.",
            ),
        )
    }

    /// A fault inside Turnus; `detail` is for developers and goes into `details`.
    pub fn internal(lang: Language, detail: impl Into<String>) -> Self {
        IpcError::new(
            ErrorCode::Internal,
            lang.pick(
                "Noe gikk galt i Turnus. Prøv igjen, eller start programmet på nytt.",
                "Something went wrong in Turnus. Try again, or restart the program.",
            ),
        )
        .with_details(json!({ "detail": detail.into() }))
    }

    /// The store's error `e` in words for the user.
    pub fn from_store(e: &StoreError, lang: Language) -> Self {
        store_error(e, lang)
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IpcError {}

/// The lock holder as `details` of an `in_use` error.
pub(crate) fn lock_details(notice: &LockNotice) -> Value {
    json!({
        "name": notice.holder,
        "computer": notice.computer,
        "since": notice.since.to_rfc3339(),
    })
}

/// "Kari on STUE-PC since 22.11.2026 15:04" as a sentence part.
pub(crate) fn lock_sentence(notice: &LockNotice, lang: Language) -> String {
    let since = notice.since.display_local();
    match lang {
        Language::Nb => format!(
            "Planen er i bruk av {} på {} siden {since}.",
            notice.holder, notice.computer
        ),
        Language::En => format!(
            "The plan is in use by {} on {} since {since}.",
            notice.holder, notice.computer
        ),
    }
}

/// Why the plan can only be read, as a sentence.
pub(crate) fn read_only_sentence(reason: &ReadOnlyReason, lang: Language) -> String {
    match reason {
        ReadOnlyReason::FileNotWritable => lang
            .pick(
                "Filen er skrivebeskyttet, så planen er åpnet bare for lesing. Kopier filen til en mappe du kan skrive i for å endre den.",
                "The file is write-protected, so the plan is open for reading only. Copy the file to a folder you can write to in order to change it.",
            )
            .to_string(),
        ReadOnlyReason::InUse(notice) => format!(
            "{} {}",
            lock_sentence(notice, lang),
            lang.pick(
                "Den er åpnet bare for lesing. Du kan ta over planen hvis den andre ikke lenger bruker den.",
                "It is open for reading only. You can take the plan over if the other person no longer uses it.",
            )
        ),
        ReadOnlyReason::Requested => lang
            .pick(
                "Planen er åpnet bare for lesing.",
                "The plan is open for reading only.",
            )
            .to_string(),
    }
}

fn entity_name(entity: &str, lang: Language) -> &'static str {
    match (entity, lang) {
        ("assistant", Language::Nb) => "assistenten",
        ("assistant", Language::En) => "the assistant",
        ("shift", Language::Nb) => "vakten",
        ("shift", Language::En) => "the shift",
        ("shift_type", Language::Nb) => "vakttypen",
        ("shift_type", Language::En) => "the shift type",
        ("vedtak", Language::Nb) => "vedtaket",
        ("vedtak", Language::En) => "the vedtak",
        ("rotation", Language::Nb) => "turnusen",
        ("rotation", Language::En) => "the rotation",
        ("absence", Language::Nb) => "fraværet",
        ("absence", Language::En) => "the absence",
        (_, Language::Nb) => "dette",
        (_, Language::En) => "this",
    }
}

fn store_error(e: &StoreError, lang: Language) -> IpcError {
    let path_of = |p: &std::path::Path| json!({ "path": p.display().to_string() });
    match e {
        StoreError::Missing(path) => IpcError::new(
            ErrorCode::NotFound,
            lang.pick(
                "Fant ikke filen. Den kan være flyttet eller slettet; velg filen på nytt.",
                "The file was not found. It may have been moved or deleted; choose the file again.",
            ),
        )
        .with_details(path_of(path)),
        StoreError::Exists(path) => IpcError::field(
            "path",
            path.display().to_string(),
            lang.pick(
                "Det finnes allerede en fil med dette navnet. Velg et annet navn.",
                "A file with this name exists already. Choose another name.",
            ),
        ),
        StoreError::NotSqlite(path) => IpcError::new(
            ErrorCode::NotAPlan,
            lang.pick(
                "Filen er ikke en Turnus-plan. Velg en annen fil, eller hent en sikkerhetskopi. Filen er ikke endret.",
                "The file is not a Turnus plan. Choose another file, or restore a backup. The file was not changed.",
            ),
        )
        .with_details(path_of(path)),
        StoreError::OtherProgram { path, .. } => IpcError::new(
            ErrorCode::NotAPlan,
            lang.pick(
                "Filen er en database fra et annet program, ikke en Turnus-plan. Filen er ikke endret.",
                "The file is a database of another program, not a Turnus plan. The file was not changed.",
            ),
        )
        .with_details(path_of(path)),
        StoreError::NewerVersion {
            path,
            found,
            supported,
        } => IpcError::new(
            ErrorCode::NewerVersion,
            lang.pick(
                "Planen er lagret av en nyere Turnus. Oppdater Turnus for å åpne den. Filen er ikke endret.",
                "The plan was saved by a newer Turnus. Update Turnus to open it. The file was not changed.",
            ),
        )
        .with_details(json!({
            "path": path.display().to_string(),
            "found": found,
            "supported": supported,
        })),
        StoreError::Corrupt { path, detail } => IpcError::new(
            ErrorCode::Corrupt,
            lang.pick(
                "Filen er skadet og kan ikke åpnes. Filen er ikke endret; hent en sikkerhetskopi.",
                "The file is damaged and cannot be opened. The file was not changed; restore a backup.",
            ),
        )
        .with_details(json!({ "path": path.display().to_string(), "detail": detail })),
        StoreError::Interrupted(path) => IpcError::new(
            ErrorCode::ReadOnly,
            lang.pick(
                "Et program ble stoppet midt i lagringen av planen, og den uferdige endringen må tas tilbake før planen kan leses. Det krever at du kan skrive til filen og mappen: åpne den der du kan det, så blir den rettet.",
                "A program stopped in the middle of saving the plan, and the unfinished change must be undone before the plan can be read. That needs permission to write the file and its folder: open it where you can, and it is put right.",
            ),
        )
        .with_details(path_of(path)),
        StoreError::InUseNeedsUpgrade { notice, .. } => IpcError::new(
            ErrorCode::InUse,
            format!(
                "{} {}",
                lock_sentence(notice, lang),
                lang.pick(
                    "Den må oppgraderes til denne versjonen av Turnus; lukk den der først.",
                    "It must be upgraded to this version of Turnus; close it there first.",
                )
            ),
        )
        .with_details(lock_details(notice)),
        StoreError::ReadOnly(reason) => {
            let details = match reason {
                ReadOnlyReason::InUse(notice) => lock_details(notice),
                _ => Value::Null,
            };
            IpcError::new(
                ErrorCode::ReadOnly,
                format!(
                    "{} {}",
                    lang.pick("Endringen ble ikke lagret.", "The change was not saved."),
                    read_only_sentence(reason, lang)
                ),
            )
            .with_details(details)
        }
        StoreError::LockLost(notice) => IpcError::new(
            ErrorCode::InUse,
            format!(
                "{} {}",
                lang.pick(
                    "Endringen ble ikke lagret: et annet program har tatt over planen.",
                    "The change was not saved: another program took the plan over.",
                ),
                lock_sentence(notice, lang)
            ),
        )
        .with_details(lock_details(notice)),
        StoreError::NotFound { entity, id } => IpcError::new(
            ErrorCode::NotFound,
            match lang {
                Language::Nb => format!(
                    "Fant ikke {} i planen. Den kan være slettet; last visningen på nytt.",
                    entity_name(entity, lang)
                ),
                Language::En => format!(
                    "Could not find {} in the plan. It may have been deleted; reload the view.",
                    entity_name(entity, lang)
                ),
            },
        )
        .with_details(json!({ "entity": entity, "id": id })),
        StoreError::Duplicate { entity, id } => IpcError::field(
            "id",
            id.clone(),
            match lang {
                Language::Nb => format!(
                    "Planen har allerede {} med denne koden eller id-en. Velg en annen.",
                    entity_name(entity, lang)
                ),
                Language::En => format!(
                    "The plan already has {} with this code or id. Choose another.",
                    entity_name(entity, lang)
                ),
            },
        ),
        StoreError::StillUsed { entity, id } => IpcError::field(
            "id",
            id.clone(),
            match lang {
                Language::Nb => format!(
                    "Kan ikke slette {}: vakter, fravær eller turnuser bruker den fortsatt. Endre eller slett dem først.",
                    entity_name(entity, lang)
                ),
                Language::En => format!(
                    "Cannot delete {}: shifts, absences or rotations still use it. Change or delete those first.",
                    entity_name(entity, lang)
                ),
            },
        ),
        StoreError::UnknownReference { id, .. } => IpcError::field(
            "id",
            id.clone(),
            lang.pick(
                "Dette viser til en assistent eller vakttype som planen ikke har. Velg en som finnes.",
                "This refers to an assistant or shift type the plan does not have. Choose one that exists.",
            ),
        ),
        StoreError::Invalid { id, why, .. } => IpcError::new(
            ErrorCode::InvalidInput,
            lang.pick(
                "Planfilen godtar ikke denne verdien. Sjekk feltene og prøv igjen.",
                "The plan file does not accept this value. Check the fields and try again.",
            ),
        )
        .with_details(json!({ "field": null, "value": id, "detail": why })),
        StoreError::Conflict { entity, id, .. } => IpcError::new(
            ErrorCode::InvalidInput,
            lang.pick(
                "Kan ikke angre eller gjøre om: dette er endret senere. Endre det direkte i stedet.",
                "Cannot undo or redo: this was changed later. Change it directly instead.",
            ),
        )
        .with_details(json!({ "field": null, "entity": entity, "id": id })),
        StoreError::NothingToUndo => IpcError::new(
            ErrorCode::NotFound,
            lang.pick("Det er ingenting å angre.", "There is nothing to undo."),
        ),
        StoreError::NothingToRedo => IpcError::new(
            ErrorCode::NotFound,
            lang.pick("Det er ingenting å gjøre om.", "There is nothing to redo."),
        ),
        StoreError::UndoLimit(limit) => IpcError::new(
            ErrorCode::InvalidInput,
            match lang {
                Language::Nb => format!("Du kan ikke angre mer enn {limit} endringer på rad."),
                Language::En => format!("You cannot undo more than {limit} changes in a row."),
            },
        )
        .with_details(json!({ "field": null, "limit": limit })),
        StoreError::Sqlite { context, source } => {
            let damaged = matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            );
            let busy = matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            );
            let details = json!({ "detail": format!("{context}: {source}") });
            if damaged {
                IpcError::new(
                    ErrorCode::Corrupt,
                    lang.pick(
                        "Planfilen er skadet. Hent en sikkerhetskopi.",
                        "The plan file is damaged. Restore a backup.",
                    ),
                )
                .with_details(details)
            } else if busy {
                IpcError::new(
                    ErrorCode::Io,
                    lang.pick(
                        "Planfilen er opptatt av et annet program akkurat nå. Vent litt og prøv igjen.",
                        "The plan file is busy in another program right now. Wait a moment and try again.",
                    ),
                )
                .with_details(details)
            } else {
                IpcError::new(
                    ErrorCode::Io,
                    lang.pick(
                        "Kunne ikke lese eller skrive planfilen. Sjekk at mappen er tilgjengelig, og prøv igjen.",
                        "Could not read or write the plan file. Check that the folder is available, and try again.",
                    ),
                )
                .with_details(details)
            }
        }
        StoreError::Io { context, source } => IpcError::new(
            ErrorCode::Io,
            lang.pick(
                "Kunne ikke lese eller skrive filen. Sjekk at mappen finnes og at du har tilgang, og prøv igjen.",
                "Could not read or write the file. Check that the folder exists and that you have access, and try again.",
            ),
        )
        .with_details(json!({ "detail": format!("{context}: {source}") })),
        StoreError::Input(input) => IpcError::field(
            &input.path,
            Value::Null,
            lang.pick(
                "Planen kan ikke leses inn. Sjekk innholdet og prøv igjen.",
                "The plan cannot be read in. Check its contents and try again.",
            ),
        ),
        StoreError::NoSuchBackup { name, .. } => IpcError::new(
            ErrorCode::NotFound,
            lang.pick(
                "Fant ikke sikkerhetskopien.",
                "The backup was not found.",
            ),
        )
        .with_details(json!({ "name": name })),
        StoreError::NoDataFolder => IpcError::new(
            ErrorCode::Io,
            lang.pick(
                "Fant ikke mappen der Turnus lagrer sine filer. Sett TURNUS_DATA_DIR.",
                "Could not find the folder where Turnus keeps its files. Set TURNUS_DATA_DIR.",
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_serialises_as_code_message_and_details() {
        let error = IpcError::new(ErrorCode::NotAPlan, "Filen er ikke en Turnus-plan.");
        let json = serde_json::to_value(&error).expect("a plain struct always serialises");
        assert_eq!(
            json,
            json!({ "code": "not_a_plan", "message": "Filen er ikke en Turnus-plan.", "details": null }),
            "the UI reads exactly these three keys, with a snake_case code"
        );
    }

    #[test]
    fn a_missing_file_is_not_found_in_both_languages() {
        let e = StoreError::Missing("/tmp/x.turnus".into());
        let nb = IpcError::from_store(&e, Language::Nb);
        let en = IpcError::from_store(&e, Language::En);
        assert_eq!(nb.code, ErrorCode::NotFound);
        assert!(nb.message.starts_with("Fant ikke"), "bokmål by default");
        assert!(en.message.starts_with("The file"), "English when chosen");
    }
}
