//! Behaviour tests of the session, as the app's commands meet it: no window, real plan files
//! in a temporary folder, the clock passed in.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::store::{Folders, SCHEMA_VERSION};

fn t(text: &str) -> Instant {
    Instant::parse(text).expect("a valid local time in the test")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a valid date in the test")
}

/// A temporary folder, removed with everything in it when the test ends.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for TempDir {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir =
        std::env::temp_dir().join(format!("turnus-session-{name}-{}", crate::store::new_id()));
    std::fs::create_dir_all(&dir).expect("the temporary folder can be made");
    TempDir(dir)
}

fn app(dir: &std::path::Path) -> App {
    App::new(Folders::under(dir), "Kari")
}

fn week(from: &str, to: &str) -> Window {
    Window {
        from: from.into(),
        to: to.into(),
    }
}

const NOW: &str = "2026-06-01T09:00";
const TODAY: &str = "2026-06-01";

fn guide() -> NewPlanInput {
    NewPlanInput {
        name: "Turnus for Ragnhild".into(),
        arbeidsleder: "Ragnhild Aasen".into(),
        leverandor: Some("Uloba".into()),
        profile: Some(ProfileInput {
            preset: "aml".into(),
            overrides: Default::default(),
        }),
        vedtak: vec![VedtakInput {
            from: "2026-01-01".into(),
            hours_per_week: [("personlig_assistanse".to_string(), 37.5)]
                .into_iter()
                .collect(),
            annual_frame: Some(true),
            ..VedtakInput::default()
        }],
        assistants: vec![AssistantInput {
            name: "Kari Nordmann".into(),
            ..AssistantInput::default()
        }],
        ..NewPlanInput::default()
    }
}

fn shift_input(assistant: &str, day: &str, start: &str, end: &str) -> ShiftInput {
    ShiftInput {
        assistant: Some(assistant.into()),
        day: day.into(),
        start: start.into(),
        end: end.into(),
        ..ShiftInput::default()
    }
}

fn rules(view: &PlanView) -> Vec<&str> {
    view.findings.iter().map(|f| f.rule.as_str()).collect()
}

fn created(dir: &std::path::Path) -> (App, PathBuf, PlanView) {
    let mut app = app(dir);
    let path = dir.join("ragnhild.turnus");
    let view = app
        .create_plan(t(NOW), day(TODAY), &path.display().to_string(), &guide())
        .expect("the guide's answers make a plan");
    (app, path, view)
}

#[test]
fn evening_and_morning_shifts_show_rest_d_undo_removes_it_redo_restores_it_and_reopening_keeps_it()
{
    let dir = temp_dir("rest");
    let (mut app, path, view) = created(&dir);
    assert_eq!(view.settings.arbeidsleder, "Ragnhild Aasen");
    assert_eq!(view.vedtak.len(), 1, "the guide's vedtak is in the plan");
    assert!(
        !view.history.can_undo,
        "creating the plan is not an undo step that could empty it"
    );
    let kari = view.assistants[0].id.clone();
    let w = week("2026-06-08", "2026-06-14");

    let session = app.session().expect("the new plan is open");
    session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input(&kari, "2026-06-08", "19:00", "23:00"),
        )
        .expect("an evening shift is added");
    let view = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input(&kari, "2026-06-09", "07:00", "11:00"),
        )
        .expect("a morning shift is added");
    let rest = view
        .findings
        .iter()
        .find(|f| f.rule == "REST-D")
        .expect("8 h between 23:00 and 07:00 breaks the 11 h daily rest");
    assert_eq!(rest.measured, 8 * 60, "the rest measured is 8 hours");
    assert_eq!(rest.assistant_names, ["Kari Nordmann"]);
    assert!(
        rest.explanation.contains("11 t"),
        "the explanation is bokmål and names the limit: {}",
        rest.explanation
    );
    assert!(
        rest.dates.contains(&"2026-06-08".to_string()),
        "the finding concerns the evening's date: {:?}",
        rest.dates
    );
    assert_eq!(view.history.next_undo.as_deref(), Some("Legg til vakt"));

    let hours = view
        .hours
        .window
        .iter()
        .find(|h| h.service == "personlig_assistanse")
        .expect("the vedtak's service has hours in the window");
    assert_eq!(hours.budget_hours, 37.5, "a week of a 37.5 h vedtak");
    assert_eq!(
        (hours.used_hours, hours.planned_hours),
        (0.0, 8.0),
        "both 4 h shifts lie after today, so they are planned, not used"
    );
    assert_eq!(hours.remaining_hours, 29.5);

    let undone = session.undo(t(NOW), day(TODAY), &w).expect("undo works");
    assert!(
        !rules(&undone).contains(&"REST-D"),
        "without the morning shift there is no short rest"
    );
    assert!(undone.history.can_redo, "the undone shift can be redone");
    let redone = session.redo(t(NOW), day(TODAY), &w).expect("redo works");
    assert!(
        rules(&redone).contains(&"REST-D"),
        "redo brings the finding back"
    );
    let history = session.history(10).expect("the change log can be read");
    assert_eq!(
        history
            .iter()
            .map(|h| h.what.as_str())
            .take(2)
            .collect::<Vec<_>>(),
        ["Legg til vakt", "Legg til vakt"],
        "the newest actions come first, described in bokmål"
    );
    assert!(
        history.iter().all(|h| !h.undone && h.by == "Kari"),
        "after redo nothing is undone, and the user's name is recorded"
    );

    app.close_plan().expect("the plan closes");
    let reopened = app
        .open_plan(
            t("2026-06-02T09:00"),
            day(TODAY),
            &path.display().to_string(),
            false,
        )
        .expect("the plan opens again");
    assert!(
        !reopened.file.read_only,
        "our own closed plan opens for editing"
    );
    let view = app
        .session()
        .expect("open")
        .view(&w, day(TODAY))
        .expect("the week can be shown");
    assert_eq!(view.shifts.len(), 2, "both shifts were saved to the file");
    assert!(
        rules(&view).contains(&"REST-D"),
        "and so is the finding they cause"
    );
    assert_eq!(
        app.recent_plans().first().map(|r| r.name.as_str()),
        Some("ragnhild"),
        "the plan is first among the recent plans"
    );
}

