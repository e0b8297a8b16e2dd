//! The month as worked through the session, as the commands meet it.

use chrono::NaiveDate;

use super::*;

fn t(text: &str) -> Instant {
    Instant::parse(text).expect("a valid local time in the test")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a valid date in the test")
}

const NOW: &str = "2026-06-01T09:00";
const TODAY: &str = "2026-06-01";

fn window() -> Window {
    Window {
        from: "2026-05-01".into(),
        to: "2026-05-31".into(),
    }
}

/// A session with Kari (contract 20 h) and two shifts in May 2026: Tuesday 12 May 08–16 and
/// Saturday 16 May 14–20 (the eve of Sunday 17 May).
fn session() -> (Session, Vec<String>) {
    let mut s = Session::in_memory("Kari", Language::Nb).expect("a session");
    let now = t(NOW);
    let today = day(TODAY);
    s.save_assistant(
        now,
        today,
        &window(),
        &AssistantInput {
            name: "Kari Nordmann".into(),
            contract_hours_per_week: Some(20.0),
            ..AssistantInput::default()
        },
    )
    .expect("the assistant is saved");
    let a = s.plan().assistants[0].id.to_string();
    for (d, start, end) in [
        ("2026-05-12", "08:00", "16:00"),
        ("2026-05-16", "14:00", "20:00"),
    ] {
        s.add_shift(
            now,
            today,
            &window(),
            &ShiftInput {
                assistant: Some(a.clone()),
                day: d.into(),
                start: start.into(),
                end: end.into(),
                ..ShiftInput::default()
            },
        )
        .expect("the shift is added");
    }
    let ids = s.plan().shifts.iter().map(|x| x.id.to_string()).collect();
    (s, ids)
}

#[test]
fn a_month_is_confirmed_corrected_closed_and_then_refuses_edits_and_undo() {
    let (mut s, ids) = session();
    let now = t(NOW);
    let today = day(TODAY);
    let view = s.month_view("2026-05", None).expect("the month view");
    assert_eq!(view.rows.len(), 2);
    assert_eq!(view.unconfirmed, 2);
    assert!(!view.can_close);
    assert!(view
        .close_blocked
        .as_deref()
        .is_some_and(|b| b.starts_with("2 vakter i mai 2026")));
    let sums = &view.sums[0];
    assert_eq!(sums.total_minutes, 14 * 60);
    assert_eq!(sums.saturday_minutes, 4 * 60);
    assert_eq!(sums.sunday_minutes, 2 * 60);
    assert_eq!(sums.evening_minutes, 3 * 60);

    let e = s
        .close_month(now, today, &window(), "2026-05")
        .expect_err("unconfirmed shifts block closing");
    assert!(e.message.contains("2 vakter"), "{}", e.message);

    s.confirm_worked(now, today, &window(), &ids[..1])
        .expect("confirmed");
    s.correct_worked(
        now,
        today,
        &window(),
        &ids[1],
        &month::CorrectWorked {
            start: "14:00".into(),
            end: "21:30".into(),
            ..Default::default()
        },
    )
    .expect("corrected");
    let view = s.month_view("2026-05", None).expect("the month view");
    assert_eq!(view.unconfirmed, 0);
    assert!(view.can_close);
    let late = view.rows.iter().find(|r| r.shift == ids[1]).expect("a row");
    assert!(late.differs);
    assert_eq!(late.planned.end, "2026-05-16T20:00");
    assert_eq!(
        late.actual.as_ref().map(|a| a.end.as_str()),
        Some("2026-05-16T21:30")
    );
    assert_eq!(view.sums[0].total_minutes, 8 * 60 + 7 * 60 + 30);

    s.close_month(now, today, &window(), "2026-05")
        .expect("closed");
    let view = s.month_view("2026-05", None).expect("the month view");
    assert!(view.closed && view.final_timelister);
    let e = s
        .mark_not_worked(now, today, &window(), &ids[0], "syk")
        .expect_err("a closed month refuses edits");
    assert_eq!(e.code, ErrorCode::MonthClosed);
    assert!(e.message.contains("mai 2026"), "{}", e.message);
    let e = s
        .undo(now, today, &window())
        .expect_err("undo would change the closed month");
    assert_eq!(e.code, ErrorCode::MonthClosed);
    assert_eq!(
        s.plan()
            .shifts
            .iter()
            .filter(|x| x.status == ShiftStatus::Worked)
            .count(),
        2
    );

    let e = s
        .reopen_month(now, today, &window(), "2026-05", "  ")
        .expect_err("a reason is needed");
    assert_eq!(e.details["field"], "reason");
    s.reopen_month(now, today, &window(), "2026-05", "Feil sluttid for Kari")
        .expect("reopened");
    let history = s.history(5).expect("the history");
    assert!(
        history[0]
            .details
            .iter()
            .any(|d| d.contains("Feil sluttid for Kari")),
        "{:?}",
        history[0]
    );
    s.mark_not_worked(now, today, &window(), &ids[0], "syk")
        .expect("an open month takes edits again");
}

#[test]
fn undo_into_a_closed_month_is_refused_with_the_sentence() {
    let (mut s, ids) = session();
    let now = t(NOW);
    let today = day(TODAY);
    s.confirm_worked(now, today, &window(), &ids)
        .expect("confirmed");
    s.close_month(now, today, &window(), "2026-05")
        .expect("closed");
    assert!(
        s.view(&window(), today).expect("a view").history.can_undo,
        "undo passes over the closing to the confirmation"
    );
    let e = s
        .undo(now, today, &window())
        .expect_err("undoing the confirmation would change a closed month");
    assert_eq!(e.code, ErrorCode::MonthClosed);
    assert!(e.message.contains("Åpne måneden igjen"), "{}", e.message);
    assert!(s
        .plan()
        .shifts
        .iter()
        .all(|x| x.status == ShiftStatus::Worked));
    assert!(s
        .plan()
        .is_closed(crate::model::Month::parse("2026-05").unwrap()));
}

#[test]
fn the_egenandel_estimate_counts_praktisk_bistand_but_not_personlig_stell() {
    let (mut s, ids) = session();
    let now = t(NOW);
    let today = day(TODAY);
    let e = s
        .egenandel_estimate("2026-05", Some("husstand-2024"), Some("2-3g"))
        .expect("an estimate");
    assert_eq!(e.fee_hours, 14.0);
    assert_eq!(e.estimate_kr, 1104.0, "14 h × 276 kr is above the cap");
    assert!(e.sentence.contains("anslag"), "{}", e.sentence);
    let shift = s
        .plan()
        .shifts
        .iter()
        .find(|x| x.id.as_str() == ids[0])
        .unwrap()
        .clone();
    s.update_shift(
        now,
        today,
        &window(),
        &ShiftInput {
            id: Some(ids[0].clone()),
            assistant: shift.assistant.as_ref().map(ToString::to_string),
            day: shift.work_day().format("%Y-%m-%d").to_string(),
            start: "08:00".into(),
            end: "16:00".into(),
            personlig_stell: Some(true),
            ..ShiftInput::default()
        },
    )
    .expect("marked personlig stell");
    let e = s
        .egenandel_estimate("2026-05", Some("fast-og-time-2019"), Some("2-3g"))
        .expect("an estimate");
    assert_eq!(e.fee_hours, 6.0, "personlig stell carries no fee");
    assert_eq!(e.estimate_kr, 6.0 * 143.0);
}
