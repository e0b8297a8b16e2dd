//! Absences, cover and holidays through the session: what the UI's commands do.

use chrono::NaiveDate;

use super::*;

fn t(text: &str) -> Instant {
    Instant::parse(text).expect("a valid local time in the test")
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a valid date in the test")
}

const NOW: &str = "2026-05-01T09:00";

fn window() -> Window {
    Window {
        from: "2026-06-08".into(),
        to: "2026-06-14".into(),
    }
}

/// A session with Kari (A), Per (B) and Ola (C, a vikar), and Kari's two day shifts on
/// Tuesday and Wednesday 9–10 June 2026, and Per's evening shift on Monday 8 June.
fn session() -> (Session, Vec<String>) {
    let mut s = Session::in_memory("Test", Language::Nb).expect("a plan in memory");
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    for (name, role) in [("Kari", "fast"), ("Per", "fast"), ("Ola", "vikar")] {
        s.save_assistant(
            now,
            today,
            &w,
            &AssistantInput {
                name: name.into(),
                role: Some(role.into()),
                contract_hours_per_week: Some(30.0),
                ..AssistantInput::default()
            },
        )
        .expect("an assistant");
    }
    let ids: Vec<String> = s
        .plan()
        .assistants
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    for (who, date, start, end) in [
        (0, "2026-06-09", "07:00", "15:00"),
        (0, "2026-06-10", "07:00", "15:00"),
        (1, "2026-06-08", "15:00", "23:00"),
    ] {
        s.add_shift(
            now,
            today,
            &w,
            &ShiftInput {
                assistant: Some(ids[who].clone()),
                day: date.into(),
                start: start.into(),
                end: end.into(),
                break_minutes: Some(30),
                ..ShiftInput::default()
            },
        )
        .expect("a shift");
    }
    (s, ids)
}

fn sick(assistant: &str, from: &str, to: &str) -> AbsenceInput {
    AbsenceInput {
        assistant: assistant.into(),
        kind: "sykdom".into(),
        sick_note: Some("egenmelding".into()),
        from: from.into(),
        to: to.into(),
        ..AbsenceInput::default()
    }
}

fn kari_shift(view: &PlanView, day: &str, kari: &str) -> ShiftView {
    view.shifts
        .iter()
        .find(|s| {
            s.day == day
                && (s.assistant.as_deref() == Some(kari)
                    || s.original_assistant.as_deref() == Some(kari))
        })
        .cloned()
        .expect("Kari's shift that day")
}

#[test]
fn a_sick_day_makes_the_shift_need_cover_and_deleting_it_gives_the_shift_back() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    let view = s
        .save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-09"))
        .expect("the absence is saved");
    assert_eq!(view.absences.len(), 1);
    assert_eq!(view.absences[0].kind_label, "Syk (egenmelding)");
    let tuesday = kari_shift(&view, "2026-06-09", &ids[0]);
    assert!(tuesday.needs_cover, "{tuesday:?}");
    assert_eq!(
        tuesday.absence_label.as_deref(),
        Some("Syk (egenmelding), 09.06.2026")
    );
    assert!(!kari_shift(&view, "2026-06-10", &ids[0]).needs_cover);

    let list = s.needs_cover(None, None).expect("the list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].absent_name, "Kari");
    assert_eq!(list[0].label, "ti. 09.06. 07:00–15:00");
    assert_eq!(list[0].kind_label, "Syk (egenmelding)");

    let id = view.absences[0].id.clone();
    let view = s
        .delete_absence(now, today, &w, &id, None)
        .expect("an absence without covered shifts is deleted at once");
    assert!(view.absences.is_empty());
    assert!(!kari_shift(&view, "2026-06-09", &ids[0]).needs_cover);
    assert!(s.needs_cover(None, None).unwrap().is_empty());
    // Undo brings the absence, and the need for cover, back.
    let view = s.undo(now, today, &w).expect("undo");
    assert!(kari_shift(&view, "2026-06-09", &ids[0]).needs_cover);
}

