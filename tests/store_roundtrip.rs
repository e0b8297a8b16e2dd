//! Plan JSON ↔ plan file round trips: any valid plan written as JSON, imported into a plan
//! file and exported again gives the same JSON, and import refuses what it cannot store.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use proptest::prelude::*;
use turnus::interchange;
use turnus::model::{
    Absence, AbsenceId, AbsenceKind, Assistant, AssistantId, BusyTime, DayChange, MonthDay,
    NightHelp, Plan, Preset, Profile, Role, Rotation, RotationId, ServiceType, Settings, Shift,
    ShiftId, ShiftStatus, ShiftType, SickNote, Slot, Vedtak,
};
use turnus::store::transfer::{export, import};
use turnus::store::{OpenOptions, StoreError};
use turnus::time::Instant;

fn now() -> Instant {
    Instant::parse("2026-06-01T09:00").expect("a valid time")
}

fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("turnus-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-ZæøåÆØÅ0-9 .,'-]{0,12}"
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..3650).prop_map(|d| NaiveDate::from_ymd_opt(2022, 1, 3).unwrap() + Duration::days(d))
}

fn monday() -> impl Strategy<Value = NaiveDate> {
    (0i64..300).prop_map(|w| NaiveDate::from_ymd_opt(2022, 1, 3).unwrap() + Duration::weeks(w))
}

/// Whole minutes from 2022 to 2031 (RFC 3339 with the offset keeps autumn-fold times exact).
fn instant() -> impl Strategy<Value = Instant> {
    let base = Instant::parse("2022-01-03T00:00").unwrap();
    (0i64..5_000_000).prop_map(move |m| base.plus(m * 60))
}

fn clock() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

fn service() -> impl Strategy<Value = ServiceType> {
    prop::sample::select(ServiceType::ALL.to_vec())
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        prop::sample::select(Preset::ALL.to_vec()),
        prop::option::of(30u32..=40),
    )
        .prop_map(|(preset, avg)| {
            let mut raw = BTreeMap::new();
            if let Some(h) = avg {
                raw.insert("weekly_normal_avg_h".to_string(), serde_json::json!(h));
            }
            Profile::from_raw(preset.key(), &raw).expect("a valid profile")
        })
}

