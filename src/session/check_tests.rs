//! Behaviour tests of the whole plan's law check: `check_plan` over a period, the plan-wide
//! counts in every view, and the note saying how a limit is made up.

use chrono::NaiveDate;

use super::*;

fn t(text: &str) -> Instant {
    Instant::parse(text).expect("a valid local time in the test")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a valid date in the test")
}

fn window(from: &str, to: &str) -> Window {
    Window {
        from: from.into(),
        to: to.into(),
    }
}

const NOW: &str = "2026-12-01T09:00";
const TODAY: &str = "2026-12-01";
const DECEMBER_WEEK: (&str, &str) = ("2026-11-30", "2026-12-06");

/// A plan in memory with Kari, who has an evening and a morning 8 h apart in March 2027
/// (REST-D) and nothing in December 2026.
fn march_rest_breach() -> (Session, String) {
    let mut session = Session::in_memory("Ingrid", Language::Nb).expect("a plan in memory");
    let w = window(DECEMBER_WEEK.0, DECEMBER_WEEK.1);
    let view = session
        .save_assistant(
            t(NOW),
            day(TODAY),
            &w,
            &AssistantInput {
                name: "Kari Nordmann".into(),
                ..AssistantInput::default()
            },
        )
        .expect("an assistant is added");
    let kari = view.assistants[0].id.clone();
    for (d, start, end) in [
        ("2027-03-08", "19:00", "23:00"),
        ("2027-03-09", "07:00", "11:00"),
    ] {
        session
            .add_shift(t(NOW), day(TODAY), &w, &shift(&kari, d, start, end))
            .expect("the shift is added");
    }
    (session, kari)
}

fn shift(assistant: &str, d: &str, start: &str, end: &str) -> ShiftInput {
    ShiftInput {
        assistant: Some(assistant.into()),
        day: d.into(),
        start: start.into(),
        end: end.into(),
        ..ShiftInput::default()
    }
}

#[test]
fn a_rest_breach_in_march_counts_in_the_plan_summary_of_a_december_view_but_not_in_its_window() {
    let (mut session, _) = march_rest_breach();
    let view = session
        .view(&window(DECEMBER_WEEK.0, DECEMBER_WEEK.1), day(TODAY))
        .expect("the December week is shown");
    assert_eq!(
        view.summary.violations, 0,
        "nothing is wrong in the December week the grid shows"
    );
    assert_eq!(
        view.plan_summary.violations, 1,
        "the March rest breach counts in the whole plan's summary, which the badge shows"
    );
}

#[test]
fn check_plan_without_dates_lists_the_whole_plan_and_a_month_lists_only_that_month() {
    let (mut session, _) = march_rest_breach();
    let whole = session.check_plan(None, None).expect("the whole plan");
    assert_eq!((whole.from.as_deref(), whole.to.as_deref()), (None, None));
    let rest = whole
        .findings
        .iter()
        .find(|f| f.rule == "REST-D")
        .expect("the whole plan's check holds the March rest breach");
    assert_eq!(rest.assistant_names, ["Kari Nordmann"]);
    assert_eq!(
        rest.dates,
        ["2027-03-08", "2027-03-09"],
        "the dates are the work days of its shifts, though no window was given"
    );
    assert_eq!(whole.summary.violations, 1);

    let march = session
        .check_plan(Some("2027-03-01"), Some("2027-03-31"))
        .expect("March");
    assert_eq!(march.from.as_deref(), Some("2027-03-01"));
    assert!(
        march.findings.iter().any(|f| f.rule == "REST-D"),
        "March holds the breach"
    );
    let december = session
        .check_plan(Some("2026-12-01"), Some("2026-12-31"))
        .expect("December");
    assert!(
        december.findings.is_empty() && december.summary == SummaryView::default(),
        "December has no findings: {:?}",
        december.findings
    );
    let from_april = session
        .check_plan(Some("2027-04-01"), None)
        .expect("from April on");
    assert!(
        from_april.findings.is_empty(),
        "an open end reaches to the plan's end, and April on has nothing"
    );
}

#[test]
fn check_plan_refuses_a_date_it_cannot_read_naming_the_field() {
    let (mut session, _) = march_rest_breach();
    let e = session
        .check_plan(Some("1.3.27"), None)
        .expect_err("a date not written YYYY-MM-DD");
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(e.details["field"], "from", "the error names the field");
    let e = session
        .check_plan(None, Some("2027-02-30"))
        .expect_err("a date that does not exist");
    assert_eq!(e.details["field"], "to");
    let e = session
        .check_plan(Some("2027-03-31"), Some("2027-03-01"))
        .expect_err("an end before the start");
    assert_eq!(
        (e.code, e.details["field"].as_str()),
        (ErrorCode::InvalidInput, Some("to")),
        "the end is the field to correct: {}",
        e.message
    );
    assert!(
        session.check_plan(Some(""), Some("")).is_ok(),
        "empty dates mean an open period, as null does"
    );
}

