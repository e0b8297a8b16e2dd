//! Hour accounting against the vedtak (RULES.md §4): budget, used, planned, remaining, the
//! year-end forecast, hours that lapse, a week-by-week series for charts, and the frame
//! excesses the checker's VEDTAK-FRAME rule reports.
//!
//! Definitions, all pure functions of the plan and a `today` passed in:
//!
//! - **Budget** of a service type for the dates `[from, to]` (inclusive) = Σ over the days of
//!   (hours per week of the vedtak version in force that day) / 7. So it is pro-rated at version
//!   changes and at the period's edges; a day with no version in force adds nothing.
//! - **Counted time** of a shift = its working time (end − start, breaks included: they are paid
//!   working time in BPA), except that passive minutes count × the `passive_factor` of the
//!   vedtak version in force on the day the shift starts (1.0 when none is). When only part of
//!   a shift lies in a period, that part counts in proportion to its length (computed on
//!   instants), as if the passive time were spread evenly over the shift.
//! - **Used** as of `today`: shifts with status worked, and planned shifts that ended at or
//!   before `today` 00:00 (until the timeliste confirms or corrects them). **Planned**: the other
//!   planned shifts (a shift running over midnight into `today` is still planned). Cancelled
//!   shifts count nothing. Every shift counts its own time, so double staffing counts once per
//!   assistant, and a vikar's shift counts like any other. **Open shifts** (no assistant yet)
//!   count exactly like staffed ones: they will be staffed, so from `today` on they are planned
//!   hours (and a past one is used until the timeliste says otherwise).
//! - **Remaining** = budget − used − planned (negative when the frame is overspent).
//! - **Year-end forecast** for calendar year Y: let the *covered part* be the ISO weeks from the
//!   one holding the start of the year's first counted shift of the service to the one holding
//!   the end of its last, clipped to the year. The forecast is used + planned in Y, plus the
//!   average rate of the covered part (counted time in it / its length) times the length of Y
//!   after the covered part. The time before the covered part adds nothing: the plan records no
//!   work there. With no counted shift in Y the forecast is 0. The forecast does not depend on
//!   `today` (used + planned is the same total for any `today`).
//! - **Lapse**: with carry-over off (`plan.settings.carry_over`), budget − forecast, when
//!   positive, goes back to the municipality at year end.
//! - **Frames**: days under a version with `annual_frame` form one frame per calendar year; days
//!   under a version without it form one frame per ISO week. Days with no version in force
//!   belong to no frame and are never an excess (a plan with no vedtak has no frame to exceed).
//!
//! Left out on purpose: reading or writing plans, turning excesses into findings (that is the
//! checker's), holidays, and the egenandel estimate.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use crate::calendar::{day_interval, Week};
use crate::model::vedtak::in_force;
use crate::model::{Plan, ServiceType, Shift, ShiftStatus};
use crate::time::{Instant, Interval, MINUTE};

/// The years Turnus handles; a year outside is read as the nearest of them.
use crate::time::{FIRST_YEAR, LAST_YEAR};

/// Minutes of difference below which two hour sums are treated as equal (float noise).
const EPSILON_MINUTES: f64 = 1e-6;

/// Budget in minutes of `service` for the dates `[from, to]`, inclusive: Σ over the days of the
/// weekly hours of the version in force that day / 7. Empty when `to` is before `from`.
///
/// ```
/// # use std::collections::BTreeMap;
/// # use chrono::NaiveDate;
/// # use turnus::model::{NightHelp, Plan, ServiceType, Vedtak};
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// let mut plan = Plan::default();
/// plan.vedtak.push(Vedtak {
///     from: d(1, 1), to: None, annual_frame: true,
///     hours_per_week: BTreeMap::from([(ServiceType::PersonligAssistanse, 35.0)]),
///     double_staffing: false, night: NightHelp::Excluded, passive_factor: 1.0,
/// });
/// let week = turnus::hours::budget_minutes(&plan, ServiceType::PersonligAssistanse, d(6, 1), d(6, 7));
/// assert!((week - 35.0 * 60.0).abs() < 1e-9);
/// ```
pub fn budget_minutes(plan: &Plan, service: ServiceType, from: NaiveDate, to: NaiveDate) -> f64 {
    budget_where(plan, service, from, to, |_| true)
}

/// The budget of the days in `[from, to]` for which `include` holds. The weekly hours are
/// summed before dividing by 7, so whole weeks give exact figures.
fn budget_where(
    plan: &Plan,
    service: ServiceType,
    from: NaiveDate,
    to: NaiveDate,
    include: impl Fn(NaiveDate) -> bool,
) -> f64 {
    let weekly_sum: f64 = days(from, to)
        .filter(|d| include(*d))
        .filter_map(|d| in_force(&plan.vedtak, d))
        .map(|v| v.weekly_hours(service))
        .sum();
    weekly_sum * 60.0 / 7.0
}

/// Budget in hours; see [`budget_minutes`].
pub fn budget_hours(plan: &Plan, service: ServiceType, from: NaiveDate, to: NaiveDate) -> f64 {
    budget_minutes(plan, service, from, to) / 60.0
}

/// How a shift counts as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Use {
    /// Worked, or planned and over before the day began.
    Used,
    /// Planned from the day on.
    Planned,
    /// Cancelled: counts nothing.
    Nothing,
}

