//! Backups in the data folder and the config file, all inside a temporary folder given as
//! `Folders`, never the real home folder.

use std::path::{Path, PathBuf};

use turnus::model::Assistant;
use turnus::store::backup::{self, KEEP};
use turnus::store::config::{Config, RECENT_LIMIT};
use turnus::store::{Folders, OpenOptions, PlanFile, StoreError};
use turnus::time::{Instant, DAY, HOUR};

fn t(s: &str) -> Instant {
    Instant::parse(s).expect("a valid test time")
}

fn setup(name: &str) -> (PathBuf, Folders) {
    let root = std::env::temp_dir().join(format!("turnus-backup-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("plans")).expect("a temporary folder");
    (
        root.join("plans").join("plan.turnus"),
        Folders::under(&root),
    )
}

fn opts(folders: &Folders, now: Instant) -> OpenOptions {
    OpenOptions::new("Kari", now).with_backups(folders.clone())
}

fn assistants_in(path: &Path) -> usize {
    let options = OpenOptions {
        read_only: true,
        ..OpenOptions::new("test", t("2026-06-01T09:00"))
    };
    PlanFile::open(path, &options)
        .expect("a backup is a sound plan file")
        .load_plan()
        .unwrap()
        .assistants
        .len()
}

#[test]
fn opening_takes_a_backup_but_not_of_an_unchanged_plan() {
    let (path, folders) = setup("open");
    let now = t("2026-06-01T09:00");
    drop(PlanFile::create(&path, &opts(&folders, now)).unwrap());
    assert_eq!(
        backup::list(&folders, &path).unwrap().len(),
        1,
        "creating opens it"
    );
    drop(PlanFile::open(&path, &opts(&folders, now.plus(HOUR))).unwrap());
    assert_eq!(
        backup::list(&folders, &path).unwrap().len(),
        1,
        "an unchanged plan is not copied again, so older different copies are kept"
    );
    let mut plan = PlanFile::open(&path, &opts(&folders, now.plus(2 * HOUR))).unwrap();
    plan.add_assistant(now.plus(2 * HOUR), &Assistant::new("A", "Ola"))
        .unwrap();
    drop(plan);
    drop(PlanFile::open(&path, &opts(&folders, now.plus(3 * HOUR))).unwrap());
    let backups = backup::list(&folders, &path).unwrap();
    assert_eq!(backups.len(), 2);
    assert_eq!(backups[0].taken_at, now.plus(3 * HOUR), "newest first");
    assert_eq!(assistants_in(&backups[0].path), 1);
    assert_eq!(assistants_in(&backups[1].path), 0);
    assert!(
        backups[0].path.starts_with(&folders.data),
        "backups live in the data folder"
    );
}

#[test]
fn only_the_last_ten_backups_are_kept() {
    let (path, folders) = setup("keep");
    let start = t("2026-06-01T09:00");
    drop(PlanFile::create(&path, &opts(&folders, start)).unwrap());
    for i in 1..15 {
        let now = start.plus(i * HOUR);
        let mut plan = PlanFile::open(&path, &opts(&folders, now)).unwrap();
        plan.add_assistant(now, &Assistant::new(&format!("A{i}"), "Ola"))
            .unwrap();
    }
    let backups = backup::list(&folders, &path).unwrap();
    assert_eq!(backups.len(), KEEP);
    assert_eq!(
        backups[0].taken_at,
        start.plus(14 * HOUR),
        "the newest are kept"
    );
}

#[test]
fn a_plan_left_open_gets_a_backup_once_a_day() {
    let (path, folders) = setup("daily");
    let now = t("2026-06-01T09:00");
    let mut plan = PlanFile::create(&path, &opts(&folders, now)).unwrap();
    plan.add_assistant(now, &Assistant::new("A", "Ola"))
        .unwrap();
    plan.heartbeat(now.plus(HOUR)).unwrap();
    assert_eq!(
        backup::list(&folders, &path).unwrap().len(),
        1,
        "not yet a day"
    );
    plan.heartbeat(now.plus(DAY + HOUR)).unwrap();
    assert_eq!(backup::list(&folders, &path).unwrap().len(), 2);
    plan.heartbeat(now.plus(DAY + 2 * HOUR)).unwrap();
    assert_eq!(backup::list(&folders, &path).unwrap().len(), 2);
    assert!(plan.backup_problem().is_none());
}

#[test]
fn restoring_puts_a_backup_back_and_keeps_the_file_it_replaces() {
    let (path, folders) = setup("restore");
    let now = t("2026-06-01T09:00");
    let mut plan = PlanFile::create(&path, &opts(&folders, now)).unwrap();
    plan.add_assistant(now, &Assistant::new("A", "Ola"))
        .unwrap();
    drop(plan);
    drop(PlanFile::open(&path, &opts(&folders, now.plus(HOUR))).unwrap());
    let with_ola = backup::list(&folders, &path).unwrap()[0].name.clone();
    let mut plan = PlanFile::open(&path, &opts(&folders, now.plus(2 * HOUR))).unwrap();
    plan.add_assistant(now, &Assistant::new("B", "Per"))
        .unwrap();
    drop(plan);
    // The file is then damaged beyond opening.
    std::fs::write(&path, b"garbage after a bad sync").unwrap();
    std::fs::write(format!("{}-journal", path.display()), b"stale journal").unwrap();
    assert!(matches!(
        PlanFile::open(&path, &opts(&folders, now)),
        Err(StoreError::NotSqlite(_))
    ));
    std::fs::remove_file(&path).unwrap();
    assert!(
        backup::list(&folders, &path).unwrap().len() >= 2,
        "a deleted plan's backups are still found by its path"
    );
    std::fs::write(&path, b"garbage after a bad sync").unwrap();
    let restored = backup::restore(&folders, &path, &with_ola, now.plus(3 * HOUR)).unwrap();
    assert_eq!(restored.name, with_ola);
    assert_eq!(
        assistants_in(&path),
        1,
        "the plan is back as the backup had it"
    );
    assert!(
        !PathBuf::from(format!("{}-journal", path.display())).exists(),
        "a journal of the replaced file must not be applied to the restored one"
    );
    let kept = backup::list(&folders, &path).unwrap();
    let before_restore = kept
        .iter()
        .find(|b| b.name.contains("before-restore"))
        .expect("the replaced file is kept among the backups");
    assert_eq!(
        std::fs::read(&before_restore.path).unwrap(),
        b"garbage after a bad sync"
    );
    assert!(matches!(
        backup::restore(&folders, &path, "20990101T000000Z", now),
        Err(StoreError::NoSuchBackup { .. })
    ));
}

#[test]
fn restoring_is_refused_while_another_program_has_the_plan() {
    let (path, folders) = setup("restore-busy");
    let now = t("2026-06-01T09:00");
    let holder = PlanFile::create(
        &path,
        &OpenOptions {
            computer: "ANNEN-PC".into(),
            ..opts(&folders, now)
        },
    )
    .unwrap();
    let name = backup::list(&folders, &path).unwrap()[0].name.clone();
    let err = backup::restore(&folders, &path, &name, now.plus(60)).unwrap_err();
    assert!(err.to_string().contains("i bruk av Kari"), "{err}");
    drop(holder);
}

#[test]
fn recent_files_are_remembered_newest_first_without_repeats() {
    let (path, folders) = setup("recent");
    let mut config = Config::load(&folders).expect("no config file gives the defaults");
    assert_eq!(config.language, "nb");
    for i in 0..12 {
        config.remember(&path.with_file_name(format!("p{i}.turnus")));
    }
    config.remember(&path.with_file_name("p5.turnus"));
    assert_eq!(config.recent.len(), RECENT_LIMIT);
    assert!(config.recent[0].ends_with("p5.turnus"));
    assert_eq!(
        config
            .recent
            .iter()
            .filter(|p| p.ends_with("p5.turnus"))
            .count(),
        1
    );
    config.user_name = "Kari Nordmann".into();
    config.save(&folders).unwrap();
    assert_eq!(Config::load(&folders).unwrap(), config);
    assert!(Config::path(&folders).starts_with(&folders.config));
}

#[test]
fn config_keeps_unknown_keys_and_survives_a_broken_file() {
    let (_, folders) = setup("config");
    std::fs::create_dir_all(&folders.config).unwrap();
    std::fs::write(
        Config::path(&folders),
        r#"{"user_name": "Ola", "theme": "dark"}"#,
    )
    .unwrap();
    let config = Config::load(&folders).unwrap();
    assert_eq!(config.user_name, "Ola");
    config.save(&folders).unwrap();
    let text = std::fs::read_to_string(Config::path(&folders)).unwrap();
    assert!(
        text.contains("\"theme\""),
        "a newer Turnus' settings are kept: {text}"
    );
    std::fs::write(Config::path(&folders), "{broken").unwrap();
    assert!(Config::load(&folders).is_err());
    assert_eq!(Config::load_or_default(&folders).language, "nb");
}
