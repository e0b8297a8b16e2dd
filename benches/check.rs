//! Benchmarks of the rule checker on a year of round-the-clock care.
//!
//! The plan: 52 weeks, 8 assistants, every hour of every day covered by 3-hour shifts (8 a
//! day, about 2,900 shifts), under the tariff profile. Budgets (DESIGN.md): a full check under
//! 20 ms, a re-check after one edit under 2 ms.

use chrono::{Duration, NaiveDate, NaiveTime};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use turnus::model::{
    Assistant, AssistantId, Plan, Preset, Profile, ServiceType, Shift, ShiftId, ShiftStatus,
};
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

criterion_group!(benches, bench);
criterion_main!(benches);
