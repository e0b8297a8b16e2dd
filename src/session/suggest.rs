//! "Foreslå turnus" in the app: the Rotations page's request, answered by [`crate::suggest`],
//! and applying the answer as a rotation of the plan.
//!
//! The request's assistants are the plan's own (chosen by the person); their names and own
//! profiles come from the plan, and so do the shift types. The request is written as the
//! `turnus suggest` request JSON and read back with its own strict reader, so the app and the
//! command line accept exactly the same requests. The search is pure and may take seconds: the
//! Tauri adapter runs every command off the window's thread.

use serde::Deserialize;
use serde_json::{json, Value};
use ts_rs::TS;

use super::error::IpcError;
use super::view::SlotView;
use super::{Language, Session};
use crate::model::{Assistant, Plan};
use crate::suggest::{self, Options};

/// The longest search the app asks for, in seconds.
pub const MAX_SECONDS: f64 = 30.0;

/// The slots a `cannot` or a wish fits: every key given must fit (weekdays `mon`…`sun`, shift
/// type codes, cycle weeks from 1).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct SlotMatchInput {
    pub days: Option<Vec<String>>,
    pub shift_types: Option<Vec<String>>,
    pub weeks: Option<Vec<u32>>,
}

/// A wish: the slots it fits, and how much (positive: wants them, negative: would rather not).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct WishInput {
    pub days: Option<Vec<String>>,
    pub shift_types: Option<Vec<String>>,
    pub weeks: Option<Vec<u32>>,
    pub weight: f64,
}

/// Help needed: `staff` assistants on a shift type on each of `days` of every cycle week.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct NeedInput {
    pub shift_type: String,
    pub days: Vec<String>,
    pub staff: u32,
}

/// One of the plan's assistants in the request.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct SuggestAssistantInput {
    /// An assistant of the plan.
    pub id: String,
    pub contract_hours_per_week: f64,
    pub cannot: Vec<SlotMatchInput>,
    pub wishes: Vec<WishInput>,
}

/// The request of "Foreslå turnus" (docs/suggest.md, with the plan's shift types and
/// assistants).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct SuggestInput {
    /// The suggested rotation's name.
    pub name: String,
    /// The cycle, 1 to 12 weeks.
    pub weeks: u32,
    /// The Monday week 1 begins, `YYYY-MM-DD`.
    pub start: String,
    /// A preset key (`aml`, `tariff` …); absent: the plan's profile with its edits.
    pub preset: Option<String>,
    pub needs: Vec<NeedInput>,
    pub assistants: Vec<SuggestAssistantInput>,
    /// How long to search, in seconds' worth of moves (default 2, at most 30).
    pub seconds: Option<f64>,
    /// The seed of the search: the same request and seed give the same rota (default 1). A
    /// number in TypeScript: the app's seeds are small, and JSON has no bigint.
    #[ts(optional, type = "number")]
    pub seed: Option<u64>,
}

/// What "Foreslå turnus" answers: the rota to review, or why none can be made.
#[derive(Clone, Debug, PartialEq, serde::Serialize, TS)]
pub struct SuggestionView {
    /// False when the request cannot be met; `reasons` say why.
    pub found: bool,
    /// Why the request cannot be met, as sentences in the UI language.
    pub reasons: Vec<String>,
    pub name: String,
    pub weeks: u32,
    /// The Monday week 1 begins, `YYYY-MM-DD`.
    pub start: String,
    /// The weeks the rota was repeated over and checked (at least 52, whole cycles).
    pub checked_weeks: u32,
    /// One row per assistant: for each cycle week, seven days of shift type codes ("" off).
    pub rota: Vec<RotaRowView>,
    /// Each assistant's figures and score parts.
    pub figures: Vec<SuggestedFiguresView>,
    /// The total score (lower is better).
    pub score: f64,
    /// Each slot given against a wish, as a sentence.
    pub wishes_broken: Vec<String>,
    /// The rotation's slots, to apply as they are.
    pub slots: Vec<SlotView>,
    /// When the search ran out without a lawful rota: a longer search with another seed to
    /// offer ("Søk lenger"); null otherwise.
    pub search_longer: Option<SearchLonger>,
}

