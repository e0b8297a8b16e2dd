//! An assistant's timeliste for one month, from the times as worked: date, start, end, break,
//! passive time, hours and note for every shift (the planned times beside the actual ones where
//! they differ, and shifts not yet confirmed marked as such), the totals, the sums by
//! supplement category (evening, night, Saturday, Sunday/red day, passive, overtime; see
//! `crate::worked`), whether the month is closed (then the list is final), and lines for the
//! assistant's and the arbeidsleder's signatures. The month is the one holding the period's
//! first day.
//!
//! Left out on purpose: pay (rates, amounts) — the employer's payroll does that from the
//! signed list — and shifts not worked.

use chrono::{Datelike, Duration, NaiveDate};

use super::canvas::Align;
use super::fonts::Weight;
use super::frame::{clock, date, hours, minutes, month, tr, weekday, Column, Doc, Row, MARGIN};
use super::PdfOptions;
use crate::model::{Assistant, Month, Plan, Shift, ShiftStatus};

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

    let m = Month::of(first);
    let closed = plan.closed_months.iter().find(|c| c.month == m);
    let unconfirmed = shifts
        .iter()
        .filter(|s| s.status == ShiftStatus::Planned)
        .count();
    let state = match closed {
        Some(c) => format!(
            "{}: {} {} {}.",
            tr(lang, "ENDELIG", "FINAL"),
            tr(lang, "måneden ble lukket", "the month was closed on"),
            date(c.closed_at.local_date(), lang),
            if c.closed_by.is_empty() {
                String::new()
            } else {
                format!("{} {}", tr(lang, "av", "by"), c.closed_by)
            }
        ),
        None if unconfirmed > 0 => format!(
            "{}: {unconfirmed} {}",
            tr(lang, "FORELØPIG", "PRELIMINARY"),
            tr(
                lang,
                "vakt(er) er ikke bekreftet ennå og står som planlagt (merket «Ikke bekreftet»).",
                "shift(s) are not confirmed yet and stand as planned (marked \"Not confirmed\").",
            )
        ),
        None => format!(
            "{}: {}",
            tr(lang, "FORELØPIG", "PRELIMINARY"),
            tr(
                lang,
                "alle vakter er bekreftet, men måneden er ikke lukket.",
                "every shift is confirmed, but the month is not closed.",
            )
        ),
    };
    doc.paragraph(&state, 9.5, Weight::Bold, 0.0);
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
        let w = s.effective();
        let end = if w.end.local_date() != d {
            format!("{} (+1)", clock(w.end))
        } else {
            clock(w.end)
        };
        let mut notes: Vec<String> = Vec::new();
        if s.status == ShiftStatus::Planned {
            notes.push(tr(lang, "Ikke bekreftet", "Not confirmed").to_string());
        }
        if s.differs_from_plan() {
            notes.push(format!(
                "{} {}–{}{}",
                tr(lang, "Planlagt", "Planned"),
                clock(s.start),
                clock(s.end),
                if (w.break_minutes, w.passive_minutes) != (s.break_minutes, s.passive_minutes) {
                    format!(
                        ", {} {} / {} {}",
                        tr(lang, "pause", "break"),
                        minutes(i64::from(s.break_minutes)),
                        tr(lang, "passiv", "passive"),
                        minutes(i64::from(s.passive_minutes))
                    )
                } else {
                    String::new()
                }
            ));
        }
        if s.unplanned {
            notes.push(tr(lang, "Ikke planlagt", "Unplanned").to_string());
        }
        if !s.note.is_empty() {
            notes.push(s.note.clone());
        }
        let seconds = w.end - w.start;
        rows.push(Row::plain(vec![
            date(d, lang),
            weekday(d, lang).to_string(),
            clock(w.start),
            end,
            minutes(i64::from(w.break_minutes)),
            minutes(i64::from(w.passive_minutes)),
            hours(seconds as f64 / 3600.0, lang),
            notes.join("; "),
        ]));
        total += seconds;
        breaks += i64::from(w.break_minutes);
        passive += i64::from(w.passive_minutes);
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
            "Timer er arbeidstid fra start til slutt slik den ble arbeidet; pause og passiv tid er tatt med i timene. (+1): slutter neste dag.",
            "Hours are working time from start to end as worked; breaks and passive time are included. (+1): ends the next day.",
        ),
        8.0,
        Weight::Regular,
        0.0,
    );

    // The sums that pay supplements.
    let sums = crate::worked::month_sums(plan, m, Some(&assistant.id))
        .into_iter()
        .next()
        .map(|(_, c)| c)
        .unwrap_or_default();
    let cat = &plan.categories;
    let span = |a: chrono::NaiveTime, b: chrono::NaiveTime| {
        format!("{}–{}", a.format("%H:%M"), b.format("%H:%M"))
    };
    doc.y += 3.0;
    doc.paragraph(
        tr(
            lang,
            "Timer per tilleggskategori",
            "Hours by supplement category",
        ),
        10.0,
        Weight::Bold,
        0.0,
    );
    let category_columns = [
        Column::wrapping(tr(lang, "Kategori", "Category"), 90.0),
        Column::new(tr(lang, "Timer", "Hours"), 25.0, Align::Right),
    ];
    let h = |m: i64| hours(m as f64 / 60.0, lang);
    let category_rows = vec![
        Row::plain(vec![
            tr(lang, "Timer i alt", "Hours in total").to_string(),
            h(sums.total),
        ]),
        Row::plain(vec![
            format!(
                "{} ({})",
                tr(lang, "Kveld", "Evening"),
                span(cat.evening_start, cat.evening_end)
            ),
            h(sums.evening),
        ]),
        Row::plain(vec![
            format!(
                "{} ({})",
                tr(lang, "Natt", "Night"),
                span(cat.night_start, cat.night_end)
            ),
            h(sums.night),
        ]),
        Row::plain(vec![
            tr(
                lang,
                "Lørdag (utenom helligdagssonen)",
                "Saturday (outside the red-day zone)",
            )
            .to_string(),
            h(sums.saturday),
        ]),
        Row::plain(vec![
            tr(
                lang,
                "Søn- og helligdag (helligdagssonen)",
                "Sunday and red day (the red-day zone)",
            )
            .to_string(),
            h(sums.sunday),
        ]),
        Row::plain(vec![
            tr(lang, "Passiv tid", "Passive time").to_string(),
            h(sums.passive),
        ]),
        Row::plain(vec![
            tr(
                lang,
                "Overtid (som lovsjekken regner den)",
                "Overtime (as the law check counts it)",
            )
            .to_string(),
            h(sums.overtime),
        ]),
    ];
    doc.table(&category_columns, &category_rows);

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
