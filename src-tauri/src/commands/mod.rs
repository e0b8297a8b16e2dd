//! Tauri commands, one module per area. Each command is one line that delegates: the work is
//! done by code that can be tested without a window.

pub mod plan;
