//! Building the [`PlanView`] of a window of dates from a plan, its check and its file. Pure
//! functions of their arguments: no clock, no I/O.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};

use super::error::{lock_sentence, read_only_sentence};
use super::input::{ProfileInput, Window};
use super::view::*;
use super::Language;
use crate::calendar::{holidays_on, is_red_day, Holiday};
use crate::hours;
use crate::model::{
    Assistant, DayChange, NightHelp, Param, Plan, Profile, Role, Rotation, ServiceType, Shift,
    ShiftStatus, ShiftType, SundayRule,
};
use crate::rotation;
use crate::rules::explain::{explain, rule_title, severity_label};
use crate::rules::{Finding, Report, Severity, Unit};
use crate::store::{LockNotice, ReadOnlyReason, VedtakId};
use crate::time::{Instant, Interval, HOUR};

/// The file part of a view.
pub(crate) fn file_view(
    path: Option<&std::path::Path>,
    read_only: Option<&ReadOnlyReason>,
    lost: Option<&LockNotice>,
    backup_problem: Option<&str>,
    lang: Language,
) -> FileView {
    let name = path
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock_of = |notice: &LockNotice| LockView {
        name: notice.holder.clone(),
        computer: notice.computer.clone(),
        since: notice.since.to_rfc3339(),
        sentence: lock_sentence(notice, lang),
    };
    let (read_only, reason, lock) = match (lost, read_only) {
        (Some(notice), _) => (
            true,
            Some(format!(
                "{} {}",
                lang.pick(
                    "Et annet program har tatt over planen, så den er nå bare for lesing. Åpne den på nytt for å se endringene deres.",
                    "Another program took the plan over, so it is now read-only. Open it again to see their changes.",
                ),
                lock_sentence(notice, lang)
            )),
            Some(lock_of(notice)),
        ),
        (None, Some(reason)) => (
            true,
            Some(read_only_sentence(reason, lang)),
            match reason {
                ReadOnlyReason::InUse(notice) => Some(lock_of(notice)),
                _ => None,
            },
        ),
        (None, None) => (false, None, None),
    };
    FileView {
        path: path.map(|p| p.display().to_string()).unwrap_or_default(),
        name,
        read_only,
        read_only_reason: reason,
        lock,
        backup_problem: backup_problem.map(|_| {
            lang.pick(
                "Turnus kunne ikke ta sikkerhetskopi av planen da den ble åpnet. Planen virker som før, men sjekk at datamappen har plass.",
                "Turnus could not back the plan up when it was opened. The plan works as before, but check that the data folder has room.",
            )
            .to_string()
        }),
        calendar_folder: None,
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn local_text(t: Instant) -> String {
    t.local().format("%Y-%m-%dT%H:%M").to_string()
}

fn offset_text(t: Instant) -> String {
    let secs = t.offset_seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn saturating_i32(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}

/// The name of a service type in `lang`.
pub(crate) fn service_name(service: ServiceType, lang: Language) -> String {
    match lang {
        Language::Nb => service.name_nb().to_string(),
        Language::En => match service {
            ServiceType::PersonligAssistanse => "Personal assistance",
            ServiceType::Stottekontakt => "Support contact",
            ServiceType::Avlastning => "Respite care",
        }
        .to_string(),
    }
}

fn preset_name(profile: &Profile, lang: Language) -> String {
    use crate::model::Preset;
    match lang {
        Language::Nb => profile.preset.name_nb().to_string(),
        Language::En => match profile.preset {
            Preset::Aml => "Working Environment Act",
            Preset::AmlIndividual => "Working Environment Act with individual agreements",
            Preset::Tariff => "Collective agreement",
            Preset::TariffLongShifts => "Collective agreement with long shifts",
        }
        .to_string(),
    }
}

fn param_label(param: Param, lang: Language) -> &'static str {
    let (nb, en) = match param {
        Param::DailyNormalMaxH => ("Normal arbeidstid per dag", "Normal hours per day"),
        Param::WeeklyNormalMaxH => ("Normal arbeidstid per uke", "Normal hours per week"),
        Param::WeeklyNormalAvgH => ("Gjennomsnitt per uke", "Average hours per week"),
        Param::AveragingWeeks => ("Gjennomsnittsperiode", "Averaging period"),
        Param::PassiveExtension => (
            "Passiv tid forlenger arbeidstiden",
            "Passive time extends hours",
        ),
        Param::OvertimeWeekMaxH => ("Overtid per uke", "Overtime per week"),
        Param::Overtime4wMaxH => ("Overtid over fire uker", "Overtime over four weeks"),
        Param::Overtime52wMaxH => ("Overtid over 52 uker", "Overtime over 52 weeks"),
        Param::TotalDayMaxH => ("Samlet arbeidstid per dag", "Total hours per day"),
        Param::LongShiftMaxH => ("Langvakt inntil", "Long shift up to"),
        Param::TotalWeekMaxH => ("Samlet arbeidstid per uke", "Total hours per week"),
        Param::TotalWeekAverageWeeks => ("Snitt av samlet tid over", "Total hours averaged over"),
        Param::TotalWeekSingleMaxH => (
            "Samlet tid i én uke inntil",
            "Total hours in one week up to",
        ),
        Param::DailyRestMinH => ("Daglig hvile", "Daily rest"),
        Param::DailyRestFloorH => ("Redusert daglig hvile", "Reduced daily rest"),
        Param::RestAfterLongShiftH => ("Hvile etter langvakt", "Rest after a long shift"),
        Param::WeeklyRestMinH => ("Ukentlig hvile", "Weekly rest"),
        Param::SundayRule => ("Søndagsarbeid", "Sunday work"),
        Param::NightStart => ("Natt fra", "Night from"),
        Param::NightEnd => ("Natt til", "Night until"),
    };
    lang.pick(nb, en)
}

fn profile_rows(profile: &Profile, lang: Language) -> Vec<ProfileRow> {
    let v = profile.values();
    let hours = |secs: Option<i64>| secs.map(|s| round2(s as f64 / HOUR as f64));
    let not_used = lang.pick("ikke brukt", "not used");
    let hour_unit = lang.pick("t", "h");
    Param::ALL
        .iter()
        .map(|&param| {
            let (value, unit, text): (Value, &str, String) = match param {
                Param::AveragingWeeks | Param::TotalWeekAverageWeeks => {
                    let weeks = match param {
                        Param::AveragingWeeks => v.averaging_weeks,
                        _ => Some(v.total_week_average_weeks).filter(|w| *w > 0),
                    };
                    let text = weeks.map_or(not_used.to_string(), |w| {
                        format!("{w} {}", lang.pick("uker", "weeks"))
                    });
                    (json!(weeks), "weeks", text)
                }
                Param::PassiveExtension => (
                    json!(v.passive_extension),
                    "flag",
                    if v.passive_extension {
                        lang.pick("ja", "yes")
                    } else {
                        lang.pick("nei", "no")
                    }
                    .to_string(),
                ),
                Param::SundayRule => {
                    let (key, text) = match v.sunday_rule {
                        SundayRule::NextOff => (
                            "next_off",
                            lang.pick("neste søn- og helgedag fri", "next Sunday or holiday off"),
                        ),
                        SundayRule::Average => (
                            "average",
                            lang.pick("gjennomsnitt etter avtale", "averaged by agreement"),
                        ),
                    };
                    (json!(key), "choice", text.to_string())
                }
                Param::NightStart | Param::NightEnd => {
                    let t = if param == Param::NightStart {
                        v.night_start
                    } else {
                        v.night_end
                    };
                    let text = t.format("%H:%M").to_string();
                    (json!(text), "clock", text)
                }
                _ => {
                    let secs = match param {
                        Param::DailyNormalMaxH => Some(v.daily_normal_max),
                        Param::WeeklyNormalMaxH => Some(v.weekly_normal_max),
                        Param::WeeklyNormalAvgH => v.weekly_normal_avg,
                        Param::OvertimeWeekMaxH => Some(v.overtime_week_max),
                        Param::Overtime4wMaxH => Some(v.overtime_4w_max),
                        Param::Overtime52wMaxH => Some(v.overtime_52w_max),
                        Param::TotalDayMaxH => Some(v.total_day_max),
                        Param::LongShiftMaxH => v.long_shift_max,
                        Param::TotalWeekMaxH => Some(v.total_week_max),
                        Param::TotalWeekSingleMaxH => v.total_week_single_max,
                        Param::DailyRestMinH => Some(v.daily_rest_min),
                        Param::DailyRestFloorH => v.daily_rest_floor,
                        Param::RestAfterLongShiftH => v.rest_after_long_shift,
                        _ => Some(v.weekly_rest_min),
                    };
                    let h = hours(secs);
                    let text = h.map_or(not_used.to_string(), |h| format!("{h} {hour_unit}"));
                    (json!(h), "hours", text)
                }
            };
            ProfileRow {
                key: param.key().to_string(),
                label: param_label(param, lang).to_string(),
                value,
                unit: unit.to_string(),
                text,
                edited: profile.overrides.contains_key(&param),
            }
        })
        .collect()
}

fn profile_input(profile: &Profile) -> ProfileInput {
    ProfileInput {
        preset: profile.preset.key().to_string(),
        overrides: profile.raw_overrides(),
    }
}

fn assistant_view(a: &Assistant, busy: &[crate::model::BusyTime]) -> AssistantView {
    AssistantView {
        id: a.id.to_string(),
        name: a.name.clone(),
        phone: a.phone.clone(),
        email: a.email.clone(),
        role: match a.role {
            Role::Fast => "fast",
            Role::Vikar => "vikar",
        }
        .to_string(),
        contract_hours_per_week: a.contract_minutes_per_week.map(|m| round2(m as f64 / 60.0)),
        colour: a.colour.clone(),
        profile: a.profile.as_ref().map(profile_input),
        birth_year: a.birth_year,
        holiday_entitlement: a.holiday_entitlement,
        close_family: a.close_family,
        family_approval: a.family_approval.map(date_text),
        start_date: a.start_date.map(date_text),
        busy: super::busy::sources(&a.id, busy),
    }
}

fn shift_type_view(t: &ShiftType) -> ShiftTypeView {
    ShiftTypeView {
        code: t.code.clone(),
        name: t.name.clone(),
        start: t.start.format("%H:%M").to_string(),
        end: t.end.format("%H:%M").to_string(),
        break_minutes: t.break_minutes,
        passive_minutes: t.passive_minutes,
        service: t.service.key().to_string(),
        colour: t.colour.clone(),
        long_shift: t.long_shift,
    }
}

fn vedtak_view(id: &VedtakId, v: &crate::model::Vedtak) -> VedtakView {
    VedtakView {
        id: id.0.clone(),
        from: date_text(v.from),
        to: v.to.map(date_text),
        annual_frame: v.annual_frame,
        hours_per_week: v
            .hours_per_week
            .iter()
            .map(|(s, h)| (s.key().to_string(), *h))
            .collect(),
        double_staffing: v.double_staffing,
        night: match v.night {
            NightHelp::Included => "included",
            NightHelp::Excluded => "excluded",
        }
        .to_string(),
        passive_factor: v.passive_factor,
    }
}

fn rotation_view(plan: &Plan, r: &Rotation, lang: Language) -> RotationView {
    RotationView {
        id: r.id.to_string(),
        name: r.name.clone(),
        weeks: r.weeks,
        start: date_text(r.start),
        until: r.until.map(date_text),
        slots: r
            .slots
            .iter()
            .map(|s| SlotView {
                week: s.week,
                weekday: s.weekday.number_from_monday(),
                shift_type: s.shift_type.clone(),
                assistant: s.assistant.as_ref().map(|a| a.to_string()),
                skip_red_days: s.skip_red_days,
            })
            .collect(),
        changes: saturating_u32(r.changes.len()),
        stale_changes: stale_changes(plan, r, lang),
    }
}

/// The rotation's day changes that applying it would leave out, each as a sentence.
fn stale_changes(plan: &Plan, r: &Rotation, lang: Language) -> Vec<String> {
    use crate::rotation::Unapplied;
    let dates: std::collections::BTreeSet<NaiveDate> = r.changes.iter().map(|c| c.date()).collect();
    let mut out = Vec::new();
    for date in dates {
        let Ok(expansion) = crate::rotation::expand(plan, r, date, date) else {
            // A rotation that cannot be expanded at all says so when it is applied.
            return Vec::new();
        };
        for u in expansion.unapplied {
            let what = match (&u.change, lang) {
                (DayChange::Moved { .. }, Language::Nb) => "flyttet vakt",
                (DayChange::Moved { .. }, Language::En) => "moved shift",
                (DayChange::Cancelled { .. }, Language::Nb) => "avlyst vakt",
                (DayChange::Cancelled { .. }, Language::En) => "cancelled shift",
                (DayChange::Reassigned { .. }, Language::Nb) => "vakt gitt til en annen",
                (DayChange::Reassigned { .. }, Language::En) => "shift given to someone else",
                (DayChange::Adjusted { .. }, Language::Nb) => "endret pause eller passiv tid",
                (DayChange::Adjusted { .. }, Language::En) => "changed break or passive time",
                (DayChange::Extra { .. }, Language::Nb) => "ekstra vakt",
                (DayChange::Extra { .. }, Language::En) => "extra shift",
            };
            let why = match (&u.reason, lang) {
                (Unapplied::NoSuchSlot | Unapplied::NoShiftThatDay, Language::Nb) => {
                    "mønsteret har ikke lenger denne vakten den dagen".to_string()
                }
                (Unapplied::NoSuchSlot | Unapplied::NoShiftThatDay, Language::En) => {
                    "the pattern no longer has this shift that day".to_string()
                }
                (Unapplied::UnknownShiftType(code), Language::Nb) => {
                    format!("vakttypen {code} finnes ikke lenger")
                }
                (Unapplied::UnknownShiftType(code), Language::En) => {
                    format!("the shift type {code} no longer exists")
                }
                (Unapplied::EndNotAfterStart, Language::Nb) => {
                    "vakten slutter før den begynner".to_string()
                }
                (Unapplied::EndNotAfterStart, Language::En) => {
                    "the shift ends before it starts".to_string()
                }
                (Unapplied::NoTimeOnDate, Language::Nb) => {
                    "klokken hopper over vaktens tid den natten".to_string()
                }
                (Unapplied::NoTimeOnDate, Language::En) => {
                    "the clocks skip the shift's time that night".to_string()
                }
                (Unapplied::LongerThanShift, Language::Nb) => {
                    "pausen og den passive tiden er lengre enn vakten".to_string()
                }
                (Unapplied::LongerThanShift, Language::En) => {
                    "the break and passive time are longer than the shift".to_string()
                }
            };
            out.push(format!("{}: {what} – {why}.", date.format("%d.%m.%Y")));
        }
    }
    out
}

fn day_view(date: NaiveDate, lang: Language) -> DayView {
    let names: Vec<&str> = holidays_on(date)
        .into_iter()
        .filter(|h| *h != Holiday::Sunday)
        .map(|h| match lang {
            Language::Nb => h.name_nb(),
            Language::En => h.name_en(),
        })
        .collect();
    let iso = date.iso_week();
    DayView {
        date: date_text(date),
        weekday: date.weekday().number_from_monday(),
        iso_year: iso.year(),
        iso_week: iso.week(),
        red_day: is_red_day(date),
        holiday: (!names.is_empty()).then(|| names.join(", ")),
    }
}

/// The rotation a shift id belongs to, by its `{rotation id}:` prefix.
pub(crate) fn rotation_of<'a>(
    plan: &'a Plan,
    shift: &crate::model::ShiftId,
) -> Option<&'a Rotation> {
    plan.rotations
        .iter()
        .find(|r| shift.as_str().starts_with(&format!("{}:", r.id)))
}

