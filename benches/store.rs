//! Opening a plan file with five years of history (≈15,000 shifts, 50,000 change-log rows)
//! and loading a four-week view with its law check. Budget (DESIGN.md): open plus view under
//! 200 ms. The same plan with a password (SQLCipher), opened and edited, against the plain one
//! (issue 14: opening within 1.5× of the plain plan's time).

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use turnus::model::{
    Assistant, AssistantId, NightHelp, ServiceType, Shift, ShiftId, ShiftStatus, Vedtak,
};
use turnus::rules::{check, CheckOptions};
use turnus::store::{Edit, Folders, OpenOptions, Password, PlanFile};
use turnus::time::{Instant, DAY, HOUR};

const SHIFTS: usize = 15_000;
const LOG_ROWS: usize = 50_000;

fn start() -> Instant {
    Instant::parse("2021-06-07T00:00").expect("a valid time")
}

fn shift(i: usize) -> Shift {
    // About eight shifts a day for five years, round the clock, eight assistants.
    let begin = start().plus((i as i64) * 3 * HOUR);
    Shift {
        id: ShiftId(format!("s{i:05}")),
        assistant: Some(AssistantId(format!("A{}", i % 8))),
        start: begin,
        end: begin.plus(8 * HOUR),
        break_minutes: 30,
        passive_minutes: 0,
        long_shift: false,
        service: ServiceType::PersonligAssistanse,
        status: ShiftStatus::Worked,
        note: String::from("vanlig vakt"),
        shift_type: None,
        created_at: None,
        updated_at: None,
        actual: None,
        not_worked_reason: None,
        unplanned: false,
        personlig_stell: false,
    }
}

fn build(root: &PathBuf) -> PathBuf {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root).expect("a bench folder");
    let path = root.join("five-years.turnus");
    let now = start();
    let mut plan = PlanFile::create(&path, &OpenOptions::new("bench", now)).expect("a plan");
    for a in 0..8 {
        plan.add_assistant(
            now,
            &Assistant::new(&format!("A{a}"), &format!("Assistent {a}")),
        )
        .expect("an assistant");
    }
    plan.add_vedtak(
        now,
        &Vedtak {
            from: start().local_date(),
            to: None,
            annual_frame: true,
            hours_per_week: [(ServiceType::PersonligAssistanse, 168.0)]
                .into_iter()
                .collect(),
            double_staffing: false,
            night: NightHelp::Included,
            passive_factor: 1.0,
        },
    )
    .expect("a vedtak");
    let adds: Vec<Edit> = (0..SHIFTS).map(|i| Edit::AddShift(shift(i))).collect();
    for chunk in adds.chunks(1_000) {
        plan.apply(now, "add shifts", chunk).expect("shifts");
    }
    let updates: Vec<Edit> = (0..LOG_ROWS - SHIFTS - 9)
        .map(|n| {
            let mut s = shift(n % SHIFTS);
            s.note = format!("endret {n}");
            Edit::UpdateShift(s)
        })
        .collect();
    for chunk in updates.chunks(1_000) {
        plan.apply(now, "edit shifts", chunk).expect("edits");
    }
    assert!(plan.history(usize::MAX).expect("history").len() >= LOG_ROWS - 10);
    path
}

fn open_and_view(c: &mut Criterion) {
    let root = std::env::temp_dir().join(format!("turnus-bench-store-{}", std::process::id()));
    let path = build(&root);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "plan file: {} shifts, {} change-log rows, {:.1} MB",
        SHIFTS,
        LOG_ROWS,
        bytes as f64 / 1e6
    );
    let view_end = start().plus(SHIFTS as i64 * 3 * HOUR);
    let view_start = view_end.plus(-28 * DAY);
    let now = view_end;
    let folders = Folders::under(root.join("home"));

    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    // Closing (giving up the lock, one more synced commit) happens outside the measurement:
    // the budget is for opening and showing the view.
    group.bench_function(
        "open five-year plan, load a four-week view and check it",
        |b| {
            b.iter_with_large_drop(|| {
                let plan = PlanFile::open(&path, &OpenOptions::new("bench", now)).expect("opens");
                // A week before the view gives the rest rules their context at its start.
                let view = plan
                    .load_window(view_start.plus(-7 * DAY), view_end)
                    .expect("a view");
                assert!(view.shifts.len() > 200);
                let options = CheckOptions {
                    from: Some(view_start),
                    to: Some(view_end),
                    today: None,
                };
                let report = check(&view, &options);
                (plan, report)
            })
        },
    );
    group.bench_function("open, load a four-week view and close", |b| {
        b.iter(|| {
            let plan = PlanFile::open(&path, &OpenOptions::new("bench", now)).expect("opens");
            let view = plan.load_window(view_start, view_end).expect("a view");
            assert!(view.shifts.len() > 200);
            plan.close().expect("closes");
        })
    });
    group.bench_function(
        "open read-only (no lock written) and load a four-week view",
        |b| {
            b.iter(|| {
                let options = OpenOptions {
                    read_only: true,
                    ..OpenOptions::new("bench", now)
                };
                let plan = PlanFile::open(&path, &options).expect("opens");
                plan.load_window(view_start, view_end).expect("a view")
            })
        },
    );
    group.bench_function("open with backups on (unchanged plan: no new copy)", |b| {
        b.iter_with_large_drop(|| {
            let options = OpenOptions::new("bench", now).with_backups(folders.clone());
            let plan = PlanFile::open(&path, &options).expect("opens");
            let view = plan.load_window(view_start, view_end).expect("a view");
            assert!(view.shifts.len() > 200);
            plan
        })
    });
    // Opening to write runs integrity_check (it finds damaged indexes); opening to read runs
    // quick_check. Their cost on their own:
    let checks =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("SQLite opens the plan");
    for pragma in ["quick_check", "integrity_check"] {
        group.bench_function(format!("PRAGMA {pragma} of the five-year plan"), |b| {
            b.iter(|| {
                let result: String = checks
                    .query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))
                    .expect("checked");
                assert_eq!(result, "ok");
            })
        });
    }
    drop(checks);
    let plan = PlanFile::open(&path, &OpenOptions::new("bench", now)).expect("opens");
    group.bench_function("load a four-week view of an open plan", |b| {
        b.iter(|| plan.load_window(view_start, view_end).expect("a view"))
    });
    drop(plan);
    group.bench_function("back up the five-year plan (VACUUM INTO)", |b| {
        b.iter(|| {
            let _ = std::fs::remove_dir_all(&folders.data);
            let options = OpenOptions::new("bench", now).with_backups(folders.clone());
            PlanFile::open(&path, &options)
                .expect("opens")
                .close()
                .expect("closes");
        })
    });
    group.finish();
    encrypted(c, &path, &root, now, (view_start, view_end));
    let _ = std::fs::remove_dir_all(&root);
}

