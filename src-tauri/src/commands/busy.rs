//! Commands about busy time: an assistant's work for another employer, imported from their
//! other calendar (.ics) so the rest and total-hours rules count it.

use std::path::Path;

use tauri::State;
use turnus::session::busy::BusyImportView;
use turnus::session::{IpcError, PlanView, Window};

use crate::state::AppState;

/// Import the calendar file at `path` as busy time of the assistant `assistant`, replacing
/// what a calendar of the same name gave them before.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_busy(
    state: State<'_, AppState>,
    window: Window,
    assistant: String,
    path: String,
) -> Result<BusyImportView, IpcError> {
    state.run(|app, now, today| {
        app.session()?
            .import_busy(now, today, &window, &assistant, Path::new(&path))
    })
}

/// Remove the busy time the calendar `source` gave the assistant `assistant`.
#[tauri::command(rename_all = "snake_case")]
pub async fn remove_busy(
    state: State<'_, AppState>,
    window: Window,
    assistant: String,
    source: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| {
        app.session()?
            .remove_busy(now, today, &window, &assistant, &source)
    })
}
