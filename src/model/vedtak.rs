//! The municipality's decision: hours per week per service type, with a validity period.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ServiceType;
use crate::time::{Instant, Interval};

/// Whether night help is part of the vedtak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NightHelp {
    Included,
    Excluded,
}

/// One version of the vedtak. A plan keeps every version.
#[derive(Clone, Debug, PartialEq)]
pub struct Vedtak {
    pub from: NaiveDate,
    /// Inclusive; `None` is open-ended.
    pub to: Option<NaiveDate>,
    /// The hours form a frame for the calendar year, to be spent flexibly.
    pub annual_frame: bool,
    pub hours_per_week: BTreeMap<ServiceType, f64>,
    pub double_staffing: bool,
    pub night: NightHelp,
    /// Passive hours count × this factor against the vedtak.
    pub passive_factor: f64,
}

impl Vedtak {
    /// True when the version's period holds `date`.
    pub fn holds(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date <= to)
    }

    /// The version's period as instants: `[from 00:00, day after to 00:00)`.
    pub fn interval(&self) -> Interval {
        let end = self.to.map_or(Instant::from_unix(i64::MAX / 4), |to| {
            Instant::start_of_day(to + Duration::days(1))
        });
        Interval::new(Instant::start_of_day(self.from), end)
    }

    /// Hours per week granted for `service` (0 when none).
    pub fn weekly_hours(&self, service: ServiceType) -> f64 {
        self.hours_per_week.get(&service).copied().unwrap_or(0.0)
    }
}

/// The vedtak version in force on `date`: the one with the latest `from` whose period holds it;
/// of two with the same `from`, the later listed.
pub fn in_force(versions: &[Vedtak], date: NaiveDate) -> Option<&Vedtak> {
    let mut best: Option<&Vedtak> = None;
    for v in versions.iter().filter(|v| v.holds(date)) {
        if best.is_none_or(|b| v.from >= b.from) {
            best = Some(v);
        }
    }
    best
}

/// The stretches of `within` during which each vedtak version (by index) is in force, in order.
/// Parts of `within` with no version in force carry `None`.
pub fn segments(versions: &[Vedtak], within: Interval) -> Vec<(Interval, Option<usize>)> {
    // The in-force version can change only at a version's start or at the day after its end.
    let mut cuts: Vec<Instant> = vec![within.start, within.end];
    for v in versions {
        let iv = v.interval();
        for t in [iv.start, iv.end] {
            if within.contains(t) {
                cuts.push(t);
            }
        }
    }
    cuts.sort();
    cuts.dedup();
    let mut out: Vec<(Interval, Option<usize>)> = Vec::new();
    for pair in cuts.windows(2) {
        let piece = Interval::new(pair[0], pair[1]);
        if piece.is_empty() {
            continue;
        }
        let date = piece.start.local_date();
        let index = in_force(versions, date).map(|v| {
            versions
                .iter()
                .position(|candidate| std::ptr::eq(candidate, v))
                .expect("in_force returns an element of versions")
        });
        match out.last_mut() {
            Some((last, last_index)) if *last_index == index && last.end == piece.start => {
                last.end = piece.end;
            }
            _ => out.push((piece, index)),
        }
    }
    out
}
