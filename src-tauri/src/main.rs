//! The `turnus` binary: with arguments it is the command line of the core, without it opens
//! the window. A single argument naming an existing `.turnus` file (how the desktop opens a
//! plan file with Turnus) opens the window with that plan.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

fn main() {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    match args.as_slice() {
        [] => turnus_app::run(None),
        [one] if is_plan_file(one) => turnus_app::run(Some(PathBuf::from(one))),
        _ => std::process::exit(turnus::cli::run(std::env::args_os())),
    }
}

fn is_plan_file(arg: &std::ffi::OsStr) -> bool {
    let path = std::path::Path::new(arg);
    path.extension().is_some_and(|e| e == "turnus") && path.is_file()
}
