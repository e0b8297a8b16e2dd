//! Why a request cannot be met, in numbers and words (bokmål and English).
//!
//! Before the search: a shift type that breaks a rule by itself (for every assistant who could
//! take it), slots nobody may take, double staffing with too few who may, and the hours: the
//! needs per week against the contracts and against what the law lets the assistants work.
//! After the search: an honest "nothing lawful was found", with what the best try still broke.

use std::collections::BTreeMap;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::eval::Model;
use crate::model::{Assistant, Plan, Profile};
use crate::rules::explain::{explain, rule_title, Lang};
use crate::rules::{check, CheckOptions, Finding, Severity};

/// One reason, with a stable code and its text in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// `shift_type_unlawful`, `nobody_can`, `too_few_for_staff`, `contracts_too_small`,
    /// `law_too_small`, `sundays`, `search_found_nothing`, `expand`.
    pub code: String,
    pub nb: String,
    pub en: String,
}

impl Reason {
    pub fn new(code: &str, nb: String, en: String) -> Reason {
        Reason {
            code: code.into(),
            nb,
            en,
        }
    }
}

const DAYS_NB: [&str; 7] = [
    "mandager",
    "tirsdager",
    "onsdager",
    "torsdager",
    "fredager",
    "lørdager",
    "søndager",
];
const DAYS_EN: [&str; 7] = [
    "Mondays",
    "Tuesdays",
    "Wednesdays",
    "Thursdays",
    "Fridays",
    "Saturdays",
    "Sundays",
];

/// Hours from minutes, as "37,5" (nb) or "37.5" (en), without a needless ",0".
fn hours(minutes: f64, lang: Lang) -> String {
    let h = (minutes / 60.0 * 10.0).round() / 10.0;
    let text = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    };
    match lang {
        Lang::Nb => text.replace('.', ","),
        Lang::En => text,
    }
}

fn type_label(model: &Model, t: usize) -> String {
    let kind = &model.problem.shift_types[t];
    format!(
        "{} ({}–{})",
        kind.code,
        kind.start.format("%H:%M"),
        kind.end.format("%H:%M")
    )
}

fn is_night(model: &Model, t: usize) -> bool {
    model
        .positions
        .iter()
        .find(|p| p.shift_type == t)
        .is_some_and(|p| p.night)
}

fn weeks_suffix(weeks: &[u32], all: u32, lang: Lang) -> String {
    if weeks.len() as u32 == all {
        return String::new();
    }
    let list: Vec<String> = weeks.iter().map(u32::to_string).collect();
    match lang {
        Lang::Nb => format!(" i uke {}", list.join(", ")),
        Lang::En => format!(" in week {}", list.join(", ")),
    }
}

/// The violations one shift of type `t` gives on its own under `profile` (on the cycle's first
/// Wednesday, away from red days' eves).
fn alone(model: &Model, t: usize, profile: &Profile) -> Vec<Finding> {
    let kind = &model.problem.shift_types[t];
    let mut assistant = Assistant::new("x", "");
    assistant.profile = Some(profile.clone());
    let mut plan = Plan {
        profile: profile.clone(),
        assistants: vec![assistant],
        shift_types: vec![kind.clone()],
        ..Plan::default()
    };
    let date = model.problem.start + Duration::days(2);
    if let Ok(shift) = crate::rotation::shift_of_type(
        kind,
        crate::model::ShiftId("x".into()),
        date,
        Some(crate::model::AssistantId("x".into())),
    ) {
        plan.shifts.push(shift);
    }
    check(&plan, &CheckOptions::default())
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Violation)
        .collect()
}

