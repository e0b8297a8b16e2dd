//! Exports of a plan: PDF documents ([`pdf`]) and iCalendar files for the assistants' phones
//! ([`ics`]).
//!
//! Both are pure: they return bytes or text, and take "now" and "today" as parameters. The only
//! file writing here is [`ics::write_calendar_folder`], which writes atomically.

pub mod ics;
pub mod payroll;
pub mod pdf;
