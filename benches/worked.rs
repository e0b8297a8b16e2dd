//! Benchmark of the month as worked: confirming every shift of a month and closing it, for 8
//! assistants with round-the-clock care, as the app does it (the session on a plan file in
//! memory: the edits, the change log, the reload, the law check and the view after each).
//!
//! The plan: 8 assistants covering every hour with 3-hour shifts from January to the end of
//! June 2026 under the tariff profile; June holds 240 shifts. Target: confirming June and
//! closing it under 100 ms together. The month view and the payroll CSV of June are measured
//! too.

use chrono::{Duration, NaiveDate, NaiveTime};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use turnus::model::{
    Assistant, AssistantId, Plan, Preset, Profile, ServiceType, Shift, ShiftId, ShiftStatus,
};
use turnus::session::{Language, Session, Window};
use turnus::time::{Instant, HOUR};

fn half_year() -> Plan {
    let mut plan = Plan {
        profile: Profile::preset(Preset::Tariff),
        ..Plan::default()
    };
    for a in 0..8 {
        let mut assistant = Assistant::new(&format!("A{a}"), &format!("Assistent {a}"));
        assistant.contract_minutes_per_week = Some(21 * 60);
        plan.assistants.push(assistant);
    }
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    let last = NaiveDate::from_ymd_opt(2026, 6, 30).expect("a date");
    let mut date = first;
    let mut day = 0usize;
    while date <= last {
        let midnight = Instant::at_local(date, NaiveTime::MIN);
        for slot in 0..8 {
            let who = (slot + day) % 8;
            let start = midnight.plus(slot as i64 * 3 * HOUR);
            let end = if slot == 7 {
                Instant::at_local(date + Duration::days(1), NaiveTime::MIN)
            } else {
                start.plus(3 * HOUR)
            };
            plan.shifts.push(Shift {
                id: ShiftId(format!("d{day}s{slot}")),
                assistant: Some(AssistantId(format!("A{who}"))),
                start,
                end,
                break_minutes: 0,
                passive_minutes: 0,
                long_shift: false,
                service: ServiceType::PersonligAssistanse,
                status: if date.format("%m").to_string() == "06" {
                    ShiftStatus::Planned
                } else {
                    ShiftStatus::Worked
                },
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
        date += Duration::days(1);
        day += 1;
    }
    plan
}

fn session(plan: &Plan) -> Session {
    let now = Instant::parse("2026-07-01T09:00").expect("a time");
    let file = turnus::store::transfer::in_memory(plan, "Bench", now).expect("a plan in memory");
    Session::from_file(file, Language::Nb).expect("a session")
}

fn bench(c: &mut Criterion) {
    let plan = half_year();
    let now = Instant::parse("2026-07-01T09:00").expect("a time");
    let today = NaiveDate::from_ymd_opt(2026, 7, 1).expect("a date");
    let window = Window {
        from: "2026-06-29".into(),
        to: "2026-07-05".into(),
    };
    let june: Vec<String> = plan
        .shifts
        .iter()
        .filter(|s| s.status == ShiftStatus::Planned)
        .map(|s| s.id.to_string())
        .collect();
    assert_eq!(june.len(), 240);
    let mut group = c.benchmark_group("worked");
    group.sample_size(20);
    group.bench_function("confirm and close June, 8 assistants", |b| {
        b.iter_batched(
            || session(&plan),
            |mut s| {
                s.confirm_worked(now, today, &window, &june)
                    .expect("confirmed");
                s.close_month(now, today, &window, "2026-06")
                    .expect("closed");
                black_box(s)
            },
            BatchSize::PerIteration,
        )
    });
    let s = session(&plan);
    group.bench_function("month view of June", |b| {
        b.iter(|| black_box(s.month_view("2026-06", None).expect("a view")))
    });
    group.bench_function("payroll CSV of June", |b| {
        b.iter(|| {
            black_box(
                turnus::export::payroll::month_csv(
                    s.plan(),
                    turnus::model::Month::parse("2026-06").expect("a month"),
                    None,
                )
                .expect("the CSV"),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
