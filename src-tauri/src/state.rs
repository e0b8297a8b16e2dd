//! The app state Tauri manages: the core's [`App`] behind a mutex, shared with the heartbeat
//! thread and the thread that watches the open plan's file on disk. Commands reach it through [`AppState::run`], which hands the clock's `now` and
//! `today` to the core.
//!
//! No global holds it or the app handle: Tauri owns the state, the heartbeat thread owns a
//! clone of the `Arc`.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::NaiveDate;
use turnus::session::merge::DiskChange;
use turnus::session::{App, IpcError};
use turnus::store::lock::HEARTBEAT_EVERY_SECONDS;
use turnus::store::Folders;
use turnus::time::Instant;

use crate::clock;

/// What every command works on. Cloning shares the same app.
#[derive(Clone)]
pub struct AppState {
    app: Arc<Mutex<App>>,
}

impl AppState {
    /// The state for files in `folders`.
    pub fn new(folders: Folders) -> Self {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_default();
        AppState {
            app: Arc::new(Mutex::new(App::new(folders, &user))),
        }
    }

    fn lock(app: &Mutex<App>) -> MutexGuard<'_, App> {
        // A command that panicked left the plan file consistent (every edit is one
        // transaction), so the state is still usable.
        app.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Run `command` on the app with the clock's now and today.
    pub fn run<T>(
        &self,
        command: impl FnOnce(&mut App, Instant, NaiveDate) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let now = clock::now();
        command(&mut Self::lock(&self.app), now, now.local_date())
    }

    /// Renew the open plan's lock every [`HEARTBEAT_EVERY_SECONDS`] on a thread of its own,
    /// for as long as the app runs.
    pub fn start_heartbeat(&self) {
        let app = Arc::downgrade(&self.app);
        let every = Duration::from_secs(u64::try_from(HEARTBEAT_EVERY_SECONDS).unwrap_or(30));
        let spawned = std::thread::Builder::new()
            .name("turnus-heartbeat".into())
            .spawn(move || loop {
                std::thread::sleep(every);
                let Some(app) = app.upgrade() else {
                    return;
                };
                // A lost lock turns the session read-only; its views say so.
                let _ = Self::lock(&app).heartbeat(clock::now());
            });
        if let Err(e) = spawned {
            eprintln!("turnus: could not start the heartbeat: {e}");
        }
    }

    /// Look at the open plan's file every [`DISK_CHECK_EVERY`] on a thread of its own, for as
    /// long as the app runs: when another program (a sync client, the other leader's Turnus)
    /// changed it, the core reads it again and `notify` is told who changed what (the shell
    /// emits it to the window as `plan-changed-on-disk`). Each look is one `stat` of the file
    /// while nothing changed.
    pub fn start_disk_watch(&self, notify: impl Fn(&DiskChange) + Send + 'static) {
        let app = Arc::downgrade(&self.app);
        let spawned = std::thread::Builder::new()
            .name("turnus-disk-watch".into())
            .spawn(move || loop {
                std::thread::sleep(DISK_CHECK_EVERY);
                let Some(app) = app.upgrade() else {
                    return;
                };
                let change = Self::lock(&app).check_disk(clock::now());
                drop(app);
                // A file that cannot be read now (half-written by a sync client) is looked at
                // again next time.
                if let Ok(Some(change)) = change {
                    notify(&change);
                }
            });
        if let Err(e) = spawned {
            eprintln!("turnus: could not start watching the plan file: {e}");
        }
    }
}

/// How often the open plan's file is looked at for changes by other programs.
pub const DISK_CHECK_EVERY: Duration = Duration::from_secs(2);

/// The event the window gets when the open plan's file was changed by another program; its
/// payload is the core's `DiskChange`.
pub const PLAN_CHANGED_ON_DISK: &str = "plan-changed-on-disk";
