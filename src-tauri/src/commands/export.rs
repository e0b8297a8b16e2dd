//! Commands of the Export page: a document's first page as a preview, the PDF and calendar
//! files written where the user chose in the save dialog, and the calendar folder.

use tauri::State;
use turnus::session::{ExportDone, ExportPreview, ExportRequest, IpcError, PlanView, Window};

use crate::state::AppState;

/// The first page of the document `request` asks for, as SVG, with its page count.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_preview(
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportPreview, IpcError> {
    state.run(|app, _, today| app.session()?.export_preview(&request, today))
}

/// Write the document `request` asks for to `path`.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_pdf(
    state: State<'_, AppState>,
    request: ExportRequest,
    path: String,
) -> Result<ExportDone, IpcError> {
    state.run(|app, _, today| app.session()?.export_pdf(&request, &path, today))
}

/// Write the calendar of `assistant` (or, with none, of the whole plan) to `path`.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_ics(
    state: State<'_, AppState>,
    assistant: Option<String>,
    path: String,
) -> Result<ExportDone, IpcError> {
    state.run(|app, now, _| app.session()?.export_ics(assistant.as_deref(), &path, now))
}

/// Keep every assistant's calendar in `folder` after each change (`null`: stop).
#[tauri::command(rename_all = "snake_case")]
pub async fn set_calendar_folder(
    state: State<'_, AppState>,
    window: Window,
    folder: Option<String>,
) -> Result<PlanView, IpcError> {
    state.run(|app, now, today| app.set_calendar_folder(now, today, &window, folder.as_deref()))
}
