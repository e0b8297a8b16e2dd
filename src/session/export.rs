//! What leaves the plan from the app: a PDF document (previewed first), a calendar file, and
//! the calendar folder that is kept current after every change.
//!
//! The documents and calendars themselves are made in `crate::export`; this module validates
//! what the Export page asks for, writes files through a temporary file and a rename, and
//! words every outcome as a sentence in the user's language.
//!
//! The calendar folder belongs to this computer, not to the plan: a co-leader opening the same
//! plan file elsewhere has folders of their own. So the app keeps it in its config, by plan
//! path (see `App::set_calendar_folder`), and hands it to the session, which writes the
//! calendars when the plan opens and after each edit, undo and redo. A folder that cannot be
//! written never stops an edit: the edit is saved, and the view says what went wrong.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{validate, ErrorCode, IpcError, Language, Session};
use crate::export::ics::{self, CalendarScope, IcsError};
use crate::export::pdf::{self, PdfError, PdfKind, PdfOptions};
use crate::model::AssistantId;
use crate::time::Instant;

/// A PDF document as the Export page asks for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ExportRequest {
    /// `turnusplan`, `arbeidsplan`, `timeliste`, `timeregnskap`, `lovsjekk` or `ferieliste`.
    pub kind: String,
    /// First day, `YYYY-MM-DD`. A timeliste covers the month holding it, a timeregnskap and a
    /// ferieliste the year.
    pub from: String,
    /// Last day, inclusive.
    pub to: String,
    /// The assistant's id: needed for an arbeidsplan and a timeliste.
    pub assistant: Option<String>,
}

/// The first page of a document, for the Export page to show before saving.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ExportPreview {
    /// The first page as an SVG image (A4, in millimetres), laid out exactly as in the PDF.
    pub svg: String,
    /// How many pages the document has.
    pub pages: u32,
    /// The document's title, e.g. "Timeliste".
    pub title: String,
    /// A file name to suggest in the save dialog, e.g. `Timeliste Kari Nordmann 2026-11.pdf`.
    pub file_name: String,
    /// What the preview shows, as a sentence: the image's text alternative.
    pub description: String,
}

/// A file written.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ExportDone {
    /// Where it was written.
    pub path: String,
    /// "Timelisten er lagret i /home/kari/Timeliste.pdf."
    pub message: String,
}

/// The calendar folder of the open plan on this computer.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CalendarFolderView {
    pub path: String,
    /// When the calendars were last written, local time `DD.MM.YYYY HH:MM`; null when they
    /// have not been written since the plan was opened.
    pub written_at: Option<String>,
    /// How many files the last writing wrote (one per assistant, and one for the plan).
    pub files: u32,
    /// Why the last writing failed, as a sentence; null when it worked.
    pub problem: Option<String>,
}

/// The calendar folder a session keeps current.
#[derive(Clone, Debug, Default)]
pub(super) struct CalendarFolder {
    dir: PathBuf,
    written_at: Option<Instant>,
    files: usize,
    /// Why the last writing failed; worded when the view is made, in the language of then.
    problem: Option<IcsError>,
}

impl CalendarFolder {
    pub(super) fn new(dir: PathBuf) -> Self {
        CalendarFolder {
            dir,
            ..CalendarFolder::default()
        }
    }

    pub(super) fn view(&self, lang: Language) -> CalendarFolderView {
        CalendarFolderView {
            path: self.dir.display().to_string(),
            written_at: self.written_at.map(Instant::display_local),
            files: u32::try_from(self.files).unwrap_or(u32::MAX),
            problem: self.problem.as_ref().map(|e| write_error(e, lang).message),
        }
    }
}

