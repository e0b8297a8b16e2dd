//! Commands about rotations (N-week patterns).

use tauri::State;
use turnus::session::{IpcError, PlanView, RotationInput, Window};

use crate::state::AppState;

/// Add (no id) or change a rotation.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_rotation(
    state: State<'_, AppState>,
    window: Window,
    rotation: RotationInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.save_rotation(now, today, &window, &rotation))
}

/// Delete the rotation `id`; its shifts in the calendar stay.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_rotation(
    state: State<'_, AppState>,
    window: Window,
    id: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.delete_rotation(now, today, &window, &id))
}

/// Put rotation `id` into the calendar from `from` to `to` (inclusive).
#[tauri::command(rename_all = "snake_case")]
pub async fn apply_rotation(
    state: State<'_, AppState>,
    window: Window,
    id: String,
    from: String,
    to: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| {
        app.session()?
            .apply_rotation(now, today, &window, &id, &from, &to)
    })
}
