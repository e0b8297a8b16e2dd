//! Raw input → the model's validated types. Every refusal is an `invalid_input` error whose
//! `details` name the field and the value, with one sentence in the user's language saying
//! what was wrong and what to do.
//!
//! A local time that happens twice (the autumn night, 02:00–02:59 on the last Sunday of
//! October) is refused without an offset; `details.choices` then lists both offsets with the
//! instant each one means, so the UI can ask which one.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Offset, TimeZone, Weekday};
use chrono_tz::Tz;
use serde_json::{json, Value};

use super::error::{ErrorCode, IpcError};
use super::input::{
    AssistantInput, ProfileInput, RotationInput, SettingsInput, ShiftInput, ShiftTypeInput,
    VedtakInput, Window,
};
use super::Language;
use crate::limits;
use crate::model::{
    Assistant, AssistantId, NightHelp, Plan, Profile, ProfileError, Role, Rotation, RotationId,
    ServiceType, Settings, Shift, ShiftId, ShiftStatus, ShiftType, Slot, Vedtak,
};
use crate::time::{Instant, OSLO};

/// The longest window a view may show, in days.
pub const MAX_WINDOW_DAYS: i64 = 400;

fn bad(field: &str, value: impl Into<Value>, lang: Language, nb: &str, en: &str) -> IpcError {
    IpcError::field(field, value, lang.pick(nb, en))
}

/// A date `YYYY-MM-DD` in the field `field`.
pub fn date(field: &str, text: &str, lang: Language) -> Result<NaiveDate, IpcError> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        bad(
            field,
            text,
            lang,
            "Datoen kan ikke leses. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-06-08.",
            "The date cannot be read. Write it as YYYY-MM-DD, for example 2026-06-08.",
        )
    })?;
    if !crate::time::date_supported(date) {
        return Err(bad(
            field,
            text,
            lang,
            "Datoen ligger utenfor årene Turnus håndterer. Velg en dato fra 1900 til 2200.",
            "The date is outside the years Turnus handles. Choose a date from 1900 to 2200.",
        ));
    }
    Ok(date)
}

fn optional_date(
    field: &str,
    text: &Option<String>,
    lang: Language,
) -> Result<Option<NaiveDate>, IpcError> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => date(field, t, lang).map(Some),
    }
}

/// A time of day `HH:MM` in the field `field`.
pub fn clock(field: &str, text: &str, lang: Language) -> Result<NaiveTime, IpcError> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        bad(
            field,
            text,
            lang,
            "Klokkeslettet kan ikke leses. Skriv det som TT:MM, for eksempel 07:30.",
            "The time cannot be read. Write it as HH:MM, for example 07:30.",
        )
    })
}

/// The window's dates, checked: both dates readable, `to` not before `from`, at most
/// [`MAX_WINDOW_DAYS`] days.
pub fn window(window: &Window, lang: Language) -> Result<(NaiveDate, NaiveDate), IpcError> {
    let from = date("window.from", &window.from, lang)?;
    let to = date("window.to", &window.to, lang)?;
    if to < from {
        return Err(bad(
            "window.to",
            window.to.as_str(),
            lang,
            "Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.",
            "The end date is before the start date. Choose an end date after the start date.",
        ));
    }
    if (to - from).num_days() >= MAX_WINDOW_DAYS {
        return Err(bad(
            "window.to",
            window.to.as_str(),
            lang,
            "Perioden er for lang. Vis høyst ett år om gangen.",
            "The period is too long. Show at most one year at a time.",
        ));
    }
    Ok((from, to))
}

/// Refuse edits that would leave the plan with more shifts or assistants than
/// `crate::limits` allows: `shifts` and `assistants` are the counts after the edits.
pub fn plan_size(shifts: usize, assistants: usize, lang: Language) -> Result<(), IpcError> {
    if shifts > limits::MAX_SHIFTS {
        let max = limits::MAX_SHIFTS;
        return Err(bad(
            "shifts",
            shifts,
            lang,
            &format!("Planen ville fått {shifts} vakter, men en plan kan ha høyst {max}. Del planen, eller slett gamle vakter først."),
            &format!("The plan would get {shifts} shifts, but a plan holds at most {max}. Split the plan, or delete old shifts first."),
        ));
    }
    if assistants > limits::MAX_ASSISTANTS {
        let max = limits::MAX_ASSISTANTS;
        return Err(bad(
            "assistants",
            assistants,
            lang,
            &format!("Planen ville fått {assistants} assistenter, men en plan kan ha høyst {max}."),
            &format!("The plan would get {assistants} assistants, but a plan holds at most {max}."),
        ));
    }
    Ok(())
}

