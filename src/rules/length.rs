//! Length of work: NH-D (daily normal hours), TOT-D (total daily hours) and BRK (breaks).

use super::finding::{over_max, Exact, Finding, Rule, Severity, Unit};
use super::timeline::{Timeline, WorkDay};
use crate::time::{Interval, HOUR, MINUTE};

/// Run NH-D and BRK on the assistant's own shifts, and TOT-D on all their work (`total`,
/// which adds work elsewhere) into `total_out`.
pub fn check(
    own: &Timeline,
    total: &Timeline,
    out: &mut Vec<Finding>,
    total_out: &mut Vec<Finding>,
) {
    for day in &own.days {
        normal_hours(own, day, out);
    }
    for day in &total.days {
        total_hours(total, day, total_out);
    }
    breaks(own, out);
}

fn day_span(t: &Timeline, day: &WorkDay) -> Interval {
    let first = &t.blocks[day.blocks.start];
    let last = &t.blocks[day.blocks.end - 1];
    Interval::new(first.interval.start, last.interval.end)
}

fn normal_hours(t: &Timeline, day: &WorkDay, out: &mut Vec<Finding>) {
    if day.hours > day.normal_limit {
        out.push(over_max(
            Rule::NhD,
            Severity::Warning,
            &t.assistant,
            day_span(t, day),
            Exact::secs(day.hours),
            Exact::secs(day.normal_limit),
            t.shift_ids(day.blocks.clone()),
            None,
        ));
    }
}

fn total_hours(t: &Timeline, day: &WorkDay, out: &mut Vec<Finding>) {
    let total_limit = match t.profile.long_shift_max {
        Some(long_max) if day.long => long_max,
        _ => t.profile.total_day_max,
    };
    if day.hours > total_limit {
        out.push(over_max(
            Rule::TotD,
            Severity::Violation,
            &t.assistant,
            day_span(t, day),
            Exact::secs(day.hours),
            Exact::secs(total_limit),
            t.shift_ids(day.blocks.clone()),
            None,
        ));
    }
}

/// A block of at least 8 h needs 30 min of breaks; a block over 5 h 30 min needs a break.
fn breaks(t: &Timeline, out: &mut Vec<Finding>) {
    for (i, b) in t.blocks.iter().enumerate() {
        let len = b.interval.len();
        let limit = if len >= 8 * HOUR && b.break_minutes < 30 {
            30
        } else if len > 5 * HOUR + 30 * MINUTE && b.break_minutes == 0 {
            1
        } else {
            continue;
        };
        out.push(Finding {
            rule: Rule::Brk,
            severity: Severity::Violation,
            assistants: vec![t.assistant.clone()],
            start: b.interval.start,
            end: b.interval.end,
            measured: b.break_minutes,
            limit,
            unit: Unit::Minutes,
            shifts: t.shift_ids([i]),
            detail: None,
        });
    }
}
