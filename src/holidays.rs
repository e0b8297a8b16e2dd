//! Holiday balances under ferieloven (RULES.md §5), per assistant and holiday year.
//!
//! Definitions, all pure functions of the plan, the year and the agreed carry-over:
//!
//! - **Holiday year** = calendar year.
//! - **Entitlement** = the assistant's `holiday_entitlement` (25 virkedager by law, 30 with a
//!   tariff agreement or an agreed fifth week) + 6 virkedager from the holiday year in which the
//!   assistant turns 60 and every year after (`birth_year + 60 <= year`, ferieloven § 5 (2)).
//!   Without a birth year there is no extra week.
//! - **Virkedager** are all days except Sundays and red days (Saturdays count; 1 and 17 May do
//!   not), see [`crate::calendar::is_virkedag`].
//! - **Booked** = the virkedager of the assistant's `ferie` absences that lie inside the year;
//!   a booking crossing New Year counts its own days in each year. Days covered by two
//!   bookings count once. Sickness, leave and other absences use no holiday. A part-day ferie
//!   booking (one with `hours`) uses every virkedag it covers as a whole day: ferieloven counts
//!   holiday in whole virkedager and knows no part-day holiday, and RULES.md §5 says a booking
//!   uses the virkedager inside it whatever the rota says.
//! - **Carried** = the days agreed in writing to move from the previous holiday year
//!   (ferieloven § 7 (2)): at most 12. The plan has no place for such an agreement; the caller
//!   passes it, and an agreement above 12 is refused ([`CarryError`]).
//! - **Moved** = the days agreed to move on to the next holiday year (that year's carried days):
//!   they leave this year's balance, as RULES.md §5 counts it ("balance = entitlement − booked −
//!   days moved to next year"), so no day is counted in both years.
//! - **Remaining** = entitlement + carried − booked − moved; negative when more is booked than
//!   the balance, which is a warning ([`Balance::over_booked`]), never accepted silently.
//! - **Main holiday met** (§ 7 (1)): the assistant's `ferie` days, part-day bookings left out
//!   (a day with work is not a day of rest), hold a stretch of 18 virkedager inside
//!   1 June – 30 September of the year with no unbooked virkedag between them. A Sunday or red
//!   day inside the stretch does not break it (it is no virkedag and counts nothing), and two
//!   bookings that meet count as one stretch: the assistant is away without a break.
//!
//! Cost: linear in the number of absences and in the days they cover.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::calendar::is_virkedag;
use crate::model::{Absence, AbsenceKind, Assistant, AssistantId, Plan};

/// Extra virkedager from the year the assistant turns 60 (ferieloven § 5 (2)).
pub const SENIOR_EXTRA_DAYS: u32 = 6;
/// The age at which the extra week starts.
pub const SENIOR_AGE: i32 = 60;
/// The most virkedager that may be moved to the next holiday year (ferieloven § 7 (2)).
pub const MAX_CARRIED_DAYS: u32 = 12;
/// The virkedager in one stretch the main holiday needs (ferieloven § 7 (1)).
pub const MAIN_HOLIDAY_DAYS: u32 = 18;

/// One assistant's holiday account for one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub assistant: AssistantId,
    pub entitlement_days: u32,
    pub booked_days: u32,
    pub carried_days: u32,
    /// Days agreed moved on to the next holiday year (the next year's `carried_days`). Left
    /// out of the JSON when 0, so the key set is exactly what a plan without such an
    /// agreement gives.
    #[serde(skip_serializing_if = "is_zero")]
    pub moved_days: u32,
    pub remaining_days: i64,
    pub main_holiday_met: bool,
}

fn is_zero(days: &u32) -> bool {
    *days == 0
}

impl Balance {
    /// True when more is booked than the entitlement and the carried days allow.
    pub fn over_booked(&self) -> bool {
        self.remaining_days < 0
    }
}

/// Every assistant's holiday account for one year, in plan order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HolidayReport {
    pub year: i32,
    pub assistants: Vec<Balance>,
}

/// An agreed carry-over that the law does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarryError {
    pub assistant: AssistantId,
    pub days: u32,
}

impl std::fmt::Display for CarryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} days carried over for {} is more than the {MAX_CARRIED_DAYS} ferieloven § 7 (2) allows",
            self.days, self.assistant
        )
    }
}

impl std::error::Error for CarryError {}

/// The entitlement of `assistant` in holiday `year`: their agreed 25 or 30 days, + 6 from the
/// year they turn 60.
pub fn entitlement(assistant: &Assistant, year: i32) -> u32 {
    let senior = assistant
        .birth_year
        .is_some_and(|born| born.saturating_add(SENIOR_AGE) <= year);
    assistant.holiday_entitlement + if senior { SENIOR_EXTRA_DAYS } else { 0 }
}

/// The first and last day of `year`.
fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The days of `absence` clipped to `[from, to]`, empty when they do not meet.
fn clipped(absence: &Absence, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let start = absence.from.max(from);
    let end = absence.to.min(to);
    start.iter_days().take_while(move |d| *d <= end)
}

