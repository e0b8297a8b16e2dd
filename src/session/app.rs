//! The app outside any window: the folders Turnus keeps its files in, the user's settings and
//! recent plans, and the one [`Session`] open at a time. The shell holds one [`App`] behind a
//! mutex and hands every command to it with the clock's `now` and `today`.
//!
//! Opening goes through here so recent plans stay current and the previous plan is closed
//! (its lock given up) exactly when another takes its place.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{
    this_week, AppSettings, ErrorCode, IpcError, Language, NewPlanInput, PlanView, RecentPlan,
    Session,
};
use crate::store::config::Config;
use crate::store::{Folders, OpenOptions, Password, StoreError};
use crate::time::Instant;
use ts_rs::TS;

/// The file name of the demo plan in the data folder.
pub const DEMO_FILE: &str = "Demoplan.turnus";

/// The config key holding when each recent plan was last opened.
const OPENED_KEY: &str = "opened";

/// The config key holding each plan's calendar folder on this computer, by plan path.
const CALENDAR_FOLDERS_KEY: &str = "calendar_folders";

/// The app's state: folders, settings, and the open plan, if any.
pub struct App {
    folders: Folders,
    /// The name for the change log when the user has given none.
    fallback_user: String,
    config: Config,
    session: Option<Session>,
    /// Why the plan the program was started with did not open, until the UI asks.
    start_refusal: Option<StartRefusal>,
}

/// The plan file the program was started with (a double-click on it, `turnus PLAN.turnus`)
/// and why it did not open: the start page shows the sentence, or asks for the password when
/// the code is `password_needed`.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct StartRefusal {
    pub path: String,
    pub error: IpcError,
}

impl App {
    /// The app with its files in `folders`; `fallback_user` names the user in the change log
    /// until they give their own name in the settings.
    pub fn new(folders: Folders, fallback_user: &str) -> Self {
        let config = Config::load_or_default(&folders);
        App {
            folders,
            fallback_user: fallback_user.trim().to_string(),
            config,
            session: None,
            start_refusal: None,
        }
    }

    /// Open the plan file the program was started with. When it does not open, the refusal
    /// is kept for [`App::take_start_refusal`]: the window is not open yet to show it.
    pub fn open_at_start(&mut self, now: Instant, today: NaiveDate, path: &str) {
        self.start_refusal =
            self.open_plan(now, today, path, false)
                .err()
                .map(|error| StartRefusal {
                    path: path.to_string(),
                    error,
                });
    }

    /// Why the plan the program was started with did not open, once (the start page asks
    /// when it first shows); `None` when it opened or there was none.
    pub fn take_start_refusal(&mut self) -> Option<StartRefusal> {
        self.start_refusal.take()
    }

    /// The user's settings.
    pub fn settings(&self) -> AppSettings {
        AppSettings::from_config(&self.config)
    }

    fn lang(&self) -> Language {
        self.settings().language
    }

    fn user(&self) -> String {
        let named = self.config.user_name.trim();
        if !named.is_empty() {
            named.to_string()
        } else if !self.fallback_user.is_empty() {
            self.fallback_user.clone()
        } else {
            "Turnus".to_string()
        }
    }

    /// Save the user's settings; the open plan's sentences follow the new language at once.
    pub fn save_settings(&mut self, settings: &AppSettings) -> Result<AppSettings, IpcError> {
        settings.validate()?;
        let mut config = self.config.clone();
        settings.write_into(&mut config);
        config
            .save(&self.folders)
            .map_err(|e| IpcError::from_store(&e, settings.language))?;
        self.config = config;
        let user = self.user();
        if let Some(session) = &mut self.session {
            session.set_language(settings.language);
            // The name given in the settings is stamped on the next change, not only after
            // the plan is opened again.
            session.set_user(&user);
        }
        Ok(self.settings())
    }

