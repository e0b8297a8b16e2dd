//! Two programs on one plan file, simulated with two connections in one process: the second
//! sees who holds the file and reads only, a stale lock is taken over, and taking over stops
//! the old holder from writing. (tests/store_crash.rs runs the same with two processes.)

use std::path::PathBuf;

use turnus::model::Assistant;
use turnus::store::lock::STALE_AFTER_SECONDS;
use turnus::store::{Access, OpenOptions, PlanFile, ReadOnlyReason, StoreError};
use turnus::time::Instant;

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("a valid test time")
}

fn plan_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("turnus-lock-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join("plan.turnus");
    drop(PlanFile::create(&path, &who("Kari", "STUE-PC", "2026-06-01T08:00")).unwrap());
    path
}

fn who(user: &str, computer: &str, now: &str) -> OpenOptions {
    OpenOptions {
        computer: computer.into(),
        ..OpenOptions::new(user, t(now))
    }
}

fn integrity_ok(path: &PathBuf) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(result, "ok", "two programs on one file never corrupt it");
}

#[test]
fn a_second_program_sees_who_holds_the_file_and_opens_read_only() {
    let path = plan_path("second");
    let mut kari = PlanFile::open(&path, &who("Kari", "STUE-PC", "2026-06-01T09:00")).unwrap();
    assert_eq!(kari.access(), &Access::ReadWrite);
    let ola = PlanFile::open(&path, &who("Ola", "KONTOR", "2026-06-01T09:01")).unwrap();
    let Access::ReadOnly(ReadOnlyReason::InUse(notice)) = ola.access().clone() else {
        panic!(
            "the second program must open read-only, got {:?}",
            ola.access()
        );
    };
    assert_eq!(
        (
            notice.holder.as_str(),
            notice.computer.as_str(),
            notice.since
        ),
        ("Kari", "STUE-PC", t("2026-06-01T09:00"))
    );
    assert_eq!(
        notice.to_string(),
        "i bruk av Kari på STUE-PC siden 01.06.2026 09:00"
    );
    kari.add_assistant(t("2026-06-01T09:02"), &Assistant::new("A", "Per"))
        .unwrap();
    assert_eq!(
        ola.load_plan().unwrap().assistants.len(),
        1,
        "the reader sees the holder's committed edits"
    );
    let mut ola = ola;
    let err = ola
        .add_assistant(t("2026-06-01T09:03"), &Assistant::new("B", "Ida"))
        .unwrap_err();
    assert!(err.to_string().contains("i bruk av Kari"), "{err}");
    drop((kari, ola));
    integrity_ok(&path);
}

#[test]
fn taking_over_stops_the_old_holder_from_writing() {
    let path = plan_path("takeover");
    let mut kari = PlanFile::open(&path, &who("Kari", "STUE-PC", "2026-06-01T09:00")).unwrap();
    let mut options = who("Ola", "KONTOR", "2026-06-01T09:01");
    options.take_over = true;
    let mut ola = PlanFile::open(&path, &options).unwrap();
    assert_eq!(
        ola.access(),
        &Access::ReadWrite,
        "the user chose to take over"
    );
    let err = kari
        .add_assistant(t("2026-06-01T09:02"), &Assistant::new("A", "Per"))
        .unwrap_err();
    let StoreError::LockLost(notice) = &err else {
        panic!("the old holder must learn it lost the file, got {err}");
    };
    assert_eq!(notice.holder, "Ola");
    assert!(matches!(
        kari.heartbeat(t("2026-06-01T09:02")),
        Err(StoreError::LockLost(_))
    ));
    ola.add_assistant(t("2026-06-01T09:03"), &Assistant::new("B", "Ida"))
        .unwrap();
    drop((kari, ola));
    integrity_ok(&path);
}

#[test]
fn a_lock_without_heartbeat_for_two_minutes_is_taken_over_automatically() {
    let path = plan_path("stale");
    let mut kari = PlanFile::open(&path, &who("Kari", "STUE-PC", "2026-06-01T09:00")).unwrap();
    kari.heartbeat(t("2026-06-01T09:01")).unwrap();
    let fresh = t("2026-06-01T09:01").plus(STALE_AFTER_SECONDS).local();
    let just_fresh = who("Ola", "KONTOR", &fresh.format("%Y-%m-%dT%H:%M").to_string());
    let ola = PlanFile::open(&path, &just_fresh).unwrap();
    assert!(
        ola.is_read_only(),
        "a heartbeat exactly two minutes old still holds the file"
    );
    drop(ola);
    let ola = PlanFile::open(&path, &who("Ola", "KONTOR", "2026-06-01T09:04")).unwrap();
    assert_eq!(
        ola.access(),
        &Access::ReadWrite,
        "three minutes without a heartbeat: Kari's program is gone"
    );
    drop((kari, ola));
    integrity_ok(&path);
}

#[test]
fn a_lock_left_by_a_dead_process_on_this_computer_is_taken_over() {
    let path = plan_path("dead");
    let mut options = who("Kari", "STUE-PC", "2026-06-01T09:00");
    options.pid = 4_000_000_000;
    let kari = PlanFile::open(&path, &options).unwrap();
    std::mem::forget(kari);
    let ola = PlanFile::open(&path, &who("Ola", "STUE-PC", "2026-06-01T09:00")).unwrap();
    assert_eq!(
        ola.access(),
        &Access::ReadWrite,
        "no process 4000000000 runs here, so its lock is left over from a crash"
    );
}

#[test]
fn closing_gives_the_file_free_for_the_next_program() {
    let path = plan_path("close");
    let kari = PlanFile::open(&path, &who("Kari", "STUE-PC", "2026-06-01T09:00")).unwrap();
    kari.close().unwrap();
    let ola = PlanFile::open(&path, &who("Ola", "KONTOR", "2026-06-01T09:01")).unwrap();
    assert_eq!(ola.access(), &Access::ReadWrite);
}