/// A period of the law check: `from` and `to` (inclusive), each optional (`None` or empty:
/// open at that end). A date that cannot be read, or an end before the start, is refused
/// naming its field.
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
    lang: Language,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), IpcError> {
    let from_date = optional_date("from", &from.map(str::to_string), lang)?;
    let to_date = optional_date("to", &to.map(str::to_string), lang)?;
    if let (Some(a), Some(b)) = (from_date, to_date) {
        if b < a {
            return Err(bad(
                "to",
                to.unwrap_or_default(),
                lang,
                "Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.",
                "The end date is before the start date. Choose an end date after the start date.",
            ));
        }
    }
    Ok((from_date, to_date))
}

fn offset_text(t: &chrono::DateTime<Tz>) -> String {
    let secs = t.offset().fix().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, (secs % 3600) / 60)
}

/// The instant of local `time` on `day`; in the autumn fold `offset` (`+02:00`/`+01:00`)
/// picks one of the two, and without it the error lists both as `details.choices`.
pub fn local_instant(
    field: &str,
    day: NaiveDate,
    time: NaiveTime,
    offset: Option<&str>,
    lang: Language,
) -> Result<Instant, IpcError> {
    let naive = day.and_time(time);
    let shown = naive.format("%Y-%m-%dT%H:%M").to_string();
    match OSLO.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => Ok(Instant::from_unix(t.timestamp())),
        chrono::LocalResult::None => Err(bad(
            field,
            shown,
            lang,
            "Dette klokkeslettet finnes ikke den natten: klokken hopper fra 02:00 til 03:00. Velg 03:00 eller senere.",
            "This time does not exist that night: the clocks jump from 02:00 to 03:00. Choose 03:00 or later.",
        )),
        chrono::LocalResult::Ambiguous(first, second) => {
            let wanted = offset.map(str::trim).filter(|o| !o.is_empty());
            for candidate in [first, second] {
                if wanted == Some(offset_text(&candidate).as_str()) {
                    return Ok(Instant::from_unix(candidate.timestamp()));
                }
            }
            let choices: Vec<Value> = [first, second]
                .iter()
                .map(|t| {
                    json!({
                        "offset": offset_text(t),
                        "instant": Instant::from_unix(t.timestamp()).to_rfc3339(),
                    })
                })
                .collect();
            Err(IpcError::new(
                ErrorCode::InvalidInput,
                lang.pick(
                    "Dette klokkeslettet kommer to ganger den natten fordi klokken stilles tilbake. Velg om du mener det første (sommertid, +02:00) eller det andre (vintertid, +01:00).",
                    "This time happens twice that night because the clocks go back. Choose whether you mean the first (summer time, +02:00) or the second (winter time, +01:00).",
                ),
            )
            .with_details(json!({
                "field": field,
                "value": shown,
                "choices": choices,
                "given_offset": wanted,
            })))
        }
    }
}

/// A service type key.
pub fn service(field: &str, key: &str, lang: Language) -> Result<ServiceType, IpcError> {
    ServiceType::from_key(key.trim()).ok_or_else(|| {
        bad(
            field,
            key,
            lang,
            "Ukjent tjenestetype. Velg personlig assistanse, støttekontakt eller avlastning.",
            "Unknown service type. Choose personal assistance, support contact or respite care.",
        )
    })
}

fn status(field: &str, key: &str, lang: Language) -> Result<ShiftStatus, IpcError> {
    match key.trim() {
        "planned" => Ok(ShiftStatus::Planned),
        "worked" => Ok(ShiftStatus::Worked),
        "cancelled" => Ok(ShiftStatus::Cancelled),
        _ => Err(bad(
            field,
            key,
            lang,
            "Ukjent status. Velg planlagt, arbeidet eller avlyst.",
            "Unknown status. Choose planned, worked or cancelled.",
        )),
    }
}

fn colour(field: &str, text: &Option<String>, lang: Language) -> Result<String, IpcError> {
    let text = text.as_deref().unwrap_or("").trim();
    let ok = text.is_empty()
        || (text.len() == 7
            && text.starts_with('#')
            && text[1..].chars().all(|c| c.is_ascii_hexdigit()));
    if ok {
        Ok(text.to_lowercase())
    } else {
        Err(bad(
            field,
            text,
            lang,
            "Fargen kan ikke leses. Velg en farge, eller skriv den som #rrggbb.",
            "The colour cannot be read. Choose a colour, or write it as #rrggbb.",
        ))
    }
}

