//! Weekly hours and overtime: NH-W, NH-AVG, OT-W, OT-4W, OT-52W, TOT-W, and the informational
//! NH-BASE and CONTRACT.

use super::finding::{over_max, Detail, Exact, Finding, Rule, Severity};
use super::timeline::Timeline;
use super::windows::{runs, WindowResult};
use super::{night, sunday};
use crate::model::Assistant;
use crate::time::{Interval, HOUR, MINUTE};

/// Run the weekly rules on the assistant's own shifts, and TOT-W on all their work (`total`,
/// which adds work elsewhere) into `total_out`.
pub fn check(
    t: &Timeline,
    total: &Timeline,
    assistant: &Assistant,
    out: &mut Vec<Finding>,
    total_out: &mut Vec<Finding>,
) {
    let p = &t.profile;
    for w in &t.weeks {
        let shifts = || t.shifts_starting(w.interval);
        if w.hours > w.normal_limit {
            out.push(over_max(
                Rule::NhW,
                Severity::Warning,
                &t.assistant,
                w.interval,
                Exact::secs(w.hours),
                Exact::secs(w.normal_limit),
                shifts(),
                None,
            ));
        }
        if w.overtime() > p.overtime_week_max {
            out.push(over_max(
                Rule::OtW,
                Severity::Violation,
                &t.assistant,
                w.interval,
                Exact::secs(w.overtime()),
                Exact::secs(p.overtime_week_max),
                shifts(),
                None,
            ));
        }
        if let Some(contract) = assistant.contract_minutes_per_week {
            if w.hours > contract * MINUTE {
                out.push(over_max(
                    Rule::Contract,
                    Severity::Info,
                    &t.assistant,
                    w.interval,
                    Exact::secs(w.hours),
                    Exact::secs(contract * MINUTE),
                    shifts(),
                    None,
                ));
            }
        }
    }
    overtime_windows(t, Rule::Ot4w, 4, p.overtime_4w_max, out);
    overtime_windows(t, Rule::Ot52w, 52, p.overtime_52w_max, out);
    total_week(total, total_out);
    normal_average(t, out);
    normal_base(t, out);
}

/// Sum of `value` over `len` weeks starting at the `start`-th week with work (weeks after the
/// last with work count as none).
fn window_sum(t: &Timeline, start: usize, len: usize, value: impl Fn(usize) -> i64) -> i64 {
    (start..(start + len).min(t.weeks.len())).map(value).sum()
}

fn overtime_windows(t: &Timeline, rule: Rule, weeks: i64, max: i64, out: &mut Vec<Finding>) {
    let results: Vec<WindowResult> = (0..t.weeks.len())
        .map(|i| {
            let sum = window_sum(t, i, weeks as usize, |w| t.weeks[w].overtime());
            WindowResult {
                start: t.weeks[i].week,
                weeks,
                measured: sum,
                limit: max,
                breaks: sum > max,
            }
        })
        .collect();
    for run in runs(&results) {
        out.push(over_max(
            rule,
            Severity::Violation,
            &t.assistant,
            run.interval,
            Exact::secs(run.worst.measured),
            Exact::secs(run.worst.limit),
            t.shifts_starting(run.interval),
            None,
        ));
    }
}

fn total_week(t: &Timeline, out: &mut Vec<Finding>) {
    let p = &t.profile;
    let n = i64::from(p.total_week_average_weeks);
    if n == 0 {
        for w in t.weeks.iter().filter(|w| w.hours > p.total_week_max) {
            out.push(over_max(
                Rule::TotW,
                Severity::Violation,
                &t.assistant,
                w.interval,
                Exact::secs(w.hours),
                Exact::secs(p.total_week_max),
                t.shifts_starting(w.interval),
                None,
            ));
        }
        return;
    }
    // The average over n weeks is compared as a sum against n × the weekly cap.
    let results: Vec<WindowResult> = (0..t.weeks.len())
        .map(|i| {
            let sum = window_sum(t, i, n as usize, |w| t.weeks[w].hours);
            WindowResult {
                start: t.weeks[i].week,
                weeks: n,
                measured: sum,
                limit: p.total_week_max * n,
                breaks: sum > p.total_week_max * n,
            }
        })
        .collect();
    for run in runs(&results) {
        out.push(over_max(
            Rule::TotW,
            Severity::Violation,
            &t.assistant,
            run.interval,
            Exact {
                num: run.worst.measured,
                den: n,
            },
            Exact::secs(p.total_week_max),
            t.shifts_starting(run.interval),
            Some(Detail::Average),
        ));
    }
    if let Some(single) = p.total_week_single_max {
        for w in t.weeks.iter().filter(|w| w.hours > single) {
            out.push(over_max(
                Rule::TotW,
                Severity::Violation,
                &t.assistant,
                w.interval,
                Exact::secs(w.hours),
                Exact::secs(single),
                t.shifts_starting(w.interval),
                Some(Detail::SingleWeek),
            ));
        }
    }
}

/// NH-AVG: the average over each averaging period, from the first week with work.
fn normal_average(t: &Timeline, out: &mut Vec<Finding>) {
    let Some(limit) = t.profile.weekly_normal_avg else {
        return;
    };
    let period = t.profile.averaging_weeks.unwrap_or(1).max(1) as usize;
    for chunk in t.weeks.chunks(period) {
        let total: i64 = chunk.iter().map(|w| w.hours).sum();
        let n = chunk.len() as i64;
        if total <= limit * n {
            continue;
        }
        let (severity, detail) = if chunk.len() < period {
            (Severity::Info, Some(Detail::PeriodNotComplete))
        } else {
            (Severity::Warning, None)
        };
        let at = Interval::new(chunk[0].interval.start, chunk[chunk.len() - 1].interval.end);
        out.push(over_max(
            Rule::NhAvg,
            severity,
            &t.assistant,
            at,
            Exact { num: total, den: n },
            Exact::secs(limit),
            t.shifts_starting(at),
            detail,
        ));
    }
}

/// NH-BASE (info): the rota looks like one for which aml § 10-4 (4), (5) lowers the normal
/// week to 38 h (Sunday work at least every third Sunday, or mainly night work) or 36 h
/// (round the clock: day, evening and night work, and every third Sunday), while the profile
/// still uses more. (design: the shape is read from the assistant's own shifts.)
fn normal_base(t: &Timeline, out: &mut Vec<Finding>) {
    let (Some(first), Some(last)) = (t.weeks.first(), t.weeks.last()) else {
        return;
    };
    let current = t
        .profile
        .weekly_normal_avg
        .unwrap_or(t.profile.weekly_normal_max);
    let span = Interval::new(first.interval.start, last.interval.end);
    let sundays = t.weeks.len();
    let sundays_worked = sunday::sundays_worked(t, span);
    let every_third_sunday = sundays >= 3 && sundays_worked * 3 >= sundays;
    let total: i64 = t.weeks.iter().map(|w| w.hours).sum();
    let night = night::night_work(t, span);
    let mainly_nights = total > 0 && night * 2 > total;
    let (suggested, detail) = if every_third_sunday && night::works_all_parts_of_day(t) {
        (36 * HOUR, Detail::RoundTheClock)
    } else if every_third_sunday || mainly_nights {
        (38 * HOUR, Detail::SundaysOrNights)
    } else {
        return;
    };
    if current > suggested {
        out.push(over_max(
            Rule::NhBase,
            Severity::Info,
            &t.assistant,
            span,
            Exact::secs(current),
            Exact::secs(suggested),
            Vec::new(),
            Some(detail),
        ));
    }
}
