//! Crash safety and two processes on one file, with real processes: this test binary runs
//! itself as the child (switched by an environment variable).
//!
//! Crash: a child edits in a loop and is killed with SIGKILL at random moments, 200 times.
//! After every kill the file must open, pass `PRAGMA integrity_check`, hold every edit the
//! child reported committed, and hold no half of an edit. Each edit adds shifts `a<i>` and
//! `b<i>` and sets the plan name to `<i>` in one action.
//!
//! Two processes: a child holds the plan and edits; the parent sees the lock notice, reads,
//! takes over, and the child learns it lost the file.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant as Clock};

use turnus::model::{Assistant, AssistantId, ServiceType, Settings, Shift, ShiftId, ShiftStatus};
use turnus::store::{Access, Edit, OpenOptions, PlanFile, ReadOnlyReason, StoreError};
use turnus::time::Instant;

const CRASH_CHILD: &str = "TURNUS_TEST_CRASH_CHILD";
const HOLD_CHILD: &str = "TURNUS_TEST_HOLD_CHILD";
const KILLS: usize = 200;

fn t0() -> Instant {
    Instant::parse("2026-06-01T09:00").expect("a valid time")
}

fn shift(id: String, i: i64) -> Shift {
    let start = t0().plus(i * 3600);
    Shift {
        id: ShiftId(id),
        assistant: Some(AssistantId("A".into())),
        start,
        end: start.plus(1800),
        break_minutes: 0,
        passive_minutes: 0,
        long_shift: false,
        service: ServiceType::PersonligAssistanse,
        status: ShiftStatus::Planned,
        note: "crash test".into(),
        shift_type: None,
        created_at: None,
        updated_at: None,
        actual: None,
        not_worked_reason: None,
        unplanned: false,
        personlig_stell: false,
    }
}

fn spawn(var: &str, test: &str, path: &Path) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(var, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts")
}

/// The child of the crash test: edits until killed.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CRASH_CHILD) else {
        return;
    };
    let options = OpenOptions {
        take_over: true,
        ..OpenOptions::new("child", t0())
    };
    let mut plan = PlanFile::open(PathBuf::from(path), &options).expect("the child opens");
    let first = plan
        .load_plan()
        .expect("the child reads")
        .shifts
        .iter()
        .filter(|s| s.id.0.starts_with('a'))
        .count() as i64;
    let stdout = std::io::stdout();
    for i in first..first + 5_000 {
        let edits = [
            Edit::AddShift(shift(format!("a{i}"), i)),
            Edit::AddShift(shift(format!("b{i}"), i)),
            Edit::UpdateSettings(Settings {
                name: i.to_string(),
                ..Settings::default()
            }),
        ];
        plan.apply(t0(), "pair", &edits).expect("the child edits");
        use std::io::Write;
        let mut out = stdout.lock();
        writeln!(out, "committed {i}")
            .and_then(|()| out.flush())
            .expect("stdout");
    }
}

/// A small deterministic random source, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn committed(line: &str) -> Option<i64> {
    let at = line.find("committed ")?;
    line[at + "committed ".len()..].trim().parse().ok()
}

fn check_after_kill(path: &Path, reported: Option<i64>, round: usize) -> i64 {
    let options = OpenOptions {
        take_over: true,
        ..OpenOptions::new("parent", t0())
    };
    let plan = PlanFile::open(path, &options)
        .unwrap_or_else(|e| panic!("round {round}: the file must open after a kill: {e}"));
    assert_eq!(
        plan.integrity_check().unwrap(),
        Vec::<String>::new(),
        "round {round}: integrity_check passes after a kill"
    );
    let loaded = plan.load_plan().unwrap();
    let mut a: Vec<i64> = Vec::new();
    let mut b: Vec<i64> = Vec::new();
    for s in &loaded.shifts {
        let n: i64 = s.id.0[1..].parse().unwrap();
        if s.id.0.starts_with('a') {
            a.push(n)
        } else {
            b.push(n)
        }
    }
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(
        a, b,
        "round {round}: a and b of one edit are saved together or not at all"
    );
    let count = a.len() as i64;
    assert_eq!(
        a,
        (0..count).collect::<Vec<_>>(),
        "round {round}: edits are kept in order"
    );
    if let Some(last) = reported {
        assert!(
            count > last,
            "round {round}: edit {last} was reported committed and must be in the file ({count} are)"
        );
        assert!(
            count <= last + 2,
            "round {round}: at most the one edit in flight may be there unreported"
        );
    }
    let expected_name = if count == 0 {
        String::new()
    } else {
        (count - 1).to_string()
    };
    assert_eq!(
        loaded.settings.name, expected_name,
        "round {round}: the settings change of the last edit is there, no later one"
    );
    let history = plan.history(usize::MAX).unwrap();
    assert_eq!(
        history.len() as i64,
        3 + 3 * count,
        "round {round}: every saved edit has its three change-log rows, and no more"
    );
    count
}