/// The virkedager of `absence` inside holiday `year`.
pub fn booked_virkedager(absence: &Absence, year: i32) -> u32 {
    let Some((first, last)) = year_bounds(year) else {
        return 0;
    };
    clipped(absence, first, last)
        .filter(|d| is_virkedag(*d))
        .count() as u32
}

/// The virkedager of `year` covered by the `ferie` bookings in `bookings` (each day once).
pub fn booked_days(bookings: &[&Absence], year: i32) -> u32 {
    let Some((first, last)) = year_bounds(year) else {
        return 0;
    };
    let mut days = vec![false; last.ordinal() as usize];
    for absence in bookings.iter().filter(|a| a.kind == AbsenceKind::Ferie) {
        for d in clipped(absence, first, last) {
            days[d.ordinal0() as usize] = true;
        }
    }
    days.iter()
        .enumerate()
        .filter(|(i, booked)| **booked && is_virkedag(first + chrono::Days::new(*i as u64)))
        .count() as u32
}

/// The longest stretch of booked virkedager in 1 June – 30 September of `year`, counting only
/// whole-day `ferie` bookings; non-virkedager neither count nor break a stretch.
pub fn longest_summer_stretch(bookings: &[&Absence], year: i32) -> u32 {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 6, 1),
        NaiveDate::from_ymd_opt(year, 9, 30),
    ) else {
        return 0;
    };
    let len = (last - first).num_days() as usize + 1;
    let mut days = vec![false; len];
    for absence in bookings
        .iter()
        .filter(|a| a.kind == AbsenceKind::Ferie && a.hours.is_none())
    {
        for d in clipped(absence, first, last) {
            days[(d - first).num_days() as usize] = true;
        }
    }
    let (mut best, mut run) = (0, 0);
    for (d, booked) in first.iter_days().zip(days) {
        if !is_virkedag(d) {
            continue;
        }
        run = if booked { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// One assistant's balance for `year`, from their absences (any kinds; only `ferie` counts),
/// the days carried over from the year before and the days moved on to the next.
pub fn balance(
    assistant: &Assistant,
    absences: &[&Absence],
    year: i32,
    carried: u32,
    moved: u32,
) -> Result<Balance, CarryError> {
    for days in [carried, moved] {
        if days > MAX_CARRIED_DAYS {
            return Err(CarryError {
                assistant: assistant.id.clone(),
                days,
            });
        }
    }
    let entitlement_days = entitlement(assistant, year);
    let booked_days = booked_days(absences, year);
    Ok(Balance {
        assistant: assistant.id.clone(),
        entitlement_days,
        booked_days,
        carried_days: carried,
        moved_days: moved,
        remaining_days: i64::from(entitlement_days) + i64::from(carried)
            - i64::from(booked_days)
            - i64::from(moved),
        main_holiday_met: longest_summer_stretch(absences, year) >= MAIN_HOLIDAY_DAYS,
    })
}

/// One assistant's balance for `year` with the carry-over the plan records: the days carried
/// into `year` and those moved on to the next (each the plan's figure, at most 12).
pub fn recorded_balance(
    plan: &Plan,
    assistant: &Assistant,
    absences: &[&Absence],
    year: i32,
) -> Balance {
    let carried = plan.carried_days(&assistant.id, year).min(MAX_CARRIED_DAYS);
    let moved = plan
        .carried_days(&assistant.id, year + 1)
        .min(MAX_CARRIED_DAYS);
    balance(assistant, absences, year, carried, moved).expect("both are at most 12 days")
}

/// Every assistant's balance for `year`, in plan order. `carried` holds the days agreed moved
/// into `year` from the year before, by assistant; an assistant not in it carried none. The
/// days moved on to the next year are the plan's record for that year.
pub fn report(
    plan: &Plan,
    year: i32,
    carried: &HashMap<AssistantId, u32>,
) -> Result<HolidayReport, CarryError> {
    let mut by_assistant: HashMap<&AssistantId, Vec<&Absence>> = HashMap::new();
    for absence in &plan.absences {
        by_assistant
            .entry(&absence.assistant)
            .or_default()
            .push(absence);
    }
    let assistants = plan
        .assistants
        .iter()
        .map(|a| {
            let absences = by_assistant.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
            let moved = plan.carried_days(&a.id, year + 1);
            balance(
                a,
                absences,
                year,
                carried.get(&a.id).copied().unwrap_or(0),
                moved,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HolidayReport { year, assistants })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AbsenceId;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ferie(from: NaiveDate, to: NaiveDate) -> Absence {
        Absence {
            id: AbsenceId("f".into()),
            assistant: AssistantId("A".into()),
            kind: AbsenceKind::Ferie,
            sick_note: None,
            from,
            to,
            from_time: None,
            to_time: None,
            hours: None,
            note: String::new(),
        }
    }

    fn born(year: Option<i32>, days: u32) -> Assistant {
        let mut a = Assistant::new("A", "Anne");
        a.birth_year = year;
        a.holiday_entitlement = days;
        a
    }

    #[test]
    fn easter_week_2026_uses_the_virkedager_between_the_red_days() {
        // Mon 30 Mar – Mon 6 Apr 2026: Maundy Thursday, Good Friday, Easter Sunday and Easter
        // Monday are red; Saturday 4 Apr (påskeaften) is a virkedag. 8 days − 4 = 4.
        assert_eq!(
            booked_virkedager(&ferie(d(2026, 3, 30), d(2026, 4, 6)), 2026),
            4
        );
    }

    #[test]
    fn christmas_across_new_year_counts_in_each_year() {
        // Wed 23 Dec 2026 – Sat 2 Jan 2027. 2026: 23, 24, 28, 29, 30, 31 Dec (25, 26 red, 27
        // Sunday) = 6. 2027: 1 Jan red, Sat 2 Jan = 1.
        let booking = ferie(d(2026, 12, 23), d(2027, 1, 2));
        assert_eq!(booked_virkedager(&booking, 2026), 6);
        assert_eq!(booked_virkedager(&booking, 2027), 1);
        assert_eq!(booked_virkedager(&booking, 2025), 0);
    }

    #[test]
    fn the_extra_week_starts_in_the_year_the_assistant_turns_60() {
        assert_eq!(entitlement(&born(Some(1966), 25), 2026), 31);
        assert_eq!(entitlement(&born(Some(1966), 25), 2027), 31);
        assert_eq!(entitlement(&born(Some(1967), 25), 2026), 25, "59 this year");
        assert_eq!(entitlement(&born(Some(1966), 30), 2026), 36);
        assert_eq!(entitlement(&born(None, 25), 2026), 25);
    }

    #[test]
    fn carried_days_add_to_the_balance_up_to_twelve() {
        let a = born(None, 25);
        let b = balance(&a, &[], 2026, 12, 0).unwrap();
        assert_eq!((b.carried_days, b.remaining_days), (12, 37));
        let e = balance(&a, &[], 2026, 13, 0).unwrap_err();
        assert_eq!(e.days, 13);
        assert!(e.to_string().contains("12"), "{e}");
    }

    #[test]
    fn booking_more_than_the_balance_goes_negative_and_warns() {
        let a = born(None, 25);
        // Mon 2 Nov – Sat 5 Dec 2026: five weeks of six virkedager = 30.
        let f = ferie(d(2026, 11, 2), d(2026, 12, 5));
        let b = balance(&a, &[&f], 2026, 0, 0).unwrap();
        assert_eq!((b.booked_days, b.remaining_days), (30, -5));
        assert!(b.over_booked());
    }

    #[test]
    fn overlapping_bookings_count_each_day_once_and_sickness_counts_nothing() {
        let a = ferie(d(2026, 3, 2), d(2026, 3, 7));
        let b = ferie(d(2026, 3, 5), d(2026, 3, 10));
        let mut sick = ferie(d(2026, 3, 11), d(2026, 3, 14));
        sick.kind = AbsenceKind::Sykdom;
        assert_eq!(booked_days(&[&a, &b, &sick], 2026), 8);
    }

    #[test]
    fn main_holiday_needs_eighteen_virkedager_in_one_stretch_in_the_summer() {
        // Mon 13 Jul – Sat 1 Aug 2026: three weeks of Monday–Saturday = 18, Sundays inside.
        let three_weeks = ferie(d(2026, 7, 13), d(2026, 8, 1));
        assert_eq!(longest_summer_stretch(&[&three_weeks], 2026), 18);
        // Ending Friday 31 Jul: 17 is not enough.
        let short = ferie(d(2026, 7, 13), d(2026, 7, 31));
        assert_eq!(longest_summer_stretch(&[&short], 2026), 17);
        let a = born(None, 25);
        assert!(
            balance(&a, &[&three_weeks], 2026, 0, 0)
                .unwrap()
                .main_holiday_met
        );
        assert!(!balance(&a, &[&short], 2026, 0, 0).unwrap().main_holiday_met);
    }

    #[test]
    fn two_bookings_split_only_by_a_sunday_are_one_stretch() {
        let first = ferie(d(2026, 7, 13), d(2026, 7, 18));
        let rest = ferie(d(2026, 7, 20), d(2026, 8, 1));
        assert_eq!(longest_summer_stretch(&[&first, &rest], 2026), 18);
        // A worked Monday between them breaks the stretch.
        let later = ferie(d(2026, 7, 21), d(2026, 8, 1));
        assert_eq!(longest_summer_stretch(&[&first, &later], 2026), 11);
    }

    #[test]
    fn only_the_days_inside_june_to_september_count_for_the_main_holiday() {
        // Mon 14 Sep – Sat 3 Oct 2026: 18 virkedager, but only 15 in September.
        let late = ferie(d(2026, 9, 14), d(2026, 10, 3));
        assert_eq!(longest_summer_stretch(&[&late], 2026), 15);
        let mut part_day = ferie(d(2026, 7, 13), d(2026, 8, 1));
        part_day.hours = Some(4.0);
        assert_eq!(longest_summer_stretch(&[&part_day], 2026), 0);
        assert_eq!(booked_days(&[&part_day], 2026), 18);
    }
}
