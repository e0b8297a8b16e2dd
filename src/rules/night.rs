//! Night work: NIGHT-AVG (aml § 10-11 (6)), and the night measurements other rules use.
//!
//! The night period is the profile's `night_start`–`night_end` (21:00–06:00 by default), on
//! instants, so a night across a clock change has its real length.

use chrono::{Duration, NaiveDate, NaiveTime, Timelike};

use super::finding::{over_max, Exact, Finding, Rule, Severity};
use super::timeline::{Block, Timeline};
use super::windows::{runs, WindowResult};
use crate::model::ProfileValues;
use crate::time::{Instant, Interval, HOUR, MINUTE};

/// Normal hours allowed in 4 weeks of regular night work: 8 h × (28 − 4 × 35/24) days.
pub const NIGHT_4W_NORMAL_MAX: i64 = 10_640 * MINUTE;

/// A block holding more than this much night work counts as a night.
const NIGHT_BLOCK_MIN: i64 = 3 * HOUR;

/// The night period that starts on `date` (or, for a night starting at 00:00, lies on it).
pub fn night_of(date: NaiveDate, profile: &ProfileValues) -> Interval {
    if profile.night_start == NaiveTime::MIN {
        Interval::new(
            Instant::start_of_day(date),
            Instant::at_local(date, profile.night_end),
        )
    } else {
        Interval::new(
            Instant::at_local(date, profile.night_start),
            Instant::at_local(date + Duration::days(1), profile.night_end),
        )
    }
}

/// Seconds of `at` that fall in night periods.
pub fn night_seconds(at: Interval, profile: &ProfileValues) -> i64 {
    night_pieces(at, profile).iter().map(|p| p.len()).sum()
}

/// The parts of `at` that fall in night periods, in order.
pub fn night_pieces(at: Interval, profile: &ProfileValues) -> Vec<Interval> {
    let mut pieces = Vec::new();
    let mut date = at.start.local_date() - Duration::days(1);
    let last = at.end.local_date();
    while date <= last {
        if let Some(piece) = night_of(date, profile).intersect(at) {
            pieces.push(piece);
        }
        date += Duration::days(1);
    }
    pieces
}

fn is_night_block(block: &Block, profile: &ProfileValues) -> bool {
    night_seconds(block.interval, profile) > NIGHT_BLOCK_MIN
}

/// Night work of the assistant inside `span`, in seconds.
pub fn night_work(t: &Timeline, span: Interval) -> i64 {
    t.blocks_overlapping(span)
        .filter_map(|b| t.blocks[b].interval.intersect(span))
        .map(|piece| night_seconds(piece, &t.profile))
        .sum()
}

/// True when the assistant has day blocks, evening blocks and night blocks: a rota round the
/// clock. A day block starts 05:00–11:59, an evening block 12:00–19:59 (design).
pub fn works_all_parts_of_day(t: &Timeline) -> bool {
    let (mut day, mut evening, mut night) = (false, false, false);
    for b in &t.blocks {
        if is_night_block(b, &t.profile) {
            night = true;
            continue;
        }
        match b.interval.start.local().hour() {
            5..=11 => day = true,
            12..=19 => evening = true,
            _ => {}
        }
    }
    day && evening && night
}

/// NIGHT-AVG: at least 4 night blocks starting within 4 consecutive weeks make night work
/// regular there; then normal hours in those 4 weeks must stay within 177 h 20 min.
pub fn check(t: &Timeline, out: &mut Vec<Finding>) {
    let night_starts: Vec<Instant> = t
        .blocks
        .iter()
        .filter(|b| is_night_block(b, &t.profile))
        .map(|b| b.interval.start)
        .collect();
    if night_starts.len() < 4 {
        return;
    }
    let results: Vec<WindowResult> = (0..t.weeks.len())
        .map(|i| {
            let start = t.weeks[i].week;
            let window = Interval::new(start.interval().start, start.plus(4).interval().start);
            let nights = night_starts.iter().filter(|s| window.contains(**s)).count();
            let normal: i64 = (i..(i + 4).min(t.weeks.len()))
                .map(|w| t.weeks[w].normal_hours())
                .sum();
            WindowResult {
                start,
                weeks: 4,
                measured: normal,
                limit: NIGHT_4W_NORMAL_MAX,
                breaks: nights >= 4 && normal > NIGHT_4W_NORMAL_MAX,
            }
        })
        .collect();
    for run in runs(&results) {
        out.push(over_max(
            Rule::NightAvg,
            Severity::Warning,
            &t.assistant,
            run.interval,
            Exact::secs(run.worst.measured),
            Exact::secs(run.worst.limit),
            t.shifts_starting(run.interval),
            None,
        ));
    }
}
