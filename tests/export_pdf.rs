//! PDF exports read back with `pdftotext`: names, dates, totals and page numbers as a reader
//! of the printed page would see them. The PDFs are kept under the target directory
//! (`export_pdf/`) for looking at.

use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use turnus::export::pdf::{render_pdf, Lang, PdfKind, PdfOptions};
use turnus::model::{AssistantId, Plan};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn demo() -> Plan {
    let mut plan = turnus::demo::demo_plan(d(2026, 11, 22));
    // Names from several Latin scripts.
    plan.assistants[0].name = "Łukasz Wiśniewski".into();
    plan.assistants[1].name = "Áilu Čoalbmi".into();
    plan.assistants[2].name = "Øyvind Ærø".into();
    plan
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export_pdf");
    std::fs::create_dir_all(&dir).expect("target tmp dir");
    dir
}

/// Render, keep the file, and return the text `pdftotext -layout` reads from it.
fn render_text(name: &str, plan: &Plan, options: &PdfOptions) -> (Vec<u8>, String) {
    let bytes = render_pdf(plan, options).expect("the document renders");
    let path = out_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, &bytes).expect("write pdf");
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        output.status.success(),
        "pdftotext reads the file: {output:?}"
    );
    (bytes, String::from_utf8_lossy(&output.stdout).into_owned())
}

fn options(kind: PdfKind, from: NaiveDate, to: NaiveDate) -> PdfOptions {
    PdfOptions::new(kind, from, to, d(2026, 11, 22))
}

#[test]
fn turnusplan_shows_every_name_week_and_page_number() {
    let plan = demo();
    let (bytes, text) = render_text(
        "turnusplan",
        &plan,
        &options(PdfKind::Turnusplan, d(2026, 11, 23), d(2027, 1, 3)),
    );
    for name in ["Łukasz Wiśniewski", "Áilu Čoalbmi", "Øyvind Ærø"] {
        assert!(
            text.contains(name),
            "{name} prints correctly in any Latin script:\n{text}"
        );
    }
    assert!(
        text.contains("Uke 48") && text.contains("Uke 53"),
        "ISO week numbers head each week"
    );
    assert!(
        text.contains("1. juledag"),
        "a holiday is named in its column"
    );
    assert!(
        text.contains("Laget 22.11.2026"),
        "the date made is on the page"
    );
    assert!(text.contains("Side 1 av "), "pages are numbered");
    assert!(text.contains("Demoplan"), "the plan's name is on the page");
    assert!(
        bytes.len() < 200_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );
}

fn for_assistant(kind: PdfKind, id: &str, from: NaiveDate, to: NaiveDate) -> PdfOptions {
    let mut o = options(kind, from, to);
    o.assistant = Some(AssistantId(id.into()));
    o
}

#[test]
fn arbeidsplan_lists_the_assistants_shifts_with_week_sums_and_total() {
    let plan = demo();
    let id = plan.assistants[0].id.to_string();
    let (_, text) = render_text(
        "arbeidsplan",
        &plan,
        &for_assistant(PdfKind::Arbeidsplan, &id, d(2026, 11, 23), d(2026, 12, 20)),
    );
    assert!(
        text.contains("Łukasz Wiśniewski"),
        "the assistant is named:\n{text}"
    );
    assert!(
        text.contains("Sum uke 48"),
        "each week has its sum:\n{text}"
    );
    assert!(text.contains("Totalt"), "the period has a total");
    assert!(text.contains("Side 1 av 1"), "a short plan is one page");
    assert!(
        !text.contains("Áilu Čoalbmi"),
        "only this assistant's shifts"
    );
}

#[test]
fn timeliste_has_totals_and_signature_lines() {
    let mut plan = demo();
    let id = plan.assistants[1].id.to_string();
    let long_note = "Byttet vakt med Bjørn etter avtale med arbeidsleder; kom en halvtime \
                     tidligere for å følge til tannlegen";
    if let Some(s) = plan.shifts.iter_mut().find(|s| {
        s.assistant.as_ref().map(|a| a.as_str()) == Some(id.as_str())
            && s.start.local_date() >= d(2026, 11, 1)
    }) {
        s.note = long_note.into();
    }
    let (_, text) = render_text(
        "timeliste",
        &plan,
        &for_assistant(PdfKind::Timeliste, &id, d(2026, 11, 1), d(2026, 11, 30)),
    );
    assert!(
        text.contains("november 2026"),
        "the month is named:\n{text}"
    );
    assert!(text.contains("Áilu Čoalbmi"), "the assistant is named");
    assert!(
        text.contains("Ragnhild Aasen"),
        "the arbeidsleder is named for signing"
    );
    assert!(
        text.contains("Dato og underskrift assistent"),
        "the assistant signs"
    );
    assert!(
        text.contains("Dato og underskrift arbeidsleder"),
        "the arbeidsleder signs"
    );
    assert!(text.contains("Sum"), "the hours are totalled");
    assert!(
        text.contains("følge til tannlegen"),
        "a long note wraps instead of being cut:\n{text}"
    );
}

