//! HOLIDAY-WORK (warning): a shift planned inside the assistant's booked holiday.
//!
//! A `ferie` booking covers its days whole, from the first day's 00:00 to the day after the
//! last day's 00:00 (Oslo time). A part-day booking (one with `hours`) is left out: the
//! assistant may work the rest of that day. A shift of the assistant (not cancelled) that
//! overlaps a booking by more than 0 minutes gets one finding: `start`/`end` from the first to
//! the last minute of the shift inside the holiday, `measured` those minutes, `limit` 0. The
//! holiday, once fixed, is the assistant's (ferieloven §§ 5, 6): either the shift needs a vikar
//! or the holiday is moved by agreement.
//!
//! Cost: the bookings are merged and sorted per assistant once; each shift then finds its
//! bookings by binary search.

use std::collections::HashMap;

use chrono::Duration;

use super::finding::{Finding, Rule, Severity, Unit};
use crate::model::{AbsenceKind, AssistantId, Plan};
use crate::time::{Instant, Interval};

/// Every HOLIDAY-WORK finding of the plan.
pub fn check_plan(plan: &Plan, out: &mut Vec<Finding>) {
    let mut holidays: HashMap<&AssistantId, Vec<Interval>> = HashMap::new();
    for a in &plan.absences {
        if a.kind == AbsenceKind::Ferie && a.hours.is_none() {
            holidays
                .entry(&a.assistant)
                .or_default()
                .push(Interval::new(
                    Instant::start_of_day(a.from),
                    Instant::start_of_day(a.to + Duration::days(1)),
                ));
        }
    }
    for list in holidays.values_mut() {
        list.sort_by_key(|i| i.start);
        let mut merged: Vec<Interval> = Vec::with_capacity(list.len());
        for i in list.drain(..) {
            match merged.last_mut() {
                Some(last) if i.start <= last.end => last.end = last.end.max(i.end),
                _ => merged.push(i),
            }
        }
        *list = merged;
    }
    for shift in plan.shifts.iter().filter(|s| s.counts()) {
        let Some(list) = shift.assistant.as_ref().and_then(|a| holidays.get(a)) else {
            continue;
        };
        let span = Interval::new(shift.start, shift.end);
        let first = list.partition_point(|h| h.end <= span.start);
        let inside: Vec<Interval> = list[first..]
            .iter()
            .take_while(|h| h.start < span.end)
            .filter_map(|h| h.intersect(span))
            .collect();
        let (Some(head), Some(tail)) = (inside.first(), inside.last()) else {
            continue;
        };
        let seconds: i64 = inside.iter().map(|i| i.len()).sum();
        out.push(Finding {
            rule: Rule::HolidayWork,
            severity: Severity::Warning,
            assistants: shift.assistant.iter().cloned().collect(),
            start: head.start,
            end: tail.end,
            measured: super::finding::minutes_up(seconds, 1),
            limit: 0,
            unit: Unit::Minutes,
            shifts: vec![shift.id.clone()],
            detail: None,
        });
    }
}

/// HOLIDAY-OVER and HOLIDAY-MAIN (warnings), per assistant and holiday year:
///
/// - **HOLIDAY-OVER**: more `ferie` virkedager booked in the year than the entitlement and the
///   days carried in allow ([`crate::holidays::balance`]). Interval: the holiday year;
///   measured: the booked days; limit: entitlement + carried; unit days.
/// - **HOLIDAY-MAIN**: from the plan's `main_holiday_deadline` of a year on (the check's
///   `today`), an assistant with a contract and work planned that year has no main holiday of
///   18 virkedager in one stretch between 1 June and 30 September booked. Interval: 1 June –
///   1 October of the year; measured: the longest booked stretch; limit 18; unit days. Years
///   after `today`'s are not judged yet; without a deadline or a `today` nothing is.
///
/// Cost: linear in the absences, the days they cover and the shifts.
pub fn check_balances(plan: &Plan, today: Option<chrono::NaiveDate>, out: &mut Vec<Finding>) {
    use chrono::{Datelike, NaiveDate};
    use std::collections::{BTreeSet, HashMap as Map};

    use crate::holidays::{longest_summer_stretch, recorded_balance, MAIN_HOLIDAY_DAYS};

    let mut by: Map<&AssistantId, Vec<&crate::model::Absence>> = Map::new();
    for a in &plan.absences {
        by.entry(&a.assistant).or_default().push(a);
    }
    let year_interval = |y: i32| {
        Interval::new(
            Instant::start_of_day(NaiveDate::from_ymd_opt(y, 1, 1).expect("a supported year")),
            Instant::start_of_day(NaiveDate::from_ymd_opt(y + 1, 1, 1).expect("a supported year")),
        )
    };
    // HOLIDAY-OVER: every year a holiday booking touches.
    for assistant in &plan.assistants {
        let Some(list) = by.get(&assistant.id) else {
            continue;
        };
        let years: BTreeSet<i32> = list
            .iter()
            .filter(|a| a.kind == AbsenceKind::Ferie)
            .flat_map(|a| a.from.year()..=a.to.year())
            .filter(|y| crate::time::year_supported(*y) && crate::time::year_supported(y + 1))
            .collect();
        for year in years {
            let b = recorded_balance(plan, assistant, list, year);
            if b.over_booked() {
                let span = year_interval(year);
                out.push(Finding {
                    rule: Rule::HolidayOver,
                    severity: Severity::Warning,
                    assistants: vec![assistant.id.clone()],
                    start: span.start,
                    end: span.end,
                    measured: i64::from(b.booked_days),
                    limit: i64::from(b.entitlement_days + b.carried_days) - i64::from(b.moved_days),
                    unit: Unit::Days,
                    shifts: Vec::new(),
                    detail: None,
                });
            }
        }
    }
    // HOLIDAY-MAIN: the years with work up to today's, once their deadline has come.
    let (Some(deadline), Some(today)) = (plan.settings.main_holiday_deadline, today) else {
        return;
    };
    let uncovered = crate::cover::uncovered_mask(plan);
    let mut worked: BTreeSet<(&AssistantId, i32)> = BTreeSet::new();
    for (s, away) in plan.shifts.iter().zip(&uncovered) {
        if *away || !s.counts() {
            continue;
        }
        if let Some(who) = &s.assistant {
            worked.insert((who, s.start.local_date().year()));
        }
    }
    for assistant in &plan.assistants {
        if assistant.contract_minutes_per_week.is_none() {
            continue;
        }
        let list = by.get(&assistant.id).map(Vec::as_slice).unwrap_or(&[]);
        for &(_, year) in worked.range((&assistant.id, i32::MIN)..=(&assistant.id, i32::MAX)) {
            if year > today.year() || deadline.in_year(year).is_none_or(|d| today < d) {
                continue;
            }
            let stretch = longest_summer_stretch(list, year);
            if stretch >= MAIN_HOLIDAY_DAYS {
                continue;
            }
            let (Some(first), Some(after)) = (
                NaiveDate::from_ymd_opt(year, 6, 1),
                NaiveDate::from_ymd_opt(year, 10, 1),
            ) else {
                continue;
            };
            out.push(Finding {
                rule: Rule::HolidayMain,
                severity: Severity::Warning,
                assistants: vec![assistant.id.clone()],
                start: Instant::start_of_day(first),
                end: Instant::start_of_day(after),
                measured: i64::from(stretch),
                limit: i64::from(MAIN_HOLIDAY_DAYS),
                unit: Unit::Days,
                shifts: Vec::new(),
                detail: None,
            });
        }
    }
}

