//! Commands about the plan as a whole: opening, creating, closing, the view, undo and redo,
//! history, settings and profile.

use tauri::State;
use turnus::session::{
    HistoryEntry, IpcError, NewPlanInput, PlanView, ProfileInput, SettingsInput, Window,
};

use crate::state::AppState;

/// Open the plan file at `path`; with `take_over`, take it from a program that holds it.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_plan(
    state: State<'_, AppState>,
    path: String,
    take_over: bool,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.open_plan(now, today, &path, take_over))
}

/// Create a plan file at `path` from the guide's answers and open it.
#[tauri::command(rename_all = "snake_case")]
pub async fn create_plan(
    state: State<'_, AppState>,
    path: String,
    plan: NewPlanInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.create_plan(now, today, &path, &plan))
}

/// Open the demo plan, written to the data folder the first time.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_demo(state: State<'_, AppState>) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.open_demo(now, today))
}

/// Close the open plan, giving up its lock.
#[tauri::command(rename_all = "snake_case")]
pub async fn close_plan(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.run(|app, _, _| app.close_plan())
}

/// The view of `window`.
#[tauri::command(rename_all = "snake_case")]
pub async fn plan_view(state: State<'_, AppState>, window: Window) -> Result<PlanView, IpcError> {
    state.run(|app, _, today| app.session()?.view(&window, today))
}

/// Undo the latest action.
#[tauri::command(rename_all = "snake_case")]
pub async fn undo(state: State<'_, AppState>, window: Window) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.undo(now, today, &window))
}

/// Redo the action undone last.
#[tauri::command(rename_all = "snake_case")]
pub async fn redo(state: State<'_, AppState>, window: Window) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.redo(now, today, &window))
}

/// The latest `limit` actions of the change log, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn history(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<HistoryEntry>, IpcError> {
    state.run(|app, _, _| app.session()?.history(limit))
}

/// Save the plan's settings.
#[tauri::command(rename_all = "snake_case")]
pub async fn update_settings(
    state: State<'_, AppState>,
    window: Window,
    settings: SettingsInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| {
        app.session()?
            .update_settings(now, today, &window, &settings)
    })
}

/// Set the plan's rule profile.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_profile(
    state: State<'_, AppState>,
    window: Window,
    profile: ProfileInput,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.session()?.set_profile(now, today, &window, &profile))
}
