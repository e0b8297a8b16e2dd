//! Plain data of a plan: assistants, shift types, shifts, rotations, vedtak, absences, rule
//! profiles and settings.
//!
//! These are validated types: an [`Shift`] always ends after it starts, an [`Assistant`] id is
//! never empty, a [`Profile`] only holds values the checker can use. Raw input is turned into
//! them at the edge (`interchange`, `store`, the app's commands). Nothing here does I/O.

mod absence;
mod assistant;
mod busy;
mod ids;
mod month;
mod plan;
mod profile;
mod rotation;
mod shift;
pub mod vedtak;

pub use absence::{Absence, AbsenceKind, SickNote};
pub use assistant::{Assistant, Role};
pub use busy::BusyTime;
pub use ids::{AbsenceId, AssistantId, RotationId, ShiftId};
pub use month::{
    month_word, Categories, ClosedMonth, EgenandelBracket, EgenandelChoice, EgenandelFee,
    EgenandelTable, Month,
};
pub use plan::{MonthDay, Plan, Settings};
pub use profile::{Param, Preset, Profile, ProfileError, ProfileValues, SundayRule};
pub use rotation::{DayChange, Rotation, Slot};
pub use shift::{Actual, ServiceType, Shift, ShiftStatus, ShiftType};
pub use vedtak::{NightHelp, Vedtak};