fn assistant_ref(
    plan: &Plan,
    field: &str,
    id: &Option<String>,
    lang: Language,
) -> Result<Option<AssistantId>, IpcError> {
    match id.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(id) => {
            let id = AssistantId(id.to_string());
            if plan.assistant(&id).is_none() {
                return Err(bad(
                    field,
                    id.as_str(),
                    lang,
                    "Assistenten finnes ikke i planen. Velg en assistent fra listen.",
                    "The assistant is not in the plan. Choose an assistant from the list.",
                ));
            }
            Ok(Some(id))
        }
    }
}

fn required_text(
    field: &str,
    text: &str,
    lang: Language,
    nb: &str,
    en: &str,
) -> Result<String, IpcError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(bad(field, text, lang, nb, en));
    }
    optional_text(field, text, lang)
}

/// A text that may be empty, trimmed, of at most [`limits::MAX_NAME_CHARS`] characters.
fn optional_text(field: &str, text: &str, lang: Language) -> Result<String, IpcError> {
    let trimmed = text.trim();
    if limits::name_too_long(trimmed) {
        let max = limits::MAX_NAME_CHARS;
        return Err(bad(
            field,
            text,
            lang,
            &format!("Teksten er for lang. Bruk høyst {max} tegn."),
            &format!("The text is too long. Use at most {max} characters."),
        ));
    }
    Ok(trimmed.to_string())
}

fn minutes_inside(
    field: &str,
    minutes: u32,
    length_minutes: i64,
    lang: Language,
) -> Result<u32, IpcError> {
    if i64::from(minutes) > length_minutes {
        return Err(bad(
            field,
            minutes,
            lang,
            "Pausen og passiv tid må være kortere enn vakten. Skriv færre minutter.",
            "Breaks and passive time must be shorter than the shift. Enter fewer minutes.",
        ));
    }
    Ok(minutes)
}

/// A shift from the editor's input; `id` is the shift's id (empty for a new one).
pub fn shift(
    plan: &Plan,
    input: &ShiftInput,
    id: ShiftId,
    lang: Language,
) -> Result<Shift, IpcError> {
    let day = date("day", &input.day, lang)?;
    let kind = match input.shift_type.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(plan.shift_type(code).ok_or_else(|| {
            bad(
                "shift_type",
                code,
                lang,
                "Vakttypen finnes ikke i planen. Velg en vakttype fra listen.",
                "The shift type is not in the plan. Choose a shift type from the list.",
            )
        })?),
    };
    let time_of = |field: &str, text: &str, from_type: Option<NaiveTime>| {
        if text.trim().is_empty() {
            from_type.ok_or_else(|| {
                bad(
                    field,
                    text,
                    lang,
                    "Skriv inn et klokkeslett som TT:MM, eller velg en vakttype.",
                    "Enter a time as HH:MM, or choose a shift type.",
                )
            })
        } else {
            clock(field, text, lang)
        }
    };
    let start_time = time_of("start", &input.start, kind.map(|k| k.start))?;
    let end_time = time_of("end", &input.end, kind.map(|k| k.end))?;
    let end_day = if end_time <= start_time {
        day + Duration::days(1)
    } else {
        day
    };
    let start = local_instant(
        "start",
        day,
        start_time,
        input.start_offset.as_deref(),
        lang,
    )?;
    let end = local_instant("end", end_day, end_time, input.end_offset.as_deref(), lang)?;
    if end <= start {
        return Err(bad(
            "end",
            input.end.as_str(),
            lang,
            "Vakten slutter før den begynner. Velg et senere sluttidspunkt.",
            "The shift ends before it starts. Choose a later end time.",
        ));
    }
    let length = (end - start) / 60;
    let break_minutes = minutes_inside(
        "break_minutes",
        input
            .break_minutes
            .unwrap_or(kind.map_or(0, |k| k.break_minutes)),
        length,
        lang,
    )?;
    let passive_minutes = minutes_inside(
        "passive_minutes",
        input
            .passive_minutes
            .unwrap_or(kind.map_or(0, |k| k.passive_minutes)),
        length,
        lang,
    )?;
    minutes_inside(
        "passive_minutes",
        break_minutes.saturating_add(passive_minutes),
        length,
        lang,
    )?;
    let service = match input.service.as_deref() {
        Some(key) if !key.trim().is_empty() => service("service", key, lang)?,
        _ => kind.map_or(ServiceType::PersonligAssistanse, |k| k.service),
    };
    let status = match input.status.as_deref() {
        Some(key) if !key.trim().is_empty() => status("status", key, lang)?,
        _ => ShiftStatus::Planned,
    };
    Ok(Shift {
        id,
        assistant: assistant_ref(plan, "assistant", &input.assistant, lang)?,
        start,
        end,
        break_minutes,
        passive_minutes,
        long_shift: input
            .long_shift
            .unwrap_or(kind.is_some_and(|k| k.long_shift)),
        service,
        status,
        note: input.note.clone().unwrap_or_default().trim().to_string(),
        shift_type: kind.map(|k| k.code.clone()),
        created_at: None,
        updated_at: None,
    })
}

