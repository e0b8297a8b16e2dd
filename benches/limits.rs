//! The inputs of issue 10 that used to run away, at the size limits of `src/limits.rs`, to show
//! that their cost stays about linear: 1,000 copies of one shift (was 26 s and 113 MB of
//! findings), 100,000 touching shifts of one assistant (one block of 34 years; was more than
//! 12 GB), adding 20,000 busy times to a plan file in one action (was quadratic), and a year's
//! turnusplan PDF with names of the longest allowed length.

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use turnus::export::pdf::{render_pdf, PdfKind, PdfOptions};
use turnus::limits::{MAX_NAME_CHARS, MAX_SHIFTS};
use turnus::model::{
    Assistant, AssistantId, BusyTime, Plan, ServiceType, Shift, ShiftId, ShiftStatus,
};
use turnus::rules::{check, CheckOptions};
use turnus::store::{Edit, PlanFile};
use turnus::time::{Instant, HOUR};

#[path = "../tests/export_support/year_plan.rs"]
mod year_plan;

fn shift(n: usize, start: Instant, hours: i64) -> Shift {
    Shift {
        id: ShiftId(format!("s{n}")),
        assistant: Some(AssistantId("A".into())),
        start,
        end: start.plus(hours * HOUR),
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
    }
}

fn plan_of(shifts: Vec<Shift>) -> Plan {
    Plan {
        assistants: vec![Assistant::new("A", "Kari")],
        shifts,
        ..Plan::default()
    }
}

fn bench(c: &mut Criterion) {
    let monday = Instant::parse("2026-01-05T00:00").unwrap_or(Instant::from_unix(0));
    let copies = plan_of((0..1000).map(|n| shift(n, monday, 8)).collect());
    c.bench_function("check 1,000 copies of one shift", |b| {
        b.iter(|| check(black_box(&copies), &CheckOptions::default()))
    });

    let mut slow = c.benchmark_group("at the limits");
    slow.sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let touching = plan_of(
        (0..MAX_SHIFTS)
            .map(|n| shift(n, monday.plus(n as i64 * 3 * HOUR), 3))
            .collect(),
    );
    slow.bench_function("check 100,000 touching shifts of one assistant", |b| {
        b.iter(|| check(black_box(&touching), &CheckOptions::default()))
    });

    let now = Instant::parse("2026-06-01T09:00").unwrap_or(monday);
    let busy: Vec<Edit> = (0..20_000)
        .map(|n| {
            let start = monday.plus(n * 5 * HOUR);
            Edit::AddBusy(BusyTime {
                id: format!("e{n}@bench"),
                assistant: AssistantId("A".into()),
                start,
                end: start.plus(2 * HOUR),
                source: "jobb.ics".into(),
                summary: "Jobb".into(),
            })
        })
        .collect();
    slow.bench_function("add 20,000 busy times in one action", |b| {
        b.iter_batched(
            || {
                let mut file = PlanFile::open_in_memory("Kari").expect("an in-memory plan");
                file.add_assistant(now, &Assistant::new("A", "Kari"))
                    .expect("an assistant");
                file
            },
            |mut file| file.apply(now, "import busy time", &busy),
            BatchSize::PerIteration,
        )
    });

    let mut named = year_plan::year_plan(2026);
    for a in &mut named.assistants {
        a.name = "Kari Nordmann-".repeat(MAX_NAME_CHARS / 14 + 1)[..MAX_NAME_CHARS].to_string();
    }
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
    let options = PdfOptions::new(PdfKind::Turnusplan, d(1, 1), d(12, 31), d(11, 22));
    slow.bench_function("turnusplan PDF for a year, names of 200 characters", |b| {
        b.iter(|| render_pdf(&named, &options))
    });
    slow.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