impl Session {
    /// The first page of the document `request` asks for, made `today`.
    pub fn export_preview(
        &self,
        request: &ExportRequest,
        today: NaiveDate,
    ) -> Result<ExportPreview, IpcError> {
        let options = self.pdf_options(request, today)?;
        let preview = pdf::preview(self.plan(), &options).map_err(|e| self.pdf_error(&e))?;
        let lang = self.language();
        let title = options.kind.title(lang.lang()).to_string();
        let period = self.period_words(&options);
        let pages = u32::try_from(preview.pages).unwrap_or(u32::MAX);
        let description = match lang {
            Language::Nb => format!(
                "Første side av {title}{}, {period}. Dokumentet har {pages} {}.",
                self.about(&options, " for "),
                if pages == 1 { "side" } else { "sider" }
            ),
            Language::En => format!(
                "First page of the {}{}, {period}. The document has {pages} {}.",
                title.to_lowercase(),
                self.about(&options, " for "),
                if pages == 1 { "page" } else { "pages" }
            ),
        };
        Ok(ExportPreview {
            svg: preview.svg,
            pages,
            file_name: self.file_name(&options, &title),
            title,
            description,
        })
    }

    /// Write the document `request` asks for, made `today`, to `path` (`.pdf` is added when
    /// the name has no extension).
    pub fn export_pdf(
        &self,
        request: &ExportRequest,
        path: &str,
        today: NaiveDate,
    ) -> Result<ExportDone, IpcError> {
        let lang = self.language();
        let options = self.pdf_options(request, today)?;
        let path = output_path(path, "pdf", lang)?;
        let bytes = pdf::render_pdf(self.plan(), &options).map_err(|e| self.pdf_error(&e))?;
        ics::write_atomic(&path, &bytes).map_err(|e| write_error(&e, lang))?;
        let title = options.kind.title(lang.lang());
        Ok(ExportDone {
            message: match lang {
                Language::Nb => format!("{title} er lagret i {}.", path.display()),
                Language::En => format!(
                    "The {} is saved as {}.",
                    title.to_lowercase(),
                    path.display()
                ),
            },
            path: path.display().to_string(),
        })
    }

    /// Write one calendar to `path` (`.ics` is added when the name has no extension): the
    /// assistant's shifts, or with no assistant every shift of the plan. The export state is
    /// kept beside it, so exporting to the same file again updates the events on phones.
    pub fn export_ics(
        &self,
        assistant: Option<&str>,
        path: &str,
        now: Instant,
    ) -> Result<ExportDone, IpcError> {
        let lang = self.language();
        // An unknown assistant is refused by `write_calendar_file` before anything is written.
        let scope = match assistant.map(str::trim).filter(|a| !a.is_empty()) {
            None => CalendarScope::Plan,
            Some(id) => CalendarScope::Assistant(AssistantId(id.to_string())),
        };
        let path = output_path(path, "ics", lang)?;
        ics::write_calendar_file(self.plan(), &path, &scope, now)
            .map_err(|e| write_error(&e, lang))?;
        let whose = match &scope {
            CalendarScope::Plan => lang.pick("hele planen", "the whole plan").to_string(),
            CalendarScope::Assistant(id) => self
                .plan()
                .assistant(id)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
        };
        Ok(ExportDone {
            message: match lang {
                Language::Nb => {
                    format!("Kalenderen for {whose} er lagret i {}.", path.display())
                }
                Language::En => format!("The calendar of {whose} is saved as {}.", path.display()),
            },
            path: path.display().to_string(),
        })
    }

    /// Keep the calendars in `dir` current from now on (`None`: stop), writing them at once.
    /// The folder must exist; when the first writing fails, the error says why and the folder
    /// is not kept.
    pub fn set_calendar_folder(
        &mut self,
        dir: Option<PathBuf>,
        now: Instant,
    ) -> Result<(), IpcError> {
        let lang = self.language();
        let Some(dir) = dir else {
            self.calendars = None;
            return Ok(());
        };
        if !dir.is_dir() {
            return Err(IpcError::field(
                "folder",
                dir.display().to_string(),
                match lang {
                    Language::Nb => format!(
                        "Mappen {} finnes ikke. Velg en mappe som finnes.",
                        dir.display()
                    ),
                    Language::En => format!(
                        "The folder {} does not exist. Choose a folder that exists.",
                        dir.display()
                    ),
                },
            ));
        }
        let state = ics::read_state(&dir).map_err(|e| write_error(&e, lang))?;
        let (_, files) = ics::write_calendar_folder(self.plan(), &dir, &state, now)
            .map_err(|e| write_error(&e, lang))?;
        self.calendars = Some(CalendarFolder {
            dir,
            written_at: Some(now),
            files: files.len(),
            problem: None,
        });
        Ok(())
    }