#[test]
fn input_errors_name_the_field_in_the_users_language() {
    let mut session = Session::in_memory("Kari", Language::Nb).expect("a plan in memory");
    let w = week("2026-06-08", "2026-06-14");
    let e = session
        .save_assistant(t(NOW), day(TODAY), &w, &AssistantInput::default())
        .expect_err("an assistant needs a name");
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(
        e.details["field"], "name",
        "the UI shows the message by the name field"
    );
    assert!(
        e.message.starts_with("Skriv inn"),
        "bokmål by default: {}",
        e.message
    );

    let e = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input("", "2026-06-08", "25:00", "23:00"),
        )
        .expect_err("25:00 is no time");
    assert_eq!(
        (e.details["field"].as_str(), e.details["value"].as_str()),
        (Some("start"), Some("25:00"))
    );

    let e = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input("nobody", "2026-06-08", "08:00", "16:00"),
        )
        .expect_err("the assistant must exist");
    assert_eq!(e.details["field"], "assistant");

    let e = session
        .save_vedtak(
            t(NOW),
            day(TODAY),
            &w,
            &VedtakInput {
                from: "2026-01-01".into(),
                hours_per_week: [("personlig_assistanse".to_string(), 200.0)]
                    .into_iter()
                    .collect(),
                ..VedtakInput::default()
            },
        )
        .expect_err("a week has only 168 hours");
    assert_eq!(e.details["field"], "hours_per_week.personlig_assistanse");

    let e = session
        .save_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &RotationInput {
                name: "Vinter".into(),
                weeks: 2,
                start: "2026-06-09".into(),
                ..RotationInput::default()
            },
        )
        .expect_err("a rotation starts on a Monday, and 9 June 2026 is a Tuesday");
    assert_eq!(e.details["field"], "start");

    let e = session
        .set_profile(
            t(NOW),
            day(TODAY),
            &w,
            &ProfileInput {
                preset: "aml".into(),
                overrides: [("daily_rest_min_h".to_string(), serde_json::json!(-1))]
                    .into_iter()
                    .collect(),
            },
        )
        .expect_err("a rest cannot be negative");
    assert_eq!(e.details["field"], "profile.overrides.daily_rest_min_h");

    session.set_language(Language::En);
    let e = session
        .view(&week("2026-06-14", "2026-06-08"), day(TODAY))
        .expect_err("a window ending before it starts");
    assert_eq!(e.details["field"], "window.to");
    assert!(
        e.message.starts_with("The end date"),
        "English when chosen: {}",
        e.message
    );

    let dir = temp_dir("guide");
    let mut input = guide();
    input.assistants.push(AssistantInput {
        name: "  ".into(),
        ..AssistantInput::default()
    });
    let path = dir.join("plan.turnus");
    let e = app(&dir)
        .create_plan(t(NOW), day(TODAY), &path.display().to_string(), &input)
        .expect_err("the second assistant has no name");
    assert_eq!(
        e.details["field"], "assistants[1].name",
        "the field names which assistant"
    );
    assert!(!path.exists(), "nothing is written when an answer is wrong");
}

#[test]
fn a_time_in_the_autumn_fold_asks_for_the_offset_and_an_offset_settles_it() {
    let mut session = Session::in_memory("Kari", Language::Nb).expect("a plan in memory");
    let w = week("2026-10-19", "2026-10-25");
    let view = session
        .save_assistant(
            t(NOW),
            day(TODAY),
            &w,
            &AssistantInput {
                name: "Ola".into(),
                ..AssistantInput::default()
            },
        )
        .expect("an assistant is added");
    let ola = view.assistants[0].id.clone();
    let night = shift_input(&ola, "2026-10-25", "02:30", "06:00");
    let e = session
        .add_shift(t(NOW), day(TODAY), &w, &night)
        .expect_err("02:30 happens twice on 25 October 2026");
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.details["field"], "start");
    let offsets: Vec<&str> = e.details["choices"]
        .as_array()
        .expect("the choices are listed")
        .iter()
        .filter_map(|c| c["offset"].as_str())
        .collect();
    assert_eq!(
        offsets,
        ["+02:00", "+01:00"],
        "summer time first, then winter time"
    );

    let second = ShiftInput {
        start_offset: Some("+01:00".into()),
        ..night
    };
    let view = session
        .add_shift(t(NOW), day(TODAY), &w, &second)
        .expect("with the offset the time is clear");
    let shift = &view.shifts[0];
    assert_eq!(
        (shift.start.as_str(), shift.start_offset.as_str()),
        ("2026-10-25T02:30", "+01:00")
    );
    assert_eq!(
        shift.hours, 3.5,
        "the second 02:30 to 06:00 is three and a half hours"
    );
}

fn assert_untouched(path: &std::path::Path, before: &[u8]) {
    assert_eq!(
        std::fs::read(path).expect("the file is still there"),
        before,
        "a refused file is left byte for byte as it was"
    );
}

#[test]
fn files_that_are_no_plan_damaged_or_newer_are_refused_with_their_code_and_left_untouched() {
    let dir = temp_dir("refused");
    let mut app = app(&dir);
    let open = |app: &mut App, path: &std::path::Path| {
        app.open_plan(t(NOW), day(TODAY), &path.display().to_string(), false)
            .expect_err("the file must be refused")
            .code
    };

    let text = dir.join("notes.turnus");
    std::fs::write(&text, "handleliste: melk, brød").expect("a text file is written");
    let before = std::fs::read(&text).expect("readable");
    assert_eq!(open(&mut app, &text), ErrorCode::NotAPlan);
    assert_untouched(&text, &before);

    let photos = dir.join("photos.turnus");
    {
        let conn = rusqlite::Connection::open(&photos).expect("sqlite opens");
        conn.execute_batch("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT);")
            .expect("another program's table");
    }
    let before = std::fs::read(&photos).expect("readable");
    assert_eq!(
        open(&mut app, &photos),
        ErrorCode::NotAPlan,
        "another program's SQLite is no plan"
    );
    assert_untouched(&photos, &before);

    let newer = dir.join("newer.turnus");
    drop(PlanFile::create(&newer, &OpenOptions::new("Kari", t(NOW))).expect("a plan is made"));
    {
        let conn = rusqlite::Connection::open(&newer).expect("sqlite opens");
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .expect("the version is raised");
    }
    let before = std::fs::read(&newer).expect("readable");
    assert_eq!(open(&mut app, &newer), ErrorCode::NewerVersion);
    assert_untouched(&newer, &before);

    let damaged = dir.join("damaged.turnus");
    {
        let mut session = Session::create(
            &damaged,
            &guide(),
            &OpenOptions::new("Kari", t(NOW)),
            Language::Nb,
        )
        .expect("a plan is made");
        let kari = session.plan().assistants[0].id.to_string();
        for n in 0..300 {
            let date = day("2026-01-01") + chrono::Duration::days(n);
            let mut input = shift_input(
                &kari,
                &date.format("%Y-%m-%d").to_string(),
                "08:00",
                "16:00",
            );
            input.note = Some("x".repeat(100));
            let shift = validate::shift(
                session.plan(),
                &input,
                ShiftId(crate::store::new_id()),
                Language::Nb,
            )
            .expect("a valid shift");
            session
                .file
                .apply(t(NOW), "fill", &[Edit::AddShift(shift)])
                .expect("saved");
        }
        session.close().expect("closed");
    }
    let mut bytes = std::fs::read(&damaged).expect("readable");
    let middle = (bytes.len() / 4096 / 2) * 4096;
    for b in &mut bytes[middle..middle + 8192] {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).expect("scribbled");
    assert_eq!(open(&mut app, &damaged), ErrorCode::Corrupt);
    assert_untouched(&damaged, &bytes);

    let missing = dir.join("gone.turnus");
    assert_eq!(open(&mut app, &missing), ErrorCode::NotFound);
}

