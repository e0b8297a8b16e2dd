//! The month as worked (issue 13) end to end: `turnus worked`, `turnus month close|reopen`,
//! `turnus export csv` and `turnus egenandel` on plan files and plan JSON; the payroll CSV read
//! back with a CSV reader; the timeliste PDF read back with pdftotext; the new fields through
//! plan JSON and the plan file; every older plan file upgraded; used hours after confirming.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;
use support::Outcome;
use turnus::cli::{EXIT_INPUT, EXIT_OK};
use turnus::model::{Month, ServiceType, ShiftStatus};
use turnus::store::{OpenOptions, PlanFile, SCHEMA_VERSION};
use turnus::time::{Instant, Interval};

fn turnus(args: &[&str]) -> Outcome {
    support::turnus_at_home("turnus-worked-month", &[("USER", "Ragnhild")], args)
}

/// May 2026: Kari works Tuesday 12 May 08–16 and Saturday 16 May 14–20 (the eve of Sunday
/// 17 May, so 18–20 is red-day time), and a night Friday 29 May 22:00 → 06:00; Ola works
/// Wednesday 13 May 15–23 as støttekontakt. One shift in June.
const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "assistants": [
    {"id": "A", "name": "Kari Nordmann", "contract_hours_per_week": 20},
    {"id": "B", "name": "Ola; «Hansen»"}],
  "shifts": [
    {"id": "k1", "assistant": "A", "start": "2026-05-12T08:00", "end": "2026-05-12T16:00"},
    {"id": "k2", "assistant": "A", "start": "2026-05-16T14:00", "end": "2026-05-16T20:00"},
    {"id": "k3", "assistant": "A", "start": "2026-05-29T22:00", "end": "2026-05-30T06:00", "passive_minutes": 300},
    {"id": "o1", "assistant": "B", "start": "2026-05-13T15:00", "end": "2026-05-13T23:00", "service": "stottekontakt"},
    {"id": "j1", "assistant": "A", "start": "2026-06-02T08:00", "end": "2026-06-02T16:00"}]}"#;

