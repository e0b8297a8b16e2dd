//! `turnus holidays PLAN --year YYYY [--carried ID=DAYS …] [--format json]`: every assistant's
//! holiday balance under ferieloven (RULES.md §5, `crate::holidays`), as a Norwegian (or
//! English) table or as the JSON, with the days carried in and moved on to the next year.

use std::io::Write;
use std::path::Path;

use super::{escape_control, load_plan, today, Format, InputFailure, LangArg, EXIT_OK};
use crate::model::Plan;
use crate::rules::explain::Lang;

/// `turnus holidays`: every assistant's holiday balance for one year.
pub(super) fn holidays(
    path: &Path,
    year: Option<&str>,
    carried: &[String],
    format: Format,
    lang: LangArg,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let year = match year {
        None => chrono::Datelike::year(&today()?),
        Some(text) => year_arg(text)?,
    };
    let plan = load_plan(path)?;
    // The plan's recorded carry-over, each `--carried` replacing its assistant's for this run.
    let mut agreed: std::collections::HashMap<_, _> = plan
        .assistants
        .iter()
        .map(|a| (a.id.clone(), plan.carried_days(&a.id, year)))
        .filter(|(_, days)| *days > 0)
        .collect();
    let mut given = std::collections::HashSet::new();
    for item in carried {
        let (id, days) = carried_arg(&plan, item)?;
        agreed.insert(id.clone(), days);
        if !given.insert(id) {
            return Err(InputFailure(format!(
                "--carried: «{item}» gives the same assistant twice; give each assistant once"
            )));
        }
    }
    let report = crate::holidays::report(&plan, year, &agreed)
        .map_err(|e| InputFailure(format!("--carried: {e}")))?;
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&report)?)?,
        Format::Text => write!(out, "{}", holidays_text(&plan, &report, lang.into()))?,
    }
    Ok(EXIT_OK)
}

/// The report as a Norwegian table, with a warning line for each over-booked assistant.
fn holidays_text(plan: &Plan, report: &crate::holidays::HolidayReport, lang: Lang) -> String {
    let en = lang == Lang::En;
    let names: std::collections::HashMap<&crate::model::AssistantId, String> = plan
        .assistants
        .iter()
        .map(|a| (&a.id, escape_control(&a.name_or_id())))
        .collect();
    let label = |b: &crate::holidays::Balance| {
        let name = names
            .get(&b.assistant)
            .cloned()
            .unwrap_or_else(|| b.assistant.to_string());
        let id = escape_control(b.assistant.as_str());
        if name == id {
            name
        } else {
            format!("{name} ({id})")
        }
    };
    let [who, rights, carried, booked, left, main] = if en {
        [
            "Assistant",
            "Entitled",
            "Carried",
            "Booked",
            "Left",
            "Main holiday (18 days 1 Jun–30 Sep)",
        ]
    } else {
        [
            "Assistent",
            "Rett",
            "Overført",
            "Lagt",
            "Igjen",
            "Hovedferie (18 dager 1.6.–30.9.)",
        ]
    };
    let width = report
        .assistants
        .iter()
        .map(|b| label(b).chars().count())
        .chain(std::iter::once(who.chars().count()))
        .max()
        .unwrap_or(0);
    let mut text = if en {
        format!(
            "Holidays {} (ferieloven; virkedager: Monday–Saturday except red days)\n",
            report.year
        )
    } else {
        format!(
            "Ferie {} (ferieloven; virkedager: mandag–lørdag utenom røde dager)\n",
            report.year
        )
    };
    if report.assistants.is_empty() {
        text.push_str(if en {
            "The plan has no assistants.\n"
        } else {
            "Planen har ingen assistenter.\n"
        });
        return text;
    }
    let (w1, w2, w3, w4) = (
        rights.chars().count(),
        carried.chars().count(),
        booked.chars().count(),
        left.chars().count(),
    );
    text.push_str(&format!(
        "{who:<width$}  {rights:>w1$}  {carried:>w2$}  {booked:>w3$}  {left:>w4$}  {main}\n"
    ));
    for b in &report.assistants {
        let met = match (b.main_holiday_met, en) {
            (true, true) => "yes",
            (false, true) => "no",
            (true, false) => "ja",
            (false, false) => "nei",
        };
        text.push_str(&format!(
            "{:<width$}  {:>w1$}  {:>w2$}  {:>w3$}  {:>w4$}  {met}\n",
            label(b),
            b.entitlement_days,
            b.carried_days,
            b.booked_days,
            b.remaining_days,
        ));
    }
    for b in report.assistants.iter().filter(|b| b.moved_days > 0) {
        let (name, days, next) = (label(b), b.moved_days, report.year + 1);
        text.push_str(&if en {
            format!("{name} moves {days} virkedager on to {next} (agreed; ferieloven § 7 (2)); they are not in {}'s balance.\n", report.year)
        } else {
            format!("{name} flytter {days} virkedager til {next} (avtalt; ferieloven § 7 (2)); de er ikke med i saldoen for {}.\n", report.year)
        });
    }
    for b in report.assistants.iter().filter(|b| b.over_booked()) {
        let over = -b.remaining_days;
        let (name, total) = (
            label(b),
            i64::from(b.entitlement_days + b.carried_days) - i64::from(b.moved_days),
        );
        text.push_str(&if en {
            let days = if over == 1 { "virkedag" } else { "virkedager" };
            format!("Warning: {name} has {over} {days} more holiday booked than the balance of {total}.\n")
        } else {
            let days = if over == 1 { "virkedag" } else { "virkedager" };
            format!("Advarsel: {name} har lagt {over} {days} mer ferie enn saldoen på {total}.\n")
        });
    }
    text
}

/// A `--year` of exactly four digits in the years Turnus handles.
fn year_arg(text: &str) -> Result<i32, InputFailure> {
    match text.parse::<i32>() {
        Ok(y)
            if text.len() == 4
                && text.bytes().all(|b| b.is_ascii_digit())
                && crate::time::year_supported(y) =>
        {
            Ok(y)
        }
        _ => Err(InputFailure(format!(
            "--year: «{text}» is not a year Turnus handles; give four digits from 1900 to 2200"
        ))),
    }
}

/// One `--carried ID=DAYS`: an assistant of the plan and 0 to 12 days.
fn carried_arg(plan: &Plan, item: &str) -> Result<(crate::model::AssistantId, u32), InputFailure> {
    let fail = |why: &str| InputFailure(format!("--carried: «{item}» {why}"));
    let Some((id, days)) = item.split_once('=') else {
        return Err(fail("is not ID=DAYS; give it as for example A=5"));
    };
    let Some(assistant) = plan.assistants.iter().find(|a| a.id.as_str() == id) else {
        return Err(fail("names no assistant in the plan"));
    };
    let max = crate::holidays::MAX_CARRIED_DAYS;
    match days.parse::<u32>() {
        Ok(n) if n <= max && days.bytes().all(|b| b.is_ascii_digit()) => {
            Ok((assistant.id.clone(), n))
        }
        _ => Err(fail(&format!(
            "is not a number of days that can be carried over; ferieloven § 7 (2) allows 0 to {max}"
        ))),
    }
}
