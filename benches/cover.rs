//! Benchmark of vikar ranking (RULES.md §6) on a year of round-the-clock care.
//!
//! The plan: 52 weeks, 8 assistants (every hour covered by 3-hour shifts, as in
//! benches/check.rs) and 2 vikarer without shifts, under the tariff profile. One assistant is
//! sick for a week in the middle of the year; the bench ranks all 10 people for one of her
//! shifts. Target: under 20 ms, with a fresh checker (the plan checked once) and with a
//! checker that has checked the plan before (what the app keeps).

use chrono::{Duration, NaiveDate, NaiveTime};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use turnus::model::{
    Absence, AbsenceId, AbsenceKind, Assistant, AssistantId, Plan, Preset, Profile, Role,
    ServiceType, Shift, ShiftId, ShiftStatus,
};
use turnus::rules::{CheckOptions, Checker};
use turnus::time::{Instant, HOUR};

fn year_plan() -> Plan {
    let mut plan = Plan {
        profile: Profile::preset(Preset::Tariff),
        ..Plan::default()
    };
    for a in 0..8 {
        let mut assistant = Assistant::new(&format!("A{a}"), &format!("Assistent {a}"));
        assistant.contract_minutes_per_week = Some(21 * 60);
        plan.assistants.push(assistant);
    }
    for v in 0..2 {
        let mut vikar = Assistant::new(&format!("V{v}"), &format!("Vikar {v}"));
        vikar.role = Role::Vikar;
        plan.assistants.push(vikar);
    }
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a Monday");
    for day in 0..(52 * 7) {
        let date = first + Duration::days(day);
        let midnight = Instant::at_local(date, NaiveTime::MIN);
        for slot in 0..8 {
            let who = (slot + day as usize) % 8;
            let start = midnight.plus(slot as i64 * 3 * HOUR);
            plan.shifts.push(Shift {
                id: ShiftId(format!("d{day}s{slot}")),
                assistant: Some(AssistantId(format!("A{who}"))),
                start,
                end: start.plus(3 * HOUR),
                break_minutes: 0,
                passive_minutes: 0,
                long_shift: false,
                service: ServiceType::PersonligAssistanse,
                status: ShiftStatus::Planned,
                note: String::new(),
                shift_type: None,
                created_at: None,
                updated_at: None,
            });
        }
    }
    // Day 182 (a Monday): A0 has slot (8 − 182 % 8) % 8 = 2.
    let sick_from = first + Duration::days(182);
    plan.absences.push(Absence {
        id: AbsenceId("f1".into()),
        assistant: AssistantId("A0".into()),
        kind: AbsenceKind::Sykdom,
        sick_note: None,
        from: sick_from,
        to: sick_from + Duration::days(6),
        from_time: None,
        to_time: None,
        hours: None,
        note: String::new(),
    });
    plan
}

fn bench(c: &mut Criterion) {
    let plan = year_plan();
    let shift = turnus::cover::needs_cover(&plan)
        .first()
        .expect("A0 has shifts in her sick week")
        .shift
        .clone();
    let ranking = turnus::cover::rank(&plan, &shift).expect("the shift exists");
    assert_eq!(ranking.candidates.len(), 9, "everyone but A0");
    c.bench_function(
        "rank 10 people for one shift, 52 weeks, fresh checker",
        |b| b.iter(|| turnus::cover::rank(black_box(&plan), black_box(&shift))),
    );
    let mut checker = Checker::default();
    checker.check(&plan, &CheckOptions::default());
    c.bench_function(
        "rank 10 people for one shift, 52 weeks, checker kept",
        |b| b.iter(|| turnus::cover::rank_with(&mut checker, black_box(&plan), black_box(&shift))),
    );

    // "Dekk alle": four more assistants away for four weeks, and cover proposed for 50 of
    // their shifts at once.
    let mut away = plan.clone();
    let from = away.absences[0].from;
    for (n, who) in ["A1", "A2", "A3", "A4"].into_iter().enumerate() {
        away.absences.push(Absence {
            id: AbsenceId(format!("f{}", n + 2)),
            assistant: AssistantId(who.into()),
            kind: AbsenceKind::Ferie,
            sick_note: None,
            from,
            to: from + Duration::days(27),
            from_time: None,
            to_time: None,
            hours: None,
            note: String::new(),
        });
    }
    let uncovered: Vec<_> = turnus::cover::needs_cover(&away)
        .into_iter()
        .map(|u| u.shift)
        .take(50)
        .collect();
    assert_eq!(uncovered.len(), 50, "50 shifts need cover");
    c.bench_function("propose cover for 50 uncovered shifts, 52 weeks", |b| {
        b.iter(|| {
            let mut checker = Checker::default();
            turnus::cover::propose(
                &mut checker,
                black_box(&away),
                black_box(&uncovered),
                turnus::rules::explain::Lang::Nb,
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
