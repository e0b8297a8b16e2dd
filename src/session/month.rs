//! The month as worked (issue 13): the month view, confirming, correcting and marking shifts
//! as not worked, unplanned work, closing and reopening a month, each assistant's account
//! (timekonto), the egenandel estimate and the payroll CSV.
//!
//! Every edit is one undo step. The store refuses any change to a shift of a closed month,
//! also through undo and redo, with [`ErrorCode::MonthClosed`]; closing and reopening are not
//! undone by Undo (reopening needs a reason, which goes into the change log).

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::{local_text, offset_text, round2};
use super::export::{output_path, write_error, ExportDone};
use super::validate;
use super::{IpcError, Language, PlanView, Session, ShiftInput, Window};
use crate::egenandel::{self, EstimateError};
use crate::model::{
    Actual, AssistantId, ClosedMonth, EgenandelBracket, EgenandelChoice, EgenandelFee,
    EgenandelTable, Month, Shift, ShiftId, ShiftStatus,
};
use crate::store::Edit;
use crate::time::Instant;
use crate::worked::{self, CategoryMinutes};

/// Start, end, break and passive time of a shift, as planned or as worked.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimesView {
    /// Local `YYYY-MM-DDTHH:MM`.
    pub start: String,
    pub end: String,
    /// `+01:00` or `+02:00`.
    pub start_offset: String,
    pub end_offset: String,
    pub break_minutes: u32,
    pub passive_minutes: u32,
    /// end − start in hours, exact over clock changes.
    pub hours: f64,
}

/// One shift of the month.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MonthRow {
    pub shift: String,
    /// Null: an open shift.
    pub assistant: Option<String>,
    /// The assistant's name, or "Åpen vakt" / "Open shift".
    pub name: String,
    /// `YYYY-MM-DD`, the date the shift starts.
    pub work_day: String,
    pub planned: TimesView,
    /// The times as worked when they differ from the plan.
    pub actual: Option<TimesView>,
    /// `planned` (not confirmed yet), `worked` or `not_worked`.
    pub status: String,
    /// Why it was not worked.
    pub reason: Option<String>,
    /// Work added afterwards that was not planned.
    pub unplanned: bool,
    /// True when the times as worked differ from the plan.
    pub differs: bool,
    /// The whole row as one sentence, for screen readers.
    pub label: String,
    /// The service type's key.
    pub service: String,
    /// Marked personlig stell (never carries an egenandel).
    pub personlig_stell: bool,
}

/// One assistant's sums for the month, in minutes.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MonthSums {
    pub assistant: String,
    pub name: String,
    pub total_minutes: u32,
    pub evening_minutes: u32,
    pub night_minutes: u32,
    pub saturday_minutes: u32,
    pub sunday_minutes: u32,
    pub passive_minutes: u32,
    pub overtime_minutes: u32,
    /// The assistant's shifts not yet confirmed.
    pub unconfirmed: u32,
}

/// A month as worked.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct MonthView {
    /// `YYYY-MM`.
    pub month: String,
    /// "mai 2026" / "May 2026".
    pub name: String,
    pub closed: bool,
    pub closed_by: Option<String>,
    /// RFC 3339.
    pub closed_at: Option<String>,
    /// The month is closed, so its timelister are final.
    pub final_timelister: bool,
    pub rows: Vec<MonthRow>,
    /// Shifts of the month (of the assistant asked for) still planned.
    pub unconfirmed: u32,
    pub sums: Vec<MonthSums>,
    /// True when the month can be closed now (open, every shift confirmed, writable).
    pub can_close: bool,
    /// Why it cannot be closed now, as a sentence; null when it can (or is closed).
    pub close_blocked: Option<String>,
}

/// One period of an assistant's account, in hours.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimekontoPeriod {
    /// `2026-W23`, `2026-05` or `2026`.
    pub label: String,
    /// `YYYY-MM-DD`, inclusive (clipped to the year).
    pub from: String,
    pub to: String,
    /// Contract hours for the period's days (0 without a contract).
    pub contract_hours: f64,
    /// Every shift of the plan at its planned times (unplanned work left out).
    pub planned_hours: f64,
    /// Shifts confirmed as worked, at their times as worked.
    pub worked_hours: f64,
    /// Normal hours above the contract (below the normal limit).
    pub merarbeid_hours: f64,
    /// Overtime as the law check computes it (RULES.md §3).
    pub overtime_hours: f64,
}

/// One assistant's account for a year.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimekontoAssistant {
    pub assistant: String,
    pub name: String,
    /// Null: no contract hours given.
    pub contract_hours_per_week: Option<f64>,
    pub weeks: Vec<TimekontoPeriod>,
    pub months: Vec<TimekontoPeriod>,
    pub year: TimekontoPeriod,
}

