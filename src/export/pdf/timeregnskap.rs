//! The timeregnskap: for the calendar year holding the period's first day, each service type's
//! vedtak budget against used and planned hours, month by month and week by week, and the
//! year-end forecast, all from `crate::hours`. The date made splits used from planned.
//!
//! Left out on purpose: any arithmetic of its own; every figure comes from `crate::hours`.

use chrono::{Datelike, Months, NaiveDate};

use super::canvas::Align;
use super::fonts::Weight;
use super::frame::{date, hours, month, short_date, tr, Column, Doc, Row};
use super::{Lang, PdfOptions};
use crate::hours::{budget_minutes, usage, year_report, FrameKind, ServiceReport};
use crate::model::Plan;
use crate::time::{Instant, Interval};

pub fn build(plan: &Plan, options: &PdfOptions) -> Doc {
    let lang = options.lang;
    let year = options
        .from
        .year()
        .clamp(crate::time::FIRST_YEAR, crate::time::LAST_YEAR);
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(options.from);
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(options.to);
    let mut doc = Doc::new(plan, options, super::frame::whole_plan(lang), false);
    doc.set_period(format!(
        "{year} ({}–{})",
        date(first, lang),
        date(last, lang)
    ));
    let report = year_report(plan, year, options.made);
    doc.paragraph(
        &format!(
            "{} {}. {}",
            tr(
                lang,
                "Brukt: arbeidet, eller planlagt og ferdig før",
                "Used: worked, or planned and over before"
            ),
            date(options.made, lang),
            tr(
                lang,
                "Planlagt: resten. Prognosen regner med samme tempo ut året.",
                "Planned: the rest. The forecast assumes the same pace for the rest of the year."
            )
        ),
        8.5,
        Weight::Regular,
        0.0,
    );
    doc.y += 2.0;
    if report.services.is_empty() {
        doc.paragraph(
            tr(
                lang,
                "Planen har verken vedtak eller vakter i året.",
                "The plan has neither a vedtak nor shifts in the year.",
            ),
            10.0,
            Weight::Regular,
            0.0,
        );
        return doc;
    }
    for service in &report.services {
        summary(&mut doc, service, lang);
        months(&mut doc, plan, service, year, options.made, lang);
        weeks(&mut doc, service, lang);
    }
    timekonto(&mut doc, plan, year, lang);
    doc
}

/// Each assistant's account for the year (`crate::worked::year_account`): contract against
/// planned and worked hours by month, with merarbeid and overtime.
fn timekonto(doc: &mut Doc, plan: &Plan, year: i32, lang: Lang) {
    let columns = [
        Column::new(tr(lang, "Måned", "Month"), 30.0, Align::Left),
        Column::new(tr(lang, "Kontrakt", "Contract"), 22.0, Align::Right),
        Column::new(tr(lang, "Planlagt", "Planned"), 22.0, Align::Right),
        Column::new(tr(lang, "Arbeidet", "Worked"), 22.0, Align::Right),
        Column::new(tr(lang, "Merarbeid", "Extra hours"), 22.0, Align::Right),
        Column::new(tr(lang, "Overtid", "Overtime"), 22.0, Align::Right),
    ];
    let row = |label: String, a: &crate::worked::Account, total: bool| {
        let cells = vec![
            label,
            hours(a.contract / 60.0, lang),
            hours(a.planned as f64 / 60.0, lang),
            hours(a.worked as f64 / 60.0, lang),
            hours(a.merarbeid as f64 / 60.0, lang),
            hours(a.overtime as f64 / 60.0, lang),
        ];
        if total {
            Row::total(cells)
        } else {
            Row::plain(cells)
        }
    };
    let worked_plan = plan.as_worked();
    for assistant in &plan.assistants {
        let account = crate::worked::year_account_on(plan, &worked_plan, assistant, year);
        if account.year.planned == 0 && account.year.worked == 0 {
            continue;
        }
        let contract = assistant.contract_minutes_per_week.map_or_else(
            || tr(lang, "ingen kontrakt oppgitt", "no contract given").to_string(),
            |m| {
                format!(
                    "{} {} {}",
                    tr(lang, "kontrakt", "contract"),
                    hours(m as f64 / 60.0, lang),
                    tr(lang, "per uke", "a week")
                )
            },
        );
        doc.heading(
            &format!(
                "{}: {} ({contract})",
                tr(lang, "Timekonto", "Hour account"),
                assistant.name_or_id()
            ),
            40.0,
        );
        let mut rows: Vec<Row> = account
            .months
            .iter()
            .map(|(m, a)| row(m.name(lang == Lang::En), a, false))
            .collect();
        rows.push(row(
            tr(lang, "Året", "The year").to_string(),
            &account.year,
            true,
        ));
        doc.table(&columns, &rows);
    }
    doc.paragraph(
        tr(
            lang,
            "Planlagt: vaktene slik de ble planlagt. Arbeidet: vakter bekreftet som arbeidet, med tidene slik de ble arbeidet. Merarbeid: normaltimer over kontrakten. Overtid: som lovsjekken regner den (per uke).",
            "Planned: the shifts as planned. Worked: shifts confirmed as worked, at the times worked. Extra hours: normal hours above the contract. Overtime: as the law check counts it (per week).",
        ),
        8.0,
        Weight::Regular,
        0.0,
    );
}

fn service_name(service: &ServiceReport, lang: Lang) -> String {
    match lang {
        Lang::Nb => service.name.to_string(),
        Lang::En => match service.service {
            crate::model::ServiceType::PersonligAssistanse => "Personal assistance".into(),
            crate::model::ServiceType::Stottekontakt => "Support contact".into(),
            crate::model::ServiceType::Avlastning => "Respite care".into(),
        },
    }
}