#[test]
fn the_candidates_rank_a_rest_breach_last_and_leave_out_the_absent() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    s.save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-09"))
        .unwrap();
    let shift = s.needs_cover(None, None).unwrap()[0].shift.clone();
    let c = s.cover_candidates(&shift).expect("candidates");
    let order: Vec<&str> = c.candidates.iter().map(|c| c.name.as_str()).collect();
    // Per worked until 23:00 the evening before: 8 hours of rest before 07:00.
    assert_eq!(order, ["Ola", "Per"]);
    assert!(c.candidates[0].lawful);
    assert!(!c.candidates[1].lawful);
    assert_eq!(c.candidates[1].new_violations, 1);
    assert!(
        c.candidates[1].reasons[0].contains("daglig hvile 8 t"),
        "{:?}",
        c.candidates[1].reasons
    );
    assert_eq!(c.excluded.len(), 1);
    assert_eq!(c.excluded[0].name, "Kari");
    assert!(c.shift.needs_cover);
}

#[test]
fn covering_is_one_undo_step_and_the_vikar_gets_the_shift() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    s.save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-09"))
        .unwrap();
    let shift = s.needs_cover(None, None).unwrap()[0].shift.clone();
    let view = s
        .assign_cover(now, today, &w, &shift, &ids[2])
        .expect("Ola covers");
    let covered = view.shifts.iter().find(|v| v.id == shift).unwrap();
    assert_eq!(covered.assistant.as_deref(), Some(ids[2].as_str()));
    assert_eq!(covered.original_assistant.as_deref(), Some(ids[0].as_str()));
    assert!(!covered.needs_cover);
    assert!(s.needs_cover(None, None).unwrap().is_empty());
    // Per cannot cover too: the shift no longer needs it.
    let e = s
        .assign_cover(now, today, &w, &shift, &ids[1])
        .map(|_| ())
        .err();
    assert!(e.is_none(), "a covered shift can be given to another vikar");

    let view = s.undo(now, today, &w).expect("undo");
    let view = {
        let _ = view;
        s.undo(now, today, &w).expect("undo the first cover too")
    };
    let back = view.shifts.iter().find(|v| v.id == shift).unwrap();
    assert_eq!(back.assistant.as_deref(), Some(ids[0].as_str()));
    assert_eq!(back.original_assistant, None);
    assert!(back.needs_cover);
}

#[test]
fn deleting_an_absence_with_covered_shifts_asks_then_keeps_or_gives_back() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    let view = s
        .save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-10"))
        .unwrap();
    let absence = view.absences[0].id.clone();
    let list = s.needs_cover(None, None).unwrap();
    assert_eq!(list.len(), 2);
    s.assign_cover(now, today, &w, &list[0].shift, &ids[2])
        .unwrap();

    let e = s
        .delete_absence(now, today, &w, &absence, None)
        .expect_err("a covered shift needs a choice");
    assert_eq!(e.code, ErrorCode::ChoiceNeeded);
    assert!(
        e.message.starts_with("En vakt i fraværet er dekket"),
        "{}",
        e.message
    );
    assert_eq!(e.details["count"], 1);

    let view = s
        .delete_absence(now, today, &w, &absence, Some("keep"))
        .expect("keep the vikar");
    let kept = view.shifts.iter().find(|v| v.id == list[0].shift).unwrap();
    assert_eq!(kept.assistant.as_deref(), Some(ids[2].as_str()));
    assert_eq!(kept.original_assistant, None);
    let other = view.shifts.iter().find(|v| v.id == list[1].shift).unwrap();
    assert_eq!(other.assistant.as_deref(), Some(ids[0].as_str()));
    assert!(!other.needs_cover);

    // Undo is one step: the absence and the cover link come back together.
    let view = s.undo(now, today, &w).unwrap();
    let again = view.shifts.iter().find(|v| v.id == list[0].shift).unwrap();
    assert_eq!(again.original_assistant.as_deref(), Some(ids[0].as_str()));
    let view = s
        .delete_absence(now, today, &w, &absence, Some("give_back"))
        .expect("give back");
    let back = view.shifts.iter().find(|v| v.id == list[0].shift).unwrap();
    assert_eq!(back.assistant.as_deref(), Some(ids[0].as_str()));
    assert_eq!(back.original_assistant, None);
    assert!(!back.needs_cover);
}

