//! Length of work: NH-D (daily normal hours), TOT-D (total daily hours) and BRK (breaks).

use super::finding::{over_max, Exact, Finding, Rule, Severity, Unit};
use super::timeline::{Timeline, WorkDay};
use crate::time::{Interval, HOUR, MINUTE};

/// Run NH-D, TOT-D and BRK on one assistant's timeline.
pub fn check(t: &Timeline, out: &mut Vec<Finding>) {
    for day in &t.days {
        daily_hours(t, day, out);
    }
    breaks(t, out);
}

fn daily_hours(t: &Timeline, day: &WorkDay, out: &mut Vec<Finding>) {
    let first = &t.blocks[day.blocks.start];
    let last = &t.blocks[day.blocks.end - 1];
    let at = Interval::new(first.interval.start, last.interval.end);
    let shifts = || t.shift_ids(day.blocks.clone());
    if day.hours > day.normal_limit {
        out.push(over_max(
            Rule::NhD,
            Severity::Warning,
            &t.assistant,
            at,
            Exact::secs(day.hours),
            Exact::secs(day.normal_limit),
            shifts(),
            None,
        ));
    }
    let total_limit = match t.profile.long_shift_max {
        Some(long_max) if day.long => long_max,
        _ => t.profile.total_day_max,
    };
    if day.hours > total_limit {
        out.push(over_max(
            Rule::TotD,
            Severity::Violation,
            &t.assistant,
            at,
            Exact::secs(day.hours),
            Exact::secs(total_limit),
            shifts(),
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
