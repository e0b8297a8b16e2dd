//! Conflict copies: the files a sync client writes beside a plan when two computers changed it
//! before it could sync, so that they can be offered for merging.
//!
//! [`conflict_copy_of`] is a pure function over two file names; [`find`] scans the plan's
//! folder with it and keeps only the files that are Turnus plans with the plan's own file
//! identity (a copy of another plan that happens to share a name is never offered). What each
//! sync client writes, for a plan `Plan.turnus`:
//!
//! | client | conflict copy |
//! |---|---|
//! | Dropbox | `Plan (Kari's conflicted copy 2026-03-01).turnus`, `Plan (konfliktkopi fra Kari 2026-03-01).turnus` |
//! | OneDrive | `Plan-KARI-PC.turnus` (the computer's name) |
//! | Google Drive | `Plan (1).turnus` |
//! | Nextcloud / ownCloud | `Plan (conflicted copy 2026-03-01 101500).turnus`, `Plan_conflict-20260301-101500.turnus` |
//! | Syncthing | `Plan.sync-conflict-20260301-101500-ABCDEFG.turnus` |
//!
//! Merging is `super::merge`'s job; this module only recognises.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{OpenOptions, Password, PlanFile};
use crate::time::Instant;

/// Which sync client's pattern a conflict copy's name follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncClient {
    Dropbox,
    OneDrive,
    GoogleDrive,
    Nextcloud,
    Syncthing,
}

/// What a conflict copy's name tells: the client, and who or which computer made it when the
/// name says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyName {
    pub client: SyncClient,
    /// The person or computer named in the copy (`Kari`, `KARI-PC`, `ABCDEFG`), if any.
    pub by: Option<String>,
}

/// A conflict copy found beside a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    pub path: PathBuf,
    pub name: CopyName,
    /// When the file was last written, as the file system says.
    pub modified: Option<Instant>,
}

/// Whether `candidate` (a file name) is a sync client's conflict copy of the plan named
/// `plan` (a file name), and what its name tells.
///
/// ```
/// use turnus::store::copies::{conflict_copy_of, SyncClient};
/// let copy = conflict_copy_of("Plan.turnus", "Plan (Kari's conflicted copy 2026-03-01).turnus");
/// assert_eq!(copy.map(|c| c.client), Some(SyncClient::Dropbox));
/// assert!(conflict_copy_of("Plan.turnus", "Plan.turnus").is_none());
/// ```
pub fn conflict_copy_of(plan: &str, candidate: &str) -> Option<CopyName> {
    let (stem, ext) = split_ext(plan)?;
    let (other, other_ext) = split_ext(candidate)?;
    if !ext.eq_ignore_ascii_case(other_ext) || other == stem {
        return None;
    }
    // Syncthing: STEM.sync-conflict-YYYYMMDD-HHMMSS-DEVICE
    if let Some(rest) = other
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix(".sync-conflict-"))
    {
        let parts: Vec<&str> = rest.splitn(3, '-').collect();
        if parts.len() >= 2 && digits(parts[0], 8) && digits(parts[1], 6) {
            return Some(CopyName {
                client: SyncClient::Syncthing,
                by: parts
                    .get(2)
                    .map(|d| d.to_string())
                    .filter(|d| !d.is_empty()),
            });
        }
        return None;
    }
    // Nextcloud's newer desktop client: STEM_conflict-YYYYMMDD-HHMMSS
    if let Some(rest) = other
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix("_conflict-"))
    {
        let parts: Vec<&str> = rest.split('-').collect();
        if parts.len() == 2 && digits(parts[0], 8) && digits(parts[1], 6) {
            return Some(CopyName {
                client: SyncClient::Nextcloud,
                by: None,
            });
        }
        return None;
    }
    // Dropbox, Nextcloud, Google Drive: STEM (…)
    if let Some(inner) = other
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix(" ("))
        .and_then(|r| r.strip_suffix(')'))
    {
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            return Some(CopyName {
                client: SyncClient::GoogleDrive,
                by: None,
            });
        }
        let lower = inner.to_lowercase();
        if lower.starts_with("conflicted copy") {
            return Some(CopyName {
                client: SyncClient::Nextcloud,
                by: None,
            });
        }
        if let Some(at) = lower.find("'s conflicted copy") {
            return Some(CopyName {
                client: SyncClient::Dropbox,
                by: Some(inner[..at].to_string()).filter(|b| !b.is_empty()),
            });
        }
        if lower.contains("conflicted copy") {
            return Some(CopyName {
                client: SyncClient::Dropbox,
                by: None,
            });
        }
        // Dropbox in Norwegian: «konfliktkopi fra NAVN DATO» / «NAVNs konfliktkopi DATO».
        if let Some(rest) = inner.strip_prefix("konfliktkopi fra ") {
            let by = rest.rsplit_once(' ').map_or(rest, |(name, _)| name);
            return Some(CopyName {
                client: SyncClient::Dropbox,
                by: Some(by.to_string()).filter(|b| !b.is_empty()),
            });
        }
        if lower.contains("konfliktkopi") {
            return Some(CopyName {
                client: SyncClient::Dropbox,
                by: None,
            });
        }
        return None;
    }
    // OneDrive: STEM-COMPUTERNAME (a computer's name: letters, digits and dashes, no spaces).
    if let Some(computer) = other.strip_prefix(stem).and_then(|r| r.strip_prefix('-')) {
        let plausible = !computer.is_empty()
            && computer.len() <= 63
            && computer
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if plausible {
            return Some(CopyName {
                client: SyncClient::OneDrive,
                by: Some(computer.to_string()),
            });
        }
    }
    None
}