#[test]
fn a_write_protected_file_opens_read_only_says_why_and_refuses_edits() {
    let dir = temp_dir("readonly");
    let (mut app, path, _) = created(&dir);
    app.close_plan().expect("closed");
    let mut perms = std::fs::metadata(&path)
        .expect("the file exists")
        .permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms.clone()).expect("the file is write-protected");
    let before = std::fs::read(&path).expect("readable");

    let view = app
        .open_plan(t(NOW), day(TODAY), &path.display().to_string(), false)
        .expect("a write-protected plan still opens");
    assert!(view.file.read_only, "it opens read-only");
    assert!(
        view.file
            .read_only_reason
            .as_deref()
            .is_some_and(|r| r.contains("skrivebeskyttet")),
        "and says why: {:?}",
        view.file.read_only_reason
    );
    let e = app
        .session()
        .expect("open")
        .save_assistant(
            t(NOW),
            day(TODAY),
            &this_week(day(TODAY)),
            &AssistantInput {
                name: "Per".into(),
                ..AssistantInput::default()
            },
        )
        .expect_err("a read-only plan takes no edits");
    assert_eq!(e.code, ErrorCode::ReadOnly);
    app.close_plan().expect("closed");
    assert_untouched(&path, &before);
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&path, perms).expect("write access is given back");
}

#[test]
fn a_plan_in_use_elsewhere_opens_read_only_with_the_notice_unless_taken_over() {
    let dir = temp_dir("inuse");
    let (mut kari, path, _) = created(&dir);
    let elsewhere = |take_over: bool| OpenOptions {
        computer: "KONTOR".into(),
        take_over,
        ..OpenOptions::new("Ola", t("2026-06-01T09:01"))
    };
    let mut ola =
        Session::open(&path, &elsewhere(false), Language::Nb).expect("it opens for reading");
    let view = ola
        .view(&this_week(day(TODAY)), day(TODAY))
        .expect("the view is built");
    assert!(view.file.read_only, "someone else holds the plan");
    let lock = view.file.lock.as_ref().expect("the view says who holds it");
    assert_eq!(lock.name, "Kari");
    assert!(lock.sentence.contains("Kari"), "{}", lock.sentence);
    let e = ola
        .undo(t(NOW), day(TODAY), &this_week(day(TODAY)))
        .expect_err("no edits while Kari holds it");
    assert_eq!(e.code, ErrorCode::ReadOnly);
    drop(ola);

    let mut ola = Session::open(&path, &elsewhere(true), Language::Nb).expect("Ola takes it over");
    let view = ola
        .view(&this_week(day(TODAY)), day(TODAY))
        .expect("the view is built");
    assert!(!view.file.read_only, "taking over gives Ola the plan");
    let e = kari
        .session()
        .expect("Kari still has it open")
        .save_assistant(
            t("2026-06-01T09:02"),
            day(TODAY),
            &this_week(day(TODAY)),
            &AssistantInput {
                name: "Per".into(),
                ..AssistantInput::default()
            },
        )
        .expect_err("Kari's edit must not overwrite Ola's plan");
    assert_eq!(e.code, ErrorCode::InUse, "Kari is told that Ola took over");
    let view = kari
        .session()
        .expect("open")
        .view(&this_week(day(TODAY)), day(TODAY))
        .expect("the view is built");
    assert!(view.file.read_only, "Kari's window turns read-only");
}

#[test]
fn applying_a_rotation_fills_the_calendar_and_shows_real_days_that_differ_from_the_pattern() {
    let mut session = Session::in_memory("Kari", Language::Nb).expect("a plan in memory");
    let w = week("2026-06-08", "2026-06-21");
    let view = session
        .save_assistant(
            t(NOW),
            day(TODAY),
            &w,
            &AssistantInput {
                name: "Ola".into(),
                ..AssistantInput::default()
            },
        )
        .expect("an assistant");
    let ola = view.assistants[0].id.clone();
    session
        .save_shift_type(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftTypeInput {
                code: "D".into(),
                name: "Dagvakt".into(),
                start: "08:00".into(),
                end: "16:00".into(),
                ..ShiftTypeInput::default()
            },
        )
        .expect("a shift type");
    let view = session
        .save_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &RotationInput {
                name: "Sommer".into(),
                weeks: 1,
                start: "2026-06-08".into(),
                slots: vec![SlotInput {
                    week: 1,
                    weekday: 1,
                    shift_type: "D".into(),
                    assistant: Some(ola.clone()),
                    ..SlotInput::default()
                }],
                ..RotationInput::default()
            },
        )
        .expect("a rotation");
    let rotation = view.rotations[0].id.clone();
    let view = session
        .apply_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &rotation,
            "2026-06-08",
            "2026-06-21",
        )
        .expect("the rotation is applied");
    assert_eq!(view.shifts.len(), 2, "two Mondays in two weeks");
    assert!(
        view.shifts
            .iter()
            .all(|s| s.rotation.as_deref() == Some(rotation.as_str()) && !s.differs_from_pattern),
        "fresh shifts come from the rotation and follow it"
    );
    assert_eq!(
        view.history.next_undo.as_deref(),
        Some("Bruk turnusmønsteret på kalenderen"),
        "one undo step"
    );

    let mut moved = shift_input(&ola, "2026-06-15", "09:00", "17:00");
    moved.id = Some(view.shifts[1].id.clone());
    moved.shift_type = Some("D".into());
    session
        .update_shift(t(NOW), day(TODAY), &w, &moved)
        .expect("the second Monday moves");
    let view = session
        .apply_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &rotation,
            "2026-06-08",
            "2026-06-21",
        )
        .expect("applied again");
    let second = &view.shifts[1];
    assert!(
        second.differs_from_pattern,
        "the moved Monday differs from the pattern"
    );
    assert_eq!(
        second.start, "2026-06-15T09:00",
        "applying again keeps the real day's change"
    );
    assert_eq!(
        second.pattern.as_ref().map(|p| p.start.as_str()),
        Some("2026-06-15T08:00"),
        "the view says what the pattern had"
    );
    assert!(
        !view.shifts[0].differs_from_pattern,
        "the first Monday is as the pattern says"
    );

    let mut worked = shift_input(&ola, "2026-06-08", "08:00", "16:00");
    worked.id = Some(view.shifts[0].id.clone());
    worked.shift_type = Some("D".into());
    worked.status = Some("worked".into());
    let view = session
        .update_shift(t(NOW), day(TODAY), &w, &worked)
        .expect("the first Monday was worked");
    assert!(
        !view.shifts[0].differs_from_pattern,
        "working a shift as planned is no difference from the pattern"
    );
    let first = view.shifts[0].id.clone();
    session
        .delete_shift(t(NOW), day(TODAY), &w, &view.shifts[1].id)
        .expect("the second Monday is deleted");
    let view = session
        .apply_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &rotation,
            "2026-06-08",
            "2026-06-21",
        )
        .expect("applied once more");
    assert_eq!(view.shifts[0].id, first);
    assert_eq!(
        (
            view.shifts[1].status.as_str(),
            view.shifts[1].differs_from_pattern
        ),
        ("cancelled", true),
        "a deleted rotation shift comes back cancelled, not planned, and shows as a difference"
    );
}

