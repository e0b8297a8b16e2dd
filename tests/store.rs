//! The plan file as users meet it: schema and upgrades, edits with undo and redo, refusing
//! files that are not plans without touching them, read-only files, and loading views.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use turnus::model::{
    Absence, AbsenceId, AbsenceKind, Assistant, AssistantId, DayChange, Preset, Profile, Rotation,
    RotationId, ServiceType, Settings, Shift, ShiftId, ShiftStatus, ShiftType, Slot, Vedtak,
};
use turnus::store::migrations::{create_at_version, APPLICATION_ID, SCHEMA_VERSION};
use turnus::store::{Access, Edit, LogState, OpenOptions, PlanFile, ReadOnlyReason, StoreError};
use turnus::time::Instant;

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("a valid test time")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("turnus-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn options(user: &str) -> OpenOptions {
    OpenOptions::new(user, t("2026-06-01T09:00"))
}

fn shift(id: &str, assistant: &str, start: &str, end: &str) -> Shift {
    Shift {
        id: ShiftId(id.into()),
        assistant: Some(AssistantId(assistant.into())),
        start: t(start),
        end: t(end),
        break_minutes: 30,
        passive_minutes: 0,
        long_shift: false,
        service: ServiceType::PersonligAssistanse,
        status: ShiftStatus::Planned,
        note: String::new(),
        shift_type: None,
        created_at: None,
        updated_at: None,
    }
}

fn schema(path: &Path) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(path).expect("the file opens in SQLite");
    let mut stmt = conn
        .prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
        .expect("sqlite_master is readable");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(|rows| rows.collect())
        .expect("sqlite_master rows")
}

fn pragma(path: &Path, name: &str) -> String {
    let conn = rusqlite::Connection::open(path).expect("the file opens in SQLite");
    conn.query_row(&format!("PRAGMA {name}"), [], |r| {
        r.get::<_, rusqlite::types::Value>(0)
    })
    .map(|v| format!("{v:?}"))
    .expect("the pragma answers")
}

#[test]
fn new_plan_file_is_marked_as_turnus_with_a_rollback_journal() {
    let dir = temp_dir("new");
    let path = dir.join("plan.turnus");
    drop(PlanFile::create(&path, &options("Kari")).expect("a new plan file"));
    assert_eq!(
        pragma(&path, "application_id"),
        format!("Integer({})", APPLICATION_ID),
        "application_id marks the file as a Turnus plan"
    );
    assert_eq!(
        pragma(&path, "user_version"),
        format!("Integer({SCHEMA_VERSION})")
    );
    assert_eq!(
        pragma(&path, "journal_mode"),
        "Text(\"delete\")",
        "plan files never use WAL: side files break in synced folders"
    );
    assert!(!dir.join("plan.turnus-wal").exists());
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = temp_dir("exists");
    let path = dir.join("plan.turnus");
    std::fs::write(&path, "my notes").unwrap();
    assert!(matches!(
        PlanFile::create(&path, &options("Kari")),
        Err(StoreError::Exists(_))
    ));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"my notes",
        "the file must survive"
    );
}

// At least two migrations make the upgrade test meaningful.
const _: () = assert!(SCHEMA_VERSION >= 2);