/// Every assistant's account (or one's) for a year.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimekontoView {
    pub year: i32,
    pub assistants: Vec<TimekontoAssistant>,
}

/// One bracket of an egenandel table.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EgenandelBracketView {
    pub id: String,
    pub label: String,
    /// "230 kr per time, høyst 1 104 kr i måneden" / "210 kr i måneden".
    pub fee: String,
}

/// An egenandel table.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EgenandelTableView {
    pub id: String,
    pub name: String,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    pub g_kr: f64,
    /// Built into Turnus (false: added by the user, stored in the plan).
    pub builtin: bool,
    pub brackets: Vec<EgenandelBracketView>,
}

/// The egenandel estimate of a month.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EgenandelEstimateView {
    /// `YYYY-MM`.
    pub month: String,
    /// Null: no table chosen yet.
    pub table: Option<String>,
    pub bracket: Option<String>,
    /// Hours that can carry a fee (praktisk bistand og opplæring, støttekontakt).
    pub fee_hours: f64,
    /// The hourly rate; 0 for a flat monthly fee.
    pub rate_kr: f64,
    /// The monthly cap; null: none.
    pub cap_kr: Option<f64>,
    pub estimate_kr: f64,
    /// The estimate as a sentence, always saying it is an estimate the vedtak decides.
    pub sentence: String,
}

/// A bracket of a user's egenandel table: `rate_kr` (with an optional `cap_kr`) for a fee
/// per hour, or `monthly_kr` for a flat monthly fee.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct EgenandelBracketInput {
    pub id: String,
    pub label: String,
    pub from_g: f64,
    /// Absent: and above.
    pub to_g: Option<f64>,
    pub rate_kr: Option<f64>,
    pub cap_kr: Option<f64>,
    pub monthly_kr: Option<f64>,
}

/// A user's egenandel table, as the form gives it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct EgenandelTableInput {
    pub id: String,
    pub name: String,
    pub source: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    pub g_kr: f64,
    pub brackets: Vec<EgenandelBracketInput>,
}

fn minutes_u32(m: i64) -> u32 {
    u32::try_from(m.max(0)).unwrap_or(u32::MAX)
}

fn hours(minutes: f64) -> f64 {
    round2(minutes / 60.0)
}

pub(crate) fn times_view(a: &Actual) -> TimesView {
    TimesView {
        start: local_text(a.start),
        end: local_text(a.end),
        start_offset: offset_text(a.start),
        end_offset: offset_text(a.end),
        break_minutes: a.break_minutes,
        passive_minutes: a.passive_minutes,
        hours: round2((a.end - a.start) as f64 / 3600.0),
    }
}

fn planned_times(s: &Shift) -> Actual {
    Actual {
        start: s.start,
        end: s.end,
        break_minutes: s.break_minutes,
        passive_minutes: s.passive_minutes,
    }
}

fn weekday_name(date: NaiveDate, lang: Language) -> &'static str {
    const NB: [&str; 7] = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = date.weekday().num_days_from_monday() as usize;
    match lang {
        Language::Nb => NB[i],
        Language::En => EN[i],
    }
}

fn span_text(a: &Actual) -> String {
    format!(
        "{}–{}",
        a.start.local().format("%H:%M"),
        a.end.local().format("%H:%M")
    )
}

/// "Kari Nordmann, tirsdag 12.05.2026, planlagt 07:00–15:00, arbeidet 07:30–15:00."
fn row_label(name: &str, s: &Shift, lang: Language) -> String {
    let day = s.work_day();
    let date = format!("{} {}", weekday_name(day, lang), day.format("%d.%m.%Y"));
    let planned = span_text(&planned_times(s));
    let state = match (s.status, lang) {
        (ShiftStatus::Planned, Language::Nb) => "ikke bekreftet".to_string(),
        (ShiftStatus::Planned, Language::En) => "not confirmed".to_string(),
        (ShiftStatus::Worked, _) if s.differs_from_plan() => match lang {
            Language::Nb => format!("arbeidet {}", span_text(&s.effective())),
            Language::En => format!("worked {}", span_text(&s.effective())),
        },
        (ShiftStatus::Worked, Language::Nb) => "arbeidet som planlagt".to_string(),
        (ShiftStatus::Worked, Language::En) => "worked as planned".to_string(),
        (ShiftStatus::Cancelled, Language::Nb) => format!(
            "ikke arbeidet{}",
            s.not_worked_reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ),
        (ShiftStatus::Cancelled, Language::En) => format!(
            "not worked{}",
            s.not_worked_reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ),
    };
    let unplanned = if s.unplanned {
        lang.pick(", ikke planlagt arbeid", ", unplanned work")
    } else {
        ""
    };
    match lang {
        Language::Nb => format!("{name}, {date}, planlagt {planned}{unplanned}: {state}."),
        Language::En => format!("{name}, {date}, planned {planned}{unplanned}: {state}."),
    }
}