/// The reasons found before searching; also narrows `model.can` to the shift types each
/// assistant may work at all.
pub fn before_search(model: &mut Model) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let problem = model.problem.clone();
    // A shift type that breaks a rule by itself.
    let used: std::collections::BTreeSet<usize> =
        model.positions.iter().map(|p| p.shift_type).collect();
    for &t in &used {
        let mut first_finding: Option<Finding> = None;
        let mut anyone = false;
        for (who, person) in problem.people.iter().enumerate() {
            let profile = person
                .own_profile
                .clone()
                .unwrap_or(problem.profile.clone());
            let found = alone(model, t, &profile);
            if found.is_empty() {
                anyone = true;
                continue;
            }
            for (pos, at) in model.positions.iter().enumerate() {
                if at.shift_type == t {
                    model.can[pos][who] = false;
                }
            }
            first_finding.get_or_insert(found[0].clone());
        }
        if let (false, Some(f)) = (anyone, first_finding) {
            let label = type_label(model, t);
            reasons.push(Reason::new(
                "shift_type_unlawful",
                format!(
                    "Vakttypen {label} bryter en regel alene, uansett hvem som tar den: {} ({}). {} Endre vakttypen.",
                    rule_title(f.rule, Lang::Nb),
                    f.rule.id(),
                    explain(&f, Lang::Nb)
                ),
                format!(
                    "The shift type {label} breaks a rule by itself, whoever takes it: {} ({}). {} Change the shift type.",
                    rule_title(f.rule, Lang::En),
                    f.rule.id(),
                    explain(&f, Lang::En)
                ),
            ));
        }
    }
    if !reasons.is_empty() {
        return reasons;
    }
    // Slots nobody may take, and double staffing with too few who may.
    let mut nobody: BTreeMap<(usize, usize), Vec<u32>> = BTreeMap::new();
    let mut few: BTreeMap<(usize, usize, u32, usize), Vec<u32>> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for (pos, at) in model.positions.iter().enumerate() {
        let candidates = model.can[pos].iter().filter(|c| **c).count();
        if candidates == 0 {
            let weeks = nobody.entry((at.shift_type, at.day)).or_default();
            if !weeks.contains(&at.week) {
                weeks.push(at.week);
            }
            continue;
        }
        let staff = problem.needs[at.need].staff;
        if (candidates as u32) < staff && seen.insert((at.need, at.week, at.day)) {
            few.entry((at.shift_type, at.day, staff, candidates))
                .or_default()
                .push(at.week);
        }
    }
    for ((t, day), weeks) in nobody {
        let label = type_label(model, t);
        let (kind_nb, kind_en) = if is_night(model, t) {
            ("nattevakter", "night shifts")
        } else {
            ("vakter", "shifts")
        };
        reasons.push(Reason::new(
            "nobody_can",
            format!(
                "Ingen kan ta {kind_nb} {label} {}{}: alle assistentene har «kan ikke» der, eller vakten bryter en regel i profilen deres. Løs opp en «kan ikke», eller ta med en assistent til.",
                DAYS_NB[day],
                weeks_suffix(&weeks, problem.weeks, Lang::Nb)
            ),
            format!(
                "Nobody can take {kind_en} {label} on {}{}: every assistant has a \"cannot\" there, or the shift breaks a rule of their profile. Lift a \"cannot\", or add an assistant.",
                DAYS_EN[day],
                weeks_suffix(&weeks, problem.weeks, Lang::En)
            ),
        ));
    }
    for ((t, day, staff, candidates), weeks) in few {
        let label = type_label(model, t);
        reasons.push(Reason::new(
            "too_few_for_staff",
            format!(
                "Vakten {label} {}{} trenger {staff} assistenter samtidig, men bare {candidates} kan ta den.",
                DAYS_NB[day],
                weeks_suffix(&weeks, problem.weeks, Lang::Nb)
            ),
            format!(
                "The shift {label} on {}{} needs {staff} assistants at once, but only {candidates} can take it.",
                DAYS_EN[day],
                weeks_suffix(&weeks, problem.weeks, Lang::En)
            ),
        ));
    }
    if let Some(r) = sundays(model) {
        reasons.push(r);
    }
    // Hours: the needs per week against the contracts and against the law.
    let weeks = f64::from(problem.weeks);
    let need: f64 = (0..model.positions.len())
        .map(|p| model.minutes(p))
        .sum::<f64>()
        / weeks;
    let contracts: f64 = problem
        .people
        .iter()
        .map(|p| p.contract_minutes as f64)
        .sum();
    let lawful: f64 = problem
        .people
        .iter()
        .map(|p| (p.contract_minutes as f64).min(p.values.total_week_max as f64 / 60.0))
        .sum();
    let round_the_clock = need >= 168.0 * 60.0 - 0.5;
    if need > contracts + 0.5 {
        let (what_nb, what_en) = if round_the_clock {
            ("Døgnet rundt krever", "Round-the-clock help needs")
        } else {
            ("Behovet krever", "The needs take")
        };
        reasons.push(Reason::new(
            "contracts_too_small",
            format!(
                "{what_nb} {} t i uken; kontraktene gir til sammen {} t. Øk stillingene med {} t i uken, eller ta med en assistent til.",
                hours(need, Lang::Nb),
                hours(contracts, Lang::Nb),
                hours(need - contracts, Lang::Nb)
            ),
            format!(
                "{what_en} {} h a week; the contracts give {} h in all. Raise the contracts by {} h a week, or add an assistant.",
                hours(need, Lang::En),
                hours(contracts, Lang::En),
                hours(need - contracts, Lang::En)
            ),
        ));
    } else if need > lawful + 0.5 {
        reasons.push(Reason::new(
            "law_too_small",
            format!(
                "Behovet krever {} t i uken, men loven lar assistentene arbeide høyst {} t i uken til sammen (kontraktene, men ikke over grensen for samlet arbeidstid i uken, aml. § 10-6 (8)). Ta med en assistent til.",
                hours(need, Lang::Nb),
                hours(lawful, Lang::Nb)
            ),
            format!(
                "The needs take {} h a week, but the law lets the assistants work at most {} h a week in all (their contracts, capped at the total weekly working-time limit, aml § 10-6 (8)). Add an assistant.",
                hours(need, Lang::En),
                hours(lawful, Lang::En)
            ),
        ));
    }
    reasons
}

