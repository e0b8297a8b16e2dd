//! The rule checker of shared/RULES.md: working-time law (aml chapter 10) and BPA vedtak rules.
//!
//! [`check`] runs every rule on a plan and returns [`Finding`]s carrying the measured value, the
//! limit, the interval they point at and the law. Each assistant is checked on their own
//! [`timeline`] (shifts merged into work blocks, work days, ISO weeks) under their profile;
//! plan-wide rules (double staffing, vedtak) look across assistants.
//!
//! | module | rules |
//! |---|---|
//! | [`length`] | NH-D, TOT-D, BRK |
//! | [`weekly`] | NH-W, NH-AVG, OT-W, OT-4W, OT-52W, TOT-W, NH-BASE, CONTRACT |
//! | [`rest`] | REST-D, REST-W |
//! | [`sunday`] | SUN-NEXT, SUN-AVG, SUN-4W |
//! | [`night`] | NIGHT-AVG |
//! | [`integrity`] | OVERLAP-SELF, DOUBLE-STAFF, VEDTAK-NIGHT, FAMILY, PLAN-14 |
//!
//! The checker is pure: no clock, no I/O. Messages are not made here; a finding's fields are
//! rendered in the UI's language by its reader.

pub mod explain;
pub mod finding;
pub mod integrity;
pub mod length;
pub mod night;
pub mod rest;
pub mod sunday;
pub mod timeline;
pub mod weekly;
mod windows;

pub use finding::{Detail, Finding, Report, Rule, Severity, Summary, Unit};

use crate::model::Plan;
use crate::time::{Instant, Interval};
use timeline::Timeline;

/// What to check.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Report only findings whose interval reaches into `[from, to)`; the whole plan is still
    /// read, so rest before the period is known.
    pub from: Option<Instant>,
    pub to: Option<Instant>,
}

impl CheckOptions {
    fn keeps(&self, finding: &Finding) -> bool {
        let period = Interval::new(
            self.from.unwrap_or(Instant::from_unix(i64::MIN / 4)),
            self.to.unwrap_or(Instant::from_unix(i64::MAX / 4)),
        );
        // A finding that is a single instant (empty interval) is kept when that instant is in
        // the period.
        if finding.start == finding.end {
            period.contains(finding.start)
        } else {
            finding.end > period.start && finding.start < period.end
        }
    }
}

/// Check `plan` against every rule.
///
/// ```
/// let plan = turnus::interchange::read_plan(r#"{"format": "turnus-plan", "version": 1,
///   "assistants": [{"id": "A"}],
///   "shifts": [
///     {"id": "s1", "assistant": "A", "start": "2026-06-08T19:00", "end": "2026-06-08T23:00"},
///     {"id": "s2", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T11:00"}]}"#)
///   .unwrap();
/// let report = turnus::rules::check(&plan, &Default::default());
/// assert_eq!(report.findings[0].rule.id(), "REST-D");
/// assert_eq!(report.findings[0].measured, 8 * 60);
/// ```
pub fn check(plan: &Plan, options: &CheckOptions) -> Report {
    let mut findings = Vec::new();
    for assistant in &plan.assistants {
        let profile = plan.profile_of(assistant).values();
        let timeline = Timeline::build(plan, &assistant.id, &profile);
        check_assistant(plan, assistant, &timeline, &mut findings);
    }
    integrity::check_plan(plan, &mut findings);
    findings.retain(|f| options.keeps(f));
    Report::new(findings)
}

/// Every rule that looks at one assistant's own timeline.
pub fn check_assistant(
    plan: &Plan,
    assistant: &crate::model::Assistant,
    timeline: &Timeline,
    out: &mut Vec<Finding>,
) {
    length::check(timeline, out);
    weekly::check(timeline, assistant, out);
    rest::check(timeline, out);
    sunday::check(timeline, out);
    night::check(timeline, out);
    integrity::check_assistant(plan, assistant, timeline, out);
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
