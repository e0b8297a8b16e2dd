//! The search's model of a request and its fast evaluator.
//!
//! The cycle is cut into *positions*: one per need, weekday, cycle week and staff place. An
//! assignment gives each position one person. The evaluator looks at one person at a time:
//! their positions expanded over the whole checked horizon (at least 52 weeks and two whole
//! cycles from the start, on real instants with daylight saving, with the red days of the years
//! it lands on), the same expansion the real checker sees, and measures
//!
//! - the hard rules that are violations in RULES.md (OVERLAP-SELF, TOT-D, BRK, REST-D with
//!   floor, compensation and long shifts, REST-W, TOT-W with averaging, OT-W, OT-4W, OT-52W,
//!   SUN-NEXT, SUN-AVG, SUN-4W) as a penalty, 0 when lawful;
//! - the soft score's parts (see [`Parts`]).
//!
//! A move changes one or two people, so only they are evaluated again. The real checker has
//! the last word on every answer (`super::search`).

use chrono::{Duration, NaiveDate, Timelike};

use super::request::Problem;
use crate::calendar::red_day_zone;
use crate::model::{ProfileValues, SundayRule};
use crate::rotation::{pattern_check_weeks, times_of};
use crate::rules::timeline::{daily_normal_limit, weekly_normal_limit};
use crate::time::{Instant, DAY, HOUR};

/// Weights of the soft score's parts (docs/suggest.md).
pub const W_CONTRACT: f64 = 3.0;
pub const W_WEEKENDS: f64 = 1.0;
pub const W_NIGHTS: f64 = 1.0;
pub const W_RED_DAYS: f64 = 1.0;
pub const W_QUICK: f64 = 2.0;
pub const W_SINGLE: f64 = 1.5;
pub const W_LONG_DAYS: f64 = 1.0;

/// One position of the cycle: a place on a need on a day.
#[derive(Clone, Debug)]
pub struct Position {
    /// Cycle week from 1.
    pub week: u32,
    /// Weekday, Monday = 0.
    pub day: usize,
    pub need: usize,
    pub shift_type: usize,
    /// Day of the cycle, 0..7 × weeks.
    pub cycle_day: usize,
    /// Sort key inside the cycle: cycle day, then start time.
    pub key: (usize, u32),
    pub weekend: bool,
    pub night: bool,
    /// Red-day zones its shifts touch over the horizon.
    pub red: u32,
}

/// One shift of a position in one cycle of the horizon.
#[derive(Clone, Copy, Debug)]
struct Occ {
    start: i64,
    end: i64,
}

/// A red-day zone of the horizon (and 26 weeks on, for the Sunday windows).
#[derive(Clone, Copy, Debug)]
struct Red {
    start: i64,
    end: i64,
    /// Week index from the start.
    week: usize,
}

/// The parts of one person's soft score, already weighted, and the counts behind them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parts {
    pub average_minutes: f64,
    pub contract: f64,
    pub weekends: f64,
    pub nights: f64,
    pub red_days: f64,
    pub quick_returns: f64,
    pub single_days: f64,
    pub wishes: f64,
    pub long_days: f64,
    /// Counts per cycle (red days per horizon).
    pub weekend_shifts: u32,
    pub night_shifts: u32,
    pub red_days_worked: u32,
    pub quick_return_count: f64,
    pub single_day_count: u32,
    pub long_day_count: f64,
    pub wishes_broken: u32,
    pub wishes_met: u32,
}

impl Parts {
    pub fn total(&self) -> f64 {
        self.contract
            + self.weekends
            + self.nights
            + self.red_days
            + self.quick_returns
            + self.single_days
            + self.wishes
            + self.long_days
    }
}

/// One person's evaluation.
#[derive(Clone, Debug, Default)]
pub struct Eval {
    /// 0 when the fast evaluator finds no violation.
    pub hard: f64,
    pub parts: Parts,
}

/// A request prepared for the search.
pub struct Model {
    pub problem: Problem,
    pub positions: Vec<Position>,
    /// `can[position][person]`: no "cannot" fits and the shift type is lawful alone for them.
    pub can: Vec<Vec<bool>>,
    /// The cost of each position for each person from their wishes (−weight per fitting wish).
    pub wish: Vec<Vec<f64>>,
    pub horizon_weeks: u32,
    cycles: usize,
    cycle_days: usize,
    occ: Vec<Vec<Occ>>,
    type_break: Vec<i64>,
    type_passive: Vec<i64>,
    type_long: Vec<bool>,
    week_starts: Vec<i64>,
    red: Vec<Red>,
    /// Per person: their share of the contract hours.
    share: Vec<f64>,
    total_weekend: f64,
    total_night: f64,
    total_red: f64,
}

