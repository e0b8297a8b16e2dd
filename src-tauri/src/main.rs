//! The `turnus` binary: with arguments it is the command line of the core, without it opens
//! the window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if std::env::args_os().nth(1).is_some() {
        std::process::exit(turnus::cli::run(std::env::args_os()));
    }
    turnus_app::run();
}
