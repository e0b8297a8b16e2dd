//! Cover for absent assistants (RULES.md §6): which shifts need cover, and who could take one.
//!
//! A shift needs cover when it is counted (not cancelled), has an assistant, and an absence of
//! that assistant covers the shift's work day (the local date it starts on, as everywhere in
//! the checker).
//!
//! [`rank`] ranks everyone who could take a shift: every assistant and vikar except the shift's
//! own assistant and anyone absent on its work day (those are listed as excluded, with why).
//! Each candidate is checked with the real rules: the plan's findings come from a
//! [`Checker`] (which, kept by the caller, answers from its cache after the first check), and
//! only the candidate is checked again with the shift added to their timeline. A finding of
//! the candidate is *new* unless the plan already has one exactly like it: the same rule, case,
//! severity, interval and measured value. So a breach the shift makes worse (a longer week, a
//! shorter rest) counts as new; one it leaves as it was does not. Plan-wide rules (double
//! staffing, the vedtak's frame and nights, short notice) look at the shifts, not at who works
//! them, so they are the same for every candidate and left out of the comparison.
//!
//! Rank: no new violation first, then fewest new warnings, then most contract minutes still
//! free in the shift's ISO week (anyone without a contract after everyone with one: nothing
//! says they want more hours), then fewest minutes that week, then plan order. Pure: no clock,
//! no I/O; costs one check of the plan plus one assistant's check per candidate.

use chrono::Datelike;
use serde::Serialize;

use crate::calendar::Week;
use crate::model::{Absence, AbsenceKind, AssistantId, Plan, ShiftId};
use crate::rules::explain::{duration, rule_title, Lang};
use crate::rules::timeline::{Own, Timeline};
use crate::rules::{check_assistant, CheckOptions, Checker, Detail, Finding, Rule, Severity};
use crate::time::Instant;

/// A shift whose assistant is away on its work day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Uncovered {
    pub shift: ShiftId,
    /// The absent assistant the shift belongs to.
    pub assistant: AssistantId,
    /// The absence that covers the shift's work day.
    pub absence: crate::model::AbsenceId,
    pub kind: AbsenceKind,
}

/// The absence of `assistant` that covers `date`, if any.
pub fn absence_on<'p>(
    plan: &'p Plan,
    assistant: &AssistantId,
    date: chrono::NaiveDate,
) -> Option<&'p Absence> {
    plan.absences
        .iter()
        .find(|a| &a.assistant == assistant && a.covers(date))
}

/// Every shift that needs cover, in plan order.
pub fn needs_cover(plan: &Plan) -> Vec<Uncovered> {
    plan.shifts
        .iter()
        .filter(|s| s.counts())
        .filter_map(|s| {
            let who = s.assistant.as_ref()?;
            let absence = absence_on(plan, who, s.start.local_date())?;
            Some(Uncovered {
                shift: s.id.clone(),
                assistant: who.clone(),
                absence: absence.id.clone(),
                kind: absence.kind,
            })
        })
        .collect()
}

/// One person who could take the shift.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub assistant: AssistantId,
    /// Violations the shift would bring them that the plan does not have now.
    pub new_violations: usize,
    /// Warnings likewise.
    pub new_warnings: usize,
    /// Contract minutes per week minus their minutes in the shift's ISO week without the
    /// shift; `None` without a contract; negative when they already work above it.
    pub free_contract_minutes: Option<i64>,
    /// Their minutes in the shift's ISO week before taking it (this plan's shifts only).
    pub week_minutes: i64,
    /// Why they rank where they do, in plain Norwegian.
    pub reasons: Vec<String>,
    /// The new findings themselves.
    #[serde(skip)]
    pub new_findings: Vec<Finding>,
}

/// Someone left out of the ranking, and why ("syk", "ferie", "har vakten").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excluded {
    pub assistant: AssistantId,
    pub reason: String,
}

/// The ranking for one shift.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranking {
    pub shift: ShiftId,
    /// Best first.
    pub candidates: Vec<Candidate>,
    pub excluded: Vec<Excluded>,
}

/// The word for why someone is away: `syk`, `ferie`, `permisjon`, `borte`.
pub fn absence_word(kind: AbsenceKind) -> &'static str {
    match kind {
        AbsenceKind::Sykdom => "syk",
        AbsenceKind::Ferie => "ferie",
        AbsenceKind::Permisjon => "permisjon",
        AbsenceKind::Annet => "borte",
    }
}

