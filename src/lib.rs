//! Turnus: rota planning, hour accounting and working-time law checks for BPA arbeidsledere.
//!
//! The core is a functional centre with an imperative shell:
//!
//! | layer | modules | does I/O? |
//! |---|---|---|
//! | time and calendar | [`time`], [`calendar`] | no |
//! | plain data | [`model`] | no |
//! | size limits of a plan | [`limits`] | no |
//! | meaning | [`rules`], [`hours`], [`rotation`] | no: "today" is a parameter |
//! | edges | [`store`], [`interchange`], [`cli`], [`session`] | yes |
//!
//! Nothing here knows about Tauri or reads the clock, except [`cli`], the command line edge.

pub mod calendar;
pub mod cli;
pub mod cover;
pub mod demo;
pub mod egenandel;
pub mod export;
pub mod holidays;
pub mod hours;
pub mod import;
pub mod interchange;
pub mod limits;
pub mod model;
pub mod rotation;
pub mod rules;
pub mod session;
pub mod store;
pub mod suggest;
pub mod time;
pub mod worked;