/// How `shift` counts as of `today` (see the module docs).
pub fn use_of(shift: &Shift, today: NaiveDate) -> Use {
    match shift.status {
        ShiftStatus::Cancelled => Use::Nothing,
        ShiftStatus::Worked => Use::Used,
        ShiftStatus::Planned if shift.end <= Instant::start_of_day(today) => Use::Used,
        ShiftStatus::Planned => Use::Planned,
    }
}

/// Counted minutes of `shift` inside `within`: working time with passive minutes × the
/// vedtak's passive factor, pro-rated to the part inside `within`. Cancelled shifts give 0.
pub fn counted_minutes(plan: &Plan, shift: &Shift, within: Interval) -> f64 {
    if !shift.counts() {
        return 0.0;
    }
    let overlap = shift.effective_interval().overlap(within);
    if overlap == 0 {
        return 0.0;
    }
    weight(plan, shift) * overlap as f64 / MINUTE as f64
}

/// The counted share of each second of `shift`: 1 without passive time.
fn weight(plan: &Plan, shift: &Shift) -> f64 {
    let worked = shift.effective();
    let length = worked.interval().len() as f64;
    if length <= 0.0 {
        return 0.0;
    }
    let passive = (f64::from(worked.passive_minutes) * MINUTE as f64).min(length);
    let factor = in_force(&plan.vedtak, shift.start.local_date()).map_or(1.0, |v| v.passive_factor);
    (length - passive + passive * factor) / length
}

/// Used plus planned minutes of `service` inside `interval`: every shift that is not cancelled,
/// the part inside the interval. This is the sum VEDTAK-FRAME compares with the budget.
pub fn service_minutes(plan: &Plan, service: ServiceType, interval: Interval) -> f64 {
    plan.shifts
        .iter()
        .filter(|s| s.service == service)
        .map(|s| counted_minutes(plan, s, interval))
        .sum()
}

/// Used and planned minutes of one service in one period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Usage {
    pub used_minutes: f64,
    pub planned_minutes: f64,
}

impl Usage {
    /// Used + planned.
    pub fn total_minutes(self) -> f64 {
        self.used_minutes + self.planned_minutes
    }
}

/// Used and planned minutes of `service` inside `interval` as of `today`.
pub fn usage(plan: &Plan, service: ServiceType, interval: Interval, today: NaiveDate) -> Usage {
    let mut out = Usage::default();
    for shift in plan.shifts.iter().filter(|s| s.service == service) {
        let minutes = counted_minutes(plan, shift, interval);
        match use_of(shift, today) {
            Use::Used => out.used_minutes += minutes,
            Use::Planned => out.planned_minutes += minutes,
            Use::Nothing => {}
        }
    }
    out
}

/// Year-end forecast in minutes of `service` for calendar `year` (see the module docs).
pub fn forecast_minutes(plan: &Plan, service: ServiceType, year: i32) -> f64 {
    let ledger = Ledger::new(plan, None);
    forecast_over(&ledger, plan, service, year, |_| true)
}

/// The hour accounts of one calendar year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearReport {
    pub year: i32,
    /// The day used to split used from planned.
    pub today: NaiveDate,
    /// Hours left at year end carry over instead of lapsing.
    pub carry_over: bool,
    /// One entry per service type with a budget or counted time in the year, in display order.
    pub services: Vec<ServiceReport>,
}

/// Which frame the vedtak sets for a service type in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    /// The hours are a frame for the calendar year.
    Annual,
    /// Each ISO week stands alone.
    Weekly,
    /// The versions in force in the year differ.
    Mixed,
    /// No version is in force on any day of the year.
    None,
}

/// The accounts of one service type in one year, in hours.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceReport {
    pub service: ServiceType,
    /// The Norwegian name, e.g. "Personlig assistanse".
    pub name: &'static str,
    pub frame: FrameKind,
    pub budget_hours: f64,
    pub used_hours: f64,
    pub planned_hours: f64,
    /// Budget − used − planned; negative when overspent.
    pub remaining_hours: f64,
    pub forecast_hours: f64,
    /// Budget − forecast when positive and carry-over is off; otherwise 0.
    pub lapsing_hours: f64,
    /// Every ISO week touching the year, in order.
    pub weeks: Vec<WeekHours>,
}

/// One week of the series. Only the week's days inside the year count, so the weeks of a year
/// add up to the year's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekHours {
    /// ISO week-numbering year and week number, e.g. 2026 and 53.
    pub iso_year: i32,
    pub iso_week: u32,
    pub monday: NaiveDate,
    /// The budget of the week's days inside the year: the vedtak line of the chart.
    pub budget_hours: f64,
    pub used_hours: f64,
    pub planned_hours: f64,
}

