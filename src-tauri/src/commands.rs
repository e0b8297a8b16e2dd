//! Tauri commands, one module per area, one line each: every body is a call into the core's
//! `turnus::session`, where it is tested without a window. Arguments keep the snake_case names
//! of docs/ipc.md (`take_over`, `shift_type`) on the JavaScript side too.
//!
//! Every command is `async`, so it runs off the window's main thread: an edit that also writes
//! the calendar folder to a slow network share, or a long document, never freezes the window.
//! The core's `App` sits behind one mutex, so commands still run one at a time.

pub mod app;
pub mod busy;
pub mod export;
pub mod plan;
pub mod rotations;
pub mod shifts;
pub mod team;
