//! The desktop shell of Turnus: wiring only. Commands live in [`commands`] (one line each,
//! delegating to `turnus::session`), the managed state and the heartbeat in [`state`], the
//! error that crosses IPC in [`error`], and the one clock read in [`clock`].

pub mod clock;
pub mod commands;
pub mod error;
pub mod state;

use commands::{app, export, plan, rotations, shifts, team};
use tauri::Manager;
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
        // A plan that cannot be opened leaves the start page, which lists it among the
        // recent plans when it exists.
        let opened = state
            .run(|app, now, today| app.open_plan(now, today, &path.display().to_string(), false));
        if let Err(error) = opened {
            eprintln!("turnus: {}: {error}", path.display());
        }
    }
    state.start_heartbeat();
    let context = tauri::generate_context!("../tauri.conf.json");
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            app::app_settings,
            app::save_app_settings,
            app::recent_plans,
            plan::open_plan,
            plan::create_plan,
            plan::open_demo,
            plan::close_plan,
            plan::plan_view,
            plan::undo,
            plan::redo,
            plan::history,
            plan::update_settings,
            plan::set_profile,
            shifts::add_shift,
            shifts::update_shift,
            shifts::delete_shift,
            team::save_assistant,
            team::delete_assistant,
            team::save_vedtak,
            team::delete_vedtak,
            team::save_shift_type,
            team::delete_shift_type,
            rotations::save_rotation,
            rotations::delete_rotation,
            rotations::apply_rotation,
            export::export_preview,
            export::export_pdf,
            export::export_ics,
            export::set_calendar_folder,
            commands::busy::import_busy,
            commands::busy::remove_busy,
        ])
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
