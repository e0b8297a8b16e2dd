//! Merging two copies of one plan file edited apart (a sync client's conflict copy), on real
//! files: what does not collide is all taken, what collides is listed with both values and
//! written only when chosen, the result is one undo step and a whole plan, merging twice
//! changes nothing, and a merge killed half-way leaves the plan as it was or fully merged.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use proptest::prelude::*;
use serde_json::Value;
use turnus::model::{Assistant, AssistantId, Plan, ServiceType, Shift, ShiftId, ShiftStatus};
use turnus::store::merge::{Choices, ConflictKind, MergeReport, Side};
use turnus::store::{Entity, OpenOptions, PlanFile, StoreError};
use turnus::time::Instant;

fn t0() -> Instant {
    Instant::parse("2026-06-01T09:00").expect("a valid time")
}

fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "turnus-merge-{name}-{}-{}",
        std::process::id(),
        turnus::store::new_id()
    ));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn open(path: &Path, user: &str) -> PlanFile {
    PlanFile::open(path, &OpenOptions::new(user, t0())).expect("the plan opens")
}

fn shift(id: &str, assistant: Option<&str>, hour: i64) -> Shift {
    let start = t0().plus(hour * 3600);
    Shift {
        id: ShiftId(id.into()),
        assistant: assistant.map(|a| AssistantId(a.into())),
        start,
        end: start.plus(8 * 3600),
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

/// A plan with assistants A, B and C (C has no shifts) and shifts s1–s4, and a copy of it
/// made by a sync client: returns (plan, copy).
fn two_copies(dir: &Path) -> (PathBuf, PathBuf) {
    let plan = dir.join("Plan.turnus");
    let mut file = PlanFile::create(&plan, &OpenOptions::new("Kari", t0())).expect("created");
    for (id, name) in [("A", "Ola"), ("B", "Per"), ("C", "Åse")] {
        file.add_assistant(t0(), &Assistant::new(id, name)).unwrap();
    }
    for (i, id) in ["s1", "s2", "s3", "s4"].iter().enumerate() {
        file.add_shift(t0(), &shift(id, Some("A"), 24 * i as i64))
            .unwrap();
    }
    file.close().unwrap();
    let copy = dir.join("Plan (Per's conflicted copy 2026-06-02).turnus");
    std::fs::copy(&plan, &copy).expect("the copy");
    (plan, copy)
}

fn find<'a>(plan: &'a Plan, id: &str) -> Option<&'a Shift> {
    plan.shifts.iter().find(|s| s.id.0 == id)
}

fn assistant<'a>(plan: &'a Plan, id: &str) -> Option<&'a Assistant> {
    plan.assistants.iter().find(|a| a.id.0 == id)
}

fn foreign_keys_hold(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let broken: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0, "every reference names a thing that exists");
}

/// Both sides edit apart: ours changes s1's note, adds s5, deletes s2 and s4, sets A's phone;
/// theirs changes s1's break, moves s3, adds s6, renames B, sets A's phone to another number
/// and writes a note on s4.
fn edit_apart(plan: &Path, copy: &Path) {
    let mut ours = open(plan, "Kari");
    let loaded = ours.load_plan().unwrap();
    let mut s1 = find(&loaded, "s1").unwrap().clone();
    s1.note = "Kari: ta med nøkler".into();
    ours.update_shift(t0().plus(60), &s1).unwrap();
    ours.add_shift(t0().plus(120), &shift("s5", Some("A"), 200))
        .unwrap();
    ours.delete_shift(t0().plus(180), &ShiftId("s2".into()))
        .unwrap();
    ours.delete_shift(t0().plus(190), &ShiftId("s4".into()))
        .unwrap();
    let mut a = assistant(&loaded, "A").unwrap().clone();
    a.phone = "111 11 111".into();
    ours.update_assistant(t0().plus(240), &a).unwrap();
    ours.close().unwrap();

    let mut theirs = open(copy, "Per");
    let loaded = theirs.load_plan().unwrap();
    let mut s1 = find(&loaded, "s1").unwrap().clone();
    s1.break_minutes = 45;
    theirs.update_shift(t0().plus(70), &s1).unwrap();
    let mut s3 = find(&loaded, "s3").unwrap().clone();
    s3.start = s3.start.plus(3600);
    s3.end = s3.end.plus(3600);
    theirs.update_shift(t0().plus(80), &s3).unwrap();
    theirs
        .add_shift(t0().plus(90), &shift("s6", Some("B"), 300))
        .unwrap();
    let mut b = assistant(&loaded, "B").unwrap().clone();
    b.name = "Per Haugen".into();
    theirs.update_assistant(t0().plus(100), &b).unwrap();
    let mut a = assistant(&loaded, "A").unwrap().clone();
    a.phone = "222 22 222".into();
    theirs.update_assistant(t0().plus(110), &a).unwrap();
    let mut s4 = find(&loaded, "s4").unwrap().clone();
    s4.note = "Per: bytter med Ola".into();
    theirs.update_shift(t0().plus(130), &s4).unwrap();
    theirs.close().unwrap();
}