#[test]
fn the_demo_plan_is_written_once_to_the_data_folder_and_reused() {
    let dir = temp_dir("demo");
    let mut app = app(&dir);
    let view = app.open_demo(t(NOW), day(TODAY)).expect("the demo opens");
    let file = Folders::under(&*dir).data.join(app::DEMO_FILE);
    assert!(
        file.is_file(),
        "the demo is a real plan file in the data folder"
    );
    assert_eq!(view.settings.name, "Demoplan");
    assert!(
        !view.days.is_empty() && view.days.len() == 7,
        "the view opens on this week"
    );
    let stamp = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
    app.close_plan().expect("closed");
    let again = app
        .open_demo(t("2026-06-02T09:00"), day("2026-06-02"))
        .expect("it opens again");
    assert_eq!(again.settings.name, "Demoplan");
    assert!(stamp.is_some(), "the file kept its place");
    assert!(
        app.recent_plans().is_empty(),
        "the demo does not crowd the recent plans"
    );
}

#[test]
fn app_settings_are_saved_in_the_config_folder_and_change_the_language_of_the_open_plan() {
    let dir = temp_dir("settings");
    let (mut app, _, _) = created(&dir);
    let chosen = AppSettings {
        language: Language::En,
        user_name: "Kari".into(),
        text_size: 150,
        theme: Theme::Dark,
    };
    app.save_settings(&chosen).expect("settings are saved");
    assert_eq!(
        App::new(Folders::under(&*dir), "").settings(),
        chosen,
        "a new start reads them back"
    );
    let view = app
        .session()
        .expect("open")
        .view(&week("2026-05-11", "2026-05-17"), day(TODAY))
        .expect("a view");
    assert_eq!(view.language, Language::En);
    let may17 = view
        .days
        .iter()
        .find(|d| d.date == "2026-05-17")
        .expect("17 May is shown");
    assert_eq!(
        may17.holiday.as_deref(),
        Some("Constitution Day"),
        "red days are named in English"
    );
}

#[test]
fn commands_without_an_open_plan_say_so() {
    let dir = temp_dir("noplan");
    let mut app = app(&dir);
    let e = app.session().err().expect("no plan is open");
    assert_eq!(e.code, ErrorCode::NoPlan);
}

// The Export page: previews, PDF and calendar files, and the calendar folder.

fn export_request(kind: &str, from: &str, to: &str, assistant: Option<&str>) -> ExportRequest {
    ExportRequest {
        kind: kind.into(),
        from: from.into(),
        to: to.into(),
        assistant: assistant.map(str::to_string),
    }
}

/// The plan of `created` with one shift for Kari on Monday 8 June 2026; returns Kari's id.
fn with_a_shift(app: &mut App) -> String {
    let session = app.session().expect("open");
    let kari = session.plan().assistants[0].id.to_string();
    session
        .add_shift(
            t(NOW),
            day(TODAY),
            &week("2026-06-08", "2026-06-14"),
            &shift_input(&kari, "2026-06-08", "08:00", "16:00"),
        )
        .expect("the shift is added");
    kari
}

#[test]
fn the_preview_is_the_first_page_with_its_page_count_a_description_and_a_file_name() {
    let dir = temp_dir("preview");
    let (mut app, _, _) = created(&dir);
    let kari = with_a_shift(&mut app);
    let session = app.session().expect("open");
    let preview = session
        .export_preview(
            &export_request("timeliste", "2026-06-01", "2026-06-30", Some(&kari)),
            day(TODAY),
        )
        .expect("a timeliste of June");
    assert!(preview.svg.starts_with("<svg"), "an SVG image");
    assert!(
        preview.svg.contains("Kari Nordmann"),
        "the assistant is named"
    );
    assert!(preview.svg.contains("08:00"), "the shift is listed");
    assert_eq!(preview.pages, 1);
    assert_eq!(preview.title, "Timeliste");
    assert_eq!(preview.file_name, "Timeliste Kari Nordmann 2026-06.pdf");
    assert_eq!(
        preview.description,
        "Første side av Timeliste for Kari Nordmann, juni 2026. Dokumentet har 1 side."
    );

    let plan = session
        .export_preview(
            &export_request("turnusplan", "2026-06-01", "2026-12-31", None),
            day(TODAY),
        )
        .expect("a turnusplan of seven months");
    assert!(plan.pages > 1, "seven months fill more than one page");
    assert!(
        plan.description
            .ends_with(&format!("Dokumentet har {} sider.", plan.pages)),
        "{}",
        plan.description
    );
    assert!(
        !plan.file_name.contains('/'),
        "no folder separators in a file name"
    );
}