/// A profile from a preset key and overrides; `field` prefixes the fields named in errors.
pub fn profile(field: &str, input: &ProfileInput, lang: Language) -> Result<Profile, IpcError> {
    let preset = if input.preset.trim().is_empty() {
        "aml"
    } else {
        input.preset.trim()
    };
    Profile::from_raw(preset, &input.overrides).map_err(|e| match e {
        ProfileError::UnknownPreset(p) => bad(
            &format!("{field}.preset"),
            p,
            lang,
            "Ukjent regelprofil. Velg en av profilene i listen.",
            "Unknown rule profile. Choose one of the profiles in the list.",
        ),
        ProfileError::UnknownParam(key) => bad(
            &format!("{field}.overrides.{key}"),
            key.as_str(),
            lang,
            "Ukjent verdi i profilen. Velg en av verdiene i listen.",
            "Unknown profile value. Choose one of the values in the list.",
        ),
        ProfileError::Invalid { param, value, why } => IpcError::field(
            &format!("{field}.overrides.{param}"),
            value,
            match lang {
                Language::Nb => format!("Verdien kan ikke brukes ({why}). Rett den og prøv igjen."),
                Language::En => {
                    format!("The value cannot be used ({why}). Correct it and try again.")
                }
            },
        ),
    })
}

/// An assistant from the form; `id` is theirs (empty for a new one).
pub fn assistant(
    input: &AssistantInput,
    id: AssistantId,
    lang: Language,
) -> Result<Assistant, IpcError> {
    let name = required_text(
        "name",
        &input.name,
        lang,
        "Skriv inn navnet til assistenten.",
        "Enter the assistant's name.",
    )?;
    let role = match input.role.as_deref().map(str::trim) {
        None | Some("") | Some("fast") => Role::Fast,
        Some("vikar") => Role::Vikar,
        Some(other) => {
            return Err(bad(
                "role",
                other,
                lang,
                "Ukjent rolle. Velg fast assistent eller vikar.",
                "Unknown role. Choose permanent assistant or substitute.",
            ))
        }
    };
    let contract_minutes_per_week = match input.contract_hours_per_week {
        None => None,
        Some(h) if h.is_finite() && (0.0..=100.0).contains(&h) => Some((h * 60.0).round() as i64),
        Some(h) => {
            return Err(bad(
                "contract_hours_per_week",
                h,
                lang,
                "Timer per uke i kontrakten må være mellom 0 og 100.",
                "Contract hours per week must be between 0 and 100.",
            ))
        }
    };
    let birth_year = match input.birth_year {
        Some(y) if !(1900..=2100).contains(&y) => {
            return Err(bad(
                "birth_year",
                y,
                lang,
                "Fødselsåret må være et årstall, for eksempel 1985.",
                "The birth year must be a year, for example 1985.",
            ))
        }
        other => other,
    };
    let holiday_entitlement = input.holiday_entitlement.unwrap_or(25);
    if !(20..=40).contains(&holiday_entitlement) {
        return Err(bad(
            "holiday_entitlement",
            holiday_entitlement,
            lang,
            "Feriedager må være mellom 20 og 40 virkedager, vanligvis 25 eller 30.",
            "Holiday must be between 20 and 40 working days, usually 25 or 30.",
        ));
    }
    let profile = match &input.profile {
        None => None,
        Some(p) => Some(profile("profile", p, lang)?),
    };
    Ok(Assistant {
        id,
        name,
        phone: input.phone.clone().unwrap_or_default().trim().to_string(),
        email: input.email.clone().unwrap_or_default().trim().to_string(),
        role,
        contract_minutes_per_week,
        colour: colour("colour", &input.colour, lang)?,
        profile,
        birth_year,
        holiday_entitlement,
        close_family: input.close_family.unwrap_or(false),
        family_approval: optional_date("family_approval", &input.family_approval, lang)?,
        start_date: optional_date("start_date", &input.start_date, lang)?,
    })
}

