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
