//! `turnus suggest` as a user meets it: lawful answers that `turnus check` accepts, every need
//! covered exactly, "cannot" never broken, the same seed giving the same rota, reasons when a
//! request cannot be met, and one-line refusals of bad input.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use support::turnus;
use turnus::cli::{EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS};

fn temp_dir(name: &str) -> PathBuf {
    support::temp_dir("turnus-suggest", name)
}

fn write(dir: &Path, name: &str, value: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).expect("write a fixture");
    path.to_string_lossy().into_owned()
}

const ALL: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn round_the_clock_types() -> Value {
    json!([
        {"code": "D", "start": "07:00", "end": "15:00", "break_minutes": 30},
        {"code": "K", "start": "15:00", "end": "23:00", "break_minutes": 30},
        {"code": "N", "start": "23:00", "end": "07:00", "break_minutes": 30, "passive_minutes": 360}
    ])
}

/// Three assistants, weekdays 08–16 only, plain law, a one-week cycle.
fn three_day_only() -> Value {
    json!({"format": "turnus-suggest", "version": 1, "start": "2027-01-04", "weeks": 1,
        "profile": "aml",
        "shift_types": [{"code": "D", "start": "08:00", "end": "16:00", "break_minutes": 30},
                        {"code": "F", "start": "16:00", "end": "20:00"}],
        "needs": [{"shift_type": "D", "days": ["mon", "tue", "wed", "thu", "fri"], "staff": 1},
                  {"shift_type": "F", "days": ["mon", "wed", "fri"], "staff": 1}],
        "assistants": [
            {"id": "A", "name": "Kari", "contract_hours_per_week": 20,
             "cannot": [{"days": ["mon"]}]},
            {"id": "B", "name": "Ola", "contract_hours_per_week": 16,
             "cannot": [{"shift_types": ["F"]}]},
            {"id": "C", "name": "Ingrid", "contract_hours_per_week": 16,
             "wishes": [{"days": ["fri"], "weight": -2}]}]})
}

/// Five assistants round the clock over four weeks, tariff, one with no nights.
fn five_round_the_clock() -> Value {
    json!({"format": "turnus-suggest", "version": 1, "start": "2027-01-04", "weeks": 4,
        "profile": "tariff",
        "shift_types": round_the_clock_types(),
        "needs": [{"shift_type": "D", "days": ALL, "staff": 1},
                  {"shift_type": "K", "days": ALL, "staff": 1},
                  {"shift_type": "N", "days": ALL, "staff": 1}],
        "assistants": [
            {"id": "A", "contract_hours_per_week": 36},
            {"id": "B", "contract_hours_per_week": 36, "cannot": [{"shift_types": ["N"]}]},
            {"id": "C", "contract_hours_per_week": 32,
             "wishes": [{"days": ["sat", "sun"], "weight": -2}]},
            {"id": "D", "contract_hours_per_week": 32, "cannot": [{"days": ["tue"], "weeks": [1]}]},
            {"id": "E", "contract_hours_per_week": 32}]})
}

/// Eight assistants over four weeks: round the clock, two in the mornings on weekdays, one
/// assistant under her own profile.
fn eight_four_weeks() -> Value {
    let mut assistants = Vec::new();
    for (i, hours) in [34, 32, 30, 28, 26, 24, 22, 20].iter().enumerate() {
        let id = ((b'A' + i as u8) as char).to_string();
        let mut a = json!({"id": id, "contract_hours_per_week": hours});
        if i == 0 {
            a["profile"] = json!("aml_individual");
        }
        if i == 1 {
            a["cannot"] =
                json!([{"shift_types": ["N"]}, {"days": ["sat", "sun"], "weeks": [2, 4]}]);
        }
        assistants.push(a);
    }
    json!({"format": "turnus-suggest", "version": 1, "start": "2027-03-01", "weeks": 4,
        "profile": "tariff",
        "shift_types": round_the_clock_types(),
        "needs": [{"shift_type": "D", "days": ALL, "staff": 1},
                  {"shift_type": "D", "days": ["mon", "tue", "wed", "thu", "fri"], "staff": 1},
                  {"shift_type": "K", "days": ALL, "staff": 1},
                  {"shift_type": "N", "days": ALL, "staff": 1}],
        "assistants": assistants})
}

/// Does the `cannot` entry fit the slot?
fn fits(entry: &Value, week: u64, weekday: &str, code: &str) -> bool {
    let has = |key: &str, value: Value| {
        entry
            .get(key)
            .and_then(Value::as_array)
            .is_none_or(|list| list.contains(&value))
    };
    has("days", json!(weekday)) && has("shift_types", json!(code)) && has("weeks", json!(week))
}

