//! Cover for absent assistants (RULES.md §6): which shifts need cover, who could take one, and
//! a cover proposal for a whole period.
//!
//! A shift **needs cover** when it is counted (not cancelled), has an assistant, and that
//! assistant is absent at its time: a whole-day absence covers the shift's work day (the local
//! date it starts on, as everywhere in the checker), or a part-day absence overlaps the shift by
//! more than 0 minutes. Such a shift keeps its assistant as "originally planned"; the checker
//! and the assistants' hours leave it out ([`uncovered_mask`]), the vedtak's hours count it (the
//! help is still needed). Covering it sets `assistant` to the one who covers and records the
//! cover link ([`Plan::covers`]); deleting the absence gives an uncovered shift back by itself.
//!
//! [`rank`] ranks everyone who could take a shift: every assistant and vikar except the shift's
//! own assistant, anyone absent at its time and anyone with a shift at the same time (those are
//! listed as excluded, with why). Each candidate is checked with the real rules: the plan's
//! findings come from a [`Checker`] (which, kept by the caller, answers from its cache after
//! the first check), and only the candidate is checked again with the shift added to their
//! timeline. A finding of the candidate is *new* unless the plan already has one exactly like
//! it: the same rule, case, severity, interval and measured value. So a breach the shift makes
//! worse (a longer week, a shorter rest) counts as new; one it leaves as it was does not.
//! Plan-wide rules (double staffing, the vedtak's frame and nights, short notice) look at the
//! shifts, not at who works them, so they are the same for every candidate and left out of the
//! comparison.
//!
//! Rank: no new violation first, then fewest new warnings, then most contract minutes still
//! free in the shift's ISO week (anyone without a contract after everyone with one: nothing
//! says they want more hours), then fewest minutes that week, then plan order.
//!
//! [`propose`] covers every uncovered shift of a list at once, greedily in time order: each
//! shift goes to the best-ranked candidate on the plan with the covers proposed so far already
//! in it, so no one gets two shifts at the same time and each check sees the earlier proposals.
//! A shift no one can take is proposed to no one, with why.
//!
//! Pure: no clock, no I/O; ranking costs one check of the plan plus one assistant's check per
//! candidate.

use std::collections::HashMap;

use chrono::Datelike;
use serde::Serialize;

use crate::calendar::Week;
use crate::model::{Absence, AbsenceKind, AssistantId, Plan, Shift, ShiftId, SickNote};
use crate::rules::explain::{duration, rule_title, Lang};
use crate::rules::timeline::{Own, Timeline};
use crate::rules::{check_assistant, CheckOptions, Checker, Detail, Finding, Rule, Severity};
use crate::time::{Instant, Interval};

/// A shift whose assistant is away at its time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Uncovered {
    pub shift: ShiftId,
    /// The absent assistant the shift belongs to.
    pub assistant: AssistantId,
    /// The absence that covers the shift.
    pub absence: crate::model::AbsenceId,
    pub kind: AbsenceKind,
}

/// Every assistant's absences, sorted by first day, for finding the one at a shift's time.
pub struct Absences<'p> {
    by: HashMap<&'p AssistantId, Vec<&'p Absence>>,
}

impl<'p> Absences<'p> {
    /// Index the plan's absences.
    pub fn new(plan: &'p Plan) -> Self {
        let mut by: HashMap<&AssistantId, Vec<&Absence>> = HashMap::new();
        for a in &plan.absences {
            by.entry(&a.assistant).or_default().push(a);
        }
        for list in by.values_mut() {
            list.sort_by_key(|a| a.from);
        }
        Absences { by }
    }

    /// The absences of `who` that may touch `date`.
    fn around(&self, who: &AssistantId, date: chrono::NaiveDate) -> &[&'p Absence] {
        let Some(list) = self.by.get(who) else {
            return &[];
        };
        let end = list.partition_point(|a| a.from <= date);
        &list[..end]
    }

