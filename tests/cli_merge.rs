//! `turnus merge PLAN OTHER [--take ours|theirs]` on real files: a merge without conflicts is
//! saved (exit 0), conflicts are listed one per line and nothing is written (exit 1) unless
//! `--take` chooses a side, and what is not a copy of the plan is an input error (exit 2)
//! naming the file, the plan untouched.

mod support;

use std::path::{Path, PathBuf};

use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS};
use turnus::model::{Assistant, ServiceType, Shift, ShiftId, ShiftStatus};
use turnus::store::{OpenOptions, PlanFile};
use turnus::time::Instant;

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-merge", &[], args)
}

fn t0() -> Instant {
    Instant::parse("2026-06-01T09:00").expect("a valid time")
}

fn shift(id: &str, note: &str) -> Shift {
    Shift {
        id: ShiftId(id.into()),
        assistant: Some(turnus::model::AssistantId("A".into())),
        start: t0(),
        end: t0().plus(8 * 3600),
        break_minutes: 30,
        passive_minutes: 0,
        long_shift: false,
        service: ServiceType::PersonligAssistanse,
        status: ShiftStatus::Planned,
        note: note.into(),
        shift_type: None,
        created_at: None,
        updated_at: None,
        actual: None,
        not_worked_reason: None,
        unplanned: false,
        personlig_stell: false,
    }
}

fn open(path: &Path, user: &str) -> PlanFile {
    PlanFile::open(path, &OpenOptions::new(user, t0())).expect("the plan opens")
}

/// A plan with assistant A and shift s1, and a Dropbox conflict copy of it.
fn copies(name: &str) -> (PathBuf, PathBuf) {
    let dir = support::temp_dir("turnus-cli-merge-files", name);
    let plan = dir.join("Plan.turnus");
    let mut file = PlanFile::create(&plan, &OpenOptions::new("Kari", t0())).unwrap();
    file.add_assistant(t0(), &Assistant::new("A", "Ola"))
        .unwrap();
    file.add_shift(t0(), &shift("s1", "")).unwrap();
    file.close().unwrap();
    let copy = dir.join("Plan (Per's conflicted copy 2026-06-02).turnus");
    std::fs::copy(&plan, &copy).unwrap();
    (plan, copy)
}

fn note(path: &Path, id: &str, text: &str) {
    let mut file = open(path, "someone");
    let mut s = file
        .load_plan()
        .unwrap()
        .shifts
        .into_iter()
        .find(|s| s.id.0 == id)
        .unwrap();
    s.note = text.into();
    file.update_shift(t0().plus(60), &s).unwrap();
    file.close().unwrap();
}

fn notes(path: &Path) -> Vec<(String, String)> {
    let file = open(path, "reader");
    let mut out: Vec<(String, String)> = file
        .load_plan()
        .unwrap()
        .shifts
        .into_iter()
        .map(|s| (s.id.0, s.note))
        .collect();
    file.close().unwrap();
    out.sort();
    out
}

fn s(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn a_copy_without_conflicts_is_merged_and_merging_it_again_changes_nothing() {
    let (plan, copy) = copies("clean");
    let mut theirs = open(&copy, "Per");
    theirs.add_shift(t0(), &shift("s2", "fra Per")).unwrap();
    theirs.close().unwrap();
    note(&plan, "s1", "fra Kari");
    let merged = turnus(&["merge", &s(&plan), &s(&copy)]);
    assert_eq!(merged.code, EXIT_OK, "{}{}", merged.out, merged.err);
    assert!(merged.out.contains("1 endring tatt inn"), "{}", merged.out);
    assert_eq!(
        notes(&plan),
        vec![
            ("s1".into(), "fra Kari".into()),
            ("s2".into(), "fra Per".into())
        ],
        "both sides' edits are in the plan"
    );
    assert!(copy.exists(), "the other copy is only read");
    let before = std::fs::read(&plan).unwrap();
    let again = turnus(&["merge", &s(&plan), &s(&copy)]);
    assert_eq!(again.code, EXIT_OK);
    assert!(again.out.contains("ingen endringer"), "{}", again.out);
    assert!(
        std::fs::read(&plan).unwrap() == before,
        "merging twice leaves the file byte for byte as it was"
    );
}

#[test]
fn conflicts_are_listed_one_per_line_and_nothing_is_written_until_a_side_is_taken() {
    let (plan, copy) = copies("conflict");
    note(&plan, "s1", "Kari sin");
    note(&copy, "s1", "Per sin");
    let before = std::fs::read(&plan).unwrap();
    let refused = turnus(&["merge", &s(&plan), &s(&copy)]);
    assert_eq!(
        refused.code, EXIT_VIOLATIONS,
        "{}{}",
        refused.out, refused.err
    );
    let lines: Vec<&str> = refused
        .out
        .lines()
        .filter(|l| l.starts_with("konflikt "))
        .collect();
    assert_eq!(
        lines,
        vec!["konflikt shift/s1/note: shift «s1»: note endret på begge sider: planen «Kari sin», kopien «Per sin»"],
        "{}",
        refused.out
    );
    assert!(
        std::fs::read(&plan).unwrap() == before,
        "with conflicts left the plan is byte for byte as it was"
    );

    let theirs = turnus(&["merge", &s(&plan), &s(&copy), "--take", "theirs"]);
    assert_eq!(theirs.code, EXIT_OK, "{}{}", theirs.out, theirs.err);
    assert!(
        theirs.out.contains("1 konflikt løst med kopiens side"),
        "{}",
        theirs.out
    );
    assert_eq!(notes(&plan), vec![("s1".into(), "Per sin".into())]);
}

#[test]
fn what_is_not_a_copy_of_the_plan_is_an_input_error_naming_the_file() {
    let (plan, copy) = copies("refused");
    let dir = plan.parent().unwrap();
    let other = dir.join("Other.turnus");
    PlanFile::create(&other, &OpenOptions::new("Per", t0()))
        .unwrap()
        .close()
        .unwrap();
    let text = dir.join("notes.turnus");
    std::fs::write(&text, "not a plan").unwrap();
    let before = std::fs::read(&plan).unwrap();
    for (bad, says) in [
        (other.clone(), "is not a copy of this plan"),
        (text.clone(), "notes.turnus"),
        (dir.join("missing.turnus"), "missing.turnus"),
    ] {
        let refused = turnus(&["merge", &s(&plan), &s(&bad)]);
        assert_eq!(refused.code, EXIT_INPUT, "{}", bad.display());
        assert_eq!(refused.err.lines().count(), 1, "one line: {}", refused.err);
        assert!(refused.err.contains(says), "{}", refused.err);
    }
    assert!(
        std::fs::read(&plan).unwrap() == before,
        "the plan is untouched"
    );
    let wrong = turnus(&["merge", &s(&plan), &s(&copy), "--take", "mine"]);
    assert_eq!(wrong.code, EXIT_INPUT);
}
