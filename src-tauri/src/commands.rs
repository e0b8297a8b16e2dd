//! The Tauri adapter over the core's command table (`turnus::session::commands`): one invoke
//! handler finds the command by name, hands it the JSON arguments on a worker thread, and
//! resolves the UI's promise with the answer or rejects it with the `{ code, message, details }`
//! error. The command bodies, their argument types and their names live in the core, declared
//! once; the browser tests' loopback server is the other adapter over the same table.
//!
//! Every command runs off the window's main thread (`spawn_blocking`): an edit that also
//! writes the calendar folder to a slow network share, or a long document, never freezes the
//! window. The core's `App` sits behind one mutex, so commands still run one at a time.
//! Plugin commands (`plugin:dialog|save`) never reach this handler.

use serde_json::Value;
use tauri::ipc::{Invoke, InvokeBody};
use tauri::{Manager, Runtime};
use turnus::session::commands;

use crate::state::AppState;

/// Tauri's invoke handler: true when the command is one of the table (answered later, off the
/// main thread), false for a name the table lacks (Tauri then rejects it as unknown).
pub fn handle<R: Runtime>(invoke: Invoke<R>) -> bool {
    let Some(command) = commands::find(invoke.message.command()) else {
        return false;
    };
    let args = match invoke.message.payload() {
        InvokeBody::Json(value) => value.clone(),
        InvokeBody::Raw(_) => Value::Null,
    };
    let state = invoke.message.webview().state::<AppState>().inner().clone();
    let resolver = invoke.resolver;
    tauri::async_runtime::spawn_blocking(move || {
        match state.run(|app, now, today| (command.run)(app, now, today, args)) {
            Ok(answer) => resolver.resolve(answer),
            Err(error) => resolver.reject(error),
        }
    });
    true
}
