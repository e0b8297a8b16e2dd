//! Multi-week windows (OT-4W, OT-52W, TOT-W averaging, SUN-AVG, SUN-4W, NIGHT-AVG).
//!
//! A window starts at every week from the assistant's first to last week with work. Windows
//! that break their limit and start in consecutive weeks are reported as one finding: from the
//! first window's start to the last window's end, with the measured value and limit of the
//! window with the largest difference (the earliest of equals).

use crate::calendar::Week;
use crate::time::Interval;

/// One window's result. `measured` and `limit` are exact values in a unit shared by every
/// window of one rule, so their difference orders windows.
#[derive(Clone, Copy, Debug)]
pub struct WindowResult {
    pub start: Week,
    pub weeks: i64,
    pub measured: i64,
    pub limit: i64,
    pub breaks: bool,
}

impl WindowResult {
    /// The window's interval: Monday of its first week to Monday after its last.
    pub fn interval(&self) -> Interval {
        Interval::new(
            self.start.interval().start,
            self.start.plus(self.weeks).interval().start,
        )
    }
}

/// A run of breaking windows: the interval it covers and its worst window.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    pub interval: Interval,
    pub worst: WindowResult,
}

/// Merge breaking windows that start in consecutive weeks into runs.
pub fn runs(results: &[WindowResult]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut previous: Option<Week> = None;
    for r in results.iter().filter(|r| r.breaks) {
        let continues = previous.is_some_and(|p| p.plus(1) == r.start);
        match out.last_mut() {
            Some(run) if continues => {
                run.interval.end = r.interval().end;
                if r.measured - r.limit > run.worst.measured - run.worst.limit {
                    run.worst = *r;
                }
            }
            _ => out.push(Run {
                interval: r.interval(),
                worst: *r,
            }),
        }
        previous = Some(r.start);
    }
    out
}
