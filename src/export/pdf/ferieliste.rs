//! The ferieliste: for the calendar year holding the period's first day, who is away when
//! (every absence touching the year, by first day: kind, dates, the virkedager a holiday
//! uses) and each assistant's holiday balance under ferieloven.
//!
//! Left out on purpose: any holiday arithmetic of its own; the virkedager, the balance and the
//! main holiday all come from `crate::holidays`, as in the app's Årshjul.

use chrono::{Datelike, NaiveDate};

use super::canvas::Align;
use super::fonts::Weight;
use super::frame::{date, tr, Column, Doc, Row};
use super::{Lang, PdfOptions};
use crate::holidays::{booked_virkedager, recorded_balance};
use crate::model::{Absence, AbsenceKind, Plan, SickNote};

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
    balances(&mut doc, plan, year, lang);
    away(&mut doc, plan, first, last, year, lang);
    doc
}

/// Each assistant's holiday account for the year, in plan order.
fn balances(doc: &mut Doc, plan: &Plan, year: i32, lang: Lang) {
    doc.heading(tr(lang, "Feriesaldo", "Holiday balance"), 30.0);
    if plan.assistants.is_empty() {
        doc.paragraph(
            tr(
                lang,
                "Planen har ingen assistenter.",
                "The plan has no assistants.",
            ),
            10.0,
            Weight::Regular,
            0.0,
        );
        return;
    }
    let columns = [
        Column::wrapping(tr(lang, "Assistent", "Assistant"), 50.0),
        Column::new(tr(lang, "Rett", "Entitled"), 20.0, Align::Right),
        Column::new(tr(lang, "Overført", "Carried"), 20.0, Align::Right),
        Column::new(tr(lang, "Tatt ut", "Booked"), 20.0, Align::Right),
        Column::new(tr(lang, "Igjen", "Remaining"), 20.0, Align::Right),
        Column::wrapping(tr(lang, "Hovedferie", "Main holiday"), 50.0),
    ];
    let rows: Vec<Row> = plan
        .assistants
        .iter()
        .map(|a| {
            let list: Vec<&Absence> = plan
                .absences
                .iter()
                .filter(|x| x.assistant == a.id)
                .collect();
            let b = recorded_balance(plan, a, &list, year);
            let mut remaining = b.remaining_days.to_string();
            if b.over_booked() {
                remaining.push_str(tr(lang, " (for mye)", " (too many)"));
            }
            Row::plain(vec![
                a.name_or_id(),
                b.entitlement_days.to_string(),
                b.carried_days.to_string(),
                b.booked_days.to_string(),
                remaining,
                if b.main_holiday_met {
                    tr(lang, "ja, 18 dager i strekk", "yes, 18 days in a row")
                } else {
                    tr(lang, "nei, ikke planlagt", "no, not planned")
                }
                .to_string(),
            ])
        })
        .collect();
    doc.table(&columns, &rows);
    doc.paragraph(
        tr(
            lang,
            "Alle tall er virkedager: mandag til lørdag unntatt helligdager. Hovedferie: 18 virkedager i strekk mellom 1. juni og 30. september (ferieloven § 7).",
            "All figures are working days (virkedager): Monday to Saturday except public holidays. Main holiday: 18 working days in a row between 1 June and 30 September (Holidays Act § 7).",
        ),
        8.0,
        Weight::Regular,
        0.0,
    );
    doc.y += 2.0;
}

/// Every absence touching the year, by first day and then in plan order of assistants.
fn away(doc: &mut Doc, plan: &Plan, first: NaiveDate, last: NaiveDate, year: i32, lang: Lang) {
    doc.heading(tr(lang, "Hvem er borte når", "Who is away when"), 30.0);
    let order = |id| plan.assistants.iter().position(|a| &a.id == id);
    let mut list: Vec<&Absence> = plan
        .absences
        .iter()
        .filter(|a| a.from <= last && a.to >= first)
        .collect();
    list.sort_by_key(|a| (a.from, order(&a.assistant), a.to));
    if list.is_empty() {
        doc.paragraph(
            tr(
                lang,
                "Ingen ferie eller annet fravær er lagt inn i året.",
                "No holiday or other absence is entered for the year.",
            ),
            10.0,
            Weight::Regular,
            0.0,
        );
        return;
    }
    let columns = [
        Column::wrapping(tr(lang, "Assistent", "Assistant"), 40.0),
        Column::wrapping(tr(lang, "Fravær", "Absence"), 34.0),
        Column::new(tr(lang, "Fra", "From"), 24.0, Align::Left),
        Column::new(tr(lang, "Til", "To"), 24.0, Align::Left),
        Column::new(tr(lang, "Virkedager", "Workdays"), 24.0, Align::Right),
        Column::wrapping(tr(lang, "Merknad", "Note"), 34.0),
    ];
    let rows: Vec<Row> = list
        .iter()
        .map(|a| {
            let name = plan
                .assistant(&a.assistant)
                .map_or_else(|| a.assistant.to_string(), |x| x.name_or_id());
            let mut from = date(a.from, lang);
            let mut to = date(a.to, lang);
            if let (Some(s), Some(e)) = (a.from_time, a.to_time) {
                from = format!("{from} {}", s.format("%H:%M"));
                to = format!("{to} {}", e.format("%H:%M"));
            }
            let days = if a.kind == AbsenceKind::Ferie {
                booked_virkedager(a, year).to_string()
            } else {
                "–".to_string()
            };
            Row::plain(vec![
                name,
                kind_words(a, lang).to_string(),
                from,
                to,
                days,
                a.note.clone(),
            ])
        })
        .collect();
    doc.table(&columns, &rows);
    doc.paragraph(
        tr(
            lang,
            "Virkedager telles bare for ferie, og bare innenfor året.",
            "Working days are counted for holidays only, and only within the year.",
        ),
        8.0,
        Weight::Regular,
        0.0,
    );
}

/// The kind of absence in words, with the paper behind a sickness.
fn kind_words(a: &Absence, lang: Lang) -> &'static str {
    match (a.kind, a.sick_note) {
        (AbsenceKind::Ferie, _) => tr(lang, "Ferie", "Holiday"),
        (AbsenceKind::Sykdom, Some(SickNote::Egenmelding)) => {
            tr(lang, "Syk (egenmelding)", "Sick (self-certified)")
        }
        (AbsenceKind::Sykdom, Some(SickNote::Sykmelding)) => {
            tr(lang, "Syk (sykmelding)", "Sick (doctor's note)")
        }
        (AbsenceKind::Sykdom, None) => tr(lang, "Syk", "Sick"),
        (AbsenceKind::Permisjon, _) => tr(lang, "Permisjon", "Leave"),
        (AbsenceKind::Annet, _) => tr(lang, "Annet", "Other"),
    }
}