#[test]
fn bad_absences_are_refused_naming_the_field() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    let field = |r: Result<PlanView, IpcError>| {
        r.expect_err("refused").details["field"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        field(s.save_absence(now, today, &w, &sick("nobody", "2026-06-09", "2026-06-09"))),
        "assistant"
    );
    assert_eq!(
        field(s.save_absence(now, today, &w, &sick(&ids[0], "2026-06-10", "2026-06-09"))),
        "to"
    );
    assert_eq!(
        field(s.save_absence(now, today, &w, &sick(&ids[0], "2026-02-30", "2026-03-01"))),
        "from"
    );
    let mut odd = sick(&ids[0], "2026-06-09", "2026-06-09");
    odd.kind = "fri".into();
    assert_eq!(field(s.save_absence(now, today, &w, &odd)), "kind");
    let mut part = sick(&ids[0], "2026-06-09", "2026-06-10");
    part.from_time = Some("10:00".into());
    part.to_time = Some("12:00".into());
    assert_eq!(field(s.save_absence(now, today, &w, &part)), "to");
    let mut holiday_note = sick(&ids[0], "2026-06-09", "2026-06-09");
    holiday_note.kind = "ferie".into();
    assert_eq!(
        field(s.save_absence(now, today, &w, &holiday_note)),
        "sick_note"
    );
    s.save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-12"))
        .unwrap();
    let e = s
        .save_absence(now, today, &w, &sick(&ids[0], "2026-06-12", "2026-06-13"))
        .expect_err("an overlap");
    assert_eq!(e.details["field"], "from");
    assert!(
        e.message.contains("Kari har allerede fravær"),
        "{}",
        e.message
    );
    // Another assistant may be away on the same days.
    s.save_absence(now, today, &w, &sick(&ids[1], "2026-06-12", "2026-06-13"))
        .expect("Per may be sick too");
}

#[test]
fn a_part_day_absence_makes_only_the_shift_it_overlaps_need_cover() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    let mut part = sick(&ids[0], "2026-06-10", "2026-06-10");
    part.kind = "annet".into();
    part.sick_note = None;
    part.from_time = Some("15:00".into());
    part.to_time = Some("18:00".into());
    let view = s
        .save_absence(now, today, &w, &part)
        .expect("a part-day absence");
    assert!(
        !kari_shift(&view, "2026-06-10", &ids[0]).needs_cover,
        "it starts when the shift ends"
    );
    let id = view.absences[0].id.clone();
    part.id = Some(id);
    part.from_time = Some("14:59".into());
    let view = s.save_absence(now, today, &w, &part).expect("changed");
    assert!(
        kari_shift(&view, "2026-06-10", &ids[0]).needs_cover,
        "one minute of overlap"
    );
    assert_eq!(
        view.absences[0].label,
        "Annet fravær, 10.06.2026 14:59–18:00"
    );
}