/// The pattern's own shifts (no day changes) of every rotation over `[from, to]`, by id.
fn pattern_shifts(plan: &Plan, from: NaiveDate, to: NaiveDate) -> HashMap<String, Shift> {
    let mut out = HashMap::new();
    for r in &plan.rotations {
        let bare = Rotation {
            changes: Vec::new(),
            ..r.clone()
        };
        if let Ok(expansion) = rotation::expand(plan, &bare, from, to) {
            for s in expansion.shifts {
                out.insert(s.id.to_string(), s);
            }
        }
    }
    out
}

fn severity_key(s: Severity) -> &'static str {
    s.key()
}

fn shift_views(
    plan: &Plan,
    window: Interval,
    from: NaiveDate,
    to: NaiveDate,
    report: &Report,
    lang: Language,
) -> Vec<ShiftView> {
    let absences = crate::cover::Absences::new(plan);
    let patterns = pattern_shifts(plan, from - Duration::days(1), to);
    let mut worst: HashMap<&str, Severity> = HashMap::new();
    for f in &report.findings {
        for id in &f.shifts {
            let entry = worst.entry(id.as_str()).or_insert(f.severity);
            if f.severity < *entry {
                *entry = f.severity;
            }
        }
    }
    let mut shifts: Vec<&Shift> = plan
        .shifts
        .iter()
        .filter(|s| s.interval().overlap(window) > 0)
        .collect();
    shifts.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    shifts
        .into_iter()
        .map(|s| {
            let rotation = rotation_of(plan, &s.id);
            let pattern = patterns.get(s.id.as_str());
            let differs = rotation.is_some()
                && pattern.is_none_or(|p| {
                    p.start != s.start
                        || p.end != s.end
                        || p.assistant != s.assistant
                        || (p.status == ShiftStatus::Cancelled)
                            != (s.status == ShiftStatus::Cancelled)
                });
            let original = plan.original_assistant(s);
            let away = absences.of_shift(s);
            let cover_for =
                original.and_then(|who| absences.during(who, s.start.local_date(), s.interval()));
            ShiftView {
                needs_cover: away.is_some(),
                original_assistant: original.map(|a| a.to_string()),
                absence_label: away
                    .or(cover_for)
                    .map(|a| super::absence::absence_label(a, lang)),
                id: s.id.to_string(),
                assistant: s.assistant.as_ref().map(|a| a.to_string()),
                day: date_text(s.start.local_date()),
                start: local_text(s.start),
                end: local_text(s.end),
                start_offset: offset_text(s.start),
                end_offset: offset_text(s.end),
                hours: round2(s.working_seconds() as f64 / HOUR as f64),
                break_minutes: s.break_minutes,
                passive_minutes: s.passive_minutes,
                long_shift: s.long_shift,
                service: s.service.key().to_string(),
                status: s.status.key().to_string(),
                note: s.note.clone(),
                shift_type: s.shift_type.clone(),
                rotation: rotation.map(|r| r.id.to_string()),
                differs_from_pattern: differs,
                pattern: pattern.filter(|_| differs).map(|p| PatternShift {
                    start: local_text(p.start),
                    end: local_text(p.end),
                    assistant: p.assistant.as_ref().map(|a| a.to_string()),
                }),
                worst: worst
                    .get(s.id.as_str())
                    .map(|s| severity_key(*s).to_string()),
            }
        })
        .collect()
}