fn assistant(i: usize) -> impl Strategy<Value = Assistant> {
    (
        (
            text(),
            text(),
            text(),
            any::<bool>(),
            prop::option::of(0i64..=10_080),
        ),
        (
            text(),
            prop::option::of(profile()),
            prop::option::of(1940i32..2008),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
    )
        .prop_map(
            move |(
                (name, phone, email, vikar, contract),
                (colour, profile, born),
                (thirty, family, approval, start),
            )| {
                Assistant {
                    id: AssistantId(format!("A{i}")),
                    name,
                    phone,
                    email,
                    role: if vikar { Role::Vikar } else { Role::Fast },
                    contract_minutes_per_week: contract,
                    colour,
                    profile,
                    birth_year: born,
                    holiday_entitlement: if thirty { 30 } else { 25 },
                    close_family: family,
                    family_approval: approval,
                    start_date: start,
                }
            },
        )
}

fn shift_type(i: usize) -> impl Strategy<Value = ShiftType> {
    (
        text(),
        clock(),
        clock(),
        0u32..90,
        0u32..600,
        service(),
        any::<bool>(),
    )
        .prop_map(
            move |(name, start, end, brk, passive, service, long)| ShiftType {
                code: format!("T{i}"),
                name,
                start,
                end,
                break_minutes: brk,
                passive_minutes: passive,
                service,
                colour: "#336699".into(),
                long_shift: long,
            },
        )
}

fn vedtak() -> impl Strategy<Value = Vedtak> {
    (
        date(),
        prop::option::of(0i64..800),
        any::<bool>(),
        prop::collection::btree_map(
            service(),
            (0u32..=1680).prop_map(|h| f64::from(h) / 10.0),
            0..3,
        ),
        any::<bool>(),
        any::<bool>(),
        (0u32..=20).prop_map(|f| f64::from(f) / 20.0),
    )
        .prop_map(
            |(from, days, annual, hours, double, night, factor)| Vedtak {
                from,
                to: days.map(|d| from + Duration::days(d)),
                annual_frame: annual,
                hours_per_week: hours,
                double_staffing: double,
                night: if night {
                    NightHelp::Included
                } else {
                    NightHelp::Excluded
                },
                passive_factor: factor,
            },
        )
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> BoxedStrategy<Option<T>> {
    if items.is_empty() {
        Just(None).boxed()
    } else {
        prop::option::of(prop::sample::select(items)).boxed()
    }
}

fn shift(i: usize, people: Vec<AssistantId>, types: Vec<String>) -> impl Strategy<Value = Shift> {
    (
        (instant(), 1i64..=1440, pick(people), pick(types)),
        (0u32..=60, any::<bool>(), service(), 0usize..3, text()),
        (prop::option::of(instant()), prop::option::of(instant())),
    )
        .prop_map(
            move |(
                (start, minutes, assistant, shift_type),
                (brk, long, service, status, note),
                (created, updated),
            )| Shift {
                id: ShiftId(format!("s{i}")),
                assistant,
                start,
                end: start.plus(minutes * 60),
                break_minutes: brk.min(minutes as u32),
                passive_minutes: 0,
                long_shift: long,
                service,
                status: [
                    ShiftStatus::Planned,
                    ShiftStatus::Worked,
                    ShiftStatus::Cancelled,
                ][status],
                note,
                shift_type,
                created_at: created,
                updated_at: updated,
            },
        )
}

fn rotation(i: usize, people: Vec<AssistantId>, types: Vec<String>) -> BoxedStrategy<Rotation> {
    if types.is_empty() {
        return (text(), monday())
            .prop_map(move |(name, start)| Rotation {
                id: RotationId(format!("r{i}")),
                name,
                weeks: 1,
                start,
                until: None,
                slots: Vec::new(),
                changes: Vec::new(),
            })
            .boxed();
    }
    let weekdays = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let slot = (
        1u32..=12,
        prop::sample::select(weekdays),
        prop::sample::select(types.clone()),
        pick(people.clone()),
        any::<bool>(),
    );
    (
        text(),
        1u32..=12,
        monday(),
        prop::option::of(0i64..400),
        prop::collection::vec(slot, 1..5),
        prop::collection::vec(
            (
                0usize..5,
                0usize..8,
                date(),
                instant(),
                1i64..600,
                pick(people),
                prop::sample::select(types),
            ),
            0..4,
        ),
    )
        .prop_map(move |(name, weeks, start, until, slots, changes)| {
            let slots: Vec<Slot> = slots
                .into_iter()
                .map(|(week, weekday, shift_type, assistant, skip)| Slot {
                    week: 1 + (week - 1) % weeks,
                    weekday,
                    shift_type,
                    assistant,
                    skip_red_days: skip,
                })
                .collect();
            let changes = changes
                .into_iter()
                .enumerate()
                .map(|(n, (kind, slot, date, at, minutes, assistant, code))| {
                    let slot = slot % slots.len();
                    match kind {
                        0 => DayChange::Moved {
                            slot,
                            date,
                            start: at,
                            end: at.plus(minutes * 60),
                        },
                        1 => DayChange::Cancelled { slot, date },
                        2 => DayChange::Reassigned {
                            slot,
                            date,
                            assistant,
                        },
                        3 => DayChange::Adjusted {
                            slot,
                            date,
                            break_minutes: u32::try_from(minutes / 2).unwrap_or(0),
                            passive_minutes: u32::try_from(minutes).unwrap_or(0),
                        },
                        _ => DayChange::Extra {
                            id: ShiftId(format!("x{i}-{n}")),
                            date,
                            shift_type: code,
                            assistant,
                        },
                    }
                })
                .collect();
            Rotation {
                id: RotationId(format!("r{i}")),
                name,
                weeks,
                start,
                until: until.map(|d| start + Duration::days(d)),
                slots,
                changes,
            }
        })
        .boxed()
}

fn absence(i: usize, people: Vec<AssistantId>) -> impl Strategy<Value = Absence> {
    (
        prop::sample::select(people),
        0usize..4,
        date(),
        0i64..30,
        prop::option::of((0u32..=80).prop_map(|h| f64::from(h) / 4.0)),
        text(),
        (0usize..3, prop::option::of((0u32..22 * 4, 1u32..8))),
    )
        .prop_map(
            move |(assistant, kind, from, days, hours, note, (sick, part))| {
                let kind = [
                    AbsenceKind::Ferie,
                    AbsenceKind::Sykdom,
                    AbsenceKind::Permisjon,
                    AbsenceKind::Annet,
                ][kind];
                // Sick notes only on sickness; a part-day absence on one day, its end after
                // its start.
                let sick_note = (kind == AbsenceKind::Sykdom)
                    .then_some(
                        [
                            None,
                            Some(SickNote::Egenmelding),
                            Some(SickNote::Sykmelding),
                        ][sick],
                    )
                    .flatten();
                let times = part.map(|(start, len)| {
                    let start_min = start * 15;
                    let end_min = (start_min + len * 15).min(23 * 60 + 59);
                    (
                        NaiveTime::from_hms_opt(start_min / 60, start_min % 60, 0).unwrap(),
                        NaiveTime::from_hms_opt(end_min / 60, end_min % 60, 0).unwrap(),
                    )
                });
                Absence {
                    id: AbsenceId(format!("f{i}")),
                    assistant,
                    kind,
                    sick_note,
                    from,
                    to: if times.is_some() {
                        from
                    } else {
                        from + Duration::days(days)
                    },
                    from_time: times.map(|t| t.0),
                    to_time: times.map(|t| t.1),
                    hours: if times.is_some() { None } else { hours },
                    note,
                }
            },
        )
}

fn busy(i: usize, people: Vec<AssistantId>) -> impl Strategy<Value = BusyTime> {
    (
        prop::sample::select(people),
        instant(),
        1i64..=720,
        text(),
        text(),
    )
        .prop_map(
            move |(assistant, start, minutes, source, summary)| BusyTime {
                id: format!("b{i}@kalender"),
                assistant,
                start,
                end: start.plus(minutes * 60),
                source,
                summary,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (0usize..4, 0usize..4, 0usize..12, 0usize..3, 0usize..4)
        .prop_flat_map(|(n_people, n_types, n_shifts, n_rotations, n_absences)| {
            let ids: Vec<AssistantId> = (0..n_people)
                .map(|i| AssistantId(format!("A{i}")))
                .collect();
            let codes: Vec<String> = (0..n_types).map(|i| format!("T{i}")).collect();
            let people: Vec<_> = (0..n_people).map(|i| assistant(i).boxed()).collect();
            let types: Vec<_> = (0..n_types).map(|i| shift_type(i).boxed()).collect();
            let shifts: Vec<_> = (0..n_shifts)
                .map(|i| shift(i, ids.clone(), codes.clone()).boxed())
                .collect();
            let rotations: Vec<_> = (0..n_rotations)
                .map(|i| rotation(i, ids.clone(), codes.clone()))
                .collect();
            let (absences, busy): (Vec<_>, Vec<_>) = if ids.is_empty() {
                (Vec::new(), Vec::new())
            } else {
                (
                    (0..n_absences)
                        .map(|i| absence(i, ids.clone()).boxed())
                        .collect(),
                    (0..n_absences)
                        .map(|i| busy(i, ids.clone()).boxed())
                        .collect(),
                )
            };
            let links = if ids.is_empty() || n_shifts == 0 {
                Just(Vec::new()).boxed()
            } else {
                prop::collection::vec((0..n_shifts, prop::sample::select(ids.clone())), 0..3)
                    .boxed()
            };
            let carry = if ids.is_empty() {
                Just(Vec::new()).boxed()
            } else {
                prop::collection::vec(
                    (prop::sample::select(ids.clone()), 2020i32..2030, 1u32..=12),
                    0..3,
                )
                .boxed()
            };
            (
                (
                    text(),
                    text(),
                    text(),
                    text(),
                    any::<bool>(),
                    prop::option::of((1u32..=12, 1u32..=28)),
                ),
                (links, carry),
                profile(),
                prop::collection::vec(vedtak(), 0..3),
                people,
                types,
                shifts,
                rotations,
                absences,
                busy,
            )
        })
        .prop_map(
            |(
                s,
                (links, carry),
                profile,
                vedtak,
                assistants,
                shift_types,
                shifts,
                rotations,
                absences,
                busy,
            )| {
                let mut holiday_carry: BTreeMap<AssistantId, BTreeMap<i32, u32>> = BTreeMap::new();
                for (who, year, days) in carry {
                    holiday_carry.entry(who).or_default().insert(year, days);
                }
                Plan {
                    settings: Settings {
                        name: s.0,
                        arbeidsleder: s.1,
                        leverandor: s.2,
                        current_user: s.3,
                        carry_over: s.4,
                        main_holiday_deadline: s.5.map(|(month, day)| MonthDay { month, day }),
                    },
                    covers: links
                        .into_iter()
                        .map(|(i, who)| (ShiftId(format!("s{i}")), who))
                        .collect(),
                    holiday_carry,
                    profile,
                    vedtak,
                    assistants,
                    shift_types,
                    shifts,
                    rotations,
                    absences,
                    busy,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_survives_json_to_file_to_json_unchanged(plan in plan()) {
        let json = interchange::write_plan(&plan);
        let path = folder().join(format!("{}.turnus", turnus::store::new_id()));
        let file = import(&json, &path, &OpenOptions::new("test", now()))
            .map_err(|e| TestCaseError::fail(format!("import failed: {e}\n{json}")))?;
        drop(file);
        let again = export(&path, now()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let _ = std::fs::remove_file(&path);
        prop_assert_eq!(&again, &json, "the plan file must keep every field of every entity");
        let read = interchange::read_plan(&again).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read, interchange::read_plan(&json).unwrap());
    }
}

#[test]
fn import_refuses_invalid_json_and_an_existing_file() {
    let dir = folder();
    let path = dir.join("refused.turnus");
    let _ = std::fs::remove_file(&path);
    let err = import(
        "{\"format\": \"turnus-plan\"}",
        &path,
        &OpenOptions::new("test", now()),
    )
    .err()
    .expect("a plan without version is refused");
    assert!(matches!(err, StoreError::Input(_)), "{err}");
    assert!(!path.exists(), "nothing is created from bad input");
    std::fs::write(&path, "keep me").unwrap();
    let ok = r#"{"format": "turnus-plan", "version": 1, "assistants": [], "shifts": []}"#;
    assert!(matches!(
        import(ok, &path, &OpenOptions::new("test", now())),
        Err(StoreError::Exists(_))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), b"keep me");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn an_imported_plan_cannot_be_undone_into_nothing() {
    let dir = folder();
    let path = dir.join("import-undo.turnus");
    let _ = std::fs::remove_file(&path);
    let json = r#"{"format": "turnus-plan", "version": 1,
        "assistants": [{"id": "A", "name": "Kari"}],
        "shifts": [{"id": "s1", "assistant": "A", "start": "2026-06-08T08:00", "end": "2026-06-08T16:00"}]}"#;
    let mut file = import(json, &path, &OpenOptions::new("test", now())).unwrap();
    assert!(matches!(file.undo(now()), Err(StoreError::NothingToUndo)));
    assert_eq!(file.load_plan().unwrap().shifts.len(), 1);
    drop(file);
    let _ = std::fs::remove_file(&path);
}
