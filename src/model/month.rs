//! The month as worked: calendar months, closed months, the supplement categories of the
//! timeliste, and the egenandel tables (RULES.md §7).

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::time::Instant;

/// A calendar month, written `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month holding `date`.
    pub fn of(date: NaiveDate) -> Self {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `YYYY-MM` (four-digit year, two-digit month) inside the years Turnus handles.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
        crate::time::date_supported(date).then(|| Month::of(date))
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month has a first day")
    }

    /// The last day.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day() - Duration::days(1)
    }

    /// The month after.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month number, 1–12.
    pub fn number(self) -> u32 {
        self.month
    }

    /// True when `date` lies in this month.
    pub fn holds(self, date: NaiveDate) -> bool {
        Month::of(date) == self
    }

    /// The month's name with its year in bokmål ("mai 2026") or English ("May 2026").
    pub fn name(self, english: bool) -> String {
        format!("{} {}", month_word(self.month, english), self.year)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A month closed after its timelister were confirmed: its shifts cannot be changed until it
/// is opened again (with a reason, kept in the change log).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosedMonth {
    pub month: Month,
    pub closed_at: Instant,
    pub closed_by: String,
}

/// Where the supplement categories of the timeliste begin and end (local times). An end not
/// after its start is on the next day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Categories {
    #[serde(with = "hhmm")]
    pub evening_start: NaiveTime,
    #[serde(with = "hhmm")]
    pub evening_end: NaiveTime,
    #[serde(with = "hhmm")]
    pub night_start: NaiveTime,
    #[serde(with = "hhmm")]
    pub night_end: NaiveTime,
}

impl Default for Categories {
    /// Evening 17:00–21:00, night 21:00–06:00.
    fn default() -> Self {
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("a valid hour");
        Categories {
            evening_start: t(17),
            evening_end: t(21),
            night_start: t(21),
            night_end: t(6),
        }
    }
}

/// `HH:MM` in JSON.
pub(crate) mod hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.format("%H:%M").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map_err(|_| serde::de::Error::custom(format!("«{text}» is no time HH:MM")))
    }
}

/// The egenandel table and bracket the household chose.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EgenandelChoice {
    pub table: Option<String>,
    pub bracket: Option<String>,
}

/// A municipality's egenandel table: data, with where it comes from and since when it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgenandelTable {
    pub id: String,
    pub name: String,
    /// Where the figures come from.
    pub source: String,
    /// `YYYY-MM-DD`.
    pub valid_from: NaiveDate,
    /// The grunnbeløp (G) the brackets are measured in, kr.
    pub g_kr: f64,
    pub brackets: Vec<EgenandelBracket>,
}

/// One income bracket of a table, in G of household income.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgenandelBracket {
    pub id: String,
    pub label: String,
    pub from_g: f64,
    /// `None`: and above.
    #[serde(default)]
    pub to_g: Option<f64>,
    pub fee: EgenandelFee,
}

/// What a bracket charges per month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EgenandelFee {
    /// Hours × rate, at most the cap (when there is one).
    Hourly {
        rate_kr: f64,
        #[serde(default)]
        cap_kr: Option<f64>,
    },
    /// A fixed amount per month with any fee-bearing hours.
    Flat { monthly_kr: f64 },
}

/// The name of month 1–12, lower case in bokmål as Norwegian writes it ("mai"), or English
/// ("May"); out-of-range numbers are clamped.
pub fn month_word(month: u32, english: bool) -> &'static str {
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    if english {
        EN[i]
    } else {
        NB[i]
    }
}
