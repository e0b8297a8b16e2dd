//! Benchmarks of the rule checker on a year of round-the-clock care.
//!
//! The plan: 52 weeks, 8 assistants, every hour of every day covered by 3-hour shifts (8 a
//! day, about 2,900 shifts), under the tariff profile. Budgets (DESIGN.md): a full check under
//! 20 ms, a re-check after one edit under 2 ms.
//!
//! And five years of a six-week rotation applied round the clock (8 assistants, three 8-hour
//! shifts a day, about 5,500 shifts): the calendar check alone, the same with every rotation
//! checked on its own too (`rotation::check_plan`, as `turnus check` and the app's first view
//! do), and a re-check after one edit with the patterns' checks remembered (as every view after
//! the first): the pattern check must add no more than a year's check once, and nothing after.

use chrono::{Duration, NaiveDate, NaiveTime};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use turnus::model::{
    Assistant, AssistantId, Plan, Preset, Profile, Rotation, RotationId, ServiceType, Shift,
    ShiftId, ShiftStatus, ShiftType, Slot,
};
use turnus::rotation::{self, PatternChecker};
use turnus::rules::{check, CheckOptions, Checker};
use turnus::time::{Instant, HOUR};

fn year_plan() -> Plan {
    let mut plan = Plan {
        profile: Profile::preset(Preset::Tariff),
        ..Plan::default()
    };
    for a in 0..8 {
        plan.assistants
            .push(Assistant::new(&format!("A{a}"), &format!("Assistent {a}")));
    }
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a Monday");
    for day in 0..(52 * 7) {
        let date = first + Duration::days(day);
        let midnight = Instant::at_local(date, NaiveTime::MIN);
        for slot in 0..8 {
            // Each assistant takes one 3-hour slot a day, a slot later every day.
            let who = (slot + day as usize) % 8;
            let start = midnight.plus(slot as i64 * 3 * HOUR);
            plan.shifts.push(Shift {
                id: ShiftId(format!("d{day}s{slot}")),
                assistant: Some(AssistantId(format!("A{who}"))),
                start,
                end: start.plus(3 * HOUR),
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
            });
        }
    }
    plan
}

fn bench(c: &mut Criterion) {
    let plan = year_plan();
    c.bench_function("full check, 52 weeks, 8 assistants", |b| {
        b.iter(|| check(black_box(&plan), &CheckOptions::default()))
    });
    let mut edited = plan.clone();
    let mut checker = Checker::default();
    checker.check(&edited, &CheckOptions::default());
    let mut flip = false;
    c.bench_function("re-check after one edit", |b| {
        b.iter(|| {
            // Move one shift by an hour and back, alternately: a real edit each time.
            let shift = &mut edited.shifts[1200];
            let delta = if flip { -HOUR } else { HOUR };
            flip = !flip;
            shift.start = shift.start.plus(delta);
            shift.end = shift.end.plus(delta);
            checker.check(black_box(&edited), &CheckOptions::default())
        })
    });
}

/// Five years of a six-week rotation applied round the clock.
fn rotation_plan() -> Plan {
    let mut plan = Plan {
        profile: Profile::preset(Preset::Tariff),
        ..Plan::default()
    };
    for a in 0..8 {
        plan.assistants
            .push(Assistant::new(&format!("A{a}"), &format!("Assistent {a}")));
    }
    let kind = |code: &str, h: u32| ShiftType {
        code: code.into(),
        name: code.into(),
        start: NaiveTime::from_hms_opt(h, 0, 0).expect("a time"),
        end: NaiveTime::from_hms_opt((h + 8) % 24, 0, 0).expect("a time"),
        break_minutes: 30,
        passive_minutes: 0,
        service: ServiceType::PersonligAssistanse,
        colour: "#336699".into(),
        long_shift: false,
    };
    plan.shift_types = vec![kind("D", 7), kind("K", 15), kind("N", 23)];
    let days = [
        chrono::Weekday::Mon,
        chrono::Weekday::Tue,
        chrono::Weekday::Wed,
        chrono::Weekday::Thu,
        chrono::Weekday::Fri,
        chrono::Weekday::Sat,
        chrono::Weekday::Sun,
    ];
    let mut slots = Vec::new();
    for week in 1..=6u32 {
        for (d, weekday) in days.iter().enumerate() {
            for (k, code) in ["D", "K", "N"].iter().enumerate() {
                // Each assistant keeps one kind of shift for a week, then moves on.
                let who = (k * 3 + week as usize + d / 4) % 8;
                slots.push(Slot {
                    week,
                    weekday: *weekday,
                    shift_type: (*code).into(),
                    assistant: Some(AssistantId(format!("A{who}"))),
                    skip_red_days: false,
                });
            }
        }
    }
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a Monday");
    plan.rotations.push(Rotation {
        id: RotationId("r".into()),
        name: "Døgnet rundt".into(),
        weeks: 6,
        start,
        until: None,
        slots,
        changes: Vec::new(),
    });
    let last = start + Duration::weeks(5 * 52) - Duration::days(1);
    rotation::apply(&mut plan, &RotationId("r".into()), start, last).expect("applies");
    plan
}

fn bench_rotations(c: &mut Criterion) {
    let plan = rotation_plan();
    assert!(plan.shifts.len() > 5_000);
    let whole = CheckOptions::default();
    c.bench_function("five-year rotation plan: calendar check", |b| {
        b.iter(|| check(black_box(&plan), &whole))
    });
    c.bench_function(
        "five-year rotation plan: calendar and patterns checked (first time)",
        |b| b.iter(|| rotation::check_plan(black_box(&plan), &whole)),
    );
    let mut calendar_only = plan.clone();
    let mut calendar_checker = Checker::default();
    calendar_checker.check(&calendar_only, &whole);
    let mut flip = false;
    c.bench_function(
        "five-year rotation plan: re-check after one edit, calendar only",
        |b| {
            b.iter(|| {
                let shift = &mut calendar_only.shifts[2000];
                let delta = if flip { -HOUR } else { HOUR };
                flip = !flip;
                shift.start = shift.start.plus(delta);
                shift.end = shift.end.plus(delta);
                calendar_checker.check(black_box(&calendar_only), &whole)
            })
        },
    );
    let mut edited = plan.clone();
    let mut checker = Checker::default();
    let mut patterns = PatternChecker::default();
    let first = checker.check(&edited, &whole);
    patterns.check(&edited, first, &whole);
    c.bench_function(
        "five-year rotation plan: re-check after one edit, patterns remembered",
        |b| {
            b.iter(|| {
                let shift = &mut edited.shifts[2000];
                let delta = if flip { -HOUR } else { HOUR };
                flip = !flip;
                shift.start = shift.start.plus(delta);
                shift.end = shift.end.plus(delta);
                let calendar = checker.check(black_box(&edited), &whole);
                patterns.check(black_box(&edited), calendar, &whole)
            })
        },
    );
}

criterion_group!(benches, bench, bench_rotations);
criterion_main!(benches);
