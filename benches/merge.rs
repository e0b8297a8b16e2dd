//! Merging two copies of a plan that were edited apart for a year: a base of a year of shifts
//! (≈1,100, eight assistants), then on each side about 3,000 changes of shifts and assistants
//! (new shifts, moved shifts, notes, deletions, phone numbers), some of them colliding. The
//! merge reads both change logs, merges per field, checks references and the plan, and writes
//! one action. Budget (issue 14): under 500 ms.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use turnus::model::{Assistant, AssistantId, ServiceType, Shift, ShiftId, ShiftStatus};
use turnus::store::merge::{Choices, Side};
use turnus::store::{Edit, OpenOptions, PlanFile};
use turnus::time::{Instant, HOUR};

const BASE_SHIFTS: usize = 1_100;
/// Actions per side; each changes two things, so about 3,000 changes a side.
const ACTIONS: usize = 1_500;

fn start() -> Instant {
    Instant::parse("2026-01-05T00:00").expect("a valid time")
}

fn shift(id: String, i: usize) -> Shift {
    let begin = start().plus((i as i64) * 8 * HOUR);
    Shift {
        id: ShiftId(id),
        assistant: Some(AssistantId(format!("A{}", i % 8))),
        start: begin,
        end: begin.plus(8 * HOUR),
        break_minutes: 30,
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

fn base(root: &Path) -> PathBuf {
    let path = root.join("base.turnus");
    let mut plan = PlanFile::create(&path, &OpenOptions::new("Kari", start())).expect("a plan");
    for a in 0..8 {
        plan.add_assistant(
            start(),
            &Assistant::new(&format!("A{a}"), &format!("Assistent {a}")),
        )
        .expect("an assistant");
    }
    let adds: Vec<Edit> = (0..BASE_SHIFTS)
        .map(|i| Edit::AddShift(shift(format!("s{i}"), i)))
        .collect();
    for chunk in adds.chunks(200) {
        plan.apply(start(), "add shifts", chunk).expect("shifts");
    }
    plan.close().expect("closed");
    path
}

/// A year of one side's edits: `side` 0 or 1 touches mostly its own shifts, and every 30th
/// action changes a shift the other side changes too.
fn edit_apart(path: &Path, side: usize) {
    let user = if side == 0 { "Kari" } else { "Per" };
    let mut plan = PlanFile::open(path, &OpenOptions::new(user, start())).expect("opens");
    for n in 0..ACTIONS {
        let at = start().plus((n as i64) * 5 * HOUR);
        let own = (n * 2 + side) % BASE_SHIFTS;
        let shared = (n * 7) % BASE_SHIFTS;
        let mut moved = shift(format!("s{own}"), own);
        moved.start = moved.start.plus(HOUR);
        moved.end = moved.end.plus(HOUR);
        let second = match n % 5 {
            0 => Edit::AddShift(shift(format!("{user}{n}"), BASE_SHIFTS + n)),
            1 if n % 30 == 1 => {
                let mut s = shift(format!("s{shared}"), shared);
                s.note = format!("{user} {n}");
                Edit::UpdateShift(s)
            }
            2 => {
                let mut a = Assistant::new(&format!("A{}", n % 8), &format!("Assistent {}", n % 8));
                a.phone = format!("{side}{n:07}");
                Edit::UpdateAssistant(a)
            }
            3 => Edit::AddShift(shift(format!("{user}x{n}"), BASE_SHIFTS + ACTIONS + n)),
            _ => {
                let mut s = shift(format!("s{own}"), own);
                s.note = format!("{user} {n}");
                s.start = moved.start;
                s.end = moved.end;
                Edit::UpdateShift(s)
            }
        };
        let edits = [Edit::UpdateShift(moved), second];
        if plan.apply(at, "edit", &edits).is_err() {
            // Two edits of one shift in one action are fine; nothing here is refused.
            panic!("the edit is saved");
        }
    }
    plan.close().expect("closed");
}

fn bench(c: &mut Criterion) {
    let root = std::env::temp_dir().join(format!("turnus-bench-merge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("a bench folder");
    let base = base(&root);
    let ours = root.join("ours.turnus");
    let theirs = root.join("theirs.turnus");
    std::fs::copy(&base, &ours).expect("ours");
    std::fs::copy(&base, &theirs).expect("theirs");
    edit_apart(&ours, 0);
    edit_apart(&theirs, 1);
    let work = root.join("work.turnus");
    let read_only = OpenOptions {
        read_only: true,
        ..OpenOptions::new("bench", start())
    };
    let mut group = c.benchmark_group("merge");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("a year of edits on each side", |b| {
        b.iter_batched(
            || {
                std::fs::copy(&ours, &work).expect("a fresh copy");
                let plan =
                    PlanFile::open(&work, &OpenOptions::new("Kari", start())).expect("opens");
                let other = PlanFile::open(&theirs, &read_only).expect("opens");
                (plan, other)
            },
            |(mut plan, other)| {
                let report = plan
                    .merge(
                        start(),
                        &other,
                        &Choices::all(Side::Ours),
                        "merge with theirs",
                    )
                    .expect("merges");
                assert!(report.written && report.taken > 2_900, "{}", report.taken);
                (plan, other)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&root);
}

criterion_group!(benches, bench);
criterion_main!(benches);