#[test]
fn every_earlier_schema_version_upgrades_to_the_schema_of_a_new_file() {
    let dir = temp_dir("upgrade");
    let fresh = dir.join("fresh.turnus");
    drop(PlanFile::create(&fresh, &options("Kari")).unwrap());
    let expected = schema(&fresh);
    for version in 1..SCHEMA_VERSION {
        let old = dir.join(format!("v{version}.turnus"));
        create_at_version(&old, version).unwrap();
        assert_eq!(pragma(&old, "user_version"), format!("Integer({version})"));
        rusqlite::Connection::open(&old)
            .unwrap()
            .execute_batch(
                "INSERT INTO assistants (id, pos, name) VALUES ('A', 0, 'Kari');
                 INSERT INTO shift_types (code, pos, name, start_time, end_time, service)
                     VALUES ('D', 0, 'Dag', '08:00', '16:00', 'personlig_assistanse');
                 INSERT INTO rotations (id, pos, name, weeks, start_date)
                     VALUES ('r', 0, 'Grunnturnus', 1, '2026-06-01');
                 INSERT INTO rotation_slots (rotation_id, pos, week, weekday, shift_type,
                                             assistant_id, skip_red_days)
                     VALUES ('r', 0, 1, 'mon', 'D', 'A', 0);
                 INSERT INTO rotation_changes (rotation_id, pos, kind, day, slot, assistant_id)
                     VALUES ('r', 0, 'reassigned', '2026-06-08', 0, NULL);",
            )
            .unwrap();
        let plan = PlanFile::open(&old, &options("Kari")).expect("an older plan opens");
        assert_eq!(plan.access(), &Access::ReadWrite);
        let loaded = plan.load_plan().unwrap();
        assert_eq!(
            loaded.assistants[0].name, "Kari",
            "upgrading keeps what the older version wrote"
        );
        assert_eq!(
            loaded.rotations[0].changes,
            vec![turnus::model::DayChange::Reassigned {
                slot: 0,
                date: chrono::NaiveDate::from_ymd_opt(2026, 6, 8).unwrap(),
                assistant: None,
            }],
            "a rotation's day changes survive the upgrade of version {version}"
        );
        drop(plan);
        assert_eq!(
            schema(&old),
            expected,
            "a file of version {version} must end up with exactly the schema of a new file"
        );
        assert_eq!(
            pragma(&old, "user_version"),
            format!("Integer({SCHEMA_VERSION})")
        );
    }
}

#[test]
fn an_edit_is_saved_with_its_change_log_entry() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    plan.add_shift(
        at,
        &shift("s1", "A", "2026-06-08T08:00", "2026-06-08T16:00"),
    )
    .unwrap();
    let loaded = plan.load_plan().unwrap();
    assert_eq!(loaded.shifts.len(), 1);
    assert_eq!(
        loaded.shifts[0].created_at,
        Some(at),
        "the store stamps a new shift with the time of the edit (14-day notice)"
    );
    let history = plan.history(10).unwrap();
    assert_eq!(history.len(), 2);
    let entry = &history[0];
    assert_eq!(
        (entry.what.as_str(), entry.entity.as_str()),
        ("add shift", "shift")
    );
    assert_eq!((entry.by.as_str(), entry.at), ("Kari", at));
    assert!(
        entry.before.is_none(),
        "an added shift did not exist before"
    );
    let after = entry.after.as_ref().expect("the new row is logged");
    assert_eq!(after["row"]["start_at"], t("2026-06-08T08:00").unix());
    let mut changed = loaded.shifts[0].clone();
    changed.note = "bytte".into();
    plan.update_shift(t("2026-06-01T11:00"), &changed).unwrap();
    let entry = &plan.history(1).unwrap()[0];
    let (before, after) = (
        entry.before.as_ref().unwrap(),
        entry.after.as_ref().unwrap(),
    );
    assert_eq!(
        (&before["row"]["note"], &after["row"]["note"]),
        (&"".into(), &"bytte".into())
    );
    assert!(
        after["row"].get("start_at").is_none(),
        "an update logs only what changed, which keeps five years of history small: {after}"
    );
}

#[test]
fn undo_and_redo_walk_the_change_log_both_ways() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    let mut s = shift("s1", "A", "2026-06-08T08:00", "2026-06-08T16:00");
    plan.add_shift(at, &s).unwrap();
    s.note = "bytte med Per".into();
    s.end = t("2026-06-08T18:00");
    plan.update_shift(t("2026-06-02T10:00"), &s).unwrap();
    plan.delete_shift(t("2026-06-03T10:00"), &s.id).unwrap();
    assert!(plan.load_plan().unwrap().shifts.is_empty());

    assert_eq!(plan.undo(at).unwrap(), "delete shift");
    let back = plan.load_plan().unwrap().shifts;
    assert_eq!(back.len(), 1, "undoing a delete brings the shift back");
    assert_eq!(back[0].note, "bytte med Per");
    assert_eq!(plan.undo(at).unwrap(), "update shift");
    assert_eq!(
        plan.load_plan().unwrap().shifts[0].end,
        t("2026-06-08T16:00")
    );
    assert_eq!(plan.redo(at).unwrap(), "update shift");
    assert_eq!(
        plan.load_plan().unwrap().shifts[0].end,
        t("2026-06-08T18:00")
    );
    // A new edit after an undo drops what could have been redone.
    plan.undo(at).unwrap();
    plan.update_settings(
        at,
        &Settings {
            name: "Hjemme".into(),
            ..Settings::default()
        },
    )
    .unwrap();
    assert!(matches!(plan.redo(at), Err(StoreError::NothingToRedo)));
    let states: Vec<LogState> = plan.history(10).unwrap().iter().map(|e| e.state).collect();
    assert!(states.contains(&LogState::Dropped));
}

