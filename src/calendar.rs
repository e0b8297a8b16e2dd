//! The Norwegian working calendar: ISO weeks, Easter, red days, red-day zones and virkedager.
//!
//! Red days (søn- og helgedager) follow lov om helligdager og helligdagsfred and lov om 1. og
//! 17. mai; their zones follow aml § 10-10 (1) as specified in RULES.md §1. Everything here is
//! a pure function of dates; the years 1900–2200 are supported.
//!
//! Left out on purpose: anything about shifts or assistants (see `rules`).

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::time::{Instant, Interval};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Meeus/Jones/Butcher
/// algorithm).
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(turnus::calendar::easter(2026), NaiveDate::from_ymd_opt(2026, 4, 5).unwrap());
/// ```
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// Why a day is red. A day can have several reasons (Sunday 17 May).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holiday {
    Sunday,
    NewYearsDay,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
    LabourDay,
    ConstitutionDay,
}

impl Holiday {
    /// The Norwegian name, as printed on the rota.
    pub fn name_nb(self) -> &'static str {
        match self {
            Holiday::Sunday => "søndag",
            Holiday::NewYearsDay => "1. nyttårsdag",
            Holiday::MaundyThursday => "skjærtorsdag",
            Holiday::GoodFriday => "langfredag",
            Holiday::EasterSunday => "1. påskedag",
            Holiday::EasterMonday => "2. påskedag",
            Holiday::AscensionDay => "Kristi himmelfartsdag",
            Holiday::WhitSunday => "1. pinsedag",
            Holiday::WhitMonday => "2. pinsedag",
            Holiday::ChristmasDay => "1. juledag",
            Holiday::BoxingDay => "2. juledag",
            Holiday::LabourDay => "1. mai",
            Holiday::ConstitutionDay => "17. mai",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Holiday::Sunday => "Sunday",
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::MaundyThursday => "Maundy Thursday",
            Holiday::GoodFriday => "Good Friday",
            Holiday::EasterSunday => "Easter Sunday",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::AscensionDay => "Ascension Day",
            Holiday::WhitSunday => "Whit Sunday",
            Holiday::WhitMonday => "Whit Monday",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::BoxingDay => "Boxing Day",
            Holiday::LabourDay => "Labour Day",
            Holiday::ConstitutionDay => "Constitution Day",
        }
    }
}

/// The reasons `date` is a red day; empty for an ordinary day.
pub fn holidays_on(date: NaiveDate) -> Vec<Holiday> {
    let mut reasons = Vec::new();
    if date.weekday() == Weekday::Sun {
        reasons.push(Holiday::Sunday);
    }
    let (month, day) = (date.month(), date.day());
    match (month, day) {
        (1, 1) => reasons.push(Holiday::NewYearsDay),
        (5, 1) => reasons.push(Holiday::LabourDay),
        (5, 17) => reasons.push(Holiday::ConstitutionDay),
        (12, 25) => reasons.push(Holiday::ChristmasDay),
        (12, 26) => reasons.push(Holiday::BoxingDay),
        _ => {}
    }
    if (3..=6).contains(&month) {
        let offset = (date - easter(date.year())).num_days();
        let movable = match offset {
            -3 => Some(Holiday::MaundyThursday),
            -2 => Some(Holiday::GoodFriday),
            0 => Some(Holiday::EasterSunday),
            1 => Some(Holiday::EasterMonday),
            39 => Some(Holiday::AscensionDay),
            49 => Some(Holiday::WhitSunday),
            50 => Some(Holiday::WhitMonday),
            _ => None,
        };
        reasons.extend(movable);
    }
    reasons
}

/// True when `date` is a Sunday or a public holiday.
pub fn is_red_day(date: NaiveDate) -> bool {
    date.weekday() == Weekday::Sun || !holidays_on(date).is_empty()
}

/// The red days in `[from, to]`, in order.
pub fn red_days_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| is_red_day(*d))
        .collect()
}

fn at(date: NaiveDate, hour: u32) -> Instant {
    Instant::at_local(
        date,
        NaiveTime::from_hms_opt(hour, 0, 0).expect("a valid hour"),
    )
}

