//! Commands about the app itself: its settings and the recent plans.

use tauri::State;
use turnus::session::{AppSettings, IpcError, RecentPlan};

use crate::state::AppState;

/// The user's settings: language, name, text size, theme.
#[tauri::command(rename_all = "snake_case")]
pub async fn app_settings(state: State<'_, AppState>) -> Result<AppSettings, IpcError> {
    state.run(|app, _, _| Ok(app.settings()))
}

/// Save the user's settings and return them as saved.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_app_settings(
    state: State<'_, AppState>,
    settings: AppSettings,
) -> Result<AppSettings, IpcError> {
    state.run(|app, _, _| app.save_settings(&settings))
}

/// Plan files opened lately, most recent first.
#[tauri::command(rename_all = "snake_case")]
pub async fn recent_plans(state: State<'_, AppState>) -> Result<Vec<RecentPlan>, IpcError> {
    state.run(|app, _, _| Ok(app.recent_plans()))
}
