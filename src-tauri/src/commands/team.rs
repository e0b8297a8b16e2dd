//! Commands about the people and the frame: assistants, vedtak and shift types.

use tauri::State;
use turnus::session::{AssistantInput, IpcError, PlanView, ShiftTypeInput, VedtakInput, Window};

use crate::state::AppState;

/// Add (no id) or change an assistant.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_assistant(
    state: State<'_, AppState>,
    window: Window,
    assistant: AssistantInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| {
        app.session()?
            .save_assistant(now, today, &window, &assistant)
    })
}

/// Delete the assistant `id`.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_assistant(
    state: State<'_, AppState>,
    window: Window,
    id: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.delete_assistant(now, today, &window, &id))
}

/// Add (no id) or change a vedtak version.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_vedtak(
    state: State<'_, AppState>,
    window: Window,
    vedtak: VedtakInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.save_vedtak(now, today, &window, &vedtak))
}

/// Delete the vedtak version `id`.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_vedtak(
    state: State<'_, AppState>,
    window: Window,
    id: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.delete_vedtak(now, today, &window, &id))
}

/// Add or change a shift type (by its code).
#[tauri::command(rename_all = "snake_case")]
pub async fn save_shift_type(
    state: State<'_, AppState>,
    window: Window,
    shift_type: ShiftTypeInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| {
        app.session()?
            .save_shift_type(now, today, &window, &shift_type)
    })
}

/// Delete the shift type `code`.
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_shift_type(
    state: State<'_, AppState>,
    window: Window,
    code: String,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.delete_shift_type(now, today, &window, &code))
}