/// The five-year plan with and without a password: opening (to write, with the lock, and to
/// read), an edit, and SQLCipher's key derivation on its own.
fn encrypted(c: &mut Criterion, plain: &Path, root: &Path, now: Instant, view: (Instant, Instant)) {
    let secret = || Some(Password::new("Fjellbekk-Sommer-1987".to_string()));
    let locked = root.join("five-years-encrypted.turnus");
    std::fs::copy(plain, &locked).expect("a copy");
    let mut file = PlanFile::open(&locked, &OpenOptions::new("bench", now)).expect("opens");
    file.set_password(&Password::new("Fjellbekk-Sommer-1987".to_string()), now)
        .expect("encrypted");
    file.close().expect("closes");
    let small = root.join("small-encrypted.turnus");
    let mut file = PlanFile::create(&small, &OpenOptions::new("bench", now)).expect("a plan");
    file.set_password(&Password::new("Fjellbekk-Sommer-1987".to_string()), now)
        .expect("encrypted");
    file.close().expect("closes");

    let mut group = c.benchmark_group("encryption");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, path, password) in [
        ("plain", plain, None),
        ("encrypted", locked.as_path(), secret()),
    ] {
        group.bench_function(
            format!("open the five-year plan to edit, four-week view, close ({name})"),
            |b| {
                b.iter(|| {
                    // As the first open after the password is typed: the key is derived.
                    turnus::store::forget_keys();
                    let options = OpenOptions {
                        password: password.clone(),
                        ..OpenOptions::new("bench", now)
                    };
                    let plan = PlanFile::open(path, &options).expect("opens");
                    let loaded = plan.load_window(view.0, view.1).expect("a view");
                    assert!(loaded.shifts.len() > 200);
                    plan.close().expect("closes");
                })
            },
        );
        group.bench_function(
            format!("open the five-year plan to read, four-week view ({name})"),
            |b| {
                b.iter(|| {
                    turnus::store::forget_keys();
                    let options = OpenOptions {
                        read_only: true,
                        password: password.clone(),
                        ..OpenOptions::new("bench", now)
                    };
                    let plan = PlanFile::open(path, &options).expect("opens");
                    plan.load_window(view.0, view.1).expect("a view")
                })
            },
        );
        let options = OpenOptions {
            password: password.clone(),
            ..OpenOptions::new("bench", now)
        };
        let mut plan = PlanFile::open(path, &options).expect("opens");
        let mut n = 0;
        group.bench_function(
            format!("an edit of the open five-year plan: one shift changed ({name})"),
            |b| {
                b.iter(|| {
                    n += 1;
                    let mut s = shift(n % SHIFTS);
                    s.note = format!("bench {n}");
                    plan.apply(now, "edit shift", &[Edit::UpdateShift(s)])
                        .expect("edited");
                })
            },
        );
        plan.close().expect("closes");
    }
    group.bench_function(
        "open the encrypted five-year plan again to edit, its key kept (a reload after a sync)",
        |b| {
            let options = OpenOptions {
                password: secret(),
                ..OpenOptions::new("bench", now)
            };
            turnus::store::forget_keys();
            PlanFile::open(&locked, &options)
                .expect("opens")
                .close()
                .expect("closes");
            b.iter(|| {
                let plan = PlanFile::open(&locked, &options).expect("opens");
                let loaded = plan.load_window(view.0, view.1).expect("a view");
                assert!(loaded.shifts.len() > 200);
                plan.close().expect("closes");
            })
        },
    );
    group.bench_function(
        "derive the key: open a new, empty encrypted plan to read",
        |b| {
            b.iter(|| {
                turnus::store::forget_keys();
                let options = OpenOptions {
                    read_only: true,
                    password: secret(),
                    ..OpenOptions::new("bench", now)
                };
                PlanFile::open(&small, &options).expect("opens")
            })
        },
    );
    group.finish();
}

criterion_group!(benches, open_and_view);
criterion_main!(benches);