    /// The absence that makes `who` absent for a shift working `interval` on work day `day`:
    /// a whole-day absence covering `day`, or a part-day one overlapping `interval`.
    pub fn during(
        &self,
        who: &AssistantId,
        day: chrono::NaiveDate,
        interval: Interval,
    ) -> Option<&'p Absence> {
        let last = interval.end.local_date();
        // Absences are few per assistant: scan those starting by the shift's last day.
        let list = self.around(who, last.max(day));
        list.iter().rev().copied().find(|a| {
            if a.part_day() {
                a.interval().is_some_and(|i| i.overlap(interval) > 0)
            } else {
                a.covers(day)
            }
        })
    }

    /// The absence that makes `shift`'s own assistant absent, if any.
    pub fn of_shift(&self, shift: &Shift) -> Option<&'p Absence> {
        if !shift.counts() {
            return None;
        }
        let who = shift.assistant.as_ref()?;
        self.during(who, shift.start.local_date(), shift.interval())
    }
}

/// The absence of `assistant` that covers `date` as a whole day, if any.
pub fn absence_on<'p>(
    plan: &'p Plan,
    assistant: &AssistantId,
    date: chrono::NaiveDate,
) -> Option<&'p Absence> {
    plan.absences
        .iter()
        .find(|a| &a.assistant == assistant && a.covers(date) && !a.part_day())
}

/// For each shift of the plan (by index): true when it needs cover.
pub fn uncovered_mask(plan: &Plan) -> Vec<bool> {
    if plan.absences.is_empty() {
        return vec![false; plan.shifts.len()];
    }
    let index = Absences::new(plan);
    plan.shifts
        .iter()
        .map(|s| index.of_shift(s).is_some())
        .collect()
}

