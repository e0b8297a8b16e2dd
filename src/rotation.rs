//! Expanding N-week turnus patterns onto the calendar, with the changes real days made.
//!
//! A [`Rotation`] (see `crate::model`) is N weeks (1–12) of slots anchored at a Monday. For a
//! real date d on or after the start (and not after `until`), the pattern week is
//! `(whole weeks from start to d) mod N + 1`, so the pattern cycles by weeks since the start,
//! never by week number: ISO week 53 is an ordinary week of the cycle.
//!
//! Choices made here:
//!
//! - **Times** come from the shift type, on the slot's local date; a type whose end is not after
//!   its start ends on the next day. Every duration is exact on instants, so a 22:00–08:00 night
//!   lasts 9 h on 28 March 2026 and 11 h on 24 October 2026.
//! - **Daylight saving**: a shift type time that does not exist on a date (the spring gap,
//!   02:00–02:59 on the last Sunday of March) moves to the end of the gap (03:00), as a clock
//!   does; a time that occurs twice (the autumn fold) takes its first occurrence. When that
//!   leaves a shift with no time at all (a type 02:00–02:30 on the spring night), expanding
//!   fails with [`RotationError::NoTimeOnDate`], naming the type and the date.
//! - **Ids** are `{rotation id}:{slot index}:{yyyy-mm-dd}` (the slot index is 0-based in
//!   `slots`), so expanding again gives the same ids. Extra shifts keep the id of their change.
//! - **Changes** ([`DayChange`]) are applied on top of the pattern, in the order listed, and are
//!   never written into it: `Moved` gives the slot's shift new times (same id), `Cancelled`
//!   keeps the shift with status cancelled (so the grid can show it and nothing counts it),
//!   `Reassigned` changes who covers it, `Extra` adds a shift of a type on a date. A change
//!   that cannot be applied is returned in [`Expansion::unapplied`] with the reason (its slot is
//!   gone, the slot has no shift that day, an extra's shift type is unknown, moved times end
//!   before they start), never silently dropped. Changes dated outside `[from, to]` are neither
//!   applied nor reported.
//! - Slots marked `skip_red_days` produce nothing on red days (`calendar::is_red_day`).
//! - A shift belongs to the date it starts on: expanding `[from, to]` gives the shifts that
//!   start on those dates, so a night starting on `to` runs into the day after.
//!
//! - [`check_pattern`] checks a pattern on its own (RULES.md "Checking a rotation pattern"):
//!   the pattern only, over whole cycles, findings placed back in the pattern.
//!
//! Left out on purpose: storing anything (the caller owns the plan), absences and vikar
//! suggestions, and the rules themselves (`crate::rules`).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::calendar::is_red_day;
use crate::model::{
    AssistantId, DayChange, Plan, Rotation, RotationId, Shift, ShiftId, ShiftStatus, ShiftType,
};
use crate::rules::{check, CheckOptions, Finding, Rule, Severity};
use crate::time::Instant;

/// The longest pattern, in weeks.
pub const MAX_WEEKS: u32 = 12;

/// Why a rotation cannot be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RotationError {
    #[error("no rotation with id «{0}» in the plan")]
    UnknownRotation(String),
    #[error("rotation «{rotation}» has {weeks} weeks; a rotation has 1 to 12 weeks")]
    WeeksOutOfRange { rotation: String, weeks: u32 },
    #[error("rotation «{rotation}» starts on {start}, a {weekday}; a rotation starts on a Monday")]
    StartNotMonday {
        rotation: String,
        start: NaiveDate,
        weekday: String,
    },
    #[error("rotation «{rotation}» ends on {until}, before it starts on {start}")]
    UntilBeforeStart {
        rotation: String,
        start: NaiveDate,
        until: NaiveDate,
    },
    #[error("slot {slot} of rotation «{rotation}» is in week {week}, but the rotation has {weeks} weeks")]
    SlotWeekOutOfRange {
        rotation: String,
        slot: usize,
        week: u32,
        weeks: u32,
    },
    #[error("slot {slot} of rotation «{rotation}» uses shift type «{code}», which the plan does not have")]
    UnknownShiftType {
        rotation: String,
        slot: usize,
        code: String,
    },
    #[error("slot {slot} of rotation «{rotation}» names assistant «{assistant}», who is not in the plan")]
    UnknownAssistant {
        rotation: String,
        slot: usize,
        assistant: String,
    },
    #[error("shift type «{code}» has no time on {date}: its hours fall in the spring gap when the clocks jump from 02:00 to 03:00")]
    NoTimeOnDate { code: String, date: NaiveDate },
}

/// Why a day change was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unapplied {
    /// The change names a slot index the rotation no longer has.
    NoSuchSlot,
    /// The slot exists but gives no shift on the change's date (another weekday or pattern
    /// week, a skipped red day, outside the rotation's period).
    NoShiftThatDay,
    /// An extra shift names a shift type the plan does not have.
    UnknownShiftType(String),
    /// Moved times whose end is not after their start.
    EndNotAfterStart,
    /// The shift type has no time on the date (spring gap).
    NoTimeOnDate,
    /// An adjusted break and passive time longer than the shift itself.
    LongerThanShift,
}