fn plans(name: &str) -> (PathBuf, PathBuf) {
    let dir = support::temp_dir("turnus-worked-month-files", name);
    let json = dir.join("plan.json");
    std::fs::write(&json, PLAN).expect("the plan JSON can be written");
    let file = dir.join("plan.turnus");
    let made = turnus(&["import", &s(&json), &s(&file)]);
    assert_eq!(made.code, EXIT_OK, "{}", made.err);
    (json, file)
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn load(path: &Path) -> turnus::model::Plan {
    turnus::cli::load_plan(path).expect("the plan loads")
}

fn one_line(o: &Outcome) {
    assert_eq!(o.err.trim_end().lines().count(), 1, "one line: {}", o.err);
}

#[test]
fn confirming_correcting_and_closing_a_month_then_edits_are_refused_in_both_forms() {
    let (json, file) = plans("close");
    for plan in [&json, &file] {
        let p = s(plan);
        let early = turnus(&["month", "close", &p, "--month", "2026-05"]);
        assert_eq!(early.code, EXIT_INPUT, "{}", early.out);
        one_line(&early);
        assert!(
            early.err.contains("4 vakter i mai 2026 er ikke bekreftet"),
            "{}",
            early.err
        );

        let fixed = turnus(&[
            "worked", &p, "--month", "2026-05", "--shift", "k2", "--start", "14:00", "--end",
            "21:30",
        ]);
        assert_eq!(fixed.code, EXIT_OK, "{}", fixed.err);
        let all = turnus(&["worked", &p, "--month", "2026-05", "--confirm-all"]);
        assert_eq!(all.code, EXIT_OK, "{}", all.err);
        assert!(all.out.contains("3 vakter i mai 2026"), "{}", all.out);
        let closed = turnus(&["month", "close", &p, "--month", "2026-05"]);
        assert_eq!(closed.code, EXIT_OK, "{}", closed.err);

        let path = plan;
        let plan = load(path);
        assert!(plan.is_closed(Month::parse("2026-05").unwrap()));
        let k2 = plan.shifts.iter().find(|x| x.id.as_str() == "k2").unwrap();
        assert_eq!(k2.status, ShiftStatus::Worked);
        assert_eq!(
            k2.end,
            Instant::parse("2026-05-16T20:00").unwrap(),
            "the plan stays"
        );
        assert_eq!(
            k2.actual.map(|a| a.end),
            Some(Instant::parse("2026-05-16T21:30").unwrap())
        );
        let june = plan.shifts.iter().find(|x| x.id.as_str() == "j1").unwrap();
        assert_eq!(june.status, ShiftStatus::Planned, "June is not touched");

        let refused = turnus(&[
            "worked", &p, "--month", "2026-05", "--shift", "k1", "--start", "09:00", "--end",
            "16:00",
        ]);
        assert_eq!(refused.code, EXIT_INPUT);
        one_line(&refused);
        assert!(
            refused.err.contains("mai 2026, som er lukket"),
            "{}",
            refused.err
        );
        assert_eq!(load(path).shifts, plan_shifts(&plan), "nothing changed");

        let no_reason = turnus(&["month", "reopen", &p, "--month", "2026-05"]);
        assert_eq!(no_reason.code, EXIT_INPUT);
        assert!(no_reason.err.contains("--reason"), "{}", no_reason.err);
        let reopened = turnus(&[
            "month",
            "reopen",
            &p,
            "--month",
            "2026-05",
            "--reason",
            "feil starttid",
        ]);
        assert_eq!(reopened.code, EXIT_OK, "{}", reopened.err);
        let again = turnus(&[
            "worked", &p, "--month", "2026-05", "--shift", "k1", "--start", "09:00", "--end",
            "16:00",
        ]);
        assert_eq!(again.code, EXIT_OK, "{}", again.err);
    }
}

fn plan_shifts(plan: &turnus::model::Plan) -> Vec<turnus::model::Shift> {
    plan.shifts.clone()
}

#[test]
fn bad_input_to_worked_and_month_exits_2_with_one_line_naming_the_field() {
    let (json, _) = plans("bad");
    let p = s(&json);
    for (args, needle) in [
        (
            vec!["worked", &p, "--month", "2026-13", "--confirm-all"],
            "--month «2026-13»",
        ),
        (
            vec![
                "worked", &p, "--month", "2026-05", "--shift", "zz", "--start", "08:00", "--end",
                "09:00",
            ],
            "--shift «zz»",
        ),
        (
            vec![
                "worked", &p, "--month", "2026-05", "--shift", "k1", "--start", "8 am", "--end",
                "16:00",
            ],
            "--start «8 am»",
        ),
        (
            vec![
                "worked", &p, "--month", "2026-05", "--shift", "k1", "--start", "08:00", "--end",
                "16:00", "--break", "600",
            ],
            "--break «600»",
        ),
        (
            vec!["month", "close", &p, "--month", "mai"],
            "--month «mai»",
        ),
    ] {
        let o = turnus(&args);
        assert_eq!(o.code, EXIT_INPUT, "{args:?}: {}", o.out);
        one_line(&o);
        assert!(o.err.contains(needle), "{args:?}: {}", o.err);
    }
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        PLAN,
        "refusals leave the file"
    );
}

