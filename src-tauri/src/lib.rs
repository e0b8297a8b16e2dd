//! The desktop shell of Turnus: wiring only. [`commands`] adapts the core's command table
//! (`turnus::session::commands`) to Tauri's IPC, the managed state, the heartbeat and the
//! watch on the open plan's file in [`state`], the
//! error that crosses IPC in [`error`], and the one clock read in [`clock`].

pub mod clock;
pub mod commands;
pub mod error;
pub mod state;

use tauri::{Emitter, Manager};
use turnus::store::Folders;

/// Open the main window and run until it closes; with `plan`, that plan file is open from the
/// start (the UI's first `plan_view` shows it instead of answering `no_plan`).
pub fn run(plan: Option<std::path::PathBuf>) {
    let folders = match Folders::from_env() {
        Ok(folders) => folders,
        Err(error) => {
            eprintln!("turnus: {error}");
            std::process::exit(1);
        }
    };
    let state = state::AppState::new(folders);
    if let Some(path) = plan {
        // A plan that cannot be opened leaves the start page, which asks for its password or
        // says why (`start_refusal`).
        let path = path.display().to_string();
        let _ = state.run(|app, now, today| {
            app.open_at_start(now, today, &path);
            Ok::<(), turnus::session::IpcError>(())
        });
    }
    state.start_heartbeat();
    let context = tauri::generate_context!("../tauri.conf.json");
    let watched = state.clone();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |tauri_app| {
            let handle = tauri_app.handle().clone();
            watched.start_disk_watch(move |change| {
                let _ = handle.emit(state::PLAN_CHANGED_ON_DISK, change);
            });
            Ok(())
        })
        .manage(state)
        .invoke_handler(commands::handle)
        .build(context);
    match result {
        Ok(tauri_app) => tauri_app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                // Give the lock up at once rather than leaving it to go stale.
                let _ = handle
                    .state::<state::AppState>()
                    .run(|app, _, _| app.close_plan());
            }
        }),
        Err(error) => {
            eprintln!("turnus: could not open the window: {error}");
            std::process::exit(1);
        }
    }
}