/// The next, longer search the app offers after one that found nothing lawful.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, TS)]
pub struct SearchLonger {
    /// Seconds' worth of moves: four times the last, at least 8, at most [`MAX_SECONDS`].
    pub seconds: f64,
    #[ts(type = "number")]
    pub seed: u64,
}

/// One assistant's weeks of the suggested rota.
#[derive(Clone, Debug, PartialEq, serde::Serialize, TS)]
pub struct RotaRowView {
    pub assistant: String,
    pub name: String,
    /// `weeks[w][d]`: the codes of the shifts on weekday d (Monday = 0) of cycle week w + 1,
    /// joined by "+"; "" for a day off.
    pub weeks: Vec<Vec<String>>,
}

/// One assistant's figures in a suggestion.
#[derive(Clone, Debug, PartialEq, serde::Serialize, TS)]
pub struct SuggestedFiguresView {
    pub assistant: String,
    pub name: String,
    pub contract_hours_per_week: f64,
    pub average_hours_per_week: f64,
    /// Per cycle.
    pub weekend_shifts: u32,
    pub night_shifts: u32,
    /// Over the checked weeks.
    pub red_days_worked: u32,
    /// Rests shorter than 11 h, per cycle.
    pub quick_returns: f64,
    pub single_work_days: u32,
    pub wishes_met: u32,
    pub wishes_broken: u32,
    /// The score's parts, each with its name in the UI language.
    pub parts: Vec<ScorePartView>,
    pub score: f64,
}