/// Every shift that needs cover, in plan order.
pub fn needs_cover(plan: &Plan) -> Vec<Uncovered> {
    let index = Absences::new(plan);
    plan.shifts
        .iter()
        .filter_map(|s| {
            let absence = index.of_shift(s)?;
            Some(Uncovered {
                shift: s.id.clone(),
                assistant: absence.assistant.clone(),
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
    /// Why they rank where they do, in plain words.
    pub reasons: Vec<String>,
    /// The new findings themselves.
    #[serde(skip)]
    pub new_findings: Vec<Finding>,
}

/// Someone left out of the ranking, and why ("syk", "ferie", "har vakten", "har en vakt
/// samtidig").
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
    absence_word_in(kind, Lang::Nb)
}

/// [`absence_word`] in `lang`.
pub fn absence_word_in(kind: AbsenceKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (AbsenceKind::Sykdom, Lang::Nb) => "syk",
        (AbsenceKind::Ferie, Lang::Nb) => "ferie",
        (AbsenceKind::Permisjon, Lang::Nb) => "permisjon",
        (AbsenceKind::Annet, Lang::Nb) => "borte",
        (AbsenceKind::Sykdom, Lang::En) => "ill",
        (AbsenceKind::Ferie, Lang::En) => "on holiday",
        (AbsenceKind::Permisjon, Lang::En) => "on leave",
        (AbsenceKind::Annet, Lang::En) => "away",
    }
}

/// The label of an absence's kind: "Syk (egenmelding)", "Ferie", "Permisjon", "Annet fravær".
pub fn kind_label(kind: AbsenceKind, note: Option<SickNote>, lang: Lang) -> String {
    let base = match (kind, lang) {
        (AbsenceKind::Ferie, Lang::Nb) => "Ferie",
        (AbsenceKind::Sykdom, Lang::Nb) => "Syk",
        (AbsenceKind::Permisjon, Lang::Nb) => "Permisjon",
        (AbsenceKind::Annet, Lang::Nb) => "Annet fravær",
        (AbsenceKind::Ferie, Lang::En) => "Holiday",
        (AbsenceKind::Sykdom, Lang::En) => "Sick",
        (AbsenceKind::Permisjon, Lang::En) => "Leave",
        (AbsenceKind::Annet, Lang::En) => "Other absence",
    };
    match (note, lang) {
        (Some(SickNote::Egenmelding), Lang::Nb) => format!("{base} (egenmelding)"),
        (Some(SickNote::Sykmelding), Lang::Nb) => format!("{base} (sykmelding)"),
        (Some(SickNote::Egenmelding), Lang::En) => format!("{base} (self-certified)"),
        (Some(SickNote::Sykmelding), Lang::En) => format!("{base} (doctor's note)"),
        (None, _) => base.to_string(),
    }
}

/// Rank everyone who could take the shift `shift`; `None` when the plan has no such shift.
pub fn rank(plan: &Plan, shift: &ShiftId) -> Option<Ranking> {
    rank_with(&mut Checker::default(), plan, shift)
}

/// [`rank`] with a checker the caller keeps: when it has checked this plan before, the plan's
/// findings come from its cache.
pub fn rank_with(checker: &mut Checker, plan: &Plan, shift: &ShiftId) -> Option<Ranking> {
    rank_in(checker, plan, shift, Lang::Nb)
}

/// [`rank_with`], its reasons in `lang`.
pub fn rank_in(checker: &mut Checker, plan: &Plan, shift: &ShiftId, lang: Lang) -> Option<Ranking> {
    let index = plan.shifts.iter().position(|s| &s.id == shift)?;
    let baseline = checker.check(plan, &CheckOptions::default());
    let own_of = Own::all(plan);
    let absences = Absences::new(plan);
    Some(rank_index(
        plan,
        index,
        &baseline.findings,
        &own_of,
        &absences,
        lang,
    ))
}

fn rank_index(
    plan: &Plan,
    index: usize,
    baseline: &[Finding],
    own_of: &HashMap<&AssistantId, Own>,
    absences: &Absences<'_>,
    lang: Lang,
) -> Ranking {
    let target = &plan.shifts[index];
    let day = target.start.local_date();
    let span = target.interval();
    let week = Week::containing(day).interval();
    let none = Own::default();
    let nb = lang == Lang::Nb;

    let mut excluded = Vec::new();
    let mut ranked: Vec<(usize, Candidate)> = Vec::new();
    for (order, assistant) in plan.assistants.iter().enumerate() {
        let away = absences.during(&assistant.id, day, span);
        if target.assistant.as_ref() == Some(&assistant.id) {
            let reason = match (away, nb) {
                (Some(a), true) => format!("har vakten, men er {}", absence_word_in(a.kind, lang)),
                (Some(a), false) => {
                    format!("has the shift, but is {}", absence_word_in(a.kind, lang))
                }
                (None, true) => "har vakten".to_string(),
                (None, false) => "has the shift".to_string(),
            };
            excluded.push(Excluded {
                assistant: assistant.id.clone(),
                reason,
            });
            continue;
        }
        if let Some(a) = away {
            excluded.push(Excluded {
                assistant: assistant.id.clone(),
                reason: absence_word_in(a.kind, lang).to_string(),
            });
            continue;
        }
        let mine = own_of.get(&assistant.id).unwrap_or(&none);
        let busy_then = mine
            .shifts
            .iter()
            .map(|&i| &plan.shifts[i])
            .any(|s| s.counts() && s.interval().overlap(span) > 0);
        if busy_then {
            excluded.push(Excluded {
                assistant: assistant.id.clone(),
                reason: if nb {
                    "har en vakt samtidig"
                } else {
                    "has a shift at the same time"
                }
                .to_string(),
            });
            continue;
        }
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
        let mut reasons: Vec<String> = new_findings.iter().map(|f| reason_in(f, lang)).collect();
        if new_findings.is_empty() {
            reasons.push(if nb {
                "ingen nye brudd eller advarsler".to_string()
            } else {
                "no new breaches or warnings".to_string()
            });
        }
        reasons.push(match (week_minutes, nb) {
            (0, true) => "ingen timer denne uken før vakten".to_string(),
            (0, false) => "no hours this week before the shift".to_string(),
            (m, true) => format!("{} denne uken før vakten", duration(m, lang)),
            (m, false) => format!("{} this week before the shift", duration(m, lang)),
        });
        reasons.push(match (free_contract_minutes, nb) {
            (None, true) => "ingen avtalt stillingsstørrelse".to_string(),
            (None, false) => "no agreed contract hours".to_string(),
            (Some(free), true) if free >= 0 => {
                format!("{} ledig i kontrakten", duration(free, lang))
            }
            (Some(free), false) if free >= 0 => {
                format!("{} free in the contract", duration(free, lang))
            }
            (Some(free), true) => format!("{} over kontrakten", duration(-free, lang)),
            (Some(free), false) => format!("{} above the contract", duration(-free, lang)),
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
    Ranking {
        shift: target.id.clone(),
        candidates: ranked.into_iter().map(|(_, c)| c).collect(),
        excluded,
    }
}

/// One item of a cover proposal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    pub shift: ShiftId,
    /// The absent assistant the shift belongs to.
    pub absent: AssistantId,
    /// Who is proposed; `None` when no one can take it.
    pub assistant: Option<AssistantId>,
    pub new_violations: usize,
    pub new_warnings: usize,
    /// Why this person (their ranking reasons), or why no one.
    pub reasons: Vec<String>,
}

/// Propose a cover for each of the uncovered shifts `shifts` (any order; shifts that do not
/// need cover are left out), greedily in time order on a copy of the plan that holds the covers
/// proposed so far. Never two overlapping shifts to one person.
pub fn propose(
    checker: &mut Checker,
    plan: &Plan,
    shifts: &[ShiftId],
    lang: Lang,
) -> Vec<Proposal> {
    let mut work = plan.clone();
    let positions: HashMap<&ShiftId, usize> = plan
        .shifts
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mask = uncovered_mask(plan);
    let mut order: Vec<usize> = shifts
        .iter()
        .filter_map(|id| positions.get(id).copied())
        .filter(|&i| mask[i])
        .collect();
    order.sort_by_key(|&i| (plan.shifts[i].start, i));
    order.dedup();
    let mut out = Vec::with_capacity(order.len());
    for i in order {
        let absent = plan.shifts[i]
            .assistant
            .clone()
            .expect("an uncovered shift has an assistant");
        let baseline = checker.check(&work, &CheckOptions::default());
        let ranking = {
            let own_of = Own::all(&work);
            let absences = Absences::new(&work);
            rank_index(&work, i, &baseline.findings, &own_of, &absences, lang)
        };
        match ranking.candidates.into_iter().next() {
            Some(best) => {
                work.shifts[i].assistant = Some(best.assistant.clone());
                work.covers
                    .insert(work.shifts[i].id.clone(), absent.clone());
                out.push(Proposal {
                    shift: work.shifts[i].id.clone(),
                    absent,
                    assistant: Some(best.assistant),
                    new_violations: best.new_violations,
                    new_warnings: best.new_warnings,
                    reasons: best.reasons,
                });
            }
            None => {
                let mut reasons = vec![if lang == Lang::Nb {
                    "ingen kan ta vakten".to_string()
                } else {
                    "no one can take the shift".to_string()
                }];
                reasons.extend(ranking.excluded.into_iter().map(|e| {
                    let name = work
                        .assistant(&e.assistant)
                        .map_or_else(|| e.assistant.to_string(), |a| a.name_or_id().to_string());
                    format!("{name}: {}", e.reason)
                }));
                out.push(Proposal {
                    shift: work.shifts[i].id.clone(),
                    absent,
                    assistant: None,
                    new_violations: 0,
                    new_warnings: 0,
                    reasons,
                });
            }
        }
    }
    out
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
    reason_in(f, Lang::Nb)
}

/// [`reason`] in `lang`.
pub fn reason_in(f: &Finding, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let value = |n: i64| match f.unit {
        crate::rules::Unit::Minutes => duration(n, lang),
        crate::rules::Unit::Days => match (n == 1, nb) {
            (true, true) => format!("{n} dag"),
            (false, true) => format!("{n} dager"),
            (true, false) => format!("{n} day"),
            (false, false) => format!("{n} days"),
        },
    };
    let kind = match (f.severity, nb) {
        (Severity::Violation, true) => "brudd",
        (Severity::Warning, true) => "advarsel",
        (Severity::Info, true) => "merknad",
        (Severity::Violation, false) => "breach",
        (Severity::Warning, false) => "warning",
        (Severity::Info, false) => "note",
    };
    let minimum = matches!(f.rule, Rule::RestD | Rule::RestW | Rule::Brk)
        || matches!(f.detail, Some(Detail::Compensation));
    let bound = match (minimum, nb) {
        (true, true) => "minst",
        (false, true) => "høyst",
        (true, false) => "at least",
        (false, false) => "at most",
    };
    let title = rule_title(f.rule, lang).to_lowercase();
    format!(
        "{kind}: {title} {}, {bound} {} ({})",
        value(f.measured),
        value(f.limit),
        day_label(f.start, lang)
    )
}

/// `ti. 09.06.` (`Tue 09.06.`)
fn day_label(t: Instant, lang: Lang) -> String {
    let date = t.local_date();
    let i = date.weekday().num_days_from_monday() as usize;
    let day = match lang {
        Lang::Nb => ["ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    };
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