/// The hour accounts of calendar `year` as of `today`. `year` should lie in 1900–2200, the
/// years Turnus handles (the caller validates input); a year outside is read as the nearest.
pub fn year_report(plan: &Plan, year: i32, today: NaiveDate) -> YearReport {
    let ledger = Ledger::new(plan, Some(today));
    let (first, last) = year_bounds(year);
    let mut services = Vec::new();
    for service in ServiceType::ALL {
        let budget = budget_minutes(plan, service, first, last);
        let used = ledger.sum(service, first, last);
        if budget.abs() < EPSILON_MINUTES && used.total_minutes() < EPSILON_MINUTES {
            continue;
        }
        let forecast = forecast_over(&ledger, plan, service, year, |_| true);
        let lapsing = if plan.settings.carry_over {
            0.0
        } else {
            (budget - forecast).max(0.0)
        };
        let weeks = weeks_touching(year)
            .map(|week| {
                let from = week.monday().max(first);
                let to = week.sunday().min(last);
                let u = ledger.sum(service, from, to);
                let (iso_year, iso_week) = week.iso();
                WeekHours {
                    iso_year,
                    iso_week,
                    monday: week.monday(),
                    budget_hours: budget_minutes(plan, service, from, to) / 60.0,
                    used_hours: u.used_minutes / 60.0,
                    planned_hours: u.planned_minutes / 60.0,
                }
            })
            .collect();
        services.push(ServiceReport {
            service,
            name: service.name_nb(),
            frame: frame_kind(plan, first, last),
            budget_hours: budget / 60.0,
            used_hours: used.used_minutes / 60.0,
            planned_hours: used.planned_minutes / 60.0,
            remaining_hours: (budget - used.total_minutes()) / 60.0,
            forecast_hours: forecast / 60.0,
            lapsing_hours: lapsing / 60.0,
            weeks,
        });
    }
    YearReport {
        year,
        today,
        carry_over: plan.settings.carry_over,
        services,
    }
}

/// The report as a Norwegian text table for a terminal: one line per service type, hours with
/// one decimal, a comma as decimal sign and a space between thousands ("1 955,4 t").
pub fn render_text(report: &YearReport) -> String {
    let mut out = format!(
        "Timeregnskap {} (per {})\n",
        report.year,
        report.today.format("%d.%m.%Y")
    );
    if report.services.is_empty() {
        out.push_str(&format!(
            "Ingen vedtakstimer og ingen vakter i {}.\n",
            report.year
        ));
        return out;
    }
    for s in &report.services {
        let frame = match s.frame {
            FrameKind::Annual => " (årsramme)",
            FrameKind::Weekly => " (ukeramme)",
            FrameKind::Mixed => " (års- og ukeramme)",
            FrameKind::None => " (uten vedtak)",
        };
        out.push_str(&format!(
            "{}{}: budsjett {}, brukt {}, planlagt {}, igjen {}, prognose ved årsslutt {}\n",
            s.name,
            frame,
            hours_nb(s.budget_hours),
            hours_nb(s.used_hours),
            hours_nb(s.planned_hours),
            hours_nb(s.remaining_hours),
            hours_nb(s.forecast_hours),
        ));
        if s.forecast_hours > s.budget_hours + EPSILON_MINUTES / 60.0 {
            out.push_str(&format!(
                "  Prognosen er {} over vedtaket.\n",
                hours_nb(s.forecast_hours - s.budget_hours)
            ));
        } else if s.lapsing_hours * 60.0 > EPSILON_MINUTES {
            out.push_str(&format!(
                "  {} faller bort ved årsslutt (overføring til neste år er ikke slått på).\n",
                hours_nb(s.lapsing_hours)
            ));
        }
    }
    out
}

/// Hours in Norwegian notation with one decimal and the unit: `1 955,4 t`, `−2,5 t`.
pub fn hours_nb(hours: f64) -> String {
    let tenths = (hours * 10.0).round() as i64;
    let sign = if tenths < 0 { "−" } else { "" };
    let tenths = tenths.unsigned_abs();
    let whole = (tenths / 10).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{} t", tenths % 10)
}

/// The period of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FramePeriod {
    /// The annual frame of a calendar year.
    Year(i32),
    /// The frame of one ISO week: ISO year and week number.
    Week(i32, u32),
}

/// A frame whose used + planned hours, or year-end forecast, exceed its budget.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameExcess {
    pub service: ServiceType,
    pub period: FramePeriod,
    /// The frame's days as instants: from 00:00 of its first day under the frame to 00:00
    /// after its last.
    pub interval: Interval,
    /// Used + planned minutes, or the forecast when `forecast` is true.
    pub measured_minutes: f64,
    pub budget_minutes: f64,
    /// True when only the year-end forecast exceeds the budget (used + planned does not).
    pub forecast: bool,
}

impl FrameExcess {
    /// Measured and budget as whole minutes, rounded so the pair still shows the excess
    /// (RULES.md: for a maximum, measured up and the limit down).
    pub fn whole_minutes(&self) -> (i64, i64) {
        // Float noise below a millionth of a minute is not a minute.
        (
            (self.measured_minutes - EPSILON_MINUTES).ceil() as i64,
            (self.budget_minutes + EPSILON_MINUTES).floor() as i64,
        )
    }
}