/// The red-day zone of `date` (aml § 10-10 (1)), or `None` when `date` is not red.
///
/// The zone ends at 22:00 on the day. It starts, by precedence: where the previous day's zone
/// ends (22:00) when the previous day is red too; at 15:00 on the eve of Easter Sunday, Whit
/// Sunday and Christmas Day; at 18:00 on the eve of a Sunday or church holiday; at 00:00 on
/// 1 May and 17 May.
pub fn red_day_zone(date: NaiveDate) -> Option<Interval> {
    let reasons = holidays_on(date);
    if reasons.is_empty() {
        return None;
    }
    let eve = date - Duration::days(1);
    let start = if is_red_day(eve) {
        at(eve, 22)
    } else if reasons.iter().any(|r| {
        matches!(
            r,
            Holiday::EasterSunday | Holiday::WhitSunday | Holiday::ChristmasDay
        )
    }) {
        at(eve, 15)
    } else if reasons
        .iter()
        .any(|r| !matches!(r, Holiday::LabourDay | Holiday::ConstitutionDay))
    {
        at(eve, 18)
    } else {
        Instant::start_of_day(date)
    };
    Some(Interval::new(start, at(date, 22)))
}

/// The Monday of the ISO week holding `date`.
pub fn week_monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// An ISO week, identified by its Monday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    monday: NaiveDate,
}

impl Week {
    /// The ISO week holding `date`.
    pub fn containing(date: NaiveDate) -> Self {
        Week {
            monday: week_monday(date),
        }
    }

    /// The ISO week holding the instant `t` (local date).
    pub fn of_instant(t: Instant) -> Self {
        Self::containing(t.local_date())
    }

    /// The Monday of this week.
    pub fn monday(self) -> NaiveDate {
        self.monday
    }

    /// The Sunday of this week.
    pub fn sunday(self) -> NaiveDate {
        self.monday + Duration::days(6)
    }

    /// The week `n` weeks later (earlier for negative `n`).
    pub fn plus(self, n: i64) -> Self {
        Week {
            monday: self.monday + Duration::weeks(n),
        }
    }

    /// Whole weeks from `self` to `other`.
    pub fn weeks_until(self, other: Week) -> i64 {
        (other.monday - self.monday).num_weeks()
    }

    /// `[Monday 00:00, next Monday 00:00)` local: 167, 168 or 169 hours.
    pub fn interval(self) -> Interval {
        Interval::new(
            Instant::start_of_day(self.monday),
            Instant::start_of_day(self.monday + Duration::days(7)),
        )
    }

    /// ISO year and week number, e.g. (2026, 53) for the week of 31 December 2026.
    pub fn iso(self) -> (i32, u32) {
        let w = self.monday.iso_week();
        (w.year(), w.week())
    }

    /// The seven dates of the week, Monday first.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.monday.iter_days().take(7)
    }
}

/// `[date 00:00, next day 00:00)` local.
pub fn day_interval(date: NaiveDate) -> Interval {
    Interval::new(
        Instant::start_of_day(date),
        Instant::start_of_day(date + Duration::days(1)),
    )
}

/// A virkedag for holiday counting (ferieloven § 5): every day but Sundays and red days, so
/// Saturdays count.
pub fn is_virkedag(date: NaiveDate) -> bool {
    !is_red_day(date)
}