#[test]
fn undo_reaches_back_one_hundred_actions_and_no_further() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    for i in 0..105 {
        plan.add_assistant(at, &Assistant::new(&format!("A{i}"), "Ola"))
            .unwrap();
    }
    for _ in 0..100 {
        plan.undo(at).expect("the last 100 edits can be undone");
    }
    assert!(matches!(plan.undo(at), Err(StoreError::UndoLimit(100))));
    assert_eq!(plan.load_plan().unwrap().assistants.len(), 5);
}

#[test]
fn undo_still_works_after_closing_and_reopening_the_file() {
    let dir = temp_dir("undo-reopen");
    let path = dir.join("plan.turnus");
    let at = t("2026-06-01T10:00");
    {
        let mut plan = PlanFile::create(&path, &options("Kari")).unwrap();
        plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
        plan.add_assistant(at, &Assistant::new("B", "Per")).unwrap();
        plan.close().unwrap();
    }
    let mut plan = PlanFile::open(&path, &options("Kari")).unwrap();
    assert_eq!(plan.undo(at).unwrap(), "add assistant");
    drop(plan);
    let mut plan = PlanFile::open(&path, &options("Kari")).unwrap();
    let ids: Vec<String> = plan
        .load_plan()
        .unwrap()
        .assistants
        .iter()
        .map(|a| a.id.0.clone())
        .collect();
    assert_eq!(ids, vec!["A"]);
    plan.redo(at).expect("redo survives reopening too");
    assert_eq!(plan.load_plan().unwrap().assistants.len(), 2);
}

#[test]
fn a_batch_is_one_undo_step_and_fails_as_a_whole() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    let week: Vec<Edit> = (8..13)
        .map(|d| {
            Edit::AddShift(shift(
                &format!("s{d}"),
                "A",
                &format!("2026-06-{d:02}T08:00"),
                &format!("2026-06-{d:02}T16:00"),
            ))
        })
        .collect();
    plan.apply(at, "apply rotation", &week).unwrap();
    assert_eq!(plan.load_plan().unwrap().shifts.len(), 5);
    let mut broken = week.clone();
    broken.push(Edit::AddShift(shift(
        "x",
        "NOBODY",
        "2026-06-20T08:00",
        "2026-06-20T09:00",
    )));
    broken[0] = Edit::AddShift(shift("fresh", "A", "2026-06-21T08:00", "2026-06-21T09:00"));
    let err = plan.apply(at, "paste", &broken).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Duplicate { .. } | StoreError::UnknownReference { .. }
        ),
        "{err}"
    );
    assert_eq!(
        plan.load_plan().unwrap().shifts.len(),
        5,
        "a failed action leaves nothing of itself behind"
    );
    assert_eq!(plan.undo(at).unwrap(), "apply rotation");
    assert!(
        plan.load_plan().unwrap().shifts.is_empty(),
        "the whole batch is one undo step"
    );
}

#[test]
fn deleting_an_assistant_with_shifts_is_refused_with_a_reason() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    plan.add_shift(
        at,
        &shift("s1", "A", "2026-06-08T08:00", "2026-06-08T16:00"),
    )
    .unwrap();
    let err = plan
        .delete_assistant(at, &AssistantId("A".into()))
        .unwrap_err();
    assert!(matches!(err, StoreError::StillUsed { .. }), "{err}");
    assert!(err.to_string().contains("«A»"), "{err}");
    let err = plan
        .add_shift(
            at,
            &shift("s2", "Z", "2026-06-09T08:00", "2026-06-09T16:00"),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::UnknownReference { .. }), "{err}");
}

