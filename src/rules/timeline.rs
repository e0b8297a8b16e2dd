//! One assistant's working time, as the rules see it: work blocks, work days and ISO weeks.
//!
//! A work block is the union of the assistant's counted shifts, overlapping or touching shifts
//! merged, so a double booking is never counted twice. A block belongs to the local day on
//! which it starts. Weekly sums clip blocks at the ISO-week boundary. Everything is in seconds
//! on instants.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::calendar::Week;
use crate::model::{AssistantId, Plan, ProfileValues, Shift, ShiftId};
use crate::time::{Instant, Interval, HOUR};

/// The union of touching or overlapping shifts of one assistant.
#[derive(Clone, Debug)]
pub struct Block {
    pub interval: Interval,
    /// Indexes into `Plan::shifts`; empty for a block of busy time only.
    pub shifts: Vec<usize>,
    pub break_minutes: i64,
    /// Passive time in seconds.
    pub passive: i64,
    /// Holds a shift marked as a long shift.
    pub long: bool,
    /// The length of the block's longest shift, in seconds (0 for busy time only): shifts
    /// overlapping an instant start at most this long before it.
    pub longest: i64,
    /// The local date on which the block starts: its work day.
    pub day: NaiveDate,
}

/// The blocks that start on one local date.
#[derive(Clone, Debug)]
pub struct WorkDay {
    pub date: NaiveDate,
    /// Indexes into `Timeline::blocks`, consecutive.
    pub blocks: std::ops::Range<usize>,
    /// Sum of the lengths of the day's blocks, in seconds.
    pub hours: i64,
    /// Passive time of the day's blocks, in seconds.
    pub passive: i64,
    pub long: bool,
    /// The daily normal limit L_D in seconds.
    pub normal_limit: i64,
}

impl WorkDay {
    /// Daily hours above the normal limit, in seconds.
    pub fn excess(&self) -> i64 {
        (self.hours - self.normal_limit).max(0)
    }
}

/// Sums for one ISO week.
#[derive(Clone, Debug)]
pub struct WeekSums {
    pub week: Week,
    pub interval: Interval,
    /// Working time clipped to the week, in seconds.
    pub hours: i64,
    /// Passive time of blocks starting in the week, in seconds.
    pub passive_starting: i64,
    /// Σ of daily excess over L_D for work days in the week.
    pub daily_excess: i64,
    /// The weekly normal limit L_W in seconds.
    pub normal_limit: i64,
}

impl WeekSums {
    /// Overtime of the week: D + max(0, H − D − L_W).
    pub fn overtime(&self) -> i64 {
        let d = self.daily_excess;
        d + (self.hours - d - self.normal_limit).max(0)
    }

    /// Normal hours: hours minus overtime.
    pub fn normal_hours(&self) -> i64 {
        self.hours - self.overtime()
    }
}

/// One assistant's working time under their profile.
pub struct Timeline<'p> {
    pub plan: &'p Plan,
    pub assistant: AssistantId,
    pub profile: ProfileValues,
    pub blocks: Vec<Block>,
    pub days: Vec<WorkDay>,
    /// Every week from the first to the last week with work; empty when there is no work.
    pub weeks: Vec<WeekSums>,
}

impl<'p> Timeline<'p> {
    /// Build the timeline of `assistant` from the plan's counted shifts.
    pub fn build(plan: &'p Plan, assistant: &AssistantId, profile: &ProfileValues) -> Self {
        Self::build_with(plan, assistant, profile, false)
    }

    /// Build the timeline of `assistant` from the plan's counted shifts and, with
    /// `with_busy`, the assistant's work elsewhere (`Plan::busy`), for the rest and
    /// total-hours rules.
    pub fn build_with(
        plan: &'p Plan,
        assistant: &AssistantId,
        profile: &ProfileValues,
        with_busy: bool,
    ) -> Self {
        let own = Own::of(plan, assistant);
        let busy: &[usize] = if with_busy { &own.busy } else { &[] };
        Self::build_from(plan, assistant, profile, &own.shifts, busy)
    }

    /// Build the timeline of `assistant` from the shifts and busy times at the given indexes
    /// into `Plan::shifts` and `Plan::busy` (see [`Own`]); uncounted shifts are left out.
    pub fn build_from(
        plan: &'p Plan,
        assistant: &AssistantId,
        profile: &ProfileValues,
        shifts: &[usize],
        busy: &[usize],
    ) -> Self {
        let mut items: Vec<Item> = shifts
            .iter()
            .map(|&i| (i, &plan.shifts[i]))
            .filter(|(_, s)| s.counts())
            .map(|(i, s)| Item {
                interval: s.interval(),
                shift: Some(i),
            })
            .collect();
        items.extend(
            busy.iter()
                .map(|&i| &plan.busy[i])
                .filter(|b| b.end > b.start)
                .map(|b| Item {
                    interval: b.interval(),
                    shift: None,
                }),
        );
        items.sort_by_key(|item| (item.interval.start, item.interval.end));
        let blocks = merge_blocks(&plan.shifts, &items);
        let days = work_days(&blocks, profile);
        let weeks = week_sums(&blocks, &days, profile);
        Timeline {
            plan,
            assistant: assistant.clone(),
            profile: profile.clone(),
            blocks,
            days,
            weeks,
        }
    }

