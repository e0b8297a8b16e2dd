//! Plan integrity and the vedtak: OVERLAP-SELF, DOUBLE-STAFF, VEDTAK-NIGHT, VEDTAK-FRAME,
//! FAMILY and PLAN-14.
//!
//! OVERLAP-SELF and DOUBLE-STAFF are pairwise rules: they report one finding per pair of
//! overlapping shifts, except in a group of shifts connected by overlaps with more than
//! [`MAX_PAIRS_PER_GROUP`] pairs, which is one finding, so N copies of one shift give one
//! finding, not N(N−1)/2. Both run in O(n log n) plus the pairs reported.
//!
//! VEDTAK-FRAME reads the hour accounts of `crate::hours`, which define the budget, the use
//! and the year-end forecast.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};

use super::finding::{Finding, Rule, Severity, Unit};
use super::night::night_pieces;
use super::timeline::Timeline;
use crate::limits::MAX_PAIRS_PER_GROUP;
use crate::model::vedtak::segments;
use crate::model::{Assistant, AssistantId, NightHelp, Plan, Shift, ShiftId};
use crate::time::{Instant, Interval, DAY, MINUTE};

/// Rules about one assistant: OVERLAP-SELF and FAMILY.
pub fn check_assistant(plan: &Plan, assistant: &Assistant, t: &Timeline, out: &mut Vec<Finding>) {
    for block in &t.blocks {
        let shifts: Vec<&Shift> = block.shifts.iter().map(|&i| &plan.shifts[i]).collect();
        for group in overlap_groups(&shifts) {
            overlap_self(assistant, group, out);
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

/// OVERLAP-SELF for one group of an assistant's shifts connected by overlaps: one finding
/// per overlapping pair while the group holds at most [`MAX_PAIRS_PER_GROUP`] pairs
/// (RULES.md), otherwise one finding for the whole group, pointing from the first to the last
/// minute the assistant is booked more than once, `measured` = those minutes, naming every
/// shift of the group.
fn overlap_self(assistant: &Assistant, group: &[&Shift], out: &mut Vec<Finding>) {
    if group.len() < 2 {
        return;
    }
    let finding = |at: Interval, measured: i64, shifts: Vec<ShiftId>| Finding {
        rule: Rule::OverlapSelf,
        severity: Severity::Violation,
        assistants: vec![assistant.id.clone()],
        start: at.start,
        end: at.end,
        measured,
        limit: 0,
        unit: Unit::Minutes,
        shifts,
        detail: None,
    };
    if pairs_at_most(group, MAX_PAIRS_PER_GROUP) {
        for (k, a) in group.iter().enumerate() {
            for b in &group[k + 1..] {
                if let Some(overlap) = a.interval().intersect(b.interval()) {
                    out.push(finding(
                        overlap,
                        overlap.len() / MINUTE,
                        vec![a.id.clone(), b.id.clone()],
                    ));
                }
            }
        }
        return;
    }
    let twice = covered_twice(group.iter().map(|s| s.interval()));
    if let (Some(first), Some(last)) = (twice.first(), twice.last()) {
        let minutes = twice.iter().map(|i| i.len()).sum::<i64>() / MINUTE;
        let ids = group.iter().map(|s| s.id.clone()).collect();
        out.push(finding(Interval::new(first.start, last.end), minutes, ids));
    }
}

/// `sorted` (by start) cut into groups connected by overlaps of more than zero minutes: a
/// shift joins the group when it starts before the latest end so far.
fn overlap_groups<'a, 's>(sorted: &'a [&'s Shift]) -> Vec<&'a [&'s Shift]> {
    let mut groups = Vec::new();
    let mut first = 0;
    let mut reach = None;
    for (i, s) in sorted.iter().enumerate() {
        match reach {
            Some(end) if s.start < end => reach = Some(end.max(s.end)),
            _ => {
                if i > first {
                    groups.push(&sorted[first..i]);
                }
                first = i;
                reach = Some(s.end);
            }
        }
    }
    if sorted.len() > first {
        groups.push(&sorted[first..]);
    }
    groups
}

/// True when the shifts (sorted by start) hold at most `limit` overlapping pairs; stops
/// counting past the limit, so the cost is O(n log n) however many pairs there are.
fn pairs_at_most(sorted: &[&Shift], limit: usize) -> bool {
    let mut ends: BinaryHeap<Reverse<Instant>> = BinaryHeap::new();
    let mut pairs = 0;
    for s in sorted {
        while ends.peek().is_some_and(|Reverse(end)| *end <= s.start) {
            ends.pop();
        }
        pairs += ends.len();
        if pairs > limit {
            return false;
        }
        ends.push(Reverse(s.end));
    }
    true
}

/// The maximal stretches covered by at least two of `intervals`, in time order.
fn covered_twice(intervals: impl Iterator<Item = Interval>) -> Vec<Interval> {
    // Ends sort before starts at the same instant: touching is not overlapping.
    let mut edges: Vec<(Instant, i32)> = intervals
        .flat_map(|i| [(i.start, 1), (i.end, -1)])
        .collect();
    edges.sort_by_key(|&(at, step)| (at, step));
    let mut stretches: Vec<Interval> = Vec::new();
    let mut depth = 0;
    let mut from = None;
    for (at, step) in edges {
        depth += step;
        match (depth >= 2, from) {
            (true, None) => from = Some(at),
            (false, Some(start)) => {
                from = None;
                if at > start {
                    push_merged(&mut stretches, Interval::new(start, at));
                }
            }
            _ => {}
        }
    }
    stretches
}

/// Append `piece`, merging it into the last stretch when they touch.
fn push_merged(stretches: &mut Vec<Interval>, piece: Interval) {
    match stretches.last_mut() {
        Some(last) if last.end == piece.start => last.end = piece.end,
        _ => stretches.push(piece),
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

/// DOUBLE-STAFF: two assistants at once while the vedtak in force does not allow it. Shifts
/// are taken in groups connected by overlaps; a group with at most [`MAX_PAIRS_PER_GROUP`]
/// pairs of two assistants' shifts overlapping gets one finding per pair and not-allowed
/// stretch (RULES.md), a group with more gets one finding (see [`double_staffed_group`]).
fn double_staffing(plan: &Plan, out: &mut Vec<Finding>) {
    let mut staffed: Vec<&Shift> = plan
        .shifts
        .iter()
        .filter(|s| s.counts() && s.assistant.is_some())
        .collect();
    staffed.sort_by_key(|s| (s.start, s.end));
    for group in overlap_groups(&staffed) {
        let Some(pairs) = staffed_pairs(group, MAX_PAIRS_PER_GROUP) else {
            double_staffed_group(plan, group, out);
            continue;
        };
        for (a, b) in pairs.into_iter().map(|(i, j)| (group[i], group[j])) {
            let Some(overlap) = a.interval().intersect(b.interval()) else {
                continue;
            };
            for stretch in not_allowed(plan, overlap) {
                let mut assistants: Vec<AssistantId> =
                    a.assistant.iter().chain(&b.assistant).cloned().collect();
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

/// The pairs `(i, j)`, `i < j`, of overlapping shifts of two different assistants in
/// `sorted` (by start), in that order; `None` when there are more than `limit`. A sweep keeps
/// the shifts still running per assistant, so the cost is O(n log n) plus the pairs found,
/// however often one assistant is booked twice.
fn staffed_pairs(sorted: &[&Shift], limit: usize) -> Option<Vec<(usize, usize)>> {
    let mut running: BTreeMap<&AssistantId, BTreeSet<usize>> = BTreeMap::new();
    let mut ends: BinaryHeap<Reverse<(Instant, usize)>> = BinaryHeap::new();
    let mut pairs = Vec::new();
    for (j, b) in sorted.iter().enumerate() {
        while let Some(&Reverse((end, i))) = ends.peek() {
            if end > b.start {
                break;
            }
            ends.pop();
            let who = sorted[i].assistant.as_ref().expect("staffed");
            if let Some(set) = running.get_mut(who) {
                set.remove(&i);
                if set.is_empty() {
                    running.remove(who);
                }
            }
        }
        let own = b.assistant.as_ref().expect("staffed");
        for (_, set) in running.iter().filter(|(who, _)| **who != own) {
            for &i in set {
                pairs.push((i, j));
                if pairs.len() > limit {
                    return None;
                }
            }
        }
        running.entry(own).or_default().insert(j);
        ends.push(Reverse((b.end, j)));
    }
    pairs.sort_unstable();
    Some(pairs)
}

/// DOUBLE-STAFF for a group with many overlapping pairs: one finding pointing from the first
/// to the last minute at which two or more assistants work at once and the vedtak does not
/// allow it, `measured` = those minutes, naming every assistant and shift working then.
fn double_staffed_group(plan: &Plan, group: &[&Shift], out: &mut Vec<Finding>) {
    let mut edges: Vec<(Instant, i32, &AssistantId)> = group
        .iter()
        .flat_map(|s| {
            let who = s.assistant.as_ref().expect("staffed");
            [(s.start, 1, who), (s.end, -1, who)]
        })
        .collect();
    edges.sort_by_key(|&(at, step, _)| (at, step));
    let mut on_duty: HashMap<&AssistantId, i32> = HashMap::new();
    let mut stretches: Vec<Interval> = Vec::new();
    let mut from: Option<Instant> = None;
    for (at, step, who) in edges {
        let count = on_duty.entry(who).or_insert(0);
        *count += step;
        if *count == 0 {
            on_duty.remove(who);
        }
        match (on_duty.len() >= 2, from) {
            (true, None) => from = Some(at),
            (false, Some(start)) => {
                from = None;
                if at > start {
                    for piece in not_allowed(plan, Interval::new(start, at)) {
                        push_merged(&mut stretches, piece);
                    }
                }
            }
            _ => {}
        }
    }
    let (Some(first), Some(last)) = (stretches.first(), stretches.last()) else {
        return;
    };
    let working: Vec<&Shift> = group
        .iter()
        .copied()
        .filter(|s| {
            let k = stretches.partition_point(|p| p.end <= s.start);
            stretches.get(k).is_some_and(|p| p.start < s.end)
        })
        .collect();
    let mut assistants: Vec<AssistantId> =
        working.iter().filter_map(|s| s.assistant.clone()).collect();
    assistants.sort();
    assistants.dedup();
    out.push(Finding {
        rule: Rule::DoubleStaff,
        severity: Severity::Warning,
        assistants,
        start: first.start,
        end: last.end,
        measured: stretches.iter().map(|p| p.len()).sum::<i64>() / MINUTE,
        limit: 0,
        unit: Unit::Minutes,
        shifts: working.iter().map(|s| s.id.clone()).collect(),
        detail: None,
    });
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
        push_merged(&mut stretches, piece);
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