#[test]
fn the_proposal_never_gives_one_person_two_shifts_at_once_and_apply_rechecks() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    // Per's own shift is moved onto Tuesday morning too, so only Ola is free then.
    s.save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-10"))
        .unwrap();
    // A second uncovered shift at the same time as Kari's Tuesday shift.
    s.save_assistant(
        now,
        today,
        &w,
        &AssistantInput {
            name: "Eva".into(),
            ..AssistantInput::default()
        },
    )
    .unwrap();
    let eva = s.plan().assistants[3].id.to_string();
    s.add_shift(
        now,
        today,
        &w,
        &ShiftInput {
            assistant: Some(eva.clone()),
            day: "2026-06-09".into(),
            start: "07:00".into(),
            end: "15:00".into(),
            break_minutes: Some(30),
            ..ShiftInput::default()
        },
    )
    .unwrap();
    s.save_absence(now, today, &w, &sick(&eva, "2026-06-09", "2026-06-09"))
        .unwrap();
    let proposal = s
        .propose_cover(Some("2026-06-08"), Some("2026-06-14"))
        .expect("a proposal");
    assert_eq!(proposal.items.len(), 3);
    let tuesday: Vec<&ProposalItemView> = proposal
        .items
        .iter()
        .filter(|i| i.label.starts_with("ti."))
        .collect();
    assert_eq!(tuesday.len(), 2);
    assert_ne!(tuesday[0].assistant, tuesday[1].assistant, "{proposal:?}");
    for item in &proposal.items {
        assert!(item.assistant.is_some(), "{item:?}");
    }
    // Per would break the daily rest on Tuesday: the item says so.
    let per = tuesday
        .iter()
        .find(|i| i.name.as_deref() == Some("Per"))
        .expect("Per takes one");
    assert!(per.new_violations > 0);
    assert_eq!(proposal.with_violations, 1);

    // Applying two shifts at the same time to one person is refused, naming the second.
    let twice = vec![
        CoverAssignment {
            shift: tuesday[0].shift.clone(),
            assistant: ids[2].clone(),
        },
        CoverAssignment {
            shift: tuesday[1].shift.clone(),
            assistant: ids[2].clone(),
        },
    ];
    let e = s
        .apply_cover(now, today, &w, &twice)
        .expect_err("a double booking");
    assert_eq!(e.details["field"], "assignments[1].assistant");
    assert!(e.message.contains("har en vakt samtidig"), "{}", e.message);
    assert_eq!(
        s.needs_cover(None, None).unwrap().len(),
        3,
        "nothing changed"
    );

    let all: Vec<CoverAssignment> = proposal
        .items
        .iter()
        .map(|i| CoverAssignment {
            shift: i.shift.clone(),
            assistant: i.assistant.clone().unwrap(),
        })
        .collect();
    s.apply_cover(now, today, &w, &all)
        .expect("the proposal applies");
    assert!(s.needs_cover(None, None).unwrap().is_empty());
    s.undo(now, today, &w).expect("one undo step");
    assert_eq!(s.needs_cover(None, None).unwrap().len(), 3);
}

#[test]
fn holiday_balances_count_the_carry_over_and_refuse_more_than_twelve_days() {
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    let mut ferie = sick(&ids[0], "2026-07-06", "2026-07-25");
    ferie.kind = "ferie".into();
    ferie.sick_note = None;
    s.save_absence(now, today, &w, &ferie).unwrap();
    s.set_holiday_carry(now, today, &w, &ids[0], 2026, 5)
        .expect("5 days carried");
    let e = s
        .set_holiday_carry(now, today, &w, &ids[0], 2026, 13)
        .expect_err("13 days");
    assert_eq!(e.details["field"], "days");
    assert!(e.message.contains("0 til 12"), "{}", e.message);
    let b = s.holiday_balances(2026).expect("balances");
    let kari = &b.assistants[0];
    assert_eq!(
        (kari.entitlement_days, kari.carried_days, kari.booked_days),
        (25, 5, 18)
    );
    assert_eq!(kari.remaining_days, 25 + 5 - 18);
    assert!(kari.main_holiday_met);
    assert!(!b.assistants[1].main_holiday_met);
    let year = s.year_view(2026).expect("the year");
    assert_eq!(year.weeks.first().map(|w| w.iso_week), Some(1));
    assert_eq!(
        year.weeks.len(),
        53,
        "1 Jan 2026 is a Thursday: week 1 to week 53"
    );
    assert!(year.red_days.iter().any(|r| r.date == "2026-05-17"));
    assert_eq!(year.assistants[0].absences.len(), 1);
    assert_eq!(year.assistants[0].balance.carried_days, 5);
}

