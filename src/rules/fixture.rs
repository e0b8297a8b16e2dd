//! A tiny rota notation for rule tests.
//!
//! `rota("aml", "A Mon 19-23; A Tue 07:00-11:00 b30")` builds a plan under the `aml` preset.
//! Each shift is `ASSISTANT DAY FROM-TO [flags]`:
//! - DAY is `Mon`…`Sun` of the week starting Monday 8 June 2026, optionally `+N` weeks later
//!   (`Sun+1`), or an ISO date (`2026-03-28`);
//! - FROM-TO are `HH` or `HH:MM`; an end not after the start is on the next day;
//! - flags: `bN` break minutes, `pN` passive minutes, `long`, `worked`, `cancelled`.

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};

use crate::model::{
    Assistant, AssistantId, Plan, Profile, ServiceType, Shift, ShiftId, ShiftStatus,
};
use crate::time::Instant;

/// The Monday the weekday names refer to.
pub const ANCHOR: (i32, u32, u32) = (2026, 6, 8);

fn day(token: &str) -> NaiveDate {
    if let Ok(date) = NaiveDate::parse_from_str(token, "%Y-%m-%d") {
        return date;
    }
    let (name, weeks) = match token.split_once('+') {
        Some((n, w)) => (n, w.parse::<i64>().expect("a week offset")),
        None => (token, 0),
    };
    let weekday: Weekday = name.parse().expect("a weekday name");
    let monday = NaiveDate::from_ymd_opt(ANCHOR.0, ANCHOR.1, ANCHOR.2).expect("the anchor");
    monday + Duration::days(i64::from(weekday.num_days_from_monday()) + 7 * weeks)
}

fn clock(token: &str) -> NaiveTime {
    let text = if token.contains(':') {
        token.to_string()
    } else {
        format!("{token}:00")
    };
    NaiveTime::parse_from_str(&text, "%H:%M").expect("a time of day")
}

fn local(date: NaiveDate, time: NaiveTime) -> Instant {
    Instant::from_local(date.and_time(time)).expect("fixture times exist and are unambiguous")
}

/// Build a plan from the notation under `preset`.
pub fn rota(preset: &str, text: &str) -> Plan {
    let mut plan = Plan {
        profile: Profile::from_raw(preset, &Default::default()).expect("a preset"),
        ..Plan::default()
    };
    for (n, spec) in text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .enumerate()
    {
        let mut parts = spec.split_whitespace();
        let who = parts.next().expect("an assistant");
        let date = day(parts.next().expect("a day"));
        let (from, to) = parts
            .next()
            .and_then(|r| r.split_once('-'))
            .expect("a time range FROM-TO");
        let (from, to) = (clock(from), clock(to));
        let end_date = if to <= from {
            date + Duration::days(1)
        } else {
            date
        };
        let mut shift = Shift {
            id: ShiftId(format!("s{}", n + 1)),
            assistant: Some(AssistantId(who.to_string())),
            start: local(date, from),
            end: local(end_date, to),
            break_minutes: 0,
            passive_minutes: 0,
            long_shift: false,
            service: ServiceType::PersonligAssistanse,
            status: ShiftStatus::Planned,
            note: String::new(),
            shift_type: None,
            created_at: None,
            updated_at: None,
            actual: None,
            not_worked_reason: None,
            unplanned: false,
            personlig_stell: false,
        };
        for flag in parts {
            match flag {
                "long" => shift.long_shift = true,
                "worked" => shift.status = ShiftStatus::Worked,
                "cancelled" => shift.status = ShiftStatus::Cancelled,
                f if f.starts_with('b') => shift.break_minutes = f[1..].parse().expect("minutes"),
                f if f.starts_with('p') => shift.passive_minutes = f[1..].parse().expect("minutes"),
                other => panic!("unknown flag {other}"),
            }
        }
        if plan.assistant(&AssistantId(who.to_string())).is_none() {
            plan.assistants.push(Assistant::new(who, who));
        }
        plan.shifts.push(shift);
    }
    plan
}

/// An instant from `YYYY-MM-DDTHH:MM`.
pub fn at(text: &str) -> Instant {
    Instant::parse(text).expect("a valid time")
}
