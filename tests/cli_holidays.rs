//! `turnus holidays`: holiday balances under ferieloven (RULES.md §5), as JSON and as a
//! Norwegian table, and the input errors that exit 2 with one line.

mod support;

use serde_json::{json, Value};
use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-cli-holidays", &[], args)
}

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/cases/holidays-2026.json"
);

/// A plan JSON file holding `assistants` and `absences`, in a fresh folder.
fn plan(name: &str, assistants: &str, absences: &str) -> String {
    let dir = support::temp_dir("turnus-cli-holidays-plans", name);
    let path = dir.join("plan.json");
    let text = format!(
        r#"{{"format": "turnus-plan", "version": 1, "assistants": [{assistants}], "shifts": [], "absences": [{absences}]}}"#
    );
    std::fs::write(&path, text).expect("the plan can be written");
    path.to_string_lossy().into_owned()
}

fn ferie(id: &str, who: &str, from: &str, to: &str) -> String {
    format!(
        r#"{{"id": "{id}", "assistant": "{who}", "kind": "ferie", "from": "{from}", "to": "{to}"}}"#
    )
}

fn json_of(args: &[&str]) -> Value {
    let o = turnus(args);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.err.is_empty(), "{}", o.err);
    assert_eq!(
        o.out.trim_end().lines().count(),
        1,
        "one JSON object: {}",
        o.out
    );
    serde_json::from_str(&o.out).expect("JSON")
}

fn assert_input_error(o: &Outcome, names: &[&str]) {
    assert_eq!(o.code, EXIT_INPUT, "{}", o.out);
    assert!(o.out.is_empty(), "{}", o.out);
    assert_eq!(o.err.trim_end().lines().count(), 1, "one line: {}", o.err);
    for n in names {
        assert!(o.err.contains(n), "«{n}» in {}", o.err);
    }
}

#[test]
fn the_worked_example_of_2026_gives_the_documented_table() {
    let report = json_of(&["holidays", EXAMPLE, "--year", "2026", "--format", "json"]);
    assert_eq!(
        report,
        json!({"year": 2026, "assistants": [
            {"assistant": "H", "entitlement_days": 31, "booked_days": 11, "carried_days": 0,
             "remaining_days": 20, "main_holiday_met": false},
            {"assistant": "S", "entitlement_days": 30, "booked_days": 18, "carried_days": 0,
             "remaining_days": 12, "main_holiday_met": true}]})
    );
}

#[test]
fn the_text_table_is_norwegian_and_names_each_assistant() {
    let o = turnus(&["holidays", EXAMPLE, "--year", "2026"]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.out.contains("Ferie 2026"), "{}", o.out);
    assert!(
        o.out.contains("Igjen") && o.out.contains("Hovedferie"),
        "{}",
        o.out
    );
    let hilde = o
        .out
        .lines()
        .find(|l| l.contains("Hilde Haug (H)"))
        .expect("H's row");
    let cells: Vec<&str> = hilde.split_whitespace().collect();
    assert_eq!(
        cells[cells.len() - 5..],
        ["31", "0", "11", "20", "nei"],
        "{hilde}"
    );
    let sindre = o
        .out
        .lines()
        .find(|l| l.contains("Sindre Strand"))
        .expect("S's row");
    assert!(sindre.ends_with("ja"), "{sindre}");
    assert!(!o.out.contains("Advarsel"), "{}", o.out);
}