    /// Plan files opened lately, most recent first.
    pub fn recent_plans(&self) -> Vec<RecentPlan> {
        let opened = self.config.other.get(OPENED_KEY).and_then(Value::as_object);
        self.config
            .recent
            .iter()
            .map(|path| {
                let key = path.display().to_string();
                RecentPlan {
                    name: path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| key.clone()),
                    last_opened: opened
                        .and_then(|o| o.get(&key))
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    exists: path.is_file(),
                    path: key,
                }
            })
            .collect()
    }

    /// The open session, or the `no_plan` error.
    pub fn session(&mut self) -> Result<&mut Session, IpcError> {
        let lang = self.lang();
        self.session.as_mut().ok_or_else(|| IpcError::no_plan(lang))
    }

    fn options(&self, now: Instant, take_over: bool) -> OpenOptions {
        let mut options = OpenOptions::new(&self.user(), now).with_backups(self.folders.clone());
        options.take_over = take_over;
        options
    }

    /// Close the open plan, if any, giving up its lock.
    pub fn close_plan(&mut self) -> Result<(), IpcError> {
        match self.session.take() {
            Some(session) => session.close(),
            None => Ok(()),
        }
    }

    /// The open session, when it is the plan file at `path`.
    fn open_at(&self, path: &Path) -> Option<&Session> {
        self.session.as_ref().filter(|s| {
            s.path().is_some_and(|open| {
                let canonical =
                    |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                canonical(open) == canonical(path)
            })
        })
    }

    /// Close the open plan when it is the file at `path`, so opening it again is not refused
    /// as "in use" by this very program.
    fn close_if_same(&mut self, path: &Path) -> Result<(), IpcError> {
        if self.open_at(path).is_some() {
            self.close_plan()?;
        }
        Ok(())
    }

    fn install(
        &mut self,
        session: Session,
        now: Instant,
        today: NaiveDate,
        remember: bool,
    ) -> Result<PlanView, IpcError> {
        if let Some(previous) = self.session.replace(session) {
            // The new plan is open; failing to give up the old lock only leaves it to go
            // stale, so it does not undo the opening.
            let _ = previous.close();
        }
        self.restore_calendar_folder(now);
        if remember {
            if let Some(path) = self
                .session
                .as_ref()
                .and_then(|s| s.path())
                .map(Path::to_path_buf)
            {
                self.remember(&path, now);
            }
        }
        self.session()?.view(&this_week(today), today)
    }

    fn remember(&mut self, path: &Path, now: Instant) {
        let mut config = self.config.clone();
        config.remember(path);
        let mut opened = config
            .other
            .get(OPENED_KEY)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_else(Map::new);
        if let Some(first) = config.recent.first() {
            opened.insert(first.display().to_string(), json!(now.to_rfc3339()));
        }
        let kept: Vec<String> = config
            .recent
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        opened.retain(|k, _| kept.contains(k));
        config
            .other
            .insert(OPENED_KEY.into(), Value::Object(opened));
        // Recent plans are a convenience: a config that cannot be written never stops a plan
        // from opening.
        if config.save(&self.folders).is_ok() {
            self.config = config;
        }
    }

    /// Open the plan file at `path`; with `take_over`, take it from a program that holds it.
    /// The view opens on the week of `today`.
    ///
    /// A plan file protected by a password fails with `password_needed`: ask for it and call
    /// [`App::open_plan_with_password`].
    pub fn open_plan(
        &mut self,
        now: Instant,
        today: NaiveDate,
        path: &str,
        take_over: bool,
    ) -> Result<PlanView, IpcError> {
        self.open_plan_with(now, today, path, take_over, None)
    }

    /// [`App::open_plan`] for a plan file protected by a password: `wrong_password` when it is
    /// not the file's (another plan open before stays open then). The password is kept in memory
    /// only while the plan is open; a plan without a password opens as with `open_plan`.
    pub fn open_plan_with_password(
        &mut self,
        now: Instant,
        today: NaiveDate,
        path: &str,
        password: Password,
        take_over: bool,
    ) -> Result<PlanView, IpcError> {
        self.open_plan_with(now, today, path, take_over, Some(password))
    }

    fn open_plan_with(
        &mut self,
        now: Instant,
        today: NaiveDate,
        path: &str,
        take_over: bool,
        password: Option<Password>,
    ) -> Result<PlanView, IpcError> {
        let lang = self.lang();
        let path = checked_path(path, lang)?;
        // The open plan opened again (taken over from another program, read again): the
        // password it was opened with still opens it.
        let password =
            password.or_else(|| self.open_at(&path).and_then(|s| s.file.password().cloned()));
        self.close_if_same(&path)?;
        let mut options = self.options(now, take_over);
        options.password = password;
        let session = Session::open(&path, &options, lang);
        let session = match session {
            Ok(session) => session,
            Err(e) => {
                if e.code == ErrorCode::NotFound {
                    self.config.forget(&path);
                    let _ = self.config.save(&self.folders);
                }
                return Err(e);
            }
        };
        self.install(session, now, today, true)
    }

    /// Create a plan file at `path` from the guide's answers and open it.
    pub fn create_plan(
        &mut self,
        now: Instant,
        today: NaiveDate,
        path: &str,
        input: &NewPlanInput,
    ) -> Result<PlanView, IpcError> {
        let lang = self.lang();
        let mut path = checked_path(path, lang)?;
        if path.extension().is_none_or(|e| e != "turnus") {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(".turnus");
            path.set_file_name(name);
        }
        let session = Session::create(&path, input, &self.options(now, false), lang)?;
        self.install(session, now, today, true)
    }

    /// Open the demo plan as of `today`: written once to the data folder, then reused.
    pub fn open_demo(&mut self, now: Instant, today: NaiveDate) -> Result<PlanView, IpcError> {
        let lang = self.lang();
        let path = self.folders.data.join(DEMO_FILE);
        self.close_if_same(&path)?;
        let options = self.options(now, false);
        let session = if path.exists() {
            Session::open(&path, &options, lang)?
        } else {
            std::fs::create_dir_all(&self.folders.data).map_err(|e| {
                IpcError::from_store(
                    &StoreError::Io {
                        context: format!("cannot create {}", self.folders.data.display()),
                        source: e,
                    },
                    lang,
                )
            })?;
            let plan = crate::demo::demo_plan(today);
            let file = crate::store::transfer::import_plan(&plan, &path, &options)
                .map_err(|e| IpcError::from_store(&e, lang))?;
            Session::from_file(file, lang)?
        };
        self.install(session, now, today, false)
    }

    /// Give the open session the calendar folder this computer keeps for its plan, and bring
    /// the calendars up to date (the plan may have changed elsewhere since).
    fn restore_calendar_folder(&mut self, now: Instant) {
        let folders = self.config.other.get(CALENDAR_FOLDERS_KEY);
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let Some(dir) = session
            .path()
            .and_then(|plan| super::export::folder_for(folders, plan))
        else {
            return;
        };
        session.keep_calendar_folder(dir, now);
    }

    /// Keep the open plan's calendars in `folder` on this computer from now on, writing them
    /// at once; `None` stops. The choice is remembered for this plan, so it holds the next
    /// time the plan opens here. Returns the view of `window`.
    pub fn set_calendar_folder(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &super::Window,
        folder: Option<&str>,
    ) -> Result<PlanView, IpcError> {
        let lang = self.lang();
        let dir = folder
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(PathBuf::from);
        super::validate::window(window, lang)?;
        let plan = self
            .session
            .as_ref()
            .ok_or_else(|| IpcError::no_plan(lang))?
            .path()
            .map(Path::to_path_buf);
        if let (Some(plan), Some(dir)) = (&plan, &dir) {
            if let Some(other) = self.plan_using_folder(dir, plan) {
                return Err(IpcError::field(
                    "folder",
                    dir.display().to_string(),
                    match lang {
                        Language::Nb => format!(
                            "Planen {} skriver allerede kalendere til denne mappen. Velg en egen mappe for hver plan, så blandes ikke vaktene.",
                            other.display()
                        ),
                        Language::En => format!(
                            "The plan {} already writes calendars to this folder. Choose a folder of its own for each plan, so their shifts are not mixed.",
                            other.display()
                        ),
                    },
                ));
            }
        }
        let session = self
            .session
            .as_mut()
            .ok_or_else(|| IpcError::no_plan(lang))?;
        let previous = session.calendars.clone();
        session.set_calendar_folder(dir.clone(), now)?;
        if let Some(plan) = plan {
            let mut config = self.config.clone();
            let mut map = config
                .other
                .get(CALENDAR_FOLDERS_KEY)
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_else(Map::new);
            let key = plan.display().to_string();
            match &dir {
                Some(d) => {
                    map.insert(key, json!(d.display().to_string()));
                }
                None => {
                    map.remove(&key);
                }
            }
            config
                .other
                .insert(CALENDAR_FOLDERS_KEY.into(), Value::Object(map));
            if let Err(e) = config.save(&self.folders) {
                // Unsaved, the choice would not hold the next time the plan opens: undo it.
                if let Some(session) = self.session.as_mut() {
                    session.calendars = previous;
                }
                return Err(IpcError::from_store(&e, lang));
            }
            self.config = config;
        }
        self.session()?.view(window, today)
    }

    /// Another plan on this computer that keeps its calendars in `dir`, if any.
    fn plan_using_folder(&self, dir: &Path, plan: &Path) -> Option<PathBuf> {
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let wanted = canonical(dir);
        self.config
            .other
            .get(CALENDAR_FOLDERS_KEY)?
            .as_object()?
            .iter()
            .filter(|(other, _)| canonical(Path::new(other.as_str())) != canonical(plan))
            .find(|(_, folder)| {
                folder
                    .as_str()
                    .is_some_and(|f| canonical(Path::new(f)) == wanted)
            })
            .map(|(other, _)| PathBuf::from(other))
    }

    /// Whether another program (a sync client, the other leader's Turnus, the command line)
    /// changed the open plan's file since this program last read or wrote it. If so the plan
    /// is read again — opened anew when the file was replaced by another — and the answer says
    /// who changed what, from the change log; the UI then reloads its view. `None` when
    /// nothing changed, no plan is open, or the change holds no new edits (another program
    /// taking or renewing its lock). Cheap when nothing changed: one look at the file's size,
    /// time and identity on disk, so the shell can ask every 2 s.
    pub fn check_disk(
        &mut self,
        now: Instant,
    ) -> Result<Option<super::merge::DiskChange>, IpcError> {
        let lang = self.lang();
        let Some(session) = self.session.as_mut() else {
            return Ok(None);
        };
        let Some(replaced) = session.disk_differs() else {
            return Ok(None);
        };
        let old = session
            .file
            .history(super::HISTORY_SCAN)
            .map_err(|e| IpcError::from_store(&e, lang))?;
        if !replaced {
            // Written in place: this connection reads what the other program committed.
            let mark = session
                .file
                .log_mark()
                .map_err(|e| IpcError::from_store(&e, lang))?;
            if mark == session.mark {
                session.note_disk();
                return Ok(None);
            }
            session.reload()?;
            return Ok(session.disk_change(&old));
        }
        let Some(path) = session.path().map(Path::to_path_buf) else {
            return Ok(None);
        };
        // A plan with a password: the new file is read with the same one.
        let password = session.file.password().cloned();
        // The new file must open before the old one is given up; a file half-written by a
        // sync client is tried again at the next look.
        let probe = crate::store::PlanFile::open(
            &path,
            &OpenOptions {
                read_only: true,
                password: password.clone(),
                ..OpenOptions::new("turnus", now)
            },
        );
        match probe {
            Ok(file) => drop(file),
            // Given a new password on the other computer: say so once (the stamp is noted),
            // since this copy can no longer follow the file.
            Err(StoreError::WrongPassword(_) | StoreError::PasswordNeeded(_)) => {
                session.note_disk();
                return Ok(Some(super::merge::DiskChange::new_password(lang, now)));
            }
            Err(_) => return Ok(None),
        }
        let options = OpenOptions {
            password,
            ..self.options(now, false)
        };
        let session = Session::open(&path, &options, lang)?;
        if let Some(previous) = self.session.replace(session) {
            // The old connection holds the replaced file; giving its lock up there is moot.
            let _ = previous.close();
        }
        self.restore_calendar_folder(now);
        Ok(self.session.as_ref().and_then(|s| s.disk_change(&old)))
    }

    /// Renew the open plan's heartbeat; nothing when no plan is open.
    pub fn heartbeat(&mut self, now: Instant) -> Result<(), IpcError> {
        match &mut self.session {
            Some(session) => session.heartbeat(now),
            None => Ok(()),
        }
    }
}

fn checked_path(path: &str, lang: Language) -> Result<PathBuf, IpcError> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(IpcError::field(
            "path",
            path,
            lang.pick("Velg en fil.", "Choose a file."),
        ));
    }
    Ok(PathBuf::from(trimmed))
}