/// The work day of every shift, by id.
type WorkDays<'a> = HashMap<&'a str, NaiveDate>;

fn finding_dates(days: &WorkDays<'_>, f: &Finding, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut dates: Vec<NaiveDate> = f
        .shifts
        .iter()
        .filter_map(|id| days.get(id.as_str()).copied())
        .collect();
    if dates.is_empty() {
        let first = f.start.local_date().max(from);
        // The end is exclusive: a finding ending at midnight does not concern the next day.
        let last_instant = if f.end > f.start {
            f.end.plus(-1)
        } else {
            f.end
        };
        let last = last_instant.local_date().min(to);
        let mut d = first;
        while d <= last {
            dates.push(d);
            d += Duration::days(1);
        }
    }
    dates.sort();
    dates.dedup();
    dates.into_iter().map(date_text).collect()
}

fn finding_view(
    plan: &Plan,
    days: &WorkDays<'_>,
    f: &Finding,
    (from, to): (NaiveDate, NaiveDate),
    lang: Language,
) -> FindingView {
    let names = f
        .assistants
        .iter()
        .map(|id| {
            plan.assistant(id)
                .map_or_else(|| id.to_string(), |a| a.name_or_id())
        })
        .collect();
    FindingView {
        rule: f.rule.id().to_string(),
        severity: f.severity.key().to_string(),
        severity_label: severity_label(f.severity, lang.lang()).to_string(),
        title: rule_title(f.rule, lang.lang()).to_string(),
        explanation: explain(f, lang.lang()),
        assistants: f.assistants.iter().map(|a| a.to_string()).collect(),
        assistant_names: names,
        start: f.start.to_rfc3339(),
        end: f.end.to_rfc3339(),
        measured: saturating_i32(f.measured),
        limit: saturating_i32(f.limit),
        limit_note: super::limits::limit_note(plan, f, lang),
        unit: match f.unit {
            Unit::Minutes => "minutes",
            Unit::Days => "days",
        }
        .to_string(),
        shifts: f.shifts.iter().map(|s| s.to_string()).collect(),
        law: f.law().to_string(),
        dates: finding_dates(days, f, from, to),
    }
}