    /// The shift ids of a set of blocks.
    pub fn shift_ids(&self, blocks: impl IntoIterator<Item = usize>) -> Vec<ShiftId> {
        let mut ids: Vec<ShiftId> = blocks
            .into_iter()
            .flat_map(|b| self.blocks[b].shifts.iter())
            .map(|&i| self.plan.shifts[i].id.clone())
            .collect();
        ids.dedup();
        ids
    }

    /// The ids of the shifts that overlap `at`. A block's shifts are in order of start, so
    /// only those starting less than the block's longest shift before `at` are looked at: the
    /// cost follows the shifts near `at`, not the length of the block (years of shifts that
    /// touch end to end are one block).
    pub fn shifts_in(&self, at: Interval) -> Vec<ShiftId> {
        let mut ids = Vec::new();
        for b in self.blocks_overlapping(at) {
            let block = &self.blocks[b];
            let start = |k: &usize| self.plan.shifts[*k].start;
            let earliest = at.start.plus(-block.longest);
            let first = block.shifts.partition_point(|k| start(k) <= earliest);
            let end = block.shifts.partition_point(|k| start(k) < at.end);
            for &i in &block.shifts[first..end.max(first)] {
                if self.plan.shifts[i].interval().overlap(at) > 0 {
                    ids.push(self.plan.shifts[i].id.clone());
                }
            }
        }
        ids
    }

    /// Indexes of blocks overlapping `at` by more than zero.
    pub fn blocks_overlapping(&self, at: Interval) -> impl Iterator<Item = usize> + '_ {
        let first = self.blocks.partition_point(|b| b.interval.end <= at.start);
        (first..self.blocks.len())
            .take_while(move |&b| self.blocks[b].interval.start < at.end)
            .filter(move |&b| self.blocks[b].interval.overlap(at) > 0)
    }

    /// Working time inside `at`, in seconds.
    pub fn work_in(&self, at: Interval) -> i64 {
        self.blocks_overlapping(at)
            .map(|b| self.blocks[b].interval.overlap(at))
            .sum()
    }

    /// The first week with work.
    pub fn first_week(&self) -> Option<Week> {
        self.weeks.first().map(|w| w.week)
    }

    /// The week sums of `week`, when it lies between the first and last week with work.
    pub fn week(&self, week: Week) -> Option<&WeekSums> {
        let first = self.first_week()?;
        let index = first.weeks_until(week);
        usize::try_from(index).ok().and_then(|i| self.weeks.get(i))
    }

    /// The shifts of the blocks starting in `[from, to)`.
    pub fn shifts_starting(&self, at: Interval) -> Vec<ShiftId> {
        // Blocks are in time order: two binary searches, not a scan of every block.
        let first = self.blocks.partition_point(|b| b.interval.start < at.start);
        let end = self.blocks.partition_point(|b| b.interval.start < at.end);
        self.shift_ids(first..end.max(first))
    }
}

/// One assistant's shifts and busy times, as indexes into `Plan::shifts` and `Plan::busy`.
#[derive(Clone, Debug, Default)]
pub struct Own {
    pub shifts: Vec<usize>,
    pub busy: Vec<usize>,
}

impl Own {
    /// The shifts and busy times of `assistant`, without the shifts that need cover.
    pub fn of(plan: &Plan, assistant: &AssistantId) -> Own {
        let uncovered = crate::cover::uncovered_mask(plan);
        Own {
            shifts: (0..plan.shifts.len())
                .filter(|&i| !uncovered[i] && plan.shifts[i].assistant.as_ref() == Some(assistant))
                .collect(),
            busy: (0..plan.busy.len())
                .filter(|&i| &plan.busy[i].assistant == assistant)
                .collect(),
        }
    }

    /// Every assistant's shifts and busy times, in one pass over the plan: what checking all
    /// assistants needs, without a pass over every shift per assistant.
    /// Shifts that need cover (their assistant is absent at their time) are nobody's.
    pub fn all(plan: &Plan) -> HashMap<&AssistantId, Own> {
        let mut all: HashMap<&AssistantId, Own> = HashMap::new();
        let uncovered = crate::cover::uncovered_mask(plan);
        for (i, s) in plan.shifts.iter().enumerate() {
            if uncovered[i] {
                continue;
            }
            if let Some(a) = &s.assistant {
                all.entry(a).or_default().shifts.push(i);
            }
        }
        for (i, b) in plan.busy.iter().enumerate() {
            all.entry(&b.assistant).or_default().busy.push(i);
        }
        all
    }
}

