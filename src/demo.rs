//! The demo plan: a small, realistic BPA plan to explore the app and the CLI with.
//!
//! Ragnhild Aasen leads four assistants and one vikar under a vedtak of 37.5 hours a week of
//! personlig assistanse (annual frame, night help excluded, no double staffing). A three-week
//! turnus of short shifts (mornings, evenings, two Sundays in three) gives 35 hours a week,
//! leaving room for extra shifts within the frame, and is laid out so that it keeps the plain-law profile (`aml`): no evening followed
//! by a morning, no one working two red days in a row, no work in the night period. The shifts
//! run from 1 January of `today`'s year (or four weeks before `today`, if that is earlier) to
//! twelve weeks after the Monday of `today`'s week; shifts that ended before that Monday are
//! worked, later ones planned.
//!
//! On top of the pattern, as real-day changes, sit the few things the law check should show,
//! all in the weeks after `today`:
//! - an extra evening shift the day before the same assistant's morning (10.5 h rest: REST-D),
//! - a morning cancelled for a long day 08:00–20:00 (12 h: NH-D),
//! - an accompaniment shift overlapping the same assistant's evening (OVERLAP-SELF),
//!
//! plus a past sick day covered by the vikar and a future holiday whose shifts are open.
//! Every id is stable, so the same `today` gives the same plan.
//!
//! Left out on purpose: writing the plan anywhere (the CLI and the store do that) and anything
//! random: names, numbers and dates are fixed or derived from `today`.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::calendar::{is_red_day, week_monday};
use crate::model::{
    Absence, AbsenceId, AbsenceKind, Assistant, AssistantId, DayChange, NightHelp, Plan, Role,
    Rotation, RotationId, ServiceType, Settings, ShiftId, ShiftStatus, ShiftType, Slot, Vedtak,
};
use crate::rotation::{expand, pattern_week};
use crate::time::Instant;

/// The id of the demo plan's rotation.
pub const ROTATION_ID: &str = "demo-turnus";

/// Weeks of planned shifts after the Monday of `today`'s week.
const WEEKS_AHEAD: i64 = 12;

/// The demo plan as of `today` (see the module docs).
///
/// ```
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let plan = turnus::demo::demo_plan(today);
/// assert_eq!(plan.settings.name, "Demoplan");
/// assert_eq!(plan, turnus::demo::demo_plan(today));
/// ```
pub fn demo_plan(today: NaiveDate) -> Plan {
    let this_monday = week_monday(today);
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let from = year_start.min(this_monday - Duration::weeks(4));
    let to = this_monday + Duration::weeks(WEEKS_AHEAD) - Duration::days(1);
    let vedtak_from = NaiveDate::from_ymd_opt(from.year(), 1, 1).unwrap_or(from);

    let mut plan = Plan {
        settings: Settings {
            name: "Demoplan".into(),
            arbeidsleder: "Ragnhild Aasen".into(),
            leverandor: "Eksempel kommune".into(),
            current_user: "Ragnhild Aasen".into(),
            carry_over: false,
            main_holiday_deadline: None,
        },
        vedtak: vec![Vedtak {
            from: vedtak_from,
            to: None,
            annual_frame: true,
            hours_per_week: BTreeMap::from([(ServiceType::PersonligAssistanse, 37.5)]),
            double_staffing: false,
            night: NightHelp::Excluded,
            passive_factor: 1.0,
        }],
        assistants: assistants(),
        shift_types: shift_types(),
        ..Plan::default()
    };

    let mut rotation = Rotation {
        id: RotationId(ROTATION_ID.into()),
        name: "Treukersturnus".into(),
        weeks: 3,
        start: week_monday(from),
        until: None,
        slots: slots(),
        changes: Vec::new(),
    };
    let changes = deliberate_changes(&rotation, today, to);
    rotation.changes = changes.day_changes;
    plan.absences = changes.absences;

    // The pattern is valid by construction; an error here would be a bug in this module, and
    // the demo then simply has no shifts rather than failing its caller.
    let shifts = expand(&plan, &rotation, from, to)
        .map(|e| e.shifts)
        .unwrap_or_default();
    let confirmed_until = Instant::start_of_day(this_monday);
    plan.shifts = shifts
        .into_iter()
        .map(|mut s| {
            if s.status == ShiftStatus::Planned && s.end <= confirmed_until {
                s.status = ShiftStatus::Worked;
            }
            s
        })
        .collect();
    plan.rotations.push(rotation);
    plan
}

