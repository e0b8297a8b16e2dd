//! The month as worked: the supplement categories of each shift, each assistant's hours per
//! day and month, and their account (timekonto) against the contract. Pure functions of the
//! plan; everything on instants, so a night across a clock change counts its real length.
//!
//! Definitions (docs/rules.md, "The month as worked"):
//!
//! - A shift counts with its **effective** times ([`Shift::effective`]): the actual times of a
//!   worked shift when they were recorded, otherwise the planned ones. Cancelled shifts (not
//!   worked) count nothing; planned shifts not yet confirmed count as planned until the
//!   timeliste confirms them (the month view counts them as `unconfirmed`).
//! - **Total** = working time, end − start (breaks are paid working time in BPA, RULES.md §1).
//! - **Evening** and **night** = the part of the shift inside the plan's categories
//!   ([`Categories`], default 17:00–21:00 and 21:00–06:00), taken on every local day the shift
//!   touches.
//! - **Saturday** = the part on a Saturday (00:00–24:00) outside every red-day zone; **Sunday /
//!   red day** = the part inside the red-day zones of RULES.md §1 (so Saturday 18:00–22:00
//!   before a Sunday is Sunday time, and Christmas Eve from 15:00).
//! - **Passive** = the shift's passive minutes.
//! - **Overtime** = overtime as the checker computes it (RULES.md §3): per ISO week,
//!   D + max(0, H − D − L_W). A work day's own excess over the daily limit belongs to that day;
//!   the week's remaining excess belongs to the last work day of the week (the day it arises).
//! - Every minute of a shift belongs to its **work day** (the local date it starts), so a night
//!   shift 22:00–08:00 is one row of the day it starts.
//! - **Merarbeid** of a week = normal hours (hours − overtime) above the contract hours,
//!   attributed like the week's remaining overtime, to the last work day of the week.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::calendar::{day_interval, red_day_zone, Week};
use crate::model::{Actual, Assistant, AssistantId, Categories, Month, Plan, Shift, ShiftStatus};
use crate::rules::timeline::Timeline;
use crate::time::{Instant, Interval, MINUTE};

/// Minutes of one shift, day or month in each supplement category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CategoryMinutes {
    pub total: i64,
    pub evening: i64,
    pub night: i64,
    pub saturday: i64,
    pub sunday: i64,
    pub passive: i64,
    pub overtime: i64,
}

impl CategoryMinutes {
    /// Add `other` to these.
    pub fn add(&mut self, other: &CategoryMinutes) {
        self.total += other.total;
        self.evening += other.evening;
        self.night += other.night;
        self.saturday += other.saturday;
        self.sunday += other.sunday;
        self.passive += other.passive;
        self.overtime += other.overtime;
    }
}

/// The part of `span` inside the daily window `[from, to)` (to not after from: the next day),
/// taken on every local day from the day before `span` starts to the day it ends.
fn daily_window(span: Interval, from: NaiveTime, to: NaiveTime) -> i64 {
    let first = span.start.local_date() - Duration::days(1);
    let last = span.end.local_date();
    let mut seconds = 0;
    let mut day = first;
    while day <= last {
        let end_day = if to <= from {
            day + Duration::days(1)
        } else {
            day
        };
        let window = Interval::new(Instant::at_local(day, from), Instant::at_local(end_day, to));
        seconds += span.overlap(window);
        day += Duration::days(1);
    }
    seconds
}

/// The red-day zones reaching into `span`, merged.
fn zones(span: Interval) -> Vec<Interval> {
    let mut out: Vec<Interval> = Vec::new();
    let mut day = span.start.local_date();
    let last = span.end.local_date() + Duration::days(1);
    while day <= last {
        if let Some(zone) = red_day_zone(day) {
            match out.last_mut() {
                Some(prev) if zone.start <= prev.end => prev.end = prev.end.max(zone.end),
                _ => out.push(zone),
            }
        }
        day += Duration::days(1);
    }
    out
}