/// A day change that could not be applied, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct UnappliedChange {
    pub rotation: RotationId,
    /// The change's index in the rotation's `changes`.
    pub index: usize,
    pub change: DayChange,
    pub reason: Unapplied,
}

/// The shifts a rotation gives for a date range, and the changes that could not be applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expansion {
    /// Ordered by start, then id.
    pub shifts: Vec<Shift>,
    pub unapplied: Vec<UnappliedChange>,
}

/// Check that `rotation` can be expanded in `plan`: 1–12 weeks, starts on a Monday, `until`
/// not before the start, every slot in a week of the pattern, with a known shift type and a
/// known assistant.
pub fn validate(plan: &Plan, rotation: &Rotation) -> Result<(), RotationError> {
    let name = || rotation.id.to_string();
    if !(1..=MAX_WEEKS).contains(&rotation.weeks) {
        return Err(RotationError::WeeksOutOfRange {
            rotation: name(),
            weeks: rotation.weeks,
        });
    }
    if rotation.start.weekday() != Weekday::Mon {
        return Err(RotationError::StartNotMonday {
            rotation: name(),
            start: rotation.start,
            weekday: rotation.start.format("%A").to_string().to_lowercase(),
        });
    }
    if let Some(until) = rotation.until {
        if until < rotation.start {
            return Err(RotationError::UntilBeforeStart {
                rotation: name(),
                start: rotation.start,
                until,
            });
        }
    }
    for (index, slot) in rotation.slots.iter().enumerate() {
        if !(1..=rotation.weeks).contains(&slot.week) {
            return Err(RotationError::SlotWeekOutOfRange {
                rotation: name(),
                slot: index,
                week: slot.week,
                weeks: rotation.weeks,
            });
        }
        if plan.shift_type(&slot.shift_type).is_none() {
            return Err(RotationError::UnknownShiftType {
                rotation: name(),
                slot: index,
                code: slot.shift_type.clone(),
            });
        }
        if let Some(who) = &slot.assistant {
            if plan.assistant(who).is_none() {
                return Err(RotationError::UnknownAssistant {
                    rotation: name(),
                    slot: index,
                    assistant: who.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// The pattern week (1..=N) that `date` falls in, or `None` before the rotation's start.
///
/// ```
/// # use chrono::NaiveDate;
/// # use turnus::model::{Rotation, RotationId};
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let rotation = Rotation {
///     id: RotationId("r".into()), name: String::new(), weeks: 3,
///     start: d(2026, 1, 5), until: None, slots: vec![], changes: vec![],
/// };
/// assert_eq!(turnus::rotation::pattern_week(&rotation, d(2026, 1, 11)), Some(1));
/// assert_eq!(turnus::rotation::pattern_week(&rotation, d(2026, 1, 26)), Some(1));
/// ```
pub fn pattern_week(rotation: &Rotation, date: NaiveDate) -> Option<u32> {
    if date < rotation.start || rotation.weeks == 0 {
        return None;
    }
    let weeks = (date - rotation.start).num_days().div_euclid(7);
    let index = weeks.rem_euclid(i64::from(rotation.weeks));
    u32::try_from(index + 1).ok()
}

/// The id of the shift slot `slot` of `rotation` gives on `date`.
pub fn shift_id(rotation: &RotationId, slot: usize, date: NaiveDate) -> ShiftId {
    ShiftId(format!("{}:{}:{}", rotation, slot, date.format("%Y-%m-%d")))
}

/// The shifts `rotation` gives for the dates `[from, to]` (by start date), with its day changes
/// applied on top. See the module docs for times, ids and changes.
pub fn expand(
    plan: &Plan,
    rotation: &Rotation,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Expansion, RotationError> {
    validate(plan, rotation)?;
    let mut shifts = pattern_shifts(plan, rotation, from, to, true)?;
    let mut unapplied = Vec::new();
    for (index, change) in rotation.changes.iter().enumerate() {
        let date = change.date();
        if date < from || date > to {
            continue;
        }
        if let Err(reason) = apply_change(plan, rotation, change, &mut shifts) {
            unapplied.push(UnappliedChange {
                rotation: rotation.id.clone(),
                index,
                change: change.clone(),
                reason,
            });
        }
    }
    sort(&mut shifts);
    Ok(Expansion { shifts, unapplied })
}

/// Every rotation of `plan` expanded over `[from, to]`, one after the other. Different
/// assistants can follow patterns of different lengths this way.
pub fn expand_all(plan: &Plan, from: NaiveDate, to: NaiveDate) -> Result<Expansion, RotationError> {
    let mut all = Expansion::default();
    for rotation in &plan.rotations {
        let one = expand(plan, rotation, from, to)?;
        all.shifts.extend(one.shifts);
        all.unapplied.extend(one.unapplied);
    }
    sort(&mut all.shifts);
    Ok(all)
}

/// What [`apply`] did to the plan's shifts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// Shifts that were not in the plan before.
    pub added: usize,
    /// Shifts already in the plan (same id) replaced by their fresh expansion.
    pub updated: usize,
    /// The ids of updated shifts whose times, assistant, status or shift-type values changed,
    /// for the caller to stamp `updated_at` and log (the core reads no clock).
    pub changed: Vec<ShiftId>,
    /// Shifts already in the plan with status worked: kept as they are.
    pub kept_worked: usize,
    /// Planned shifts of this rotation in the range that the pattern no longer gives (a slot
    /// removed or moved to another day): taken out of the plan.
    pub removed: usize,
    pub unapplied: Vec<UnappliedChange>,
}

/// Expand rotation `rotation_id` over `[from, to]` and merge the result into `plan.shifts`.
///
/// A shift with the same id as an existing one replaces it, except that a worked shift is never
/// rewritten (history stays as the timeliste recorded it). Planned or cancelled shifts whose id
/// marks them as this rotation's (`{rotation id}:`), starting in `[from, to]`, that the
/// expansion no longer gives are removed. Nothing is ever duplicated. An updated shift keeps
/// its note, `created_at` and `updated_at`; [`Applied::changed`] lists those that changed.
/// Shifts made by an `Extra` change carry the change's own id, not the rotation's prefix, so
/// deleting that change does not remove its shift here: the caller removes it with the change.
pub fn apply(
    plan: &mut Plan,
    rotation_id: &RotationId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Applied, RotationError> {
    let rotation = plan
        .rotations
        .iter()
        .find(|r| &r.id == rotation_id)
        .ok_or_else(|| RotationError::UnknownRotation(rotation_id.to_string()))?;
    let expansion = expand(plan, rotation, from, to)?;
    let prefix = format!("{rotation_id}:");
    let fresh: std::collections::HashSet<ShiftId> =
        expansion.shifts.iter().map(|s| s.id.clone()).collect();
    let mut out = Applied {
        unapplied: expansion.unapplied,
        ..Applied::default()
    };
    let before = plan.shifts.len();
    plan.shifts.retain(|s| {
        let date = s.start.local_date();
        let stale = s.id.as_str().starts_with(&prefix)
            && s.status != ShiftStatus::Worked
            && from <= date
            && date <= to
            && !fresh.contains(&s.id);
        !stale
    });
    out.removed = before - plan.shifts.len();
    let mut position: std::collections::HashMap<ShiftId, usize> = plan
        .shifts
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    for shift in expansion.shifts {
        match position.get(&shift.id) {
            Some(&i) if plan.shifts[i].status == ShiftStatus::Worked => out.kept_worked += 1,
            Some(&i) => {
                let existing = &mut plan.shifts[i];
                let fresh = Shift {
                    note: std::mem::take(&mut existing.note),
                    created_at: existing.created_at,
                    updated_at: existing.updated_at,
                    ..shift
                };
                if fresh != *existing {
                    out.changed.push(fresh.id.clone());
                }
                *existing = fresh;
                out.updated += 1;
            }
            None => {
                position.insert(shift.id.clone(), plan.shifts.len());
                plan.shifts.push(shift);
                out.added += 1;
            }
        }
    }
    Ok(out)
}

/// The pattern's own shifts on `[from, to]`, before changes. With `bounded`, the rotation's
/// `until` is respected; without, the pattern runs on (for checking the pattern itself).
fn pattern_shifts(
    plan: &Plan,
    rotation: &Rotation,
    from: NaiveDate,
    to: NaiveDate,
    bounded: bool,
) -> Result<Vec<Shift>, RotationError> {
    let first = from.max(rotation.start);
    let last = match rotation.until {
        Some(until) if bounded => to.min(until),
        _ => to,
    };
    let mut out = Vec::new();
    let mut date = first;
    while date <= last {
        let week = pattern_week(rotation, date);
        for (index, slot) in rotation.slots.iter().enumerate() {
            if Some(slot.week) != week || slot.weekday != date.weekday() {
                continue;
            }
            if slot.skip_red_days && is_red_day(date) {
                continue;
            }
            let kind = plan.shift_type(&slot.shift_type).ok_or_else(|| {
                RotationError::UnknownShiftType {
                    rotation: rotation.id.to_string(),
                    slot: index,
                    code: slot.shift_type.clone(),
                }
            })?;
            out.push(shift_of_type(
                kind,
                shift_id(&rotation.id, index, date),
                date,
                slot.assistant.clone(),
            )?);
        }
        date += Duration::days(1);
    }
    Ok(out)
}

/// A planned shift of `kind` on `date`.
pub fn shift_of_type(
    kind: &ShiftType,
    id: ShiftId,
    date: NaiveDate,
    assistant: Option<AssistantId>,
) -> Result<Shift, RotationError> {
    let (start, end) = times_of(kind, date)?;
    Ok(Shift {
        id,
        assistant,
        start,
        end,
        break_minutes: kind.break_minutes,
        passive_minutes: kind.passive_minutes,
        long_shift: kind.long_shift,
        service: kind.service,
        status: ShiftStatus::Planned,
        note: String::new(),
        shift_type: Some(kind.code.clone()),
        created_at: None,
        updated_at: None,
    })
}

/// Start and end of a shift of `kind` on `date` (see the module docs on daylight saving).
pub fn times_of(kind: &ShiftType, date: NaiveDate) -> Result<(Instant, Instant), RotationError> {
    let end_date = if kind.crosses_midnight() {
        date + Duration::days(1)
    } else {
        date
    };
    let start = Instant::at_local(date, kind.start);
    let end = Instant::at_local(end_date, kind.end);
    if end <= start {
        return Err(RotationError::NoTimeOnDate {
            code: kind.code.clone(),
            date,
        });
    }
    Ok((start, end))
}

fn apply_change(
    plan: &Plan,
    rotation: &Rotation,
    change: &DayChange,
    shifts: &mut Vec<Shift>,
) -> Result<(), Unapplied> {
    match change {
        DayChange::Moved {
            slot,
            date,
            start,
            end,
        } => {
            if end <= start {
                return Err(Unapplied::EndNotAfterStart);
            }
            let shift = slot_shift(rotation, shifts, *slot, *date)?;
            shift.start = *start;
            shift.end = *end;
        }
        DayChange::Cancelled { slot, date } => {
            slot_shift(rotation, shifts, *slot, *date)?.status = ShiftStatus::Cancelled;
        }
        DayChange::Reassigned {
            slot,
            date,
            assistant,
        } => {
            slot_shift(rotation, shifts, *slot, *date)?.assistant = assistant.clone();
        }
        DayChange::Adjusted {
            slot,
            date,
            break_minutes,
            passive_minutes,
        } => {
            let shift = slot_shift(rotation, shifts, *slot, *date)?;
            let length = u32::try_from((shift.end - shift.start) / 60).unwrap_or(0);
            if break_minutes.saturating_add(*passive_minutes) > length {
                return Err(Unapplied::LongerThanShift);
            }
            shift.break_minutes = *break_minutes;
            shift.passive_minutes = *passive_minutes;
        }
        DayChange::Extra {
            id,
            date,
            shift_type,
            assistant,
        } => {
            let kind = plan
                .shift_type(shift_type)
                .ok_or_else(|| Unapplied::UnknownShiftType(shift_type.clone()))?;
            let shift = shift_of_type(kind, id.clone(), *date, assistant.clone())
                .map_err(|_| Unapplied::NoTimeOnDate)?;
            shifts.retain(|s| s.id != *id);
            shifts.push(shift);
        }
    }
    Ok(())
}

/// The shift slot `slot` gives on `date` among `shifts`.
fn slot_shift<'a>(
    rotation: &Rotation,
    shifts: &'a mut [Shift],
    slot: usize,
    date: NaiveDate,
) -> Result<&'a mut Shift, Unapplied> {
    if slot >= rotation.slots.len() {
        return Err(Unapplied::NoSuchSlot);
    }
    let id = shift_id(&rotation.id, slot, date);
    shifts
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or(Unapplied::NoShiftThatDay)
}

fn sort(shifts: &mut [Shift]) {
    shifts.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
}

/// The weeks a pattern is checked over: at least 52 and at least two cycles, rounded up to
/// whole cycles, so every week of the pattern is followed by the next, the last by the first.
pub fn pattern_check_weeks(weeks: u32) -> u32 {
    let weeks = weeks.max(1);
    52_u32.max(2 * weeks).div_ceil(weeks) * weeks
}

/// The checker's findings on a pattern, grouped by where they fall in the pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternFinding {
    pub rule: Rule,
    pub severity: Severity,
    pub assistants: Vec<AssistantId>,
    /// The pattern week (1..=N) and weekday of the findings' start.
    pub week: u32,
    pub weekday: Weekday,
    /// The real dates, one per finding, on which the checked expansion met it.
    pub dates: Vec<NaiveDate>,
    /// The findings themselves, in order of time.
    pub findings: Vec<Finding>,
}

/// Check the pattern of rotation `rotation_id` on its own: expand its slots (without day
/// changes and without `until`) from its start over [`pattern_check_weeks`] weeks, with the red
/// days of the dates it lands on, run the checker on a plan holding only those shifts, and
/// place each finding at the pattern week and weekday of its start.
///
/// Findings of the same rule, severity and assistants at the same place in the pattern form
/// one [`PatternFinding`] listing every date; so a rest broken between the last Sunday and the
/// first Monday shows up once, at the last week's Sunday, with a date for each cycle.
/// Groups are ordered by pattern week, weekday, rule and assistants.
pub fn check_pattern(
    plan: &Plan,
    rotation_id: &RotationId,
) -> Result<Vec<PatternFinding>, RotationError> {
    let rotation = plan
        .rotations
        .iter()
        .find(|r| &r.id == rotation_id)
        .ok_or_else(|| RotationError::UnknownRotation(rotation_id.to_string()))?;
    validate(plan, rotation)?;
    let weeks = pattern_check_weeks(rotation.weeks);
    let last = rotation.start + Duration::weeks(i64::from(weeks)) - Duration::days(1);
    let mut shifts = pattern_shifts(plan, rotation, rotation.start, last, false)?;
    sort(&mut shifts);
    let only_pattern = Plan {
        settings: plan.settings.clone(),
        profile: plan.profile.clone(),
        vedtak: plan.vedtak.clone(),
        assistants: plan.assistants.clone(),
        shift_types: plan.shift_types.clone(),
        shifts,
        rotations: Vec::new(),
        absences: Vec::new(),
        busy: Vec::new(),
        ..Plan::default()
    };
    let report = check(&only_pattern, &CheckOptions::default());
    let mut groups: Vec<PatternFinding> = Vec::new();
    for finding in report.findings {
        let date = finding.start.local_date();
        // A finding before the start (a window reaching back) is placed in week 1.
        let week = pattern_week(rotation, date).unwrap_or(1);
        let weekday = date.weekday();
        let same = |g: &PatternFinding| {
            g.rule == finding.rule
                && g.severity == finding.severity
                && g.assistants == finding.assistants
                && g.week == week
                && g.weekday == weekday
        };
        match groups.iter_mut().find(|g| same(g)) {
            Some(group) => {
                group.dates.push(date);
                group.findings.push(finding);
            }
            None => groups.push(PatternFinding {
                rule: finding.rule,
                severity: finding.severity,
                assistants: finding.assistants.clone(),
                week,
                weekday,
                dates: vec![date],
                findings: vec![finding],
            }),
        }
    }
    groups.sort_by(|a, b| {
        (
            a.week,
            a.weekday.num_days_from_monday(),
            a.rule,
            &a.assistants,
        )
            .cmp(&(
                b.week,
                b.weekday.num_days_from_monday(),
                b.rule,
                &b.assistants,
            ))
    });
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assistant, ServiceType, Slot};
    use crate::time::HOUR;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn kind(code: &str, start: NaiveTime, end: NaiveTime) -> ShiftType {
        ShiftType {
            code: code.into(),
            name: code.into(),
            start,
            end,
            break_minutes: 0,
            passive_minutes: 0,
            service: ServiceType::PersonligAssistanse,
            colour: "#336699".into(),
            long_shift: false,
        }
    }

    fn slot(week: u32, weekday: Weekday, code: &str, who: Option<&str>) -> Slot {
        Slot {
            week,
            weekday,
            shift_type: code.into(),
            assistant: who.map(AssistantId::from),
            skip_red_days: false,
        }
    }

    fn rotation(weeks: u32, start: NaiveDate, slots: Vec<Slot>) -> Rotation {
        Rotation {
            id: RotationId("r".into()),
            name: "Turnus".into(),
            weeks,
            start,
            until: None,
            slots,
            changes: vec![],
        }
    }

    fn plan() -> Plan {
        let mut n = kind("N", hm(22, 0), hm(8, 0));
        n.passive_minutes = 360;
        let mut dag = kind("D", hm(8, 0), hm(15, 30));
        dag.break_minutes = 30;
        Plan {
            assistants: ["A", "B", "C"].map(|id| Assistant::new(id, id)).to_vec(),
            shift_types: vec![dag, kind("K", hm(15, 0), hm(22, 0)), n],
            ..Plan::default()
        }
    }

    fn who(shifts: &[Shift]) -> Vec<String> {
        shifts
            .iter()
            .map(|s| s.assistant.as_ref().map_or("-".into(), |a| a.to_string()))
            .collect()
    }

    #[test]
    fn three_week_pattern_cycles() {
        let r = rotation(
            3,
            d(2026, 1, 5),
            vec![
                slot(1, Weekday::Mon, "D", Some("A")),
                slot(2, Weekday::Mon, "D", Some("B")),
                slot(3, Weekday::Mon, "D", Some("C")),
            ],
        );
        let e = expand(&plan(), &r, d(2026, 1, 1), d(2026, 2, 15)).unwrap();
        assert_eq!(who(&e.shifts), ["A", "B", "C", "A", "B", "C"]);
        assert_eq!(e.shifts[3].start.local_date(), d(2026, 1, 26));
        assert_eq!(e.shifts[3].id.as_str(), "r:0:2026-01-26");
        assert_eq!(
            e.shifts[0].break_minutes, 30,
            "breaks come from the shift type"
        );
        assert_eq!(e.shifts[0].end - e.shifts[0].start, 7 * HOUR + 30 * 60);
    }

    #[test]
    fn week_53_of_2026_is_an_ordinary_week_of_the_cycle() {
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let slots = days.iter().map(|w| slot(2, *w, "D", Some("B"))).collect();
        let r = rotation(2, d(2026, 1, 5), slots);
        assert_eq!(
            pattern_week(&r, d(2026, 12, 28)),
            Some(2),
            "51 weeks after 5 Jan"
        );
        let e = expand(&plan(), &r, d(2026, 12, 28), d(2027, 1, 10)).unwrap();
        let dates: Vec<NaiveDate> = e.shifts.iter().map(|s| s.start.local_date()).collect();
        let week_53: Vec<NaiveDate> = d(2026, 12, 28).iter_days().take(7).collect();
        assert_eq!(
            dates, week_53,
            "28 Dec 2026 – 3 Jan 2027 is pattern week 2, the week after is week 1"
        );
    }

    #[test]
    fn skip_red_days_slot_gives_nothing_on_17_may() {
        let mut skipping = slot(1, Weekday::Mon, "D", Some("A"));
        skipping.skip_red_days = true;
        let r = rotation(
            1,
            d(2027, 1, 4),
            vec![skipping, slot(1, Weekday::Mon, "K", Some("B"))],
        );
        let e = expand(&plan(), &r, d(2027, 5, 10), d(2027, 5, 23)).unwrap();
        assert_eq!(
            who(&e.shifts),
            ["A", "B", "B"],
            "Monday 17 May 2027 is red: only the slot without skip works"
        );
    }

    #[test]
    fn dst_nights_last_nine_and_eleven_hours() {
        let r = rotation(
            1,
            d(2026, 1, 5),
            vec![slot(1, Weekday::Sat, "N", Some("A"))],
        );
        let spring = expand(&plan(), &r, d(2026, 3, 28), d(2026, 3, 28)).unwrap();
        assert_eq!(spring.shifts[0].end - spring.shifts[0].start, 9 * HOUR);
        let autumn = expand(&plan(), &r, d(2026, 10, 24), d(2026, 10, 24)).unwrap();
        assert_eq!(autumn.shifts[0].end - autumn.shifts[0].start, 11 * HOUR);
        assert_eq!(autumn.shifts[0].passive_minutes, 360);
    }

    #[test]
    fn shift_type_time_in_the_spring_gap_moves_to_its_end_or_fails_naming_the_date() {
        let mut p = plan();
        p.shift_types.push(kind("T", hm(2, 30), hm(6, 0)));
        p.shift_types.push(kind("G", hm(2, 0), hm(2, 30)));
        let r = rotation(
            1,
            d(2026, 1, 5),
            vec![slot(1, Weekday::Sun, "T", Some("A"))],
        );
        let e = expand(&p, &r, d(2026, 3, 29), d(2026, 3, 29)).unwrap();
        assert_eq!(
            e.shifts[0].start,
            Instant::parse("2026-03-29T03:00").unwrap()
        );
        assert_eq!(e.shifts[0].end - e.shifts[0].start, 3 * HOUR);

        let r = rotation(
            1,
            d(2026, 1, 5),
            vec![slot(1, Weekday::Sun, "G", Some("A"))],
        );
        let err = expand(&p, &r, d(2026, 3, 22), d(2026, 4, 5)).unwrap_err();
        assert_eq!(
            err,
            RotationError::NoTimeOnDate {
                code: "G".into(),
                date: d(2026, 3, 29)
            }
        );
        assert!(err.to_string().contains("2026-03-29"), "{err}");
    }

    #[test]
    fn changes_survive_re_expansion() {
        let mut p = plan();
        let mut r = rotation(
            1,
            d(2026, 6, 1),
            vec![
                slot(1, Weekday::Mon, "D", Some("A")),
                slot(1, Weekday::Tue, "D", Some("A")),
            ],
        );
        let moved_start = Instant::parse("2026-06-08T10:00").unwrap();
        let moved_end = Instant::parse("2026-06-08T14:00").unwrap();
        r.changes = vec![
            DayChange::Moved {
                slot: 0,
                date: d(2026, 6, 8),
                start: moved_start,
                end: moved_end,
            },
            DayChange::Cancelled {
                slot: 1,
                date: d(2026, 6, 9),
            },
            DayChange::Reassigned {
                slot: 0,
                date: d(2026, 6, 15),
                assistant: Some(AssistantId::from("C")),
            },
            DayChange::Extra {
                id: ShiftId("extra-1".into()),
                date: d(2026, 6, 10),
                shift_type: "K".into(),
                assistant: None,
            },
        ];
        p.rotations.push(r);
        let first = expand(&p, &p.rotations[0], d(2026, 6, 8), d(2026, 6, 16)).unwrap();
        assert!(first.unapplied.is_empty(), "{:?}", first.unapplied);
        let by_id = |id: &str| first.shifts.iter().find(|s| s.id.as_str() == id).unwrap();
        assert_eq!(by_id("r:0:2026-06-08").start, moved_start);
        assert_eq!(by_id("r:1:2026-06-09").status, ShiftStatus::Cancelled);
        assert_eq!(
            by_id("r:0:2026-06-15").assistant,
            Some(AssistantId::from("C"))
        );
        assert_eq!(by_id("extra-1").assistant, None);
        assert_eq!(by_id("r:1:2026-06-16").status, ShiftStatus::Planned);
        assert_eq!(first.shifts.len(), 5);

        let id = RotationId("r".into());
        let applied = apply(&mut p, &id, d(2026, 6, 8), d(2026, 6, 16)).unwrap();
        assert_eq!(applied.added, 5);
        p.shifts[0].status = ShiftStatus::Worked;
        p.shifts[0].note = "byttet".into();
        let again = apply(&mut p, &id, d(2026, 6, 8), d(2026, 6, 16)).unwrap();
        assert_eq!((again.added, again.updated, again.kept_worked), (0, 4, 1));
        assert!(
            again.changed.is_empty(),
            "nothing changed: {:?}",
            again.changed
        );
        p.rotations[0].changes.push(DayChange::Reassigned {
            slot: 1,
            date: d(2026, 6, 16),
            assistant: Some(AssistantId::from("B")),
        });
        let third = apply(&mut p, &id, d(2026, 6, 8), d(2026, 6, 16)).unwrap();
        assert_eq!(third.changed, [ShiftId("r:1:2026-06-16".into())]);
        p.rotations[0].changes.pop();
        apply(&mut p, &id, d(2026, 6, 8), d(2026, 6, 16)).unwrap();
        assert_eq!(p.shifts.len(), 5, "re-applying never duplicates");
        assert_eq!(
            p.shifts[0].status,
            ShiftStatus::Worked,
            "worked shifts are not rewritten"
        );
        let second = expand(&p, &p.rotations[0], d(2026, 6, 8), d(2026, 6, 16)).unwrap();
        assert_eq!(
            first, second,
            "expanding again gives the same shifts and ids"
        );
    }

    #[test]
    fn applying_after_a_slot_is_removed_takes_its_planned_shifts_out() {
        let mut p = plan();
        p.rotations.push(rotation(
            1,
            d(2026, 6, 1),
            vec![
                slot(1, Weekday::Mon, "D", Some("A")),
                slot(1, Weekday::Tue, "D", Some("B")),
            ],
        ));
        let id = RotationId("r".into());
        apply(&mut p, &id, d(2026, 6, 1), d(2026, 6, 14)).unwrap();
        assert_eq!(p.shifts.len(), 4);
        p.rotations[0].slots.truncate(1);
        let applied = apply(&mut p, &id, d(2026, 6, 1), d(2026, 6, 14)).unwrap();
        assert_eq!(applied.removed, 2);
        assert_eq!(who(&p.shifts), ["A", "A"]);
    }

    #[test]
    fn change_whose_slot_is_gone_is_reported_not_dropped() {
        let mut r = rotation(
            1,
            d(2026, 6, 1),
            vec![slot(1, Weekday::Mon, "D", Some("A"))],
        );
        r.changes = vec![
            DayChange::Cancelled {
                slot: 4,
                date: d(2026, 6, 8),
            },
            DayChange::Cancelled {
                slot: 0,
                date: d(2026, 6, 9),
            },
            DayChange::Extra {
                id: ShiftId("x".into()),
                date: d(2026, 6, 9),
                shift_type: "Q".into(),
                assistant: None,
            },
            DayChange::Cancelled {
                slot: 4,
                date: d(2027, 6, 8),
            },
        ];
        let e = expand(&plan(), &r, d(2026, 6, 1), d(2026, 6, 30)).unwrap();
        let reasons: Vec<(usize, Unapplied)> = e
            .unapplied
            .iter()
            .map(|u| (u.index, u.reason.clone()))
            .collect();
        assert_eq!(
            reasons,
            [
                (0, Unapplied::NoSuchSlot),
                (1, Unapplied::NoShiftThatDay),
                (2, Unapplied::UnknownShiftType("Q".into()))
            ],
            "the change dated outside the range is left alone"
        );
        assert_eq!(e.shifts.len(), 5, "the pattern itself is untouched");
    }

    #[test]
    fn unknown_shift_type_code_is_an_error_naming_it() {
        let r = rotation(
            1,
            d(2026, 6, 1),
            vec![slot(1, Weekday::Mon, "X9", Some("A"))],
        );
        let err = expand(&plan(), &r, d(2026, 6, 1), d(2026, 6, 30)).unwrap_err();
        assert!(matches!(err, RotationError::UnknownShiftType { ref code, .. } if code == "X9"));
        assert!(err.to_string().contains("«X9»"), "{err}");
    }

    #[test]
    fn invalid_rotations_are_refused() {
        let p = plan();
        let bad_weeks = rotation(13, d(2026, 6, 1), vec![]);
        assert!(matches!(
            validate(&p, &bad_weeks),
            Err(RotationError::WeeksOutOfRange { weeks: 13, .. })
        ));
        assert!(validate(&p, &rotation(0, d(2026, 6, 1), vec![])).is_err());
        let tuesday = rotation(1, d(2026, 6, 2), vec![]);
        let err = validate(&p, &tuesday).unwrap_err();
        assert_eq!(
            err.to_string(),
            "rotation «r» starts on 2026-06-02, a tuesday; a rotation starts on a Monday"
        );
        let week_3 = rotation(2, d(2026, 6, 1), vec![slot(3, Weekday::Mon, "D", None)]);
        assert!(matches!(
            validate(&p, &week_3),
            Err(RotationError::SlotWeekOutOfRange { week: 3, .. })
        ));
        let stranger = rotation(
            1,
            d(2026, 6, 1),
            vec![slot(1, Weekday::Mon, "D", Some("Z"))],
        );
        assert!(matches!(
            validate(&p, &stranger),
            Err(RotationError::UnknownAssistant { .. })
        ));
        let mut ended = rotation(1, d(2026, 6, 1), vec![]);
        ended.until = Some(d(2026, 5, 1));
        assert!(matches!(
            validate(&p, &ended),
            Err(RotationError::UntilBeforeStart { .. })
        ));
    }

    #[test]
    fn rotation_gives_nothing_before_its_start_or_after_until() {
        let mut r = rotation(
            1,
            d(2026, 6, 1),
            vec![slot(1, Weekday::Mon, "D", Some("A"))],
        );
        r.until = Some(d(2026, 6, 15));
        let e = expand(&plan(), &r, d(2026, 5, 1), d(2026, 7, 31)).unwrap();
        let dates: Vec<NaiveDate> = e.shifts.iter().map(|s| s.start.local_date()).collect();
        assert_eq!(dates, [d(2026, 6, 1), d(2026, 6, 8), d(2026, 6, 15)]);
    }

    #[test]
    fn rotations_of_different_lengths_expand_together() {
        let mut p = plan();
        p.rotations.push(rotation(
            2,
            d(2026, 6, 1),
            vec![slot(1, Weekday::Mon, "D", Some("A"))],
        ));
        let mut three = rotation(
            3,
            d(2026, 6, 1),
            vec![slot(1, Weekday::Mon, "K", Some("B"))],
        );
        three.id = RotationId("r3".into());
        p.rotations.push(three);
        let e = expand_all(&p, d(2026, 6, 1), d(2026, 7, 12)).unwrap();
        assert_eq!(
            who(&e.shifts),
            ["A", "B", "A", "B", "A"],
            "A on weeks 0, 2, 4 and B on weeks 0, 3 after 1 June"
        );
        let ids: std::collections::HashSet<&str> = e.shifts.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), e.shifts.len(), "ids are unique across rotations");
    }

    #[test]
    fn pattern_check_weeks_cover_a_year_in_whole_cycles() {
        assert_eq!(pattern_check_weeks(1), 52);
        assert_eq!(pattern_check_weeks(3), 54);
        assert_eq!(pattern_check_weeks(5), 55);
        assert_eq!(pattern_check_weeks(12), 60);
    }

    #[test]
    fn pattern_check_catches_rest_broken_from_the_last_sunday_to_the_first_monday() {
        let mut p = plan();
        p.rotations.push(rotation(
            2,
            d(2026, 1, 5),
            vec![
                slot(1, Weekday::Mon, "D", Some("A")),
                slot(2, Weekday::Sun, "K", Some("A")),
            ],
        ));
        let found = check_pattern(&p, &RotationId("r".into())).unwrap();
        let rest: Vec<&PatternFinding> = found.iter().filter(|f| f.rule == Rule::RestD).collect();
        assert_eq!(rest.len(), 1, "{found:#?}");
        let rest = rest[0];
        assert_eq!((rest.week, rest.weekday), (2, Weekday::Sun));
        assert_eq!(rest.severity, Severity::Violation);
        assert_eq!(rest.assistants, [AssistantId::from("A")]);
        assert_eq!(
            rest.dates.len(),
            25,
            "26 cycles in 52 weeks: every Sunday but the last is followed by a Monday"
        );
        assert_eq!(rest.dates[0], d(2026, 1, 18));
        assert_eq!(rest.findings[0].measured, 10 * 60, "22:00 to 08:00");

        // With the evening on Friday of week 2 instead, Monday is two days later: rest holds.
        p.rotations[0].slots[1].weekday = Weekday::Fri;
        let found = check_pattern(&p, &RotationId("r".into())).unwrap();
        assert!(found.iter().all(|f| f.rule != Rule::RestD), "{found:#?}");
    }

    #[test]
    fn pattern_check_of_an_unknown_rotation_is_an_error() {
        let err = check_pattern(&plan(), &RotationId("nope".into())).unwrap_err();
        assert_eq!(err.to_string(), "no rotation with id «nope» in the plan");
    }

    fn weekday_of(n: u8) -> Weekday {
        (0..n % 7).fold(Weekday::Mon, |day, _| day.succ())
    }

    proptest::proptest! {
        #[test]
        fn expanding_adjacent_ranges_equals_expanding_their_union(
            weeks in 1u32..=12,
            raw_slots in proptest::collection::vec((1u32..=12, 0u8..7, 0usize..3, proptest::bool::ANY), 0..12),
            start_offset in 0i64..60,
            a in 0i64..500, len1 in 0i64..200, len2 in 0i64..200,
        ) {
            let codes = ["D", "K", "N"];
            let slots = raw_slots
                .into_iter()
                .map(|(w, day, code, skip)| Slot {
                    week: (w - 1) % weeks + 1,
                    weekday: weekday_of(day),
                    shift_type: codes[code].into(),
                    assistant: Some(AssistantId::from("A")),
                    skip_red_days: skip,
                })
                .collect();
            let start = d(2025, 12, 29) + Duration::weeks(start_offset);
            let r = rotation(weeks, start, slots);
            let p = plan();
            let from = d(2025, 12, 1) + Duration::days(a);
            let mid = from + Duration::days(len1);
            let to = mid + Duration::days(len2 + 1);
            let whole = expand(&p, &r, from, to).unwrap().shifts;
            let mut parts = expand(&p, &r, from, mid).unwrap().shifts;
            parts.extend(expand(&p, &r, mid + Duration::days(1), to).unwrap().shifts);
            proptest::prop_assert_eq!(&whole, &parts);

            // The pattern repeats every N weeks, except where red days are skipped.
            let cycle = Duration::weeks(i64::from(weeks));
            for s in whole.iter().filter(|s| s.start.local_date() + cycle <= to) {
                let date = s.start.local_date();
                let later = date + cycle;
                let slot_of = |id: &ShiftId| id.as_str().split(':').nth(1).map(str::to_string);
                let skipped = is_red_day(later);
                let repeated = whole.iter().any(|t| {
                    t.start.local_date() == later && slot_of(&t.id) == slot_of(&s.id)
                });
                proptest::prop_assert!(repeated || skipped, "{} has no repeat on {later}", s.id);
            }
        }
    }
}
