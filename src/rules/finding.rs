//! Findings: what a rule found, with the measured value, the limit and the law.
//!
//! Values are whole numbers, rounded so that the pair still shows the breach (RULES.md §3):
//! for a maximum `measured` is rounded up and `limit` down; for a minimum `measured` is rounded
//! down and `limit` up.

use serde::Serialize;

use crate::model::{AssistantId, ShiftId};
use crate::time::{Instant, Interval, MINUTE};

/// Every rule of RULES.md §3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    NhD,
    TotD,
    Brk,
    NhW,
    NhAvg,
    NhBase,
    OtW,
    Ot4w,
    Ot52w,
    TotW,
    RestD,
    RestW,
    SunNext,
    SunAvg,
    Sun4w,
    NightAvg,
    OverlapSelf,
    DoubleStaff,
    VedtakNight,
    VedtakFrame,
    Family,
    Contract,
    Plan14,
    HolidayWork,
    HolidayMain,
    HolidayOver,
}

impl Rule {
    /// Every rule, in the order of RULES.md.
    pub const ALL: [Rule; 26] = [
        Rule::NhD,
        Rule::TotD,
        Rule::Brk,
        Rule::NhW,
        Rule::NhAvg,
        Rule::NhBase,
        Rule::OtW,
        Rule::Ot4w,
        Rule::Ot52w,
        Rule::TotW,
        Rule::RestD,
        Rule::RestW,
        Rule::SunNext,
        Rule::SunAvg,
        Rule::Sun4w,
        Rule::NightAvg,
        Rule::OverlapSelf,
        Rule::DoubleStaff,
        Rule::VedtakNight,
        Rule::VedtakFrame,
        Rule::Family,
        Rule::Contract,
        Rule::Plan14,
        Rule::HolidayWork,
        Rule::HolidayMain,
        Rule::HolidayOver,
    ];

    /// The rule's id, e.g. `REST-D`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::NhD => "NH-D",
            Rule::TotD => "TOT-D",
            Rule::Brk => "BRK",
            Rule::NhW => "NH-W",
            Rule::NhAvg => "NH-AVG",
            Rule::NhBase => "NH-BASE",
            Rule::OtW => "OT-W",
            Rule::Ot4w => "OT-4W",
            Rule::Ot52w => "OT-52W",
            Rule::TotW => "TOT-W",
            Rule::RestD => "REST-D",
            Rule::RestW => "REST-W",
            Rule::SunNext => "SUN-NEXT",
            Rule::SunAvg => "SUN-AVG",
            Rule::Sun4w => "SUN-4W",
            Rule::NightAvg => "NIGHT-AVG",
            Rule::OverlapSelf => "OVERLAP-SELF",
            Rule::DoubleStaff => "DOUBLE-STAFF",
            Rule::VedtakNight => "VEDTAK-NIGHT",
            Rule::VedtakFrame => "VEDTAK-FRAME",
            Rule::Family => "FAMILY",
            Rule::Contract => "CONTRACT",
            Rule::Plan14 => "PLAN-14",
            Rule::HolidayWork => "HOLIDAY-WORK",
            Rule::HolidayMain => "HOLIDAY-MAIN",
            Rule::HolidayOver => "HOLIDAY-OVER",
        }
    }

    /// Parse a rule id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Self::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The legal source, as printed.
    pub fn law(self) -> &'static str {
        match self {
            Rule::NhD => "aml § 10-4 (1)",
            Rule::TotD => "aml § 10-6 (8)",
            Rule::Brk => "aml § 10-9 (1)",
            Rule::NhW => "aml § 10-4 (1)",
            Rule::NhAvg => "aml § 10-5",
            Rule::NhBase => "aml § 10-4 (4), (5)",
            Rule::OtW => "aml § 10-6 (4)",
            Rule::Ot4w => "aml § 10-6 (4)",
            Rule::Ot52w => "aml § 10-6 (4), (5)",
            Rule::TotW => "aml § 10-6 (8)",
            Rule::RestD => "aml § 10-8 (1)",
            Rule::RestW => "aml § 10-8 (2)",
            Rule::SunNext => "aml § 10-10 (4)",
            Rule::SunAvg => "aml § 10-10",
            Rule::Sun4w => "aml § 10-10",
            Rule::NightAvg => "aml § 10-11 (6)",
            Rule::OverlapSelf => "aml § 10-2 (1)",
            Rule::DoubleStaff => "pbrl § 2-1 d",
            Rule::VedtakNight => "hol. § 3-8, vedtak",
            Rule::VedtakFrame => "hol. § 3-8, vedtak",
            Rule::Family => "hol. § 3-8, vedtak",
            Rule::Contract => "aml § 10-6 (1)",
            Rule::Plan14 => "aml § 10-3",
            Rule::HolidayWork => "ferieloven §§ 5, 6",
            Rule::HolidayMain => "ferieloven § 7 (1)",
            Rule::HolidayOver => "ferieloven §§ 5, 7 (2)",
        }
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A hard limit is broken.
    Violation,
    /// Lawful only under conditions the app cannot see, or a vedtak matter.
    Warning,
    Info,
}