/// The number of virkedager in `[from, to]`.
pub fn virkedager(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| is_virkedag(*d))
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    #[test]
    fn easter_dates_of_known_years() {
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(2025), d(2025, 4, 20));
        assert_eq!(easter(2026), d(2026, 4, 5));
        assert_eq!(easter(2027), d(2027, 3, 28));
        assert_eq!(easter(1943), d(1943, 4, 25), "latest possible Easter");
        assert_eq!(easter(2285), d(2285, 3, 22), "earliest possible Easter");
    }

    #[test]
    fn red_days_of_2026_spring() {
        let found = red_days_between(d(2026, 3, 30), d(2026, 5, 31));
        let holidays: Vec<_> = found
            .into_iter()
            .filter(|day| day.weekday() != Weekday::Sun)
            .collect();
        assert_eq!(
            holidays,
            vec![
                d(2026, 4, 2),
                d(2026, 4, 3),
                d(2026, 4, 6),
                d(2026, 5, 1),
                d(2026, 5, 14),
                d(2026, 5, 25),
            ]
        );
        assert!(holidays_on(d(2026, 5, 24)).contains(&Holiday::WhitSunday));
    }

    #[test]
    fn whit_monday_2027_is_constitution_day() {
        let reasons = holidays_on(d(2027, 5, 17));
        assert!(reasons.contains(&Holiday::WhitMonday));
        assert!(reasons.contains(&Holiday::ConstitutionDay));
        // Chaining wins: the zone starts where Whit Sunday's ends.
        assert_eq!(
            red_day_zone(d(2027, 5, 17)).unwrap().start,
            t("2027-05-16T22:00")
        );
    }

    #[test]
    fn sunday_zone_starts_saturday_18() {
        let zone = red_day_zone(d(2026, 6, 14)).unwrap();
        assert_eq!(zone.start, t("2026-06-13T18:00"));
        assert_eq!(zone.end, t("2026-06-14T22:00"));
    }

    #[test]
    fn christmas_day_zone_starts_christmas_eve_15() {
        assert_eq!(
            red_day_zone(d(2026, 12, 25)).unwrap().start,
            t("2026-12-24T15:00")
        );
        assert_eq!(
            red_day_zone(d(2026, 12, 26)).unwrap().start,
            t("2026-12-25T22:00")
        );
    }

    #[test]
    fn easter_zone_starts_easter_eve_15_and_good_friday_chains() {
        assert_eq!(
            red_day_zone(d(2026, 4, 5)).unwrap().start,
            t("2026-04-04T15:00")
        );
        assert_eq!(
            red_day_zone(d(2026, 4, 3)).unwrap().start,
            t("2026-04-02T22:00")
        );
        assert_eq!(
            red_day_zone(d(2026, 4, 2)).unwrap().start,
            t("2026-04-01T18:00")
        );
    }

    #[test]
    fn may_days_on_weekdays_start_at_midnight() {
        assert_eq!(
            red_day_zone(d(2026, 5, 1)).unwrap().start,
            t("2026-05-01T00:00")
        );
        // Sunday 17 May 2026 is a Sunday first: Saturday 18:00.
        assert_eq!(
            red_day_zone(d(2026, 5, 17)).unwrap().start,
            t("2026-05-16T18:00")
        );
        // 17 May 2012 was Ascension Day: a church holiday, so 18:00 the day before.
        assert!(holidays_on(d(2012, 5, 17)).contains(&Holiday::AscensionDay));
        assert_eq!(
            red_day_zone(d(2012, 5, 17)).unwrap().start,
            t("2012-05-16T18:00")
        );
    }

    #[test]
    fn ordinary_day_has_no_zone() {
        assert!(red_day_zone(d(2026, 6, 10)).is_none());
    }

    #[test]
    fn dst_weeks_are_short_and_long() {
        let spring = Week::containing(d(2026, 3, 25));
        assert_eq!(spring.iso(), (2026, 13));
        assert_eq!(spring.interval().len(), 167 * 3600);
        let autumn = Week::containing(d(2026, 10, 21));
        assert_eq!(autumn.iso(), (2026, 43));
        assert_eq!(autumn.interval().len(), 169 * 3600);
    }

    #[test]
    fn week_53_of_2026_exists() {
        assert_eq!(Week::containing(d(2026, 12, 31)).iso(), (2026, 53));
        assert_eq!(Week::containing(d(2027, 1, 3)).iso(), (2026, 53));
    }

    #[test]
    fn virkedager_count_saturdays_but_not_red_days() {
        // Mon 1 June – Sun 7 June 2026: six virkedager.
        assert_eq!(virkedager(d(2026, 6, 1), d(2026, 6, 7)), 6);
        // Easter week 2026: Mon–Wed, Sat are virkedager; Thu, Fri, Sun are red.
        assert_eq!(virkedager(d(2026, 3, 30), d(2026, 4, 5)), 4);
    }

    proptest! {
        #[test]
        fn every_iso_week_lasts_167_168_or_169_hours(days in 0i64..(301 * 366)) {
            let date = d(1900, 1, 1) + Duration::days(days);
            let hours = Week::containing(date).interval().len() / 3600;
            prop_assert!((167..=169).contains(&hours), "week of {date} lasted {hours} h");
        }

        #[test]
        fn easter_is_a_sunday_between_22_march_and_25_april(year in 1900i32..=2200) {
            let e = easter(year);
            prop_assert_eq!(e.weekday(), Weekday::Sun);
            prop_assert!(e >= d(year, 3, 22) && e <= d(year, 4, 25), "Easter {}", e);
        }

        #[test]
        fn consecutive_red_day_zones_chain_without_gap_or_overlap(days in 0i64..(300 * 365)) {
            let date = d(1900, 1, 2) + Duration::days(days);
            let next = date + Duration::days(1);
            if let (Some(a), Some(b)) = (red_day_zone(date), red_day_zone(next)) {
                prop_assert_eq!(a.end, b.start, "zones of {} and {} must chain", date, next);
            }
            if let Some(zone) = red_day_zone(date) {
                prop_assert!(!zone.is_empty());
                // A zone never reaches into the zone of a later, non-adjacent red day.
                let later = date + Duration::days(2);
                if let Some(far) = red_day_zone(later) {
                    prop_assert!(zone.end <= far.start);
                }
            }
        }
    }
}