fn hours_view(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    lang: Language,
) -> HoursView {
    let year = from
        .year()
        .clamp(crate::time::FIRST_YEAR, crate::time::LAST_YEAR);
    let report = hours::year_report(plan, year, today);
    let window = Interval::new(
        Instant::start_of_day(from),
        Instant::start_of_day(to + Duration::days(1)),
    );
    let mut window_hours = Vec::new();
    for service in ServiceType::ALL {
        let budget = hours::budget_hours(plan, service, from, to);
        let usage = hours::usage(plan, service, window, today);
        let in_year = report.services.iter().find(|s| s.service == service);
        if budget.abs() < 0.005 && usage.total_minutes() < 0.3 && in_year.is_none() {
            continue;
        }
        let used = usage.used_minutes / 60.0;
        let planned = usage.planned_minutes / 60.0;
        window_hours.push(ServiceHours {
            service: service.key().to_string(),
            name: service_name(service, lang),
            budget_hours: round2(budget),
            used_hours: round2(used),
            planned_hours: round2(planned),
            remaining_hours: round2(budget - used - planned),
            forecast_hours: round2(in_year.map_or(0.0, |s| s.forecast_hours)),
        });
    }
    let year_services = report
        .services
        .iter()
        .map(|s| ServiceYear {
            hours: ServiceHours {
                service: s.service.key().to_string(),
                name: service_name(s.service, lang),
                budget_hours: round2(s.budget_hours),
                used_hours: round2(s.used_hours),
                planned_hours: round2(s.planned_hours),
                remaining_hours: round2(s.remaining_hours),
                forecast_hours: round2(s.forecast_hours),
            },
            frame: match s.frame {
                hours::FrameKind::Annual => "annual",
                hours::FrameKind::Weekly => "weekly",
                hours::FrameKind::Mixed => "mixed",
                hours::FrameKind::None => "none",
            }
            .to_string(),
            lapsing_hours: round2(s.lapsing_hours),
            weeks: s
                .weeks
                .iter()
                .map(|w| WeekHoursView {
                    iso_year: w.iso_year,
                    iso_week: w.iso_week,
                    monday: date_text(w.monday),
                    budget_hours: round2(w.budget_hours),
                    used_hours: round2(w.used_hours),
                    planned_hours: round2(w.planned_hours),
                })
                .collect(),
        })
        .collect();
    HoursView {
        today: date_text(today),
        window: window_hours,
        year,
        year_services,
    }
}