/// Every frame that used + planned hours, or (for annual frames) the year-end forecast,
/// exceed, by service type and then in time order. When used + planned already exceed an
/// annual frame, that is reported and the forecast is not reported again.
///
/// Annual frames are checked for every year in which a shift of the service counts; weekly
/// frames for every week in which one does. A frame with budget 0 and counted time (a service
/// the vedtak does not grant) is an excess.
pub fn frame_excesses(plan: &Plan) -> Vec<FrameExcess> {
    let mut out = Vec::new();
    if plan.vedtak.is_empty() {
        return out;
    }
    let ledger = Ledger::new(plan, None);
    for service in ServiceType::ALL {
        let dates: Vec<NaiveDate> = ledger.dates(service).collect();
        let mut years: Vec<i32> = dates.iter().map(|d| d.year()).collect();
        years.dedup();
        for year in years {
            let (first, last) = year_bounds(year);
            let annual = |d: NaiveDate| frame_on(plan, d) == Some(true);
            let Some((from, to)) = span_where(first, last, annual) else {
                continue;
            };
            let budget = budget_where(plan, service, from, to, annual);
            let measured: f64 = days(from, to)
                .filter(|d| annual(*d))
                .map(|d| ledger.sum(service, d, d).total_minutes())
                .sum();
            let (measured, forecast) = if measured > budget + EPSILON_MINUTES {
                (measured, false)
            } else {
                (forecast_over(&ledger, plan, service, year, annual), true)
            };
            if measured > budget + EPSILON_MINUTES {
                out.push(FrameExcess {
                    service,
                    period: FramePeriod::Year(year),
                    interval: dates_interval(from, to),
                    measured_minutes: measured,
                    budget_minutes: budget,
                    forecast,
                });
            }
        }
        let mut weeks: Vec<Week> = dates.iter().map(|d| Week::containing(*d)).collect();
        weeks.dedup();
        for week in weeks {
            let weekly = |d: NaiveDate| frame_on(plan, d) == Some(false);
            let Some((from, to)) = span_where(week.monday(), week.sunday(), weekly) else {
                continue;
            };
            let budget = budget_where(plan, service, from, to, weekly);
            let measured: f64 = days(from, to)
                .filter(|d| weekly(*d))
                .map(|d| ledger.sum(service, d, d).total_minutes())
                .sum();
            if measured > budget + EPSILON_MINUTES {
                let (iso_year, iso_week) = week.iso();
                out.push(FrameExcess {
                    service,
                    period: FramePeriod::Week(iso_year, iso_week),
                    interval: dates_interval(from, to),
                    measured_minutes: measured,
                    budget_minutes: budget,
                    forecast: false,
                });
            }
        }
    }
    out
}

/// Counted minutes per service and local day, split into used and planned as of a day.
struct Ledger {
    days: BTreeMap<(ServiceType, NaiveDate), Usage>,
}

impl Ledger {
    /// With no `today`, every counted shift is booked as planned (for sums of both).
    fn new(plan: &Plan, today: Option<NaiveDate>) -> Self {
        let mut days: BTreeMap<(ServiceType, NaiveDate), Usage> = BTreeMap::new();
        for shift in &plan.shifts {
            let class = match today {
                Some(today) => use_of(shift, today),
                None if shift.counts() => Use::Planned,
                None => Use::Nothing,
            };
            if class == Use::Nothing {
                continue;
            }
            let w = weight(plan, shift);
            let span = shift.effective_interval();
            let mut date = span.start.local_date();
            while Instant::start_of_day(date) < span.end {
                let seconds = span.overlap(day_interval(date));
                if seconds > 0 {
                    let minutes = w * seconds as f64 / MINUTE as f64;
                    let entry = days.entry((shift.service, date)).or_default();
                    match class {
                        Use::Used => entry.used_minutes += minutes,
                        _ => entry.planned_minutes += minutes,
                    }
                }
                date += Duration::days(1);
            }
        }
        Ledger { days }
    }

    /// Usage of `service` on the dates `[from, to]`.
    fn sum(&self, service: ServiceType, from: NaiveDate, to: NaiveDate) -> Usage {
        if to < from {
            return Usage::default();
        }
        self.days
            .range((service, from)..=(service, to))
            .fold(Usage::default(), |acc, (_, u)| Usage {
                used_minutes: acc.used_minutes + u.used_minutes,
                planned_minutes: acc.planned_minutes + u.planned_minutes,
            })
    }

    /// The dates with counted time of `service`, in order.
    fn dates(&self, service: ServiceType) -> impl Iterator<Item = NaiveDate> + '_ {
        self.days
            .range((service, NaiveDate::MIN)..=(service, NaiveDate::MAX))
            .map(|((_, d), _)| *d)
    }
}

/// The forecast of `service` in `year` over the year's days for which `include` holds: their
/// counted time plus the covered part's rate times their time after the covered part.
fn forecast_over(
    ledger: &Ledger,
    plan: &Plan,
    service: ServiceType,
    year: i32,
    include: impl Fn(NaiveDate) -> bool,
) -> f64 {
    let (first, last) = year_bounds(year);
    let year_interval = dates_interval(first, last);
    let shifts = plan
        .shifts
        .iter()
        .filter(|s| s.service == service && s.counts())
        .filter_map(|s| s.effective_interval().intersect(year_interval));
    let (mut start, mut end) = (None::<Instant>, None::<Instant>);
    for iv in shifts {
        start = Some(start.map_or(iv.start, |t| t.min(iv.start)));
        end = Some(end.map_or(iv.end, |t| t.max(iv.end)));
    }
    let (Some(start), Some(end)) = (start, end) else {
        return 0.0;
    };
    // The ISO weeks from the first shift's start to the last shift's end, clipped to the year.
    let covered_from = Week::of_instant(start).monday().max(first);
    let last_moment = end.plus(-1);
    let covered_to = Week::of_instant(last_moment).sunday().min(last);
    let covered = dates_interval(covered_from, covered_to);
    let rate = ledger
        .sum(service, covered_from, covered_to)
        .total_minutes()
        / covered.len() as f64;
    let counted: f64 = days(first, last)
        .filter(|d| include(*d))
        .map(|d| ledger.sum(service, d, d).total_minutes())
        .sum();
    let after: i64 = days(covered_to + Duration::days(1), last)
        .filter(|d| include(*d))
        .map(|d| day_interval(d).len())
        .sum();
    counted + rate * after as f64
}

