//! Where Turnus keeps its own files: the data folder (backups) and the config folder (recent
//! files, settings).
//!
//! The folders come from the operating system's conventions (`directories`), unless
//! `TURNUS_DATA_DIR` / `TURNUS_CONFIG_DIR` name others, and every function that uses them takes
//! a [`Folders`], so tests and portable installs never touch the real home folder.

use std::path::PathBuf;

use super::error::{Result, StoreError};

/// Environment variable naming the data folder (backups).
pub const DATA_DIR_ENV: &str = "TURNUS_DATA_DIR";
/// Environment variable naming the config folder (recent files, settings).
pub const CONFIG_DIR_ENV: &str = "TURNUS_CONFIG_DIR";

/// The data and config folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folders {
    pub data: PathBuf,
    pub config: PathBuf,
}

impl Folders {
    /// Both folders inside `root` (`root/data`, `root/config`), for tests and portable use.
    pub fn under(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Folders {
            data: root.join("data"),
            config: root.join("config"),
        }
    }

    /// The folders from `TURNUS_DATA_DIR`/`TURNUS_CONFIG_DIR`, or else the user's standard
    /// folders for Turnus.
    ///
    /// ```
    /// std::env::set_var("TURNUS_DATA_DIR", "/tmp/turnus-doc/data");
    /// std::env::set_var("TURNUS_CONFIG_DIR", "/tmp/turnus-doc/config");
    /// let folders = turnus::store::Folders::from_env().unwrap();
    /// assert!(folders.data.ends_with("data"));
    /// ```
    pub fn from_env() -> Result<Self> {
        let env = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let project = || directories::ProjectDirs::from("no", "Turnus", "Turnus");
        let data = match env(DATA_DIR_ENV) {
            Some(dir) => dir,
            None => project()
                .ok_or(StoreError::NoDataFolder)?
                .data_dir()
                .to_path_buf(),
        };
        let config = match env(CONFIG_DIR_ENV) {
            Some(dir) => dir,
            None => project()
                .ok_or(StoreError::NoDataFolder)?
                .config_dir()
                .to_path_buf(),
        };
        Ok(Folders { data, config })
    }

    /// The folder holding every plan's backups.
    pub fn backups(&self) -> PathBuf {
        self.data.join("backups")
    }
}