fn seconds_of_day(t: chrono::NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight())
}

/// Seconds of `[start, end)` (seconds from a midnight, end may pass 24 h) inside the night.
fn night_seconds(start: i64, end: i64, profile: &ProfileValues) -> i64 {
    let ns = seconds_of_day(profile.night_start);
    let len = profile.night_length();
    let mut total = 0;
    for day in -1..=2 {
        let s = day * DAY + ns;
        let e = s + len;
        total += (end.min(e) - start.max(s)).max(0);
    }
    total
}

impl Model {
    /// Prepare `problem`: positions, their shifts over the horizon, the red days.
    pub fn new(problem: Problem) -> Result<Model, crate::rotation::RotationError> {
        let weeks = problem.weeks as usize;
        let horizon_weeks = pattern_check_weeks(problem.weeks);
        let cycles = horizon_weeks as usize / weeks;
        let cycle_days = 7 * weeks;
        let mut positions = Vec::new();
        for week in 1..=problem.weeks {
            for day in 0..7 {
                for (n, need) in problem.needs.iter().enumerate() {
                    if !need.days[day] || need.weeks.as_ref().is_some_and(|w| !w.contains(&week)) {
                        continue;
                    }
                    let kind = &problem.shift_types[need.shift_type];
                    let start = seconds_of_day(kind.start);
                    let mut end = seconds_of_day(kind.end);
                    if end <= start {
                        end += DAY;
                    }
                    let night = night_seconds(start, end, &problem.profile.values()) > 3 * HOUR;
                    for _ in 0..need.staff {
                        positions.push(Position {
                            week,
                            day,
                            need: n,
                            shift_type: need.shift_type,
                            cycle_day: (week as usize - 1) * 7 + day,
                            key: ((week as usize - 1) * 7 + day, start as u32),
                            weekend: day >= 5,
                            night,
                            red: 0,
                        });
                    }
                }
            }
        }
        positions.sort_by_key(|p| (p.key, p.need));
        let mut occ = Vec::with_capacity(positions.len());
        for p in &positions {
            let kind = &problem.shift_types[p.shift_type];
            let mut list = Vec::with_capacity(cycles);
            for c in 0..cycles {
                let date = problem.start + Duration::days((c * cycle_days + p.cycle_day) as i64);
                let (s, e) = times_of(kind, date)?;
                list.push(Occ {
                    start: s.unix(),
                    end: e.unix(),
                });
            }
            occ.push(list);
        }
        let week_starts: Vec<i64> = (0..=horizon_weeks as i64 + 1)
            .map(|k| Instant::start_of_day(problem.start + Duration::weeks(k)).unix())
            .collect();
        let mut red = Vec::new();
        let last: NaiveDate = problem.start + Duration::weeks(i64::from(horizon_weeks) + 27);
        let mut date = problem.start;
        while date <= last {
            if let Some(zone) = red_day_zone(date) {
                let week = ((date - problem.start).num_days().max(0) / 7) as usize;
                red.push(Red {
                    start: zone.start.unix(),
                    end: zone.end.unix(),
                    week,
                });
            }
            date += Duration::days(1);
        }
        for (i, p) in positions.iter_mut().enumerate() {
            p.red = occ[i]
                .iter()
                .map(|o| {
                    red.iter()
                        .filter(|r| o.start < r.end && r.start < o.end)
                        .count() as u32
                })
                .sum();
        }
        let can = positions
            .iter()
            .map(|p| {
                problem
                    .people
                    .iter()
                    .map(|person| {
                        !person
                            .cannot
                            .iter()
                            .any(|m| m.fits(p.week, p.day, p.shift_type))
                    })
                    .collect()
            })
            .collect();
        let wish = positions
            .iter()
            .map(|p| {
                problem
                    .people
                    .iter()
                    .map(|person| {
                        person
                            .wishes
                            .iter()
                            .filter(|(m, _)| m.fits(p.week, p.day, p.shift_type))
                            .map(|(_, w)| -w)
                            .sum()
                    })
                    .collect()
            })
            .collect();
        let contracts: f64 = problem
            .people
            .iter()
            .map(|p| p.contract_minutes as f64)
            .sum();
        let share = problem
            .people
            .iter()
            .map(|p| {
                if contracts > 0.0 {
                    p.contract_minutes as f64 / contracts
                } else {
                    1.0 / problem.people.len() as f64
                }
            })
            .collect();
        let total_weekend = positions.iter().filter(|p| p.weekend).count() as f64;
        let total_night = positions.iter().filter(|p| p.night).count() as f64;
        let total_red = positions.iter().map(|p| f64::from(p.red)).sum();
        let type_break = problem
            .shift_types
            .iter()
            .map(|t| i64::from(t.break_minutes))
            .collect();
        let type_passive = problem
            .shift_types
            .iter()
            .map(|t| i64::from(t.passive_minutes) * 60)
            .collect();
        let type_long = problem.shift_types.iter().map(|t| t.long_shift).collect();
        Ok(Model {
            problem,
            positions,
            can,
            wish,
            horizon_weeks,
            cycles,
            cycle_days,
            occ,
            type_break,
            type_passive,
            type_long,
            week_starts,
            red,
            share,
            total_weekend,
            total_night,
            total_red,
        })
    }

