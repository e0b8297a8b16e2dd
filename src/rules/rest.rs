//! Rest: REST-D (daily rest, aml § 10-8 (1), (3)) and REST-W (weekly rest, § 10-8 (2)).
//!
//! Off-duty time is time covered by none of the assistant's blocks; time after the last known
//! shift (and, for the week, before the first) counts as off duty.

use super::finding::{under_min, Detail, Finding, Rule, Severity};
use super::timeline::Timeline;
use crate::calendar::day_interval;
use crate::time::{Interval, DAY};

/// Run REST-D and REST-W on one assistant's timeline.
pub fn check(t: &Timeline, out: &mut Vec<Finding>) {
    daily_rest(t, out);
    weekly_rest(t, out);
}

/// The off-duty stretches inside `within`, clipped to it, in order.
fn off_duty_in(t: &Timeline, within: Interval) -> Vec<Interval> {
    let mut stretches = Vec::new();
    let mut cursor = within.start;
    for b in t.blocks_overlapping(within) {
        let block = t.blocks[b].interval;
        if block.start > cursor {
            stretches.push(Interval::new(cursor, block.start));
        }
        cursor = cursor.max(block.end);
    }
    if cursor < within.end {
        stretches.push(Interval::new(cursor, within.end));
    }
    stretches
}

fn longest(stretches: &[Interval]) -> i64 {
    stretches.iter().map(|s| s.len()).max().unwrap_or(0)
}

/// REST-D: the 24-hour window after each block's start, reduced rest and its compensation,
/// and the rest after a long shift.
///
/// Compensation follows RULES.md to the letter: any gap between two blocks shorter than the
/// daily rest, a pause inside a split day included, sets the requirement for the next gap.
fn daily_rest(t: &Timeline, out: &mut Vec<Finding>) {
    let p = &t.profile;
    let long_rule = p.rest_after_long_shift;
    let blocks = &t.blocks;
    // The requirement the gap after each block must meet, from compensation, if any.
    let mut owed: Option<i64> = None;
    for (i, b) in blocks.iter().enumerate() {
        let exempt = b.long && long_rule.is_some();
        let window = Interval::new(b.interval.start, b.interval.start.plus(DAY));
        let rest = longest(&off_duty_in(t, window));
        if !exempt {
            window_finding(t, window, rest, out);
        }
        let Some(next) = blocks.get(i + 1) else {
            break;
        };
        let gap = Interval::new(b.interval.end, next.interval.start);
        // What this gap must hold.
        let mut required = 0;
        let mut detail = Detail::Compensation;
        if let Some(need) = owed {
            required = need;
        }
        if let (Some(need), true) = (long_rule, b.long) {
            if need > required {
                required = need;
                detail = Detail::AfterLongShift;
            }
        }
        if gap.len() < required {
            out.push(under_min(
                Rule::RestD,
                Severity::Violation,
                &t.assistant,
                gap,
                gap.len(),
                required,
                t.shift_ids([i, i + 1]),
                Some(detail),
            ));
        }
        // Does this gap owe compensation in the next one?
        owed = None;
        if p.daily_rest_floor.is_some() && gap.len() < p.daily_rest_min {
            owed = Some(2 * p.daily_rest_min - gap.len());
        }
    }
}

fn window_finding(t: &Timeline, window: Interval, rest: i64, out: &mut Vec<Finding>) {
    let p = &t.profile;
    let (severity, limit, detail) = match p.daily_rest_floor {
        None if rest < p.daily_rest_min => (Severity::Violation, p.daily_rest_min, Detail::Window),
        Some(floor) if rest < floor => (Severity::Violation, floor, Detail::Window),
        Some(_) if rest < p.daily_rest_min => {
            (Severity::Info, p.daily_rest_min, Detail::ReducedRest)
        }
        _ => return,
    };
    let shifts = t.shifts_in(window);
    out.push(under_min(
        Rule::RestD,
        severity,
        &t.assistant,
        window,
        rest,
        limit,
        shifts,
        Some(detail),
    ));
}

/// REST-W: the longest off-duty stretch in each week with work.
fn weekly_rest(t: &Timeline, out: &mut Vec<Finding>) {
    let min = t.profile.weekly_rest_min;
    for w in t.weeks.iter().filter(|w| w.hours > 0) {
        let stretches = off_duty_in(t, w.interval);
        let rest = longest(&stretches);
        let shifts = || t.shifts_in(w.interval);
        if rest < min {
            let across = bounded_gap_reaching(t, w.interval, min);
            let (severity, detail) = if across {
                (Severity::Warning, Some(Detail::AcrossWeekBoundary))
            } else {
                (Severity::Violation, None)
            };
            out.push(under_min(
                Rule::RestW,
                severity,
                &t.assistant,
                w.interval,
                rest,
                min,
                shifts(),
                detail,
            ));
            continue;
        }
        let sunday = day_interval(w.week.sunday());
        let holds_sunday = stretches
            .iter()
            .any(|s| s.len() >= min && s.overlap(sunday) > 0);
        if !holds_sunday {
            out.push(under_min(
                Rule::RestW,
                Severity::Info,
                &t.assistant,
                w.interval,
                rest,
                min,
                shifts(),
                Some(Detail::NoSunday),
            ));
        }
    }
}

/// True when a gap between two blocks (not clipped) of at least `min` overlaps `week`.
fn bounded_gap_reaching(t: &Timeline, week: Interval, min: i64) -> bool {
    let first = t
        .blocks
        .partition_point(|b| b.interval.end <= week.start)
        .saturating_sub(1);
    t.blocks[first..]
        .windows(2)
        .map(|pair| Interval::new(pair[0].interval.end, pair[1].interval.start))
        .take_while(|gap| gap.start < week.end)
        .any(|gap| gap.len() >= min && gap.overlap(week) > 0)
}