/// The categories of one stretch of work with `passive_minutes` (overtime is not a property
/// of one shift: see [`day_rows`]).
pub fn categories_of(work: &Actual, categories: &Categories) -> CategoryMinutes {
    let span = work.interval();
    let red = zones(span);
    let sunday: i64 = red.iter().map(|z| span.overlap(*z)).sum();
    let mut saturday = 0;
    let mut day = span.start.local_date();
    while day <= span.end.local_date() {
        if day.weekday() == Weekday::Sat {
            let whole = day_interval(day);
            let inside: i64 = red
                .iter()
                .filter_map(|z| z.intersect(whole))
                .map(|part| span.overlap(part))
                .sum();
            saturday += span.overlap(whole) - inside;
        }
        day += Duration::days(1);
    }
    CategoryMinutes {
        total: span.len() / MINUTE,
        evening: daily_window(span, categories.evening_start, categories.evening_end) / MINUTE,
        night: daily_window(span, categories.night_start, categories.night_end) / MINUTE,
        saturday: saturday / MINUTE,
        sunday: sunday / MINUTE,
        passive: i64::from(work.passive_minutes),
        overtime: 0,
    }
}

/// Overtime and merarbeid in minutes per work day of `assistant` (see the module docs for how
/// a week's figures are placed on its days). `worked` is the plan as worked
/// ([`Plan::as_worked`]), made once by the caller for every assistant.
pub fn overtime_by_day(worked: &Plan, assistant: &Assistant) -> BTreeMap<NaiveDate, (i64, i64)> {
    let profile = worked.profile_of(assistant).values();
    let timeline = Timeline::build(worked, &assistant.id, &profile);
    let mut out: BTreeMap<NaiveDate, (i64, i64)> = BTreeMap::new();
    for day in &timeline.days {
        if day.excess() > 0 {
            out.entry(day.date).or_default().0 += day.excess() / MINUTE;
        }
    }
    let contract = assistant.contract_minutes_per_week.map(|m| m * MINUTE);
    for week in &timeline.weeks {
        let rest = week.overtime() - week.daily_excess;
        let merarbeid = contract.map_or(0, |c| (week.normal_hours() - c).max(0));
        if rest <= 0 && merarbeid <= 0 {
            continue;
        }
        let last = timeline
            .days
            .iter()
            .filter(|d| Week::containing(d.date) == week.week)
            .map(|d| d.date)
            .next_back()
            .unwrap_or(week.week.sunday());
        let entry = out.entry(last).or_default();
        entry.0 += rest.max(0) / MINUTE;
        entry.1 += merarbeid / MINUTE;
    }
    out
}

/// One assistant's work on one day, by category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayRow {
    pub assistant: AssistantId,
    pub date: NaiveDate,
    pub minutes: CategoryMinutes,
    /// Shifts of the day still planned (not confirmed by the timeliste).
    pub unconfirmed: u32,
}

/// True when the shift belongs to `month` and to `assistant` (every assistant for `None`).
pub fn in_month(shift: &Shift, month: Month, assistant: Option<&AssistantId>) -> bool {
    month.holds(shift.work_day()) && assistant.is_none_or(|a| shift.assistant.as_ref() == Some(a))
}