impl Severity {
    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Violation => "violation",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The unit of `measured` and `limit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Minutes,
    Days,
}

/// Which case of a rule a finding is, where a rule has several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// REST-D: the longest rest in the 24 hours after a block started.
    Window,
    /// REST-D (info): rest reduced below the minimum but not below the floor.
    ReducedRest,
    /// REST-D: the rest after a reduced rest was not long enough to compensate.
    Compensation,
    /// REST-D: the rest after a long shift.
    AfterLongShift,
    /// REST-W (warning): the weekly rest lies across the week boundary.
    AcrossWeekBoundary,
    /// REST-W (info): no weekly rest of full length holds any part of the Sunday.
    NoSunday,
    /// TOT-W: the average over several weeks.
    Average,
    /// TOT-W: a single week above its own cap when averaging.
    SingleWeek,
    /// NH-AVG (info): an averaging period not yet complete.
    PeriodNotComplete,
    /// VEDTAK-FRAME: the year-end forecast exceeds the frame.
    Forecast,
    /// NH-BASE: the rota looks round-the-clock (36 h).
    RoundTheClock,
    /// NH-BASE: Sunday work at least every third Sunday, or mainly night work (38 h).
    SundaysOrNights,
}

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub assistants: Vec<AssistantId>,
    /// The interval the finding points at (per rule, RULES.md §3).
    pub start: Instant,
    pub end: Instant,
    pub measured: i64,
    pub limit: i64,
    pub unit: Unit,
    pub shifts: Vec<ShiftId>,
    pub detail: Option<Detail>,
}

impl Finding {
    /// The interval the finding points at.
    pub fn interval(&self) -> Interval {
        Interval::new(self.start, self.end)
    }

    /// The law the finding rests on.
    pub fn law(&self) -> &'static str {
        self.rule.law()
    }

    /// The finding as the JSON object of `turnus check --format json`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::json!({
            "rule": self.rule.id(),
            "severity": self.severity.key(),
            "assistants": self.assistants,
            "start": self.start.to_rfc3339(),
            "end": self.end.to_rfc3339(),
            "measured": self.measured,
            "limit": self.limit,
            "unit": self.unit,
            "shifts": self.shifts,
            "law": self.law(),
        });
        if let Some(detail) = self.detail {
            value["detail"] = serde_json::json!(detail);
        }
        value
    }
}

/// Counts per severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub violations: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The findings of one check, in order of time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Report {
    /// Sort findings (by start, then rule, then assistants) and count them.
    pub fn new(mut findings: Vec<Finding>) -> Self {
        findings.sort_by(|a, b| {
            (a.start, a.rule, &a.assistants, a.end).cmp(&(b.start, b.rule, &b.assistants, b.end))
        });
        let mut summary = Summary::default();
        for f in &findings {
            match f.severity {
                Severity::Violation => summary.violations += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        Report { findings, summary }
    }

    /// True when at least one hard limit is broken.
    pub fn has_violations(&self) -> bool {
        self.summary.violations > 0
    }

    /// The report as the JSON object of `turnus check --format json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "findings": self.findings.iter().map(Finding::to_json).collect::<Vec<_>>(),
            "summary": self.summary,
        })
    }
}

/// Round `num / den` seconds to whole minutes, up.
pub(crate) fn minutes_up(num: i64, den: i64) -> i64 {
    let d = den * MINUTE;
    num.div_euclid(d) + i64::from(num.rem_euclid(d) != 0)
}

/// Round `num / den` seconds to whole minutes, down.
pub(crate) fn minutes_down(num: i64, den: i64) -> i64 {
    num.div_euclid(den * MINUTE)
}

/// A measurement against a maximum, exact as `num / den` seconds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Exact {
    pub num: i64,
    pub den: i64,
}

impl Exact {
    pub fn secs(secs: i64) -> Self {
        Exact { num: secs, den: 1 }
    }
}

/// Build a finding against a maximum: `measured` rounded up, `limit` down.
#[allow(clippy::too_many_arguments)]
pub(crate) fn over_max(
    rule: Rule,
    severity: Severity,
    assistant: &AssistantId,
    at: Interval,
    measured: Exact,
    limit: Exact,
    shifts: Vec<ShiftId>,
    detail: Option<Detail>,
) -> Finding {
    Finding {
        rule,
        severity,
        assistants: vec![assistant.clone()],
        start: at.start,
        end: at.end,
        measured: minutes_up(measured.num, measured.den),
        limit: minutes_down(limit.num, limit.den),
        unit: Unit::Minutes,
        shifts,
        detail,
    }
}

/// Build a finding against a minimum: `measured` rounded down, `limit` up.
#[allow(clippy::too_many_arguments)]
pub(crate) fn under_min(
    rule: Rule,
    severity: Severity,
    assistant: &AssistantId,
    at: Interval,
    measured_secs: i64,
    limit_secs: i64,
    shifts: Vec<ShiftId>,
    detail: Option<Detail>,
) -> Finding {
    Finding {
        rule,
        severity,
        assistants: vec![assistant.clone()],
        start: at.start,
        end: at.end,
        measured: minutes_down(measured_secs, 1),
        limit: minutes_up(limit_secs, 1),
        unit: Unit::Minutes,
        shifts,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_keeps_the_breach_visible() {
        // 10 h 59 min 30 s of rest against 11 h: shown as 659 against 660.
        assert_eq!(minutes_down(659 * 60 + 30, 1), 659);
        // 9 h 0 min 30 s of work against 9 h: shown as 541 against 540.
        assert_eq!(minutes_up(540 * 60 + 30, 1), 541);
        // An average of 40 h 20 s over 3 weeks: num/den seconds.
        assert_eq!(minutes_up(3 * (2400 * 60) + 1, 3), 2401);
        assert_eq!(minutes_up(0, 1), 0);
    }

    #[test]
    fn every_rule_id_parses_back() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
        }
    }
}
