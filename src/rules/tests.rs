//! Rule tests, one behaviour each, written in the rota notation of `fixture`.

use super::fixture::{at, rota};
use super::*;
use crate::interchange::read_plan;
use crate::model::Plan;

fn run(plan: &Plan) -> Vec<Finding> {
    check(plan, &CheckOptions::default()).findings
}

fn of(plan: &Plan, rule: &str) -> Vec<Finding> {
    run(plan)
        .into_iter()
        .filter(|f| f.rule.id() == rule)
        .collect()
}

fn hard(plan: &Plan, rule: &str) -> Vec<Finding> {
    of(plan, rule)
        .into_iter()
        .filter(|f| f.severity != Severity::Info)
        .collect()
}

fn with_overrides(preset: &str, overrides: &str, text: &str) -> Plan {
    let mut plan = rota(preset, text);
    plan.profile =
        crate::model::Profile::from_raw(preset, &serde_json::from_str(overrides).unwrap()).unwrap();
    plan
}

fn one(found: Vec<Finding>, why: &str) -> Finding {
    assert_eq!(
        found.len(),
        1,
        "{why}: expected exactly one finding, got {found:#?}"
    );
    found.into_iter().next().unwrap()
}

// --- REST-D -------------------------------------------------------------------------------

#[test]
fn rest_of_10h59_between_evening_and_morning_breaks_daily_rest() {
    let f = one(
        hard(&rota("aml", "A Mon 18-22; A Tue 08:59-12:59"), "REST-D"),
        "10 h 59 min is less than 11 h",
    );
    assert_eq!((f.measured, f.limit), (659, 660));
    assert_eq!(f.start, at("2026-06-08T18:00"));
    assert_eq!(
        f.end,
        at("2026-06-09T18:00"),
        "the finding points at the 24-hour window"
    );
    assert_eq!(f.severity, Severity::Violation);
}

#[test]
fn rest_of_exactly_11h_passes() {
    assert!(hard(&rota("aml", "A Mon 18-22; A Tue 09-13"), "REST-D").is_empty());
}

#[test]
fn short_evening_then_short_morning_leaves_12h_in_the_window() {
    // The window from 20:00 holds 08:00–20:00 off duty.
    assert!(hard(&rota("aml", "A Mon 20-21; A Tue 07-08"), "REST-D").is_empty());
}

#[test]
fn rest_across_the_autumn_clock_change_counts_the_extra_hour() {
    // 23:00 CEST to 09:00 CET: ten hours on the wall clock, eleven in fact.
    let plan = rota("aml", "A 2026-10-24 12-23; A 2026-10-25 09-13");
    assert!(
        hard(&plan, "REST-D").is_empty(),
        "11 real hours of rest are enough"
    );
}

#[test]
fn rest_across_the_spring_clock_change_loses_an_hour() {
    // 23:00 CET to 10:00 CEST: eleven hours on the wall clock, ten in fact.
    let plan = rota("aml", "A 2026-03-28 14-23; A 2026-03-29 10-14");
    let f = one(hard(&plan, "REST-D"), "the spring night is an hour short");
    assert_eq!((f.measured, f.limit), (600, 660));
}

#[test]
fn reduced_rest_under_tariff_is_info_above_the_floor_and_a_violation_below() {
    let reduced = rota("tariff", "A Mon 15-23; A Tue 07-11");
    assert!(
        hard(&reduced, "REST-D").is_empty(),
        "8 h is the floor, allowed"
    );
    let info = of(&reduced, "REST-D");
    assert!(info
        .iter()
        .any(|f| f.severity == Severity::Info && f.measured == 480 && f.limit == 660));
    let below = rota("tariff", "A Mon 15-23; A Tue 06:59-11");
    let f = one(hard(&below, "REST-D"), "7 h 59 min is below the 8 h floor");
    assert_eq!((f.measured, f.limit), (479, 480));
}

#[test]
fn compensation_after_8h_rest_requires_14h_next() {
    let short = rota("tariff", "A Mon 15-23; A Tue 07-15; A Wed 04:59-10");
    let f = one(
        hard(&short, "REST-D"),
        "13 h 59 min does not compensate 8 h",
    );
    assert_eq!((f.measured, f.limit), (839, 840));
    assert_eq!(
        f.start,
        at("2026-06-09T15:00"),
        "the finding points at the next gap"
    );
    assert_eq!(f.end, at("2026-06-10T04:59"));
    assert_eq!(f.detail, Some(Detail::Compensation));
    let enough = rota("tariff", "A Mon 15-23; A Tue 07-15; A Wed 05-10");
    assert!(hard(&enough, "REST-D").is_empty(), "14 h compensates 8 h");
}