fn fee_text(fee: &EgenandelFee, lang: Language) -> String {
    let kr = kr_text;
    match (fee, lang) {
        (EgenandelFee::Hourly { rate_kr, cap_kr }, Language::Nb) => match cap_kr {
            Some(cap) => format!(
                "{} kr per time, høyst {} kr i måneden",
                kr(*rate_kr),
                kr(*cap)
            ),
            None => format!("{} kr per time", kr(*rate_kr)),
        },
        (EgenandelFee::Hourly { rate_kr, cap_kr }, Language::En) => match cap_kr {
            Some(cap) => format!(
                "{} kr per hour, at most {} kr a month",
                kr(*rate_kr).replace(',', "."),
                kr(*cap).replace(',', ".")
            ),
            None => format!("{} kr per hour", kr(*rate_kr).replace(',', ".")),
        },
        (EgenandelFee::Flat { monthly_kr }, Language::Nb) => {
            format!("{} kr i måneden", kr(*monthly_kr))
        }
        (EgenandelFee::Flat { monthly_kr }, Language::En) => {
            format!("{} kr a month", kr(*monthly_kr).replace(',', "."))
        }
    }
}

impl Session {
    fn month_arg(&self, field: &str, text: &str) -> Result<Month, IpcError> {
        Month::parse(text).ok_or_else(|| {
            IpcError::field(
                field,
                text,
                self.lang.pick(
                    "Måneden kan ikke leses. Skriv den som ÅÅÅÅ-MM, for eksempel 2026-05.",
                    "The month cannot be read. Write it as YYYY-MM, for example 2026-05.",
                ),
            )
        })
    }

    fn assistant_arg(
        &self,
        field: &str,
        id: Option<&str>,
    ) -> Result<Option<AssistantId>, IpcError> {
        match id.map(str::trim).filter(|i| !i.is_empty()) {
            None => Ok(None),
            Some(id) => {
                let id = AssistantId::from(id);
                if self.plan.assistant(&id).is_none() {
                    return Err(IpcError::field(
                        field,
                        id.as_str(),
                        self.lang.pick(
                            "Assistenten finnes ikke i planen. Velg en assistent fra listen.",
                            "The assistant is not in the plan. Choose an assistant from the list.",
                        ),
                    ));
                }
                Ok(Some(id))
            }
        }
    }

    fn name_of(&self, id: Option<&AssistantId>) -> String {
        match id.and_then(|id| self.plan.assistant(id)) {
            Some(a) => a.name_or_id(),
            None => match id {
                Some(id) => id.to_string(),
                None => self.lang.pick("Åpen vakt", "Open shift").to_string(),
            },
        }
    }

    /// The shifts of `month` still planned (of `assistant`, or all).
    fn unconfirmed_in(&self, month: Month, assistant: Option<&AssistantId>) -> usize {
        self.plan
            .shifts
            .iter()
            .filter(|s| s.status == ShiftStatus::Planned && worked::in_month(s, month, assistant))
            .count()
    }

    fn unconfirmed_sentence(&self, month: Month, count: usize) -> String {
        let name = month.name(self.lang == Language::En);
        match self.lang {
            Language::Nb => format!(
                "{count} {} i {name} er ikke bekreftet ennå. Bekreft {} som arbeidet eller ikke arbeidet før du lukker måneden.",
                if count == 1 { "vakt" } else { "vakter" },
                if count == 1 { "den" } else { "dem" },
            ),
            Language::En => format!(
                "{count} {} in {name} {} not confirmed yet. Confirm {} as worked or not worked before you close the month.",
                if count == 1 { "shift" } else { "shifts" },
                if count == 1 { "is" } else { "are" },
                if count == 1 { "it" } else { "them" },
            ),
        }
    }