/// One part of an assistant's score.
#[derive(Clone, Debug, PartialEq, serde::Serialize, TS)]
pub struct ScorePartView {
    pub key: String,
    pub label: String,
    pub value: f64,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn matcher_value(
    days: &Option<Vec<String>>,
    types: &Option<Vec<String>>,
    weeks: &Option<Vec<u32>>,
) -> Value {
    let mut m = serde_json::Map::new();
    if let Some(d) = days {
        m.insert("days".into(), json!(d));
    }
    if let Some(t) = types {
        m.insert("shift_types".into(), json!(t));
    }
    if let Some(w) = weeks {
        m.insert("weeks".into(), json!(w));
    }
    Value::Object(m)
}

impl Session {
    /// Suggest a rotation for `input` (see [`SuggestInput`]): a field that cannot be used is
    /// refused naming it; a request that cannot be met gives a view with `found` false and the
    /// reasons.
    pub fn suggest_rotation(&self, input: &SuggestInput) -> Result<SuggestionView, IpcError> {
        let lang = self.lang;
        let plan = &self.plan;
        if !(1..=crate::rotation::MAX_WEEKS).contains(&input.weeks) {
            return Err(IpcError::field(
                "weeks",
                input.weeks,
                lang.pick(
                    "Skriv et helt tall fra 1 til 12 uker.",
                    "Write a whole number from 1 to 12 weeks.",
                ),
            ));
        }
        if input
            .needs
            .iter()
            .all(|n| n.staff == 0 || n.days.is_empty())
        {
            return Err(IpcError::field(
                "needs",
                Value::Null,
                lang.pick(
                    "Velg minst én vakttype på minst én ukedag der det trengs hjelp.",
                    "Choose at least one shift type on at least one weekday where help is needed.",
                ),
            ));
        }
        if input.assistants.is_empty() {
            return Err(IpcError::field(
                "assistants",
                Value::Null,
                lang.pick(
                    "Velg minst én assistent som kan få vakter.",
                    "Choose at least one assistant who can be given shifts.",
                ),
            ));
        }
        let mut people: Vec<Assistant> = Vec::new();
        for (i, a) in input.assistants.iter().enumerate() {
            let Some(found) = plan.assistant(&crate::model::AssistantId(a.id.clone())) else {
                return Err(IpcError::field(
                    &format!("assistants[{i}].id"),
                    a.id.clone(),
                    lang.pick(
                        "Denne assistenten finnes ikke i planen lenger. Velg assistentene på nytt.",
                        "This assistant is no longer in the plan. Choose the assistants again.",
                    ),
                ));
            };
            if !a.contract_hours_per_week.is_finite()
                || !(0.0..=100.0).contains(&a.contract_hours_per_week)
            {
                return Err(IpcError::field(
                    &format!("assistants[{i}].contract_hours_per_week"),
                    a.contract_hours_per_week,
                    lang.pick(
                        "Skriv timene i uken som et tall fra 0 til 100.",
                        "Write the hours a week as a number from 0 to 100.",
                    ),
                ));
            }
            people.push(found.clone());
        }
        // The profiles as plan JSON writes them, from a plan holding only what is needed.
        let written = crate::interchange::plan_to_value(&Plan {
            profile: plan.profile.clone(),
            assistants: people.clone(),
            ..Plan::default()
        });
        let profile = match &input.preset {
            Some(preset) => json!(preset),
            None => written["profile"].clone(),
        };
        let shift_types: Vec<Value> = plan
            .shift_types
            .iter()
            .map(|t| {
                json!({
                    "code": t.code, "name": t.name,
                    "start": t.start.format("%H:%M").to_string(),
                    "end": t.end.format("%H:%M").to_string(),
                    "break_minutes": t.break_minutes, "passive_minutes": t.passive_minutes,
                    "service": t.service.key(), "long_shift": t.long_shift,
                })
            })
            .collect();
        let needs: Vec<Value> = input
            .needs
            .iter()
            .filter(|n| n.staff > 0 && !n.days.is_empty())
            .map(|n| json!({ "shift_type": n.shift_type, "days": n.days, "staff": n.staff }))
            .collect();
        let assistants: Vec<Value> = input
            .assistants
            .iter()
            .zip(&people)
            .enumerate()
            .map(|(i, (a, person))| {
                json!({
                    "id": a.id, "name": person.name_or_id(),
                    "contract_hours_per_week": a.contract_hours_per_week,
                    "profile": written["assistants"][i]["profile"].clone(),
                    "cannot": a.cannot.iter().map(|m| matcher_value(&m.days, &m.shift_types, &m.weeks)).collect::<Vec<_>>(),
                    "wishes": a.wishes.iter().map(|w| {
                        let mut v = matcher_value(&w.days, &w.shift_types, &w.weeks);
                        v["weight"] = json!(w.weight);
                        v
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        let request = json!({
            "format": suggest::request::FORMAT, "version": 1,
            "start": input.start.trim(), "weeks": input.weeks,
            "profile": profile, "shift_types": shift_types, "needs": needs,
            "assistants": assistants, "name": input.name.trim(),
        });
        let refused = |e: crate::interchange::InputError| {
            let message = match lang {
                Language::Nb => {
                    format!("Forespørselen kan ikke brukes: {e}. Rett feltet og prøv igjen.")
                }
                Language::En => {
                    format!("The request cannot be used: {e}. Correct the field and try again.")
                }
            };
            IpcError::field(&e.path, Value::Null, message)
        };
        let problem = suggest::read_request(&request.to_string())
            .and_then(|r| r.validate())
            .map_err(refused)?;
        let options = Options {
            seconds: input.seconds.unwrap_or(2.0).clamp(0.0, MAX_SECONDS),
            seed: input.seed.unwrap_or(1),
            stop_when_lawful: false,
        };
        let name = if input.name.trim().is_empty() {
            lang.pick("Forslag til turnus", "Suggested rota")
                .to_string()
        } else {
            input.name.trim().to_string()
        };
        let mut view = SuggestionView {
            found: false,
            reasons: Vec::new(),
            name,
            weeks: input.weeks,
            start: problem.start.format("%Y-%m-%d").to_string(),
            checked_weeks: crate::rotation::pattern_check_weeks(input.weeks),
            rota: Vec::new(),
            figures: Vec::new(),
            score: 0.0,
            wishes_broken: Vec::new(),
            slots: Vec::new(),
            search_longer: None,
        };
        match suggest::suggest(&problem, &options) {
            Err(infeasible) => {
                let ran_out = infeasible
                    .reasons
                    .iter()
                    .any(|r| r.code == "search_found_nothing");
                let longer = SearchLonger {
                    seconds: (options.seconds * 4.0).clamp(8.0, MAX_SECONDS),
                    seed: options.seed.wrapping_add(1),
                };
                view.reasons = infeasible
                    .reasons
                    .iter()
                    .map(|r| {
                        let text = lang.pick(&r.nb, &r.en).to_string();
                        if r.code != "search_found_nothing" {
                            return text;
                        }
                        let seconds = longer.seconds;
                        match lang {
                            Language::Nb => format!(
                                "{text} Prøv «Søk lenger» ({seconds} sekunder), eller løs opp en «kan ikke»."
                            ),
                            Language::En => format!(
                                "{text} Try \"Search longer\" ({seconds} seconds), or lift a \"cannot\"."
                            ),
                        }
                    })
                    .collect();
                view.search_longer = ran_out.then_some(longer);
            }
            Ok(answer) => {
                view.found = true;
                let s = &answer.suggestion;
                view.score = s.score;
                view.checked_weeks = s.checked_weeks;
                let rotation = &answer.plan.rotations[0];
                let name_of = |id: &str| {
                    plan.assistant(&crate::model::AssistantId(id.to_string()))
                        .map_or_else(|| id.to_string(), |a| a.name_or_id())
                };
                for person in &people {
                    let mut weeks = vec![vec![String::new(); 7]; input.weeks as usize];
                    for slot in rotation
                        .slots
                        .iter()
                        .filter(|s| s.assistant.as_ref() == Some(&person.id))
                    {
                        let cell = &mut weeks[(slot.week - 1) as usize]
                            [slot.weekday.num_days_from_monday() as usize];
                        if !cell.is_empty() {
                            cell.push('+');
                        }
                        cell.push_str(&slot.shift_type);
                    }
                    view.rota.push(RotaRowView {
                        assistant: person.id.to_string(),
                        name: person.name_or_id(),
                        weeks,
                    });
                }
                view.figures = s
                    .assistants
                    .iter()
                    .map(|a| SuggestedFiguresView {
                        assistant: a.id.clone(),
                        name: name_of(&a.id),
                        contract_hours_per_week: a.contract_hours_per_week,
                        average_hours_per_week: a.average_hours_per_week,
                        weekend_shifts: a.weekend_shifts,
                        night_shifts: a.night_shifts,
                        red_days_worked: a.red_days_worked,
                        quick_returns: a.quick_returns,
                        single_work_days: a.single_work_days,
                        wishes_met: a.wishes_met,
                        wishes_broken: a.wishes_broken,
                        parts: [
                            (
                                "contract",
                                "Avvik fra kontrakten",
                                "Distance from the contract",
                                a.parts.contract,
                            ),
                            ("weekends", "Helger", "Weekends", a.parts.weekends),
                            ("nights", "Netter", "Nights", a.parts.nights),
                            (
                                "red_days",
                                "Røde dager",
                                "Public holidays",
                                a.parts.red_days,
                            ),
                            (
                                "quick_returns",
                                "Korte hviler",
                                "Quick returns",
                                a.parts.quick_returns,
                            ),
                            (
                                "single_days",
                                "Enkeltstående arbeidsdager",
                                "Single work days",
                                a.parts.single_days,
                            ),
                            ("wishes", "Ønsker", "Wishes", a.parts.wishes),
                        ]
                        .into_iter()
                        .map(|(key, nb, en, value)| ScorePartView {
                            key: key.into(),
                            label: lang.pick(nb, en).into(),
                            value,
                        })
                        .collect(),
                        score: a.score,
                    })
                    .collect();
                view.wishes_broken = s
                    .wishes_broken
                    .iter()
                    .map(|w| {
                        let day = DAYS.iter().position(|d| *d == w.weekday).unwrap_or(0);
                        match lang {
                            Language::Nb => format!(
                                "{} fikk {} {} i uke {} mot ønsket sitt.",
                                name_of(&w.assistant),
                                w.shift_type,
                                [
                                    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag",
                                    "søndag"
                                ][day],
                                w.week
                            ),
                            Language::En => format!(
                                "{} was given {} on {} of week {} against their wish.",
                                name_of(&w.assistant),
                                w.shift_type,
                                [
                                    "Monday",
                                    "Tuesday",
                                    "Wednesday",
                                    "Thursday",
                                    "Friday",
                                    "Saturday",
                                    "Sunday"
                                ][day],
                                w.week
                            ),
                        }
                    })
                    .collect();
                view.slots = rotation
                    .slots
                    .iter()
                    .map(|s| SlotView {
                        week: s.week,
                        weekday: s.weekday.number_from_monday(),
                        shift_type: s.shift_type.clone(),
                        assistant: s.assistant.as_ref().map(|a| a.to_string()),
                        skip_red_days: s.skip_red_days,
                    })
                    .collect();
            }
        }
        Ok(view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{AssistantInput, ShiftTypeInput, Window};
    use crate::time::Instant;
    use chrono::NaiveDate;

    fn w() -> Window {
        Window {
            from: "2027-01-04".into(),
            to: "2027-01-17".into(),
        }
    }

    fn now() -> Instant {
        Instant::parse("2026-12-01T09:00").unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    /// Three assistants and a day shift of 7 h 30 min.
    fn session() -> (Session, Vec<String>) {
        let mut s = Session::in_memory("Ingrid", Language::Nb).unwrap();
        for name in ["Kari", "Ola", "Per"] {
            s.save_assistant(
                now(),
                today(),
                &w(),
                &AssistantInput {
                    name: name.into(),
                    ..AssistantInput::default()
                },
            )
            .unwrap();
        }
        let view = s
            .save_shift_type(
                now(),
                today(),
                &w(),
                &ShiftTypeInput {
                    code: "D".into(),
                    name: "Dag".into(),
                    start: "08:00".into(),
                    end: "15:30".into(),
                    break_minutes: Some(30),
                    ..ShiftTypeInput::default()
                },
            )
            .unwrap();
        // Sundays by the average rule, as the tariff lets a round-the-clock rota have.
        s.set_profile(
            now(),
            today(),
            &w(),
            &crate::session::ProfileInput {
                preset: "tariff".into(),
                ..crate::session::ProfileInput::default()
            },
        )
        .unwrap();
        let ids = view.assistants.iter().map(|a| a.id.clone()).collect();
        (s, ids)
    }

    fn request(ids: &[String], hours: f64) -> SuggestInput {
        SuggestInput {
            name: "Dagturnus".into(),
            weeks: 3,
            start: "2027-01-04".into(),
            needs: vec![NeedInput {
                shift_type: "D".into(),
                days: DAYS.iter().map(|d| d.to_string()).collect(),
                staff: 1,
            }],
            assistants: ids
                .iter()
                .map(|id| SuggestAssistantInput {
                    id: id.clone(),
                    contract_hours_per_week: hours,
                    ..SuggestAssistantInput::default()
                })
                .collect(),
            seconds: Some(0.5),
            ..SuggestInput::default()
        }
    }

    #[test]
    fn a_suggestion_covers_every_need_once_and_applies_as_a_lawful_rotation() {
        let (mut s, ids) = session();
        let mut input = request(&ids, 18.0);
        // Kari cannot work Tuesdays.
        input.assistants[0].cannot = vec![SlotMatchInput {
            days: Some(vec!["tue".into()]),
            ..SlotMatchInput::default()
        }];
        let view = s.suggest_rotation(&input).unwrap();
        assert!(view.found, "{:?}", view.reasons);
        assert_eq!(view.slots.len(), 21, "one D every day of three weeks");
        for week in 0..3 {
            for day in 0..7 {
                let covering = view
                    .rota
                    .iter()
                    .filter(|r| r.weeks[week][day] == "D")
                    .count();
                assert_eq!(covering, 1, "week {} day {day}", week + 1);
            }
            assert_eq!(view.rota[0].weeks[week][1], "", "Kari never on a Tuesday");
        }
        assert_eq!(view.figures.len(), 3);
        assert_eq!(view.figures[0].name, "Kari");
        assert_eq!(view.figures[0].parts.len(), 7);
        assert_eq!(view.figures[0].parts[0].label, "Avvik fra kontrakten");
        // Same request, same seed: the same rota.
        assert_eq!(s.suggest_rotation(&input).unwrap(), view);

        let slots: Vec<crate::session::SlotInput> = view
            .slots
            .iter()
            .map(|x| crate::session::SlotInput {
                week: x.week,
                weekday: x.weekday,
                shift_type: x.shift_type.clone(),
                assistant: x.assistant.clone(),
                skip_red_days: Some(x.skip_red_days),
            })
            .collect();
        let applied = s
            .save_rotation(
                now(),
                today(),
                &w(),
                &crate::session::RotationInput {
                    name: view.name.clone(),
                    weeks: view.weeks,
                    start: view.start.clone(),
                    slots,
                    ..crate::session::RotationInput::default()
                },
            )
            .unwrap();
        let rotation = &applied.rotations[0];
        assert_eq!(rotation.name, "Dagturnus");
        assert!(
            rotation.findings.iter().all(|f| f.severity != "violation"),
            "{:#?}",
            rotation.findings
        );
        assert_eq!(
            applied.history.next_undo.as_deref(),
            Some("Legg til turnusmønster")
        );
    }

    #[test]
    fn a_request_that_cannot_be_met_says_why_in_numbers() {
        let (s, ids) = session();
        let view = s.suggest_rotation(&request(&ids[..1], 10.0)).unwrap();
        assert!(!view.found);
        assert!(!view.reasons.is_empty());
        assert!(view.slots.is_empty());
        let text = view.reasons.join(" ");
        assert!(text.contains(" t"), "hours in numbers: {text}");
    }

    #[test]
    fn a_search_that_runs_out_offers_a_longer_one_in_the_app_s_words() {
        let (mut s, ids) = session();
        s.save_shift_type(
            now(),
            today(),
            &w(),
            &ShiftTypeInput {
                code: "K".into(),
                name: "Kveld".into(),
                start: "15:30".into(),
                end: "23:00".into(),
                break_minutes: Some(30),
                ..ShiftTypeInput::default()
            },
        )
        .unwrap();
        // Day and evening every day, 105 h a week, for three people of 35 h: tight.
        let mut input = request(&ids, 35.0);
        input.needs.push(NeedInput {
            shift_type: "K".into(),
            days: DAYS.iter().map(|d| d.to_string()).collect(),
            staff: 1,
        });
        input.weeks = 6;
        input.seconds = Some(0.001);
        let view = s.suggest_rotation(&input).unwrap();
        assert!(!view.found, "{:?}", view.figures);
        let longer = view
            .search_longer
            .unwrap_or_else(|| panic!("{:?}", view.reasons));
        assert_eq!(longer.seconds, 8.0, "four times as long, at least 8 s");
        assert_eq!(longer.seed, 2, "with another seed");
        let text = view.reasons.join(" ");
        assert!(
            text.contains("Prøv «Søk lenger» (8 sekunder)"),
            "the app's button, not the command line's options: {text}"
        );
        assert!(!text.contains("--"), "{text}");
        input.seconds = Some(20.0);
        input.seed = Some(7);
        input.assistants.truncate(1);
        let view = s.suggest_rotation(&input).unwrap();
        assert!(!view.found);
        assert_eq!(
            view.search_longer, None,
            "too few hours is no reason to search longer"
        );
    }

    #[test]
    fn a_field_that_cannot_be_used_is_named() {
        let (s, ids) = session();
        let mut input = request(&ids, 18.0);
        input.weeks = 13;
        let e = s.suggest_rotation(&input).unwrap_err();
        assert_eq!(e.details["field"], "weeks");
        let mut input = request(&ids, 18.0);
        input.start = "2027-01-05".into();
        let e = s.suggest_rotation(&input).unwrap_err();
        assert_eq!(e.details["field"], "start");
        assert!(
            e.message.starts_with("Forespørselen kan ikke brukes"),
            "{}",
            e.message
        );
        let mut input = request(&ids, 18.0);
        input.assistants[1].id = "nobody".into();
        let e = s.suggest_rotation(&input).unwrap_err();
        assert_eq!(e.details["field"], "assistants[1].id");
    }
}