/// The frame kind of the vedtak in force on `date`: `Some(true)` for an annual frame,
/// `Some(false)` for a weekly one, `None` with no version in force.
fn frame_on(plan: &Plan, date: NaiveDate) -> Option<bool> {
    in_force(&plan.vedtak, date).map(|v| v.annual_frame)
}

fn frame_kind(plan: &Plan, from: NaiveDate, to: NaiveDate) -> FrameKind {
    let (mut annual, mut weekly) = (false, false);
    for d in days(from, to) {
        match frame_on(plan, d) {
            Some(true) => annual = true,
            Some(false) => weekly = true,
            None => {}
        }
    }
    match (annual, weekly) {
        (true, true) => FrameKind::Mixed,
        (true, false) => FrameKind::Annual,
        (false, true) => FrameKind::Weekly,
        (false, false) => FrameKind::None,
    }
}

/// The first and last date in `[from, to]` for which `keep` holds.
fn span_where(
    from: NaiveDate,
    to: NaiveDate,
    keep: impl Fn(NaiveDate) -> bool,
) -> Option<(NaiveDate, NaiveDate)> {
    let first = days(from, to).find(|d| keep(*d))?;
    let last = days(first, to).filter(|d| keep(*d)).last()?;
    Some((first, last))
}

fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

/// The first and last day of `year`, clamped to the years Turnus handles (1900–2200).
fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let year = year.clamp(FIRST_YEAR, LAST_YEAR);
    let date = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("1 Jan and 31 Dec exist");
    (date(1, 1), date(12, 31))
}

/// `[from 00:00, the day after to 00:00)`.
fn dates_interval(from: NaiveDate, to: NaiveDate) -> Interval {
    Interval::new(
        Instant::start_of_day(from),
        Instant::start_of_day(to + Duration::days(1)),
    )
}