/// A vedtak version from the form.
pub fn vedtak(input: &VedtakInput, lang: Language) -> Result<Vedtak, IpcError> {
    let from = date("from", &input.from, lang)?;
    let to = optional_date("to", &input.to, lang)?;
    if to.is_some_and(|to| to < from) {
        return Err(bad(
            "to",
            input.to.clone().unwrap_or_default(),
            lang,
            "Vedtaket slutter før det begynner. Velg en sluttdato etter startdatoen.",
            "The vedtak ends before it starts. Choose an end date after the start date.",
        ));
    }
    let mut hours_per_week = BTreeMap::new();
    for (key, hours) in &input.hours_per_week {
        let field = format!("hours_per_week.{key}");
        let service = service(&field, key, lang)?;
        if !hours.is_finite() || !(0.0..=168.0).contains(hours) {
            return Err(bad(
                &field,
                *hours,
                lang,
                "Timer per uke må være mellom 0 og 168.",
                "Hours per week must be between 0 and 168.",
            ));
        }
        hours_per_week.insert(service, *hours);
    }
    let night = match input.night.as_deref().map(str::trim) {
        None | Some("") | Some("included") => NightHelp::Included,
        Some("excluded") => NightHelp::Excluded,
        Some(other) => {
            return Err(bad(
                "night",
                other,
                lang,
                "Velg om nattjeneste er med i vedtaket eller ikke.",
                "Choose whether night help is part of the vedtak or not.",
            ))
        }
    };
    let passive_factor = input.passive_factor.unwrap_or(1.0);
    if !passive_factor.is_finite() || !(0.0..=1.0).contains(&passive_factor) {
        return Err(bad(
            "passive_factor",
            passive_factor,
            lang,
            "Faktoren for passiv tid må være mellom 0 og 1.",
            "The factor for passive time must be between 0 and 1.",
        ));
    }
    Ok(Vedtak {
        from,
        to,
        annual_frame: input.annual_frame.unwrap_or(false),
        hours_per_week,
        double_staffing: input.double_staffing.unwrap_or(false),
        night,
        passive_factor,
    })
}

/// A shift type from the form.
pub fn shift_type(input: &ShiftTypeInput, lang: Language) -> Result<ShiftType, IpcError> {
    let code = required_text(
        "code",
        &input.code,
        lang,
        "Skriv inn en kort kode for vakttypen, for eksempel D for dagvakt.",
        "Enter a short code for the shift type, for example D for a day shift.",
    )?;
    if code.chars().count() > 8 || code.contains(':') {
        return Err(bad(
            "code",
            code.as_str(),
            lang,
            "Koden må være kort: høyst 8 tegn, uten kolon.",
            "The code must be short: at most 8 characters, without a colon.",
        ));
    }
    let start = clock("start", &input.start, lang)?;
    let end = clock("end", &input.end, lang)?;
    let length = {
        let minutes = (end - start).num_minutes();
        if minutes <= 0 {
            minutes + 24 * 60
        } else {
            minutes
        }
    };
    let break_minutes = minutes_inside(
        "break_minutes",
        input.break_minutes.unwrap_or(0),
        length,
        lang,
    )?;
    let passive_minutes = minutes_inside(
        "passive_minutes",
        input.passive_minutes.unwrap_or(0),
        length,
        lang,
    )?;
    minutes_inside(
        "passive_minutes",
        break_minutes.saturating_add(passive_minutes),
        length,
        lang,
    )?;
    let service = match input.service.as_deref() {
        Some(key) if !key.trim().is_empty() => service("service", key, lang)?,
        _ => ServiceType::PersonligAssistanse,
    };
    Ok(ShiftType {
        name: match optional_text("name", &input.name, lang)? {
            name if name.is_empty() => code.clone(),
            name => name,
        },
        code,
        start,
        end,
        break_minutes,
        passive_minutes,
        service,
        colour: colour("colour", &input.colour, lang)?,
        long_shift: input.long_shift.unwrap_or(false),
    })
}