fn merge(plan: &Path, copy: &Path, choices: &Choices) -> MergeReport {
    let mut ours = open(plan, "Kari");
    let theirs = PlanFile::open(
        copy,
        &OpenOptions {
            read_only: true,
            ..OpenOptions::new("Kari", t0())
        },
    )
    .expect("the copy opens");
    let report = ours
        .merge(t0().plus(3600), &theirs, choices, "merge with the copy")
        .expect("the merge runs");
    ours.close().unwrap();
    report
}

#[test]
fn edits_that_do_not_collide_are_all_taken_and_collisions_are_listed_with_both_values() {
    let dir = dir("apart");
    let (plan, copy) = two_copies(&dir);
    edit_apart(&plan, &copy);
    let before = open(&plan, "K").log_mark().unwrap();

    let report = merge(&plan, &copy, &Choices::default());
    assert!(!report.written, "with conflicts left nothing is written");
    assert_eq!(
        open(&plan, "K").log_mark().unwrap(),
        before,
        "the change log is as it was"
    );
    let mut ids: Vec<&str> = report.conflicts.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        vec!["assistant/A/phone", "shift/s4/"],
        "the phone set twice and the shift deleted here but changed there are the conflicts"
    );
    let phone = &report
        .conflicts
        .iter()
        .find(|c| c.field == "phone")
        .unwrap();
    assert_eq!(phone.ours, Some(Value::from("111 11 111")));
    assert_eq!(phone.theirs, Some(Value::from("222 22 222")));
    let s4 = report
        .conflicts
        .iter()
        .find(|c| c.entity_id == "s4")
        .unwrap();
    assert_eq!(s4.kind, ConflictKind::Deleted);
    assert_eq!(s4.deleted_side, Some(Side::Ours));
    assert_eq!(report.unresolved.len(), 2);

    let report = merge(&plan, &copy, &Choices::all(Side::Ours));
    assert!(
        report.written,
        "with every conflict chosen the merge is saved"
    );
    let file = open(&plan, "Kari");
    assert_eq!(file.integrity_check().unwrap(), Vec::<String>::new());
    let merged = file.load_plan().unwrap();
    let s1 = find(&merged, "s1").unwrap();
    assert_eq!(s1.note, "Kari: ta med nøkler", "our change of s1 is kept");
    assert_eq!(
        s1.break_minutes, 45,
        "their change of another field of s1 is taken"
    );
    assert_eq!(
        find(&merged, "s3").unwrap().start,
        t0().plus(2 * 24 * 3600 + 3600),
        "their move of s3 is taken"
    );
    assert!(find(&merged, "s5").is_some(), "our new shift is there");
    assert!(find(&merged, "s6").is_some(), "their new shift is there");
    assert!(find(&merged, "s2").is_none(), "our deletion stands");
    assert!(
        find(&merged, "s4").is_none(),
        "ours was chosen for s4: deleted"
    );
    assert_eq!(assistant(&merged, "B").unwrap().name, "Per Haugen");
    assert_eq!(assistant(&merged, "A").unwrap().phone, "111 11 111");
    let history = file.history(50).unwrap();
    assert_eq!(history[0].what, "merge with the copy");
    let merge_action = history[0].action;
    assert!(
        history
            .iter()
            .skip_while(|e| e.action == merge_action)
            .all(|e| e.what != "merge with the copy"),
        "the merge is one action"
    );
    file.close().unwrap();
    foreign_keys_hold(&plan);

    let again = merge(&plan, &copy, &Choices::default());
    assert!(
        !again.written && again.changes.is_empty() && again.conflicts.is_empty(),
        "merging the same copy again changes nothing and asks nothing: {again:?}"
    );

    let mut file = open(&plan, "Kari");
    assert_eq!(file.undo(t0().plus(7200)).unwrap(), "merge with the copy");
    let undone = file.load_plan().unwrap();
    assert!(
        find(&undone, "s6").is_none(),
        "one undo takes the whole merge back"
    );
    assert_eq!(find(&undone, "s1").unwrap().break_minutes, 30);
    assert_eq!(assistant(&undone, "B").unwrap().name, "Per");
    file.close().unwrap();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn taking_their_side_brings_back_what_was_deleted_here_and_their_value() {
    let dir = dir("theirs");
    let (plan, copy) = two_copies(&dir);
    edit_apart(&plan, &copy);
    let report = merge(&plan, &copy, &Choices::all(Side::Theirs));
    assert!(report.written);
    let file = open(&plan, "Kari");
    let merged = file.load_plan().unwrap();
    assert_eq!(assistant(&merged, "A").unwrap().phone, "222 22 222");
    let s4 = find(&merged, "s4").expect("their changed s4 is brought back");
    assert_eq!(s4.note, "Per: bytter med Ola");
    assert_eq!(find(&merged, "s1").unwrap().note, "Kari: ta med nøkler");
    file.close().unwrap();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_shift_naming_an_assistant_deleted_on_the_other_side_is_a_conflict_not_a_broken_file() {
    let dir = dir("used");
    let (plan, copy) = two_copies(&dir);
    let mut ours = open(&plan, "Kari");
    ours.delete_assistant(t0().plus(60), &AssistantId("C".into()))
        .unwrap();
    ours.close().unwrap();
    let mut theirs = open(&copy, "Per");
    theirs
        .add_shift(t0().plus(60), &shift("s7", Some("C"), 400))
        .unwrap();
    theirs.close().unwrap();

    let report = merge(&plan, &copy, &Choices::default());
    assert!(!report.written);
    let used = report
        .conflicts
        .iter()
        .find(|c| matches!(c.kind, ConflictKind::Used(_)))
        .expect("the deleted assistant used by their new shift is a conflict");
    assert_eq!(
        (used.entity, used.entity_id.as_str()),
        (Entity::Assistant, "C")
    );
    assert_eq!(used.deleted_side, Some(Side::Ours));
    assert_eq!(
        used.kind,
        ConflictKind::Used(vec![(Entity::Shift, "s7".into())])
    );

    let keep_deleted = dir.join("keep-deleted.turnus");
    std::fs::copy(&plan, &keep_deleted).unwrap();
    let report = merge(&keep_deleted, &copy, &Choices::all(Side::Ours));
    assert!(report.written);
    let merged = open(&keep_deleted, "Kari").load_plan().unwrap();
    assert!(assistant(&merged, "C").is_none(), "our deletion stands");
    assert!(
        find(&merged, "s7").is_none(),
        "so their shift for C is not taken"
    );
    foreign_keys_hold(&keep_deleted);

    let report = merge(&plan, &copy, &Choices::all(Side::Theirs));
    assert!(report.written);
    let merged = open(&plan, "Kari").load_plan().unwrap();
    assert!(assistant(&merged, "C").is_some(), "C is brought back");
    assert!(find(&merged, "s7").is_some(), "with their shift");
    foreign_keys_hold(&plan);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_copy_of_another_plan_is_refused_and_left_alone() {
    let dir = dir("other");
    let (plan, _) = two_copies(&dir);
    let other = dir.join("Other.turnus");
    PlanFile::create(&other, &OpenOptions::new("Per", t0()))
        .unwrap()
        .close()
        .unwrap();
    let before = open(&plan, "K").load_plan().unwrap();
    let mut ours = open(&plan, "Kari");
    let theirs = open(&other, "Per");
    let error = ours
        .merge(t0(), &theirs, &Choices::all(Side::Theirs), "merge")
        .expect_err("another plan is not merged");
    assert!(matches!(error, StoreError::OtherPlan(_)), "{error}");
    ours.close().unwrap();
    theirs.close().unwrap();
    assert!(
        open(&plan, "K").load_plan().unwrap() == before,
        "the plan is as it was"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_undo_on_one_side_of_a_shared_edit_is_never_lost_silently() {
    let dir = dir("undo");
    let (plan, copy) = two_copies(&dir);
    // Before the copies parted, s1 got a note; then the copy undid it.
    let mut ours = open(&plan, "Kari");
    let mut s1 = find(&ours.load_plan().unwrap(), "s1").unwrap().clone();
    s1.note = "felles".into();
    ours.update_shift(t0().plus(60), &s1).unwrap();
    ours.close().unwrap();
    std::fs::copy(&plan, &copy).unwrap();
    let mut theirs = open(&copy, "Per");
    theirs.undo(t0().plus(120)).unwrap();
    theirs.close().unwrap();

    let report = merge(&plan, &copy, &Choices::default());
    let note = report
        .conflicts
        .iter()
        .find(|c| c.id == "shift/s1/note")
        .expect("the undone note is shown as a conflict");
    assert_eq!(note.ours, Some(Value::from("felles")));
    assert_eq!(note.theirs, Some(Value::from("")));
    let report = merge(&plan, &copy, &Choices::all(Side::Theirs));
    assert!(report.written);
    assert_eq!(
        find(&open(&plan, "K").load_plan().unwrap(), "s1")
            .unwrap()
            .note,
        ""
    );
    let again = merge(&plan, &copy, &Choices::default());
    assert!(again.conflicts.is_empty() && !again.written, "{again:?}");
    let _ = std::fs::remove_dir_all(dir);
}

// ---------------------------------------------------------------------------------------
// A property: random edits on two copies; after the merge every change either side made is
// in the plan, or shown as a conflict.

#[derive(Clone, Debug)]
enum Op {
    AddShift(u8, u8),
    MoveShift(u8, u8),
    NoteShift(u8, u8),
    DeleteShift(u8),
    AddAssistant(u8),
    RenameAssistant(u8, u8),
    DeleteAssistant(u8),
    Undo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::AddShift(a, b)),
        3 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::MoveShift(a, b)),
        2 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::NoteShift(a, b)),
        2 => any::<u8>().prop_map(Op::DeleteShift),
        1 => any::<u8>().prop_map(Op::AddAssistant),
        2 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::RenameAssistant(a, b)),
        1 => any::<u8>().prop_map(Op::DeleteAssistant),
        1 => Just(Op::Undo),
    ]
}