    /// The working minutes of one shift of `pos` (in its first cycle).
    pub fn minutes(&self, pos: usize) -> f64 {
        let o = self.occ[pos][0];
        (o.end - o.start) as f64 / 60.0
    }

    /// The cycles in the horizon.
    pub fn cycles(&self) -> usize {
        self.cycles
    }

    /// Evaluate `person` holding `mine` (position indexes in ascending order, which is the
    /// order of time inside the cycle).
    pub fn eval(&self, person: usize, mine: &[usize]) -> Eval {
        let who = &self.problem.people[person];
        let p = &who.values;
        let mut hard = 0.0;
        // Blocks over the horizon: merged touching or overlapping shifts, in order of time.
        struct Block {
            start: i64,
            end: i64,
            breaks: i64,
            passive: i64,
            long: bool,
            day: usize,
        }
        let mut blocks: Vec<Block> = Vec::with_capacity(mine.len() * self.cycles);
        let mut work_day = vec![false; self.cycle_days];
        for c in 0..self.cycles {
            for &pos in mine {
                let o = self.occ[pos][c];
                let t = self.positions[pos].shift_type;
                let day = c * self.cycle_days + self.positions[pos].cycle_day;
                work_day[self.positions[pos].cycle_day] = true;
                if let Some(b) = blocks.last_mut() {
                    if o.start <= b.end {
                        if o.start < b.end {
                            // OVERLAP-SELF
                            hard += 1.0 + ((b.end.min(o.end) - o.start) as f64) / HOUR as f64;
                        }
                        b.end = b.end.max(o.end);
                        b.breaks += self.type_break[t];
                        b.passive += self.type_passive[t];
                        b.long |= self.type_long[t];
                        continue;
                    }
                }
                blocks.push(Block {
                    start: o.start,
                    end: o.end,
                    breaks: self.type_break[t],
                    passive: self.type_passive[t],
                    long: self.type_long[t],
                    day,
                });
            }
        }
        let hours_over = |secs: i64| 1.0 + secs as f64 / HOUR as f64;
        // Work days: TOT-D and the daily excess over L_D (for overtime).
        let n_weeks = self.week_starts.len() - 1;
        let mut week_hours = vec![0i64; n_weeks];
        let mut week_passive = vec![0i64; n_weeks];
        let mut week_excess = vec![0i64; n_weeks];
        let mut long_days = 0u32;
        let mut i = 0;
        while i < blocks.len() {
            let day = blocks[i].day;
            let (mut hours, mut passive, mut long) = (0, 0, false);
            let mut j = i;
            while j < blocks.len() && blocks[j].day == day {
                hours += blocks[j].end - blocks[j].start;
                passive += blocks[j].passive;
                long |= blocks[j].long;
                j += 1;
            }
            let limit = match p.long_shift_max {
                Some(l) if long => l,
                _ => p.total_day_max,
            };
            if hours > limit {
                hard += hours_over(hours - limit);
            }
            let w = day / 7;
            let normal = daily_normal_limit(passive, long, p);
            if hours > normal {
                long_days += 1;
            }
            week_excess[w] += (hours - normal).max(0);
            week_passive[w] += passive;
            i = j;
        }
        // BRK, and hours per week (clipped at the week boundaries).
        for b in &blocks {
            let len = b.end - b.start;
            if (len >= 8 * HOUR && b.breaks < 30) || (len > 5 * HOUR + 30 * 60 && b.breaks == 0) {
                hard += 1.0;
            }
            let mut w = b.day / 7;
            let mut s = b.start;
            while s < b.end && w < n_weeks {
                let e = b.end.min(self.week_starts[w + 1]);
                week_hours[w] += e - s;
                s = e;
                w += 1;
            }
        }
        let first_week = week_hours.iter().position(|h| *h > 0);
        let last_week = week_hours.iter().rposition(|h| *h > 0);
        if let (Some(first), Some(last)) = (first_week, last_week) {
            // Overtime: OT-W, OT-4W, OT-52W.
            let overtime: Vec<i64> = (0..n_weeks)
                .map(|w| {
                    let d = week_excess[w];
                    d + (week_hours[w] - d - weekly_normal_limit(week_passive[w], p)).max(0)
                })
                .collect();
            for ot in &overtime {
                if *ot > p.overtime_week_max {
                    hard += hours_over(ot - p.overtime_week_max);
                }
            }
            let mut prefix = vec![0i64; n_weeks + 1];
            for w in 0..n_weeks {
                prefix[w + 1] = prefix[w] + overtime[w];
            }
            for (len, max) in [(4, p.overtime_4w_max), (52, p.overtime_52w_max)] {
                for start in first..=last {
                    let sum = prefix[(start + len).min(n_weeks)] - prefix[start];
                    if sum > max {
                        hard += hours_over(sum - max);
                    }
                }
            }
            // TOT-W.
            let n = p.total_week_average_weeks as usize;
            if n == 0 {
                for h in &week_hours {
                    if *h > p.total_week_max {
                        hard += hours_over(h - p.total_week_max);
                    }
                }
            } else {
                for start in first..=last {
                    let sum: i64 = week_hours[start..(start + n).min(n_weeks)].iter().sum();
                    if sum > p.total_week_max * n as i64 {
                        hard += hours_over(sum - p.total_week_max * n as i64);
                    }
                }
                if let Some(single) = p.total_week_single_max {
                    for h in &week_hours {
                        if *h > single {
                            hard += hours_over(h - single);
                        }
                    }
                }
            }
        }
        // REST-D: the window from each block's start, the gap after a long shift, compensation.
        let mut quick = 0u32;
        let mut owed: Option<i64> = None;
        for (i, b) in blocks.iter().enumerate() {
            let exempt = b.long && p.rest_after_long_shift.is_some();
            if !exempt {
                let wend = b.start + DAY;
                let mut rest = 0;
                let mut j = i;
                loop {
                    let from = blocks[j].end;
                    if from >= wend {
                        break;
                    }
                    let to = blocks.get(j + 1).map_or(wend, |n| n.start.min(wend));
                    rest = rest.max(to - from);
                    if to >= wend {
                        break;
                    }
                    j += 1;
                }
                let floor = p.daily_rest_floor.unwrap_or(p.daily_rest_min);
                if rest < floor {
                    hard += hours_over(floor - rest);
                }
            }
            let Some(next) = blocks.get(i + 1) else {
                break;
            };
            let gap = next.start - b.end;
            let mut required = owed.unwrap_or(0);
            if let (Some(need), true) = (p.rest_after_long_shift, b.long) {
                required = required.max(need);
            }
            if gap < required {
                hard += hours_over(required - gap);
            }
            owed = None;
            if gap < p.daily_rest_min {
                quick += 1;
                if p.daily_rest_floor.is_some() {
                    owed = Some(2 * p.daily_rest_min - gap);
                }
            }
        }
        // REST-W: each week with work needs a long enough rest inside it, or across its edge.
        let mut from_block = 0;
        for (w, hours) in week_hours.iter().enumerate() {
            if *hours == 0 {
                continue;
            }
            let (ws, we) = (self.week_starts[w], self.week_starts[w + 1]);
            let mut cursor = ws;
            let mut longest = 0;
            let mut across = false;
            while from_block < blocks.len() && blocks[from_block].end <= ws {
                from_block += 1;
            }
            for (k, b) in blocks.iter().enumerate().skip(from_block) {
                if b.start >= we {
                    break;
                }
                longest = longest.max(b.start - cursor);
                cursor = cursor.max(b.end);
                if let Some(n) = blocks.get(k + 1) {
                    if n.start - b.end >= p.weekly_rest_min && b.end < we && n.start > ws {
                        across = true;
                    }
                }
                if k > 0 && b.start - blocks[k - 1].end >= p.weekly_rest_min && b.start > ws {
                    across = true;
                }
            }
            longest = longest.max(we - cursor);
            if longest < p.weekly_rest_min && !across {
                hard += hours_over(p.weekly_rest_min - longest);
            }
        }
        // Red days worked: SUN-NEXT, SUN-AVG, SUN-4W.
        let mut worked = vec![false; self.red.len()];
        let mut k = 0;
        for (r, zone) in self.red.iter().enumerate() {
            while k < blocks.len() && blocks[k].end <= zone.start {
                k += 1;
            }
            worked[r] = blocks.get(k).is_some_and(|b| b.start < zone.end);
        }
        let red_worked = worked.iter().filter(|w| **w).count() as u32;
        if let (Some(first), Some(last)) = (first_week, last_week) {
            match p.sunday_rule {
                SundayRule::NextOff => {
                    for pair in worked.windows(2) {
                        if pair[0] && pair[1] {
                            hard += 1.0;
                        }
                    }
                }
                SundayRule::Average => {
                    // Red days and those worked, per week from the start, as prefix sums.
                    let span = self.red.last().map_or(0, |r| r.week + 1);
                    let mut all = vec![0i64; span + 1];
                    let mut done_by = vec![0i64; span + 1];
                    for (r, w) in self.red.iter().zip(&worked) {
                        all[r.week + 1] += 1;
                        done_by[r.week + 1] += i64::from(*w);
                    }
                    for k in 0..span {
                        all[k + 1] += all[k];
                        done_by[k + 1] += done_by[k];
                    }
                    for (len, half) in [(26, true), (4, false)] {
                        for start in first..=last {
                            let (a, b) = (start.min(span), (start + len).min(span));
                            let total = all[b] - all[a];
                            let done = done_by[b] - done_by[a];
                            let limit = if half { total / 2 } else { total - 1 };
                            if done > limit {
                                hard += (done - limit) as f64;
                            }
                        }
                    }
                }
            }
        }
        // The soft score.
        let share = self.share[person];
        let mut parts = Parts::default();
        let total: i64 = blocks.iter().map(|b| b.end - b.start).sum();
        let average = total as f64 / 60.0 / f64::from(self.horizon_weeks);
        parts.average_minutes = average;
        parts.contract = W_CONTRACT * (average - who.contract_minutes as f64).abs() / 60.0;
        let weekend = mine.iter().filter(|&&i| self.positions[i].weekend).count();
        let night = mine.iter().filter(|&&i| self.positions[i].night).count();
        let red: u32 = mine.iter().map(|&i| self.positions[i].red).sum();
        parts.weekend_shifts = weekend as u32;
        parts.night_shifts = night as u32;
        parts.red_days_worked = red_worked;
        parts.weekends = W_WEEKENDS * (weekend as f64 - share * self.total_weekend).abs();
        parts.nights = W_NIGHTS * (night as f64 - share * self.total_night).abs();
        parts.red_days = W_RED_DAYS * (f64::from(red) - share * self.total_red).abs();
        parts.quick_return_count = f64::from(quick) / self.cycles as f64;
        parts.quick_returns = W_QUICK * parts.quick_return_count;
        let n = self.cycle_days;
        let single = (0..n)
            .filter(|&d| work_day[d] && !work_day[(d + n - 1) % n] && !work_day[(d + 1) % n])
            .count() as u32;
        parts.single_day_count = single;
        parts.single_days = W_SINGLE * f64::from(single);
        parts.long_day_count = f64::from(long_days) / self.cycles as f64;
        parts.long_days = W_LONG_DAYS * parts.long_day_count;
        for &i in mine {
            let cost = self.wish[i][person];
            parts.wishes += cost;
            if cost > 0.0 {
                parts.wishes_broken += 1;
            } else if cost < 0.0 {
                parts.wishes_met += 1;
            }
        }
        Eval { hard, parts }
    }
}