    /// The month as worked: every shift of `month` (of one assistant, or all, open shifts
    /// included) with planned and actual times, and each assistant's sums by category.
    pub fn month_view(&self, month: &str, assistant: Option<&str>) -> Result<MonthView, IpcError> {
        let m = self.month_arg("month", month)?;
        let who = self.assistant_arg("assistant", assistant)?;
        let lang = self.lang;
        let mut shifts: Vec<&Shift> = self
            .plan
            .shifts
            .iter()
            .filter(|s| worked::in_month(s, m, who.as_ref()))
            .collect();
        shifts.sort_by(|a, b| (a.start, &a.assistant, &a.id).cmp(&(b.start, &b.assistant, &b.id)));
        let rows = shifts
            .iter()
            .map(|s| {
                let name = self.name_of(s.assistant.as_ref());
                MonthRow {
                    shift: s.id.to_string(),
                    assistant: s.assistant.as_ref().map(ToString::to_string),
                    work_day: s.work_day().format("%Y-%m-%d").to_string(),
                    planned: times_view(&planned_times(s)),
                    actual: (s.status == ShiftStatus::Worked && s.differs_from_plan())
                        .then(|| times_view(&s.effective())),
                    status: match s.status {
                        ShiftStatus::Planned => "planned",
                        ShiftStatus::Worked => "worked",
                        ShiftStatus::Cancelled => "not_worked",
                    }
                    .to_string(),
                    reason: s.not_worked_reason.clone(),
                    unplanned: s.unplanned,
                    differs: s.differs_from_plan(),
                    label: row_label(&name, s, lang),
                    service: s.service.key().to_string(),
                    personlig_stell: s.personlig_stell,
                    name,
                }
            })
            .collect();
        let unconfirmed = self.unconfirmed_in(m, who.as_ref());
        let sums = worked::month_sums(&self.plan, m, who.as_ref())
            .into_iter()
            .map(|(id, c)| self.sums_view(m, &id, &c))
            .collect();
        let closed = self.plan.closed_months.iter().find(|c| c.month == m);
        let all_unconfirmed = self.unconfirmed_in(m, None);
        let close_blocked = if closed.is_some() {
            None
        } else if self.file.is_read_only() {
            Some(
                lang.pick(
                    "Planen er åpnet bare for lesing, så måneden kan ikke lukkes.",
                    "The plan is open read-only, so the month cannot be closed.",
                )
                .to_string(),
            )
        } else if all_unconfirmed > 0 {
            Some(self.unconfirmed_sentence(m, all_unconfirmed))
        } else {
            None
        };
        Ok(MonthView {
            month: m.to_string(),
            name: m.name(lang == Language::En),
            closed: closed.is_some(),
            closed_by: closed.map(|c| c.closed_by.clone()),
            closed_at: closed.map(|c| c.closed_at.to_rfc3339()),
            final_timelister: closed.is_some(),
            rows,
            unconfirmed: u32::try_from(unconfirmed).unwrap_or(u32::MAX),
            sums,
            can_close: closed.is_none() && close_blocked.is_none(),
            close_blocked,
        })
    }

    fn sums_view(&self, month: Month, id: &AssistantId, c: &CategoryMinutes) -> MonthSums {
        MonthSums {
            assistant: id.to_string(),
            name: self.name_of(Some(id)),
            total_minutes: minutes_u32(c.total),
            evening_minutes: minutes_u32(c.evening),
            night_minutes: minutes_u32(c.night),
            saturday_minutes: minutes_u32(c.saturday),
            sunday_minutes: minutes_u32(c.sunday),
            passive_minutes: minutes_u32(c.passive),
            overtime_minutes: minutes_u32(c.overtime),
            unconfirmed: u32::try_from(self.unconfirmed_in(month, Some(id))).unwrap_or(u32::MAX),
        }
    }

    fn shifts_arg(&self, ids: &[String]) -> Result<Vec<Shift>, IpcError> {
        if ids.is_empty() {
            return Err(IpcError::field(
                "shifts",
                "",
                self.lang.pick(
                    "Velg minst én vakt å bekrefte.",
                    "Choose at least one shift to confirm.",
                ),
            ));
        }
        ids.iter().map(|id| self.shift(id).cloned()).collect()
    }

    /// Confirm the shifts `ids` as worked (as planned, or keeping times already corrected),
    /// in one undo step.
    pub fn confirm_worked(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        ids: &[String],
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let edits: Vec<Edit> = self
            .shifts_arg(ids)?
            .into_iter()
            .filter(|s| s.status != ShiftStatus::Worked)
            .map(|mut s| {
                s.status = ShiftStatus::Worked;
                s.not_worked_reason = None;
                Edit::UpdateShift(s)
            })
            .collect();
        self.edit(now, today, window, "confirm worked", &edits)
    }