/// The findings of `report` as the UI shows them, their dates inside `from`–`to`.
pub(crate) fn finding_views(
    plan: &Plan,
    report: &Report,
    (from, to): (NaiveDate, NaiveDate),
    lang: Language,
) -> Vec<FindingView> {
    let work_days: WorkDays<'_> = plan
        .shifts
        .iter()
        .map(|s| (s.id.as_str(), s.start.local_date()))
        .collect();
    report
        .findings
        .iter()
        .map(|f| finding_view(plan, &work_days, f, (from, to), lang))
        .collect()
}

/// The counts of `report`.
pub(crate) fn summary_view(report: &Report) -> SummaryView {
    SummaryView {
        violations: saturating_u32(report.summary.violations),
        warnings: saturating_u32(report.summary.warnings),
        infos: saturating_u32(report.summary.infos),
    }
}

/// What the view is built from.
pub(crate) struct Parts<'a> {
    pub plan: &'a Plan,
    pub vedtak_ids: &'a [VedtakId],
    pub report: &'a Report,
    /// The whole plan's check, for its counts.
    pub plan_report: &'a Report,
    pub file: FileView,
    pub history: HistoryState,
    pub window: &'a Window,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
    pub lang: Language,
}

/// The whole view.
pub(crate) fn plan_view(parts: Parts<'_>) -> PlanView {
    let Parts {
        plan,
        vedtak_ids,
        report,
        plan_report,
        file,
        history,
        window,
        from,
        to,
        today,
        lang,
    } = parts;
    let interval = Interval::new(
        Instant::start_of_day(from),
        Instant::start_of_day(to + Duration::days(1)),
    );
    let mut days = Vec::new();
    let mut d = from;
    while d <= to {
        days.push(day_view(d, lang));
        d += Duration::days(1);
    }
    let s = &plan.settings;
    PlanView {
        file,
        window: window.clone(),
        language: lang,
        settings: SettingsView {
            name: s.name.clone(),
            arbeidsleder: s.arbeidsleder.clone(),
            leverandor: s.leverandor.clone(),
            current_user: s.current_user.clone(),
            carry_over: s.carry_over,
            main_holiday_deadline: s.main_holiday_deadline.map(|d| d.to_string()),
        },
        profile: ProfileView {
            preset: plan.profile.preset.key().to_string(),
            preset_name: preset_name(&plan.profile, lang),
            overrides: json!(plan.profile.raw_overrides()),
            values: profile_rows(&plan.profile, lang),
        },
        assistants: plan
            .assistants
            .iter()
            .map(|a| assistant_view(a, &plan.busy))
            .collect(),
        shift_types: plan.shift_types.iter().map(shift_type_view).collect(),
        vedtak: vedtak_ids
            .iter()
            .zip(&plan.vedtak)
            .map(|(id, v)| vedtak_view(id, v))
            .collect(),
        rotations: plan
            .rotations
            .iter()
            .map(|r| rotation_view(plan, r, lang))
            .collect(),
        days,
        shifts: shift_views(plan, interval, from, to, report, lang),
        findings: finding_views(plan, report, (from, to), lang),
        summary: summary_view(report),
        plan_summary: summary_view(plan_report),
        hours: hours_view(plan, from, to, today, lang),
        history,
        absences: super::absence::absence_views(plan, from, to, lang),
    }
}

