//! Commands about shifts in the grid.

use tauri::State;
use turnus::session::{IpcError, PlanView, ShiftInput, Window};

use crate::state::AppState;

/// Add a shift.
#[tauri::command(rename_all = "snake_case")]
pub async fn add_shift(
    state: State<'_, AppState>,
    window: Window,
    shift: ShiftInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.add_shift(now, today, &window, &shift))
}

/// Change the shift `shift.id`.
#[tauri::command(rename_all = "snake_case")]
pub async fn update_shift(
    state: State<'_, AppState>,
    window: Window,
    shift: ShiftInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.update_shift(now, today, &window, &shift))
}

/// Delete the shift `id`.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_shift(
    state: State<'_, AppState>,
    window: Window,
    id: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.delete_shift(now, today, &window, &id))
}