/// Suggest for `request`, then hold the answer to what a user relies on.
fn suggest_and_verify(name: &str, request: &Value, seconds: &str) {
    let dir = temp_dir(name);
    let req = write(&dir, "request.json", request);
    let out = dir.join("plan.json");
    let out = out.to_string_lossy();
    let r = turnus(&["suggest", &req, "-o", &out, "--seconds", seconds]);
    assert_eq!(r.code, EXIT_OK, "{name}: {}{}", r.out, r.err);
    // The real command line finds no violation on the plan as written.
    let check = turnus(&["check", &out, "--format", "json"]);
    assert_eq!(check.code, EXIT_OK, "{name}: {}", check.out);
    let report: Value = serde_json::from_str(&check.out).unwrap();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] != "violation"),
        "{name}: {}",
        check.out
    );
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(&*out).unwrap()).unwrap();
    let slots = plan["rotations"][0]["slots"].as_array().unwrap();
    // Every need is covered by exactly its staff, on every day of every week.
    let weeks = request["weeks"].as_u64().unwrap();
    let mut wanted: BTreeMap<(u64, String, String), u64> = BTreeMap::new();
    for need in request["needs"].as_array().unwrap() {
        for week in 1..=weeks {
            for day in need["days"].as_array().unwrap() {
                *wanted
                    .entry((
                        week,
                        day.as_str().unwrap().to_string(),
                        need["shift_type"].as_str().unwrap().to_string(),
                    ))
                    .or_default() += need["staff"].as_u64().unwrap_or(1);
            }
        }
    }
    let mut given: BTreeMap<(u64, String, String), u64> = BTreeMap::new();
    for slot in slots {
        let key = (
            slot["week"].as_u64().unwrap(),
            slot["weekday"].as_str().unwrap().to_string(),
            slot["shift_type"].as_str().unwrap().to_string(),
        );
        *given.entry(key.clone()).or_default() += 1;
        // Nobody is given a slot they cannot take.
        let who = slot["assistant"]
            .as_str()
            .expect("every slot has an assistant");
        let assistant = request["assistants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == who)
            .unwrap();
        for entry in assistant["cannot"].as_array().into_iter().flatten() {
            assert!(
                !fits(entry, key.0, &key.1, &key.2),
                "{name}: {who} was given {key:?} against {entry}"
            );
        }
    }
    assert_eq!(given, wanted, "{name}: coverage per slot");
    // The shifts are the rotation over at least 52 weeks and two whole cycles.
    let checked = plan["suggestion"]["checked_weeks"].as_u64().unwrap();
    assert!(checked >= 52 && checked >= 2 * weeks && checked.is_multiple_of(weeks));
    assert_eq!(
        plan["shifts"].as_array().unwrap().len() as u64,
        slots.len() as u64 * checked / weeks
    );
    // The score's parts are reported per assistant.
    let scores = plan["suggestion"]["assistants"].as_array().unwrap();
    assert_eq!(
        scores.len(),
        request["assistants"].as_array().unwrap().len()
    );
    for part in [
        "contract",
        "weekends",
        "nights",
        "red_days",
        "quick_returns",
        "single_days",
        "wishes",
    ] {
        assert!(
            scores[0]["parts"].get(part).is_some(),
            "{name}: part {part}"
        );
    }
}

#[test]
fn three_assistants_on_weekdays_get_a_lawful_rota_covering_every_need() {
    suggest_and_verify("three", &three_day_only(), "0.3");
}

#[test]
fn five_assistants_round_the_clock_get_a_lawful_rota_covering_every_need() {
    suggest_and_verify("five", &five_round_the_clock(), "2");
}

#[test]
fn eight_assistants_with_double_mornings_get_a_lawful_rota_covering_every_need() {
    suggest_and_verify("eight", &eight_four_weeks(), "2");
}

#[test]
fn the_same_seed_gives_the_same_rota() {
    let dir = temp_dir("seed");
    let req = write(&dir, "request.json", &five_round_the_clock());
    let first = turnus(&["suggest", &req, "--seconds", "2", "--seed", "1"]);
    let again = turnus(&["suggest", &req, "--seconds", "2", "--seed", "1"]);
    assert_eq!(first.code, EXIT_OK, "{}", first.err);
    assert!(first.out.contains("\"suggestion\""));
    assert_eq!(
        first.out, again.out,
        "same request, seconds and seed: same output"
    );
}

#[test]
fn the_suggestion_key_is_ignored_by_plan_import() {
    let dir = temp_dir("import");
    let req = write(&dir, "request.json", &three_day_only());
    let plan = dir.join("plan.json").to_string_lossy().into_owned();
    assert_eq!(
        turnus(&["suggest", &req, "-o", &plan, "--seconds", "0.2"]).code,
        EXIT_OK
    );
    let file = dir.join("plan.turnus").to_string_lossy().into_owned();
    let r = turnus(&["import", &plan, &file]);
    assert_eq!(r.code, EXIT_OK, "{}{}", r.out, r.err);
}

#[test]
fn scoring_the_answer_again_gives_its_score() {
    let dir = temp_dir("score");
    let req = write(&dir, "request.json", &three_day_only());
    let r = turnus(&["suggest", &req, "--seconds", "0.2"]);
    assert_eq!(r.code, EXIT_OK);
    let plan: Value = serde_json::from_str(&r.out).unwrap();
    let slots = write(
        &dir,
        "slots.json",
        &json!({"slots": plan["rotations"][0]["slots"]}),
    );
    let scored = turnus(&["suggest", &req, "--score", &slots]);
    assert_eq!(scored.code, EXIT_OK, "{}{}", scored.out, scored.err);
    let scored: Value = serde_json::from_str(&scored.out).unwrap();
    assert_eq!(scored["violations"], 0);
    assert_eq!(scored["score"], plan["suggestion"]["score"]);
}