#[test]
fn killing_an_editing_process_never_loses_a_committed_edit_or_breaks_the_file() {
    if std::env::var_os(CRASH_CHILD).is_some() || std::env::var_os(HOLD_CHILD).is_some() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("turnus-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.turnus");
    {
        let mut plan = PlanFile::create(&path, &OpenOptions::new("parent", t0())).unwrap();
        plan.add_assistant(t0(), &Assistant::new("A", "Ola"))
            .unwrap();
        plan.update_settings(t0(), &Settings::default()).unwrap();
        plan.add_assistant(t0(), &Assistant::new("B", "Per"))
            .unwrap();
    }
    let started = Clock::now();
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    let mut mid_edit = 0;
    let mut highest = -1;
    for round in 0..KILLS {
        let mut child = spawn(CRASH_CHILD, "crash_child", &path);
        let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut reported = None;
        if round % 2 == 0 {
            // Anywhere: while starting, opening, taking the lock, or editing.
            std::thread::sleep(Duration::from_millis(rng.below(40)));
        } else {
            // Surely while editing: after some commits, a little later.
            let wanted = 1 + rng.below(5);
            let mut seen = 0;
            let mut line = String::new();
            while seen < wanted {
                line.clear();
                if out.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                if let Some(i) = committed(&line) {
                    reported = Some(i);
                    seen += 1;
                }
            }
            std::thread::sleep(Duration::from_micros(rng.below(3_000)));
            mid_edit += 1;
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("the killed child is reaped");
        let mut rest = String::new();
        out.read_to_string(&mut rest)
            .expect("what the child printed before dying");
        for line in rest.lines() {
            if let Some(i) = committed(line) {
                reported = Some(i);
            }
        }
        let count = check_after_kill(&path, reported, round);
        assert!(
            count > highest || count == highest.max(0),
            "round {round}: nothing is lost between rounds"
        );
        highest = highest.max(count);
    }
    assert_eq!(mid_edit, KILLS / 2);
    assert!(
        highest > 50,
        "the children made real progress: {highest} edits"
    );
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "the crash test stays quick: {:?}",
        started.elapsed()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The child of the two-process test: holds the plan and edits until it loses the lock.
#[test]
fn hold_child() {
    let Some(path) = std::env::var_os(HOLD_CHILD) else {
        return;
    };
    let options = OpenOptions::new("Kari", t0());
    let mut plan = PlanFile::open(PathBuf::from(path), &options).expect("the child opens");
    assert_eq!(plan.access(), &Access::ReadWrite);
    println!("holding");
    for i in 0..20_000i64 {
        match plan.apply(t0(), "edit", &[Edit::AddShift(shift(format!("h{i}"), i))]) {
            Ok(()) => {}
            Err(StoreError::LockLost(notice)) => {
                println!("lost to {}", notice.holder);
                return;
            }
            Err(e) => panic!("the holder's edit failed: {e}"),
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    println!("never lost");
}

#[test]
fn a_second_process_reads_only_until_it_takes_over_and_the_file_stays_sound() {
    if std::env::var_os(CRASH_CHILD).is_some() || std::env::var_os(HOLD_CHILD).is_some() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("turnus-two-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.turnus");
    {
        let mut plan = PlanFile::create(&path, &OpenOptions::new("setup", t0())).unwrap();
        plan.add_assistant(t0(), &Assistant::new("A", "Ola"))
            .unwrap();
    }
    let mut child = spawn(HOLD_CHILD, "hold_child", &path);
    let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    while !line.contains("holding") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the child must start holding"
        );
    }
    let later = t0().plus(30);
    let reader = PlanFile::open(&path, &OpenOptions::new("Ola", later)).unwrap();
    let Access::ReadOnly(ReadOnlyReason::InUse(notice)) = reader.access().clone() else {
        panic!("the file is in use by the child: {:?}", reader.access());
    };
    assert_eq!(notice.holder, "Kari");
    assert!(
        notice.to_string().starts_with("i bruk av Kari på "),
        "{notice}"
    );
    let mut seen = 0;
    for _ in 0..20 {
        let now = reader
            .load_plan()
            .expect("reading while the other process writes")
            .shifts
            .len();
        assert!(now >= seen, "the reader never sees edits vanish");
        seen = now;
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(reader);
    let options = OpenOptions {
        take_over: true,
        ..OpenOptions::new("Ola", later)
    };
    let mut taker = PlanFile::open(&path, &options).unwrap();
    assert_eq!(taker.access(), &Access::ReadWrite);
    taker
        .add_assistant(later, &Assistant::new("B", "Per"))
        .unwrap();
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(
        rest.contains("lost to Ola"),
        "the old holder stops writing: {rest:?}"
    );
    assert!(child.wait().unwrap().success());
    assert!(
        taker.integrity_check().unwrap().is_empty(),
        "the file stays sound"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
