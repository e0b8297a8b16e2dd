//! Two leaders, one plan, through the app's commands: a conflict copy beside the plan is
//! offered, previewed in words, merged as one undo step and kept among the backups; a plan
//! file replaced by a sync client while open is noticed, read again, and told by whom.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::json;

use super::commands::dispatch;
use super::*;
use crate::model::{ServiceType, Shift, ShiftId, ShiftStatus};
use crate::store::{Folders, OpenOptions, PlanFile};

fn t(text: &str) -> Instant {
    Instant::parse(text).expect("a valid local time in the test")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date")
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("turnus-merge-{name}-{}", crate::store::new_id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    TempDir(dir)
}

fn shift(id: &str, note: &str) -> Shift {
    let start = t("2026-06-02T08:00");
    Shift {
        id: ShiftId(id.into()),
        assistant: Some(crate::model::AssistantId("A".into())),
        start,
        end: start.plus(8 * 3600),
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

/// A plan with assistant Kari Nordmann (A) and shift s1, closed.
fn plan_file(path: &Path) {
    let mut file =
        PlanFile::create(path, &OpenOptions::new("Kari", t("2026-06-01T08:00"))).unwrap();
    file.add_assistant(
        t("2026-06-01T08:00"),
        &crate::model::Assistant::new("A", "Kari Nordmann"),
    )
    .unwrap();
    file.add_shift(t("2026-06-01T08:00"), &shift("s1", ""))
        .unwrap();
    file.close().unwrap();
}

fn edit(path: &Path, user: &str, take_over: bool, f: impl FnOnce(&mut PlanFile)) {
    let options = OpenOptions {
        take_over,
        ..OpenOptions::new(user, t("2026-06-01T10:00"))
    };
    let mut file = PlanFile::open(path, &options).unwrap();
    f(&mut file);
    file.close().unwrap();
}

fn secret() -> crate::store::Password {
    crate::store::Password::new("Fjellbekk-Sommer-1987".into())
}

/// [`plan_file`], protected by [`secret`].
fn encrypted_plan_file(path: &Path) {
    plan_file(path);
    let mut file = PlanFile::open(path, &OpenOptions::new("Kari", t("2026-06-01T09:00"))).unwrap();
    file.set_password(&secret(), t("2026-06-01T09:00")).unwrap();
    file.close().unwrap();
}

fn window() -> serde_json::Value {
    json!({ "from": "2026-06-01", "to": "2026-06-07" })
}

#[test]
fn a_conflict_copy_is_offered_previewed_merged_as_one_undo_step_and_kept_among_the_backups() {
    let dir = temp_dir("copy");
    let plan = dir.0.join("Turnus.turnus");
    plan_file(&plan);
    let copy = dir
        .0
        .join("Turnus (Per's conflicted copy 2026-06-02).turnus");
    std::fs::copy(&plan, &copy).unwrap();
    // A file with a conflict copy's name that is another plan is never offered.
    plan_file(&dir.0.join("Turnus (1).turnus"));
    edit(&plan, "Kari", false, |f| {
        f.update_shift(t("2026-06-01T10:00"), &shift("s1", "Kari sin"))
            .unwrap();
    });
    edit(&copy, "Per", false, |f| {
        f.update_shift(t("2026-06-01T10:05"), &shift("s1", "Per sin"))
            .unwrap();
        f.add_shift(t("2026-06-01T10:06"), &shift("s2", ""))
            .unwrap();
    });

    let mut app = App::new(Folders::under(&dir.0), "Kari");
    let now = t("2026-06-02T09:00");
    app.open_plan(now, today(), &plan.display().to_string(), false)
        .unwrap();
    let copies = dispatch(&mut app, now, today(), "conflict_copies", json!({})).unwrap();
    assert_eq!(
        copies.as_array().map(Vec::len),
        Some(1),
        "only the copy of this plan is offered: {copies}"
    );
    assert_eq!(copies[0]["path"], copy.display().to_string());
    assert_eq!(copies[0]["by"], "Per");

    let other = copy.display().to_string();
    let preview = dispatch(
        &mut app,
        now,
        today(),
        "merge_preview",
        json!({ "other": other }),
    )
    .unwrap();
    assert_eq!(
        preview["auto"],
        json!(["Ny vakt for Kari Nordmann 02.06.2026 08:00–16:00."]),
        "the new shift is taken on its own: {preview}"
    );
    let conflict = &preview["conflicts"][0];
    assert_eq!(conflict["id"], "shift/s1/note");
    assert_eq!(
        conflict["label"],
        "Vakten til Kari Nordmann 02.06.2026 08:00–16:00: merknad"
    );
    assert_eq!(
        (conflict["ours"].as_str(), conflict["theirs"].as_str()),
        (Some("Kari sin"), Some("Per sin"))
    );

    let refused = dispatch(
        &mut app,
        now,
        today(),
        "merge_copy",
        json!({ "window": window(), "other": other, "choices": [] }),
    )
    .expect_err("a conflict without a choice");
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(refused.details["field"], "choices");
    assert!(copy.exists(), "a refused merge leaves the copy where it is");

    let done = dispatch(
        &mut app,
        now,
        today(),
        "merge_copy",
        json!({ "window": window(), "other": other,
                "choices": [{ "conflict": "shift/s1/note", "take": "theirs" }] }),
    )
    .unwrap();
    let notes: Vec<&str> = done["view"]["shifts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["note"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(notes.len(), 2, "their new shift is in the plan");
    assert!(
        notes.contains(&"Per sin"),
        "their side was chosen: {notes:?}"
    );
    let kept = PathBuf::from(done["kept_copy"].as_str().unwrap());
    assert!(
        kept.exists() && !copy.exists(),
        "the copy is moved, not deleted"
    );
    assert!(
        kept.starts_with(dir.0.join("data")),
        "among the backups: {}",
        kept.display()
    );
    assert!(done["message"]
        .as_str()
        .unwrap()
        .contains(&kept.display().to_string()));
    assert_eq!(
        done["view"]["history"]["next_undo"],
        "Slå sammen med Turnus (Per's conflicted copy 2026-06-02).turnus"
    );
    let copies = dispatch(&mut app, now, today(), "conflict_copies", json!({})).unwrap();
    assert_eq!(copies, json!([]), "a merged copy is not offered again");

    let undone = dispatch(
        &mut app,
        now,
        today(),
        "undo",
        json!({ "window": window() }),
    )
    .unwrap();
    assert_eq!(
        undone["shifts"].as_array().map(Vec::len),
        Some(1),
        "one undo takes the merge back"
    );
}

#[test]
fn a_plan_file_replaced_by_a_sync_client_is_noticed_read_again_and_told_by_whom() {
    let dir = temp_dir("disk");
    let plan = dir.0.join("Turnus.turnus");
    plan_file(&plan);
    let mut app = App::new(Folders::under(&dir.0), "Kari");
    let now = t("2026-06-02T09:00");
    app.open_plan(now, today(), &plan.display().to_string(), false)
        .unwrap();
    let nothing = dispatch(&mut app, now, today(), "check_disk", json!({})).unwrap();
    assert_eq!(nothing, json!(null), "nothing changed yet");
    app.heartbeat(now).unwrap();
    assert_eq!(
        app.check_disk(now).unwrap(),
        None,
        "our own heartbeat is no change by another program"
    );

    // The other computer's version arrives: written beside the plan and renamed over it, as
    // sync clients do.
    let incoming = dir.0.join(".Turnus.turnus.sync-tmp");
    std::fs::copy(&plan, &incoming).unwrap();
    edit(&incoming, "Per", true, |f| {
        f.add_shift(t("2026-06-02T09:30"), &shift("s2", "fra Per"))
            .unwrap();
    });
    std::fs::rename(&incoming, &plan).unwrap();

    let change = dispatch(&mut app, now, today(), "check_disk", json!({})).unwrap();
    assert_eq!(change["by"], "Per");
    assert_eq!(
        change["what"],
        json!(["Ny vakt for Kari Nordmann 02.06.2026 08:00–16:00."])
    );
    assert!(change["message"]
        .as_str()
        .unwrap()
        .starts_with("Per endret planen: Ny vakt"));
    let view = dispatch(
        &mut app,
        now,
        today(),
        "plan_view",
        json!({ "window": window() }),
    )
    .unwrap();
    assert_eq!(
        view["shifts"].as_array().map(Vec::len),
        Some(2),
        "the view shows the new file"
    );
    assert_eq!(
        view["file"]["read_only"], false,
        "and the plan can still be edited"
    );
    let edited = dispatch(
        &mut app,
        now,
        today(),
        "delete_shift",
        json!({ "window": window(), "id": "s2" }),
    );
    assert!(edited.is_ok(), "edits go to the new file: {edited:?}");
    let file = PlanFile::open(
        &plan,
        &OpenOptions {
            read_only: true,
            ..OpenOptions::new("reader", now)
        },
    )
    .unwrap();
    assert_eq!(
        file.load_plan().unwrap().shifts.len(),
        1,
        "the edit is in the file on disk"
    );
    assert_eq!(
        app.check_disk(now).unwrap(),
        None,
        "our own edit is no change by another program"
    );
}

#[test]
fn the_conflict_copy_of_a_plan_with_a_password_is_offered_and_merged_with_it() {
    let dir = temp_dir("encrypted-copy");
    let plan = dir.0.join("Turnus.turnus");
    encrypted_plan_file(&plan);
    let options = |user: &str| OpenOptions {
        password: Some(secret()),
        ..OpenOptions::new(user, t("2026-06-01T10:00"))
    };
    let copy = dir
        .0
        .join("Turnus (Per's conflicted copy 2026-06-02).turnus");
    std::fs::copy(&plan, &copy).unwrap();
    let mut theirs = PlanFile::open(&copy, &options("Per")).unwrap();
    theirs
        .add_shift(t("2026-06-01T10:06"), &shift("s2", "Per sin"))
        .unwrap();
    theirs.close().unwrap();

    let mut app = App::new(Folders::under(&dir.0), "Kari");
    let now = t("2026-06-02T09:00");
    app.open_plan_with_password(now, today(), &plan.display().to_string(), secret(), false)
        .unwrap();
    let copies = dispatch(&mut app, now, today(), "conflict_copies", json!({})).unwrap();
    assert_eq!(copies.as_array().map(Vec::len), Some(1), "{copies}");
    let other = copy.display().to_string();
    dispatch(
        &mut app,
        now,
        today(),
        "merge_copy",
        json!({ "window": window(), "other": other, "choices": [] }),
    )
    .unwrap();
    let view = dispatch(
        &mut app,
        now,
        today(),
        "plan_view",
        json!({ "window": window() }),
    )
    .unwrap();
    let notes: Vec<&str> = view["shifts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["note"].as_str())
        .collect();
    assert!(
        notes.contains(&"Per sin"),
        "Per's shift is merged: {notes:?}"
    );
    assert!(
        crate::store::is_encrypted(&plan),
        "the plan keeps its password"
    );
}

#[test]
fn a_plan_with_a_password_replaced_by_a_sync_client_is_read_again_with_it() {
    let dir = temp_dir("disk-encrypted");
    let plan = dir.0.join("Turnus.turnus");
    encrypted_plan_file(&plan);
    let mut app = App::new(Folders::under(&dir.0), "Kari");
    let now = t("2026-06-02T09:00");
    app.open_plan_with_password(now, today(), &plan.display().to_string(), secret(), false)
        .unwrap();

    let incoming = dir.0.join(".Turnus.turnus.sync-tmp");
    std::fs::copy(&plan, &incoming).unwrap();
    let options = OpenOptions {
        password: Some(secret()),
        take_over: true,
        ..OpenOptions::new("Per", t("2026-06-01T10:00"))
    };
    let mut theirs = PlanFile::open(&incoming, &options).unwrap();
    theirs
        .add_shift(t("2026-06-02T09:30"), &shift("s2", "fra Per"))
        .unwrap();
    theirs.close().unwrap();
    std::fs::rename(&incoming, &plan).unwrap();

    let change = dispatch(&mut app, now, today(), "check_disk", json!({})).unwrap();
    assert_eq!(change["by"], "Per", "{change}");
    let view = dispatch(
        &mut app,
        now,
        today(),
        "plan_view",
        json!({ "window": window() }),
    )
    .unwrap();
    assert_eq!(view["shifts"].as_array().map(Vec::len), Some(2));
    assert_eq!(view["file"]["has_password"], true);
    let edited = dispatch(
        &mut app,
        now,
        today(),
        "delete_shift",
        json!({ "window": window(), "id": "s2" }),
    );
    assert!(edited.is_ok(), "edits go to the new file: {edited:?}");

    // Per gives the plan a new password on his computer, and the sync brings that file: this
    // copy cannot follow it, and says so once.
    let incoming = dir.0.join(".Turnus.turnus.sync-tmp");
    std::fs::copy(&plan, &incoming).unwrap();
    let mut theirs = PlanFile::open(&incoming, &options).unwrap();
    theirs
        .change_password(
            &secret(),
            &crate::store::Password::new("Havørn og måke 2026".into()),
            t("2026-06-02T09:40"),
        )
        .unwrap();
    theirs.close().unwrap();
    std::fs::rename(&incoming, &plan).unwrap();
    let change = dispatch(&mut app, now, today(), "check_disk", json!({})).unwrap();
    assert!(
        change["message"]
            .as_str()
            .unwrap()
            .starts_with("Planfilen er byttet ut med en som har et annet passord"),
        "{change}"
    );
    assert_eq!(
        dispatch(&mut app, now, today(), "check_disk", json!({})).unwrap(),
        json!(null),
        "told once, not every two seconds"
    );
}

#[test]
fn a_plan_with_a_password_held_by_another_is_taken_over_without_asking_again() {
    let dir = temp_dir("take-over-encrypted");
    let plan = dir.0.join("Turnus.turnus");
    encrypted_plan_file(&plan);
    let now = t("2026-06-02T09:00");
    // Per has it open on his computer, his heartbeat fresh.
    let held = PlanFile::open(
        &plan,
        &OpenOptions {
            password: Some(secret()),
            ..OpenOptions::new("Per", now)
        },
    )
    .unwrap();

    let mut app = App::new(Folders::under(&dir.0), "Kari");
    let view = app
        .open_plan_with_password(now, today(), &plan.display().to_string(), secret(), false)
        .unwrap();
    assert!(view.file.read_only, "Per holds it");
    let view = app
        .open_plan(now, today(), &plan.display().to_string(), true)
        .expect("taking over needs no second typing of the password");
    assert!(!view.file.read_only);
    assert!(view.file.has_password);
    drop(held);
}