#[test]
fn timeregnskap_shows_budget_forecast_and_months() {
    let plan = demo();
    let (_, text) = render_text(
        "timeregnskap",
        &plan,
        &options(PdfKind::Timeregnskap, d(2026, 1, 1), d(2026, 12, 31)),
    );
    let report = turnus::hours::year_report(&plan, 2026, d(2026, 11, 22));
    let budget = report.services[0].budget_hours;
    let printed = format!("{:.1}", budget).replace('.', ",");
    assert!(
        text.contains(&printed),
        "the year's budget {printed} is printed:\n{text}"
    );
    assert!(
        text.contains("Prognose ved årets slutt"),
        "the forecast is shown"
    );
    assert!(text.contains("desember 2026"), "months are listed");
    assert!(text.contains("uke 53"), "weeks are listed");
}

#[test]
fn lovsjekk_lists_findings_with_law_and_every_profile_value() {
    let plan = demo();
    let (_, text) = render_text(
        "lovsjekk",
        &plan,
        &options(PdfKind::Lovsjekk, d(2026, 11, 22), d(2027, 2, 14)),
    );
    assert!(
        text.contains("aml § 10-8 (1)"),
        "the rest finding names its law:\n{text}"
    );
    assert!(
        text.contains("Målt:") && text.contains("Grense:"),
        "measured and limit"
    );
    assert!(text.contains("Arbeidsmiljøloven"), "the preset is named");
    assert!(
        text.contains("Ukehvile minst"),
        "every value in force is listed"
    );
}

#[test]
fn lovsjekk_says_plainly_when_nothing_is_wrong() {
    let plan = demo();
    let (_, text) = render_text(
        "lovsjekk_clean",
        &plan,
        &options(PdfKind::Lovsjekk, d(2026, 6, 1), d(2026, 6, 7)),
    );
    assert!(
        text.contains("Ingen brudd funnet i perioden"),
        "a clean week says so:\n{text}"
    );
}

#[test]
fn english_documents_use_english_labels() {
    let plan = demo();
    let mut o = options(PdfKind::Turnusplan, d(2026, 12, 21), d(2026, 12, 27));
    o.lang = Lang::En;
    let (_, text) = render_text("turnusplan_en", &plan, &o);
    assert!(
        text.contains("Page 1 of 1"),
        "pages numbered in English:\n{text}"
    );
    assert!(
        text.contains("Week 52") && text.contains("Christmas Day"),
        "English labels"
    );
}

#[test]
fn arbeidsplan_without_an_assistant_is_refused_clearly() {
    let plan = demo();
    let err = render_pdf(
        &plan,
        &options(PdfKind::Arbeidsplan, d(2026, 11, 1), d(2026, 11, 30)),
    )
    .expect_err("an arbeidsplan is for one person");
    assert!(
        err.to_string().contains("--assistant"),
        "the error says what to add: {err}"
    );
}

#[path = "export_support/year_plan.rs"]
mod year_plan;

#[test]
fn a_year_turnusplan_for_eight_assistants_stays_under_one_megabyte() {
    let plan = year_plan::year_plan(2026);
    let (bytes, text) = render_text(
        "turnusplan_year",
        &plan,
        &options(PdfKind::Turnusplan, d(2026, 1, 1), d(2026, 12, 31)),
    );
    assert!(
        bytes.len() < 1_000_000,
        "a year's turnus must stay easy to e-mail and print: {} bytes",
        bytes.len()
    );
    assert!(
        text.contains("Uke 53"),
        "the last ISO week of 2026 is there"
    );
    assert!(
        text.contains("Ola Åsheim"),
        "all eight assistants are there"
    );
    let pages = text.matches("Side ").count();
    assert!(
        text.contains(&format!("Side {pages} av {pages}")),
        "the last page knows it is last"
    );
}

#[test]
fn a_week_with_more_assistants_than_a_page_holds_continues_on_the_next_page() {
    let mut plan = demo();
    let template = plan
        .shifts
        .iter()
        .find(|s| s.start.local_date() == d(2026, 11, 23))
        .cloned()
        .expect("the demo has a shift on Monday 23 November");
    for i in 0..30 {
        let id = format!("x{i}");
        plan.assistants.push(turnus::model::Assistant::new(
            &id,
            &format!("Vikar Nummer {i:02}"),
        ));
        let mut s = template.clone();
        s.id = turnus::model::ShiftId(format!("xs{i}"));
        s.assistant = Some(AssistantId(id));
        plan.shifts.push(s);
    }
    let (_, text) = render_text(
        "turnusplan_many",
        &plan,
        &options(PdfKind::Turnusplan, d(2026, 11, 23), d(2026, 11, 29)),
    );
    for i in [0, 15, 29] {
        let name = format!("Vikar Nummer {i:02}");
        assert!(text.contains(&name), "{name} is on some page");
    }
    assert!(
        text.contains("Side 2 av 2"),
        "the week runs onto a second page"
    );
    assert_eq!(
        text.matches("Uke 48").count(),
        2,
        "the week's header is repeated"
    );
}

