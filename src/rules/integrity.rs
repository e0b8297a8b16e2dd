//! Plan integrity and the vedtak: OVERLAP-SELF, DOUBLE-STAFF, VEDTAK-NIGHT, VEDTAK-FRAME,
//! FAMILY and PLAN-14.
//!
//! VEDTAK-FRAME reads the hour accounts of `crate::hours`, which define the budget, the use
//! and the year-end forecast.

use super::finding::{Finding, Rule, Severity, Unit};
use super::night::night_pieces;
use super::timeline::Timeline;
use crate::model::vedtak::segments;
use crate::model::{Assistant, NightHelp, Plan, Shift};
use crate::time::{Interval, DAY, MINUTE};

/// Rules about one assistant: OVERLAP-SELF and FAMILY.
pub fn check_assistant(plan: &Plan, assistant: &Assistant, t: &Timeline, out: &mut Vec<Finding>) {
    for block in &t.blocks {
        for (k, &i) in block.shifts.iter().enumerate() {
            for &j in &block.shifts[k + 1..] {
                let (a, b) = (&plan.shifts[i], &plan.shifts[j]);
                if let Some(overlap) = a.interval().intersect(b.interval()) {
                    out.push(Finding {
                        rule: Rule::OverlapSelf,
                        severity: Severity::Violation,
                        assistants: vec![assistant.id.clone()],
                        start: overlap.start,
                        end: overlap.end,
                        measured: overlap.len() / MINUTE,
                        limit: 0,
                        unit: Unit::Minutes,
                        shifts: vec![a.id.clone(), b.id.clone()],
                        detail: None,
                    });
                }
            }
        }
    }
    if assistant.close_family && assistant.family_approval.is_none() {
        if let (Some(first), Some(last)) = (t.blocks.first(), t.blocks.last()) {
            let planned: i64 = t.blocks.iter().map(|b| b.interval.len()).sum();
            out.push(Finding {
                rule: Rule::Family,
                severity: Severity::Warning,
                assistants: vec![assistant.id.clone()],
                start: first.interval.start,
                end: last.interval.end,
                measured: super::finding::minutes_up(planned, 1),
                limit: 0,
                unit: Unit::Minutes,
                shifts: t.shift_ids(0..t.blocks.len()),
                detail: None,
            });
        }
    }
}

/// Rules across the plan: DOUBLE-STAFF, VEDTAK-NIGHT, VEDTAK-FRAME and PLAN-14.
pub fn check_plan(plan: &Plan, out: &mut Vec<Finding>) {
    double_staffing(plan, out);
    vedtak_frame(plan, out);
    let night_profile = plan.profile.values();
    for shift in plan.shifts.iter().filter(|s| s.counts()) {
        vedtak_night(plan, shift, &night_profile, out);
        notice(shift, out);
    }
}

fn assistants_of(shift: &Shift) -> Vec<crate::model::AssistantId> {
    shift.assistant.iter().cloned().collect()
}

/// DOUBLE-STAFF: two assistants at once while the vedtak in force does not allow it.
fn double_staffing(plan: &Plan, out: &mut Vec<Finding>) {
    let mut staffed: Vec<&Shift> = plan
        .shifts
        .iter()
        .filter(|s| s.counts() && s.assistant.is_some())
        .collect();
    staffed.sort_by_key(|s| (s.start, s.end));
    for (k, a) in staffed.iter().enumerate() {
        for b in staffed[k + 1..].iter().take_while(|b| b.start < a.end) {
            if a.assistant == b.assistant {
                continue;
            }
            let Some(overlap) = a.interval().intersect(b.interval()) else {
                continue;
            };
            for stretch in not_allowed(plan, overlap) {
                let mut assistants = vec![
                    a.assistant.clone().expect("staffed"),
                    b.assistant.clone().expect("staffed"),
                ];
                assistants.sort();
                out.push(Finding {
                    rule: Rule::DoubleStaff,
                    severity: Severity::Warning,
                    assistants,
                    start: stretch.start,
                    end: stretch.end,
                    measured: stretch.len() / MINUTE,
                    limit: 0,
                    unit: Unit::Minutes,
                    shifts: vec![a.id.clone(), b.id.clone()],
                    detail: None,
                });
            }
        }
    }
}

/// The maximal stretches of `at` during which the vedtak in force does not allow double
/// staffing (no vedtak in force: not allowed).
fn not_allowed(plan: &Plan, at: Interval) -> Vec<Interval> {
    let mut stretches: Vec<Interval> = Vec::new();
    for (piece, version) in segments(&plan.vedtak, at) {
        let allowed = version.is_some_and(|v| plan.vedtak[v].double_staffing);
        if allowed {
            continue;
        }
        match stretches.last_mut() {
            Some(last) if last.end == piece.start => last.end = piece.end,
            _ => stretches.push(piece),
        }
    }
    stretches
}

/// VEDTAK-NIGHT: work in the night period while the vedtak in force excludes night help.
fn vedtak_night(
    plan: &Plan,
    shift: &Shift,
    profile: &crate::model::ProfileValues,
    out: &mut Vec<Finding>,
) {
    if plan.vedtak.iter().all(|v| v.night == NightHelp::Included) {
        return;
    }
    let mut excluded: Vec<Interval> = Vec::new();
    for piece in night_pieces(shift.interval(), profile) {
        for (part, version) in segments(&plan.vedtak, piece) {
            if version.is_some_and(|v| plan.vedtak[v].night == NightHelp::Excluded) {
                excluded.push(part);
            }
        }
    }
    let (Some(first), Some(last)) = (excluded.first(), excluded.last()) else {
        return;
    };
    let minutes: i64 = excluded.iter().map(|p| p.len()).sum::<i64>() / MINUTE;
    out.push(Finding {
        rule: Rule::VedtakNight,
        severity: Severity::Warning,
        assistants: assistants_of(shift),
        start: first.start,
        end: last.end,
        measured: minutes,
        limit: 0,
        unit: Unit::Minutes,
        shifts: vec![shift.id.clone()],
        detail: None,
    });
}

/// PLAN-14 (info): a shift created or changed less than 14 days before it starts.
fn notice(shift: &Shift, out: &mut Vec<Finding>) {
    let Some(changed) = shift.last_changed() else {
        return;
    };
    let notice = shift.start - changed;
    if !(0..14 * DAY).contains(&notice) {
        return;
    }
    out.push(Finding {
        rule: Rule::Plan14,
        severity: Severity::Info,
        assistants: assistants_of(shift),
        start: shift.start,
        end: shift.end,
        measured: notice / MINUTE,
        limit: 14 * DAY / MINUTE,
        unit: Unit::Minutes,
        shifts: vec![shift.id.clone()],
        detail: None,
    });
}

/// VEDTAK-FRAME: used plus planned hours of a service type, or the year-end forecast, above
/// the vedtak's frame for its period.
fn vedtak_frame(plan: &Plan, out: &mut Vec<Finding>) {
    for excess in crate::hours::frame_excesses(plan) {
        let (measured, limit) = excess.whole_minutes();
        out.push(Finding {
            rule: Rule::VedtakFrame,
            severity: Severity::Warning,
            assistants: Vec::new(),
            start: excess.interval.start,
            end: excess.interval.end,
            measured,
            limit,
            unit: Unit::Minutes,
            shifts: Vec::new(),
            detail: excess.forecast.then_some(super::finding::Detail::Forecast),
        });
    }
}