#[test]
fn holidays_across_easter_and_christmas_use_only_virkedager() {
    // Easter 2026: Mon 30 Mar – Mon 6 Apr holds 4 virkedager (Saturday counts; Maundy
    // Thursday, Good Friday, Easter Sunday and Monday do not). Christmas: Wed 23 Dec 2026 –
    // Sat 2 Jan 2027 is 6 virkedager in 2026 and 1 in 2027.
    let path = plan(
        "easter-christmas",
        r#"{"id": "A", "name": "Anne"}"#,
        &[
            ferie("p", "A", "2026-03-30", "2026-04-06"),
            ferie("j", "A", "2026-12-23", "2027-01-02"),
        ]
        .join(","),
    );
    let y2026 = json_of(&["holidays", &path, "--year", "2026", "--format", "json"]);
    assert_eq!(y2026["assistants"][0]["booked_days"], 10);
    assert_eq!(y2026["assistants"][0]["remaining_days"], 15);
    let y2027 = json_of(&["holidays", &path, "--year", "2027", "--format", "json"]);
    assert_eq!(y2027["assistants"][0]["booked_days"], 1);
}

#[test]
fn sickness_leave_and_other_absences_use_no_holiday() {
    let absences = ["sykdom", "permisjon", "annet"]
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            format!(
                r#"{{"id": "x{i}", "assistant": "A", "kind": "{kind}", "from": "2026-0{}-01", "to": "2026-0{}-20"}}"#,
                i + 2,
                i + 2
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let path = plan("other-kinds", r#"{"id": "A", "name": "Anne"}"#, &absences);
    let r = json_of(&["holidays", &path, "--year", "2026", "--format", "json"]);
    assert_eq!(r["assistants"][0]["booked_days"], 0);
    assert_eq!(r["assistants"][0]["remaining_days"], 25);
}

#[test]
fn the_extra_week_comes_in_the_year_the_assistant_turns_60_not_at_59() {
    let path = plan(
        "sixty",
        r#"{"id": "T", "name": "Turns sixty", "birth_year": 1966},
           {"id": "F", "name": "Fifty-nine", "birth_year": 1967},
           {"id": "O", "name": "Older", "birth_year": 1950, "holiday_entitlement": 30}"#,
        "",
    );
    let r = json_of(&["holidays", &path, "--year", "2026", "--format", "json"]);
    let days: Vec<&Value> = r["assistants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["entitlement_days"])
        .collect();
    assert_eq!(days, [&json!(31), &json!(25), &json!(36)]);
    let before = json_of(&["holidays", &path, "--year", "2025", "--format", "json"]);
    assert_eq!(
        before["assistants"][0]["entitlement_days"], 25,
        "59 in 2025"
    );
}

#[test]
fn agreed_carry_over_adds_up_to_twelve_days_and_no_more() {
    let path = plan(
        "carry",
        r#"{"id": "A", "name": "Anne"}, {"id": "B", "name": "Bo"}"#,
        "",
    );
    let r = json_of(&[
        "holidays",
        &path,
        "--year",
        "2026",
        "--carried",
        "A=12",
        "--format",
        "json",
    ]);
    assert_eq!(r["assistants"][0]["carried_days"], 12);
    assert_eq!(r["assistants"][0]["remaining_days"], 37);
    assert_eq!(r["assistants"][1]["carried_days"], 0);
    let o = turnus(&["holidays", &path, "--year", "2026", "--carried", "A=13"]);
    assert_input_error(&o, &["--carried", "A=13", "12"]);
    let o = turnus(&["holidays", &path, "--year", "2026", "--carried", "Z=2"]);
    assert_input_error(&o, &["--carried", "Z=2"]);
    let o = turnus(&["holidays", &path, "--year", "2026", "--carried", "A"]);
    assert_input_error(&o, &["--carried", "«A»"]);
}

#[test]
fn main_holiday_needs_eighteen_virkedager_in_one_summer_stretch() {
    // B: 13 Jul – 31 Jul is 17 virkedager, one short. C: two bookings split only by Sunday
    // 19 Jul are one stretch of 18. D: 18 virkedager, but three of them in October.
    let path = plan(
        "main",
        r#"{"id": "B", "name": "Bo"}, {"id": "C", "name": "Cato"}, {"id": "D", "name": "Dina"}"#,
        &[
            ferie("b", "B", "2026-07-13", "2026-07-31"),
            ferie("c1", "C", "2026-07-13", "2026-07-18"),
            ferie("c2", "C", "2026-07-20", "2026-08-01"),
            ferie("d", "D", "2026-09-14", "2026-10-03"),
        ]
        .join(","),
    );
    let r = json_of(&["holidays", &path, "--year", "2026", "--format", "json"]);
    let met: Vec<&Value> = r["assistants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["main_holiday_met"])
        .collect();
    assert_eq!(met, [&json!(false), &json!(true), &json!(false)]);
    assert_eq!(r["assistants"][0]["booked_days"], 17);
    assert_eq!(r["assistants"][2]["booked_days"], 18);
}

#[test]
fn booking_more_than_the_balance_is_negative_and_a_warning_in_the_text() {
    // Mon 2 Nov – Sat 5 Dec 2026: 30 virkedager against 25.
    let path = plan(
        "over",
        r#"{"id": "A", "name": "Anne"}"#,
        &ferie("f", "A", "2026-11-02", "2026-12-05"),
    );
    let r = json_of(&["holidays", &path, "--year", "2026", "--format", "json"]);
    assert_eq!(r["assistants"][0]["remaining_days"], -5);
    let o = turnus(&["holidays", &path, "--year", "2026"]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let warning = o
        .out
        .lines()
        .find(|l| l.starts_with("Advarsel"))
        .expect("a warning");
    assert!(
        warning.contains("Anne") && warning.contains("5 virkedager"),
        "{warning}"
    );
    let o = turnus(&["holidays", &path, "--year", "2026", "--lang", "en"]);
    let warning = o
        .out
        .lines()
        .find(|l| l.starts_with("Warning"))
        .expect("a warning");
    assert!(
        warning.contains("Anne") && warning.contains("5 virkedager"),
        "{warning}"
    );
}

#[test]
fn a_plan_file_gives_the_same_balances_as_its_plan_json() {
    let dir = support::temp_dir("turnus-cli-holidays-files", "file");
    let file = dir.join("plan.turnus").to_string_lossy().into_owned();
    let made = turnus(&["import", EXAMPLE, &file]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    let from_file = json_of(&["holidays", &file, "--year", "2026", "--format", "json"]);
    let from_json = json_of(&["holidays", EXAMPLE, "--year", "2026", "--format", "json"]);
    assert_eq!(from_file, from_json);
}

#[test]
fn the_table_speaks_english_with_lang_en() {
    let o = turnus(&["holidays", EXAMPLE, "--year", "2026", "--lang", "en"]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.out.starts_with("Holidays 2026"), "{}", o.out);
    let sindre = o
        .out
        .lines()
        .find(|l| l.contains("Sindre Strand"))
        .expect("S's row");
    assert!(sindre.ends_with("yes"), "{sindre}");
}

#[test]
fn a_year_in_another_form_or_outside_1900_to_2200_is_an_input_error() {
    for bad in [
        "26", "2026x", "+2026", " 2026", "år", "1899", "2201", "99999",
    ] {
        let o = turnus(&["holidays", EXAMPLE, "--year", bad, "--format", "json"]);
        assert_input_error(&o, &["--year", bad]);
    }
}

#[test]
fn a_missing_plan_is_an_input_error_naming_the_file() {
    let o = turnus(&["holidays", "/no/such/plan.json", "--year", "2026"]);
    assert_input_error(&o, &["/no/such/plan.json"]);
}

#[test]
fn without_a_year_the_year_of_today_is_used() {
    // The test home sets today to 1 June 2026.
    let r = json_of(&["holidays", EXAMPLE, "--format", "json"]);
    assert_eq!(r["year"], 2026);
}

#[test]
fn the_law_check_warns_of_a_shift_planned_inside_a_booked_holiday() {
    // A is on holiday Mon 13 – Sat 18 Jul 2026. The night shift from Saturday 20:00 lies four
    // hours inside it; Monday's shift is after it; a cancelled shift inside it counts nothing.
    // B's part-day holiday leaves the rest of the day free for work.
    let dir = support::temp_dir("turnus-cli-holidays-plans", "holiday-work");
    let path = dir.join("plan.json");
    let text = r#"{"format": "turnus-plan", "version": 1,
      "assistants": [{"id": "A", "name": "Anne"}, {"id": "B", "name": "Bo"}],
      "shifts": [
        {"id": "s1", "assistant": "A", "start": "2026-07-18T20:00", "end": "2026-07-19T04:00"},
        {"id": "s2", "assistant": "A", "start": "2026-07-20T08:00", "end": "2026-07-20T16:00"},
        {"id": "s3", "assistant": "A", "start": "2026-07-14T08:00", "end": "2026-07-14T16:00",
         "status": "cancelled"},
        {"id": "s4", "assistant": "B", "start": "2026-07-15T12:00", "end": "2026-07-15T18:00"}],
      "absences": [
        {"id": "f", "assistant": "A", "kind": "ferie", "from": "2026-07-13", "to": "2026-07-18"},
        {"id": "g", "assistant": "B", "kind": "ferie", "from": "2026-07-15", "to": "2026-07-15",
         "hours": 4}]}"#;
    std::fs::write(&path, text).expect("the plan can be written");
    let path = path.to_string_lossy().into_owned();
    let o = turnus(&["check", &path, "--format", "json"]);
    // The shifts have no breaks (BRK violations); the holiday finding is a warning.
    assert_ne!(o.code, EXIT_INPUT, "{}", o.err);
    let report: Value = serde_json::from_str(&o.out).expect("JSON");
    let found: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "HOLIDAY-WORK")
        .collect();
    assert_eq!(found.len(), 1, "{report}");
    let f = found[0];
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["shifts"], json!(["s1"]));
    assert_eq!(f["assistants"], json!(["A"]));
    assert_eq!(f["measured"], 240);
    assert_eq!(f["start"], "2026-07-18T20:00:00+02:00");
    assert_eq!(f["end"], "2026-07-19T00:00:00+02:00");
    let text = turnus(&["check", &path]);
    assert!(text.out.contains("Vakt i ferien"), "{}", text.out);
}

#[test]
fn days_moved_to_the_next_year_leave_this_year_s_balance_and_arrive_in_the_next() {
    // Kari agreed to move 5 days from 2026 to 2027 (ferieloven § 7 (2)): RULES.md §5 counts
    // them out of 2026 ("balance = entitlement − booked − days moved to next year"), and 2027
    // has them as carried, so no day is counted in both years.
    let path = plan(
        "moved",
        r#"{"id": "K", "name": "Kari", "holiday_carried": {"2027": 5}}"#,
        &ferie("f1", "K", "2026-07-06", "2026-07-25"),
    );
    let y26 = json_of(&["holidays", &path, "--year", "2026", "--format", "json"]);
    let kari = &y26["assistants"][0];
    assert_eq!(kari["entitlement_days"], json!(25));
    assert_eq!(kari["booked_days"], json!(18));
    assert_eq!(kari["carried_days"], json!(0));
    assert_eq!(kari["moved_days"], json!(5));
    assert_eq!(kari["remaining_days"], json!(25 - 18 - 5));
    let y27 = json_of(&["holidays", &path, "--year", "2027", "--format", "json"]);
    let kari = &y27["assistants"][0];
    assert_eq!(kari["carried_days"], json!(5));
    assert_eq!(
        kari["moved_days"],
        Value::Null,
        "0 moved is left out of the JSON"
    );
    assert_eq!(kari["remaining_days"], json!(25 + 5));
    let text = turnus(&["holidays", &path, "--year", "2026"]);
    assert!(
        text.out
            .contains("Kari (K) flytter 5 virkedager til 2027 (avtalt; ferieloven § 7 (2))"),
        "{}",
        text.out
    );
}
