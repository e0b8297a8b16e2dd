//! The user's own Turnus settings and recent files, in `config.json` in the config folder.
//!
//! Small, forgiving and written atomically (temporary file, then rename): an unreadable file
//! gives the defaults rather than stopping the program, and unknown keys from a newer Turnus
//! are kept. Plan contents never live here; they are in the plan file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::{Result, StoreError};
use super::folders::Folders;
use super::new_id;

/// Recent files remembered.
pub const RECENT_LIMIT: usize = 10;

const FILE_NAME: &str = "config.json";

/// The user's settings and recent files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// The user's name, for the change log and the lock notice.
    #[serde(default)]
    pub user_name: String,
    /// `nb` (bokmål, the default) or `en`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Plan files opened lately, most recent first.
    #[serde(default)]
    pub recent: Vec<PathBuf>,
    /// Keys written by another Turnus version, kept as they were.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

fn default_language() -> String {
    String::from("nb")
}

impl Config {
    /// The path of the config file.
    pub fn path(folders: &Folders) -> PathBuf {
        folders.config.join(FILE_NAME)
    }

    /// Read the config; a missing file gives the defaults, an unreadable one an error.
    pub fn load(folders: &Folders) -> Result<Self> {
        let path = Self::path(folders);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config {
                    language: default_language(),
                    ..Config::default()
                })
            }
            Err(e) => return Err(StoreError::io(format!("cannot read {}", path.display()))(e)),
        };
        serde_json::from_str(&text).map_err(|e| StoreError::Io {
            context: format!("cannot read {}", path.display()),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })
    }

    /// Read the config, falling back to the defaults when it cannot be read.
    pub fn load_or_default(folders: &Folders) -> Self {
        Self::load(folders).unwrap_or_else(|_| Config {
            language: default_language(),
            ..Config::default()
        })
    }

    /// Write the config atomically, creating the folder if needed.
    pub fn save(&self, folders: &Folders) -> Result<()> {
        let path = Self::path(folders);
        let context = || format!("cannot write {}", path.display());
        std::fs::create_dir_all(&folders.config).map_err(StoreError::io(context()))?;
        let text = serde_json::to_string_pretty(self).map_err(|e| StoreError::Io {
            context: context(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        let temp = folders.config.join(format!(".{FILE_NAME}.{}", new_id()));
        std::fs::write(&temp, text)
            .and_then(|()| std::fs::File::open(&temp)?.sync_all())
            .and_then(|()| std::fs::rename(&temp, &path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                StoreError::io(context())(e)
            })
    }

    /// Put `plan` first in the recent files (once), keeping at most [`RECENT_LIMIT`].
    pub fn remember(&mut self, plan: &Path) {
        let plan = std::fs::canonicalize(plan).unwrap_or_else(|_| plan.to_path_buf());
        self.recent.retain(|p| p != &plan);
        self.recent.insert(0, plan);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Drop `plan` from the recent files (it was moved or deleted).
    pub fn forget(&mut self, plan: &Path) {
        let canonical = std::fs::canonicalize(plan).unwrap_or_else(|_| plan.to_path_buf());
        self.recent.retain(|p| p != plan && p != &canonical);
    }
}
