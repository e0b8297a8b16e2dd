//! Suggest a turnus: from a request (what help is needed when, who is available, their
//! contracts, what they cannot do and what they wish), a lawful N-week rotation.
//!
//! [`suggest`] is pure: it never reads the clock, and its answer depends only on the request,
//! the seconds asked for and the seed. The seconds become a fixed number of moves
//! ([`search::MOVES_PER_SECOND`] per second), not a deadline, so a slower machine takes longer
//! but gives the same rota. See docs/suggest.md for the request, the engine and the score.
//!
//! - [`request`]: the request JSON and its validation (errors name the field);
//! - `eval`: positions, the expansion over the checked horizon, the fast evaluator;
//! - `search`: greedy start and simulated annealing;
//! - `reasons`: why a request cannot be met, in numbers and words.
//!
//! Every answer is checked by the real checker ([`crate::rules::check`]) on the plan it
//! returns: the rotation's shifts over [`crate::rotation::pattern_check_weeks`] weeks (at least
//! 52 and two whole cycles) from the start, each assistant under their own profile. An
//! assignment with a violation is never returned.

mod eval;
mod reasons;
pub mod request;
pub mod search;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::model::{Assistant, AssistantId, Plan, Rotation, RotationId, Settings, Slot};
use crate::rules::{CheckOptions, Checker};
use crate::time::HOUR;
pub use eval::{Model, Parts};
pub use reasons::Reason;
pub use request::{read_request, Problem, Request};

/// The id of the suggested rotation in the plan.
pub const ROTATION_ID: &str = "forslag";

/// How long to search, and the seed of its random choices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The search budget in seconds' worth of moves (not a deadline: see the module docs).
    pub seconds: f64,
    pub seed: u64,
    /// Stop at the first lawful rota (for measuring the time to one).
    pub stop_when_lawful: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seconds: 2.0,
            seed: 1,
            stop_when_lawful: false,
        }
    }
}

/// A suggested rotation: the plan (assistants, shift types, the rotation and its shifts over
/// the checked horizon) and its score.
#[derive(Clone, Debug)]
pub struct Answer {
    pub plan: Plan,
    pub suggestion: Suggestion,
}

impl Answer {
    /// Plan JSON v1 with the score as the extra top-level key `suggestion`, which plan JSON
    /// readers (`turnus check`, `turnus import`) skip.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = crate::interchange::plan_to_value(&self.plan);
        if let serde_json::Value::Object(map) = &mut value {
            map.insert(
                "suggestion".into(),
                serde_json::to_value(&self.suggestion).expect("a suggestion is plain data"),
            );
        }
        value
    }
}

/// The score of a suggestion and how it was found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub engine: String,
    pub seed: u64,
    /// Moves the search made.
    pub moves: u64,
    /// The move at which the first lawful rota was confirmed by the checker.
    pub first_lawful_move: Option<u64>,
    /// The weeks the rotation was expanded and checked over.
    pub checked_weeks: u32,
    /// The total score: the sum of every assistant's parts (lower is better).
    pub score: f64,
    pub assistants: Vec<AssistantScore>,
    /// Each slot given to someone against their wish.
    pub wishes_broken: Vec<BrokenWish>,
}

/// One assistant's figures and score parts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssistantScore {
    pub id: String,
    pub contract_hours_per_week: f64,
    pub average_hours_per_week: f64,
    /// Per cycle.
    pub weekend_shifts: u32,
    pub night_shifts: u32,
    /// Over the checked weeks.
    pub red_days_worked: u32,
    /// Rests shorter than 11 h, per cycle.
    pub quick_returns: f64,
    /// Work days with a day off before and after, per cycle.
    pub single_work_days: u32,
    /// Work days longer than the profile's daily normal hours (NH-D), per cycle.
    pub long_days: f64,
    pub wishes_broken: u32,
    pub wishes_met: u32,
    pub parts: ScoreParts,
    pub score: f64,
}

/// The weighted parts of an assistant's score (docs/suggest.md).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreParts {
    pub contract: f64,
    pub weekends: f64,
    pub nights: f64,
    pub red_days: f64,
    pub quick_returns: f64,
    pub single_days: f64,
    pub wishes: f64,
    pub long_days: f64,
}

/// A slot given against a wish.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BrokenWish {
    pub assistant: String,
    pub week: u32,
    pub weekday: String,
    pub shift_type: String,
    pub weight: f64,
}