    /// Keep the calendars in `dir` current without asking: the folder chosen on an earlier
    /// day. When it cannot be written now (a cloud folder not mounted yet), the view says so
    /// and the next change tries again.
    pub(super) fn keep_calendar_folder(&mut self, dir: PathBuf, now: Instant) {
        self.calendars = Some(CalendarFolder::new(dir));
        self.refresh_calendars(now);
    }

    /// The calendar folder kept current, if any.
    pub fn calendar_folder(&self) -> Option<CalendarFolderView> {
        let lang = self.language();
        self.calendars.as_ref().map(|f| f.view(lang))
    }

    /// Bring the calendar folder up to date after a change. Failing is remembered for the
    /// view, never returned: the change itself is already saved.
    pub(super) fn refresh_calendars(&mut self, now: Instant) {
        let Some(folder) = self.calendars.as_mut() else {
            return;
        };
        match ics::refresh_calendar_folder(&self.plan, &folder.dir, now) {
            Ok(Some(files)) => {
                folder.files = files.len();
                folder.written_at = Some(now);
                folder.problem = None;
            }
            Ok(None) => folder.problem = None,
            Err(e) => folder.problem = Some(e),
        }
    }

    fn pdf_options(
        &self,
        request: &ExportRequest,
        today: NaiveDate,
    ) -> Result<PdfOptions, IpcError> {
        let lang = self.language();
        let kind = PdfKind::from_key(request.kind.trim()).ok_or_else(|| {
            IpcError::field(
                "kind",
                request.kind.clone(),
                lang.pick(
                    "Velg hva slags dokument du vil lage.",
                    "Choose which kind of document to make.",
                ),
            )
        })?;
        let from = validate::date("from", &request.from, lang)?;
        let to = validate::date("to", &request.to, lang)?;
        // A missing assistant is the PDF module's `NeedsAssistant`, worded in `pdf_error`.
        let assistant = request
            .assistant
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| AssistantId(a.to_string()));
        let mut options = PdfOptions::new(kind, from, to, today);
        options.assistant = assistant;
        options.lang = lang.lang();
        Ok(options)
    }

    fn pdf_error(&self, e: &PdfError) -> IpcError {
        let lang = self.language();
        match e {
            PdfError::NeedsAssistant(_) => IpcError::field(
                "assistant",
                "",
                lang.pick(
                    "Velg assistenten dokumentet gjelder.",
                    "Choose the assistant the document is for.",
                ),
            ),
            PdfError::UnknownAssistant(id) => unknown_assistant(id, lang),
            PdfError::EmptyPeriod { to, .. } => IpcError::field(
                "to",
                to.to_string(),
                lang.pick(
                    "Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.",
                    "The end date is before the start date. Choose an end date after the start date.",
                ),
            ),
            PdfError::TooLong { to, max, .. } => IpcError::field(
                "to",
                to.to_string(),
                match lang {
                    Language::Nb => format!(
                        "Perioden er for lang for ett dokument. Velg høyst {max} dager."
                    ),
                    Language::En => format!(
                        "The period is too long for one document. Choose at most {max} days."
                    ),
                },
            ),
            PdfError::Font(why) => IpcError::new(
                ErrorCode::Internal,
                lang.pick(
                    "Skriften i Turnus kunne ikke leses, så dokumentet ble ikke laget. Installer Turnus på nytt.",
                    "Turnus could not read its font, so the document was not made. Reinstall Turnus.",
                ),
            )
            .with_details(serde_json::json!({ "why": why })),
        }
    }

    /// The period a document covers, in words.
    fn period_words(&self, options: &PdfOptions) -> String {
        let lang = self.language();
        let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
        match options.kind {
            PdfKind::Timeliste => pdf::month_name(options.from, lang.lang()),
            PdfKind::Timeregnskap | PdfKind::Ferieliste => {
                format!("{} {}", lang.pick("året", "the year"), options.from.year())
            }
            _ if options.from == options.to => date(options.from),
            _ => format!("{}–{}", date(options.from), date(options.to)),
        }
    }

    /// `prefix` and the assistant's name, or nothing for a document of the whole plan.
    fn about(&self, options: &PdfOptions, prefix: &str) -> String {
        options
            .assistant
            .as_ref()
            .and_then(|id| self.plan().assistant(id))
            .map(|a| format!("{prefix}{}", a.name))
            .unwrap_or_default()
    }

    /// A file name for the save dialog: title, assistant and period, without characters that
    /// some file systems refuse.
    fn file_name(&self, options: &PdfOptions, title: &str) -> String {
        let period = match options.kind {
            PdfKind::Timeliste => options.from.format("%Y-%m").to_string(),
            PdfKind::Timeregnskap | PdfKind::Ferieliste => options.from.year().to_string(),
            _ if options.from == options.to => options.from.to_string(),
            _ => format!(
                "{} {} {}",
                options.from,
                self.language().pick("til", "to"),
                options.to
            ),
        };
        let name = format!("{title}{} {period}", self.about(options, " "));
        let clean: String = name
            .chars()
            .map(|c| {
                if "/\\:*?\"<>|".contains(c) || c.is_control() {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        format!("{}.pdf", clean.trim())
    }
}

/// The path a user chose, with `extension` added when the name has none.
pub(super) fn output_path(
    path: &str,
    extension: &str,
    lang: Language,
) -> Result<PathBuf, IpcError> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(IpcError::field(
            "path",
            path,
            lang.pick(
                "Velg hvor filen skal lagres.",
                "Choose where to save the file.",
            ),
        ));
    }
    let mut path = PathBuf::from(trimmed);
    if path.extension().is_none() {
        path.set_extension(extension);
        // The save dialog asked about replacing the name without the extension, not this one.
        if path.exists() {
            return Err(IpcError::field(
                "path",
                trimmed,
                match lang {
                    Language::Nb => format!(
                        "Det finnes allerede en fil som heter {}. Velg et annet navn, eller velg den filen i lagringsvinduet for å erstatte den.",
                        path.display()
                    ),
                    Language::En => format!(
                        "A file named {} already exists. Choose another name, or choose that file in the save dialog to replace it.",
                        path.display()
                    ),
                },
            ));
        }
    }
    if path.is_dir() {
        return Err(IpcError::field(
            "path",
            trimmed,
            lang.pick(
                "Det finnes en mappe med det navnet. Velg et annet filnavn.",
                "A folder has that name. Choose another file name.",
            ),
        ));
    }
    // Even when the save dialog asked about replacing it: a plan is never written over.
    if crate::store::is_plan_file(&path) {
        return Err(IpcError::field(
            "path",
            trimmed,
            lang.pick(
                "Det er en Turnus-plan, og en plan blir aldri skrevet over av en eksport. Velg et annet filnavn.",
                "That is a Turnus plan, and an export never writes over a plan. Choose another file name.",
            ),
        ));
    }
    Ok(path)
}

