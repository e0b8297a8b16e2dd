//! Tauri commands, one module per area, one line each: every body is a call into the core's
//! `turnus::session`, where it is tested without a window. Arguments keep the snake_case names
//! of docs/ipc.md (`take_over`, `shift_type`) on the JavaScript side too.

pub mod app;
pub mod busy;
pub mod export;
pub mod plan;
pub mod rotations;
pub mod shifts;
pub mod team;
