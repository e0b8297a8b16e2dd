//! Imports into a plan from other programs: an assistant's other calendar as busy time
//! ([`ics`]).
//!
//! Left out on purpose: plan JSON (that is `crate::interchange`) and writing the plan.

pub mod ics;