fn absence(
    id: &str,
    plan: &Plan,
    who: usize,
    kind: turnus::model::AbsenceKind,
    from: NaiveDate,
    to: NaiveDate,
) -> turnus::model::Absence {
    turnus::model::Absence {
        id: turnus::model::AbsenceId(id.into()),
        assistant: plan.assistants[who].id.clone(),
        kind,
        sick_note: None,
        from,
        to,
        from_time: None,
        to_time: None,
        hours: None,
        note: String::new(),
    }
}

#[test]
fn ferieliste_names_who_is_away_when_and_each_remaining_balance() {
    use turnus::model::AbsenceKind::{Ferie, Sykdom};
    let mut plan = demo();
    plan.absences.clear();
    // Three weeks in July: 18 virkedager in a row, the main holiday.
    let summer = absence("f1", &plan, 0, Ferie, d(2026, 7, 6), d(2026, 7, 25));
    // Christmas: 1. and 2. juledag are no virkedager, so 8 are used.
    let christmas = absence("f2", &plan, 1, Ferie, d(2026, 12, 21), d(2026, 12, 31));
    let mut sick = absence("s1", &plan, 2, Sykdom, d(2026, 3, 2), d(2026, 3, 4));
    sick.sick_note = Some(turnus::model::SickNote::Egenmelding);
    plan.absences = vec![summer, christmas, sick];
    let carried = plan
        .assistants
        .iter()
        .map(|a| (a.id.clone(), plan.carried_days(&a.id, 2026)))
        .collect();
    let report = turnus::holidays::report(&plan, 2026, &carried).expect("carry-over within limit");
    assert_eq!(
        (
            report.assistants[0].booked_days,
            report.assistants[1].booked_days
        ),
        (18, 8)
    );

    let (bytes, text) = render_text(
        "ferieliste",
        &plan,
        &options(PdfKind::Ferieliste, d(2026, 1, 1), d(2026, 12, 31)),
    );
    assert!(bytes.starts_with(b"%PDF"));
    assert!(text.contains("Ferieliste"), "the title:\n{text}");
    for day in [
        "06.07.2026",
        "25.07.2026",
        "21.12.2026",
        "31.12.2026",
        "02.03.2026",
        "04.03.2026",
    ] {
        assert!(text.contains(day), "{day} is on the list:\n{text}");
    }
    assert!(
        text.contains("Syk (egenmelding)"),
        "the sickness and its paper:\n{text}"
    );
    for (i, name) in ["Łukasz Wiśniewski", "Áilu Čoalbmi", "Øyvind Ærø"]
        .iter()
        .enumerate()
    {
        let rows: Vec<&str> = text.lines().filter(|l| l.contains(name)).collect();
        assert!(
            rows.len() >= 2,
            "{name} has a balance and an absence:\n{text}"
        );
        let b = &report.assistants[i];
        let balance_row = rows.iter().find(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            words.windows(4).any(|w| {
                w == [
                    b.entitlement_days.to_string(),
                    b.carried_days.to_string(),
                    b.booked_days.to_string(),
                    b.remaining_days.to_string(),
                ]
            })
        });
        assert!(
            balance_row.is_some(),
            "{name}: entitled, carried, booked and remaining ({}, {}, {}, {}) in one row:\n{text}",
            b.entitlement_days,
            b.carried_days,
            b.booked_days,
            b.remaining_days
        );
    }
    let lines: Vec<&str> = text.lines().collect();
    let summer_row = lines
        .iter()
        .find(|l| l.contains("06.07.2026"))
        .expect("the summer holiday row");
    assert!(
        summer_row.contains("Ferie") && summer_row.contains(" 18"),
        "{summer_row}"
    );
    let christmas_row = lines
        .iter()
        .find(|l| l.contains("21.12.2026"))
        .expect("christmas row");
    assert!(
        christmas_row.split_whitespace().any(|w| w == "8"),
        "{christmas_row}"
    );
    assert!(text.contains("ja, 18 dager i strekk") && text.contains("nei, ikke planlagt"));

    let mut en = options(PdfKind::Ferieliste, d(2026, 5, 1), d(2026, 5, 1));
    en.lang = Lang::En;
    let (_, text) = render_text("ferieliste_en", &plan, &en);
    assert!(
        text.contains("Holiday list") && text.contains("Sick (self-certified)"),
        "{text}"
    );
}