/// One row per assistant and work day of `month` with any counted shift, by assistant in the
/// plan's order, then by date.
pub fn day_rows(plan: &Plan, month: Month, assistant: Option<&AssistantId>) -> Vec<DayRow> {
    let worked = plan.as_worked();
    let mut out = Vec::new();
    for a in &plan.assistants {
        if assistant.is_some_and(|id| id != &a.id) {
            continue;
        }
        let mut days: BTreeMap<NaiveDate, DayRow> = BTreeMap::new();
        for shift in plan
            .shifts
            .iter()
            .filter(|s| s.counts() && in_month(s, month, Some(&a.id)))
        {
            let row = days.entry(shift.work_day()).or_insert_with(|| DayRow {
                assistant: a.id.clone(),
                date: shift.work_day(),
                minutes: CategoryMinutes::default(),
                unconfirmed: 0,
            });
            row.minutes
                .add(&categories_of(&shift.effective(), &plan.categories));
            if shift.status == ShiftStatus::Planned {
                row.unconfirmed += 1;
            }
        }
        if days.is_empty() {
            continue;
        }
        for (date, (overtime, _)) in overtime_by_day(&worked, a) {
            if let Some(row) = days.get_mut(&date) {
                row.minutes.overtime += overtime;
            } else if month.holds(date) && overtime > 0 {
                days.insert(
                    date,
                    DayRow {
                        assistant: a.id.clone(),
                        date,
                        minutes: CategoryMinutes {
                            overtime,
                            ..CategoryMinutes::default()
                        },
                        unconfirmed: 0,
                    },
                );
            }
        }
        out.extend(days.into_values());
    }
    out
}

/// The month's sums per assistant (those with work in it), in the plan's order.
pub fn month_sums(
    plan: &Plan,
    month: Month,
    assistant: Option<&AssistantId>,
) -> Vec<(AssistantId, CategoryMinutes)> {
    let mut out: Vec<(AssistantId, CategoryMinutes)> = Vec::new();
    for row in day_rows(plan, month, assistant) {
        match out.last_mut() {
            Some((id, sums)) if *id == row.assistant => sums.add(&row.minutes),
            _ => out.push((row.assistant.clone(), row.minutes)),
        }
    }
    out
}

/// One period of an assistant's account, in minutes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Account {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Contract hours pro rata for the days of the period (0 without a contract).
    pub contract: f64,
    /// Every counted shift at its planned times.
    pub planned: i64,
    /// Shifts confirmed as worked, at their effective times.
    pub worked: i64,
    pub merarbeid: i64,
    pub overtime: i64,
}

/// An assistant's account for one calendar year: by ISO week (the weeks touching the year,
/// clipped to it), by month, and for the year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearAccount {
    pub weeks: Vec<(Week, Account)>,
    pub months: Vec<(Month, Account)>,
    pub year: Account,
}

/// `assistant`'s account for `year`: planned and worked minutes by work day, contract
/// pro rata, and merarbeid and overtime as placed by [`overtime_by_day`].
pub fn year_account(plan: &Plan, assistant: &Assistant, year: i32) -> YearAccount {
    year_account_on(plan, &plan.as_worked(), assistant, year)
}

