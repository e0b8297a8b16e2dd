//! The desktop shell of Turnus: wiring only. Commands live in [`commands`], the error that
//! crosses IPC in [`error`], the views sent to the UI in [`overview`], and the one clock read
//! in [`clock`].

pub mod clock;
pub mod commands;
pub mod error;
pub mod overview;

/// Open the main window and run until it closes.
pub fn run() {
    let context = tauri::generate_context!("../tauri.conf.json");
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![commands::plan::open_demo])
        .run(context);
    if let Err(error) = result {
        eprintln!("turnus: could not open the window: {error}");
        std::process::exit(1);
    }
}