/// Sundays: each assistant may work at most half of them (SUN-NEXT: never two in a row;
/// SUN-AVG: at most half in 26 weeks), so at most ⌊N / 2⌋ of a cycle's N Sundays each. A
/// Sunday whose zone (Saturday 18:00 to Sunday 22:00) is covered without a break for longer
/// than anyone's longest lawful day, or that needs several at once, needs that many people.
fn sundays(model: &Model) -> Option<Reason> {
    let problem = &model.problem;
    let weeks = problem.weeks as i64;
    let longest_day = problem
        .people
        .iter()
        .map(|p| {
            p.values
                .total_day_max
                .max(p.values.long_shift_max.unwrap_or(0))
        })
        .max()
        .unwrap_or(0)
        / 60;
    let mut needed_total = 0i64;
    let mut needed_most = 0i64;
    for w in 0..weeks {
        // Minutes from the cycle's start; the zone of week w's Sunday.
        let zone = (
            w * 7 * 1440 + 5 * 1440 + 18 * 60,
            w * 7 * 1440 + 6 * 1440 + 22 * 60,
        );
        let mut pieces: Vec<(i64, i64)> = Vec::new();
        for (pos, at) in model.positions.iter().enumerate() {
            let start = at.cycle_day as i64 * 1440 + i64::from(at.key.1) / 60;
            let end = start + model.minutes(pos) as i64;
            let (s, e) = (start.max(zone.0), end.min(zone.1));
            if s < e {
                pieces.push((s, e));
            }
        }
        if pieces.is_empty() {
            continue;
        }
        // The most at once, and the longest stretch covered without a break.
        let mut edges: Vec<(i64, i64)> = pieces
            .iter()
            .flat_map(|&(s, e)| [(s, 1), (e, -1)])
            .collect();
        edges.sort();
        let (mut now, mut most) = (0, 0);
        for (_, d) in &edges {
            now += d;
            most = most.max(now);
        }
        pieces.sort();
        let (mut run_start, mut run_end, mut longest) = (pieces[0].0, pieces[0].1, 0);
        for &(s, e) in &pieces[1..] {
            if s > run_end {
                longest = longest.max(run_end - run_start);
                run_start = s;
            }
            run_end = run_end.max(e);
        }
        longest = longest.max(run_end - run_start);
        let by_length = if longest_day > 0 {
            (longest + longest_day - 1) / longest_day
        } else {
            1
        };
        let needed = most.max(by_length);
        needed_total += needed;
        needed_most = needed_most.max(needed);
    }
    let each = weeks / 2;
    let people = problem.people.len() as i64;
    if needed_total <= people * each {
        return None;
    }
    let label = |lang: Lang| match lang {
        Lang::Nb if weeks == 1 => "hver søndag".to_string(),
        Lang::Nb => format!("høyst {each} av {weeks} søndager i syklusen"),
        Lang::En if weeks == 1 => "every Sunday".to_string(),
        Lang::En => format!("at most {each} of the cycle's {weeks} Sundays"),
    };
    let (nb_each, en_each) = if weeks == 1 {
        (
            "En syklus på én uke ville gi hver assistent hver søndag, og ingen kan arbeide hver søndag (aml. § 10-10).".to_string(),
            "A one-week cycle would give each assistant every Sunday, and nobody may work every Sunday (aml § 10-10).".to_string(),
        )
    } else {
        (
            format!(
                "Hver assistent kan arbeide {} (høyst annenhver, aml. § 10-10), så {people} assistenter gir høyst {} søndager per syklus, men behovet krever {needed_total} (minst {needed_most} assistenter på samme søndag: lørdag 18:00 til søndag 22:00 dekkes lenger enn én lovlig arbeidsdag).",
                label(Lang::Nb),
                people * each
            ),
            format!(
                "Each assistant may work {} (at most every other, aml § 10-10), so {people} assistants give at most {} Sundays a cycle, but the needs take {needed_total} (at least {needed_most} assistants on the same Sunday: Saturday 18:00 to Sunday 22:00 is covered for longer than one lawful working day).",
                label(Lang::En),
                people * each
            ),
        )
    };
    let (nb_do, en_do) = if weeks % 2 == 1 {
        (
            "Velg en syklus med et partall uker, eller ta med en assistent til.",
            "Choose a cycle with an even number of weeks, or add an assistant.",
        )
    } else {
        ("Ta med en assistent til.", "Add an assistant.")
    };
    Some(Reason::new(
        "sundays",
        format!("{nb_each} {nb_do}"),
        format!("{en_each} {en_do}"),
    ))
}

