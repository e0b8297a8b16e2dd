//! The `turnus` command line without the app window, for measuring: `cargo run --release
//! --example turnus_cli -- check PLAN.json`. The real binary lives in the Tauri crate
//! (`turnus-app`), which is slow to build; this one runs the same `turnus::cli::run`.

fn main() {
    std::process::exit(turnus::cli::run(std::env::args_os()));
}