fn unknown_assistant(id: &str, lang: Language) -> IpcError {
    IpcError::field(
        "assistant",
        id,
        lang.pick(
            "Fant ikke assistenten. Hen kan være slettet; velg en annen.",
            "Could not find the assistant. They may have been deleted; choose another.",
        ),
    )
}

/// A file or folder that could not be written, as a sentence saying what to do.
pub(super) fn write_error(e: &IcsError, lang: Language) -> IpcError {
    let (path, why) = match e {
        IcsError::Write { path, why, kind } => (path.clone(), kind_reason(*kind, why, lang)),
        IcsError::BadState { path, why } => {
            return IpcError::new(
                ErrorCode::Io,
                match lang {
                    Language::Nb => format!(
                        "Turnus kan ikke lese {path}, der den husker hva som ble skrevet sist ({why}). Slett den filen og prøv igjen; telefonene ser da alle vakter som nye."
                    ),
                    Language::En => format!(
                        "Turnus cannot read {path}, where it remembers what it wrote last ({why}). Delete that file and try again; phones will then see every shift as new."
                    ),
                },
            )
            .with_details(serde_json::json!({ "path": path }));
        }
        IcsError::UnknownAssistant(id) => return unknown_assistant(id, lang),
    };
    IpcError::new(
        ErrorCode::Io,
        match lang {
            Language::Nb => format!(
                "Turnus kunne ikke skrive {path} ({why}). Sjekk at mappen finnes og at du kan skrive i den, eller velg en annen."
            ),
            Language::En => format!(
                "Turnus could not write {path} ({why}). Check that the folder exists and that you may write in it, or choose another."
            ),
        },
    )
    .with_details(serde_json::json!({ "path": path }))
}