#[test]
fn the_vikar_s_calendar_has_the_covered_shift_and_the_absent_one_s_shows_it_cancelled() {
    use crate::export::ics::{calendar, update_state, CalendarScope, ExportState};
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    s.save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-09"))
        .unwrap();
    let shift = s.needs_cover(None, None).unwrap()[0].shift.clone();
    s.assign_cover(now, today, &w, &shift, &ids[2]).unwrap();
    // A first export after the cover: no earlier state to hand over from.
    let state = update_state(s.plan(), &ExportState::default(), now);
    let uid = format!("{shift}@turnus");
    let vikar = calendar(
        s.plan(),
        &state,
        &CalendarScope::Assistant(AssistantId(ids[2].clone())),
        now,
    );
    let event = vikar
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&uid))
        .expect("Ola has the shift");
    assert!(event.contains("STATUS:CONFIRMED"), "{event}");
    assert!(event.contains("Dekker for: Kari"), "{event}");
    let kari = calendar(
        s.plan(),
        &state,
        &CalendarScope::Assistant(AssistantId(ids[0].clone())),
        now,
    );
    let event = kari
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&uid))
        .expect("Kari's copy");
    assert!(event.contains("STATUS:CANCELLED"), "{event}");
    assert!(event.contains("dekkes av Ola"), "{event}");
    // Her other shift stays hers.
    assert_eq!(kari.matches("STATUS:CONFIRMED").count(), 1, "{kari}");
}

#[test]
fn a_shift_waiting_for_cover_leaves_the_absent_one_s_calendar_and_comes_back_when_she_is_not_away()
{
    use crate::export::ics::{calendar, update_state, CalendarScope, ExportState};
    let (mut s, ids) = session();
    let (now, today, w) = (t(NOW), day("2026-05-01"), window());
    let kari_scope = CalendarScope::Assistant(AssistantId(ids[0].clone()));
    let event_of = |text: &str, uid: &str| {
        text.split("BEGIN:VEVENT")
            .find(|e| e.contains(uid))
            .map(str::to_string)
            .expect("the shift's event")
    };
    let before = update_state(s.plan(), &ExportState::default(), now);
    let view = s
        .save_absence(now, today, &w, &sick(&ids[0], "2026-06-09", "2026-06-09"))
        .unwrap();
    let uid = format!("{}@turnus", kari_shift(&view, "2026-06-09", &ids[0]).id);
    assert!(
        event_of(&calendar(s.plan(), &before, &kari_scope, now), &uid).contains("STATUS:CONFIRMED")
    );

    // Sick, and no one covers yet: her phone drops the shift; the plan's calendar keeps the need.
    let away = update_state(s.plan(), &before, now);
    let kari = event_of(&calendar(s.plan(), &away, &kari_scope, now), &uid);
    assert!(kari.contains("STATUS:CANCELLED"), "{kari}");
    assert!(kari.contains("SEQUENCE:1"), "{kari}");
    assert!(kari.contains("du er registrert borte"), "{kari}");
    let plan = event_of(&calendar(s.plan(), &away, &CalendarScope::Plan, now), &uid);
    assert!(plan.contains("STATUS:CONFIRMED"), "{plan}");
    assert!(plan.contains("Trenger dekning"), "{plan}");
    assert!(plan.contains("planlagt for Kari"), "{plan}");
    for text in [&kari, &plan] {
        assert!(
            !text.to_lowercase().contains("syk") && !text.contains("egenmelding"),
            "the kind of absence is health data and stays out of calendar files: {text}"
        );
    }
    // Her other shift stays hers.
    let all = calendar(s.plan(), &away, &kari_scope, now);
    assert_eq!(all.matches("STATUS:CONFIRMED").count(), 1, "{all}");

    // The absence deleted: the shift is hers again, as a newer version.
    let absence = s.plan().absences[0].id.to_string();
    s.delete_absence(now, today, &w, &absence, None).unwrap();
    let back = update_state(s.plan(), &away, now);
    let kari = event_of(&calendar(s.plan(), &back, &kari_scope, now), &uid);
    assert!(kari.contains("STATUS:CONFIRMED"), "{kari}");
    assert!(kari.contains("SEQUENCE:2"), "{kari}");
    assert!(!kari.contains("borte"), "{kari}");
}