fn weekday(n: u32) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

/// A rotation from the form, keeping the day changes the plan has recorded for `id`.
pub fn rotation(
    plan: &Plan,
    input: &RotationInput,
    id: RotationId,
    lang: Language,
) -> Result<Rotation, IpcError> {
    let name = required_text(
        "name",
        &input.name,
        lang,
        "Skriv inn et navn på turnusen.",
        "Enter a name for the rotation.",
    )?;
    if !(1..=crate::rotation::MAX_WEEKS).contains(&input.weeks) {
        return Err(bad(
            "weeks",
            input.weeks,
            lang,
            "En turnus har fra 1 til 12 uker.",
            "A rotation has 1 to 12 weeks.",
        ));
    }
    let start = date("start", &input.start, lang)?;
    if start.weekday() != Weekday::Mon {
        return Err(bad(
            "start",
            input.start.as_str(),
            lang,
            "En turnus begynner på en mandag. Velg en mandag.",
            "A rotation starts on a Monday. Choose a Monday.",
        ));
    }
    let until = optional_date("until", &input.until, lang)?;
    if until.is_some_and(|u| u < start) {
        return Err(bad(
            "until",
            input.until.clone().unwrap_or_default(),
            lang,
            "Turnusen slutter før den begynner. Velg en senere sluttdato.",
            "The rotation ends before it starts. Choose a later end date.",
        ));
    }
    let mut slots = Vec::with_capacity(input.slots.len());
    for (i, slot) in input.slots.iter().enumerate() {
        let field = |name: &str| format!("slots[{i}].{name}");
        if !(1..=input.weeks).contains(&slot.week) {
            return Err(bad(
                &field("week"),
                slot.week,
                lang,
                "Uken er utenfor turnusen. Velg en uke i turnusen.",
                "The week is outside the rotation. Choose a week of the rotation.",
            ));
        }
        let day = weekday(slot.weekday).ok_or_else(|| {
            bad(
                &field("weekday"),
                slot.weekday,
                lang,
                "Ukedagen må være fra 1 (mandag) til 7 (søndag).",
                "The weekday must be 1 (Monday) to 7 (Sunday).",
            )
        })?;
        if plan.shift_type(slot.shift_type.trim()).is_none() {
            return Err(bad(
                &field("shift_type"),
                slot.shift_type.as_str(),
                lang,
                "Vakttypen finnes ikke i planen. Velg en vakttype fra listen.",
                "The shift type is not in the plan. Choose a shift type from the list.",
            ));
        }
        slots.push(Slot {
            week: slot.week,
            weekday: day,
            shift_type: slot.shift_type.trim().to_string(),
            assistant: assistant_ref(plan, &field("assistant"), &slot.assistant, lang)?,
            skip_red_days: slot.skip_red_days.unwrap_or(false),
        });
    }
    let changes = plan
        .rotations
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.changes.clone())
        .unwrap_or_default();
    Ok(Rotation {
        id,
        name,
        weeks: input.weeks,
        start,
        until,
        slots,
        changes,
    })
}

/// The plan's settings from the form.
pub fn settings(input: &SettingsInput, lang: Language) -> Result<Settings, IpcError> {
    Ok(Settings {
        name: required_text(
            "name",
            &input.name,
            lang,
            "Skriv inn et navn på planen.",
            "Enter a name for the plan.",
        )?,
        arbeidsleder: required_text(
            "arbeidsleder",
            &input.arbeidsleder,
            lang,
            "Skriv inn navnet til arbeidslederen.",
            "Enter the arbeidsleder's name.",
        )?,
        leverandor: optional_text(
            "leverandor",
            input.leverandor.as_deref().unwrap_or_default(),
            lang,
        )?,
        current_user: optional_text(
            "current_user",
            input.current_user.as_deref().unwrap_or_default(),
            lang,
        )?,
        carry_over: input.carry_over.unwrap_or(false),
        main_holiday_deadline: match input.main_holiday_deadline.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(crate::model::MonthDay::parse(text).ok_or_else(|| {
                IpcError::field(
                    "main_holiday_deadline",
                    text,
                    lang.pick(
                        "Fristen for hovedferien må være en dag i året skrevet MM-DD, for eksempel 05-01.",
                        "The main holiday deadline must be a day of the year written MM-DD, such as 05-01.",
                    ),
                )
            })?),
        },
    })
}