#[cfg(test)]
mod balance_tests {
    use super::*;

    fn plan(deadline: Option<&str>, absences: &str, carried: &str) -> Plan {
        let settings = deadline.map_or(String::new(), |d| {
            format!(r#""settings": {{"main_holiday_deadline": "{d}"}},"#)
        });
        crate::interchange::read_plan(&format!(
            r#"{{"format": "turnus-plan", "version": 1, {settings}
              "assistants": [{{"id": "A", "contract_hours_per_week": 30, "holiday_carried": {carried}}},
                             {{"id": "B", "contract_hours_per_week": 30}},
                             {{"id": "V"}}],
              "absences": [{absences}],
              "shifts": [
                {{"id": "a1", "assistant": "A", "start": "2026-03-02T08:00", "end": "2026-03-02T15:00"}},
                {{"id": "b1", "assistant": "B", "start": "2026-03-02T15:00", "end": "2026-03-02T22:00"}},
                {{"id": "v1", "assistant": "V", "start": "2026-03-03T08:00", "end": "2026-03-03T15:00"}}]}}"#
        ))
        .expect("a valid plan")
    }

    fn found(plan: &Plan, today: &str, rule: Rule) -> Vec<Finding> {
        let mut out = Vec::new();
        let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").ok();
        check_balances(plan, today, &mut out);
        out.retain(|f| f.rule == rule);
        out
    }

    const SUMMER: &str = r#"{"id": "f1", "assistant": "A", "kind": "ferie", "from": "2026-07-06", "to": "2026-07-25"}"#;

    #[test]
    fn the_main_holiday_is_missing_only_from_the_deadline_on_for_contracted_assistants_with_work() {
        let p = plan(Some("05-01"), SUMMER, "{}");
        assert!(
            found(&p, "2026-04-30", Rule::HolidayMain).is_empty(),
            "before the deadline"
        );
        let after = found(&p, "2026-05-01", Rule::HolidayMain);
        // A has 18 virkedager 6–25 July; B has none; V has no contract.
        assert_eq!(after.len(), 1, "{after:?}");
        assert_eq!(after[0].assistants[0].as_str(), "B");
        assert_eq!((after[0].measured, after[0].limit), (0, 18));
        assert_eq!(after[0].start.local_date().to_string(), "2026-06-01");
        // Without a deadline nothing is judged.
        assert!(found(&plan(None, SUMMER, "{}"), "2026-12-01", Rule::HolidayMain).is_empty());
    }

    #[test]
    fn a_summer_holiday_one_day_short_does_not_meet_the_main_holiday() {
        let short = r#"{"id": "f1", "assistant": "A", "kind": "ferie", "from": "2026-07-06", "to": "2026-07-24"}"#;
        let p = plan(Some("05-01"), short, "{}");
        let f = found(&p, "2026-06-01", Rule::HolidayMain);
        let a = f
            .iter()
            .find(|f| f.assistants[0].as_str() == "A")
            .expect("A misses it");
        assert_eq!(a.measured, 17);
    }

    #[test]
    fn booking_more_than_entitlement_and_carried_days_is_holiday_over() {
        // 25 days' entitlement; 6 July – 15 August holds 36 virkedager.
        let long = r#"{"id": "f1", "assistant": "A", "kind": "ferie", "from": "2026-07-06", "to": "2026-08-15"}"#;
        let f = found(&plan(None, long, "{}"), "2026-01-01", Rule::HolidayOver);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].measured, f[0].limit), (36, 25));
        assert_eq!(f[0].unit, Unit::Days);
        // With 12 days carried in, 37 are allowed.
        let f = found(
            &plan(None, long, r#"{"2026": 12}"#),
            "2026-01-01",
            Rule::HolidayOver,
        );
        assert!(f.is_empty(), "{f:?}");
        assert!(found(&plan(None, SUMMER, "{}"), "2026-01-01", Rule::HolidayOver).is_empty());
    }
}