/// A change-log description (`add shift`) in `lang`.
pub(crate) fn describe(what: &str, lang: Language) -> String {
    let (nb, en) = match what {
        "add assistant" => ("Legg til assistent", "Add assistant"),
        "update assistant" => ("Endre assistent", "Change assistant"),
        "delete assistant" => ("Slett assistent", "Delete assistant"),
        "add shift type" => ("Legg til vakttype", "Add shift type"),
        "update shift type" => ("Endre vakttype", "Change shift type"),
        "delete shift type" => ("Slett vakttype", "Delete shift type"),
        "add shift" => ("Legg til vakt", "Add shift"),
        "update shift" => ("Endre vakt", "Change shift"),
        "delete shift" => ("Slett vakt", "Delete shift"),
        "add vedtak" => ("Legg til vedtak", "Add vedtak"),
        "update vedtak" => ("Endre vedtak", "Change vedtak"),
        "delete vedtak" => ("Slett vedtak", "Delete vedtak"),
        "add absence" => ("Legg til fravær", "Add absence"),
        "update absence" => ("Endre fravær", "Change absence"),
        "delete absence" => ("Slett fravær", "Delete absence"),
        "add rotation" => ("Legg til turnusmønster", "Add rotation pattern"),
        "update rotation" => ("Endre turnusmønster", "Change rotation pattern"),
        "delete rotation" => ("Slett turnusmønster", "Delete rotation pattern"),
        "apply rotation" => (
            "Bruk turnusmønsteret på kalenderen",
            "Apply the rotation pattern to the calendar",
        ),
        "update settings" => ("Endre innstillinger for planen", "Change plan settings"),
        "set profile" => ("Endre regelprofil", "Change rule profile"),
        "add busy time" => ("Legg til annet arbeid", "Add work elsewhere"),
        "update busy time" => ("Endre annet arbeid", "Change work elsewhere"),
        "delete busy time" => ("Slett annet arbeid", "Delete work elsewhere"),
        "import busy time" => (
            "Les inn annet arbeid fra en kalender",
            "Import work elsewhere from a calendar",
        ),
        "remove busy time" => (
            "Fjern annet arbeid fra en kalender",
            "Remove work elsewhere from a calendar",
        ),
        "set cover" => ("Sett inn vikar", "Assign cover"),
        "assign cover" => ("Sett inn vikar", "Assign cover"),
        "apply cover" => (
            "Sett inn vikarer for perioden",
            "Assign cover for the period",
        ),
        "set holiday carry-over" => ("Endre overførte feriedager", "Change carried-over holiday"),
        "import" => (
            "Planen ble laget eller importert",
            "Plan created or imported",
        ),
        other => return other.to_string(),
    };
    lang.pick(nb, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constitution_day_is_a_named_red_day_and_a_plain_sunday_has_no_name() {
        let may17 = NaiveDate::from_ymd_opt(2026, 5, 17).expect("a real date");
        let day = day_view(may17, Language::Nb);
        assert!(day.red_day, "17 May is a red day");
        assert_eq!(
            day.holiday.as_deref(),
            Some("17. mai"),
            "its name is shown, not «søndag»"
        );
        let sunday = day_view(
            NaiveDate::from_ymd_opt(2026, 6, 14).expect("a real date"),
            Language::En,
        );
        assert!(
            sunday.red_day && sunday.holiday.is_none(),
            "a plain Sunday is red without a name"
        );
        assert_eq!((sunday.iso_week, sunday.weekday), (24, 7));
    }

    #[test]
    fn every_profile_value_has_a_row_and_edited_ones_are_marked() {
        let mut overrides = std::collections::BTreeMap::new();
        overrides.insert("weekly_normal_avg_h".to_string(), json!(38));
        let profile = Profile::from_raw("aml", &overrides).expect("a valid profile");
        let rows = profile_rows(&profile, Language::Nb);
        assert_eq!(rows.len(), Param::ALL.len(), "one row per parameter");
        let avg = rows
            .iter()
            .find(|r| r.key == "weekly_normal_avg_h")
            .expect("the edited row is there");
        assert!(avg.edited, "an override is marked as edited");
        assert_eq!(avg.value, json!(38.0));
        assert!(
            rows.iter().filter(|r| r.edited).count() == 1,
            "only the override is marked"
        );
    }
}