fn assistants() -> Vec<Assistant> {
    let person = |id: &str, name: &str, colour: &str, born: i32, phone: &str, email: &str| {
        let mut a = Assistant::new(id, name);
        a.colour = colour.into();
        a.birth_year = Some(born);
        a.phone = phone.into();
        a.email = email.into();
        a.contract_minutes_per_week = Some(20 * 60);
        a
    };
    let mut vikar = person(
        "v1",
        "Emilie Strand",
        "#6a6a6a",
        2001,
        "+47 400 00 105",
        "emilie.strand@example.no",
    );
    vikar.role = Role::Vikar;
    vikar.contract_minutes_per_week = None;
    let mut malgorzata = person(
        "a2",
        "Małgorzata Król",
        "#b8860b",
        1985,
        "+47 400 00 102",
        "malgorzata.krol@example.no",
    );
    malgorzata.holiday_entitlement = 30;
    vec![
        person(
            "a1",
            "Solveig Bråten",
            "#1f6fb2",
            1990,
            "+47 400 00 101",
            "solveig.braten@example.no",
        ),
        malgorzata,
        person(
            "a3",
            "Jonas Haugland",
            "#2e8b57",
            1998,
            "+47 400 00 103",
            "jonas.haugland@example.no",
        ),
        person(
            "a4",
            "Bjørn Sæther",
            "#8b3a62",
            1966,
            "+47 400 00 104",
            "bjorn.saether@example.no",
        ),
        vikar,
    ]
}

