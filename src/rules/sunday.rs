//! Sundays and public holidays: SUN-NEXT (plain law), SUN-AVG and SUN-4W (averaging by
//! agreement), aml § 10-10.
//!
//! A red day is worked when any block overlaps its zone (`calendar::red_day_zone`) by more
//! than zero minutes.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::finding::{Finding, Rule, Severity, Unit};
use super::timeline::Timeline;
use super::windows::{runs, WindowResult};
use crate::calendar::{red_day_zone, red_days_between};
use crate::model::SundayRule;
use crate::time::Interval;

/// A red day with the minutes the assistant worked in its zone.
#[derive(Clone, Copy, Debug)]
pub struct RedDay {
    pub date: NaiveDate,
    pub zone: Interval,
    /// Seconds of work inside the zone.
    pub worked: i64,
}

/// Every red day from the Monday of the first week with work (or the day before the first
/// block, if earlier) to `until`, with the work in its zone. Red days of the first week before
/// the first shift count in the windows that start that week.
pub fn red_days(t: &Timeline, until: NaiveDate) -> Vec<RedDay> {
    let (Some(first), Some(week)) = (t.blocks.first(), t.weeks.first()) else {
        return Vec::new();
    };
    let from = (first.interval.start.local_date() - Duration::days(1)).min(week.week.monday());
    red_days_between(from, until)
        .into_iter()
        .filter_map(|date| {
            let zone = red_day_zone(date)?;
            Some(RedDay {
                date,
                zone,
                worked: t.work_in(zone),
            })
        })
        .collect()
}

/// Run the Sunday rules of the assistant's profile.
pub fn check(t: &Timeline, out: &mut Vec<Finding>) {
    let Some(last) = t.weeks.last() else {
        return;
    };
    match t.profile.sunday_rule {
        SundayRule::NextOff => {
            let until = last.week.sunday() + Duration::days(1);
            next_off(t, &red_days(t, until), out);
        }
        SundayRule::Average => {
            // Windows start at every week with work and reach 26 weeks on.
            let until = last.week.plus(26).monday();
            let days = red_days(t, until);
            average(t, &days, 26, out);
            average(t, &days, 4, out);
        }
    }
}

/// SUN-NEXT: a worked red day must be followed by a red day off.
fn next_off(t: &Timeline, days: &[RedDay], out: &mut Vec<Finding>) {
    for pair in days.windows(2) {
        let (day, next) = (pair[0], pair[1]);
        if day.worked > 0 && next.worked > 0 {
            out.push(Finding {
                rule: Rule::SunNext,
                severity: Severity::Violation,
                assistants: vec![t.assistant.clone()],
                start: next.zone.start,
                end: next.zone.end,
                measured: super::finding::minutes_up(next.worked, 1),
                limit: 0,
                unit: Unit::Minutes,
                shifts: t.shifts_in(next.zone),
                detail: None,
            });
        }
    }
}

/// SUN-AVG (26 weeks, at most half) and SUN-4W (4 weeks, at least one off).
fn average(t: &Timeline, days: &[RedDay], weeks: i64, out: &mut Vec<Finding>) {
    let rule = if weeks == 26 {
        Rule::SunAvg
    } else {
        Rule::Sun4w
    };
    let results: Vec<WindowResult> = t
        .weeks
        .iter()
        .map(|w| {
            let from = w.week.monday();
            let to = w.week.plus(weeks).monday();
            let inside = days.iter().filter(|d| d.date >= from && d.date < to);
            let (total, worked) = inside.fold((0i64, 0i64), |(n, k), d| {
                (n + 1, k + i64::from(d.worked > 0))
            });
            let limit = if weeks == 26 { total / 2 } else { total - 1 };
            WindowResult {
                start: w.week,
                weeks,
                measured: worked,
                limit,
                breaks: worked > limit,
            }
        })
        .collect();
    for run in runs(&results) {
        out.push(Finding {
            rule,
            severity: Severity::Violation,
            assistants: vec![t.assistant.clone()],
            start: run.interval.start,
            end: run.interval.end,
            measured: run.worst.measured,
            limit: run.worst.limit,
            unit: Unit::Days,
            shifts: worked_shifts(t, days, run.interval),
            detail: None,
        });
    }
}

fn worked_shifts(t: &Timeline, days: &[RedDay], within: Interval) -> Vec<crate::model::ShiftId> {
    let mut ids = Vec::new();
    for d in days
        .iter()
        .filter(|d| d.worked > 0 && within.contains(d.zone.end))
    {
        for id in t.shifts_in(d.zone) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// The number of Sundays in `span` on which the assistant worked (their zone).
pub fn sundays_worked(t: &Timeline, span: Interval) -> usize {
    let mut count = 0;
    let mut date = span.start.local_date();
    while date.weekday() != Weekday::Sun {
        date += Duration::days(1);
    }
    while crate::time::Instant::start_of_day(date) < span.end {
        if let Some(zone) = red_day_zone(date) {
            if t.work_in(zone) > 0 {
                count += 1;
            }
        }
        date += Duration::days(7);
    }
    count
}