#[test]
fn split_day_pause_under_tariff_owes_compensation_as_specified() {
    // RULES.md: any gap shorter than the daily rest sets the next gap's requirement, a split
    // day's 3 h pause included: 11 + (11 − 3) = 19 h, and 20:00–07:00 holds 11 h.
    let plan = rota("tariff", "A Mon 07-12; A Mon 15-20; A Tue 07-12");
    let f = one(hard(&plan, "REST-D"), "the 3 h pause asks for 19 h next");
    assert_eq!((f.measured, f.limit), (660, 1140));
    assert_eq!(f.start, at("2026-06-08T20:00"));
}

#[test]
fn rest_after_a_long_shift_must_be_22h() {
    let short = rota(
        "tariff_long_shifts",
        "A Mon 08-08 long b60; A Wed 05:59-12 b30",
    );
    let f = one(hard(&short, "REST-D"), "21 h 59 min after a long shift");
    assert_eq!((f.measured, f.limit), (1319, 1320));
    assert_eq!(f.start, at("2026-06-09T08:00"));
    assert_eq!(f.detail, Some(Detail::AfterLongShift));
    let enough = rota(
        "tariff_long_shifts",
        "A Mon 08-08 long b60; A Wed 06-12 b30",
    );
    assert!(hard(&enough, "REST-D").is_empty());
    assert!(
        hard(&enough, "NH-D").is_empty() && hard(&enough, "TOT-D").is_empty(),
        "an agreed 24 h long shift is normal working time"
    );
}

#[test]
fn cancelled_shifts_are_ignored() {
    let plan = rota("aml", "A Mon 19-23; A Tue 07-11 cancelled");
    assert!(run(&plan).iter().all(|f| f.rule != Rule::RestD));
}

// --- REST-W -------------------------------------------------------------------------------

#[test]
fn weekly_rest_across_the_week_boundary_is_a_warning() {
    let plan = rota(
        "aml",
        "A 2026-06-06 08-16; A Mon 08-16; A Tue 08-16; A Wed 08-16; A Thu 08-16; A Fri 08-16; \
         A Sat 08-16; A Sun 14-22",
    );
    let week = of(&plan, "REST-W")
        .into_iter()
        .filter(|f| f.start == at("2026-06-08T00:00") && f.severity != Severity::Info)
        .collect::<Vec<_>>();
    let f = one(
        week,
        "the 40 h rest from Saturday 6 June lies across the boundary",
    );
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.detail, Some(Detail::AcrossWeekBoundary));
    assert_eq!((f.measured, f.limit), (22 * 60, 35 * 60));
}

#[test]
fn weekly_rest_without_sunday_is_info() {
    let plan = rota("aml", "A Sat 08-20; A Sun 08-20");
    assert!(of(&plan, "REST-W")
        .iter()
        .any(|f| f.severity == Severity::Info && f.detail == Some(Detail::NoSunday)));
}

// --- NH-D, TOT-D, BRK ---------------------------------------------------------------------

#[test]
fn spring_night_of_9h_is_within_the_daily_limit_and_autumn_night_of_11h_is_not() {
    assert!(hard(&rota("aml", "A 2026-03-28 22-08 b30"), "NH-D").is_empty());
    let f = one(
        hard(&rota("aml", "A 2026-10-24 22-08 b30"), "NH-D"),
        "the 11 h night",
    );
    assert_eq!((f.measured, f.limit), (660, 540));
}

#[test]
fn passive_time_raises_the_daily_limit_by_half_up_to_2h() {
    // 10 h with 3 h passive: limit 9 h + 1 h 30 min.
    assert!(hard(&rota("aml", "A Mon 22-08 p180 b30"), "NH-D").is_empty());
    // 12 h with 8 h passive: limit 9 h + 2 h (capped).
    let f = one(
        hard(&rota("aml", "A Mon 20-08 p480 b30"), "NH-D"),
        "cap of 2 h",
    );
    assert_eq!((f.measured, f.limit), (720, 660));
}

