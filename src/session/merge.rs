//! Two leaders, one plan, as the app meets it: the conflict copies a sync client left beside
//! the open plan, a preview of merging one (what is taken on its own, and each true conflict
//! with both sides in words), the merge itself as one undo step with the copy kept among the
//! backups, and noticing that another program (a sync client, the other leader's Turnus)
//! changed the plan file while it was open here.
//!
//! The merging is `store::merge`'s and the recognising `store::copies`'; this module turns
//! them into answers for the UI. It reads no clock: the shell polls the file every 2 s and
//! calls [`crate::session::App::check_disk`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use ts_rs::TS;

use super::{history, ErrorCode, IpcError, Language, PlanView, Session, Window};
use crate::store::merge::{Choices, Conflict, ConflictKind, MergeReport, Side};
use crate::store::{copies, LogEntry, OpenOptions, Password, PlanFile};
use crate::time::Instant;

/// A conflict copy beside the open plan.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ConflictCopyView {
    /// The copy's full path: what `merge_preview` and `merge_copy` take as `other`.
    pub path: String,
    /// Its file name.
    pub name: String,
    /// When it was last written (RFC 3339), if the file system says.
    pub modified: Option<String>,
    /// The same, as local time `dd.mm.yyyy HH:MM`.
    pub modified_local: Option<String>,
    /// Who or which computer made it, when its name says so (`Kari`, `KARI-PC`).
    pub by: Option<String>,
}

/// Which side of a conflict a person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Take {
    /// Keep what this plan has.
    Ours,
    /// Take what the copy has.
    Theirs,
}

impl From<Take> for Side {
    fn from(take: Take) -> Side {
        match take {
            Take::Ours => Side::Ours,
            Take::Theirs => Side::Theirs,
        }
    }
}

/// The choice for one conflict.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, TS)]
pub struct MergeChoice {
    /// The conflict's `id` from the preview.
    pub conflict: String,
    pub take: Take,
}

/// One true conflict, both sides in words.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ConflictView {
    /// Stable between the preview and the merge.
    pub id: String,
    /// The kind of thing (`shift`, `assistant`, …).
    pub entity: String,
    pub entity_id: String,
    /// The thing and what collided, as a sentence: "Vakten til Ola 01.06.2026 09:00–17:00:
    /// merknad".
    pub label: String,
    /// The column (`note`), `children:TABLE`, `used` for a deleted thing still used, or empty
    /// for the thing as a whole.
    pub field: String,
    /// What this plan has, in words.
    pub ours: String,
    /// What the copy has, in words.
    pub theirs: String,
    /// `ours` or `theirs`: which side deleted the thing, if one did.
    pub deleted_side: Option<Take>,
}

/// What merging a copy would do.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MergePreview {
    /// The copy's path, as asked.
    pub other: String,
    /// What is taken from the copy on its own, as sentences.
    pub auto: Vec<String>,
    /// Each true conflict; every one needs a choice before `merge_copy` writes anything.
    pub conflicts: Vec<ConflictView>,
}

/// What `merge_copy` did.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MergeDone {
    /// The plan after the merge.
    pub view: PlanView,
    /// Where the copy was put, kept as a backup.
    pub kept_copy: String,
    /// One sentence saying what happened and where the copy is.
    pub message: String,
}

/// The plan file was changed by another program while it was open here.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DiskChange {
    /// Who made the changes, from the change log ("Kari", "Kari og Per").
    pub by: String,
    /// What changed, as sentences.
    pub what: Vec<String>,
    /// When the newest change was made (RFC 3339).
    pub at: String,
    /// The same, as local time `dd.mm.yyyy HH:MM`.
    pub at_local: String,
    /// One sentence to show: "Kari endret planen: …".
    pub message: String,
    /// The file was replaced by one this program cannot open (its password was changed on
    /// another computer): nothing was read again; `message` says what to do.
    pub new_password: bool,
}

impl DiskChange {
    /// The plan file was replaced by one with another password (changed on another computer):
    /// its change log cannot be read, so who and what are unknown.
    pub(super) fn new_password(lang: Language, now: Instant) -> Self {
        DiskChange {
            by: String::new(),
            what: Vec::new(),
            at: now.to_rfc3339(),
            at_local: now.display_local(),
            message: lang
                .pick(
                    "Planfilen er byttet ut med en som har et annet passord (det er endret på en annen datamaskin). Lukk planen og åpne den igjen med det nye passordet; endringer du gjør før det, kommer ikke med i filen.",
                    "The plan file was replaced by one with another password (it was changed on another computer). Close the plan and open it again with the new password; changes you make before that do not reach the file.",
                )
                .to_string(),
            new_password: true,
        }
    }
}