/// The reason when the search found nothing lawful: honest about the budget, and what the last
/// candidate the checker saw still broke. What to try next depends on where the search was
/// asked from: [`super::Infeasible::text`] names the command line's options, the app its button.
pub fn after_search(model: &Model, moves: u64, violations: &[Finding]) -> Vec<Reason> {
    let mut rules: BTreeMap<&'static str, (usize, crate::rules::Rule)> = BTreeMap::new();
    for f in violations {
        rules.entry(f.rule.id()).or_insert((0, f.rule)).0 += 1;
    }
    let list = |lang: Lang| -> String {
        rules
            .iter()
            .map(|(id, (n, rule))| format!("{} ({id}) × {n}", rule_title(*rule, lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = model;
    let (nb_broke, en_broke) = if rules.is_empty() {
        (
            " Ingen kandidat var uten regelbrudd.".to_string(),
            " No candidate was free of rule breaches.".to_string(),
        )
    } else {
        (
            format!(" Det beste forsøket brøt fortsatt: {}.", list(Lang::Nb)),
            format!(" The best try still broke: {}.", list(Lang::En)),
        )
    };
    vec![Reason::new(
        "search_found_nothing",
        format!(
            "Søket fant ingen lovlig turnus på {moves} forsøk.{nb_broke} Det betyr ikke sikkert at ingen finnes."
        ),
        format!(
            "The search found no lawful rota in {moves} moves.{en_broke} That does not prove there is none."
        ),
    )]
}
