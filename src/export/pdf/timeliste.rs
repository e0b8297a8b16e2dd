//! An assistant's timeliste for one month: date, start, end, break, passive time, hours and
//! note for every shift, the totals, and lines for the assistant's and the arbeidsleder's
//! signatures. The month is the one holding the period's first day.
//!
//! Left out on purpose: pay (rates, supplements) — the employer's payroll does that from the
//! signed list — and cancelled shifts.

use chrono::{Datelike, Duration, NaiveDate};

use super::canvas::Align;
use super::fonts::Weight;
use super::frame::{clock, date, hours, minutes, month, tr, weekday, Column, Doc, Row, MARGIN};
use super::PdfOptions;
use crate::model::{Assistant, Plan, Shift};

pub fn build(plan: &Plan, assistant: &Assistant, options: &PdfOptions) -> Doc {
    let lang = options.lang;
    let first = options.from.with_day(1).unwrap_or(options.from);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first + Duration::days(31));
    let last: NaiveDate = next - Duration::days(1);
    let mut doc = Doc::new(plan, options, assistant.name.clone(), false);
    doc.set_period(format!(
        "{} ({}–{})",
        month(first, lang),
        date(first, lang),
        date(last, lang)
    ));
    let mut shifts: Vec<&Shift> = plan
        .shifts
        .iter()
        .filter(|s| s.assistant.as_ref() == Some(&assistant.id) && s.counts())
        .filter(|s| {
            let d = s.start.local_date();
            first <= d && d <= last
        })
        .collect();
    shifts.sort_by_key(|s| s.start);

    let employer = if plan.settings.leverandor.is_empty() {
        String::new()
    } else {
        format!(
            "   ·   {}: {}",
            tr(lang, "Arbeidsgiver", "Employer"),
            plan.settings.leverandor
        )
    };
    doc.paragraph(
        &format!(
            "{}: {}   ·   {}: {}{employer}",
            tr(lang, "Assistent", "Assistant"),
            assistant.name,
            tr(lang, "Arbeidsleder", "Work supervisor"),
            plan.settings.arbeidsleder,
        ),
        9.5,
        Weight::Regular,
        0.0,
    );
    doc.y += 2.0;

    let columns = [
        Column::new(tr(lang, "Dato", "Date"), 21.0, Align::Left),
        Column::new(tr(lang, "Dag", "Day"), 9.0, Align::Left),
        Column::new(tr(lang, "Start", "Start"), 12.0, Align::Right),
        Column::new(tr(lang, "Slutt", "End"), 12.0, Align::Right),
        Column::new(tr(lang, "Pause", "Break"), 12.0, Align::Right),
        Column::new(tr(lang, "Passiv", "Passive"), 13.0, Align::Right),
        Column::new(tr(lang, "Timer", "Hours"), 13.0, Align::Right),
        Column::wrapping(tr(lang, "Merknad", "Note"), 60.0),
    ];
    let mut rows = Vec::new();
    let (mut total, mut breaks, mut passive) = (0i64, 0i64, 0i64);
    for s in &shifts {
        let d = s.start.local_date();
        let end = if s.end.local_date() != d {
            format!("{} (+1)", clock(s.end))
        } else {
            clock(s.end)
        };
        rows.push(Row::plain(vec![
            date(d, lang),
            weekday(d, lang).to_string(),
            clock(s.start),
            end,
            minutes(i64::from(s.break_minutes)),
            minutes(i64::from(s.passive_minutes)),
            hours(s.working_seconds() as f64 / 3600.0, lang),
            s.note.clone(),
        ]));
        total += s.working_seconds();
        breaks += i64::from(s.break_minutes);
        passive += i64::from(s.passive_minutes);
    }
    rows.push(Row::total(vec![
        tr(lang, "Sum", "Total").to_string(),
        String::new(),
        String::new(),
        String::new(),
        minutes(breaks),
        minutes(passive),
        hours(total as f64 / 3600.0, lang),
        format!("{} {}", shifts.len(), tr(lang, "vakter", "shifts")),
    ]));
    doc.table(&columns, &rows);
    doc.paragraph(
        tr(
            lang,
            "Timer er arbeidstid fra start til slutt; pause og passiv tid er tatt med i timene. (+1): slutter neste dag.",
            "Hours are working time from start to end; breaks and passive time are included. (+1): ends the next day.",
        ),
        8.0,
        Weight::Regular,
        0.0,
    );

    // Signatures: kept together at the bottom of the list.
    doc.room(34.0);
    doc.y += 14.0;
    let right = doc.right();
    let mid = (MARGIN + right) / 2.0;
    let y = doc.y;
    let page = doc.page();
    for (x0, x1, who, name) in [
        (
            MARGIN,
            mid - 8.0,
            tr(lang, "Assistent", "Assistant"),
            assistant.name.as_str(),
        ),
        (
            mid + 8.0,
            right,
            tr(lang, "Arbeidsleder", "Work supervisor"),
            plan.settings.arbeidsleder.as_str(),
        ),
    ] {
        page.line(x0, y, x1, y, 0.3);
        page.text(
            x0,
            y + 4.0,
            8.5,
            Weight::Bold,
            Align::Left,
            &format!(
                "{} {}",
                tr(lang, "Dato og underskrift", "Date and signature"),
                who.to_lowercase()
            ),
        );
        page.text(x0, y + 8.0, 8.5, Weight::Regular, Align::Left, name);
    }
    doc.y += 12.0;
    doc
}
