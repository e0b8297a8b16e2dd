//! Export benchmark: a year's turnusplan PDF for eight assistants (budget: under 1 s), and the
//! same year's first page as the app's preview, and the same year's calendars.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use turnus::export::ics::{calendar, update_state, CalendarScope, ExportState};
use turnus::export::pdf::{preview, render_pdf, PdfKind, PdfOptions};
use turnus::time::Instant;

#[path = "../tests/export_support/year_plan.rs"]
mod year_plan;

fn bench(c: &mut Criterion) {
    let plan = year_plan::year_plan(2026);
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
    let options = PdfOptions::new(PdfKind::Turnusplan, d(1, 1), d(12, 31), d(11, 22));
    if let Ok(bytes) = render_pdf(&plan, &options) {
        println!("turnusplan for a year, 8 assistants: {} bytes", bytes.len());
    }
    c.bench_function("turnusplan_pdf_year_8_assistants", |b| {
        b.iter(|| render_pdf(&plan, &options))
    });
    // The Export page's preview lays the whole document out and draws its first page as SVG.
    c.bench_function("turnusplan_preview_year_8_assistants", |b| {
        b.iter(|| preview(&plan, &options))
    });
    let now = Instant::from_unix(1_790_000_000);
    c.bench_function("ics_plan_calendar_year_8_assistants", |b| {
        b.iter(|| {
            let state = update_state(&plan, &ExportState::default(), now);
            calendar(&plan, &state, &CalendarScope::Plan, now)
        })
    });
}

criterion_group! {
    name = export;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(export);
