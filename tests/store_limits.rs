//! The plan file applies the size limits of `src/limits.rs` when it is read, the same way plan
//! JSON does: a shift longer than 7 days, a name longer than 200 characters, or more rows than a
//! plan may hold is refused naming the row; and an action adding many rows numbers them once.

use turnus::limits::{MAX_NAME_CHARS, MAX_SHIFT_SECONDS};
use turnus::model::{Assistant, AssistantId, BusyTime, ServiceType, Shift, ShiftId, ShiftStatus};
use turnus::store::{Edit, PlanFile, StoreError};
use turnus::time::{Instant, HOUR};

fn t(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

fn shift(id: &str, start: Instant, end: Instant) -> Shift {
    Shift {
        id: ShiftId(id.into()),
        assistant: Some(AssistantId("A".into())),
        start,
        end,
        break_minutes: 0,
        passive_minutes: 0,
        long_shift: false,
        service: ServiceType::PersonligAssistanse,
        status: ShiftStatus::Planned,
        note: String::new(),
        shift_type: None,
        created_at: None,
        updated_at: None,
        actual: None,
        not_worked_reason: None,
        unplanned: false,
        personlig_stell: false,
    }
}

#[test]
fn a_stored_shift_longer_than_seven_days_is_refused_naming_the_shift() {
    let mut file = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    file.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    let start = t("2026-06-08T08:00");
    // The store takes what it is given (the edges validate); reading it back applies the limit.
    file.add_shift(at, &shift("week", start, start.plus(MAX_SHIFT_SECONDS)))
        .unwrap();
    assert!(file.load_plan().is_ok(), "exactly 7 days is allowed");
    file.add_shift(
        at,
        &shift("long", start, start.plus(MAX_SHIFT_SECONDS + 60)),
    )
    .unwrap();
    match file.load_plan() {
        Err(e @ StoreError::Invalid { .. }) => {
            let text = e.to_string();
            assert!(text.contains("«long»") && text.contains("7 days"), "{text}");
        }
        other => panic!("a 7-day-and-a-minute shift must be refused, got {other:?}"),
    }
}

#[test]
fn a_stored_name_longer_than_200_characters_is_refused_naming_the_assistant() {
    let mut file = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    let name = "å".repeat(MAX_NAME_CHARS + 1);
    file.add_assistant(at, &Assistant::new("A", &name)).unwrap();
    let e = file.load_plan().expect_err("the name is too long");
    assert!(
        e.to_string().contains("«A»") && e.to_string().contains("201 characters"),
        "{e}"
    );
}

#[test]
fn twenty_thousand_busy_times_in_one_action_are_numbered_in_order() {
    let mut file = PlanFile::open_in_memory("Kari").unwrap();
    let at = t("2026-06-01T10:00");
    file.add_assistant(at, &Assistant::new("A", "Ola")).unwrap();
    let first = t("2026-01-05T08:00");
    let edits: Vec<Edit> = (0..20_000)
        .map(|n| {
            let start = first.plus(n * 5 * HOUR);
            Edit::AddBusy(BusyTime {
                id: format!("e{n}"),
                assistant: AssistantId("A".into()),
                start,
                end: start.plus(2 * HOUR),
                source: "jobb.ics".into(),
                summary: String::new(),
            })
        })
        .collect();
    file.apply(at, "import busy time", &edits).unwrap();
    let busy = file.load_plan().unwrap().busy;
    assert_eq!(busy.len(), 20_000);
    assert!(
        busy.iter()
            .enumerate()
            .all(|(n, b)| b.id == format!("e{n}")),
        "the plan keeps the import's order"
    );
}