#[test]
fn every_entity_kind_can_be_edited_and_undone() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    let mut kari = Assistant::new("A", "Kari");
    kari.profile = Some(Profile::preset(Preset::Tariff));
    kari.birth_year = Some(1966);
    kari.family_approval = NaiveDate::from_ymd_opt(2026, 1, 5);
    plan.add_assistant(at, &kari).unwrap();
    let day = ShiftType {
        code: "D".into(),
        name: "Dagvakt".into(),
        start: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        end: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        break_minutes: 30,
        passive_minutes: 0,
        service: ServiceType::PersonligAssistanse,
        colour: "#336699".into(),
        long_shift: false,
    };
    plan.add_shift_type(at, &day).unwrap();
    let vedtak = Vedtak {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: None,
        annual_frame: true,
        hours_per_week: [(ServiceType::PersonligAssistanse, 37.5)]
            .into_iter()
            .collect(),
        double_staffing: false,
        night: turnus::model::NightHelp::Included,
        passive_factor: 1.0,
    };
    let vid = plan.add_vedtak(at, &vedtak).unwrap();
    let mut changed = vedtak.clone();
    changed
        .hours_per_week
        .insert(ServiceType::Stottekontakt, 4.0);
    plan.update_vedtak(at, &vid, &changed).unwrap();
    plan.add_absence(
        at,
        &Absence {
            id: AbsenceId("f1".into()),
            assistant: AssistantId("A".into()),
            kind: AbsenceKind::Ferie,
            sick_note: None,
            from: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 7, 21).unwrap(),
            from_time: None,
            to_time: None,
            hours: None,
            note: "sommerferie".into(),
        },
    )
    .unwrap();
    let rotation = Rotation {
        id: RotationId("r1".into()),
        name: "Grunnturnus".into(),
        weeks: 2,
        start: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        until: None,
        slots: vec![Slot {
            week: 1,
            weekday: chrono::Weekday::Mon,
            shift_type: "D".into(),
            assistant: Some(AssistantId("A".into())),
            skip_red_days: true,
        }],
        changes: vec![DayChange::Cancelled {
            slot: 0,
            date: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        }],
    };
    plan.add_rotation(at, &rotation).unwrap();
    let elsewhere = turnus::model::BusyTime {
        id: "uid-1@kommune".into(),
        assistant: AssistantId("A".into()),
        start: t("2026-06-02T08:00"),
        end: t("2026-06-02T12:00"),
        source: "jobb.ics".into(),
        summary: "Kveldsvakt".into(),
    };
    plan.add_busy(at, &elsewhere).unwrap();
    let mut tariff = Profile::preset(Preset::Aml);
    tariff.preset = Preset::AmlIndividual;
    plan.set_profile(at, &tariff).unwrap();
    let before_undo = plan.load_plan().unwrap();
    assert_eq!(before_undo.assistants[0], kari);
    assert_eq!(before_undo.shift_types[0], day);
    assert_eq!(before_undo.vedtak[0], changed);
    assert_eq!(before_undo.rotations[0], rotation);
    assert_eq!(before_undo.profile, tariff);
    assert_eq!(before_undo.busy, vec![elsewhere]);
    let err = plan.delete_shift_type(at, "D").unwrap_err();
    assert!(
        matches!(err, StoreError::StillUsed { .. }),
        "a rotation uses D: {err}"
    );
    plan.delete_rotation(at, &rotation.id).unwrap();
    plan.undo(at).unwrap();
    assert_eq!(
        plan.load_plan().unwrap().rotations[0],
        rotation,
        "undoing a rotation's deletion brings back its slots and changes"
    );
    for _ in 0..8 {
        plan.undo(at).unwrap();
    }
    let empty = plan.load_plan().unwrap();
    assert!(empty.assistants.is_empty() && empty.vedtak.is_empty() && empty.rotations.is_empty());
    assert!(empty.busy.is_empty());
    assert_eq!(empty.profile, Profile::default());
}

#[test]
fn a_view_loads_only_the_shifts_overlapping_its_weeks() {
    let mut plan = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    plan.add_shift(
        at,
        &shift("before", "A", "2026-05-31T08:00", "2026-05-31T16:00"),
    )
    .unwrap();
    plan.add_shift(
        at,
        &shift("night", "A", "2026-05-31T22:00", "2026-06-01T08:00"),
    )
    .unwrap();
    plan.add_shift(
        at,
        &shift("inside", "A", "2026-06-10T08:00", "2026-06-10T16:00"),
    )
    .unwrap();
    plan.add_shift(
        at,
        &shift("after", "A", "2026-06-29T08:00", "2026-06-29T16:00"),
    )
    .unwrap();
    let view = plan
        .load_window(t("2026-06-01T00:00"), t("2026-06-29T00:00"))
        .unwrap();
    let ids: Vec<&str> = view.shifts.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["night", "inside"],
        "a night into the first day belongs to the view"
    );
    assert_eq!(view.assistants.len(), 1);
}