/// [`year_account`] with the plan as worked made once by the caller.
pub fn year_account_on(
    plan: &Plan,
    worked_plan: &Plan,
    assistant: &Assistant,
    year: i32,
) -> YearAccount {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("a supported year");
    let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("a supported year");
    let mut planned: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    let mut worked: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for shift in plan
        .shifts
        .iter()
        .filter(|s| s.counts() && s.assistant.as_ref() == Some(&assistant.id))
    {
        let day = shift.work_day();
        if day < first || day > last {
            continue;
        }
        if !shift.unplanned {
            *planned.entry(day).or_default() += shift.working_seconds() / MINUTE;
        }
        if shift.status == ShiftStatus::Worked {
            *worked.entry(day).or_default() += shift.effective_interval().len() / MINUTE;
        }
    }
    let extra = overtime_by_day(worked_plan, assistant);
    let contract_per_day = assistant.contract_minutes_per_week.unwrap_or(0) as f64 / 7.0;
    let account = |from: NaiveDate, to: NaiveDate| {
        let sum = |m: &BTreeMap<NaiveDate, i64>| m.range(from..=to).map(|(_, v)| *v).sum::<i64>();
        let (overtime, merarbeid) = extra
            .range(from..=to)
            .fold((0, 0), |acc, (_, v)| (acc.0 + v.0, acc.1 + v.1));
        Account {
            from: Some(from),
            to: Some(to),
            contract: contract_per_day * ((to - from).num_days() + 1) as f64,
            planned: sum(&planned),
            worked: sum(&worked),
            merarbeid,
            overtime,
        }
    };
    let mut weeks = Vec::new();
    let mut week = Week::containing(first);
    while week.monday() <= last {
        let from = week.monday().max(first);
        let to = week.sunday().min(last);
        weeks.push((week, account(from, to)));
        week = week.plus(1);
    }
    let mut months = Vec::new();
    let mut month = Month::of(first);
    while month.year() == year {
        months.push((month, account(month.first_day(), month.last_day())));
        month = month.next();
    }
    YearAccount {
        weeks,
        months,
        year: account(first, last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Instant {
        Instant::parse(text).expect("a time")
    }

    fn work(start: &str, end: &str) -> Actual {
        Actual {
            start: t(start),
            end: t(end),
            break_minutes: 0,
            passive_minutes: 0,
        }
    }

    fn cats(start: &str, end: &str) -> CategoryMinutes {
        categories_of(&work(start, end), &Categories::default())
    }

    #[test]
    fn a_night_across_the_spring_change_is_one_hour_short_in_total_and_night() {
        // Saturday 28 March 2026 22:00 → Sunday 08:00: 9 h, all but 06:00–08:00 night.
        let c = cats("2026-03-28T22:00", "2026-03-29T08:00");
        assert_eq!(c.total, 9 * 60);
        assert_eq!(c.night, 7 * 60);
        assert_eq!(c.evening, 0);
        // The Sunday zone runs from Saturday 18:00: the whole shift is Sunday time.
        assert_eq!(c.sunday, 9 * 60);
        assert_eq!(c.saturday, 0);
    }

    #[test]
    fn a_night_across_the_autumn_change_is_one_hour_long() {
        // Wednesday 21 October 2026 is ordinary; the change is Sunday 25 October.
        let c = cats("2026-10-24T22:00", "2026-10-25T08:00");
        assert_eq!(c.total, 11 * 60);
        assert_eq!(c.night, 9 * 60);
        assert_eq!(c.sunday, 11 * 60);
    }

    #[test]
    fn saturday_evening_into_sunday_splits_at_18() {
        // Saturday 13 June 2026 14:00–20:00: 14–18 Saturday, 18–20 inside Sunday's zone.
        let c = cats("2026-06-13T14:00", "2026-06-13T20:00");
        assert_eq!(c.saturday, 4 * 60);
        assert_eq!(c.sunday, 2 * 60);
        assert_eq!(c.evening, 3 * 60);
        assert_eq!(c.total, 6 * 60);
    }

    #[test]
    fn christmas_eve_from_15_is_red_day_time() {
        // Thursday 24 December 2026 12:00–18:00: 15:00–18:00 is Christmas Day's zone.
        let c = cats("2026-12-24T12:00", "2026-12-24T18:00");
        assert_eq!(c.sunday, 3 * 60);
        assert_eq!(c.saturday, 0);
        assert_eq!(c.evening, 60);
    }

    #[test]
    fn may_day_and_constitution_day_start_at_midnight() {
        // Thursday 30 April 2026 20:00 → Friday 1 May 02:00: only the part after 00:00.
        let c = cats("2026-04-30T20:00", "2026-05-01T02:00");
        assert_eq!(c.sunday, 2 * 60);
        assert_eq!(c.night, 5 * 60);
        assert_eq!(c.evening, 60);
        // Sunday 17 May 2026 is also a Sunday: its zone starts Saturday 16 May 18:00.
        let c = cats("2026-05-16T16:00", "2026-05-16T20:00");
        assert_eq!(c.saturday, 2 * 60);
        assert_eq!(c.sunday, 2 * 60);
    }

    #[test]
    fn other_category_bounds_are_followed() {
        let categories = Categories {
            evening_start: NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            evening_end: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            night_start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            night_end: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        };
        let c = categories_of(&work("2026-06-10T16:00", "2026-06-11T08:00"), &categories);
        assert_eq!(c.evening, 4 * 60);
        assert_eq!(c.night, 9 * 60);
    }
}