/// Why a request cannot be met.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Infeasible {
    pub reasons: Vec<Reason>,
}

impl Infeasible {
    /// The reasons as lines of text in `lang`.
    pub fn text(&self, lang: crate::rules::explain::Lang) -> String {
        let en = lang == crate::rules::explain::Lang::En;
        let mut out = String::from(if en {
            "The request cannot be met:\n"
        } else {
            "Forespørselen kan ikke oppfylles:\n"
        });
        for r in &self.reasons {
            out.push_str("- ");
            out.push_str(if en { &r.en } else { &r.nb });
            if r.code == "search_found_nothing" {
                out.push_str(if en {
                    " Try more seconds (--seconds), another seed (--seed), or lift a \"cannot\"."
                } else {
                    " Prøv flere sekunder (--seconds), et annet frø (--seed), eller løs opp en «kan ikke»."
                });
            }
            out.push('\n');
        }
        out
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Suggest a rotation for `request` (validated: see [`Request::validate`]).
pub fn suggest(problem: &Problem, options: &Options) -> Result<Answer, Infeasible> {
    let mut model = Model::new(problem.clone()).map_err(|e| Infeasible {
        reasons: vec![Reason::new("expand", e.to_string(), e.to_string())],
    })?;
    let reasons = reasons::before_search(&mut model);
    if !reasons.is_empty() {
        return Err(Infeasible { reasons });
    }
    let moves = (options.seconds.max(0.0) * search::MOVES_PER_SECOND as f64) as u64;
    let mut checker = Checker::default();
    let mut last_violations: Vec<crate::rules::Finding> = Vec::new();
    let mut verify = |assign: &[usize]| -> bool {
        let plan = build_plan(&model, assign);
        let report = checker.check(&plan, &CheckOptions::default());
        if report.has_violations() {
            last_violations = report
                .findings
                .into_iter()
                .filter(|f| f.severity == crate::rules::Severity::Violation)
                .collect();
            false
        } else {
            true
        }
    };
    let found = search::anneal(
        &model,
        moves,
        options.seed,
        options.stop_when_lawful,
        &mut verify,
    );
    let Some(best) = found.best else {
        // What the search ended on, as the checker sees it.
        if let Some(last) = &found.last {
            let plan = build_plan(&model, &last.assign);
            last_violations = crate::rules::check(&plan, &CheckOptions::default())
                .findings
                .into_iter()
                .filter(|f| f.severity == crate::rules::Severity::Violation)
                .collect();
        }
        return Err(Infeasible {
            reasons: reasons::after_search(&model, moves, &last_violations),
        });
    };
    let plan = build_plan(&model, &best.assign);
    let suggestion = score_of(
        &model,
        &best,
        options.seed,
        found.moves,
        found.first_lawful_move,
    );
    Ok(Answer { plan, suggestion })
}

fn score_of(
    model: &Model,
    state: &search::State,
    seed: u64,
    moves: u64,
    first_lawful_move: Option<u64>,
) -> Suggestion {
    let problem = &model.problem;
    let mut assistants = Vec::new();
    let mut wishes_broken = Vec::new();
    for (i, person) in problem.people.iter().enumerate() {
        let p: &Parts = &state.evals[i].parts;
        assistants.push(AssistantScore {
            id: person.id.clone(),
            contract_hours_per_week: round2(person.contract_minutes as f64 / 60.0),
            average_hours_per_week: round2(p.average_minutes / 60.0),
            weekend_shifts: p.weekend_shifts,
            night_shifts: p.night_shifts,
            red_days_worked: p.red_days_worked,
            quick_returns: round2(p.quick_return_count),
            single_work_days: p.single_day_count,
            long_days: round2(p.long_day_count),
            wishes_broken: p.wishes_broken,
            wishes_met: p.wishes_met,
            parts: ScoreParts {
                contract: round2(p.contract),
                weekends: round2(p.weekends),
                nights: round2(p.nights),
                red_days: round2(p.red_days),
                quick_returns: round2(p.quick_returns),
                single_days: round2(p.single_days),
                wishes: round2(p.wishes),
                long_days: round2(p.long_days),
            },
            score: round2(p.total()),
        });
        for &pos in &state.mine[i] {
            let cost = model.wish[pos][i];
            if cost > 0.0 {
                let at = &model.positions[pos];
                wishes_broken.push(BrokenWish {
                    assistant: person.id.clone(),
                    week: at.week,
                    weekday: request::day_key(at.day).to_string(),
                    shift_type: problem.shift_types[at.shift_type].code.clone(),
                    weight: -cost,
                });
            }
        }
    }
    Suggestion {
        engine: "greedy start + simulated annealing; checked by turnus::rules::check".into(),
        seed,
        moves,
        first_lawful_move,
        checked_weeks: model.horizon_weeks,
        score: round2(state.soft()),
        assistants,
        wishes_broken,
    }
}

/// The plan of an assignment: the request's profile, assistants and shift types, the rotation
/// (one slot per position), and the rotation's shifts over the checked weeks.
pub fn build_plan(model: &Model, assign: &[usize]) -> Plan {
    let problem = &model.problem;
    let assistants = problem
        .people
        .iter()
        .map(|p| {
            let mut a = Assistant::new(&p.id, &p.name);
            a.contract_minutes_per_week = Some(p.contract_minutes);
            a.profile = p.own_profile.clone();
            a
        })
        .collect();
    let slots = model
        .positions
        .iter()
        .zip(assign)
        .map(|(pos, &who)| Slot {
            week: pos.week,
            weekday: weekday(pos.day),
            shift_type: problem.shift_types[pos.shift_type].code.clone(),
            assistant: Some(AssistantId(problem.people[who].id.clone())),
            skip_red_days: false,
        })
        .collect();
    let rotation = Rotation {
        id: RotationId(ROTATION_ID.into()),
        name: if problem.name.is_empty() {
            "Forslag til turnus".into()
        } else {
            problem.name.clone()
        },
        weeks: problem.weeks,
        start: problem.start,
        until: None,
        slots,
        changes: Vec::new(),
    };
    let mut plan = Plan {
        settings: Settings {
            name: rotation.name.clone(),
            ..Settings::default()
        },
        profile: problem.profile.clone(),
        assistants,
        shift_types: problem.shift_types.clone(),
        ..Plan::default()
    };
    let last = problem.start + Duration::weeks(i64::from(model.horizon_weeks)) - Duration::days(1);
    plan.shifts = crate::rotation::expand(&plan, &rotation, problem.start, last)
        .map(|e| e.shifts)
        .unwrap_or_default();
    plan.rotations.push(rotation);
    plan
}

fn weekday(day: usize) -> chrono::Weekday {
    chrono::Weekday::try_from(day as u8).unwrap_or(chrono::Weekday::Mon)
}

/// Score an assignment given as rotation slots (week, weekday, shift type, assistant), e.g.
/// one found by another solver: its suggestion (score parts) and the real checker's
/// violations on its expansion. Every position must be covered by exactly its staff.
pub fn score_slots(
    problem: &Problem,
    slots: &[(u32, usize, String, String)],
) -> Result<(Suggestion, usize), String> {
    let model = Model::new(problem.clone()).map_err(|e| e.to_string())?;
    let mut assign = vec![usize::MAX; model.positions.len()];
    for (i, (week, day, code, who)) in slots.iter().enumerate() {
        let person = problem
            .people
            .iter()
            .position(|p| &p.id == who)
            .ok_or_else(|| {
                format!("slots[{i}].assistant: «{who}» is not an assistant of the request")
            })?;
        let free = model.positions.iter().enumerate().position(|(p, at)| {
            assign[p] == usize::MAX
                && at.week == *week
                && at.day == *day
                && &problem.shift_types[at.shift_type].code == code
        });
        let Some(p) = free else {
            return Err(format!(
                "slots[{i}]: no uncovered need for {code} on {} of week {week}",
                request::day_key(*day)
            ));
        };
        assign[p] = person;
    }
    if let Some(p) = assign.iter().position(|a| *a == usize::MAX) {
        let at = &model.positions[p];
        return Err(format!(
            "slots: the need for {} on {} of week {} is not covered",
            problem.shift_types[at.shift_type].code,
            request::day_key(at.day),
            at.week
        ));
    }
    let state = search::State::new(&model, assign);
    let plan = build_plan(&model, &state.assign);
    let report = crate::rules::check(&plan, &CheckOptions::default());
    let violations = report
        .findings
        .iter()
        .filter(|f| f.severity == crate::rules::Severity::Violation)
        .count();
    let _ = HOUR;
    Ok((score_of(&model, &state, 0, 0, None), violations))
}

#[cfg(test)]
mod tests;