#[test]
fn a_day_over_13h_breaks_the_total_daily_limit() {
    let f = one(
        hard(&rota("aml", "A Mon 07-20:30 b30"), "TOT-D"),
        "13 h 30 min",
    );
    assert_eq!(
        (f.measured, f.limit, f.severity),
        (810, 780, Severity::Violation)
    );
}

#[test]
fn breaks_8h_block_needs_30_min_and_over_5h30_needs_one() {
    let f = one(
        hard(&rota("aml", "A Mon 08-16 b20"), "BRK"),
        "8 h with 20 min",
    );
    assert_eq!((f.measured, f.limit), (20, 30));
    assert!(
        hard(&rota("aml", "A Tue 08-13:30"), "BRK").is_empty(),
        "5 h 30 min exactly"
    );
    let f = one(
        hard(&rota("aml", "A Wed 08-13:31"), "BRK"),
        "5 h 31 min, no break",
    );
    assert_eq!((f.measured, f.limit), (0, 1));
    // Two touching shifts form one 8 h block; their breaks add up.
    assert!(hard(&rota("aml", "A Thu 08-12 b15; A Thu 12-16 b15"), "BRK").is_empty());
}

// --- Weekly hours and overtime --------------------------------------------------------------

#[test]
fn a_49h_week_breaks_the_total_weekly_limit_under_plain_law() {
    let plan = rota(
        "aml",
        "A Mon 07-17 b30; A Tue 07-17 b30; A Wed 07-17 b30; A Thu 07-17 b30; A Fri 07-16 b30",
    );
    let f = one(hard(&plan, "TOT-W"), "49 h");
    assert_eq!((f.measured, f.limit), (2940, 2880));
    assert_eq!(f.start, at("2026-06-08T00:00"));
}