/// A shift (by index) or a stretch of busy time, to be merged into blocks.
struct Item {
    interval: Interval,
    shift: Option<usize>,
}

fn merge_blocks(shifts: &[Shift], sorted: &[Item]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for item in sorted {
        let longest = item.shift.map_or(0, |_| item.interval.len());
        let (breaks, passive, long) = item.shift.map_or((0, 0, false), |i| {
            let s = &shifts[i];
            (
                i64::from(s.break_minutes),
                i64::from(s.passive_minutes) * 60,
                s.long_shift,
            )
        });
        match blocks.last_mut() {
            Some(b) if item.interval.start <= b.interval.end => {
                b.interval.end = b.interval.end.max(item.interval.end);
                b.longest = b.longest.max(longest);
                b.shifts.extend(item.shift);
                b.break_minutes += breaks;
                b.passive += passive;
                b.long |= long;
            }
            _ => blocks.push(Block {
                interval: item.interval,
                shifts: item.shift.into_iter().collect(),
                break_minutes: breaks,
                passive,
                long,
                longest,
                day: item.interval.start.local_date(),
            }),
        }
    }
    blocks
}

fn work_days(blocks: &[Block], profile: &ProfileValues) -> Vec<WorkDay> {
    let mut days: Vec<WorkDay> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        match days.last_mut() {
            Some(d) if d.date == b.day => {
                d.blocks.end = i + 1;
                d.hours += b.interval.len();
                d.passive += b.passive;
                d.long |= b.long;
            }
            _ => days.push(WorkDay {
                date: b.day,
                blocks: i..i + 1,
                hours: b.interval.len(),
                passive: b.passive,
                long: b.long,
                normal_limit: 0,
            }),
        }
    }
    for d in &mut days {
        d.normal_limit = daily_normal_limit(d.passive, d.long, profile);
    }
    days
}

/// L_D: the daily normal limit of a day with `passive` seconds of passive time.
pub fn daily_normal_limit(passive: i64, long: bool, profile: &ProfileValues) -> i64 {
    match profile.long_shift_max {
        Some(long_max) if long => long_max,
        _ if profile.passive_extension => profile.daily_normal_max + (passive / 2).min(2 * HOUR),
        _ => profile.daily_normal_max,
    }
}

/// L_W: the weekly normal limit of a week whose blocks hold `passive` seconds of passive time.
pub fn weekly_normal_limit(passive: i64, profile: &ProfileValues) -> i64 {
    let base = profile.weekly_normal_max;
    if !profile.passive_extension {
        return base;
    }
    let raise = (passive / 2).min(10 * HOUR);
    base.max((base + raise).min(48 * HOUR))
}

fn week_sums(blocks: &[Block], days: &[WorkDay], profile: &ProfileValues) -> Vec<WeekSums> {
    let (Some(first), Some(last)) = (blocks.first(), blocks.last()) else {
        return Vec::new();
    };
    let first_week = Week::of_instant(first.interval.start);
    // The last instant of work decides the last week (a Sunday-night tail makes Monday's
    // week one).
    let last_week = Week::of_instant(Instant::from_unix(last.interval.end.unix() - 1))
        .max(Week::of_instant(last.interval.start));
    let count = first_week.weeks_until(last_week) as usize + 1;
    let mut weeks: Vec<WeekSums> = (0..count)
        .map(|i| {
            let week = first_week.plus(i as i64);
            WeekSums {
                week,
                interval: week.interval(),
                hours: 0,
                passive_starting: 0,
                daily_excess: 0,
                normal_limit: 0,
            }
        })
        .collect();
    for b in blocks {
        let start_index = first_week.weeks_until(Week::containing(b.day)) as usize;
        weeks[start_index].passive_starting += b.passive;
        let mut index = start_index;
        while index < weeks.len() && weeks[index].interval.start < b.interval.end {
            weeks[index].hours += b.interval.overlap(weeks[index].interval);
            index += 1;
        }
    }
    for d in days {
        let index = first_week.weeks_until(Week::containing(d.date)) as usize;
        weeks[index].daily_excess += d.excess();
    }
    for w in &mut weeks {
        w.normal_limit = weekly_normal_limit(w.passive_starting, profile);
    }
    // Trim weeks at the ends without work (a block can end exactly at a week boundary).
    while weeks.last().is_some_and(|w| w.hours == 0) {
        weeks.pop();
    }
    while weeks.first().is_some_and(|w| w.hours == 0) {
        weeks.remove(0);
    }
    weeks
}