fn weeks_touching(year: i32) -> impl Iterator<Item = Week> {
    let (first, last) = year_bounds(year);
    let first_week = Week::containing(first);
    let count = first_week.weeks_until(Week::containing(last)) + 1;
    (0..count).map(move |n| first_week.plus(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AssistantId, NightHelp, ShiftId, Vedtak};
    use crate::time::HOUR;
    use proptest::prelude::*;

    const PA: ServiceType = ServiceType::PersonligAssistanse;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    fn vedtak(from: NaiveDate, hours: f64, annual: bool) -> Vedtak {
        Vedtak {
            from,
            to: None,
            annual_frame: annual,
            hours_per_week: BTreeMap::from([(PA, hours)]),
            double_staffing: false,
            night: NightHelp::Included,
            passive_factor: 1.0,
        }
    }

    fn plan_with(versions: Vec<Vedtak>) -> Plan {
        Plan {
            vedtak: versions,
            ..Plan::default()
        }
    }

    fn shift(id: &str, who: Option<&str>, start: &str, end: &str) -> Shift {
        Shift {
            id: ShiftId(id.into()),
            assistant: who.map(AssistantId::from),
            start: t(start),
            end: t(end),
            break_minutes: 0,
            passive_minutes: 0,
            long_shift: false,
            service: PA,
            status: ShiftStatus::Planned,
            note: String::new(),
            shift_type: None,
            created_at: None,
            updated_at: None,
            actual: None,
            not_worked_reason: None,
            unplanned: false,
            personlig_stell: false,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn budget_of_a_whole_week_is_the_weekly_hours_and_edges_prorate() {
        let plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        assert!(close(
            budget_hours(&plan, PA, d(2026, 6, 1), d(2026, 6, 7)),
            37.5
        ));
        assert!(
            close(
                budget_hours(&plan, PA, d(2026, 6, 1), d(2026, 6, 3)),
                37.5 * 3.0 / 7.0
            ),
            "three days are 3/7 of the week"
        );
        assert!(
            close(
                budget_hours(&plan, PA, d(2025, 12, 29), d(2026, 1, 4)),
                37.5 * 4.0 / 7.0
            ),
            "the days before the vedtak starts add nothing"
        );
    }

    #[test]
    fn vedtak_change_mid_year_prorates_the_budget() {
        let mut first = vedtak(d(2026, 1, 1), 37.5, true);
        first.to = Some(d(2026, 6, 30));
        let plan = plan_with(vec![first, vedtak(d(2026, 7, 1), 20.0, true)]);
        let report = year_report(&plan, 2026, d(2026, 3, 1));
        let expected = 37.5 * 181.0 / 7.0 + 20.0 * 184.0 / 7.0;
        assert!(
            close(report.services[0].budget_hours, expected),
            "181 days at 37.5 h/week and 184 days at 20 h/week, got {}",
            report.services[0].budget_hours
        );
    }

    #[test]
    fn passive_hours_count_times_the_factor() {
        let mut v = vedtak(d(2026, 1, 1), 37.5, true);
        v.passive_factor = 0.5;
        let mut plan = plan_with(vec![v]);
        let mut night = shift("n", Some("A"), "2026-06-08T22:00", "2026-06-09T08:00");
        night.passive_minutes = 8 * 60;
        night.break_minutes = 30;
        plan.shifts.push(night);
        let u = usage(
            &plan,
            PA,
            dates_interval(d(2026, 6, 1), d(2026, 6, 30)),
            d(2026, 6, 1),
        );
        assert!(
            close(u.planned_minutes, (2.0 + 4.0) * 60.0),
            "2 h awake (the break counts fully) + 8 h passive × 0.5, got {}",
            u.planned_minutes
        );
    }

    #[test]
    fn passive_factor_is_the_one_in_force_when_the_shift_starts() {
        let mut old = vedtak(d(2026, 1, 1), 37.5, true);
        old.to = Some(d(2026, 6, 8));
        old.passive_factor = 0.5;
        let new = vedtak(d(2026, 6, 9), 37.5, true);
        let mut plan = plan_with(vec![old, new]);
        let mut night = shift("n", Some("A"), "2026-06-08T22:00", "2026-06-09T08:00");
        night.passive_minutes = 10 * 60;
        plan.shifts.push(night);
        let total = service_minutes(&plan, PA, dates_interval(d(2026, 6, 1), d(2026, 6, 30)));
        assert!(
            close(total, 5.0 * 60.0),
            "all 10 h at the factor of 8 June, got {total}"
        );
    }

    #[test]
    fn double_staffing_counts_each_assistant() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        plan.shifts.push(shift(
            "a",
            Some("A"),
            "2026-06-08T08:00",
            "2026-06-08T16:00",
        ));
        plan.shifts.push(shift(
            "b",
            Some("B"),
            "2026-06-08T08:00",
            "2026-06-08T16:00",
        ));
        let total = service_minutes(&plan, PA, dates_interval(d(2026, 6, 8), d(2026, 6, 8)));
        assert!(
            close(total, 16.0 * 60.0),
            "two assistants × 8 h, got {total}"
        );
    }

    #[test]
    fn cancelled_shift_counts_nothing() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        let mut s = shift("a", Some("A"), "2026-06-08T08:00", "2026-06-08T16:00");
        s.status = ShiftStatus::Cancelled;
        plan.shifts.push(s);
        let u = usage(
            &plan,
            PA,
            dates_interval(d(2026, 1, 1), d(2026, 12, 31)),
            d(2026, 1, 1),
        );
        assert_eq!(u, Usage::default());
        assert_eq!(forecast_minutes(&plan, PA, 2026), 0.0);
    }

    #[test]
    fn planned_shift_before_today_counts_as_used() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        plan.shifts.push(shift(
            "past",
            Some("A"),
            "2026-06-08T08:00",
            "2026-06-08T16:00",
        ));
        plan.shifts.push(shift(
            "midnight",
            Some("A"),
            "2026-06-09T16:00",
            "2026-06-10T00:00",
        ));
        plan.shifts.push(shift(
            "into",
            Some("A"),
            "2026-06-09T22:00",
            "2026-06-10T06:00",
        ));
        plan.shifts.push(shift(
            "today",
            Some("A"),
            "2026-06-10T08:00",
            "2026-06-10T12:00",
        ));
        let mut worked = shift("worked", Some("A"), "2026-06-11T08:00", "2026-06-11T09:00");
        worked.status = ShiftStatus::Worked;
        plan.shifts.push(worked);
        let u = usage(
            &plan,
            PA,
            dates_interval(d(2026, 6, 1), d(2026, 6, 30)),
            d(2026, 6, 10),
        );
        assert!(
            close(u.used_minutes, (8.0 + 8.0 + 1.0) * 60.0),
            "the shifts over by 10 June 00:00 and the worked one are used, got {}",
            u.used_minutes
        );
        assert!(
            close(u.planned_minutes, (8.0 + 4.0) * 60.0),
            "a shift running into today is still planned, got {}",
            u.planned_minutes
        );
    }

    #[test]
    fn open_shift_counts_as_planned() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        plan.shifts
            .push(shift("open", None, "2026-06-08T08:00", "2026-06-08T16:00"));
        let u = usage(
            &plan,
            PA,
            dates_interval(d(2026, 6, 1), d(2026, 6, 30)),
            d(2026, 6, 1),
        );
        assert!(
            close(u.planned_minutes, 8.0 * 60.0),
            "an open shift will be staffed"
        );
    }

    #[test]
    fn shift_crossing_the_year_edge_counts_the_part_inside() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        plan.shifts.push(shift(
            "n",
            Some("A"),
            "2026-12-31T22:00",
            "2027-01-01T08:00",
        ));
        let y26 = year_report(&plan, 2026, d(2026, 1, 1));
        let y27 = year_report(&plan, 2027, d(2026, 1, 1));
        assert!(close(y26.services[0].planned_hours, 2.0));
        assert!(close(y27.services[0].planned_hours, 8.0));
    }

    #[test]
    fn night_over_the_spring_change_counts_nine_hours() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        plan.shifts.push(shift(
            "n",
            Some("A"),
            "2026-03-28T22:00",
            "2026-03-29T08:00",
        ));
        let total = service_minutes(&plan, PA, dates_interval(d(2026, 3, 1), d(2026, 3, 31)));
        assert!(
            close(total, 9.0 * 60.0),
            "durations are computed on instants"
        );
    }

    /// Ten hours every Monday from 5 January to 29 June 2026: 26 weeks covered.
    fn mondays_plan() -> Plan {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        let mut day = d(2026, 1, 5);
        while day <= d(2026, 6, 29) {
            let start = Instant::at_local(day, chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap());
            let mut s = shift("x", Some("A"), "2026-01-01T00:00", "2026-01-01T01:00");
            s.id = ShiftId(format!("m{day}"));
            s.start = start;
            s.end = start.plus(10 * HOUR);
            plan.shifts.push(s);
            day += Duration::weeks(1);
        }
        plan
    }

    #[test]
    fn forecast_extrapolates_the_covered_rate_to_year_end() {
        let plan = mondays_plan();
        let covered_h = 26.0 * 168.0 - 1.0; // 5 Jan – 5 Jul, one hour lost in March
        let after_h = 179.0 * 24.0 + 1.0; // 6 Jul – 31 Dec, one hour gained in October
        let expected = 260.0 + 260.0 / covered_h * after_h;
        let forecast = forecast_minutes(&plan, PA, 2026) / 60.0;
        assert!(
            close(forecast, expected),
            "expected {expected}, got {forecast}"
        );
    }

    #[test]
    fn forecast_does_not_depend_on_today() {
        let plan = mondays_plan();
        let a = year_report(&plan, 2026, d(2026, 1, 1));
        let b = year_report(&plan, 2026, d(2026, 12, 1));
        assert_eq!(a.services[0].forecast_hours, b.services[0].forecast_hours);
        assert!(close(b.services[0].used_hours, 260.0));
        assert!(close(a.services[0].planned_hours, 260.0));
    }

    #[test]
    fn unused_hours_lapse_unless_carry_over() {
        let mut plan = mondays_plan();
        let report = year_report(&plan, 2026, d(2026, 7, 1));
        let s = &report.services[0];
        assert!(close(s.lapsing_hours, s.budget_hours - s.forecast_hours));
        assert!(
            s.lapsing_hours > 1000.0,
            "10 h a week leaves most of 37.5 h a week"
        );
        plan.settings.carry_over = true;
        assert_eq!(
            year_report(&plan, 2026, d(2026, 7, 1)).services[0].lapsing_hours,
            0.0
        );
    }

    #[test]
    fn week_series_covers_53_weeks_of_2026_and_adds_up_to_the_year() {
        let plan = mondays_plan();
        let report = year_report(&plan, 2026, d(2026, 3, 2));
        let s = &report.services[0];
        assert_eq!(s.weeks.len(), 53, "28 Dec 2026 starts ISO week 53");
        assert_eq!((s.weeks[0].iso_year, s.weeks[0].iso_week), (2026, 1));
        assert_eq!(s.weeks[52].monday, d(2026, 12, 28));
        let budget: f64 = s.weeks.iter().map(|w| w.budget_hours).sum();
        let used: f64 = s.weeks.iter().map(|w| w.used_hours).sum();
        let planned: f64 = s.weeks.iter().map(|w| w.planned_hours).sum();
        assert!(close(budget, s.budget_hours));
        assert!(close(used, s.used_hours));
        assert!(close(planned, s.planned_hours));
        assert!(
            close(s.weeks[0].budget_hours, 37.5 * 4.0 / 7.0),
            "1–4 Jan only"
        );
    }

    #[test]
    fn annual_frame_overspent_is_an_excess_and_forecast_only_is_marked() {
        let mut plan = mondays_plan();
        plan.vedtak[0].hours_per_week.insert(PA, 4.0);
        let excesses = frame_excesses(&plan);
        assert_eq!(excesses.len(), 1, "{excesses:?}");
        assert_eq!(excesses[0].period, FramePeriod::Year(2026));
        assert!(
            !excesses[0].forecast,
            "260 h planned already exceed 4 h × 365 / 7"
        );
        assert!(close(excesses[0].measured_minutes, 260.0 * 60.0));

        plan.vedtak[0].hours_per_week.insert(PA, 8.0);
        let excesses = frame_excesses(&plan);
        assert_eq!(excesses.len(), 1, "{excesses:?}");
        assert!(
            excesses[0].forecast,
            "260 h < 417 h budget, but the forecast is about 513 h"
        );
        assert_eq!(
            excesses[0].interval,
            dates_interval(d(2026, 1, 1), d(2026, 12, 31))
        );
    }

    #[test]
    fn weekly_frame_checks_each_week_alone() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 9.0, false)]);
        plan.shifts.push(shift(
            "a",
            Some("A"),
            "2026-06-08T08:00",
            "2026-06-08T16:00",
        ));
        plan.shifts.push(shift(
            "b",
            Some("A"),
            "2026-06-15T08:00",
            "2026-06-15T18:00",
        ));
        let excesses = frame_excesses(&plan);
        assert_eq!(
            excesses.len(),
            1,
            "8 h fits the 9 h week, 10 h does not: {excesses:?}"
        );
        assert_eq!(excesses[0].period, FramePeriod::Week(2026, 25));
        assert!(close(excesses[0].budget_minutes, 9.0 * 60.0));
        assert!(close(excesses[0].measured_minutes, 10.0 * 60.0));
        assert_eq!(excesses[0].whole_minutes(), (600, 540));
    }

    #[test]
    fn frame_that_changes_mid_year_checks_the_annual_part_and_the_weeks_apart() {
        let mut annual = vedtak(d(2026, 1, 1), 0.5, true);
        annual.to = Some(d(2026, 6, 30));
        let mut plan = plan_with(vec![annual, vedtak(d(2026, 7, 1), 9.0, false)]);
        plan.shifts.push(shift(
            "a",
            Some("A"),
            "2026-03-02T08:00",
            "2026-03-02T18:00",
        ));
        plan.shifts.push(shift(
            "a2",
            Some("A"),
            "2026-04-06T08:00",
            "2026-04-06T18:00",
        ));
        plan.shifts.push(shift(
            "b",
            Some("A"),
            "2026-07-06T08:00",
            "2026-07-06T18:00",
        ));
        plan.shifts.push(shift(
            "c",
            Some("A"),
            "2026-07-13T08:00",
            "2026-07-13T16:00",
        ));
        let report = year_report(&plan, 2026, d(2026, 1, 1));
        assert_eq!(report.services[0].frame, FrameKind::Mixed);
        let periods: Vec<FramePeriod> = frame_excesses(&plan).iter().map(|e| e.period).collect();
        assert_eq!(
            periods,
            [FramePeriod::Year(2026), FramePeriod::Week(2026, 28)],
            "20 h exceed the annual half's 12.9 h; 10 h exceed one 9 h week"
        );
        let annual_part = &frame_excesses(&plan)[0];
        assert_eq!(
            annual_part.interval,
            dates_interval(d(2026, 1, 1), d(2026, 6, 30)),
            "the annual frame covers the days under the annual version only"
        );
    }

    #[test]
    fn service_the_vedtak_does_not_grant_is_an_excess_and_no_vedtak_is_none() {
        let mut plan = plan_with(vec![vedtak(d(2026, 1, 1), 37.5, true)]);
        let mut s = shift("a", Some("A"), "2026-06-08T08:00", "2026-06-08T10:00");
        s.service = ServiceType::Stottekontakt;
        plan.shifts.push(s);
        let excesses = frame_excesses(&plan);
        assert_eq!(excesses.len(), 1);
        assert_eq!(excesses[0].service, ServiceType::Stottekontakt);
        plan.vedtak.clear();
        assert!(frame_excesses(&plan).is_empty(), "no vedtak, no frame");
    }

    #[test]
    fn text_uses_norwegian_numbers() {
        assert_eq!(hours_nb(1955.357), "1 955,4 t");
        assert_eq!(hours_nb(-2.5), "−2,5 t");
        assert_eq!(hours_nb(-0.01), "0,0 t");
        assert_eq!(hours_nb(123456.0), "123 456,0 t");
        let plan = mondays_plan();
        let text = render_text(&year_report(&plan, 2026, d(2026, 3, 2)));
        assert!(
            text.contains("Personlig assistanse (årsramme): budsjett 1 955,4 t, brukt 80,0 t, planlagt 180,0 t"),
            "{text}"
        );
        assert!(text.contains("faller bort ved årsslutt"), "{text}");
    }

    #[test]
    fn report_serializes_to_json() {
        let plan = mondays_plan();
        let json = serde_json::to_value(year_report(&plan, 2026, d(2026, 3, 2))).unwrap();
        assert_eq!(json["services"][0]["service"], "personlig_assistanse");
        assert_eq!(json["services"][0]["frame"], "annual");
        assert_eq!(json["services"][0]["weeks"][52]["iso_week"], 53);
    }

    proptest! {
        #[test]
        fn budgets_of_adjacent_periods_add_up(a in 0i64..800, len1 in 0i64..400, len2 in 0i64..400,
                                               change in 0i64..800, h1 in 0.0f64..80.0, h2 in 0.0f64..80.0) {
            let base = d(2025, 6, 1);
            let mut first = vedtak(base, h1, true);
            first.to = Some(base + Duration::days(change));
            let plan = plan_with(vec![first, vedtak(base + Duration::days(change + 1), h2, false)]);
            let from = base + Duration::days(a);
            let mid = from + Duration::days(len1);
            let to = mid + Duration::days(len2 + 1);
            let whole = budget_minutes(&plan, PA, from, to);
            let parts = budget_minutes(&plan, PA, from, mid) + budget_minutes(&plan, PA, mid + Duration::days(1), to);
            prop_assert!((whole - parts).abs() < 1e-6, "{whole} != {parts}");
        }

        #[test]
        fn used_plus_planned_is_the_same_for_any_today(
            shifts in proptest::collection::vec((0i64..365 * 24, 1i64..30, 0u32..600, 0u8..3), 0..30),
            today in 0i64..400,
        ) {
            let mut v = vedtak(d(2026, 1, 1), 37.5, true);
            v.passive_factor = 0.5;
            let mut plan = plan_with(vec![v]);
            let year_start = Instant::start_of_day(d(2026, 1, 1));
            for (i, (hour, len, passive, status)) in shifts.into_iter().enumerate() {
                let mut s = shift("x", Some("A"), "2026-01-01T00:00", "2026-01-01T01:00");
                s.id = ShiftId(format!("s{i}"));
                s.start = year_start.plus(hour * HOUR);
                s.end = s.start.plus(len * HOUR);
                s.passive_minutes = passive.min(len as u32 * 60);
                s.status = [ShiftStatus::Planned, ShiftStatus::Worked, ShiftStatus::Cancelled][status as usize];
                plan.shifts.push(s);
            }
            let year = dates_interval(d(2026, 1, 1), d(2026, 12, 31));
            let total = service_minutes(&plan, PA, year);
            let u = usage(&plan, PA, year, d(2026, 1, 1) + Duration::days(today));
            prop_assert!((u.total_minutes() - total).abs() < 1e-6);
            let report = year_report(&plan, 2026, d(2026, 1, 1) + Duration::days(today));
            if let Some(s) = report.services.first() {
                prop_assert!(((s.used_hours + s.planned_hours) * 60.0 - total).abs() < 1e-6);
                prop_assert!(s.forecast_hours * 60.0 >= total - 1e-6);
            }
        }
    }
}