fn split_ext(name: &str) -> Option<(&str, &str)> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then_some((stem, ext))
}

fn digits(text: &str, n: usize) -> bool {
    text.len() == n && text.chars().all(|c| c.is_ascii_digit())
}

/// The conflict copies of the plan file at `plan` in its folder: files whose names follow a
/// sync client's pattern and that open as Turnus plans with the same file identity as
/// `identity`. An encrypted copy is opened with `password` (the plan's own): a copy whose
/// password was changed on the other side cannot be told apart from another file, and is left
/// out. Files that cannot be read, other plans and other files are left out; the newest copy
/// comes first.
pub fn find(plan: &Path, identity: &str, password: Option<&Password>) -> Vec<ConflictCopy> {
    let (Some(folder), Some(name)) = (plan.parent(), plan.file_name().and_then(|n| n.to_str()))
    else {
        return Vec::new();
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<ConflictCopy> = entries
        .flatten()
        .filter_map(|entry| {
            let candidate = entry.file_name();
            let copy = conflict_copy_of(name, candidate.to_str()?)?;
            let path = entry.path();
            if !entry.file_type().ok()?.is_file() || !same_plan(&path, identity, password) {
                return None;
            }
            let modified = entry
                .metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map(|d| Instant::from_unix(i64::try_from(d.as_secs()).unwrap_or(i64::MAX)));
            Some(ConflictCopy {
                path,
                name: copy,
                modified,
            })
        })
        .collect();
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    found
}

/// Whether the file at `path` is a Turnus plan with the file identity `identity`. It is
/// opened read-only and never changed.
fn same_plan(path: &Path, identity: &str, password: Option<&Password>) -> bool {
    let options = OpenOptions {
        read_only: true,
        password: password.cloned(),
        ..OpenOptions::new("turnus", Instant::from_unix(0))
    };
    PlanFile::open(path, &options)
        .ok()
        .and_then(|file| file.file_identity())
        .is_some_and(|found| found == identity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(candidate: &str) -> Option<SyncClient> {
        conflict_copy_of("Turnus for Ingrid.turnus", candidate).map(|c| c.client)
    }

    #[test]
    fn the_names_sync_clients_give_conflict_copies_are_recognised() {
        let cases = [
            (
                "Turnus for Ingrid (Kari Nordmann's conflicted copy 2026-03-01).turnus",
                SyncClient::Dropbox,
                Some("Kari Nordmann"),
            ),
            (
                "Turnus for Ingrid (conflicted copy 2026-03-01).turnus",
                SyncClient::Nextcloud,
                None,
            ),
            (
                "Turnus for Ingrid (konfliktkopi fra Kari 2026-03-01).turnus",
                SyncClient::Dropbox,
                Some("Kari"),
            ),
            (
                "Turnus for Ingrid-KARI-PC.turnus",
                SyncClient::OneDrive,
                Some("KARI-PC"),
            ),
            (
                "Turnus for Ingrid (1).turnus",
                SyncClient::GoogleDrive,
                None,
            ),
            (
                "Turnus for Ingrid (12).turnus",
                SyncClient::GoogleDrive,
                None,
            ),
            (
                "Turnus for Ingrid (conflicted copy 2026-03-01 101500).turnus",
                SyncClient::Nextcloud,
                None,
            ),
            (
                "Turnus for Ingrid_conflict-20260301-101500.turnus",
                SyncClient::Nextcloud,
                None,
            ),
            (
                "Turnus for Ingrid.sync-conflict-20260301-101500-7A2BXQF.turnus",
                SyncClient::Syncthing,
                Some("7A2BXQF"),
            ),
        ];
        for (name, expected, by) in cases {
            let copy = conflict_copy_of("Turnus for Ingrid.turnus", name)
                .unwrap_or_else(|| panic!("{name} is a conflict copy"));
            assert_eq!(copy.client, expected, "{name}");
            assert_eq!(copy.by.as_deref(), by, "{name} names who made it");
        }
    }

    #[test]
    fn the_plan_itself_other_plans_and_other_files_are_not_conflict_copies() {
        for name in [
            "Turnus for Ingrid.turnus",
            "Turnus for Ingrid (Kari's conflicted copy 2026-03-01).pdf",
            "Turnus for Ingrid.turnus-journal",
            "Turnus for Ingrid 2.turnus",
            "Turnus for Per.turnus",
            "Turnus for Per (1).turnus",
            "Turnus for Ingrid (utkast).turnus",
            "Turnus for Ingrid-gammel kopi.turnus",
            "Turnus for Ingrid.sync-conflict-2026-x.turnus",
            "Turnus for Ingrid (a1).turnus",
        ] {
            assert_eq!(client(name), None, "{name} is no conflict copy");
        }
    }
}