fn run(path: &Path, side: &str, ops: &[Op]) {
    let mut file = open(path, side);
    for (i, op) in ops.iter().enumerate() {
        let at = t0().plus(600 + i as i64 * 60);
        let plan = file.load_plan().unwrap();
        let pick_shift = |n: u8| {
            (!plan.shifts.is_empty()).then(|| plan.shifts[n as usize % plan.shifts.len()].clone())
        };
        let pick_assistant = |n: u8| {
            (!plan.assistants.is_empty())
                .then(|| plan.assistants[n as usize % plan.assistants.len()].clone())
        };
        // Refused edits (deleting an assistant in use, nothing to undo) are part of the game.
        let _ = match op {
            Op::AddShift(a, h) => {
                let who = pick_assistant(*a).map(|a| a.id.0);
                file.add_shift(
                    at,
                    &shift(&format!("{side}{i}"), who.as_deref(), i64::from(*h)),
                )
                .map(|_| ())
            }
            Op::MoveShift(n, h) => match pick_shift(*n) {
                Some(mut s) => {
                    s.start = t0().plus(i64::from(*h) * 3600);
                    s.end = s.start.plus(6 * 3600);
                    file.update_shift(at, &s)
                }
                None => Ok(()),
            },
            Op::NoteShift(n, v) => match pick_shift(*n) {
                Some(mut s) => {
                    s.note = format!("{side} {v}");
                    file.update_shift(at, &s)
                }
                None => Ok(()),
            },
            Op::DeleteShift(n) => match pick_shift(*n) {
                Some(s) => file.delete_shift(at, &s.id),
                None => Ok(()),
            },
            Op::AddAssistant(n) => file
                .add_assistant(
                    at,
                    &Assistant::new(&format!("{side}a{i}"), &format!("N{n}")),
                )
                .map(|_| ()),
            Op::RenameAssistant(n, v) => match pick_assistant(*n) {
                Some(mut a) => {
                    a.name = format!("{side} {v}");
                    file.update_assistant(at, &a)
                }
                None => Ok(()),
            },
            Op::DeleteAssistant(n) => match pick_assistant(*n) {
                Some(a) => file.delete_assistant(at, &a.id),
                None => Ok(()),
            },
            Op::Undo => file.undo(at).map(|_| ()),
        };
    }
    file.close().unwrap();
}

