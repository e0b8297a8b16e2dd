//! One open plan as the desktop app uses it: the plan file, the plan it holds, an incremental
//! law checker, the user's name and language, and intent-level edits (`add_shift`,
//! `apply_rotation`, `undo`) that each return the refreshed [`PlanView`] of a window of dates.
//! The Tauri commands of `src-tauri` are one line each, delegating here, so every command body
//! is tested without a window (docs/ipc.md is the contract).
//!
//! | part | module |
//! |---|---|
//! | the error crossing IPC | [`error`] |
//! | raw input → model types | [`input`], validated in `validate` |
//! | the views sent to the UI | [`view`], built in `build` |
//! | app settings, recent plans | [`settings`] |
//!
//! Nothing here reads the clock: every method that records or compares a time takes `now`
//! and `today`. Renewing the lock's heartbeat on a timer is the shell's job.

pub mod error;
pub mod input;
pub mod settings;
pub mod view;

pub use error::{ErrorCode, IpcError};
pub use input::{
    AssistantInput, NewPlanInput, ProfileInput, RotationInput, SettingsInput, ShiftInput,
    ShiftTypeInput, SlotInput, VedtakInput, Window,
};
pub use settings::{AppSettings, Language, Theme};
pub use view::{
    AssistantView, DayView, FileView, FindingView, HistoryEntry, HistoryState, HoursView, LockView,
    PatternShift, PlanView, ProfileRow, ProfileView, RecentPlan, RotationView, ServiceHours,
    ServiceYear, SettingsView, ShiftTypeView, ShiftView, SlotView, SummaryView, VedtakView,
    WeekHoursView,
};
