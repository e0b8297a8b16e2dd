//! Instants in Europe/Oslo, strict parsing of local times, and half-open intervals.
//!
//! Every duration in Turnus is computed on instants (seconds since the Unix epoch), never by
//! subtracting wall-clock times: the night 2026-03-28 22:00 → 03-29 08:00 lasts 9 hours. Local
//! times that do not exist (the spring gap) are rejected, and local times that occur twice (the
//! autumn fold) are rejected unless the offset is given.
//!
//! This module deliberately knows nothing about calendars, red days or shifts.

use std::fmt;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The one time zone of Turnus.
pub const OSLO: Tz = chrono_tz::Europe::Oslo;

/// The first calendar year Turnus handles. Dates and times outside [`FIRST_YEAR`]–[`LAST_YEAR`]
/// are input errors wherever they enter (command-line flags, `TURNUS_TODAY`, plan JSON, plan
/// files, calendars, the app): the red-day calendar, the hour accounts and chrono's arithmetic
/// are only promised inside it.
pub const FIRST_YEAR: i32 = 1900;
/// The last calendar year Turnus handles (see [`FIRST_YEAR`]).
pub const LAST_YEAR: i32 = 2200;

/// True when `year` lies in [`FIRST_YEAR`]–[`LAST_YEAR`].
pub fn year_supported(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

/// True when `date` lies in a year Turnus handles.
pub fn date_supported(date: NaiveDate) -> bool {
    use chrono::Datelike;
    year_supported(date.year())
}

/// Seconds in a minute, an hour and a day, for readable arithmetic on [`Instant`]s.
pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
///
/// ```
/// use turnus::time::Instant;
/// let a = Instant::parse("2026-03-28T22:00").unwrap();
/// let b = Instant::parse("2026-03-29T08:00").unwrap();
/// assert_eq!(b - a, 9 * 3600); // the spring-forward night is one hour short
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

/// Why a time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("«{0}» is not a time; write it as YYYY-MM-DDTHH:MM, or RFC 3339 with an offset")]
    Malformed(String),
    #[error("«{0}» does not exist in Norway: the clocks jump from 02:00 to 03:00 that night")]
    NonExistent(String),
    #[error(
        "«{0}» happens twice in Norway (the clocks go back that night); add the offset: +02:00 for the first, +01:00 for the second"
    )]
    Ambiguous(String),
    #[error("«{0}» has seconds; times are given to the minute")]
    NotWholeMinute(String),
    #[error("«{0}» is outside the years Turnus handles (1900–2200)")]
    OutOfRange(String),
}

/// Why a calendar date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("«{0}» is not a date; write it as YYYY-MM-DD")]
    Malformed(String),
    #[error("«{0}» is outside the years Turnus handles; give a date from 1900 to 2200")]
    OutOfRange(String),
}

impl Instant {
    /// The instant `secs` seconds after the Unix epoch.
    pub const fn from_unix(secs: i64) -> Self {
        Instant(secs)
    }

    /// Seconds since the Unix epoch.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// Local midnight at the start of 1 January [`FIRST_YEAR`] in Oslo (CET, +01:00).
    pub const SUPPORTED_START: Instant = Instant(-2_208_992_400);
    /// Local midnight at the end of 31 December [`LAST_YEAR`] in Oslo (CET, +01:00).
    pub const SUPPORTED_END: Instant = Instant(7_289_650_800);

    /// True when this instant falls in a year Turnus handles (1900–2200, Oslo time).
    pub fn is_supported(self) -> bool {
        Self::SUPPORTED_START <= self && self < Self::SUPPORTED_END
    }

