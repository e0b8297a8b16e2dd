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
pub mod holiday;
pub mod integrity;
pub mod length;
pub mod night;
pub mod rest;
pub mod sunday;
pub mod timeline;
pub mod weekly;
mod windows;

pub use finding::{Detail, Finding, Report, Rule, Severity, Summary, Unit};

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::model::{AssistantId, Plan};
use crate::time::{Instant, Interval};
use timeline::Timeline;

/// What to check.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Report only findings whose interval reaches into `[from, to)`; the whole plan is still
    /// read, so rest before the period is known.
    pub from: Option<Instant>,
    pub to: Option<Instant>,
    /// The day the plan is looked at: HOLIDAY-MAIN warns only once the plan's main-holiday
    /// deadline of a year has come. `None` checks no deadline.
    pub today: Option<chrono::NaiveDate>,
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
    Checker::default().check(plan, options)
}

/// A checker that remembers each assistant's findings, so that after an edit only the
/// assistants whose shifts, profile or contract changed are checked again. The plan-wide rules
/// always run.
#[derive(Default)]
pub struct Checker {
    cache: HashMap<AssistantId, (u64, Vec<Finding>)>,
}

impl Checker {
    /// Check `plan`, reusing what is still valid from the previous call.
    pub fn check(&mut self, plan: &Plan, options: &CheckOptions) -> Report {
        let fingerprints = fingerprints(plan);
        let own_of = timeline::Own::all(plan);
        let none = timeline::Own::default();
        let mut findings = Vec::new();
        let mut fresh = HashMap::with_capacity(plan.assistants.len());
        for (assistant, fingerprint) in plan.assistants.iter().zip(fingerprints) {
            let own = match self.cache.remove(&assistant.id) {
                Some((known, found)) if known == fingerprint => found,
                _ => {
                    let profile = plan.profile_of(assistant).values();
                    let mine = own_of.get(&assistant.id).unwrap_or(&none);
                    let id = &assistant.id;
                    let own = Timeline::build_from(plan, id, &profile, &mine.shifts, &[]);
                    let mut found = Vec::new();
                    if !mine.busy.is_empty() {
                        let total =
                            Timeline::build_from(plan, id, &profile, &mine.shifts, &mine.busy);
                        check_assistant(plan, assistant, &own, &total, &mut found);
                    } else {
                        check_assistant(plan, assistant, &own, &own, &mut found);
                    }
                    found
                }
            };
            findings.extend(own.iter().cloned());
            fresh.insert(assistant.id.clone(), (fingerprint, own));
        }
        self.cache = fresh;
        integrity::check_plan(plan, &mut findings);
        holiday::check_plan(plan, &mut findings);
        holiday::check_balances(plan, options.today, &mut findings);
        findings.retain(|f| options.keeps(f));
        Report::new(findings)
    }
}

/// One fingerprint per assistant (in plan order) of everything their own rules read.
fn fingerprints(plan: &Plan) -> Vec<u64> {
    let index: HashMap<&AssistantId, usize> = plan
        .assistants
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, i))
        .collect();
    let mut hashers: Vec<DefaultHasher> = plan
        .assistants
        .iter()
        .map(|a| {
            let mut h = DefaultHasher::new();
            format!("{:?}", plan.profile_of(a).values()).hash(&mut h);
            (
                a.contract_minutes_per_week,
                a.close_family,
                a.family_approval,
            )
                .hash(&mut h);
            h
        })
        .collect();
    // A shift that needs cover is nobody's: the absence changes the fingerprint through it.
    let uncovered = crate::cover::uncovered_mask(plan);
    for (i, s) in plan.shifts.iter().enumerate() {
        if uncovered[i] {
            continue;
        }
        let Some(&a) = s.assistant.as_ref().and_then(|id| index.get(id)) else {
            continue;
        };
        let h = &mut hashers[a];
        (i, &s.id, s.start, s.end, s.break_minutes, s.passive_minutes).hash(h);
        (s.long_shift, s.status.key()).hash(h);
    }
    for b in &plan.busy {
        if let Some(&a) = index.get(&b.assistant) {
            (&b.id, b.start, b.end).hash(&mut hashers[a]);
        }
    }
    hashers.into_iter().map(|h| h.finish()).collect()
}

/// Every rule that looks at one assistant: `own` holds their shifts in this plan, `total`
/// adds their work elsewhere for the rest and total-hours rules (the same timeline when they
/// have none).
pub fn check_assistant(
    plan: &Plan,
    assistant: &crate::model::Assistant,
    own: &Timeline,
    total: &Timeline,
    out: &mut Vec<Finding>,
) {
    let mut with_busy = Vec::new();
    length::check(own, total, out, &mut with_busy);
    weekly::check(own, total, assistant, out, &mut with_busy);
    rest::check(total, &mut with_busy);
    // Work elsewhere alone is not this plan's concern: keep what involves its own shifts.
    out.extend(with_busy.into_iter().filter(|f| !f.shifts.is_empty()));
    sunday::check(own, out);
    night::check(own, out);
    integrity::check_assistant(plan, assistant, own, out);
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