/// Every entity of a plan as its fields (without the time stamps), by kind and id.
fn entities(plan: &Plan) -> BTreeMap<(char, String), BTreeMap<String, Value>> {
    let fields = |v: Value| -> BTreeMap<String, Value> {
        v.as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| !k.ends_with("_at"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let json = turnus::interchange::plan_to_value(plan);
    let mut out = BTreeMap::new();
    for (kind, list) in [('s', "shifts"), ('a', "assistants")] {
        for entity in json[list].as_array().into_iter().flatten() {
            let id = entity["id"].as_str().unwrap_or_default().to_string();
            out.insert((kind, id), fields(entity.clone()));
        }
    }
    out
}

/// Every change `side` made since `base` is in `merged`, or a conflict names the thing.
fn nothing_lost(
    base: &Plan,
    side: &Plan,
    merged: &Plan,
    report: &MergeReport,
    who: &str,
) -> Result<(), TestCaseError> {
    let (base, side, merged) = (entities(base), entities(side), entities(merged));
    let shown = |id: &str| {
        report.conflicts.iter().any(|c| {
            c.entity_id == id
                || matches!(&c.kind, ConflictKind::Used(users) if users.iter().any(|u| u.1 == id))
        })
    };
    let keys: std::collections::BTreeSet<_> = base.keys().chain(side.keys()).collect();
    for key in keys {
        let (b, s, m) = (base.get(key), side.get(key), merged.get(key));
        if b == s || shown(&key.1) {
            continue;
        }
        match (s, m) {
            (None, m) => prop_assert!(m.is_none(), "{who} deleted {key:?}, the merge kept it"),
            (Some(s), None) => prop_assert!(false, "{who}'s {key:?} {s:?} is lost"),
            (Some(s), Some(m)) => {
                for (field, value) in s {
                    let before = b.and_then(|b| b.get(field));
                    if before != Some(value) {
                        prop_assert_eq!(
                            m.get(field),
                            Some(value),
                            "{}'s change of {:?}.{} is lost",
                            who,
                            key,
                            field
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn no_edit_of_either_side_is_lost_without_being_shown_as_a_conflict(
        ours_ops in prop::collection::vec(op(), 0..14),
        theirs_ops in prop::collection::vec(op(), 0..14),
        take_theirs in any::<bool>(),
    ) {
        let dir = dir("prop");
        let (plan, copy) = two_copies(&dir);
        let base = open(&plan, "K").load_plan().unwrap();
        run(&plan, "o", &ours_ops);
        run(&copy, "t", &theirs_ops);
        let ours = open(&plan, "K").load_plan().unwrap();
        let theirs = open(&copy, "P").load_plan().unwrap();
        let side = if take_theirs { Side::Theirs } else { Side::Ours };
        let report = merge(&plan, &copy, &Choices::all(side));
        let file = open(&plan, "K");
        prop_assert_eq!(file.integrity_check().unwrap(), Vec::<String>::new());
        let merged = file.load_plan().unwrap();
        file.close().unwrap();
        foreign_keys_hold(&plan);
        turnus::interchange::validate(&merged).map_err(|e| TestCaseError::fail(e.to_string()))?;
        nothing_lost(&base, &ours, &merged, &report, "ours")?;
        nothing_lost(&base, &theirs, &merged, &report, "theirs")?;
        let again = merge(&plan, &copy, &Choices::default());
        prop_assert!(!again.written && again.conflicts.is_empty(), "{:?}", again);
        let after = open(&plan, "K").load_plan().unwrap();
        prop_assert_eq!(entities(&after), entities(&merged), "merging twice changes nothing");
        let _ = std::fs::remove_dir_all(dir);
    }
}

// ---------------------------------------------------------------------------------------
// SIGKILL during a merge: this test binary runs itself as the child.

const MERGE_CHILD: &str = "TURNUS_TEST_MERGE_CHILD";

/// The child: merges the copy beside the plan named in the environment, then says so.
#[test]
fn merge_child() {
    let Some(plan) = std::env::var_os(MERGE_CHILD) else {
        return;
    };
    let plan = PathBuf::from(plan);
    let copy = plan.with_file_name("copy.turnus");
    let options = OpenOptions {
        take_over: true,
        ..OpenOptions::new("child", t0())
    };
    let mut ours = PlanFile::open(&plan, &options).expect("the child opens");
    let theirs = PlanFile::open(
        &copy,
        &OpenOptions {
            read_only: true,
            ..OpenOptions::new("child", t0())
        },
    )
    .expect("the copy opens");
    println!("start");
    let started = std::time::Instant::now();
    let report = ours
        .merge(t0().plus(3600), &theirs, &Choices::all(Side::Ours), "merge")
        .expect("the merge runs");
    assert!(report.written);
    println!("merged in {} ms", started.elapsed().as_millis());
}

fn spawn_merge(plan: &Path) -> (std::process::Child, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", "merge_child", "--nocapture", "--test-threads=1"])
        .env(MERGE_CHILD, plan)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let out = BufReader::new(child.stdout.take().expect("stdout"));
    (child, out)
}

fn wait_for(out: &mut BufReader<std::process::ChildStdout>, word: &str) -> Option<String> {
    let mut line = String::new();
    loop {
        line.clear();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line.contains(word) {
            return Some(line.clone());
        }
    }
}

#[test]
fn a_merge_killed_half_way_leaves_the_plan_as_it_was_or_fully_merged() {
    let dir = dir("kill");
    let pristine = dir.join("pristine.turnus");
    let mut file = PlanFile::create(&pristine, &OpenOptions::new("Kari", t0())).unwrap();
    file.add_assistant(t0(), &Assistant::new("A", "Ola"))
        .unwrap();
    file.close().unwrap();
    let copy = dir.join("copy.turnus");
    std::fs::copy(&pristine, &copy).unwrap();
    let mut theirs = open(&copy, "Per");
    for i in 0..1500 {
        theirs
            .apply(
                t0().plus(i),
                "add shift",
                &[turnus::store::Edit::AddShift(shift(
                    &format!("t{i}"),
                    Some("A"),
                    i,
                ))],
            )
            .unwrap();
    }
    theirs.close().unwrap();
    let mut ours = open(&pristine, "Kari");
    ours.add_shift(t0(), &shift("o1", Some("A"), 5)).unwrap();
    ours.close().unwrap();

    let plan = dir.join("plan.turnus");
    std::fs::copy(&pristine, &plan).unwrap();
    let (mut child, mut out) = spawn_merge(&plan);
    let took = wait_for(&mut out, "merged in").expect("the merge finishes when left alone");
    let _ = child.wait();
    let ms: u64 = took
        .split_whitespace()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .expect("the time taken");

    let mut rng: u64 = 0x9e37_79b9_7f4a_7c15;
    let (mut untouched, mut merged) = (0, 0);
    for round in 0..12 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::fs::copy(&pristine, &plan).unwrap();
        let _ = std::fs::remove_file(dir.join("plan.turnus-journal"));
        let (mut child, mut out) = spawn_merge(&plan);
        wait_for(&mut out, "start").expect("the child starts merging");
        std::thread::sleep(Duration::from_millis(rng % (ms + ms / 4 + 1)));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let options = OpenOptions {
            take_over: true,
            ..OpenOptions::new("parent", t0())
        };
        let file = PlanFile::open(&plan, &options)
            .unwrap_or_else(|e| panic!("round {round}: the plan opens after the kill: {e}"));
        assert_eq!(file.integrity_check().unwrap(), Vec::<String>::new());
        let shifts = file.load_plan().unwrap().shifts.len();
        match shifts {
            1 => untouched += 1,
            1501 => merged += 1,
            n => panic!("round {round}: {n} shifts: a merge is saved whole or not at all"),
        }
        file.close().unwrap();
    }
    assert_eq!(untouched + merged, 12);
    let _ = std::fs::remove_dir_all(dir);
}