#[test]
fn check_plan_is_a_command_of_the_table_answering_findings_and_counts() {
    let dir = std::env::temp_dir().join(format!("turnus-check-{}", crate::store::new_id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let mut app = App::new(crate::store::Folders::under(&dir), "Kari");
    app.open_demo(t(NOW), day(TODAY)).expect("the demo opens");
    let answer = commands::dispatch(
        &mut app,
        t(NOW),
        day(TODAY),
        "check_plan",
        serde_json::json!({ "from": null, "to": null }),
    )
    .expect("check_plan answers");
    assert!(
        answer["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "the demo plan has findings: {answer}"
    );
    assert!(answer["summary"]["violations"].as_u64().is_some());
    let bad = commands::dispatch(
        &mut app,
        t(NOW),
        day(TODAY),
        "check_plan",
        serde_json::json!({ "from": "31.12.2026", "to": null }),
    )
    .expect_err("an unreadable date");
    assert_eq!(bad.details["field"], "from");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_day_raised_by_passive_time_explains_its_limit_as_nine_hours_plus_the_passive_share() {
    let (mut session, kari) = march_rest_breach();
    let w = window("2027-05-03", "2027-05-09");
    let view = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftInput {
                break_minutes: Some(30),
                passive_minutes: Some(5 * 60),
                ..shift(&kari, "2027-05-03", "07:00", "19:30")
            },
        )
        .expect("a long day with passive time");
    let nh = view
        .findings
        .iter()
        .find(|f| f.rule == "NH-D")
        .expect("12 h of work is above 9 h + 2 h");
    assert_eq!(
        nh.limit,
        11 * 60,
        "9 h raised by half the passive time, at most 2 h"
    );
    assert_eq!(
        nh.limit_note.as_deref(),
        Some("9 t + 2 t for passiv tid (halvparten av 5 t passiv tid, høyst 2 t)"),
        "the note says how 11 h came about"
    );
    let rest = view
        .findings
        .iter()
        .find(|f| f.rule == "BRK" || f.rule == "REST-D");
    if let Some(plain) = rest {
        assert_eq!(plain.limit_note, None, "a plain limit has no note");
    }

    session.set_language(Language::En);
    let en = session
        .check_plan(Some("2027-05-01"), Some("2027-05-31"))
        .expect("May");
    let nh = en
        .findings
        .iter()
        .find(|f| f.rule == "NH-D")
        .expect("the same finding in English");
    assert_eq!(
        nh.limit_note.as_deref(),
        Some("9 h + 2 h for passive time (half of 5 h passive time, at most 2 h)")
    );
}

#[test]
fn the_plain_daily_limit_has_no_note() {
    let (mut session, kari) = march_rest_breach();
    let w = window("2027-05-03", "2027-05-09");
    let view = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftInput {
                break_minutes: Some(30),
                ..shift(&kari, "2027-05-03", "07:00", "17:30")
            },
        )
        .expect("a 10 h day without passive time");
    let nh = view
        .findings
        .iter()
        .find(|f| f.rule == "NH-D")
        .expect("10 h is above 9 h");
    assert_eq!((nh.limit, nh.limit_note.as_deref()), (9 * 60, None));
}

#[test]
fn the_rest_after_a_long_shift_says_its_limit_is_the_long_shifts_own() {
    let (mut session, kari) = march_rest_breach();
    let w = window("2027-05-03", "2027-05-09");
    session
        .set_profile(
            t(NOW),
            day(TODAY),
            &w,
            &ProfileInput {
                preset: "tariff_long_shifts".into(),
                overrides: Default::default(),
            },
        )
        .expect("the tariff profile with long shifts");
    session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftInput {
                long_shift: Some(true),
                break_minutes: Some(60),
                ..shift(&kari, "2027-05-03", "08:00", "04:00")
            },
        )
        .expect("a 20 h long shift");
    let view = session
        .add_shift(
            t(NOW),
            day(TODAY),
            &w,
            &shift(&kari, "2027-05-04", "10:00", "14:00"),
        )
        .expect("a shift six hours after it");
    let rest = view
        .findings
        .iter()
        .find(|f| f.rule == "REST-D" && f.limit == 22 * 60)
        .expect("a long shift must be followed by 22 h of rest");
    assert_eq!(
        rest.limit_note.as_deref(),
        Some("22 t etter langvakt (ellers 11 t)"),
        "the note says why the rest needed is 22 h, not 11 h"
    );
}

/// A plan in memory with Kari on a one-week rotation of seven 17-hour days, not applied.
fn long_days_rotation() -> (Session, String) {
    let (mut session, kari) = {
        let mut session = Session::in_memory("Ingrid", Language::Nb).expect("a plan in memory");
        let view = session
            .save_assistant(
                t(NOW),
                day(TODAY),
                &window(DECEMBER_WEEK.0, DECEMBER_WEEK.1),
                &AssistantInput {
                    name: "Kari Nordmann".into(),
                    ..AssistantInput::default()
                },
            )
            .expect("an assistant is added");
        let kari = view.assistants[0].id.clone();
        (session, kari)
    };
    let w = window(DECEMBER_WEEK.0, DECEMBER_WEEK.1);
    session
        .save_shift_type(
            t(NOW),
            day(TODAY),
            &w,
            &ShiftTypeInput {
                code: "L".into(),
                name: "Lang dag".into(),
                start: "06:00".into(),
                end: "23:00".into(),
                ..ShiftTypeInput::default()
            },
        )
        .expect("the shift type is saved");
    let view = session
        .save_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &RotationInput {
                name: "Sytten timer".into(),
                weeks: 1,
                start: "2027-01-04".into(),
                slots: (1..=7)
                    .map(|weekday| SlotInput {
                        week: 1,
                        weekday,
                        shift_type: "L".into(),
                        assistant: Some(kari.clone()),
                        skip_red_days: Some(false),
                    })
                    .collect(),
                ..RotationInput::default()
            },
        )
        .expect("the rotation is saved");
    assert!(view.shifts.is_empty(), "the rotation is not applied");
    (session, view.rotations[0].id.clone())
}

