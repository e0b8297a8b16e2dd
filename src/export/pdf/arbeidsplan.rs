//! An assistant's arbeidsplan: every shift in the period, a sum for each ISO week and the
//! total, in portrait.
//!
//! Left out on purpose: cancelled shifts (the assistant does not work them) and other
//! assistants' shifts.

use super::canvas::Align;
use super::frame::{clock, date, hours, tr, weekday, Column, Doc, Row};
use super::PdfOptions;
use crate::calendar::{is_red_day, Week};
use crate::model::{Assistant, Plan, Shift};

pub fn build(plan: &Plan, assistant: &Assistant, options: &PdfOptions) -> Doc {
    let lang = options.lang;
    let mut doc = Doc::new(plan, options, assistant.name.clone(), false);
    let mut shifts: Vec<&Shift> = plan
        .shifts
        .iter()
        .filter(|s| s.assistant.as_ref() == Some(&assistant.id) && s.counts())
        .filter(|s| {
            let d = s.start.local_date();
            options.from <= d && d <= options.to
        })
        .collect();
    shifts.sort_by_key(|s| s.start);

    let columns = [
        Column::new(tr(lang, "Uke", "Week"), 11.0, Align::Left),
        Column::new(tr(lang, "Dag", "Day"), 11.0, Align::Left),
        Column::new(tr(lang, "Dato", "Date"), 22.0, Align::Left),
        Column::new(tr(lang, "Vakt", "Shift"), 30.0, Align::Left),
        Column::new(tr(lang, "Tid", "Time"), 24.0, Align::Left),
        Column::new(tr(lang, "Timer", "Hours"), 14.0, Align::Right),
        Column::wrapping(tr(lang, "Merknad", "Note"), 64.0),
    ];
    let mut rows = Vec::new();
    let mut total = 0i64;
    let mut i = 0;
    while i < shifts.len() {
        let week = Week::containing(shifts[i].start.local_date());
        let mut week_seconds = 0;
        while i < shifts.len() && Week::containing(shifts[i].start.local_date()) == week {
            let s = shifts[i];
            let d = s.start.local_date();
            let name = s
                .shift_type
                .as_deref()
                .map(|code| match plan.shift_type(code) {
                    Some(t) => format!("{} {}", t.code, t.name),
                    None => code.to_string(),
                })
                .unwrap_or_default();
            let red = if is_red_day(d) { " ✱" } else { "" };
            rows.push(Row::plain(vec![
                week.iso().1.to_string(),
                format!("{}{red}", weekday(d, lang)),
                date(d, lang),
                name,
                format!("{}–{}", clock(s.start), clock(s.end)),
                hours(s.working_seconds() as f64 / 3600.0, lang),
                s.note.clone(),
            ]));
            week_seconds += s.working_seconds();
            i += 1;
        }
        total += week_seconds;
        rows.push(Row {
            cells: vec![
                String::new(),
                String::new(),
                String::new(),
                format!("{} {}", tr(lang, "Sum uke", "Week total"), week.iso().1),
                String::new(),
                hours(week_seconds as f64 / 3600.0, lang),
                String::new(),
            ],
            bold: true,
            shade: true,
            rule_above: false,
        });
    }
    if shifts.is_empty() {
        doc.paragraph(
            tr(lang, "Ingen vakter i perioden.", "No shifts in the period."),
            10.0,
            super::fonts::Weight::Regular,
            0.0,
        );
        return doc;
    }
    rows.push(Row::total(vec![
        String::new(),
        String::new(),
        String::new(),
        tr(lang, "Totalt", "Total").to_string(),
        format!("{} {}", shifts.len(), tr(lang, "vakter", "shifts")),
        hours(total as f64 / 3600.0, lang),
        String::new(),
    ]));
    doc.table(&columns, &rows);
    doc.paragraph(
        tr(
            lang,
            "✱ søn- eller helgedag. Timer er arbeidstid fra start til slutt, pauser medregnet.",
            "✱ Sunday or public holiday. Hours are working time from start to end, breaks included.",
        ),
        8.0,
        super::fonts::Weight::Regular,
        0.0,
    );
    doc
}
