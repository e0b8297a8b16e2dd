//! Commands about the plan as a whole.

use crate::{clock, overview, overview::PlanOverview};

/// Opens the built-in demo plan as of today and returns its overview with the law check's counts.
#[tauri::command]
pub fn open_demo() -> PlanOverview {
    overview::demo(clock::today())
}