    /// Parse a local Oslo time `YYYY-MM-DDTHH:MM` (also `YYYY-MM-DD HH:MM`, or with `:00`
    /// seconds), or an RFC 3339 time with an offset. Rejects times that do not exist, local
    /// times that are ambiguous, and seconds other than zero.
    pub fn parse(text: &str) -> Result<Self, TimeError> {
        let trimmed = text.trim();
        // RFC 3339 proper has seconds; `2026-10-25T02:30+01:00` (minutes and an offset) is
        // read the same way, since plan times are given to the minute.
        let offset_time = DateTime::parse_from_rfc3339(trimmed)
            .or_else(|_| DateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M%:z"));
        if let Ok(with_offset) = offset_time {
            let instant = Instant(with_offset.timestamp());
            if with_offset.timestamp_subsec_nanos() != 0 || instant.0 % MINUTE != 0 {
                return Err(TimeError::NotWholeMinute(trimmed.to_string()));
            }
            check_year(with_offset.naive_local().date(), trimmed)?;
            return Ok(instant);
        }
        let naive = parse_naive(trimmed).ok_or_else(|| TimeError::Malformed(trimmed.into()))?;
        if naive.and_utc().timestamp() % MINUTE != 0 {
            return Err(TimeError::NotWholeMinute(trimmed.to_string()));
        }
        check_year(naive.date(), trimmed)?;
        Self::from_local(naive).map_err(|e| match e {
            LocalError::Gap => TimeError::NonExistent(trimmed.to_string()),
            LocalError::Fold => TimeError::Ambiguous(trimmed.to_string()),
        })
    }

    /// The instant of an unambiguous, existing local Oslo time.
    pub fn from_local(naive: NaiveDateTime) -> Result<Self, LocalError> {
        match OSLO.from_local_datetime(&naive) {
            LocalResult::Single(t) => Ok(Instant(t.timestamp())),
            LocalResult::None => Err(LocalError::Gap),
            LocalResult::Ambiguous(_, _) => Err(LocalError::Fold),
        }
    }

    /// The instant of a local time, for calendar boundaries that must always exist: a time in
    /// the spring gap moves to the end of the gap, a time in the autumn fold takes its first
    /// occurrence.
    pub fn at_local(date: NaiveDate, time: NaiveTime) -> Self {
        let naive = date.and_time(time);
        match OSLO.from_local_datetime(&naive) {
            LocalResult::Single(t) => Instant(t.timestamp()),
            LocalResult::Ambiguous(first, _) => Instant(first.timestamp()),
            LocalResult::None => {
                // The first local minute after the gap that exists is the gap's end: the
                // instant the clocks jumped. A gap is at most a few hours.
                let mut probe = naive;
                loop {
                    probe += chrono::Duration::minutes(1);
                    if let Some(t) = OSLO.from_local_datetime(&probe).earliest() {
                        return Instant(t.timestamp());
                    }
                }
            }
        }
    }

    /// Local midnight at the start of `date`.
    pub fn start_of_day(date: NaiveDate) -> Self {
        Self::at_local(date, NaiveTime::MIN)
    }

    /// This instant as a local Oslo date and time.
    pub fn local(self) -> NaiveDateTime {
        self.oslo().naive_local()
    }

    /// The local calendar date of this instant.
    pub fn local_date(self) -> NaiveDate {
        self.local().date()
    }

    /// This instant as a zoned Oslo time.
    ///
    /// An instant beyond chrono's range (about ±262,000 years) shows as the nearest end of it
    /// instead of panicking; such an instant never passes input validation (see
    /// [`Instant::is_supported`]).
    pub fn oslo(self) -> DateTime<Tz> {
        let utc = Utc
            .timestamp_opt(self.0, 0)
            .single()
            .unwrap_or(if self.0 < 0 {
                DateTime::<Utc>::MIN_UTC
            } else {
                DateTime::<Utc>::MAX_UTC
            });
        utc.with_timezone(&OSLO)
    }

    /// RFC 3339 with the Oslo offset, e.g. `2026-06-11T18:00:00+02:00`.
    pub fn to_rfc3339(self) -> String {
        self.oslo().format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    /// The UTC offset in force at this instant, in seconds (3600 or 7200 nowadays).
    pub fn offset_seconds(self) -> i32 {
        self.oslo().offset().fix().local_minus_utc()
    }

    /// `dd.mm.yyyy HH:MM`, the way Norwegians write a time.
    pub fn display_local(self) -> String {
        self.local().format("%d.%m.%Y %H:%M").to_string()
    }

    /// The instant `secs` seconds later (saturating at the ends of `i64`, far outside any
    /// supported time).
    pub const fn plus(self, secs: i64) -> Self {
        Instant(self.0.saturating_add(secs))
    }
}

impl std::ops::Sub for Instant {
    type Output = i64;
    /// Exact seconds between two instants.
    fn sub(self, other: Instant) -> i64 {
        self.0 - other.0
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// Why a local time has no single instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalError {
    /// In the spring gap: the local time never happens.
    Gap,
    /// In the autumn fold: the local time happens twice.
    Fold,
}

fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ];
    FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

fn check_year(date: NaiveDate, text: &str) -> Result<(), TimeError> {
    if date_supported(date) {
        Ok(())
    } else {
        Err(TimeError::OutOfRange(text.to_string()))
    }
}

/// Parse a calendar date `YYYY-MM-DD` (also accepts `dd.mm.yyyy`) in the years Turnus
/// handles; `None` for anything else. [`parse_day`] says why.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_day(text).ok()
}

/// Parse a calendar date `YYYY-MM-DD` (also accepts `dd.mm.yyyy`), refusing dates outside
/// 1900–2200.
///
/// ```
/// use turnus::time::{parse_day, DateError};
/// assert!(parse_day("2026-06-08").is_ok());
/// assert!(matches!(parse_day("+262142-12-31"), Err(DateError::OutOfRange(_))));
/// ```
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    let date = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(trimmed, "%d.%m.%Y"))
        .map_err(|_| DateError::Malformed(trimmed.to_string()))?;
    if date_supported(date) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange(trimmed.to_string()))
    }
}

/// A half-open interval `[start, end)` of instants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: Instant,
    pub end: Instant,
}

impl Interval {
    /// The interval `[start, end)`; `end` before `start` gives an empty interval at `start`.
    pub fn new(start: Instant, end: Instant) -> Self {
        Interval {
            start,
            end: end.max(start),
        }
    }

    /// Exact length in seconds.
    pub fn len(self) -> i64 {
        self.end - self.start
    }