fn assert_refused_untouched(path: &Path, check: impl Fn(&StoreError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let err = match PlanFile::open(path, &options("Kari")) {
        Err(e) => e,
        Ok(_) => panic!("{} must be refused", path.display()),
    };
    assert!(check(&err), "unexpected error: {err}");
    let text = err.to_string();
    assert!(
        text.starts_with("cannot open"),
        "the message names what failed: {text}"
    );
    assert!(!text.ends_with('.'), "{text}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "a refused file is left byte for byte"
    );
    assert!(!PathBuf::from(format!("{}-journal", path.display())).exists());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = temp_dir("not-sqlite");
    let path = dir.join("notes.turnus");
    std::fs::write(&path, "Handleliste: melk, brød, egg\n".repeat(20)).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotSqlite(_)));
    let empty = dir.join("empty.turnus");
    std::fs::write(&empty, "").unwrap();
    assert_refused_untouched(&empty, |e| matches!(e, StoreError::NotSqlite(_)));
}

#[test]
fn a_database_of_another_program_is_refused_untouched() {
    let dir = temp_dir("other");
    let path = dir.join("photos.turnus");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photo (name) VALUES ('hytta.jpg');")
            .unwrap();
    }
    assert_refused_untouched(&path, |e| matches!(e, StoreError::OtherProgram { .. }));
}

#[test]
fn a_file_from_a_newer_turnus_is_refused_untouched() {
    let dir = temp_dir("newer");
    let path = dir.join("plan.turnus");
    drop(PlanFile::create(&path, &options("Kari")).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .unwrap();
    }
    assert_refused_untouched(
        &path,
        |e| matches!(e, StoreError::NewerVersion { found, .. } if *found == SCHEMA_VERSION + 1),
    );
}

#[test]
fn a_damaged_file_is_refused_untouched() {
    let dir = temp_dir("corrupt");
    let path = dir.join("plan.turnus");
    {
        let mut plan = PlanFile::create(&path, &options("Kari")).unwrap();
        let at = t("2026-06-01T10:00");
        plan.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
        let edits: Vec<Edit> = (0..400)
            .map(|i| {
                let start = t("2026-01-01T08:00").plus(i * 86_400);
                let mut s = shift(
                    &format!("s{i}"),
                    "A",
                    "2026-01-01T08:00",
                    "2026-01-01T16:00",
                );
                s.start = start;
                s.end = start.plus(8 * 3600);
                s.note = "x".repeat(100);
                Edit::AddShift(s)
            })
            .collect();
        plan.apply(at, "fill", &edits).unwrap();
    }
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8 * 4096, "the plan spans many pages");
    // Scribble over two pages in the middle of the file.
    let middle = (bytes.len() / 4096 / 2) * 4096;
    for b in &mut bytes[middle..middle + 8192] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::Corrupt { .. }));
}

#[test]
fn a_write_protected_file_opens_read_only_and_says_so() {
    let dir = temp_dir("readonly");
    let path = dir.join("plan.turnus");
    {
        let mut plan = PlanFile::create(&path, &options("Kari")).unwrap();
        plan.add_assistant(t("2026-06-01T10:00"), &Assistant::new("A", "Ola"))
            .unwrap();
    }
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms.clone()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut plan = PlanFile::open(&path, &options("Kari")).expect("a read-only file still opens");
    assert_eq!(
        plan.access(),
        &Access::ReadOnly(ReadOnlyReason::FileNotWritable)
    );
    assert_eq!(
        plan.load_plan().unwrap().assistants.len(),
        1,
        "it can be read"
    );
    let err = plan
        .add_assistant(t("2026-06-01T11:00"), &Assistant::new("B", "Per"))
        .unwrap_err();
    assert!(err.to_string().contains("write-protected"), "{err}");
    drop(plan);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).unwrap();
}
