//! A year of round-the-clock work for eight assistants (eight shifts a day, about 2,900 in
//! all), shared by the export size test and the export benchmark.

use chrono::{Duration, NaiveDate, NaiveTime};
use turnus::model::{
    Assistant, AssistantId, Plan, ServiceType, Settings, Shift, ShiftId, ShiftStatus, ShiftType,
};
use turnus::time::{Instant, HOUR};

/// The plan, for `year`.
pub fn year_plan(year: i32) -> Plan {
    let names = [
        "Łukasz Wiśniewski",
        "Áilu Čoalbmi",
        "Øyvind Ærø",
        "Kari Nordmann",
        "Małgorzata Król",
        "Bjørn Sæther",
        "Emilie Strand",
        "Ola Åsheim",
    ];
    let types = [
        ("D", "Dagvakt", 7, 8),
        ("K", "Kveldsvakt", 15, 8),
        ("N", "Nattevakt", 23, 8),
    ];
    let mut plan = Plan {
        settings: Settings {
            name: "Året rundt".into(),
            arbeidsleder: "Ragnhild Aasen".into(),
            ..Settings::default()
        },
        ..Plan::default()
    };
    for (i, name) in names.iter().enumerate() {
        plan.assistants.push(Assistant::new(&format!("a{i}"), name));
    }
    for (code, name, start, len) in types {
        plan.shift_types.push(ShiftType {
            code: code.into(),
            name: name.into(),
            start: NaiveTime::from_hms_opt(start, 0, 0).unwrap_or_default(),
            end: NaiveTime::from_hms_opt((start + len) % 24, 0, 0).unwrap_or_default(),
            break_minutes: 30,
            passive_minutes: 0,
            service: ServiceType::PersonligAssistanse,
            colour: String::new(),
            long_shift: false,
        });
    }
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    let mut day = first;
    let mut n = 0;
    while day <= last {
        for slot in 0..8usize {
            let (code, _, start, len) = types[slot % 3];
            let assistant = (slot + (day - first).num_days() as usize) % 8;
            let begin = Instant::at_local(
                day,
                NaiveTime::from_hms_opt(start, 0, 0).unwrap_or_default(),
            );
            plan.shifts.push(Shift {
                id: ShiftId(format!("s{n}")),
                assistant: Some(AssistantId(format!("a{assistant}"))),
                start: begin,
                end: begin.plus(i64::from(len) * HOUR),
                break_minutes: 30,
                passive_minutes: 0,
                long_shift: false,
                service: ServiceType::PersonligAssistanse,
                status: ShiftStatus::Planned,
                note: String::new(),
                shift_type: Some(code.into()),
                created_at: None,
                updated_at: None,
                actual: None,
                not_worked_reason: None,
                unplanned: false,
                personlig_stell: false,
            });
            n += 1;
        }
        day += Duration::days(1);
    }
    plan
}