fn summary(doc: &mut Doc, s: &ServiceReport, lang: Lang) {
    doc.heading(&service_name(s, lang), 50.0);
    let frame = match (s.frame, lang) {
        (FrameKind::Annual, Lang::Nb) => "årsramme",
        (FrameKind::Annual, Lang::En) => "annual frame",
        (FrameKind::Weekly, Lang::Nb) => "timer per uke",
        (FrameKind::Weekly, Lang::En) => "hours per week",
        (FrameKind::Mixed, Lang::Nb) => "skiftende ramme",
        (FrameKind::Mixed, Lang::En) => "changing frame",
        (FrameKind::None, Lang::Nb) => "ingen vedtak",
        (FrameKind::None, Lang::En) => "no vedtak",
    };
    let h = |v: f64| format!("{} {}", hours(v, lang), tr(lang, "t", "h"));
    let columns = [
        Column::new("", 70.0, Align::Left),
        Column::new(tr(lang, "Timer", "Hours"), 30.0, Align::Right),
        Column::new("", 8.0, Align::Left),
        Column::new("", 80.0, Align::Left),
    ];
    let rows = vec![
        Row::plain(vec![
            tr(lang, "Budsjett i vedtaket", "Budget in the vedtak").into(),
            h(s.budget_hours),
            String::new(),
            frame.into(),
        ]),
        Row::plain(vec![
            tr(lang, "Brukt", "Used").into(),
            h(s.used_hours),
            String::new(),
            String::new(),
        ]),
        Row::plain(vec![
            tr(lang, "Planlagt", "Planned").into(),
            h(s.planned_hours),
            String::new(),
            String::new(),
        ]),
        Row::total(vec![
            tr(lang, "Igjen", "Remaining").into(),
            h(s.remaining_hours),
            String::new(),
            if s.remaining_hours < 0.0 {
                tr(lang, "over rammen", "above the frame").into()
            } else {
                String::new()
            },
        ]),
        Row::plain(vec![
            tr(lang, "Prognose ved årets slutt", "Year-end forecast").into(),
            h(s.forecast_hours),
            String::new(),
            if s.forecast_hours > s.budget_hours + 0.05 {
                tr(lang, "over budsjettet", "above the budget").into()
            } else {
                String::new()
            },
        ]),
        Row::plain(vec![
            tr(lang, "Faller bort ved årsskiftet", "Lapses at year end").into(),
            h(s.lapsing_hours),
            String::new(),
            String::new(),
        ]),
    ];
    doc.table(&columns, &rows);
}

fn months(doc: &mut Doc, plan: &Plan, s: &ServiceReport, year: i32, today: NaiveDate, lang: Lang) {
    doc.heading(tr(lang, "Per måned", "By month"), 30.0);
    let columns = figure_columns(tr(lang, "Måned", "Month"), lang);
    let mut rows = Vec::new();
    for m in 1..=12 {
        let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
            continue;
        };
        let next = first.checked_add_months(Months::new(1)).unwrap_or(first);
        let last = next.pred_opt().unwrap_or(first);
        let budget = budget_minutes(plan, s.service, first, last) / 60.0;
        let within = Interval::new(Instant::start_of_day(first), Instant::start_of_day(next));
        let u = usage(plan, s.service, within, today);
        rows.push(figures(
            month(first, lang),
            budget,
            u.used_minutes / 60.0,
            u.planned_minutes / 60.0,
            lang,
        ));
    }
    rows.push(total_row(s, lang));
    doc.table(&columns, &rows);
}

fn weeks(doc: &mut Doc, s: &ServiceReport, lang: Lang) {
    doc.heading(tr(lang, "Per uke", "By week"), 30.0);
    let columns = figure_columns(tr(lang, "Uke", "Week"), lang);
    let mut rows: Vec<Row> = s
        .weeks
        .iter()
        .map(|w| {
            figures(
                format!(
                    "{} {} ({} {})",
                    tr(lang, "uke", "week"),
                    w.iso_week,
                    tr(lang, "fra", "from"),
                    short_date(w.monday, lang)
                ),
                w.budget_hours,
                w.used_hours,
                w.planned_hours,
                lang,
            )
        })
        .collect();
    rows.push(total_row(s, lang));
    doc.table(&columns, &rows);
}

fn figure_columns(first: &str, lang: Lang) -> [Column; 6] {
    [
        Column::new(first, 44.0, Align::Left),
        Column::new(tr(lang, "Budsjett", "Budget"), 22.0, Align::Right),
        Column::new(tr(lang, "Brukt", "Used"), 22.0, Align::Right),
        Column::new(tr(lang, "Planlagt", "Planned"), 22.0, Align::Right),
        Column::new(tr(lang, "Sum", "Total"), 22.0, Align::Right),
        Column::new(tr(lang, "Igjen", "Remaining"), 22.0, Align::Right),
    ]
}

fn figures(label: String, budget: f64, used: f64, planned: f64, lang: Lang) -> Row {
    Row::plain(vec![
        label,
        hours(budget, lang),
        hours(used, lang),
        hours(planned, lang),
        hours(used + planned, lang),
        hours(budget - used - planned, lang),
    ])
}

fn total_row(s: &ServiceReport, lang: Lang) -> Row {
    Row::total(vec![
        tr(lang, "Året", "The year").into(),
        hours(s.budget_hours, lang),
        hours(s.used_hours, lang),
        hours(s.planned_hours, lang),
        hours(s.used_hours + s.planned_hours, lang),
        hours(s.remaining_hours, lang),
    ])
}