#[test]
fn a_rotation_of_long_days_shows_its_breaches_at_the_pattern_and_in_the_counts() {
    let (mut session, rotation) = long_days_rotation();
    let w = window(DECEMBER_WEEK.0, DECEMBER_WEEK.1);
    let view = session.view(&w, day(TODAY)).expect("a view");
    let found = &view.rotations[0].findings;
    let tot: Vec<&FindingView> = found.iter().filter(|f| f.rule == "TOT-D").collect();
    assert_eq!(tot.len(), 7, "once per weekday");
    let monday = tot[0]
        .pattern
        .as_ref()
        .expect("a pattern finding says where");
    assert_eq!(
        (monday.rotation.as_str(), monday.week, monday.weekday),
        (rotation.as_str(), 1, 1)
    );
    assert_eq!(
        monday.sentence,
        "Turnusen «Sytten timer», uke 1, mandag: 52 ganger på 52 uker"
    );
    assert!(!monday.on_calendar);
    assert_eq!(tot[0].title, "Samlet arbeidstid per dag");
    assert_eq!(view.rotations[0].check_weeks, 52);
    let violations = found.iter().filter(|f| f.severity == "violation").count();
    assert!(violations > 0);
    assert_eq!(view.plan_summary.violations as usize, violations);
    assert_eq!(view.summary.violations, 0, "the grid's week has no shift");

    let whole = session.check_plan(None, None).expect("the whole plan");
    assert_eq!(whole.findings.len(), found.len());
    assert_eq!(whole.summary, view.plan_summary);
    // Before the rotation starts it is not in force.
    let before = session
        .check_plan(Some("2026-12-01"), Some("2026-12-31"))
        .expect("December");
    assert!(before.findings.is_empty());

    // Applied for four weeks, the calendar shows the daily breaches: they are listed at the
    // pattern too, but counted once.
    let view = session
        .apply_rotation(
            t(NOW),
            day(TODAY),
            &w,
            &rotation,
            "2027-01-04",
            "2027-01-31",
        )
        .expect("the rotation is applied");
    let whole = session.check_plan(None, None).expect("the whole plan");
    let pattern_tot = whole
        .findings
        .iter()
        .find(|f| f.rule == "TOT-D" && f.pattern.is_some())
        .expect("still listed at the pattern");
    assert!(pattern_tot.pattern.as_ref().unwrap().on_calendar);
    let counted = whole
        .findings
        .iter()
        .filter(|f| f.severity == "violation" && f.pattern.as_ref().is_none_or(|p| !p.on_calendar))
        .count();
    assert_eq!(whole.summary.violations as usize, counted);
    assert_eq!(view.plan_summary, whole.summary);
}