/// What the plan file on disk looked like when this program last read or wrote it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

impl FileStamp {
    pub(super) fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(FileStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        })
    }
}

fn other_path(other: &str, lang: Language) -> Result<PathBuf, IpcError> {
    let trimmed = other.trim();
    if trimmed.is_empty() {
        return Err(IpcError::field(
            "other",
            other,
            lang.pick(
                "Velg kopien som skal slås sammen med planen.",
                "Choose the copy to merge into the plan.",
            ),
        ));
    }
    Ok(PathBuf::from(trimmed))
}

/// Open the other copy read-only, with the open plan's password (a copy of an encrypted plan
/// has the same one).
fn open_other(
    path: &Path,
    password: Option<&Password>,
    now: Instant,
    lang: Language,
) -> Result<PlanFile, IpcError> {
    let options = OpenOptions {
        read_only: true,
        password: password.cloned(),
        ..OpenOptions::new("turnus", now)
    };
    PlanFile::open(path, &options).map_err(|e| {
        IpcError::from_store(&e, lang)
            .with_details(json!({ "field": "other", "value": path.display().to_string() }))
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn row_of(value: &Option<Value>) -> Option<&Map<String, Value>> {
    value.as_ref()?.as_object()
}

impl Session {
    /// The conflict copies of the open plan in its folder: only Turnus plans that are copies
    /// of this very file, newest first.
    pub fn conflict_copies(&self) -> Result<Vec<ConflictCopyView>, IpcError> {
        let (Some(path), Some(identity)) = (self.file.path(), self.file.file_identity()) else {
            return Ok(Vec::new());
        };
        Ok(copies::find(path, &identity, self.file.password())
            .into_iter()
            .map(|copy| ConflictCopyView {
                name: file_name(&copy.path),
                path: copy.path.display().to_string(),
                modified: copy.modified.map(Instant::to_rfc3339),
                modified_local: copy.modified.map(Instant::display_local),
                by: copy.name.by,
            })
            .collect())
    }

    /// What merging the copy at `other` would do, with nothing written.
    pub fn merge_preview(&mut self, now: Instant, other: &str) -> Result<MergePreview, IpcError> {
        let lang = self.lang;
        self.writable()?;
        let path = other_path(other, lang)?;
        let copy = open_other(&path, self.file.password(), now, lang)?;
        let report = self
            .file
            .merge_preview(now, &copy)
            .map_err(|e| self.store_error(&e))?;
        let theirs = copy.load_plan().map_err(|e| self.store_error(&e))?;
        Ok(MergePreview {
            other: other.to_string(),
            auto: self.sentences(&report),
            conflicts: report
                .conflicts
                .iter()
                .map(|c| self.conflict_view(c, &theirs))
                .collect(),
        })
    }

    /// Merge the copy at `other` into the plan as one undo step, taking for each conflict the
    /// side chosen; refused (nothing written) while a conflict has no choice. Afterwards the
    /// copy is moved among the plan's backups, and the answer says where.
    pub fn merge_copy(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        other: &str,
        choices: &[MergeChoice],
    ) -> Result<MergeDone, IpcError> {
        let lang = self.lang;
        super::validate::window(window, lang)?;
        self.writable()?;
        let path = other_path(other, lang)?;
        let copy = open_other(&path, self.file.password(), now, lang)?;
        let choices = Choices {
            each: choices
                .iter()
                .map(|c| (c.conflict.clone(), Side::from(c.take)))
                .collect::<HashMap<_, _>>(),
            all: None,
        };
        let what = format!("merge with {}", file_name(&path));
        let report = self
            .file
            .merge(now, &copy, &choices, &what)
            .map_err(|e| self.store_error(&e))?;
        if !report.unresolved.is_empty() {
            let n = report.unresolved.len();
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                match lang {
                    Language::Nb => format!(
                        "Velg hvilken side som skal gjelde for hver konflikt ({n} uten valg). Ingenting er endret."
                    ),
                    Language::En => format!(
                        "Choose which side holds for every conflict ({n} without a choice). Nothing was changed."
                    ),
                },
            )
            .with_details(json!({ "field": "choices", "unresolved": report.unresolved })));
        }
        drop(copy);
        let kept = self.keep_copy(&path, now)?;
        self.reload()?;
        self.refresh_calendars(now);
        let taken = report.changes.len();
        let message = match lang {
            Language::Nb => format!(
                "Kopien er slått sammen med planen ({taken} {}); angre tar det tilbake. Kopien er lagt blant sikkerhetskopiene: {}.",
                if taken == 1 { "endring" } else { "endringer" },
                kept.display()
            ),
            Language::En => format!(
                "The copy is merged into the plan ({taken} {}); undo takes it back. The copy is kept among the backups: {}.",
                if taken == 1 { "change" } else { "changes" },
                kept.display()
            ),
        };
        Ok(MergeDone {
            view: self.view(window, today)?,
            kept_copy: kept.display().to_string(),
            message,
        })
    }

    /// Move a merged copy out of the plan's folder (so it is not offered again) into the
    /// plan's backup folder, under a name saying what it is; beside the plan when there is no
    /// backup folder. Never deleted.
    fn keep_copy(&self, copy: &Path, now: Instant) -> Result<PathBuf, IpcError> {
        let lang = self.lang;
        let stamp = now.to_rfc3339().replace([':', '-'], "");
        let stamp = stamp.get(..15).unwrap_or(&stamp).to_string();
        let name = format!("{stamp}-merged-{}", file_name(copy));
        let folder = match (self.file.backup_folder(), self.file.path()) {
            (Some(folder), _) => folder,
            (None, Some(plan)) => plan.parent().map(Path::to_path_buf).unwrap_or_default(),
            (None, None) => copy.parent().map(Path::to_path_buf).unwrap_or_default(),
        };
        let io = |e: std::io::Error| {
            IpcError::new(
                ErrorCode::Io,
                match lang {
                    Language::Nb => format!(
                        "Planen er slått sammen, men kopien {} kunne ikke flyttes til sikkerhetskopiene ({e}). Den ligger der den lå.",
                        copy.display()
                    ),
                    Language::En => format!(
                        "The plan is merged, but the copy {} could not be moved to the backups ({e}). It is where it was.",
                        copy.display()
                    ),
                },
            )
        };
        std::fs::create_dir_all(&folder).map_err(io)?;
        let mut target = folder.join(&name);
        if self.file.backup_folder().is_none() {
            target = folder.join(format!("{name}.merged"));
        }
        if std::fs::rename(copy, &target).is_err() {
            std::fs::copy(copy, &target).map_err(io)?;
            std::fs::remove_file(copy).map_err(io)?;
        }
        Ok(target)
    }

    fn sentences(&self, report: &MergeReport) -> Vec<String> {
        let rows: Vec<LogEntry> = report.changes.iter().rev().cloned().collect();
        let sentences = history::sentences(&rows, &self.plan, self.lang);
        report
            .changes
            .iter()
            .filter_map(|c| sentences.get(&c.seq).cloned())
            .collect()
    }

    fn conflict_view(&self, c: &Conflict, theirs: &crate::model::Plan) -> ConflictView {
        let lang = self.lang;
        let row = row_of(&c.ours).or(row_of(&c.theirs));
        let thing = history::thing(c.entity, &c.entity_id, row, &self.plan, lang);
        let deleted = lang.pick("slettet", "deleted").to_string();
        let kept = lang.pick("beholdt", "kept").to_string();
        let changed = lang.pick("endret", "changed").to_string();
        let (label, ours, theirs_text) = match &c.kind {
            ConflictKind::Field => {
                let show = |v: &Option<Value>, plan: &crate::model::Plan| {
                    v.as_ref().map_or_else(
                        || deleted.clone(),
                        |v| history::shown_value(&c.field, v, plan, lang),
                    )
                };
                (
                    format!("{thing}: {}", history::field_name(&c.field, lang)),
                    show(&c.ours, &self.plan),
                    show(&c.theirs, theirs),
                )
            }
            ConflictKind::Deleted => {
                let side = |v: &Option<Value>| {
                    if v.is_some() {
                        changed.clone()
                    } else {
                        deleted.clone()
                    }
                };
                (
                    match lang {
                        Language::Nb => {
                            format!("{thing}: slettet på den ene siden, endret på den andre")
                        }
                        Language::En => {
                            format!("{thing}: deleted on one side, changed on the other")
                        }
                    },
                    side(&c.ours),
                    side(&c.theirs),
                )
            }
            ConflictKind::Used(users) => {
                let names: Vec<String> = users
                    .iter()
                    .map(|(entity, id)| history::thing(*entity, id, None, theirs, lang))
                    .collect();
                let side = |v: &Option<Value>| {
                    if v.is_some() {
                        kept.clone()
                    } else {
                        deleted.clone()
                    }
                };
                (
                    match lang {
                        Language::Nb => format!(
                            "{thing} er slettet på den ene siden, men brukes på den andre: {}",
                            names.join(", ")
                        ),
                        Language::En => format!(
                            "{thing} is deleted on one side but used on the other: {}",
                            names.join(", ")
                        ),
                    },
                    side(&c.ours),
                    side(&c.theirs),
                )
            }
            ConflictKind::Invalid(why) => (
                match lang {
                    Language::Nb => {
                        format!("{thing}: endringene fra begge sider passer ikke sammen ({why})")
                    }
                    Language::En => {
                        format!("{thing}: the changes of the two sides do not fit together ({why})")
                    }
                },
                lang.pick("slik planen har den", "as the plan has it")
                    .to_string(),
                lang.pick("slik kopien har den", "as the copy has it")
                    .to_string(),
            ),
        };
        ConflictView {
            id: c.id.clone(),
            entity: c.entity.key().to_string(),
            entity_id: c.entity_id.clone(),
            label,
            field: c.field.clone(),
            ours,
            theirs: theirs_text,
            deleted_side: c.deleted_side.map(|side| match side {
                Side::Ours => Take::Ours,
                Side::Theirs => Take::Theirs,
            }),
        }
    }

    /// Remember how the file looks now, so only another program's writing counts as a
    /// change on disk.
    pub(super) fn note_disk(&mut self) {
        self.disk = self.file.path().and_then(FileStamp::of);
        if let Ok(mark) = self.file.log_mark() {
            self.mark = mark;
        }
    }

    /// Whether the file on disk looks different from when this program last read or wrote it;
    /// `Some(true)` when it was replaced by another file (a sync client writes a new file and
    /// renames it over the old one).
    pub(super) fn disk_differs(&self) -> Option<bool> {
        let path = self.file.path()?;
        let now = FileStamp::of(path);
        if now == self.disk {
            return None;
        }
        Some(match (now, self.disk) {
            (Some(now), Some(then)) => now.inode != then.inode,
            _ => true,
        })
    }

    /// The changes in the change log that this session had not seen, as a [`DiskChange`];
    /// `old` is the log this session knew (newest first), `None` when nothing new is there.
    pub(super) fn disk_change(&self, old: &[LogEntry]) -> Option<DiskChange> {
        let lang = self.lang;
        let rows = self.file.history(super::HISTORY_SCAN).ok()?;
        let known = |e: &LogEntry| {
            old.iter().any(|o| {
                o.seq == e.seq
                    && o.action == e.action
                    && o.at == e.at
                    && o.by == e.by
                    && o.entity == e.entity
                    && o.entity_id == e.entity_id
            })
        };
        let oldest_known = old.last().map_or(i64::MIN, |o| o.seq);
        let new: Vec<&LogEntry> = rows
            .iter()
            .filter(|e| {
                e.seq >= oldest_known && !known(e) && e.entity != crate::store::merge::RECORD
            })
            .collect();
        let newest = new.first()?;
        let sentences = history::sentences(&rows, &self.plan, lang);
        let mut by: Vec<String> = Vec::new();
        for e in &new {
            if !by.contains(&e.by) {
                by.push(e.by.clone());
            }
        }
        let by = match (by.len(), lang) {
            (0 | 1, _) => by.concat(),
            (_, Language::Nb) => {
                let last = by.pop().unwrap_or_default();
                format!("{} og {last}", by.join(", "))
            }
            (_, Language::En) => {
                let last = by.pop().unwrap_or_default();
                format!("{} and {last}", by.join(", "))
            }
        };
        let what = history::for_action(&new, &sentences, lang);
        let message = match lang {
            Language::Nb => format!("{by} endret planen: {}", what.join(" ")),
            Language::En => format!("{by} changed the plan: {}", what.join(" ")),
        };
        Some(DiskChange {
            by,
            what,
            at: newest.at.to_rfc3339(),
            at_local: newest.at.display_local(),
            message: message.trim_end().to_string(),
            new_password: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_left_empty_names_the_field() {
        let e = other_path("  ", Language::Nb).expect_err("no copy chosen");
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(e.details["field"], "other");
    }
}