#[test]
fn the_payroll_csv_reads_back_as_norwegian_spreadsheets_expect() {
    let (json, file) = plans("csv");
    let p = s(&file);
    let fixed = turnus(&[
        "worked", &p, "--month", "2026-05", "--shift", "k2", "--start", "14:00", "--end", "21:30",
    ]);
    assert_eq!(fixed.code, EXIT_OK, "{}", fixed.err);
    let out = json.with_file_name("lonn.csv");
    let o = turnus(&["export", "csv", &p, "--month", "2026-05", "-o", &s(&out)]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "Assistent-ID");
    assert_eq!(header[2], "Dato");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |id: &str, date: &str| {
        rows.iter()
            .find(|r| &r[0] == id && &r[col("Dato")] == date)
            .unwrap_or_else(|| panic!("a row for {id} on {date}: {rows:?}"))
    };
    // Saturday 16 May 14:00–21:30 as worked: 4 h Saturday, 3.5 h in Sunday's zone.
    let sat = row("A", "16.05.2026");
    assert_eq!(&sat[col("Timer totalt")], "7,50");
    assert_eq!(&sat[col("Lørdag")], "4,00");
    assert_eq!(&sat[col("Søn- og helligdag")], "3,50");
    assert_eq!(&sat[col("Kveld")], "4,00");
    assert_eq!(&sat[col("Natt")], "0,50");
    assert_eq!(&sat[col("Ubekreftede vakter")], "0");
    let night = row("A", "29.05.2026");
    assert_eq!(&night[col("Natt")], "8,00");
    assert_eq!(&night[col("Passiv")], "5,00");
    assert_eq!(&night[col("Ubekreftede vakter")], "1");
    let ola = row("B", "13.05.2026");
    assert_eq!(
        &ola[1], "Ola; «Hansen»",
        "a name with ; is quoted and read back whole"
    );
    assert_eq!(
        rows.len(),
        4,
        "one row per assistant and work day, June left out"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("\"Ola; «Hansen»\""), "quoted: {text}");

    let only = json.with_file_name("kari.csv");
    let o = turnus(&[
        "export",
        "csv",
        &p,
        "--month",
        "2026-05",
        "--assistant",
        "A",
        "-o",
        &s(&only),
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let only_bytes = std::fs::read(&only).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&only_bytes[3..]);
    assert!(reader.records().all(|r| &r.unwrap()[0] == "A"));
    let bad = turnus(&[
        "export",
        "csv",
        &p,
        "--month",
        "2026-05",
        "--assistant",
        "Q",
        "-o",
        &s(&only.with_file_name("q.csv")),
    ]);
    assert_eq!(bad.code, EXIT_INPUT);
    assert!(bad.err.contains("--assistant «Q»"), "{}", bad.err);
}

#[test]
fn egenandel_on_both_presets_with_the_cap_and_the_state_maximum_under_2g() {
    let (json, _) = plans("egenandel");
    let p = s(&json);
    let estimate = |table: &str, bracket: &str| -> Value {
        let o = turnus(&[
            "egenandel",
            &p,
            "--month",
            "2026-05",
            "--table",
            table,
            "--bracket",
            bracket,
            "--format",
            "json",
        ]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        assert_eq!(o.out.lines().count(), 1, "one JSON object: {}", o.out);
        serde_json::from_str(&o.out).unwrap()
    };
    // Fee hours: Kari's 22 h of praktisk bistand and Ola's 8 h støttekontakt.
    let e = estimate("husstand-2024", "3-4g");
    assert_eq!(e["fee_hours"], 30.0);
    assert_eq!(e["rate_kr"], 422.0);
    assert_eq!(e["cap_kr"], 2110.0);
    assert_eq!(
        e["estimate_kr"], 2110.0,
        "30 h × 422 kr is capped at 2 110 kr"
    );
    let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "month",
        "table",
        "bracket",
        "fee_hours",
        "rate_kr",
        "cap_kr",
        "estimate_kr",
    ] {
        assert!(keys.contains(&key), "{key} in {e}");
    }
    let e = estimate("fast-og-time-2019", "4-5g");
    assert_eq!(e["estimate_kr"], 30.0 * 315.0, "no cap in this table");
    assert_eq!(e["cap_kr"], Value::Null);
    let e = estimate("fast-og-time-2019", "0-2g");
    assert_eq!(e["estimate_kr"], 210.0, "the flat fee under 2 G");
    let e = estimate("husstand-2024", "0-2g");
    assert_eq!(e["estimate_kr"], 230.0);

    // A table of the user's own charging 300 kr/h under 2 G: the state maximum (230 kr in
    // 2026) holds it down.
    let mut plan = load(&json);
    plan.egenandel_tables.push(turnus::model::EgenandelTable {
        id: "min-kommune".into(),
        name: "Min kommune".into(),
        source: "Vedtak fra kommunen".into(),
        valid_from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        g_kr: 130_160.0,
        brackets: vec![turnus::model::EgenandelBracket {
            id: "lav".into(),
            label: "Under 2 G".into(),
            from_g: 0.0,
            to_g: Some(2.0),
            fee: turnus::model::EgenandelFee::Hourly {
                rate_kr: 300.0,
                cap_kr: None,
            },
        }],
    });
    let own = json.with_file_name("own.json");
    std::fs::write(&own, turnus::interchange::write_plan(&plan)).unwrap();
    let o = turnus(&[
        "egenandel",
        &s(&own),
        "--month",
        "2026-05",
        "--table",
        "min-kommune",
        "--bracket",
        "lav",
        "--format",
        "json",
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let e: Value = serde_json::from_str(&o.out).unwrap();
    assert_eq!(
        e["estimate_kr"], 230.0,
        "never above the state maximum under 2 G"
    );
    let text = turnus(&[
        "egenandel",
        &s(&own),
        "--month",
        "2026-05",
        "--table",
        "min-kommune",
        "--bracket",
        "lav",
    ]);
    assert!(
        text.out.contains("anslag"),
        "always an estimate: {}",
        text.out
    );
    assert!(text.out.contains("Statens makssats"), "{}", text.out);

    let list = turnus(&["egenandel", "--list"]);
    assert_eq!(list.code, EXIT_OK, "{}", list.err);
    assert!(list.out.contains("husstand-2024") && list.out.contains("fast-og-time-2019"));
    assert!(list.out.contains("  3-4g: 3–4 G"), "{}", list.out);
    let bad = turnus(&[
        "egenandel",
        &p,
        "--month",
        "2026-05",
        "--table",
        "nope",
        "--bracket",
        "x",
    ]);
    assert_eq!(bad.code, EXIT_INPUT);
    assert!(bad.err.contains("--table «nope»"), "{}", bad.err);
}

#[test]
fn the_timeliste_pdf_shows_actual_times_unconfirmed_rows_sums_and_final() {
    let (json, _) = plans("pdf");
    let p = s(&json);
    let fixed = turnus(&[
        "worked", &p, "--month", "2026-05", "--shift", "k2", "--start", "14:00", "--end", "21:30",
    ]);
    assert_eq!(fixed.code, EXIT_OK, "{}", fixed.err);
    let text = |name: &str| {
        let pdf = json.with_file_name(format!("{name}.pdf"));
        let o = turnus(&[
            "export",
            "pdf",
            &p,
            "--kind",
            "timeliste",
            "--from",
            "2026-05-01",
            "--assistant",
            "A",
            "-o",
            &s(&pdf),
            "--force",
        ]);
        assert_eq!(o.code, EXIT_OK, "{}", o.err);
        let out = Command::new("pdftotext")
            .arg("-layout")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is installed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let before = text("foreløpig");
    assert!(before.contains("FORELØPIG"), "{before}");
    assert!(before.contains("21:30"), "the actual end: {before}");
    assert!(
        before.contains("Planlagt 14:00–20:00"),
        "the plan beside it: {before}"
    );
    assert!(before.contains("Ikke bekreftet"), "{before}");
    assert!(before.contains("Kveld (17:00–21:00)"), "{before}");
    assert!(before.contains("Søn- og helligdag"), "{before}");
    assert!(before.contains("Overtid"), "{before}");
    let sunday = before
        .lines()
        .find(|l| l.contains("Søn- og helligdag (helligdagssonen)"))
        .unwrap();
    assert!(
        sunday.trim_end().ends_with("3,5"),
        "3.5 h red-day time: {sunday}"
    );

    assert_eq!(
        turnus(&["worked", &p, "--month", "2026-05", "--confirm-all"]).code,
        EXIT_OK
    );
    assert_eq!(
        turnus(&["month", "close", &p, "--month", "2026-05"]).code,
        EXIT_OK
    );
    let after = text("endelig");
    assert!(after.contains("ENDELIG"), "{after}");
    assert!(!after.contains("Ikke bekreftet"), "{after}");
}

#[test]
fn the_new_fields_survive_plan_json_and_the_plan_file() {
    let (json, file) = plans("roundtrip");
    let p = s(&file);
    assert_eq!(
        turnus(&[
            "worked",
            &p,
            "--month",
            "2026-05",
            "--shift",
            "k3",
            "--start",
            "22:30",
            "--end",
            "06:00",
            "--passive",
            "240"
        ])
        .code,
        EXIT_OK
    );
    assert_eq!(
        turnus(&["worked", &p, "--month", "2026-05", "--confirm-all"]).code,
        EXIT_OK
    );
    assert_eq!(
        turnus(&["month", "close", &p, "--month", "2026-05"]).code,
        EXIT_OK
    );
    let mut plan = load(&file);
    plan.shifts[3].personlig_stell = true;
    plan.shifts[4].status = ShiftStatus::Cancelled;
    plan.shifts[4].not_worked_reason = Some("syk".into());
    plan.categories.evening_start = chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap();
    plan.egenandel.table = Some("husstand-2024".into());
    plan.egenandel.bracket = Some("2-3g".into());
    let text = turnus::interchange::write_plan(&plan);
    for key in [
        "\"actual\"",
        "\"closed_months\"",
        "\"not_worked_reason\"",
        "\"personlig_stell\"",
        "\"categories\"",
        "\"egenandel\"",
    ] {
        assert!(text.contains(key), "{key} is written");
    }
    let back = turnus::interchange::read_plan(&text).expect("plan JSON reads back");
    assert_eq!(back.shifts, plan.shifts);
    assert_eq!(back.closed_months.len(), 1);
    assert_eq!(back.categories, plan.categories);
    assert_eq!(back.egenandel, plan.egenandel);
    let again = json.with_file_name("again.turnus");
    let file = turnus::store::transfer::import(
        &text,
        &again,
        &OpenOptions::new("t", Instant::from_unix(1_780_000_000)),
    )
    .expect("imported into a plan file");
    let stored = file.load_plan().expect("loaded");
    assert_eq!(stored.shifts, plan.shifts);
    assert_eq!(stored.closed_months, back.closed_months);
    assert_eq!(stored.categories, plan.categories);
    assert_eq!(stored.egenandel, plan.egenandel);
    let unplanned = r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
      "shifts": [{"id": "x", "assistant": "A", "start": "2026-05-12T08:00", "end": "2026-05-12T16:00",
                  "status": "planned", "actual": {"start": "2026-05-12T08:00", "end": "2026-05-12T17:00"}}]}"#;
    let e = turnus::interchange::read_plan(unplanned).expect_err("actual needs worked");
    assert_eq!(e.path, "shifts[0].actual");
}

#[test]
fn every_older_plan_file_upgrades_and_takes_the_month_as_worked() {
    let dir = support::temp_dir("turnus-worked-month-files", "migrate");
    for version in 1..SCHEMA_VERSION {
        let path = dir.join(format!("v{version}.turnus"));
        turnus::store::migrations::create_at_version(&path, version).expect("an old file");
        let now = Instant::parse("2026-06-01T09:00").unwrap();
        let mut file = PlanFile::open(&path, &OpenOptions::new("t", now)).expect("it upgrades");
        file.add_assistant(now, &turnus::model::Assistant::new("A", "Kari"))
            .expect("an assistant");
        let mut shift = turnus::interchange::read_plan(
            r#"{"format": "turnus-plan", "version": 1, "assistants": [{"id": "A"}],
              "shifts": [{"id": "x", "assistant": "A", "start": "2026-05-12T08:00",
                          "end": "2026-05-12T16:00", "status": "worked",
                          "actual": {"start": "2026-05-12T08:00", "end": "2026-05-12T17:00"}}]}"#,
        )
        .unwrap()
        .shifts
        .remove(0);
        shift.unplanned = true;
        file.add_shift(now, &shift)
            .expect("a shift with actual times");
        let plan = file.load_plan().expect("loads");
        assert_eq!(
            plan.shifts[0],
            {
                let mut s = shift.clone();
                s.created_at = plan.shifts[0].created_at;
                s.updated_at = plan.shifts[0].updated_at;
                s
            },
            "version {version}"
        );
        assert_eq!(plan.categories, turnus::model::Categories::default());
    }
}

#[test]
fn confirming_a_month_changes_the_used_hours() {
    let (json, _) = plans("hours");
    let p = s(&json);
    let may = Interval::new(
        Instant::parse("2026-05-01T00:00").unwrap(),
        Instant::parse("2026-06-01T00:00").unwrap(),
    );
    // Today 10 May: the May shifts after it are still planned.
    let today = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
    let used = |plan: &turnus::model::Plan| {
        turnus::hours::usage(plan, ServiceType::PersonligAssistanse, may, today)
    };
    let before = used(&load(&json));
    assert_eq!(before.used_minutes, 0.0);
    assert_eq!(before.planned_minutes, 22.0 * 60.0);
    assert_eq!(
        turnus(&[
            "worked", &p, "--month", "2026-05", "--shift", "k2", "--start", "14:00", "--end",
            "21:30"
        ])
        .code,
        EXIT_OK
    );
    let after = used(&load(&json));
    assert_eq!(
        after.used_minutes,
        7.5 * 60.0,
        "the corrected shift is used, as worked"
    );
    assert_eq!(after.planned_minutes, 16.0 * 60.0);
    // The law check runs on the times as worked: a night worked until 14:00 the next day is
    // too long a day, though the plan (22:00–06:00) was fine.
    let names_k3 = |plan: &turnus::model::Plan| {
        turnus::rules::check(plan, &Default::default())
            .findings
            .iter()
            .any(|f| {
                matches!(f.rule.id(), "NH-D" | "TOT-D")
                    && f.shifts.iter().any(|id| id.as_str() == "k3")
            })
    };
    assert!(!names_k3(&load(&json)));
    assert_eq!(
        turnus(&[
            "worked",
            &p,
            "--month",
            "2026-05",
            "--shift",
            "k3",
            "--start",
            "22:00",
            "--end",
            "2026-05-30T14:00"
        ])
        .code,
        EXIT_OK
    );
    assert!(names_k3(&load(&json)), "the checker reads the actual times");
}