fn infeasible(name: &str, request: &Value, expected: &[&str]) -> String {
    let dir = temp_dir(name);
    let req = write(&dir, "request.json", request);
    let r = turnus(&["suggest", &req, "--seconds", "0.2"]);
    assert_eq!(r.code, EXIT_VIOLATIONS, "{name}: {}{}", r.out, r.err);
    for text in expected {
        assert!(r.out.contains(text), "{name}: «{text}» in {}", r.out);
    }
    let en = turnus(&["suggest", &req, "--seconds", "0.2", "--lang", "en"]);
    assert_eq!(en.code, EXIT_VIOLATIONS);
    assert!(en.out.contains("cannot be met"), "{}", en.out);
    let js = turnus(&["suggest", &req, "--seconds", "0.2", "--format", "json"]);
    let v: Value = serde_json::from_str(&js.out).expect("one JSON object");
    assert_eq!(v["feasible"], false);
    r.out
}

#[test]
fn contracts_too_small_for_round_the_clock_are_named_in_hours() {
    let mut request = five_round_the_clock();
    for a in request["assistants"].as_array_mut().unwrap() {
        a["contract_hours_per_week"] = json!(30);
    }
    infeasible(
        "contracts",
        &request,
        &["Døgnet rundt krever 168 t i uken; kontraktene gir til sammen 150 t"],
    );
}

#[test]
fn three_assistants_cannot_lawfully_cover_the_clock() {
    let mut request = five_round_the_clock();
    request["assistants"] = json!([
        {"id": "A", "contract_hours_per_week": 56},
        {"id": "B", "contract_hours_per_week": 56},
        {"id": "C", "contract_hours_per_week": 56}]);
    infeasible(
        "law",
        &request,
        &["loven lar assistentene arbeide høyst 144 t"],
    );
}

#[test]
fn nights_nobody_may_take_are_named_by_weekday() {
    let mut request = five_round_the_clock();
    for a in request["assistants"].as_array_mut().unwrap() {
        a["cannot"] = json!([{"shift_types": ["N"], "days": ["tue"]}]);
    }
    infeasible(
        "nights",
        &request,
        &["Ingen kan ta nattevakter N (23:00–07:00) tirsdager"],
    );
}

#[test]
fn an_eight_hour_shift_without_a_break_is_the_reason() {
    let mut request = three_day_only();
    request["shift_types"][0]["break_minutes"] = json!(0);
    let out = infeasible("break", &request, &["Vakttypen D (08:00–16:00)", "BRK"]);
    assert!(
        !out.contains("Søket fant"),
        "named before any search: {out}"
    );
}

#[test]
fn a_one_week_cycle_cannot_give_anyone_sundays() {
    let mut request = five_round_the_clock();
    request["weeks"] = json!(1);
    infeasible("sundays", &request, &["hver søndag"]);
}

fn refused(name: &str, request: &Value, field: &str) {
    let dir = temp_dir(name);
    let req = write(&dir, "request.json", request);
    let r = turnus(&["suggest", &req]);
    assert_eq!(r.code, EXIT_INPUT, "{name}: {}{}", r.out, r.err);
    assert_eq!(r.err.lines().count(), 1, "{name}: one line: {}", r.err);
    assert!(r.err.contains(field), "{name}: names {field}: {}", r.err);
    assert!(r.out.is_empty(), "{name}: nothing on stdout");
}

#[test]
fn bad_requests_exit_2_with_one_line_naming_the_field() {
    let mut r = three_day_only();
    r["assistants"][1]["favourite_colour"] = json!("blue");
    refused("unknown-field", &r, "assistants[1]");
    let mut r = three_day_only();
    r["shift_types"][1]["end"] = json!("16:00");
    refused("ends-when-starts", &r, "shift_types[1].end");
    let mut r = three_day_only();
    r["weeks"] = json!(13);
    refused("weeks-13", &r, "weeks");
    let mut r = three_day_only();
    r["start"] = json!("2027-01-05");
    refused("not-monday", &r, "start: «2027-01-05» is a tuesday");
    let mut r = three_day_only();
    r["needs"][0]["shift_type"] = json!("X");
    refused(
        "unknown-type",
        &r,
        "needs[0].shift_type: «X» is not a shift type",
    );
    let mut r = three_day_only();
    r["needs"][1]["days"] = json!(["mon", "tuesday"]);
    refused(
        "unknown-day",
        &r,
        "needs[1].days[1]: «tuesday» is not a weekday",
    );
    let mut r = three_day_only();
    r["assistants"][0]["cannot"] = json!([{"weeks": [2]}]);
    refused("cannot-week", &r, "assistants[0].cannot[0].weeks[0]");
}
