//! `turnus suggest`: a lawful, fair rotation from a request (crate::suggest does the work).
//!
//! Exit 0 with an answer (plan JSON with the extra key `suggestion`, to `-o FILE` or stdout),
//! 1 when the request cannot be met (the reasons on stdout), 2 for bad input (one line on
//! stderr naming the field). `--score SLOTS.json` scores a given assignment instead (for the
//! benchmark against another solver).

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::{
    check_output, write_new_file, Format, InputFailure, LangArg, EXIT_OK, EXIT_VIOLATIONS,
};
use crate::rules::explain::Lang;
use crate::suggest::{read_request, score_slots, suggest, Options, Problem};

/// The arguments of `turnus suggest`.
pub(super) struct SuggestArgs<'a> {
    pub request: &'a Path,
    pub out_file: Option<&'a Path>,
    pub seconds: &'a str,
    pub seed: u64,
    pub format: Format,
    pub lang: LangArg,
    pub score: Option<&'a Path>,
    pub force: bool,
}

fn load_request(path: &Path) -> Result<Problem, InputFailure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputFailure(format!("{}: cannot read the file ({e})", path.display())))?;
    let request = read_request(&text)
        .map_err(|e| InputFailure(format!("{}: {}", path.display(), shown(&e))))?;
    request
        .validate()
        .map_err(|e| InputFailure(format!("{}: {}", path.display(), shown(&e))))
}

fn shown(e: &crate::interchange::InputError) -> String {
    if e.path.is_empty() {
        format!("request: {}", e.message)
    } else if e.path.starts_with("line ") {
        format!("request JSON, {}: {}", e.path, e.message)
    } else {
        format!("{}: {}", e.path, e.message)
    }
}

fn seconds_arg(text: &str) -> Result<f64, InputFailure> {
    match text.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 3600.0 => Ok(s),
        _ => Err(InputFailure(format!(
            "--seconds: «{text}» is not a number of seconds from more than 0 to 3600; write it as, e.g., 2"
        ))),
    }
}

pub(super) fn run(args: SuggestArgs<'_>, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let seconds = seconds_arg(args.seconds)?;
    let problem = load_request(args.request)?;
    let lang: Lang = args.lang.into();
    if let Some(file) = args.score {
        return score(&problem, file, out);
    }
    if let Some(file) = args.out_file {
        check_output(file, Some(args.request), args.force)?;
    }
    let options = Options {
        seconds,
        seed: args.seed,
        stop_when_lawful: false,
    };
    match suggest(&problem, &options) {
        Err(infeasible) => {
            match args.format {
                Format::Json => writeln!(
                    out,
                    "{}",
                    json!({"feasible": false, "reasons": infeasible.reasons})
                )?,
                Format::Text => write!(out, "{}", infeasible.text(lang))?,
            }
            Ok(EXIT_VIOLATIONS)
        }
        Ok(answer) => {
            let text = serde_json::to_string_pretty(&answer.to_json())? + "\n";
            let Some(file) = args.out_file else {
                write!(out, "{text}")?;
                return Ok(EXIT_OK);
            };
            write_new_file(file, text.as_bytes())?;
            let s = &answer.suggestion;
            match args.format {
                Format::Json => writeln!(
                    out,
                    "{}",
                    json!({"feasible": true, "file": file.display().to_string(), "suggestion": s})
                )?,
                Format::Text => {
                    let en = lang == Lang::En;
                    writeln!(
                        out,
                        "{} {} ({} {}, {} {:.2}).",
                        if en {
                            "A lawful rotation is written to"
                        } else {
                            "En lovlig turnus er skrevet til"
                        },
                        file.display(),
                        if en { "checked over" } else { "sjekket over" },
                        if en {
                            format!("{} weeks", s.checked_weeks)
                        } else {
                            format!("{} uker", s.checked_weeks)
                        },
                        if en { "score" } else { "poeng" },
                        s.score
                    )?;
                    for a in &s.assistants {
                        writeln!(
                            out,
                            "  {}: {:.1} {} {:.1} ({} {}, {} {}, {} {}, {:.2})",
                            a.id,
                            a.average_hours_per_week,
                            if en {
                                "h/week, contract"
                            } else {
                                "t/uke, kontrakt"
                            },
                            a.contract_hours_per_week,
                            a.weekend_shifts,
                            if en { "weekend shifts" } else { "helgevakter" },
                            a.night_shifts,
                            if en { "nights" } else { "netter" },
                            a.wishes_broken,
                            if en {
                                "wishes broken"
                            } else {
                                "brutte ønsker"
                            },
                            a.score
                        )?;
                    }
                }
            }
            Ok(EXIT_OK)
        }
    }
}

/// Score the assignment in `file`: `{"slots": [{"week", "weekday", "shift_type", "assistant"}]}`.
fn score(problem: &Problem, file: &Path, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| InputFailure(format!("{}: cannot read the file ({e})", file.display())))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| InputFailure(format!("{}: this is not valid JSON ({e})", file.display())))?;
    let Some(list) = value.get("slots").and_then(|s| s.as_array()) else {
        return Err(InputFailure(format!(
            "{}: slots: missing; give {{\"slots\": [{{\"week\", \"weekday\", \"shift_type\", \"assistant\"}}]}}",
            file.display()
        )));
    };
    let mut slots = Vec::new();
    for (i, s) in list.iter().enumerate() {
        let field = |k: &str| {
            s.get(k)
                .ok_or_else(|| InputFailure(format!("{}: slots[{i}].{k}: missing", file.display())))
        };
        let week = field("week")?.as_u64().unwrap_or(0) as u32;
        let day_text = field("weekday")?.as_str().unwrap_or("");
        let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .position(|d| *d == day_text)
            .ok_or_else(|| {
                InputFailure(format!(
                    "{}: slots[{i}].weekday: «{day_text}» is not a weekday; use mon … sun",
                    file.display()
                ))
            })?;
        let code = field("shift_type")?.as_str().unwrap_or("").to_string();
        let who = field("assistant")?.as_str().unwrap_or("").to_string();
        slots.push((week, day, code, who));
    }
    let (suggestion, violations) = score_slots(problem, &slots)
        .map_err(|e| InputFailure(format!("{}: {e}", file.display())))?;
    writeln!(
        out,
        "{}",
        json!({"score": suggestion.score, "violations": violations, "suggestion": suggestion})
    )?;
    Ok(if violations == 0 {
        EXIT_OK
    } else {
        EXIT_VIOLATIONS
    })
}