    /// True when the interval holds no time.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The common part of two intervals, if it holds any time.
    pub fn intersect(self, other: Interval) -> Option<Interval> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Interval { start, end })
    }

    /// Seconds the two intervals share (0 when they only touch).
    pub fn overlap(self, other: Interval) -> i64 {
        self.intersect(other).map_or(0, Interval::len)
    }

    /// True when `t` lies inside `[start, end)`.
    pub fn contains(self, t: Instant) -> bool {
        self.start <= t && t < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    #[test]
    fn spring_night_lasts_nine_hours() {
        assert_eq!(t("2026-03-29T08:00") - t("2026-03-28T22:00"), 9 * HOUR);
    }

    #[test]
    fn autumn_night_lasts_eleven_hours() {
        assert_eq!(t("2026-10-25T08:00") - t("2026-10-24T22:00"), 11 * HOUR);
    }

    #[test]
    fn local_time_in_spring_gap_is_rejected() {
        assert_eq!(
            Instant::parse("2026-03-29T02:30"),
            Err(TimeError::NonExistent("2026-03-29T02:30".into()))
        );
    }

    #[test]
    fn local_time_in_autumn_fold_needs_an_offset() {
        assert_eq!(
            Instant::parse("2026-10-25T02:30"),
            Err(TimeError::Ambiguous("2026-10-25T02:30".into()))
        );
        let first = t("2026-10-25T02:30:00+02:00");
        let second = t("2026-10-25T02:30:00+01:00");
        assert_eq!(
            second - first,
            HOUR,
            "the second 02:30 comes an hour after the first"
        );
    }

    #[test]
    fn an_offset_without_seconds_picks_one_of_the_autumn_twins() {
        assert_eq!(
            Instant::parse("2026-10-25T02:30+01:00").unwrap(),
            Instant::parse("2026-10-25T02:30:00+01:00").unwrap()
        );
        assert_eq!(
            Instant::parse("2026-10-25T02:30+01:00").unwrap()
                - Instant::parse("2026-10-25T02:30+02:00").unwrap(),
            HOUR
        );
    }

    #[test]
    fn rfc3339_round_trips_with_the_oslo_offset() {
        assert_eq!(
            t("2026-06-11T18:00").to_rfc3339(),
            "2026-06-11T18:00:00+02:00"
        );
        assert_eq!(
            t("2026-01-11T18:00").to_rfc3339(),
            "2026-01-11T18:00:00+01:00"
        );
        assert_eq!(
            t("2026-06-11T16:00:00Z").to_rfc3339(),
            "2026-06-11T18:00:00+02:00"
        );
    }

    #[test]
    fn seconds_and_garbage_are_rejected() {
        assert!(matches!(
            Instant::parse("2026-06-11T18:00:30"),
            Err(TimeError::NotWholeMinute(_))
        ));
        assert!(matches!(
            Instant::parse("tomorrow"),
            Err(TimeError::Malformed(_))
        ));
        assert!(matches!(
            Instant::parse("2026-13-01T10:00"),
            Err(TimeError::Malformed(_))
        ));
        assert!(matches!(
            Instant::parse("2301-01-01T10:00"),
            Err(TimeError::OutOfRange(_))
        ));
    }

    #[test]
    fn dates_outside_the_supported_years_are_refused() {
        assert!(parse_day("1900-01-01").is_ok());
        assert!(parse_day("2200-12-31").is_ok());
        assert!(matches!(
            parse_day("1899-12-31"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_day("2201-01-01"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_day("+262142-12-31"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_day("-262143-01-01"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(parse_day("someday"), Err(DateError::Malformed(_))));
    }

    #[test]
    fn supported_instants_are_exactly_the_supported_years() {
        let first = Instant::start_of_day(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap());
        let after = Instant::start_of_day(NaiveDate::from_ymd_opt(2201, 1, 1).unwrap());
        assert_eq!(first, Instant::SUPPORTED_START);
        assert_eq!(after, Instant::SUPPORTED_END);
        assert!(first.is_supported() && !first.plus(-1).is_supported());
        assert!(after.plus(-1).is_supported() && !after.is_supported());
    }

    #[test]
    fn instants_beyond_chrono_show_without_panicking() {
        assert!(Instant::from_unix(i64::MAX).to_rfc3339().starts_with('+'));
        assert!(Instant::from_unix(i64::MIN).to_rfc3339().starts_with('-'));
        assert_eq!(
            Instant::from_unix(i64::MAX).plus(1),
            Instant::from_unix(i64::MAX)
        );
    }

    #[test]
    fn gap_boundary_moves_to_the_end_of_the_gap() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let in_gap = Instant::at_local(date, NaiveTime::from_hms_opt(2, 30, 0).unwrap());
        assert_eq!(in_gap, t("2026-03-29T03:00"));
    }

    #[test]
    fn touching_intervals_do_not_overlap() {
        let a = Interval::new(t("2026-06-08T08:00"), t("2026-06-08T16:00"));
        let b = Interval::new(t("2026-06-08T16:00"), t("2026-06-08T22:00"));
        assert_eq!(a.overlap(b), 0);
        assert!(a.intersect(b).is_none());
    }
}
