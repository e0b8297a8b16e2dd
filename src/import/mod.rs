//! Imports into a plan from other programs: an assistant's other calendar as busy time
//! ([`ics`] reads it, [`busy`] puts it into a plan in place of the earlier import).
//!
//! Left out on purpose: plan JSON (that is `crate::interchange`) and writing the plan.

pub mod busy;
pub mod ics;