/// Rank everyone who could take the shift `shift`; `None` when the plan has no such shift.
pub fn rank(plan: &Plan, shift: &ShiftId) -> Option<Ranking> {
    rank_with(&mut Checker::default(), plan, shift)
}

/// [`rank`] with a checker the caller keeps: when it has checked this plan before, the plan's
/// findings come from its cache.
pub fn rank_with(checker: &mut Checker, plan: &Plan, shift: &ShiftId) -> Option<Ranking> {
    let index = plan.shifts.iter().position(|s| &s.id == shift)?;
    let target = &plan.shifts[index];
    let day = target.start.local_date();
    let week = Week::containing(day).interval();

    let baseline = checker.check(plan, &CheckOptions::default());
    let own_of = Own::all(plan);
    let none = Own::default();

    let mut excluded = Vec::new();
    let mut ranked: Vec<(usize, Candidate)> = Vec::new();
    for (order, assistant) in plan.assistants.iter().enumerate() {
        if target.assistant.as_ref() == Some(&assistant.id) {
            let reason = match absence_on(plan, &assistant.id, day) {
                Some(a) => format!("har vakten, men er {}", absence_word(a.kind)),
                None => "har vakten".to_string(),
            };
            excluded.push(Excluded {
                assistant: assistant.id.clone(),
                reason,
            });
            continue;
        }
        if let Some(a) = absence_on(plan, &assistant.id, day) {
            excluded.push(Excluded {
                assistant: assistant.id.clone(),
                reason: absence_word(a.kind).to_string(),
            });
            continue;
        }
        let mine = own_of.get(&assistant.id).unwrap_or(&none);
        let week_seconds: i64 = mine
            .shifts
            .iter()
            .map(|&i| &plan.shifts[i])
            .filter(|s| s.counts())
            .map(|s| s.interval().overlap(week))
            .sum();
        let week_minutes = week_seconds / 60;
        let free_contract_minutes = assistant
            .contract_minutes_per_week
            .map(|c| c - week_minutes);

        // The candidate's findings with the shift added to their timeline.
        let profile = plan.profile_of(assistant).values();
        let mut shifts = mine.shifts.clone();
        shifts.push(index);
        let own = Timeline::build_from(plan, &assistant.id, &profile, &shifts, &[]);
        let mut found = Vec::new();
        if mine.busy.is_empty() {
            check_assistant(plan, assistant, &own, &own, &mut found);
        } else {
            let total = Timeline::build_from(plan, &assistant.id, &profile, &shifts, &mine.busy);
            check_assistant(plan, assistant, &own, &total, &mut found);
        }
        let before: Vec<&Finding> = baseline
            .findings
            .iter()
            .filter(|f| f.assistants.contains(&assistant.id))
            .collect();
        let new_findings: Vec<Finding> = found
            .into_iter()
            .filter(|f| f.severity != Severity::Info)
            .filter(|f| !before.iter().any(|b| same_finding(b, f)))
            .collect();
        let new_violations = count(&new_findings, Severity::Violation);
        let new_warnings = count(&new_findings, Severity::Warning);
        let mut reasons: Vec<String> = new_findings.iter().map(reason).collect();
        if new_findings.is_empty() {
            reasons.push("ingen nye brudd eller advarsler".to_string());
        }
        reasons.push(if week_minutes == 0 {
            "ingen timer denne uken før vakten".to_string()
        } else {
            format!("{} denne uken før vakten", duration(week_minutes, Lang::Nb))
        });
        reasons.push(match free_contract_minutes {
            None => "ingen avtalt stillingsstørrelse".to_string(),
            Some(free) if free >= 0 => format!("{} ledig i kontrakten", duration(free, Lang::Nb)),
            Some(free) => format!("{} over kontrakten", duration(-free, Lang::Nb)),
        });
        ranked.push((
            order,
            Candidate {
                assistant: assistant.id.clone(),
                new_violations,
                new_warnings,
                free_contract_minutes,
                week_minutes,
                reasons,
                new_findings,
            },
        ));
    }
    ranked.sort_by_key(|(order, c)| {
        (
            c.new_violations > 0,
            c.new_warnings,
            // Most free minutes first; no contract after every contract.
            c.free_contract_minutes.is_none(),
            std::cmp::Reverse(c.free_contract_minutes.unwrap_or(0)),
            c.week_minutes,
            *order,
        )
    });
    Some(Ranking {
        shift: shift.clone(),
        candidates: ranked.into_iter().map(|(_, c)| c).collect(),
        excluded,
    })
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

/// The same finding: rule, case, severity, interval and measured value.
fn same_finding(a: &Finding, b: &Finding) -> bool {
    a.rule == b.rule
        && a.detail == b.detail
        && a.severity == b.severity
        && a.start == b.start
        && a.end == b.end
        && a.measured == b.measured
}

/// A short reason from a new finding: `brudd: daglig hvile 9 t, minst 11 t (ti. 09.06.)`.
pub fn reason(f: &Finding) -> String {
    let value = |n: i64| match f.unit {
        crate::rules::Unit::Minutes => duration(n, Lang::Nb),
        crate::rules::Unit::Days => format!("{n} {}", if n == 1 { "dag" } else { "dager" }),
    };
    let kind = match f.severity {
        Severity::Violation => "brudd",
        Severity::Warning => "advarsel",
        Severity::Info => "merknad",
    };
    let minimum = matches!(f.rule, Rule::RestD | Rule::RestW | Rule::Brk)
        || matches!(f.detail, Some(Detail::Compensation));
    let bound = if minimum { "minst" } else { "høyst" };
    let title = rule_title(f.rule, Lang::Nb).to_lowercase();
    format!(
        "{kind}: {title} {}, {bound} {} ({})",
        value(f.measured),
        value(f.limit),
        day_label(f.start)
    )
}

/// `ti. 09.06.`
fn day_label(t: Instant) -> String {
    let date = t.local_date();
    let day = ["ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."]
        [date.weekday().num_days_from_monday() as usize];
    format!("{day} {}", date.format("%d.%m."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(json: &str) -> Plan {
        crate::interchange::read_plan(json).expect("a valid plan")
    }

    const BASE: &str = r#"{"format": "turnus-plan", "version": 1,
      "assistants": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
      "absences": [{"id": "f1", "assistant": "A", "kind": "sykdom", "from": "2026-06-09", "to": "2026-06-10"}],
      "shifts": [
        {"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00", "break_minutes": 30},
        {"id": "s2", "assistant": "A", "start": "2026-06-11T07:00", "end": "2026-06-11T15:00", "break_minutes": 30},
        {"id": "s3", "assistant": "B", "start": "2026-06-08T15:00", "end": "2026-06-08T23:00", "break_minutes": 30}]}"#;

    #[test]
    fn a_shift_on_a_day_of_absence_needs_cover_and_one_after_it_does_not() {
        let p = plan(BASE);
        let found = needs_cover(&p);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].shift.as_str(), "s1");
        assert_eq!(found[0].kind, AbsenceKind::Sykdom);
    }

    #[test]
    fn taking_a_shift_that_cuts_the_daily_rest_ranks_below_one_that_does_not() {
        let p = plan(BASE);
        let r = rank(&p, &ShiftId::from("s1")).expect("the shift exists");
        let order: Vec<&str> = r.candidates.iter().map(|c| c.assistant.as_str()).collect();
        // B worked until 23:00 the evening before: 8 hours of rest before 07:00.
        assert_eq!(order, ["C", "B"]);
        let b = &r.candidates[1];
        assert_eq!(b.new_violations, 1, "{:?}", b.new_findings);
        assert!(
            b.reasons[0].contains("daglig hvile 8 t, minst 11 t"),
            "{:?}",
            b.reasons
        );
        assert_eq!(b.week_minutes, 8 * 60);
        assert_eq!(r.excluded[0].reason, "har vakten, men er syk");
    }

    #[test]
    fn no_contract_ranks_after_every_contract_and_more_free_minutes_first() {
        let p = plan(
            r#"{"format": "turnus-plan", "version": 1,
          "assistants": [{"id": "A"}, {"id": "N"}, {"id": "S", "contract_hours_per_week": 10},
                         {"id": "L", "contract_hours_per_week": 30}],
          "shifts": [{"id": "s1", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00", "break_minutes": 30}]}"#,
        );
        let r = rank(&p, &ShiftId::from("s1")).expect("the shift exists");
        let order: Vec<&str> = r.candidates.iter().map(|c| c.assistant.as_str()).collect();
        assert_eq!(order, ["L", "S", "N"]);
        assert_eq!(r.candidates[0].free_contract_minutes, Some(30 * 60));
        assert_eq!(r.candidates[2].free_contract_minutes, None);
    }

    #[test]
    fn an_unknown_shift_has_no_ranking() {
        assert!(rank(&plan(BASE), &ShiftId::from("nope")).is_none());
    }
}