#[test]
fn export_requests_that_cannot_be_made_name_the_field_in_a_sentence() {
    let dir = temp_dir("export-errors");
    let (mut app, _, _) = created(&dir);
    let session = app.session().expect("open");
    let field = |request: ExportRequest| {
        let e = session
            .export_preview(&request, day(TODAY))
            .expect_err("the request is refused");
        assert_eq!(e.code, ErrorCode::InvalidInput, "{}", e.message);
        assert!(e.message.ends_with('.'), "a sentence: {}", e.message);
        e.details["field"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(
        field(export_request(
            "arbeidsplan",
            "2026-06-01",
            "2026-06-30",
            None
        )),
        "assistant"
    );
    assert_eq!(
        field(export_request(
            "arbeidsplan",
            "2026-06-01",
            "2026-06-30",
            Some("nobody")
        )),
        "assistant"
    );
    assert_eq!(
        field(export_request("plakat", "2026-06-01", "2026-06-30", None)),
        "kind"
    );
    assert_eq!(
        field(export_request(
            "turnusplan",
            "2026-06-30",
            "2026-06-01",
            None
        )),
        "to"
    );
    assert_eq!(
        field(export_request(
            "turnusplan",
            "2026-06-01",
            "2028-06-01",
            None
        )),
        "to"
    );
    assert_eq!(
        field(export_request("lovsjekk", "1. juni", "2026-06-30", None)),
        "from"
    );
}

#[test]
fn a_pdf_is_saved_where_the_user_chose_and_an_unwritable_place_is_a_sentence() {
    let dir = temp_dir("export-pdf");
    let (mut app, _, _) = created(&dir);
    let kari = with_a_shift(&mut app);
    let session = app.session().expect("open");
    let request = export_request("arbeidsplan", "2026-06-08", "2026-06-14", Some(&kari));
    let chosen = dir.join("Arbeidsplan Kari");
    let done = session
        .export_pdf(&request, &chosen.display().to_string(), day(TODAY))
        .expect("the PDF is saved");
    let written = dir.join("Arbeidsplan Kari.pdf");
    assert_eq!(done.path, written.display().to_string(), ".pdf is added");
    assert!(done.message.contains(&done.path), "{}", done.message);
    let bytes = std::fs::read(&written).expect("the file is there");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");

    let nowhere = dir.join("no such folder").join("plan.pdf");
    let e = session
        .export_pdf(&request, &nowhere.display().to_string(), day(TODAY))
        .expect_err("the folder does not exist");
    assert_eq!(e.code, ErrorCode::Io);
    assert!(
        e.message.starts_with("Turnus kunne ikke skrive"),
        "{}",
        e.message
    );
    assert!(!nowhere.exists());
}

#[test]
fn an_export_is_never_saved_over_a_plan_file_even_when_the_save_dialog_allowed_it() {
    let dir = temp_dir("export-over-plan");
    let (mut app, plan, _) = created(&dir);
    let kari = with_a_shift(&mut app);
    let session = app.session().expect("open");
    let before = std::fs::read(&plan).expect("the plan file");
    let request = export_request("arbeidsplan", "2026-06-08", "2026-06-14", Some(&kari));
    let e = session
        .export_pdf(&request, &plan.display().to_string(), day(TODAY))
        .expect_err("the open plan itself");
    assert_eq!(e.details["field"], "path", "{}", e.message);
    assert!(e.message.contains("Turnus-plan"), "{}", e.message);
    let e = session
        .export_ics(Some(&kari), &plan.display().to_string(), t(NOW))
        .expect_err("the plan again, as a calendar");
    assert_eq!(e.details["field"], "path");
    assert_eq!(
        std::fs::read(&plan).unwrap(),
        before,
        "the plan is untouched"
    );
}

#[test]
fn a_calendar_file_holds_the_assistants_shifts_and_keeps_its_state_beside_it() {
    let dir = temp_dir("export-ics");
    let (mut app, _, _) = created(&dir);
    let kari = with_a_shift(&mut app);
    let session = app.session().expect("open");
    let path = dir.join("kari.ics");
    let done = session
        .export_ics(Some(&kari), &path.display().to_string(), t(NOW))
        .expect("the calendar is saved");
    assert_eq!(
        done.message,
        format!(
            "Kalenderen for Kari Nordmann er lagret i {}.",
            path.display()
        )
    );
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    assert!(
        text.contains("DTSTART:20260608T060000Z"),
        "08:00 in summer is 06:00 UTC"
    );
    assert!(crate::export::ics::state_path_for(&path).is_file());
    let e = session
        .export_ics(Some("nobody"), &path.display().to_string(), t(NOW))
        .expect_err("no such assistant");
    assert_eq!(e.details["field"], "assistant");
}

#[test]
fn the_calendar_folder_is_written_after_each_change_and_remembered_for_the_plan() {
    let dir = temp_dir("calendar-folder");
    let calendars = dir.join("kalendere");
    std::fs::create_dir_all(&calendars).expect("a folder");
    let (mut app, plan_path, _) = created(&dir);
    let w = week("2026-06-08", "2026-06-14");

    let missing = dir.join("not there");
    let e = app
        .set_calendar_folder(t(NOW), day(TODAY), &w, Some(&missing.display().to_string()))
        .expect_err("the folder must exist");
    assert_eq!(e.details["field"], "folder");

    let view = app
        .set_calendar_folder(
            t(NOW),
            day(TODAY),
            &w,
            Some(&calendars.display().to_string()),
        )
        .expect("the folder is kept");
    let folder = view.file.calendar_folder.expect("shown in the view");
    assert_eq!(folder.path, calendars.display().to_string());
    assert_eq!(folder.files, 2, "Kari's calendar and the whole plan's");
    assert_eq!(folder.written_at.as_deref(), Some("01.06.2026 09:00"));
    let kari_file = calendars.join(
        "Kari-Nordmann-".to_string()
            + &app.session().expect("open").plan().assistants[0]
                .id
                .to_string()
            + ".ics",
    );
    assert!(kari_file.is_file(), "{}", kari_file.display());
    assert!(!std::fs::read_to_string(&kari_file)
        .expect("read")
        .contains("BEGIN:VEVENT"));

    with_a_shift(&mut app);
    let text = std::fs::read_to_string(&kari_file).expect("rewritten");
    assert!(
        text.contains("DTSTART:20260608T060000Z"),
        "the new shift is on Kari's calendar"
    );

    // Undo takes the shift back, and the phone is told to remove it.
    let view = app
        .session()
        .expect("open")
        .undo(t("2026-06-01T09:05"), day(TODAY), &w)
        .expect("undone");
    let text = std::fs::read_to_string(&kari_file).expect("rewritten");
    assert!(text.contains("STATUS:CANCELLED"), "{text}");
    assert_eq!(
        view.file
            .calendar_folder
            .and_then(|f| f.written_at)
            .as_deref(),
        Some("01.06.2026 09:05")
    );

    // The next start of the app on this computer keeps the folder for this plan.
    drop(app);
    let kari_before = std::fs::read_to_string(&kari_file).expect("read");
    let mut again = self::app(&dir);
    let view = again
        .open_plan(
            t("2026-06-02T08:00"),
            day("2026-06-02"),
            &plan_path.display().to_string(),
            false,
        )
        .expect("opens");
    let folder = view.file.calendar_folder.expect("kept for the plan");
    assert_eq!(folder.path, calendars.display().to_string());
    assert_eq!(
        folder.written_at, None,
        "nothing changed since the last writing, so nothing was rewritten"
    );
    assert_eq!(
        std::fs::read_to_string(&kari_file).expect("read"),
        kari_before,
        "not even the DTSTAMP of a new day"
    );

    // A folder that went away never stops an edit; the view says what happened.
    std::fs::remove_dir_all(&calendars).expect("removed");
    let view = again
        .session()
        .expect("open")
        .add_shift(
            t("2026-06-02T08:01"),
            day("2026-06-02"),
            &w,
            &shift_input(&view.assistants[0].id, "2026-06-09", "08:00", "16:00"),
        )
        .expect("the edit is saved all the same");
    assert_eq!(view.shifts.len(), 1);
    let problem = view
        .file
        .calendar_folder
        .and_then(|f| f.problem)
        .expect("the problem is shown");
    assert!(problem.starts_with("Turnus kunne ikke skrive"), "{problem}");

    let view = again
        .set_calendar_folder(t("2026-06-02T08:02"), day("2026-06-02"), &w, None)
        .expect("stopped");
    assert!(view.file.calendar_folder.is_none());
    drop(again);
    let mut third = self::app(&dir);
    let view = third
        .open_plan(
            t("2026-06-03T08:00"),
            day("2026-06-03"),
            &plan_path.display().to_string(),
            false,
        )
        .expect("opens");
    assert!(
        view.file.calendar_folder.is_none(),
        "stopping is remembered"
    );
}

/// A one-week rotation from Monday 8 June 2026 with one shift of `shift_type` for `kari` on
/// Mondays, applied to that week: the rotation as saved, its id, and the view after applying.
fn monday_rotation(
    session: &mut Session,
    kari: &str,
    shift_type: ShiftTypeInput,
) -> (RotationInput, String, PlanView) {
    let w = week("2026-06-08", "2026-06-14");
    session
        .save_shift_type(t(NOW), day(TODAY), &w, &shift_type)
        .expect("a shift type");
    let rotation = RotationInput {
        name: "Grunnturnus".into(),
        weeks: 1,
        start: "2026-06-08".into(),
        slots: vec![SlotInput {
            week: 1,
            weekday: 1,
            shift_type: shift_type.code.clone(),
            assistant: Some(kari.to_string()),
            skip_red_days: Some(false),
        }],
        ..RotationInput::default()
    };
    let view = session
        .save_rotation(t(NOW), day(TODAY), &w, &rotation)
        .expect("saved");
    let id = view.rotations[0].id.clone();
    let view = session
        .apply_rotation(t(NOW), day(TODAY), &w, &id, "2026-06-08", "2026-06-14")
        .expect("applied");
    (rotation, id, view)
}

#[test]
fn day_changes_that_no_longer_fit_the_pattern_are_named_with_their_date_and_reason() {
    let dir = temp_dir("stale-changes");
    let (mut app, _, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    let w = week("2026-06-08", "2026-06-14");
    let session = app.session().expect("open");
    let shift_type = ShiftTypeInput {
        code: "D".into(),
        name: "Dagvakt".into(),
        start: "08:00".into(),
        end: "16:00".into(),
        ..ShiftTypeInput::default()
    };
    let (mut rotation, id, view) = monday_rotation(session, &kari, shift_type);
    let monday = view.shifts[0].clone();
    let view = session
        .update_shift(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftInput {
                id: Some(monday.id.clone()),
                ..shift_input(&kari, "2026-06-08", "09:00", "17:00")
            },
        )
        .expect("moved an hour");
    assert_eq!(view.rotations[0].changes, 1);
    assert!(view.rotations[0].stale_changes.is_empty(), "the move fits");

    // The pattern's Monday becomes a Tuesday: the recorded move no longer has a shift to move.
    rotation.id = Some(id);
    rotation.slots[0].weekday = 2;
    let view = session
        .save_rotation(t(NOW), day(TODAY), &w, &rotation)
        .expect("saved");
    assert_eq!(
        view.rotations[0].stale_changes,
        vec!["08.06.2026: flyttet vakt – mønsteret har ikke lenger denne vakten den dagen."]
    );
}

#[test]
fn a_changed_break_on_a_rotation_day_is_kept_when_the_rotation_is_applied_again() {
    let dir = temp_dir("adjusted");
    let (mut app, _, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    let w = week("2026-06-08", "2026-06-14");
    let session = app.session().expect("open");
    let shift_type = ShiftTypeInput {
        code: "N".into(),
        name: "Nattvakt".into(),
        start: "22:00".into(),
        end: "08:00".into(),
        passive_minutes: Some(360),
        ..ShiftTypeInput::default()
    };
    let (_, id, view) = monday_rotation(session, &kari, shift_type);
    let night = view.shifts[0].clone();
    assert_eq!(night.passive_minutes, 360);

    // A restless night: only two hours of passive time, and a 30-minute break.
    session
        .update_shift(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftInput {
                id: Some(night.id.clone()),
                break_minutes: Some(30),
                passive_minutes: Some(120),
                ..shift_input(&kari, "2026-06-08", "22:00", "08:00")
            },
        )
        .expect("changed");
    let view = session
        .apply_rotation(t(NOW), day(TODAY), &w, &id, "2026-06-01", "2026-06-21")
        .expect("applied again over a longer period");
    let again = view
        .shifts
        .iter()
        .find(|s| s.id == night.id)
        .expect("the night is still there");
    assert_eq!(
        (again.break_minutes, again.passive_minutes),
        (30, 120),
        "the day's own break and passive time are kept"
    );
    assert_eq!(view.rotations[0].changes, 1);
    assert!(view.rotations[0].stale_changes.is_empty());
}

#[test]
fn a_renamed_assistant_keeps_their_calendar_file_and_two_plans_never_share_a_folder() {
    let dir = temp_dir("folder-rename");
    let calendars = dir.join("kalendere");
    std::fs::create_dir_all(&calendars).expect("a folder");
    let (mut app, _, view) = created(&dir);
    let w = week("2026-06-08", "2026-06-14");
    app.set_calendar_folder(
        t(NOW),
        day(TODAY),
        &w,
        Some(&calendars.display().to_string()),
    )
    .expect("kept");
    let kari = view.assistants[0].id.clone();
    let file = calendars.join(format!("Kari-Nordmann-{kari}.ics"));
    assert!(file.is_file());

    // Kari's surname was misspelt; the phone that subscribes to her file must keep getting it.
    app.session()
        .expect("open")
        .save_assistant(
            t(NOW),
            day(TODAY),
            &w,
            &AssistantInput {
                id: Some(kari.clone()),
                name: "Kari Nordmann-Lie".into(),
                ..AssistantInput::default()
            },
        )
        .expect("renamed");
    let text = std::fs::read_to_string(&file).expect("the same file");
    assert!(
        text.contains("Vakter – Kari Nordmann-Lie"),
        "a new calendar name alone is reason to write the calendar again: {text}"
    );
    with_a_shift(&mut app);
    let text = std::fs::read_to_string(&file).expect("the same file");
    assert!(
        text.contains("DTSTART:20260608T060000Z"),
        "the new shift reaches the old file"
    );
    let names: Vec<String> = std::fs::read_dir(&calendars)
        .expect("listed")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ics"))
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no second file for the renamed assistant: {names:?}"
    );

    // A second plan on this computer may not write into the same folder.
    let second = dir.join("andre.turnus");
    app.create_plan(t(NOW), day(TODAY), &second.display().to_string(), &guide())
        .expect("a second plan");
    let e = app
        .set_calendar_folder(
            t(NOW),
            day(TODAY),
            &w,
            Some(&calendars.display().to_string()),
        )
        .expect_err("the folder belongs to the first plan");
    assert_eq!(e.details["field"], "folder");
    assert!(
        e.message.starts_with("Planen ") && e.message.contains("skriver allerede kalendere"),
        "{}",
        e.message
    );
}

#[test]
fn saving_without_an_extension_never_replaces_a_file_the_dialog_did_not_ask_about() {
    let dir = temp_dir("no-extension");
    let (mut app, _, _) = created(&dir);
    let session = app.session().expect("open");
    let signed = dir.join("Timeliste oktober.pdf");
    std::fs::write(&signed, b"signert").expect("written");
    let e = session
        .export_pdf(
            &export_request("turnusplan", "2026-06-01", "2026-06-14", None),
            &dir.join("Timeliste oktober").display().to_string(),
            day(TODAY),
        )
        .expect_err("the .pdf file exists");
    assert_eq!(e.details["field"], "path");
    assert!(
        e.message.starts_with("Det finnes allerede en fil"),
        "{}",
        e.message
    );
    assert_eq!(std::fs::read(&signed).expect("read"), b"signert");
}

#[test]
fn a_deleted_extra_shift_of_a_rotation_does_not_come_back_when_the_rotation_is_applied_again() {
    let dir = temp_dir("extra");
    let mut app = app(&dir);
    app.open_demo(t(NOW), day(TODAY)).expect("the demo opens");
    let session = app.session().expect("open");
    let plan = session.plan().clone();
    let (rotation, extra) = plan
        .rotations
        .iter()
        .find_map(|r| {
            r.changes.iter().find_map(|c| match c {
                crate::model::DayChange::Extra { id, .. } => Some((r.id.clone(), id.clone())),
                _ => None,
            })
        })
        .expect("the demo rotation has an extra shift");
    let date = plan
        .shifts
        .iter()
        .find(|s| s.id == extra)
        .expect("the extra shift is in the plan")
        .start
        .local_date();
    let w = week(&date.to_string(), &date.to_string());
    let changes_before = plan.rotations[0].changes.len();
    session
        .delete_shift(t(NOW), day(TODAY), &w, extra.as_str())
        .expect("deleted");
    let view = session
        .apply_rotation(
            t(NOW),
            day(TODAY),
            &w,
            rotation.as_str(),
            &date.to_string(),
            &date.to_string(),
        )
        .expect("applied again");
    assert!(
        view.shifts.iter().all(|s| s.id != extra.as_str()),
        "the deleted extra shift stays deleted"
    );
    assert_eq!(
        session.plan().rotations[0].changes.len(),
        changes_before - 1,
        "its day change is gone with it, in the same undo step"
    );
    // Applying changed nothing here, so one undo takes back the deletion, day change and all.
    assert_eq!(
        view.history.next_undo.as_deref(),
        Some("Slett vakt"),
        "applying the rotation again made no change to undo"
    );
    let view = session
        .undo(t(NOW), day(TODAY), &w)
        .expect("undo the delete");
    assert!(view.shifts.iter().any(|s| s.id == extra.as_str()));
    assert_eq!(session.plan().rotations[0].changes.len(), changes_before);
}

#[test]
fn history_says_whose_shift_moved_from_when_to_when_and_who_took_it_over() {
    let dir = temp_dir("history-details");
    let (mut app, _path, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    let w = week("2026-03-09", "2026-03-15");
    let session = app.session().expect("the new plan is open");
    let ola = session
        .save_assistant(
            t(NOW),
            day(TODAY),
            &w,
            &AssistantInput {
                name: "Ola Hansen".into(),
                ..AssistantInput::default()
            },
        )
        .expect("a second assistant is added")
        .assistants
        .iter()
        .find(|a| a.name == "Ola Hansen")
        .expect("Ola is in the plan")
        .id
        .clone();
    let added = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input(&kari, "2026-03-12", "07:00", "15:00"),
        )
        .expect("a shift is added");
    let id = added.shifts[0].id.clone();
    let mut moved = shift_input(&kari, "2026-03-12", "08:00", "16:00");
    moved.id = Some(id.clone());
    session
        .update_shift(t(NOW), day(TODAY), &w, &moved)
        .expect("the shift moves");
    let mut handed = shift_input(&ola, "2026-03-12", "08:00", "16:00");
    handed.id = Some(id.clone());
    session
        .update_shift(t(NOW), day(TODAY), &w, &handed)
        .expect("Ola takes it");
    session
        .delete_shift(t(NOW), day(TODAY), &w, &id)
        .expect("the shift is deleted");

    let history = session.history(10).expect("the change log can be read");
    let details: Vec<&str> = history
        .iter()
        .take(4)
        .flat_map(|h| h.details.iter().map(String::as_str))
        .collect();
    assert_eq!(
        details,
        [
            "Vakten til Ola Hansen 12.03.2026 08:00–16:00 er slettet.",
            "Vakten til Kari Nordmann 12.03.2026 08:00–16:00 er flyttet til Ola Hansen.",
            "Vakten til Kari Nordmann 12.03.2026 07:00–15:00 er flyttet til 08:00–16:00.",
            "Ny vakt for Kari Nordmann 12.03.2026 07:00–15:00.",
        ],
        "each action says whose shift, on which day and at what times, and what became of it"
    );
    assert_eq!(
        history[4].details,
        ["Assistenten «Ola Hansen» er lagt til."]
    );
}

#[test]
fn a_leverandor_longer_than_200_characters_is_refused_naming_the_field() {
    let input = SettingsInput {
        name: "Turnus".into(),
        arbeidsleder: "Ragnhild".into(),
        leverandor: Some("x".repeat(crate::limits::MAX_NAME_CHARS + 1)),
        current_user: None,
        carry_over: None,
        main_holiday_deadline: None,
    };
    let e = validate::settings(&input, Language::En).expect_err("201 characters");
    assert_eq!(e.details["field"], "leverandor", "{e:?}");
    assert!(e.message.contains("at most 200 characters"), "{e:?}");
    let fine = SettingsInput {
        leverandor: Some("x".repeat(crate::limits::MAX_NAME_CHARS)),
        ..input
    };
    assert!(validate::settings(&fine, Language::En).is_ok());
}

#[test]
fn a_name_given_in_the_settings_while_a_plan_is_open_is_stamped_on_the_next_change() {
    let dir = temp_dir("name-while-open");
    let (mut app, _path, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    let w = week("2026-06-08", "2026-06-14");
    let mut settings = app.settings();
    settings.user_name = "Per Haugen".into();
    app.save_settings(&settings)
        .expect("the settings are saved");
    let session = app.session().expect("the plan is still open");
    session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input(&kari, "2026-06-08", "08:00", "12:00"),
        )
        .expect("a shift is added");
    let history = session.history(1).expect("the change log can be read");
    assert_eq!(
        history[0].by, "Per Haugen",
        "the settings promise that the name is written into the history at every change"
    );
}

#[test]
fn deleting_an_assistant_with_shifts_says_what_they_have_and_changes_nothing() {
    let dir = temp_dir("delete-with-shifts");
    let (mut app, _path, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    let w = week("2026-06-08", "2026-06-14");
    let session = app.session().expect("the new plan is open");
    for (date, start, end) in [
        ("2026-06-08", "08:00", "12:00"),
        ("2026-06-10", "08:00", "12:00"),
    ] {
        session
            .add_shift(
                t(NOW),
                day(TODAY),
                &w,
                &shift_input(&kari, date, start, end),
            )
            .expect("a shift is added");
    }
    let e = session
        .delete_assistant_handing_over(t(NOW), day(TODAY), &w, &kari, None)
        .expect_err("Kari still has two shifts");
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(
        e.message,
        "Kari Nordmann kan ikke slettes ennå: Kari Nordmann har 2 vakter i planen (08.06.2026–10.06.2026). Gjør vaktene åpne, eller flytt dem til en annen assistent, og slett så."
    );
    assert_eq!(
        e.details["shifts"], 2,
        "the UI reads the count: {:?}",
        e.details
    );
    let after = session.view(&w, day(TODAY)).expect("a view");
    assert_eq!(after.assistants.len(), 1, "Kari is still there");
    assert_eq!(after.shifts.len(), 2, "and so are her shifts");
}

#[test]
fn deleting_an_assistant_makes_their_shifts_open_or_hands_them_over_in_one_undo_step() {
    let dir = temp_dir("delete-hand-over");
    let (mut app, _path, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    let w = week("2026-06-08", "2026-06-14");
    let session = app.session().expect("the new plan is open");
    let ola = session
        .save_assistant(
            t(NOW),
            day(TODAY),
            &w,
            &AssistantInput {
                name: "Ola Hansen".into(),
                ..AssistantInput::default()
            },
        )
        .expect("Ola is added")
        .assistants
        .iter()
        .find(|a| a.name == "Ola Hansen")
        .expect("Ola is in the plan")
        .id
        .clone();
    session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift_input(&kari, "2026-06-08", "08:00", "12:00"),
        )
        .expect("a shift is added");

    let open = session
        .delete_assistant_handing_over(t(NOW), day(TODAY), &w, &kari, Some(&HandOver::Open))
        .expect("Kari is deleted and her shift made open");
    assert!(open.assistants.iter().all(|a| a.id != kari), "Kari is gone");
    assert_eq!(
        open.shifts.len(),
        1,
        "the help is still needed: the shift stays"
    );
    assert_eq!(open.shifts[0].assistant, None, "as an open shift");

    let undone = session.undo(t(NOW), day(TODAY), &w).expect("one undo");
    assert!(
        undone.assistants.iter().any(|a| a.id == kari),
        "undo brings Kari back"
    );
    assert_eq!(
        undone.shifts[0].assistant.as_deref(),
        Some(kari.as_str()),
        "with her shift"
    );

    let refused = session
        .delete_assistant_handing_over(
            t(NOW),
            day(TODAY),
            &w,
            &kari,
            Some(&HandOver::To(kari.clone())),
        )
        .expect_err("Kari cannot take over her own shifts");
    assert_eq!(refused.details["field"], "hand_over");

    let moved = session
        .delete_assistant_handing_over(
            t(NOW),
            day(TODAY),
            &w,
            &kari,
            Some(&HandOver::To(ola.clone())),
        )
        .expect("Kari is deleted and Ola takes her shift");
    assert_eq!(moved.shifts[0].assistant.as_deref(), Some(ola.as_str()));
    let history = session.history(1).expect("the change log");
    assert_eq!(
        history[0].what, "Slett assistent",
        "one action in the history"
    );
}

#[test]
fn a_plan_file_holding_an_absurd_busy_time_is_refused_on_opening_with_the_field_named() {
    let dir = temp_dir("poisoned");
    let (mut app, path, view) = created(&dir);
    let kari = view.assistants[0].id.clone();
    app.close_plan().expect("closed");
    {
        let mut file =
            PlanFile::open(&path, &OpenOptions::new("Kari", t(NOW))).expect("the file opens");
        let start = t("2026-06-10T08:00");
        let busy = crate::model::BusyTime {
            id: "b".into(),
            assistant: crate::model::AssistantId(kari),
            start,
            end: start.plus(99_999_999_999_999 * crate::time::DAY),
            source: "gammel.ics".into(),
            summary: String::new(),
        };
        file.apply(t(NOW), "old import", &[crate::store::Edit::AddBusy(busy)])
            .expect("the store takes it");
        file.close().expect("closed");
    }
    let e = Session::open(&path, &OpenOptions::new("Kari", t(NOW)), Language::En)
        .err()
        .expect("the poisoned plan is refused, not opened to panic later");
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert_eq!(e.details["field"], "busy[0].end", "{}", e.message);
}