fn clock(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

fn shift_types() -> Vec<ShiftType> {
    let kind = |code: &str, name: &str, start, end, break_minutes, colour: &str| ShiftType {
        code: code.into(),
        name: name.into(),
        start,
        end,
        break_minutes,
        passive_minutes: 0,
        service: ServiceType::PersonligAssistanse,
        colour: colour.into(),
        long_shift: false,
    };
    vec![
        kind("M", "Morgen", clock(7, 30), clock(11, 30), 0, "#f4c542"),
        kind("K", "Kveld", clock(16, 0), clock(21, 0), 0, "#5b7bd5"),
        kind("H", "Helg", clock(10, 0), clock(15, 0), 0, "#5fb36b"),
        kind("F", "Følge", clock(14, 0), clock(17, 0), 15, "#c77dcb"),
        kind("L", "Langdag", clock(8, 0), clock(20, 0), 45, "#e0703c"),
    ]
}

/// The three-week pattern. Evenings (K) are never followed by the same assistant's morning (M),
/// and whoever works an evening in a week works neither that week's Sunday nor the Sunday
/// before, so an evening on the eve of a holiday never makes two red days in a row. Sundays are
/// helped in weeks 2 and 3 only, by different assistants, and nobody works a Saturday, so the
/// weekly rest of everyone holds a Sunday.
fn slots() -> Vec<Slot> {
    use Weekday::{Fri, Mon, Sun, Thu, Tue, Wed};
    let table: [(u32, Weekday, &str, &str); 24] = [
        (1, Mon, "M", "a2"),
        (1, Tue, "M", "a4"),
        (1, Wed, "M", "a2"),
        (1, Thu, "M", "a3"),
        (1, Fri, "M", "a4"),
        (1, Mon, "K", "a3"),
        (1, Wed, "K", "a1"),
        (1, Fri, "K", "a2"),
        (2, Mon, "M", "a4"),
        (2, Tue, "M", "a2"),
        (2, Wed, "M", "a1"),
        (2, Thu, "M", "a2"),
        (2, Fri, "M", "a4"),
        (2, Mon, "K", "a1"),
        (2, Wed, "K", "a3"),
        (2, Sun, "H", "a2"),
        (3, Mon, "M", "a2"),
        (3, Tue, "M", "a3"),
        (3, Wed, "M", "a1"),
        (3, Thu, "M", "a4"),
        (3, Fri, "M", "a2"),
        (3, Mon, "K", "a1"),
        (3, Wed, "K", "a3"),
        (3, Sun, "H", "a4"),
    ];
    table
        .into_iter()
        .map(|(week, weekday, code, who)| Slot {
            week,
            weekday,
            shift_type: code.into(),
            assistant: Some(AssistantId::from(who)),
            // Sunday help is part of the week; other slots give way on holidays.
            skip_red_days: weekday != Sun,
        })
        .collect()
}

struct Changes {
    day_changes: Vec<DayChange>,
    absences: Vec<Absence>,
}

/// The index of the slot for `week`, `weekday` and shift type `code`.
fn slot_index(week: u32, weekday: Weekday, code: &str) -> Option<usize> {
    slots()
        .iter()
        .position(|s| s.week == week && s.weekday == weekday && s.shift_type == code)
}

/// The first date from `from` to `to` in pattern week `week` on `weekday` for which `ok` holds.
fn find_date(
    rotation: &Rotation,
    from: NaiveDate,
    to: NaiveDate,
    week: u32,
    weekday: Weekday,
    ok: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .find(|d| d.weekday() == weekday && pattern_week(rotation, *d) == Some(week) && ok(*d))
}

/// No red day from `date` to `days` days later, so nothing touches a holiday or its zone.
fn ordinary(date: NaiveDate, days: i64) -> bool {
    (0..=days).all(|n| !is_red_day(date + Duration::days(n)))
}

fn deliberate_changes(rotation: &Rotation, today: NaiveDate, to: NaiveDate) -> Changes {
    let mut day_changes = Vec::new();
    let mut absences = Vec::new();
    let next_monday = week_monday(today) + Duration::weeks(1);

    // Short rest: an extra evening on a Thursday of week 1 for a4, who has Friday's morning.
    let short_rest = find_date(rotation, next_monday, to, 1, Weekday::Thu, |d| {
        ordinary(d, 1)
    });
    if let Some(thu) = short_rest {
        day_changes.push(DayChange::Extra {
            id: ShiftId("demo-ekstra-kveld".into()),
            date: thu,
            shift_type: "K".into(),
            assistant: Some(AssistantId::from("a4")),
        });
    }

    // A long day: Friday's morning of week 3 (a2) gives way to a trip 08:00–20:00.
    let friday = find_date(rotation, next_monday, to, 3, Weekday::Fri, |d| {
        ordinary(d, 1)
    });
    if let (Some(fri), Some(slot)) = (friday, slot_index(3, Weekday::Fri, "M")) {
        day_changes.push(DayChange::Cancelled { slot, date: fri });
        day_changes.push(DayChange::Extra {
            id: ShiftId("demo-ekstra-langdag".into()),
            date: fri,
            shift_type: "L".into(),
            assistant: Some(AssistantId::from("a2")),
        });
    }

    // A double booking: an accompaniment 14:00–17:00 on a Monday of week 2 for a1, who has
    // that evening's shift from 16:00.
    if let Some(mon) = find_date(rotation, next_monday, to, 2, Weekday::Mon, |d| {
        ordinary(d, 1)
    }) {
        day_changes.push(DayChange::Extra {
            id: ShiftId("demo-ekstra-folge".into()),
            date: mon,
            shift_type: "F".into(),
            assistant: Some(AssistantId::from("a1")),
        });
    }

    // A past sick day: a2's Tuesday morning of week 2, covered by the vikar.
    let past_from = week_monday(today) - Duration::weeks(4);
    let past_to = week_monday(today) - Duration::days(1);
    let tuesday = find_date(rotation, past_from, past_to, 2, Weekday::Tue, |d| {
        !is_red_day(d)
    });
    if let (Some(tue), Some(slot)) = (tuesday, slot_index(2, Weekday::Tue, "M")) {
        day_changes.push(DayChange::Reassigned {
            slot,
            date: tue,
            assistant: Some(AssistantId::from("v1")),
        });
        absences.push(Absence {
            id: AbsenceId("demo-fravaer-sykdom".into()),
            assistant: AssistantId::from("a2"),
            kind: AbsenceKind::Sykdom,
            sick_note: Some(crate::model::SickNote::Egenmelding),
            from: tue,
            to: tue,
            from_time: None,
            to_time: None,
            hours: None,
            note: "Egenmelding".into(),
        });
    }

    // A holiday week for a4 in pattern week 1, whose shifts are left open for a vikar.
    // Four weeks ahead at the earliest, and after the short rest, whose morning it would open.
    let holiday_from = short_rest.map_or(week_monday(today) + Duration::weeks(4), |thu| {
        (week_monday(thu) + Duration::weeks(1)).max(week_monday(today) + Duration::weeks(4))
    });
    let holiday = find_date(rotation, holiday_from, to, 1, Weekday::Mon, |d| {
        !is_red_day(d + Duration::days(1)) && !is_red_day(d + Duration::days(4))
    });
    if let Some(monday) = holiday {
        let sunday = monday + Duration::days(6);
        absences.push(Absence {
            id: AbsenceId("demo-fravaer-ferie".into()),
            assistant: AssistantId::from("a4"),
            kind: AbsenceKind::Ferie,
            sick_note: None,
            from: monday,
            to: sunday,
            from_time: None,
            to_time: None,
            hours: None,
            note: "Ferie".into(),
        });
        let open = [(Weekday::Tue, "M", 1), (Weekday::Fri, "M", 4)];
        for (weekday, code, offset) in open {
            let date = monday + Duration::days(offset);
            if let Some(slot) = slot_index(1, weekday, code) {
                day_changes.push(DayChange::Reassigned {
                    slot,
                    date,
                    assistant: None,
                });
            }
        }
    }

    Changes {
        day_changes,
        absences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::{frame_excesses, year_report};
    use crate::model::Role;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Days every 23 days over two years (so every weekday and season), plus days next to
    /// Christmas, Easter and 17 May, to catch date-dependent surprises.
    fn todays() -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = (0..32)
            .map(|n| d(2026, 1, 2) + Duration::days(23 * n))
            .collect();
        days.extend([
            d(2026, 3, 25),
            d(2026, 12, 23),
            d(2027, 3, 20),
            d(2027, 5, 16),
        ]);
        days
    }

    #[test]
    fn demo_plan_is_deterministic_for_a_given_today() {
        for today in todays() {
            assert_eq!(demo_plan(today), demo_plan(today), "{today}");
        }
        assert_ne!(demo_plan(d(2026, 11, 22)), demo_plan(d(2026, 11, 29)));
    }

    #[test]
    fn demo_plan_holds_four_fast_assistants_and_one_vikar() {
        let plan = demo_plan(d(2026, 11, 22));
        let fast = plan
            .assistants
            .iter()
            .filter(|a| a.role == Role::Fast)
            .count();
        let vikar = plan
            .assistants
            .iter()
            .filter(|a| a.role == Role::Vikar)
            .count();
        assert_eq!((fast, vikar), (4, 1));
        assert!(plan
            .assistants
            .iter()
            .any(|a| a.name.contains('ø') && a.name.contains('æ')));
        assert!(plan.assistants.iter().any(|a| a.name.contains('ł')));
        assert_eq!(plan.settings.name, "Demoplan");
        assert_eq!(
            plan.vedtak[0].weekly_hours(ServiceType::PersonligAssistanse),
            37.5
        );
        assert!(plan.vedtak[0].annual_frame);
    }

    #[test]
    fn demo_pattern_gives_35_hours_a_week() {
        let plan = demo_plan(d(2026, 11, 22));
        let minutes: i64 = plan.rotations[0]
            .slots
            .iter()
            .map(|s| {
                let kind = plan.shift_type(&s.shift_type).unwrap();
                let (start, end) = crate::rotation::times_of(kind, d(2026, 6, 1)).unwrap();
                (end - start) / 60
            })
            .sum();
        assert_eq!(
            minutes,
            3 * 35 * 60,
            "three weeks of 35 h, 2.5 h a week to spare"
        );
    }

    #[test]
    fn demo_shifts_are_worked_before_this_week_and_ids_are_unique() {
        for today in todays() {
            let plan = demo_plan(today);
            let monday = Instant::start_of_day(week_monday(today));
            for s in plan
                .shifts
                .iter()
                .filter(|s| s.status != ShiftStatus::Cancelled)
            {
                if s.end <= monday {
                    assert_eq!(s.status, ShiftStatus::Worked, "{} ({today})", s.id);
                } else {
                    assert_eq!(s.status, ShiftStatus::Planned, "{} ({today})", s.id);
                }
            }
            let ids: std::collections::HashSet<_> = plan.shifts.iter().map(|s| &s.id).collect();
            assert_eq!(ids.len(), plan.shifts.len());
            assert!(plan
                .shifts
                .iter()
                .any(|s| s.start.local_date() >= week_monday(today) + Duration::weeks(11)));
        }
    }

    #[test]
    fn demo_changes_all_apply_for_any_today() {
        for today in todays() {
            let plan = demo_plan(today);
            let rotation = &plan.rotations[0];
            assert_eq!(
                rotation.changes.len(),
                7,
                "four changes for three findings, one sick day, two open shifts ({today})"
            );
            let to = week_monday(today) + Duration::weeks(WEEKS_AHEAD);
            let e = expand(&plan, rotation, d(2000, 1, 1), to).unwrap();
            assert!(e.unapplied.is_empty(), "{today}: {:?}", e.unapplied);
            assert_eq!(plan.absences.len(), 2);
            let open = plan.shifts.iter().filter(|s| s.assistant.is_none()).count();
            assert!(open >= 2, "the holiday week leaves shifts open ({today})");
            assert!(plan
                .shifts
                .iter()
                .any(|s| s.assistant == Some(AssistantId::from("v1"))));
        }
    }

    #[test]
    fn demo_hours_stay_within_the_vedtak() {
        for today in todays() {
            let plan = demo_plan(today);
            assert!(
                frame_excesses(&plan).is_empty(),
                "{today}: {:?}",
                frame_excesses(&plan)
            );
            let report = year_report(&plan, today.year(), today);
            let pa = &report.services[0];
            assert!(pa.used_hours > 0.0 || today.ordinal() < 7, "{today}");
            assert!(pa.forecast_hours <= pa.budget_hours, "{today}");
        }
    }

    #[test]
    fn demo_law_check_shows_exactly_the_three_deliberate_findings() {
        use crate::rules::{check, Severity};
        for today in todays() {
            let report = check(&demo_plan(today), &Default::default());
            let mut shown: Vec<(String, Severity, String)> = report
                .findings
                .iter()
                .filter(|f| f.severity != Severity::Info)
                .map(|f| {
                    (
                        f.rule.id().to_string(),
                        f.severity,
                        f.assistants[0].to_string(),
                    )
                })
                .collect();
            shown.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(
                shown,
                [
                    ("NH-D".to_string(), Severity::Warning, "a2".to_string()),
                    (
                        "OVERLAP-SELF".to_string(),
                        Severity::Violation,
                        "a1".to_string()
                    ),
                    ("REST-D".to_string(), Severity::Violation, "a4".to_string()),
                ],
                "{today}: {:#?}",
                report.findings
            );
            let next_week = Instant::start_of_day(week_monday(today) + Duration::weeks(1));
            for f in report
                .findings
                .iter()
                .filter(|f| f.severity != Severity::Info)
            {
                assert!(f.start >= next_week, "{today}: {} lies ahead", f.rule.id());
            }
        }
    }

    #[test]
    fn demo_pattern_on_its_own_keeps_the_law() {
        use crate::rules::Severity;
        let plan = demo_plan(d(2026, 11, 22));
        let found = crate::rotation::check_pattern(&plan, &RotationId(ROTATION_ID.into())).unwrap();
        let serious: Vec<_> = found
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        assert!(serious.is_empty(), "{serious:#?}");
    }

    #[test]
    fn demo_plan_survives_plan_json() {
        let plan = demo_plan(d(2026, 11, 22));
        let text = crate::interchange::write_plan(&plan);
        let back = crate::interchange::read_plan(&text).unwrap();
        assert_eq!(
            back, plan,
            "the demo is valid plan JSON and reads back unchanged"
        );
    }
}