fn overtime_weeks(weeks: usize) -> String {
    (0..weeks)
        .flat_map(|w| {
            ["Mon", "Tue", "Wed", "Thu"]
                .into_iter()
                .map(move |d| format!("A {d}+{w} 07-17:45 b30"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn overtime_over_4_weeks_merges_consecutive_windows() {
    // Each week: 4 days of 10 h 45 min = 7 h overtime; 5 weeks → windows 1 and 2 hold 28 h.
    let plan = rota("aml", &overtime_weeks(5));
    assert!(hard(&plan, "OT-W").is_empty(), "7 h a week is within 10 h");
    let f = one(
        hard(&plan, "OT-4W"),
        "windows starting in weeks 1 and 2 merge",
    );
    assert_eq!((f.measured, f.limit), (28 * 60, 25 * 60));
    assert_eq!(f.start, at("2026-06-08T00:00"));
    assert_eq!(
        f.end,
        at("2026-07-13T00:00"),
        "the last breaking window ends 13 July"
    );
}

#[test]
fn averaging_total_week_under_tariff_allows_a_long_week_but_not_over_69h() {
    let mut text = String::new();
    for d in ["Mon", "Tue", "Wed", "Thu", "Fri"] {
        text.push_str(&format!("A {d} 06-20 b30; "));
    }
    text.push_str("A Sat 06-10");
    // 74 h in one week, 8-week average 9 h 15 min.
    let plan = rota("tariff", &text);
    let found = hard(&plan, "TOT-W");
    let f = one(found, "one week above 69 h");
    assert_eq!(f.detail, Some(Detail::SingleWeek));
    assert_eq!((f.measured, f.limit), (74 * 60, 69 * 60));
}

#[test]
fn normal_hours_average_warns_for_a_full_period_and_informs_for_a_short_one() {
    let mut text = Vec::new();
    for w in 0..6 {
        for d in ["Mon", "Tue", "Wed", "Thu", "Fri"] {
            text.push(format!("A {d}+{w} 08-17 b30"));
        }
    }
    let plan = with_overrides(
        "aml_individual",
        r#"{"averaging_weeks": 4}"#,
        &text.join("; "),
    );
    let found = of(&plan, "NH-AVG");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!((found[0].measured, found[0].limit), (45 * 60, 40 * 60));
    assert_eq!(
        found[0].end,
        at("2026-07-06T00:00"),
        "the first period holds 4 weeks"
    );
    assert_eq!(
        found[1].severity,
        Severity::Info,
        "the last period is not complete"
    );
}

// --- Sundays and holidays -------------------------------------------------------------------

#[test]
fn saturday_evening_work_counts_as_sunday_work() {
    let f = one(
        hard(&rota("aml", "A Sat 14-20; A Sun+1 10-16 b30"), "SUN-NEXT"),
        "Saturday 14–20 works Sunday 14 June, so Sunday 21 June must be off",
    );
    assert_eq!(f.start, at("2026-06-20T18:00"));
    assert_eq!(f.measured, 360);
}

#[test]
fn saturday_day_shift_and_sunday_night_start_do_not_work_the_sunday() {
    assert!(hard(
        &rota("aml", "A Sat 10-18 b30; A Sun+1 10-16 b30"),
        "SUN-NEXT"
    )
    .is_empty());
    assert!(hard(
        &rota("aml", "A Sun 22-06 b30; A Sun+1 10-16 b30"),
        "SUN-NEXT"
    )
    .is_empty());
}

#[test]
fn one_evening_across_chained_zones_works_christmas_day_and_boxing_day() {
    let f = one(
        hard(&rota("aml", "A 2026-12-25 21-23"), "SUN-NEXT"),
        "the zones of 25 and 26 December chain at 22:00",
    );
    assert_eq!(f.start, at("2026-12-25T22:00"));
    assert_eq!(f.measured, 60);
}

#[test]
fn christmas_eve_afternoon_works_christmas_day() {
    let f = one(
        hard(
            &rota("aml", "A 2026-12-24 14-16; A 2026-12-26 10-12"),
            "SUN-NEXT",
        ),
        "Christmas Day's zone starts at 15:00 on Christmas Eve",
    );
    assert_eq!(f.start, at("2026-12-25T22:00"));
    assert_eq!(f.measured, 120);
}

#[test]
fn four_worked_sundays_in_a_row_break_the_4_week_rule() {
    let plan = rota(
        "tariff",
        "A Sun 10-16 b30; A Sun+1 10-16 b30; A Sun+2 10-16 b30; A Sun+3 10-16 b30",
    );
    let f = one(hard(&plan, "SUN-4W"), "no red day off in 4 weeks");
    assert_eq!((f.measured, f.limit, f.unit), (4, 3, Unit::Days));
    assert_eq!(f.start, at("2026-06-08T00:00"));
    assert!(hard(&plan, "SUN-AVG").is_empty(), "4 of 26 is within half");
    assert!(
        hard(&plan, "SUN-NEXT").is_empty(),
        "the tariff profile averages instead"
    );
}

#[test]
fn more_than_half_the_red_days_in_26_weeks_break_the_average() {
    // Every Sunday but one in each four weeks, over 26 weeks: 20 of 26 Sundays.
    let text = (0..26)
        .filter(|w| w % 4 != 3)
        .map(|w| format!("A Sun+{w} 10-16 b30"))
        .collect::<Vec<_>>()
        .join("; ");
    let plan = rota("tariff", &text);
    assert!(hard(&plan, "SUN-4W").is_empty());
    let found = hard(&plan, "SUN-AVG");
    assert!(!found.is_empty());
    assert_eq!(found[0].start, at("2026-06-08T00:00"));
    assert_eq!((found[0].measured, found[0].limit), (20, 13));
}

// --- Night -----------------------------------------------------------------------------------

#[test]
fn regular_night_work_limits_normal_hours_in_4_weeks() {
    let mut text = Vec::new();
    for w in 0..4 {
        for d in ["Mon", "Tue", "Wed", "Thu"] {
            text.push(format!("A {d}+{w} 22-08 b30"));
        }
        text.push(format!("A Sat+{w} 10-16 b30"));
    }
    let plan = rota("tariff", &text.join("; "));
    let f = one(
        hard(&plan, "NIGHT-AVG"),
        "184 h of normal hours in 4 weeks of nights",
    );
    assert_eq!((f.measured, f.limit), (184 * 60, 10_640));
    assert_eq!(f.start, at("2026-06-08T00:00"));
}

// --- Integrity and vedtak --------------------------------------------------------------------

fn json_plan(vedtak: &str, assistants: &str, shifts: &str) -> Plan {
    read_plan(&format!(
        r#"{{"format": "turnus-plan", "version": 1, "vedtak": [{vedtak}],
            "assistants": [{assistants}], "shifts": [{shifts}]}}"#
    ))
    .unwrap()
}

#[test]
fn double_staffing_is_split_where_the_vedtak_changes() {
    let plan = json_plan(
        r#"{"from": "2026-01-01", "to": "2026-06-08", "double_staffing": true},
           {"from": "2026-06-09", "double_staffing": false}"#,
        r#"{"id": "A"}, {"id": "B"}"#,
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T20:00", "end": "2026-06-09T02:00"},
           {"id": "b", "assistant": "B", "start": "2026-06-08T21:00", "end": "2026-06-09T03:00"}"#,
    );
    let f = one(
        hard(&plan, "DOUBLE-STAFF"),
        "only the part after midnight is not allowed",
    );
    assert_eq!(f.start, at("2026-06-09T00:00"));
    assert_eq!(f.measured, 120);
    assert_eq!(f.assistants.len(), 2);
}

#[test]
fn handover_and_no_vedtak() {
    let handover = json_plan(
        "",
        r#"{"id": "A"}, {"id": "B"}"#,
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T16:00"},
           {"id": "b", "assistant": "B", "start": "2026-06-08T16:00", "end": "2026-06-08T22:00"}"#,
    );
    assert!(
        hard(&handover, "DOUBLE-STAFF").is_empty(),
        "16:00/16:00 is a handover"
    );
    let overlap = json_plan(
        "",
        r#"{"id": "A"}, {"id": "B"}"#,
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T16:30"},
           {"id": "b", "assistant": "B", "start": "2026-06-08T16:00", "end": "2026-06-08T22:00"}"#,
    );
    let f = one(
        hard(&overlap, "DOUBLE-STAFF"),
        "no vedtak: double staffing not allowed",
    );
    assert_eq!(f.measured, 30);
}

#[test]
fn night_work_outside_the_vedtak_is_warned() {
    let plan = json_plan(
        r#"{"from": "2026-01-01", "night": "excluded"}"#,
        r#"{"id": "A"}"#,
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T18:00", "end": "2026-06-08T23:00"}"#,
    );
    let f = one(hard(&plan, "VEDTAK-NIGHT"), "21:00–23:00 is night");
    assert_eq!((f.measured, f.start), (120, at("2026-06-08T21:00")));
}

#[test]
fn close_family_without_approval_is_warned_and_with_approval_is_not() {
    let shift =
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T12:00"}"#;
    let without = json_plan("", r#"{"id": "A", "close_family": true}"#, shift);
    assert_eq!(hard(&without, "FAMILY").len(), 1);
    let with = json_plan(
        "",
        r#"{"id": "A", "close_family": true, "family_approval": "2026-01-15"}"#,
        shift,
    );
    assert!(hard(&with, "FAMILY").is_empty());
}

#[test]
fn contract_hours_and_short_notice_are_info() {
    let plan = json_plan(
        "",
        r#"{"id": "A", "contract_hours_per_week": 4}"#,
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T13:00",
            "created_at": "2026-06-01T10:00:00+02:00"}"#,
    );
    let contract = one(of(&plan, "CONTRACT"), "5 h against a 4 h contract");
    assert_eq!(
        (contract.severity, contract.measured, contract.limit),
        (Severity::Info, 300, 240)
    );
    let notice = one(of(&plan, "PLAN-14"), "planned 6 days 22 h ahead");
    assert_eq!(notice.severity, Severity::Info);
    assert_eq!(notice.measured, 6 * 24 * 60 + 22 * 60);
}

#[test]
fn same_assistant_booked_twice_is_one_block() {
    let plan = rota("aml", "A Mon 08-11; A Mon 10-12");
    let f = one(hard(&plan, "OVERLAP-SELF"), "one overlapping pair");
    assert_eq!(f.measured, 60);
    assert!(
        hard(&plan, "BRK").is_empty(),
        "the 4 h block needs no break"
    );
}

#[test]
fn an_assistants_own_profile_replaces_the_plans() {
    let plan = read_plan(
        r#"{"format": "turnus-plan", "version": 1, "profile": {"preset": "aml", "overrides": {"daily_normal_max_h": 8}},
            "assistants": [{"id": "A", "profile": "tariff"}, {"id": "B"}],
            "shifts": [
              {"id": "a", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T20:00", "break_minutes": 30},
              {"id": "b", "assistant": "B", "start": "2026-06-08T08:00", "end": "2026-06-08T16:30", "break_minutes": 30}]}"#,
    )
    .unwrap();
    let found = hard(&plan, "NH-D");
    let f = one(
        found,
        "A's 12 h is within tariff's 12.5 h; B's 8.5 h is above the plan's 8 h",
    );
    assert_eq!(f.assistants[0].as_str(), "B");
    assert_eq!(f.limit, 480);
}

#[test]
fn period_filter_keeps_only_findings_reaching_into_it() {
    let plan = rota(
        "aml",
        "A Mon 19-23; A Tue 07-11; A Mon+2 19-23; A Tue+2 07-11",
    );
    let all = hard(&plan, "REST-D");
    assert_eq!(all.len(), 2);
    let options = CheckOptions {
        from: Some(at("2026-06-15T00:00")),
        to: None,
        today: None,
    };
    let later: Vec<_> = check(&plan, &options)
        .findings
        .into_iter()
        .filter(|f| f.rule == Rule::RestD)
        .collect();
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].start, at("2026-06-22T19:00"));
}

#[test]
fn checker_after_an_edit_equals_a_fresh_check() {
    let mut plan = rota(
        "aml",
        "A Mon 19-23; A Tue 07-11; B Mon 08-16 b30; B Tue 08-16 b30; C Wed 08-12",
    );
    let mut checker = Checker::default();
    let first = checker.check(&plan, &CheckOptions::default());
    assert_eq!(first, check(&plan, &CheckOptions::default()));
    // Move A's morning shift four hours later: 12 h of rest, the REST-D breach disappears.
    plan.shifts[1].start = plan.shifts[1].start.plus(4 * 3600);
    plan.shifts[1].end = plan.shifts[1].end.plus(4 * 3600);
    let second = checker.check(&plan, &CheckOptions::default());
    assert_eq!(second, check(&plan, &CheckOptions::default()));
    assert!(second.findings.iter().all(|f| f.rule != Rule::RestD));
    // Give B's Tuesday to A: A now works 19–23 and 08–16, the checker must see it.
    plan.shifts[3].assistant = Some(crate::model::AssistantId("A".into()));
    let third = checker.check(&plan, &CheckOptions::default());
    assert_eq!(third, check(&plan, &CheckOptions::default()));
}

#[test]
fn hours_above_a_weekly_frame_are_warned() {
    let plan = json_plan(
        r#"{"from": "2026-01-01", "annual_frame": false, "hours_per_week": {"personlig_assistanse": 10}}"#,
        r#"{"id": "A"}"#,
        r#"{"id": "a", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T14:00"},
           {"id": "b", "assistant": "A", "start": "2026-06-09T08:00", "end": "2026-06-09T14:00"}"#,
    );
    let f = one(hard(&plan, "VEDTAK-FRAME"), "12 h against a 10 h week");
    assert_eq!((f.measured, f.limit), (720, 600));
    assert_eq!(f.start, at("2026-06-08T00:00"));
}

#[test]
fn work_elsewhere_counts_for_rest_and_total_hours_but_not_normal_hours() {
    let plan = read_plan(
        r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
            "shifts": [{"id": "a", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T15:00", "break_minutes": 30}],
            "busy": [{"id": "job@elsewhere", "assistant": "A", "start": "2026-06-08T15:00", "end": "2026-06-08T23:00", "source": "other.ics"},
                     {"id": "late", "assistant": "A", "start": "2026-06-09T15:00", "end": "2026-06-09T21:00"}]}"#,
    )
    .unwrap();
    let rest = hard(&plan, "REST-D");
    let measured: Vec<i64> = rest.iter().map(|f| f.measured).collect();
    // 23:00 elsewhere then 07:00 here leaves 8 h; 07:00–21:00 (here, then elsewhere) leaves
    // 10 h before the next day's 07:00.
    assert_eq!(measured, vec![480, 600], "{rest:#?}");
    assert_eq!(rest[0].shifts, vec![crate::model::ShiftId("a".into())]);
    let total = one(
        hard(&plan, "TOT-D"),
        "8 h here and 6 h elsewhere make a 14 h day",
    );
    assert_eq!((total.measured, total.limit), (840, 780));
    assert!(
        hard(&plan, "NH-D").is_empty(),
        "normal hours count only this plan's 8 h"
    );
    assert!(
        hard(&plan, "BRK").is_empty(),
        "breaks are a matter of each employer's shifts"
    );
}

#[test]
fn work_elsewhere_alone_is_not_reported() {
    let plan = read_plan(
        r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
            "shifts": [{"id": "a", "assistant": "A", "start": "2026-06-20T08:00", "end": "2026-06-20T12:00"}],
            "busy": [{"id": "e1", "assistant": "A", "start": "2026-06-08T19:00", "end": "2026-06-08T23:00"},
                     {"id": "e2", "assistant": "A", "start": "2026-06-09T07:00", "end": "2026-06-09T11:00"}]}"#,
    )
    .unwrap();
    assert!(
        hard(&plan, "REST-D").is_empty(),
        "both blocks are another employer's"
    );
}

// --- Pairwise rules in linear size ---------------------------------------------------------

fn copies(assistants: &[&str], count: usize, shift: &str) -> Plan {
    let text: Vec<String> = assistants
        .iter()
        .flat_map(|a| (0..count).map(move |_| format!("{a} {shift}")))
        .collect();
    rota("aml", &text.join("; "))
}

#[test]
fn a_thousand_copies_of_one_shift_are_one_overlap_finding_naming_every_shift() {
    let plan = copies(&["A"], 1000, "Mon 08-16");
    let f = one(
        hard(&plan, "OVERLAP-SELF"),
        "one group of 1,000 shifts, not 499,500 pairs",
    );
    assert_eq!(f.shifts.len(), 1000, "the group finding names every shift");
    assert_eq!(
        (f.start, f.end, f.measured),
        (at("2026-06-08T08:00"), at("2026-06-08T16:00"), 8 * 60),
        "the assistant is booked more than once for the whole 8 hours"
    );
}

#[test]
fn a_small_overlap_group_keeps_one_finding_per_pair() {
    // Five copies: 10 pairs, the most a group may have and still be reported pair by pair.
    let plan = copies(&["A"], 5, "Mon 08-16");
    assert_eq!(hard(&plan, "OVERLAP-SELF").len(), 10);
    let plan = copies(&["A"], 6, "Mon 08-16");
    assert_eq!(hard(&plan, "OVERLAP-SELF").len(), 1, "15 pairs: one group");
}

#[test]
fn a_long_chain_of_overlapping_shifts_is_one_finding_measuring_the_double_booked_minutes() {
    // Twelve shifts, each overlapping the next by one hour: 11 pairs, one group.
    let text: Vec<String> = (0..12)
        .map(|h| format!("A Mon {:02}-{:02}", h + 6, h + 8))
        .collect();
    let plan = rota("aml", &text.join("; "));
    let f = one(hard(&plan, "OVERLAP-SELF"), "11 pairs form one group");
    assert_eq!(f.shifts.len(), 12);
    assert_eq!(
        f.measured,
        11 * 60,
        "07:00–18:00 is booked more than once; 06–07 and 18–19 once"
    );
    assert_eq!(
        (f.start, f.end),
        (at("2026-06-08T07:00"), at("2026-06-08T18:00"))
    );
}

#[test]
fn many_assistants_at_once_are_one_double_staffing_finding() {
    let plan = copies(&["A", "B", "C"], 100, "Mon 08-16");
    let f = one(
        hard(&plan, "DOUBLE-STAFF"),
        "30,000 pairs of two assistants' shifts form one group",
    );
    assert_eq!(f.assistants.len(), 3);
    assert_eq!(f.shifts.len(), 300);
    assert_eq!(f.measured, 8 * 60);
}

#[test]
fn double_staffing_pairs_ignore_an_assistant_booked_twice() {
    // A is booked ten times over B's shift: 10 pairs of two assistants, 45 pairs of A alone.
    let mut text: Vec<String> = (0..10).map(|_| "A Mon 08-16".to_string()).collect();
    text.push("B Mon 15-20".into());
    let plan = rota("aml", &text.join("; "));
    let found = hard(&plan, "DOUBLE-STAFF");
    assert_eq!(
        found.len(),
        10,
        "one finding per pair of A and B: {found:#?}"
    );
    assert!(found.iter().all(|f| f.measured == 60));
}