    /// Record the times a shift was worked (the planned times stay), confirming it as worked.
    /// `start` and `end` are `HH:MM` on the work day (an end not after the start is on the
    /// next day), a local `YYYY-MM-DDTHH:MM`, or RFC 3339; a time of the autumn night that
    /// happens twice needs `start_offset` / `end_offset`, as for a shift.
    #[allow(clippy::too_many_arguments)]
    pub fn correct_worked(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
        input: &CorrectWorked,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let mut shift = self.shift(id)?.clone();
        let day = shift.work_day();
        let start = self.time_arg("start", &input.start, day, input.start_offset.as_deref())?;
        let mut end = self.time_arg("end", &input.end, day, input.end_offset.as_deref())?;
        if end <= start && is_clock(&input.end) {
            end = self.time_arg(
                "end",
                &input.end,
                day + chrono::Duration::days(1),
                input.end_offset.as_deref(),
            )?;
        }
        if end <= start {
            return Err(IpcError::field(
                "end",
                input.end.as_str(),
                self.lang.pick(
                    "Vakten slutter før den begynner. Velg et senere sluttidspunkt.",
                    "The shift ends before it starts. Choose a later end time.",
                ),
            ));
        }
        if crate::limits::shift_too_long(start, end) {
            return Err(IpcError::field(
                "end",
                input.end.as_str(),
                self.lang.pick(
                    "Vakten blir for lang. Sjekk sluttdatoen.",
                    "The shift becomes too long. Check the end date.",
                ),
            ));
        }
        let length = (end - start) / 60;
        let break_minutes = input.break_minutes.unwrap_or(shift.break_minutes);
        let passive_minutes = input.passive_minutes.unwrap_or(shift.passive_minutes);
        validate::fits("break_minutes", break_minutes, length, self.lang)?;
        validate::fits("passive_minutes", passive_minutes, length, self.lang)?;
        validate::fits(
            "passive_minutes",
            break_minutes.saturating_add(passive_minutes),
            length,
            self.lang,
        )?;
        let actual = Actual {
            start,
            end,
            break_minutes,
            passive_minutes,
        };
        shift.actual = (actual != planned_times(&shift)).then_some(actual);
        shift.status = ShiftStatus::Worked;
        shift.not_worked_reason = None;
        self.edit(
            now,
            today,
            window,
            "correct worked",
            &[Edit::UpdateShift(shift)],
        )
    }

    fn time_arg(
        &self,
        field: &str,
        text: &str,
        day: NaiveDate,
        offset: Option<&str>,
    ) -> Result<Instant, IpcError> {
        let trimmed = text.trim();
        if let Ok(t) = NaiveTime::parse_from_str(trimmed, "%H:%M") {
            return validate::local_instant(field, day, t, offset, self.lang);
        }
        if let Ok(local) = chrono::NaiveDateTime::parse_from_str(trimmed, "%Y-%m-%dT%H:%M") {
            if crate::time::date_supported(local.date()) {
                return validate::local_instant(
                    field,
                    local.date(),
                    local.time(),
                    offset,
                    self.lang,
                );
            }
        }
        Instant::parse(trimmed).map_err(|_| {
            IpcError::field(
                field,
                text,
                self.lang.pick(
                    "Klokkeslettet kan ikke leses. Skriv det som TT:MM, eller som ÅÅÅÅ-MM-DDTTT:MM.",
                    "The time cannot be read. Write it as HH:MM, or as YYYY-MM-DDTHH:MM.",
                ),
            )
        })
    }