/// The calendar folder kept for the plan at `plan` in the app's config map, if any.
pub(super) fn folder_for(map: Option<&serde_json::Value>, plan: &Path) -> Option<PathBuf> {
    map?.get(plan.display().to_string())?
        .as_str()
        .map(PathBuf::from)
}

/// Why reading or writing a file failed, in the user's language: the common kinds in words,
/// anything else as the system says it.
pub(super) fn io_reason(e: &std::io::Error, lang: Language) -> String {
    kind_reason(e.kind(), &e.to_string(), lang)
}

fn kind_reason(kind: std::io::ErrorKind, raw: &str, lang: Language) -> String {
    use std::io::ErrorKind;
    let words = match kind {
        ErrorKind::PermissionDenied => lang.pick("ingen tilgang", "permission denied"),
        ErrorKind::NotFound => lang.pick(
            "mappen eller filen finnes ikke",
            "the folder or file does not exist",
        ),
        ErrorKind::StorageFull => lang.pick("disken er full", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => {
            lang.pick("disken kan bare leses", "the disk is read-only")
        }
        ErrorKind::TimedOut => lang.pick("disken svarte ikke", "the disk did not answer"),
        ErrorKind::NotADirectory => lang.pick(
            "en del av stien er en fil, ikke en mappe",
            "a part of the path is a file, not a folder",
        ),
        ErrorKind::IsADirectory => {
            lang.pick("det er en mappe, ikke en fil", "it is a folder, not a file")
        }
        // The operating system's own words are English whatever the user chose; a sentence in
        // the user's language says what matters: the file was not written.
        _ if raw.is_empty() => return raw.to_string(),
        _ => lang.pick(
            "filsystemet godtok ikke skrivingen",
            "the file system refused the write",
        ),
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_where_a_folder_should_be_is_told_in_the_users_language_not_the_systems() {
        let reason = kind_reason(
            std::io::ErrorKind::NotADirectory,
            "Not a directory (os error 20)",
            Language::Nb,
        );
        assert_eq!(reason, "en del av stien er en fil, ikke en mappe");
        let other = kind_reason(
            std::io::ErrorKind::Other,
            "Something odd (os error 99)",
            Language::Nb,
        );
        assert!(
            !other.contains("os error"),
            "no English from the system inside a Norwegian sentence: {other}"
        );
    }

    #[test]
    fn a_folder_without_access_is_told_in_plain_words_in_the_users_language() {
        let e = IcsError::Write {
            path: "/media/sky/Kari.ics".into(),
            why: "Permission denied (os error 13)".into(),
            kind: std::io::ErrorKind::PermissionDenied,
        };
        assert_eq!(
            write_error(&e, Language::Nb).message,
            "Turnus kunne ikke skrive /media/sky/Kari.ics (ingen tilgang). Sjekk at mappen finnes og at du kan skrive i den, eller velg en annen."
        );
        assert!(write_error(&e, Language::En)
            .message
            .contains("(permission denied)"));
        let odd = IcsError::Write {
            path: "/x".into(),
            why: "Stale file handle".into(),
            kind: std::io::ErrorKind::Other,
        };
        assert!(
            write_error(&odd, Language::Nb)
                .message
                .contains("(filsystemet godtok ikke skrivingen)"),
            "a kind without words of its own is still told in the user's language"
        );
    }
}
