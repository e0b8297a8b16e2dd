//! Unit tests of the request, the evaluator and the reasons.

use serde_json::{json, Value};

use super::eval::Model;
use super::request::read_request;
use super::search::Rng;
use super::*;

fn request(v: Value) -> Result<Problem, crate::interchange::InputError> {
    read_request(&v.to_string())?.validate()
}

fn day_evening(profile: &str) -> Value {
    json!({"format": "turnus-suggest", "version": 1, "start": "2027-01-04", "weeks": 2,
        "profile": profile,
        "shift_types": [{"code": "D", "start": "07:00", "end": "15:00", "break_minutes": 30},
                        {"code": "K", "start": "15:00", "end": "23:00", "break_minutes": 30}],
        "needs": [{"shift_type": "D", "days": ["mon", "tue"], "staff": 1},
                  {"shift_type": "K", "days": ["mon"], "staff": 1}],
        "assistants": [{"id": "A", "contract_hours_per_week": 12},
                       {"id": "B", "contract_hours_per_week": 12}]})
}

#[test]
fn an_unknown_key_names_its_place() {
    let mut v = day_evening("aml");
    v["assistants"][0]["colour"] = json!("red");
    let e = request(v).unwrap_err();
    assert_eq!(e.path, "assistants[0].colour");
    assert!(e.message.contains("colour"), "{}", e.message);
}

#[test]
fn values_are_checked_with_the_field_named() {
    let mut v = day_evening("aml");
    v["weeks"] = json!(13);
    assert_eq!(request(v).unwrap_err().path, "weeks");
    let mut v = day_evening("aml");
    v["needs"][0]["staff"] = json!(0);
    assert_eq!(request(v).unwrap_err().path, "needs[0].staff");
    let mut v = day_evening("aml");
    v["assistants"][1]["wishes"] = json!([{"shift_types": ["Q"], "weight": 1}]);
    assert_eq!(
        request(v).unwrap_err().path,
        "assistants[1].wishes[0].shift_types[0]"
    );
    let mut v = day_evening("aml");
    v["profile"] = json!("strict");
    assert_eq!(request(v).unwrap_err().path, "profile");
}

#[test]
fn the_random_numbers_follow_the_seed() {
    let a: Vec<u64> = {
        let mut r = Rng::new(5);
        (0..4).map(|_| r.next_u64()).collect()
    };
    let mut r = Rng::new(5);
    assert_eq!(a, (0..4).map(|_| r.next_u64()).collect::<Vec<_>>());
    assert_ne!(a[0], Rng::new(6).next_u64());
}

/// Positions in time order: D mon w1, K mon w1, D tue w1, then week 2 likewise.
#[test]
fn an_evening_then_a_morning_breaks_the_daily_rest_under_plain_law_only() {
    let aml = Model::new(request(day_evening("aml")).unwrap()).unwrap();
    assert_eq!(aml.positions.len(), 6);
    // K Monday 15–23, D Tuesday 07–15: 8 h rest.
    assert!(aml.eval(0, &[1, 2]).hard > 0.0, "REST-D under aml");
    assert_eq!(
        aml.eval(0, &[0, 2]).hard,
        0.0,
        "a day between two days is lawful"
    );
    // Under tariff 8 h is the floor: lawful, but a quick return in the score.
    let tariff = Model::new(request(day_evening("tariff")).unwrap()).unwrap();
    let e = tariff.eval(0, &[1, 2]);
    assert_eq!(e.hard, 0.0);
    assert!(e.parts.quick_return_count > 0.0);
    // D and K on the same day touch: one 16-hour block, over aml's 13 h (TOT-D).
    assert!(aml.eval(0, &[0, 1]).hard > 0.0);
    assert_eq!(tariff.eval(0, &[0, 1]).hard, 0.0);
    assert!(tariff.eval(0, &[0, 1]).parts.long_day_count > 0.0);
}

#[test]
fn the_answer_is_lawful_and_the_same_for_the_same_seed() {
    let problem = request(day_evening("aml")).unwrap();
    let options = Options {
        seconds: 0.1,
        seed: 3,
        stop_when_lawful: false,
    };
    let a = suggest(&problem, &options).unwrap();
    let b = suggest(&problem, &options).unwrap();
    assert_eq!(a.to_json(), b.to_json());
    let report = crate::rules::check(&a.plan, &Default::default());
    assert!(!report.has_violations());
    assert_eq!(a.plan.rotations[0].slots.len(), 6);
}

#[test]
fn a_one_week_cycle_with_sundays_is_refused_with_the_reason() {
    let mut v = day_evening("aml");
    v["weeks"] = json!(1);
    v["needs"][0]["days"] = json!(["sun"]);
    let e = suggest(&request(v).unwrap(), &Options::default()).unwrap_err();
    assert_eq!(e.reasons[0].code, "sundays", "{:?}", e.reasons);
}