    /// Mark a shift as not worked, with the reason (required).
    pub fn mark_not_worked(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
        reason: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(IpcError::field(
                "reason",
                "",
                self.lang.pick(
                    "Skriv hvorfor vakten ikke ble arbeidet, for eksempel «syk».",
                    "Write why the shift was not worked, for example \"ill\".",
                ),
            ));
        }
        if crate::limits::name_too_long(reason) {
            return Err(IpcError::field(
                "reason",
                reason,
                self.lang
                    .pick("Begrunnelsen er for lang.", "The reason is too long."),
            ));
        }
        let mut shift = self.shift(id)?.clone();
        shift.status = ShiftStatus::Cancelled;
        shift.actual = None;
        shift.not_worked_reason = Some(reason.to_string());
        let mut edits = vec![Edit::UpdateShift(shift.clone())];
        if let Some(rotation) = self.record_day_change(&shift, false) {
            edits.push(Edit::UpdateRotation(rotation));
        }
        self.edit(now, today, window, "mark not worked", &edits)
    }

    /// Add work that was not planned: a new shift, worked, marked unplanned.
    pub fn add_unplanned_work(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &ShiftInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let id = ShiftId(crate::store::new_id());
        let mut shift = validate::shift(&self.plan, input, id, self.lang)?;
        shift.status = ShiftStatus::Worked;
        shift.unplanned = true;
        self.edit(
            now,
            today,
            window,
            "add unplanned work",
            &[Edit::AddShift(shift)],
        )
    }

    /// Close `month` when every shift of it is confirmed; refused naming how many are not.
    pub fn close_month(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        month: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let m = self.month_arg("month", month)?;
        validate::window(window, self.lang)?;
        if self.plan.is_closed(m) {
            return Err(IpcError::field(
                "month",
                month,
                match self.lang {
                    Language::Nb => format!("{} er lukket allerede.", capital(&m.name(false))),
                    Language::En => format!("{} is closed already.", m.name(true)),
                },
            ));
        }
        let unconfirmed = self.unconfirmed_in(m, None);
        if unconfirmed > 0 {
            return Err(IpcError::field(
                "month",
                month,
                self.unconfirmed_sentence(m, unconfirmed),
            ));
        }
        let closed = ClosedMonth {
            month: m,
            // To the minute, as plan JSON writes times.
            closed_at: Instant::from_unix(now.unix().div_euclid(60) * 60),
            closed_by: self.file.user().to_string(),
        };
        self.milestone(now, today, window, "close month", Edit::CloseMonth(closed))
    }

    /// Open a closed month again; the reason (required) goes into the change log.
    pub fn reopen_month(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        month: &str,
        reason: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let m = self.month_arg("month", month)?;
        validate::window(window, self.lang)?;
        if !self.plan.is_closed(m) {
            return Err(IpcError::field(
                "month",
                month,
                match self.lang {
                    Language::Nb => format!("{} er ikke lukket.", capital(&m.name(false))),
                    Language::En => format!("{} is not closed.", m.name(true)),
                },
            ));
        }
        let reason = reason.trim();
        if reason.is_empty() || crate::limits::name_too_long(reason) {
            return Err(IpcError::field(
                "reason",
                reason,
                self.lang.pick(
                    "Skriv kort hvorfor måneden åpnes igjen; begrunnelsen lagres i endringsloggen.",
                    "Write briefly why the month is reopened; the reason is kept in the change log.",
                ),
            ));
        }
        self.milestone(
            now,
            today,
            window,
            "reopen month",
            Edit::ReopenMonth(m, reason.to_string()),
        )
    }

    fn milestone(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        what: &str,
        edit: Edit,
    ) -> Result<PlanView, IpcError> {
        if let Some(notice) = &self.lost {
            return Err(IpcError::from_store(
                &crate::store::StoreError::LockLost(notice.clone()),
                self.lang,
            ));
        }
        if let Err(e) = self.file.apply_milestone(now, what, &[edit]) {
            return Err(IpcError::from_store(&e, self.lang));
        }
        self.reload()?;
        self.view(window, today)
    }

    /// Each assistant's account (or one's) for `year`.
    pub fn timekonto(&self, year: i32, assistant: Option<&str>) -> Result<TimekontoView, IpcError> {
        if !crate::time::year_supported(year) {
            return Err(IpcError::field(
                "year",
                year,
                self.lang.pick(
                    "Året må være mellom 1900 og 2200.",
                    "The year must be between 1900 and 2200.",
                ),
            ));
        }
        let who = self.assistant_arg("assistant", assistant)?;
        let period = |label: String, a: &worked::Account| TimekontoPeriod {
            label,
            from: a
                .from
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            to: a
                .to
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            contract_hours: hours(a.contract),
            planned_hours: hours(a.planned as f64),
            worked_hours: hours(a.worked as f64),
            merarbeid_hours: hours(a.merarbeid as f64),
            overtime_hours: hours(a.overtime as f64),
        };
        let worked_plan = self.plan.as_worked();
        let assistants = self
            .plan
            .assistants
            .iter()
            .filter(|a| who.as_ref().is_none_or(|id| *id == a.id))
            .map(|a| {
                let account = worked::year_account_on(&self.plan, &worked_plan, a, year);
                TimekontoAssistant {
                    assistant: a.id.to_string(),
                    name: a.name_or_id(),
                    contract_hours_per_week: a
                        .contract_minutes_per_week
                        .map(|m| round2(m as f64 / 60.0)),
                    weeks: account
                        .weeks
                        .iter()
                        .map(|(w, acc)| {
                            let (y, n) = w.iso();
                            period(format!("{y}-W{n:02}"), acc)
                        })
                        .collect(),
                    months: account
                        .months
                        .iter()
                        .map(|(m, acc)| period(m.to_string(), acc))
                        .collect(),
                    year: period(year.to_string(), &account.year),
                }
            })
            .collect();
        Ok(TimekontoView { year, assistants })
    }

    /// The egenandel tables: the built-in presets, then the plan's own.
    pub fn egenandel_tables(&self) -> Vec<EgenandelTableView> {
        let builtin = egenandel::presets().len();
        egenandel::tables(&self.plan)
            .into_iter()
            .enumerate()
            .map(|(i, t)| EgenandelTableView {
                id: t.id.clone(),
                name: t.name.clone(),
                source: t.source.clone(),
                valid_from: t.valid_from.format("%Y-%m-%d").to_string(),
                g_kr: t.g_kr,
                builtin: i < builtin,
                brackets: t
                    .brackets
                    .iter()
                    .map(|b| EgenandelBracketView {
                        id: b.id.clone(),
                        label: b.label.clone(),
                        fee: fee_text(&b.fee, self.lang),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The egenandel estimate of `month` under the table and bracket given, or the plan's
    /// saved choice.
    pub fn egenandel_estimate(
        &self,
        month: &str,
        table: Option<&str>,
        bracket: Option<&str>,
    ) -> Result<EgenandelEstimateView, IpcError> {
        let m = self.month_arg("month", month)?;
        let pick = |given: Option<&str>, saved: &Option<String>| {
            given
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .or_else(|| saved.clone())
        };
        let table = pick(table, &self.plan.egenandel.table);
        let bracket = pick(bracket, &self.plan.egenandel.bracket);
        let lang = self.lang;
        let fee_minutes = egenandel::fee_minutes(&self.plan, m);
        let (Some(table), Some(bracket)) = (table.clone(), bracket.clone()) else {
            return Ok(EgenandelEstimateView {
                month: m.to_string(),
                table,
                bracket,
                fee_hours: round2(fee_minutes as f64 / 60.0),
                rate_kr: 0.0,
                cap_kr: None,
                estimate_kr: 0.0,
                sentence: lang
                    .pick(
                        "Velg kommunens tabell og husstandens inntektsgruppe for å se et anslag over egenandelen.",
                        "Choose the municipality's table and the household's income bracket to see an estimate of the fee.",
                    )
                    .to_string(),
            });
        };
        let e = egenandel::estimate(&self.plan, m, &table, &bracket).map_err(|e| match e {
            EstimateError::UnknownTable(t) => IpcError::field(
                "table",
                t,
                lang.pick(
                    "Tabellen finnes ikke. Velg en tabell fra listen.",
                    "The table does not exist. Choose a table from the list.",
                ),
            ),
            EstimateError::UnknownBracket(b) => IpcError::field(
                "bracket",
                b,
                lang.pick(
                    "Inntektsgruppen finnes ikke i tabellen. Velg en fra listen.",
                    "The income bracket is not in the table. Choose one from the list.",
                ),
            ),
        })?;
        let sentence = estimate_sentence(&e, lang);
        Ok(EgenandelEstimateView {
            month: m.to_string(),
            table: Some(e.table),
            bracket: Some(e.bracket),
            fee_hours: e.fee_hours,
            rate_kr: e.rate_kr,
            cap_kr: e.cap_kr,
            estimate_kr: e.estimate_kr,
            sentence,
        })
    }

    /// Save the household's table and bracket.
    pub fn save_egenandel_choice(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        table: &str,
        bracket: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let month = Month::of(today);
        // Check both exist, with the field named.
        self.egenandel_estimate(&month.to_string(), Some(table), Some(bracket))?;
        let choice = EgenandelChoice {
            table: Some(table.trim().to_string()),
            bracket: Some(bracket.trim().to_string()),
        };
        self.edit(
            now,
            today,
            window,
            "choose egenandel table",
            &[Edit::SetEgenandelChoice(choice)],
        )
    }

    /// Add or change a table of the user's own.
    pub fn save_egenandel_table(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &EgenandelTableInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let lang = self.lang;
        let valid_from = validate::date("table.valid_from", &input.valid_from, lang)?;
        let mut brackets = Vec::new();
        for (i, b) in input.brackets.iter().enumerate() {
            let fee = match (b.rate_kr, b.monthly_kr) {
                (Some(rate_kr), None) => EgenandelFee::Hourly {
                    rate_kr,
                    cap_kr: b.cap_kr,
                },
                (None, Some(monthly_kr)) if b.cap_kr.is_none() => EgenandelFee::Flat { monthly_kr },
                _ => {
                    return Err(IpcError::field(
                        &format!("table.brackets[{i}].rate_kr"),
                        "",
                        lang.pick(
                            "Gi enten en timepris (med eller uten månedstak) eller et fast beløp i måneden.",
                            "Give either an hourly rate (with or without a monthly cap) or a fixed monthly amount.",
                        ),
                    ))
                }
            };
            brackets.push(EgenandelBracket {
                id: b.id.trim().to_string(),
                label: b.label.trim().to_string(),
                from_g: b.from_g,
                to_g: b.to_g,
                fee,
            });
        }
        let table = EgenandelTable {
            id: input.id.trim().to_string(),
            name: input.name.trim().to_string(),
            source: input.source.trim().to_string(),
            valid_from,
            g_kr: input.g_kr,
            brackets,
        };
        if let Err((field, why)) = egenandel::check_table(&table) {
            let value = serde_json::to_value(&table)
                .ok()
                .and_then(|v| v.get(field.split(['.', '[']).next().unwrap_or("")).cloned())
                .unwrap_or(serde_json::Value::Null);
            return Err(IpcError::field(
                &format!("table.{field}"),
                value,
                match lang {
                    Language::Nb => format!("Tabellen kan ikke brukes: {why}."),
                    Language::En => format!("The table cannot be used: {why}."),
                },
            ));
        }
        self.edit(
            now,
            today,
            window,
            "save egenandel table",
            &[Edit::SaveEgenandelTable(table)],
        )
    }

    /// Write the payroll CSV of `month` (one assistant's rows, or everyone's) to `path`
    /// (`.csv` is added when the name has no extension).
    pub fn export_csv(
        &self,
        month: &str,
        assistant: Option<&str>,
        path: &str,
    ) -> Result<ExportDone, IpcError> {
        let lang = self.lang;
        let m = self.month_arg("month", month)?;
        let who = self.assistant_arg("assistant", assistant)?;
        let path = output_path(path, "csv", lang)?;
        let bytes = crate::export::payroll::month_csv(&self.plan, m, who.as_ref())
            .map_err(|e| IpcError::internal(lang, e.to_string()))?;
        crate::export::ics::write_atomic(&path, &bytes).map_err(|e| write_error(&e, lang))?;
        let name = m.name(lang == Language::En);
        Ok(ExportDone {
            message: match lang {
                Language::Nb => {
                    format!("Lønnsgrunnlaget for {name} er lagret i {}.", path.display())
                }
                Language::En => format!(
                    "The payroll file for {name} is saved as {}.",
                    path.display()
                ),
            },
            path: path.display().to_string(),
        })
    }
}

/// The arguments of `correct_worked` after the shift's id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorrectWorked {
    pub start: String,
    pub end: String,
    pub start_offset: Option<String>,
    pub end_offset: Option<String>,
    pub break_minutes: Option<u32>,
    pub passive_minutes: Option<u32>,
}

fn is_clock(text: &str) -> bool {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").is_ok()
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn kr_text(x: f64) -> String {
    let whole = x.round() as i64;
    if (x - whole as f64).abs() < 0.005 {
        let digits = whole.abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        if whole < 0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{x:.2}").replace('.', ",")
    }
}

/// "Anslått egenandel for mai 2026: 1 104 kr (12,5 timer × 276 kr, høyst 1 104 kr). Dette er
/// et anslag; kommunens vedtak avgjør egenandelen."
pub(crate) fn estimate_sentence(e: &egenandel::Estimate, lang: Language) -> String {
    let name = e.month.name(lang == Language::En);
    let hours = format!("{:.2}", e.fee_hours).replace('.', ",");
    let how = match (e.rate_kr > 0.0, e.cap_kr, lang) {
        (true, Some(cap), Language::Nb) => format!(
            "{hours} timer × {} kr, høyst {} kr",
            kr_text(e.rate_kr),
            kr_text(cap)
        ),
        (true, None, Language::Nb) => format!("{hours} timer × {} kr", kr_text(e.rate_kr)),
        (false, _, Language::Nb) => format!("fast beløp; {hours} timer som kan gi egenandel"),
        (true, Some(cap), Language::En) => format!(
            "{} hours × {} kr, at most {} kr",
            hours.replace(',', "."),
            e.rate_kr,
            cap
        ),
        (true, None, Language::En) => {
            format!("{} hours × {} kr", hours.replace(',', "."), e.rate_kr)
        }
        (false, _, Language::En) => format!(
            "a fixed amount; {} hours that can carry a fee",
            hours.replace(',', ".")
        ),
    };
    let state = match (e.state_max_applied, lang) {
        (true, Language::Nb) => " Statens makssats for husstander under 2 G gjelder.",
        (true, Language::En) => " The state maximum for households under 2 G applies.",
        _ => "",
    };
    match lang {
        Language::Nb => format!(
            "Anslått egenandel for {name}: {} kr ({how}).{state} Dette er bare et anslag; kommunens vedtak avgjør egenandelen.",
            kr_text(e.estimate_kr)
        ),
        Language::En => format!(
            "Estimated fee for {name}: {} kr ({how}).{state} This is only an estimate; the municipality's vedtak decides the fee.",
            e.estimate_kr
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_are_said_in_whole_kroner_with_a_space_between_thousands() {
        let fee = EgenandelFee::Hourly {
            rate_kr: 276.0,
            cap_kr: Some(1104.0),
        };
        assert_eq!(
            fee_text(&fee, Language::Nb),
            "276 kr per time, høyst 1\u{a0}104 kr i måneden"
        );
        assert_eq!(
            fee_text(&EgenandelFee::Flat { monthly_kr: 210.0 }, Language::Nb),
            "210 kr i måneden"
        );
        assert_eq!(kr_text(12.5), "12,50");
    }
}
