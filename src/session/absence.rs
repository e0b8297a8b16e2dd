//! Absences, holidays and vikar cover in the app (docs/ipc.md, "Absences and cover"): saving
//! and deleting absences, the shifts that need cover, ranking and proposing vikarer, applying
//! covers, holiday balances with their carry-over, and the year view.
//!
//! A shift needs cover while its assistant is absent at its time ([`crate::cover`]); nothing is
//! stored for that, so deleting the absence (or undoing it) gives the shift back by itself.
//! Covering stores the cover link: the shift's `assistant` becomes the vikar and the plan's
//! `covers` remembers the absent assistant, in one undo step.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::json;

use super::input::{AbsenceInput, CoverAssignment, Window};
use super::validate;
use super::view::{
    AbsenceView, CandidateView, CoverCandidatesView, CoverProposal, CoverShiftView, ExcludedView,
    HolidayBalanceView, HolidayYearView, PlanView, ProposalItemView, RedDayView, UncoveredView,
    YearAssistantView, YearMonthView, YearView, YearWeekView,
};
use super::{ErrorCode, IpcError, Language, Session};
use crate::calendar::{holidays_on, Holiday};
use crate::cover::{kind_label, Absences};
use crate::holidays::MAX_CARRIED_DAYS;
use crate::model::{Absence, AbsenceId, AbsenceKind, AssistantId, Plan, Shift, ShiftId, SickNote};
use crate::store::{Edit, StoreError};
use crate::time::{Instant, Interval};

/// `09.06.2026`
fn day_text(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The kind and the period of an absence in words: "Syk (egenmelding), 09.06.–10.06.2026",
/// "Ferie, 06.07.2026", "Permisjon, 09.06.2026 10:00–14:00".
pub(crate) fn absence_label(a: &Absence, lang: Language) -> String {
    let kind = kind_label(a.kind, a.sick_note, lang.lang());
    let period = match (a.from_time, a.to_time) {
        (Some(s), Some(e)) => format!(
            "{} {}–{}",
            day_text(a.from),
            s.format("%H:%M"),
            e.format("%H:%M")
        ),
        _ if a.from == a.to => day_text(a.from),
        _ if a.from.year() == a.to.year() => {
            format!("{}–{}", a.from.format("%d.%m."), day_text(a.to))
        }
        _ => format!("{}–{}", day_text(a.from), day_text(a.to)),
    };
    match a.hours {
        Some(h) if a.from_time.is_none() => match lang {
            Language::Nb => format!("{kind}, {period} ({} t)", crate::hours::hours_nb(h)),
            Language::En => format!("{kind}, {period} ({h} h)"),
        },
        _ => format!("{kind}, {period}"),
    }
}

/// One absence as the UI shows it.
pub(crate) fn absence_view(a: &Absence, lang: Language) -> AbsenceView {
    AbsenceView {
        id: a.id.to_string(),
        assistant: a.assistant.to_string(),
        kind: a.kind.key().to_string(),
        sick_note: a.sick_note.map(|n| n.key().to_string()),
        from: a.from.format("%Y-%m-%d").to_string(),
        to: a.to.format("%Y-%m-%d").to_string(),
        from_time: a.from_time.map(|t| t.format("%H:%M").to_string()),
        to_time: a.to_time.map(|t| t.format("%H:%M").to_string()),
        hours: a.hours,
        note: a.note.clone(),
        kind_label: kind_label(a.kind, a.sick_note, lang.lang()),
        label: absence_label(a, lang),
    }
}

/// The absences reaching into `from`–`to`, by first day.
pub(crate) fn absence_views(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    lang: Language,
) -> Vec<AbsenceView> {
    let mut list: Vec<&Absence> = plan
        .absences
        .iter()
        .filter(|a| a.to >= from && a.from <= to)
        .collect();
    list.sort_by(|a, b| a.from.cmp(&b.from).then_with(|| a.id.cmp(&b.id)));
    list.into_iter().map(|a| absence_view(a, lang)).collect()
}

/// "ti. 09.06. 07:00–15:00" (a shift ending on a later day gives its date too).
pub(crate) fn shift_label(s: &Shift, lang: Language) -> String {
    let start = s.start.local();
    let end = s.end.local();
    let i = start.weekday().num_days_from_monday() as usize;
    let day = match lang {
        Language::Nb => ["ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."][i],
        Language::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    };
    let end_text = if end.date() == start.date() || end.date() == start.date() + Duration::days(1) {
        end.format("%H:%M").to_string()
    } else {
        end.format("%d.%m. %H:%M").to_string()
    };
    format!(
        "{day} {} {}–{end_text}",
        start.format("%d.%m."),
        start.format("%H:%M")
    )
}

fn name_of(plan: &Plan, id: &AssistantId) -> String {
    plan.assistant(id)
        .map_or_else(|| id.to_string(), |a| a.name_or_id())
}

fn saturating(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn minutes(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}

fn not_found(entity: &'static str, id: &str, lang: Language) -> IpcError {
    IpcError::from_store(
        &StoreError::NotFound {
            entity,
            id: id.to_string(),
        },
        lang,
    )
}

/// The absence the form describes, validated against the plan: every refusal names its field.
fn absence(
    plan: &Plan,
    input: &AbsenceInput,
    id: AbsenceId,
    lang: Language,
) -> Result<Absence, IpcError> {
    let bad = |field: &str, value: &str, nb: &str, en: &str| {
        IpcError::field(field, value, lang.pick(nb, en))
    };
    let assistant = AssistantId(input.assistant.trim().to_string());
    if plan.assistant(&assistant).is_none() {
        return Err(bad(
            "assistant",
            &input.assistant,
            "Assistenten finnes ikke i planen. Velg en assistent fra listen.",
            "The assistant is not in the plan. Choose an assistant from the list.",
        ));
    }
    let kind = AbsenceKind::from_key(input.kind.trim()).ok_or_else(|| {
        bad(
            "kind",
            &input.kind,
            "Velg hva slags fravær det er: ferie, sykdom, permisjon eller annet.",
            "Choose the kind of absence: holiday, sickness, leave or other.",
        )
    })?;
    let sick_note = match input.sick_note.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(key) => {
            let note = SickNote::from_key(key).ok_or_else(|| {
                bad(
                    "sick_note",
                    key,
                    "Velg egenmelding eller sykmelding.",
                    "Choose self-certification (egenmelding) or a doctor's note (sykmelding).",
                )
            })?;
            if kind != AbsenceKind::Sykdom {
                return Err(bad(
                    "sick_note",
                    key,
                    "Bare sykefravær har egenmelding eller sykmelding. Velg sykdom, eller ta bort valget.",
                    "Only sickness has a self-certification or a doctor's note. Choose sickness, or clear the choice.",
                ));
            }
            Some(note)
        }
    };
    let from = validate::date("from", &input.from, lang)?;
    let to = validate::date("to", &input.to, lang)?;
    if to < from {
        return Err(bad(
            "to",
            &input.to,
            "Siste dag er før første dag. Velg en siste dag på eller etter første dag.",
            "The last day is before the first day. Choose a last day on or after the first day.",
        ));
    }
    let time = |field: &str, text: &Option<String>| match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => validate::clock(field, t, lang).map(Some),
    };
    let from_time = time("from_time", &input.from_time)?;
    let to_time = time("to_time", &input.to_time)?;
    match (from_time, to_time) {
        (None, None) => {}
        (Some(_), None) => {
            return Err(bad(
                "to_time",
                "",
                "Skriv når fraværet slutter, eller ta bort starttiden for hele dager.",
                "Enter when the absence ends, or clear the start time for whole days.",
            ))
        }
        (None, Some(_)) => {
            return Err(bad(
                "from_time",
                "",
                "Skriv når fraværet begynner, eller ta bort sluttiden for hele dager.",
                "Enter when the absence starts, or clear the end time for whole days.",
            ))
        }
        (Some(start), Some(end)) => {
            if from != to {
                return Err(bad(
                    "to",
                    &input.to,
                    "Fravær en del av dagen gjelder én dag. Bruk samme første og siste dag, eller ta bort klokkeslettene.",
                    "An absence for part of a day is on one day. Use the same first and last day, or clear the times.",
                ));
            }
            if end <= start {
                return Err(bad(
                    "to_time",
                    input.to_time.as_deref().unwrap_or_default(),
                    "Sluttiden er ikke etter starttiden. Velg en sluttid senere samme dag.",
                    "The end time is not after the start time. Choose a later end time that day.",
                ));
            }
        }
    }
    let note = input.note.trim();
    if crate::limits::name_too_long(note) {
        let max = crate::limits::MAX_NAME_CHARS;
        return Err(IpcError::field(
            "note",
            input.note.as_str(),
            match lang {
                Language::Nb => format!("Merknaden er for lang. Bruk høyst {max} tegn."),
                Language::En => format!("The note is too long. Use at most {max} characters."),
            },
        ));
    }
    let absence = Absence {
        id,
        assistant,
        kind,
        sick_note,
        from,
        to,
        from_time,
        to_time,
        hours: None,
        note: note.to_string(),
    };
    if let Some(other) = plan
        .absences
        .iter()
        .find(|o| o.id != absence.id && o.assistant == absence.assistant && o.overlaps(&absence))
    {
        return Err(IpcError::field(
            "from",
            input.from.as_str(),
            match lang {
                Language::Nb => format!(
                    "{} har allerede fravær da ({}). Endre det fraværet, eller velg andre dager.",
                    name_of(plan, &absence.assistant),
                    absence_label(other, lang)
                ),
                Language::En => format!(
                    "{} is already absent then ({}). Change that absence, or choose other days.",
                    name_of(plan, &absence.assistant),
                    absence_label(other, lang)
                ),
            },
        ));
    }
    Ok(absence)
}

/// The shifts covered for the absent assistant of `absence` during it.
fn covered_during<'p>(plan: &'p Plan, absence: &Absence) -> Vec<&'p Shift> {
    let only = Plan {
        absences: vec![absence.clone()],
        ..Plan::default()
    };
    let index = Absences::new(&only);
    plan.shifts
        .iter()
        .filter(|s| s.counts() && plan.original_assistant(s) == Some(&absence.assistant))
        .filter(|s| {
            index
                .during(&absence.assistant, s.start.local_date(), s.interval())
                .is_some()
        })
        .collect()
}

/// The period of `from`–`to` (each optional) as instants of whole days.
fn period_interval(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Interval {
    Interval::new(
        from.map_or(Instant::from_unix(i64::MIN / 4), Instant::start_of_day),
        to.map_or(Instant::from_unix(i64::MAX / 4), |d| {
            Instant::start_of_day(d + Duration::days(1))
        }),
    )
}

impl Session {
    /// Add (no `id`) or change an absence, as one undo step. The shifts of its assistant at
    /// its time need cover from then on; booking more holiday than the balance is accepted
    /// and the law check says so (HOLIDAY-OVER).
    pub fn save_absence(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &AbsenceInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let existing = input.id.as_deref().map(str::trim).filter(|i| !i.is_empty());
        if let Some(id) = existing {
            if !self.plan.absences.iter().any(|a| a.id.as_str() == id) {
                return Err(not_found("absence", id, self.lang));
            }
        }
        let id = AbsenceId(
            existing
                .map(str::to_string)
                .unwrap_or_else(crate::store::new_id),
        );
        let absence = absence(&self.plan, input, id, self.lang)?;
        let (what, edit) = if existing.is_some() {
            ("update absence", Edit::UpdateAbsence(absence))
        } else {
            ("add absence", Edit::AddAbsence(absence))
        };
        self.edit(now, today, window, what, &[edit])
    }

    /// Delete the absence `id`, as one undo step. Its uncovered shifts go back to the
    /// assistant by themselves. Shifts covered meanwhile need a choice: without `covered` the
    /// deletion is refused with `choice_needed` saying how many; `keep` keeps the vikar (the
    /// cover link is cleared), `give_back` gives the shifts back to the assistant.
    pub fn delete_absence(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
        covered: Option<&str>,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let lang = self.lang;
        let absence = self
            .plan
            .absences
            .iter()
            .find(|a| a.id.as_str() == id)
            .cloned()
            .ok_or_else(|| not_found("absence", id, lang))?;
        let shifts: Vec<Shift> = covered_during(&self.plan, &absence)
            .into_iter()
            .cloned()
            .collect();
        let mut edits = vec![Edit::DeleteAbsence(absence.id.clone())];
        if !shifts.is_empty() {
            let name = name_of(&self.plan, &absence.assistant);
            let n = shifts.len();
            match covered.map(str::trim) {
                None | Some("") => {
                    let message = match (lang, n) {
                        (Language::Nb, 1) => format!(
                            "En vakt i fraværet er dekket av en vikar. Skal vikaren beholde den, eller skal {name} få den tilbake?"
                        ),
                        (Language::Nb, _) => format!(
                            "{n} vakter i fraværet er dekket av vikarer. Skal vikarene beholde dem, eller skal {name} få dem tilbake?"
                        ),
                        (Language::En, 1) => format!(
                            "One shift in the absence is covered by a vikar. Should the vikar keep it, or should {name} have it back?"
                        ),
                        (Language::En, _) => format!(
                            "{n} shifts in the absence are covered by vikarer. Should the vikarer keep them, or should {name} have them back?"
                        ),
                    };
                    return Err(IpcError::new(ErrorCode::ChoiceNeeded, message).with_details(
                        json!({
                            "field": "covered",
                            "covered_shifts": shifts.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
                            "count": n,
                            "choices": ["keep", "give_back"],
                        }),
                    ));
                }
                Some("keep") => {
                    for s in &shifts {
                        edits.push(Edit::SetCover(s.id.clone(), None));
                    }
                }
                Some("give_back") | Some("give-back") => {
                    for s in &shifts {
                        let mut back = s.clone();
                        back.assistant = Some(absence.assistant.clone());
                        edits.push(Edit::UpdateShift(back.clone()));
                        if let Some(rotation) = self.record_day_change(&back, false) {
                            edits.push(Edit::UpdateRotation(rotation));
                        }
                        edits.push(Edit::SetCover(s.id.clone(), None));
                    }
                }
                Some(other) => {
                    return Err(IpcError::field(
                        "covered",
                        other,
                        lang.pick(
                            "Velg «keep» (vikaren beholder vaktene) eller «give_back» (assistenten får dem tilbake).",
                            "Choose «keep» (the vikar keeps the shifts) or «give_back» (the assistant has them back).",
                        ),
                    ))
                }
            }
        }
        self.edit(now, today, window, "delete absence", &edits)
    }

    /// The shifts that need cover whose work day is in `from`–`to` (inclusive; null: the
    /// plan's start or end), in time order.
    pub fn needs_cover(
        &self,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<UncoveredView>, IpcError> {
        let (start, end) = validate::period(from, to, self.lang)?;
        let plan = &self.plan;
        let index = Absences::new(plan);
        let mut list: Vec<(&Shift, &Absence)> = plan
            .shifts
            .iter()
            .filter(|s| {
                let day = s.start.local_date();
                start.is_none_or(|f| day >= f) && end.is_none_or(|t| day <= t)
            })
            .filter_map(|s| index.of_shift(s).map(|a| (s, a)))
            .collect();
        list.sort_by(|a, b| a.0.start.cmp(&b.0.start).then_with(|| a.0.id.cmp(&b.0.id)));
        Ok(list
            .into_iter()
            .map(|(s, a)| UncoveredView {
                shift: s.id.to_string(),
                start: s.start.to_rfc3339(),
                end: s.end.to_rfc3339(),
                label: shift_label(s, self.lang),
                absent_assistant: a.assistant.to_string(),
                absent_name: name_of(plan, &a.assistant),
                absence: a.id.to_string(),
                kind_label: kind_label(a.kind, a.sick_note, self.lang.lang()),
            })
            .collect())
    }

    fn cover_shift_view(&self, s: &Shift) -> CoverShiftView {
        let index = Absences::new(&self.plan);
        let away = index.of_shift(s);
        CoverShiftView {
            id: s.id.to_string(),
            start: s.start.to_rfc3339(),
            end: s.end.to_rfc3339(),
            label: shift_label(s, self.lang),
            assistant: s.assistant.as_ref().map(|a| a.to_string()),
            name: s.assistant.as_ref().map(|a| name_of(&self.plan, a)),
            needs_cover: away.is_some(),
            absence_label: away.map(|a| absence_label(a, self.lang)),
        }
    }

    /// Everyone who could take the shift `shift`, best first (RULES.md §6), checked with the
    /// session's incremental checker; and who cannot, with why.
    pub fn cover_candidates(&mut self, shift: &str) -> Result<CoverCandidatesView, IpcError> {
        let lang = self.lang;
        let target = self.shift(shift)?.clone();
        let ranking = crate::cover::rank_in(&mut self.checker, &self.plan, &target.id, lang.lang())
            .ok_or_else(|| not_found("shift", shift, lang))?;
        let plan = &self.plan;
        Ok(CoverCandidatesView {
            shift: self.cover_shift_view(&target),
            candidates: ranking
                .candidates
                .into_iter()
                .map(|c| CandidateView {
                    name: name_of(plan, &c.assistant),
                    assistant: c.assistant.to_string(),
                    new_violations: saturating(c.new_violations),
                    new_warnings: saturating(c.new_warnings),
                    free_contract_minutes: c.free_contract_minutes.map(minutes),
                    week_minutes: minutes(c.week_minutes),
                    lawful: c.new_violations == 0,
                    reasons: c.reasons,
                })
                .collect(),
            excluded: ranking
                .excluded
                .into_iter()
                .map(|e| ExcludedView {
                    name: name_of(plan, &e.assistant),
                    assistant: e.assistant.to_string(),
                    reason: e.reason,
                })
                .collect(),
        })
    }

    /// The edits that let `assistant` cover `shift`, checked against `plan` (which may hold
    /// covers assigned earlier in the same step). `field` names the input in refusals.
    fn cover_edits(
        &self,
        plan: &Plan,
        shift: &str,
        assistant: &str,
        field: &str,
    ) -> Result<(Shift, AssistantId, Vec<Edit>), IpcError> {
        let lang = self.lang;
        let target = plan
            .shifts
            .iter()
            .find(|s| s.id.as_str() == shift)
            .ok_or_else(|| {
                IpcError::field(
                    &format!("{field}shift"),
                    shift,
                    lang.pick(
                        "Vakten finnes ikke lenger. Last visningen på nytt.",
                        "The shift no longer exists. Reload the view.",
                    ),
                )
            })?;
        let index = Absences::new(plan);
        let original = match (index.of_shift(target), plan.original_assistant(target)) {
            (Some(a), _) => a.assistant.clone(),
            (None, Some(original)) => original.clone(),
            (None, None) => {
                return Err(IpcError::field(
                    &format!("{field}shift"),
                    shift,
                    match lang {
                        Language::Nb => format!(
                            "Vakten {} trenger ikke dekning lenger. Last visningen på nytt.",
                            shift_label(target, lang)
                        ),
                        Language::En => format!(
                            "The shift {} no longer needs cover. Reload the view.",
                            shift_label(target, lang)
                        ),
                    },
                ))
            }
        };
        let who = AssistantId(assistant.trim().to_string());
        let Some(person) = plan.assistant(&who) else {
            return Err(IpcError::field(
                &format!("{field}assistant"),
                assistant,
                lang.pick(
                    "Assistenten finnes ikke i planen. Velg en fra listen.",
                    "The assistant is not in the plan. Choose one from the list.",
                ),
            ));
        };
        let name = person.name_or_id();
        let refuse = |nb: String, en: String| {
            IpcError::field(
                &format!("{field}assistant"),
                assistant,
                match lang {
                    Language::Nb => nb,
                    Language::En => en,
                },
            )
        };
        if who == original {
            return Err(refuse(
                format!("{name} er borte da og kan ikke dekke sin egen vakt. Velg en annen."),
                format!(
                    "{name} is away then and cannot cover their own shift. Choose someone else."
                ),
            ));
        }
        if let Some(a) = index.during(&who, target.start.local_date(), target.interval()) {
            return Err(refuse(
                format!(
                    "{name} er borte da ({}). Velg en annen.",
                    absence_label(a, Language::Nb)
                ),
                format!(
                    "{name} is away then ({}). Choose someone else.",
                    absence_label(a, Language::En)
                ),
            ));
        }
        let mask = crate::cover::uncovered_mask(plan);
        if let Some(clash) = plan.shifts.iter().zip(&mask).find(|(s, uncovered)| {
            !**uncovered
                && s.id != target.id
                && s.counts()
                && s.assistant.as_ref() == Some(&who)
                && s.interval().overlap(target.interval()) > 0
        }) {
            return Err(refuse(
                format!(
                    "{name} har en vakt samtidig ({}). Velg en annen.",
                    shift_label(clash.0, Language::Nb)
                ),
                format!(
                    "{name} has a shift at the same time ({}). Choose someone else.",
                    shift_label(clash.0, Language::En)
                ),
            ));
        }
        let mut covered = target.clone();
        covered.assistant = Some(who);
        let mut edits = vec![Edit::UpdateShift(covered.clone())];
        if let Some(rotation) = self.record_day_change(&covered, false) {
            edits.push(Edit::UpdateRotation(rotation));
        }
        edits.push(Edit::SetCover(covered.id.clone(), Some(original.clone())));
        Ok((covered, original, edits))
    }

    /// Let `assistant` cover the shift `shift`, as one undo step: the shift becomes theirs and
    /// remembers the absent assistant. Refused (naming the field) for a shift that does not
    /// need cover, an unknown or absent assistant, or one with a shift at the same time.
    pub fn assign_cover(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        shift: &str,
        assistant: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        validate::window(window, self.lang)?;
        let (_, _, edits) = self.cover_edits(&self.plan, shift, assistant, "")?;
        self.edit(now, today, window, "assign cover", &edits)
    }

    /// A cover for every shift needing it whose work day is in `from`–`to`, for review:
    /// greedy in time order, never two shifts at the same time to one person, lawful
    /// candidates first; an item that brings new breaches says so.
    pub fn propose_cover(
        &mut self,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<CoverProposal, IpcError> {
        let lang = self.lang;
        let (start, end) = validate::period(from, to, lang)?;
        let period = period_interval(start, end);
        let wanted: Vec<ShiftId> = crate::cover::needs_cover(&self.plan)
            .into_iter()
            .filter(|u| {
                self.plan
                    .shifts
                    .iter()
                    .find(|s| s.id == u.shift)
                    .is_some_and(|s| period.contains(Instant::start_of_day(s.start.local_date())))
            })
            .map(|u| u.shift)
            .collect();
        let proposals = crate::cover::propose(&mut self.checker, &self.plan, &wanted, lang.lang());
        let plan = &self.plan;
        let by_id: HashMap<&ShiftId, &Shift> = plan.shifts.iter().map(|s| (&s.id, s)).collect();
        let items: Vec<ProposalItemView> = proposals
            .into_iter()
            .filter_map(|p| {
                let s = by_id.get(&p.shift)?;
                Some(ProposalItemView {
                    shift: p.shift.to_string(),
                    start: s.start.to_rfc3339(),
                    end: s.end.to_rfc3339(),
                    label: shift_label(s, lang),
                    absent_name: name_of(plan, &p.absent),
                    name: p.assistant.as_ref().map(|a| name_of(plan, a)),
                    assistant: p.assistant.map(|a| a.to_string()),
                    new_violations: saturating(p.new_violations),
                    new_warnings: saturating(p.new_warnings),
                    reasons: p.reasons,
                })
            })
            .collect();
        Ok(CoverProposal {
            from: start.map(|d| d.format("%Y-%m-%d").to_string()),
            to: end.map(|d| d.format("%Y-%m-%d").to_string()),
            proposed: saturating(items.iter().filter(|i| i.assistant.is_some()).count()),
            with_violations: saturating(
                items
                    .iter()
                    .filter(|i| i.assistant.is_some() && i.new_violations > 0)
                    .count(),
            ),
            items,
        })
    }

    /// Apply reviewed covers as one undo step. Each is checked again on the plan with the
    /// earlier ones applied: a shift that no longer needs cover, an absent person, or one
    /// given two shifts at the same time is refused naming `assignments[i]`; nothing changes.
    pub fn apply_cover(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        assignments: &[CoverAssignment],
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        validate::window(window, self.lang)?;
        let mut work = self.plan.clone();
        let mut edits = Vec::new();
        for (i, a) in assignments.iter().enumerate() {
            let field = format!("assignments[{i}].");
            let (covered, original, mut more) =
                self.cover_edits(&work, &a.shift, &a.assistant, &field)?;
            if let Some(slot) = work.shifts.iter_mut().find(|s| s.id == covered.id) {
                *slot = covered.clone();
            }
            work.covers.insert(covered.id.clone(), original);
            // Two covers of one rotation: the second sees the first's recorded change.
            for e in &more {
                if let Edit::UpdateRotation(r) = e {
                    if let Some(slot) = work.rotations.iter_mut().find(|x| x.id == r.id) {
                        *slot = r.clone();
                    }
                }
            }
            edits.append(&mut more);
        }
        // A rotation changed by several covers is written once, as it ends up.
        let mut last_rotation: HashMap<String, usize> = HashMap::new();
        for (i, e) in edits.iter().enumerate() {
            if let Edit::UpdateRotation(r) = e {
                last_rotation.insert(r.id.to_string(), i);
            }
        }
        let edits: Vec<Edit> = edits
            .into_iter()
            .enumerate()
            .filter(|(i, e)| match e {
                Edit::UpdateRotation(r) => last_rotation.get(r.id.as_str()) == Some(i),
                _ => true,
            })
            .map(|(_, e)| e)
            .collect();
        self.edit(now, today, window, "apply cover", &edits)
    }

    /// Every assistant's holiday account for `year`.
    pub fn holiday_balances(&self, year: i32) -> Result<HolidayYearView, IpcError> {
        self.check_year(year)?;
        Ok(HolidayYearView {
            year,
            assistants: self.balances(year),
        })
    }

    fn check_year(&self, year: i32) -> Result<(), IpcError> {
        if crate::time::year_supported(year) {
            Ok(())
        } else {
            Err(IpcError::field(
                "year",
                year,
                self.lang.pick(
                    "Året ligger utenfor årene Turnus håndterer. Velg et år fra 1900 til 2200.",
                    "The year is outside the years Turnus handles. Choose a year from 1900 to 2200.",
                ),
            ))
        }
    }

    fn balances(&self, year: i32) -> Vec<HolidayBalanceView> {
        let plan = &self.plan;
        let mut by: HashMap<&AssistantId, Vec<&Absence>> = HashMap::new();
        for a in &plan.absences {
            by.entry(&a.assistant).or_default().push(a);
        }
        plan.assistants
            .iter()
            .map(|a| {
                let list = by.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
                let b = crate::holidays::recorded_balance(plan, a, list, year);
                HolidayBalanceView {
                    assistant: a.id.to_string(),
                    name: a.name_or_id(),
                    entitlement_days: b.entitlement_days,
                    booked_days: b.booked_days,
                    carried_days: b.carried_days,
                    moved_days: b.moved_days,
                    remaining_days: i32::try_from(b.remaining_days).unwrap_or(i32::MIN),
                    main_holiday_met: b.main_holiday_met,
                    over_booked: b.over_booked(),
                }
            })
            .collect()
    }

    /// Set the holiday days agreed carried into `year` for `assistant` (0 to 12, ferieloven
    /// § 7 (2)), as one undo step.
    #[allow(clippy::too_many_arguments)]
    pub fn set_holiday_carry(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        assistant: &str,
        year: i32,
        days: i32,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let lang = self.lang;
        let id = AssistantId(assistant.trim().to_string());
        if self.plan.assistant(&id).is_none() {
            return Err(IpcError::field(
                "assistant",
                assistant,
                lang.pick(
                    "Assistenten finnes ikke i planen. Velg en assistent fra listen.",
                    "The assistant is not in the plan. Choose an assistant from the list.",
                ),
            ));
        }
        self.check_year(year)?;
        let max = MAX_CARRIED_DAYS as i32;
        if !(0..=max).contains(&days) {
            return Err(IpcError::field(
                "days",
                days,
                match lang {
                    Language::Nb => format!(
                        "Det kan overføres 0 til {max} feriedager fra året før (ferieloven § 7 (2)). Skriv et tall fra 0 til {max}."
                    ),
                    Language::En => format!(
                        "0 to {max} holiday days can be carried over from the year before (ferieloven § 7 (2)). Enter a number from 0 to {max}."
                    ),
                },
            ));
        }
        let mut years: BTreeMap<i32, u32> = self
            .plan
            .holiday_carry
            .get(&id)
            .cloned()
            .unwrap_or_default();
        if days == 0 {
            years.remove(&year);
        } else {
            years.insert(year, days as u32);
        }
        self.edit(
            now,
            today,
            window,
            "set holiday carry-over",
            &[Edit::SetHolidayCarry(id, years)],
        )
    }

    /// The whole of `year`: its ISO weeks and months, its red days, and per assistant the
    /// absences reaching into it with their holiday balance.
    pub fn year_view(&self, year: i32) -> Result<YearView, IpcError> {
        self.check_year(year)?;
        let lang = self.lang;
        let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("a supported year");
        let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("a supported year");
        let text = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let mut weeks = Vec::new();
        let mut monday = crate::calendar::week_monday(first);
        while monday <= last {
            let iso = monday.iso_week();
            weeks.push(YearWeekView {
                iso_year: iso.year(),
                iso_week: iso.week(),
                monday: text(monday),
                month: (monday + Duration::days(3)).month(),
            });
            monday += Duration::weeks(1);
        }
        let months = (1..=12)
            .map(|m| {
                let start = NaiveDate::from_ymd_opt(year, m, 1).expect("a month");
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, m + 1, 1)
                }
                .expect("a month");
                YearMonthView {
                    month: m,
                    name: crate::model::month_word(m, lang == Language::En).to_string(),
                    first: text(start),
                    last: text(next - Duration::days(1)),
                }
            })
            .collect();
        let red_days = first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter_map(|d| {
                let names: Vec<&str> = holidays_on(d)
                    .into_iter()
                    .filter(|h| *h != Holiday::Sunday)
                    .map(|h| match lang {
                        Language::Nb => h.name_nb(),
                        Language::En => h.name_en(),
                    })
                    .collect();
                (!names.is_empty()).then(|| RedDayView {
                    date: text(d),
                    name: names.join(", "),
                })
            })
            .collect();
        let balances = self.balances(year);
        let absences = absence_views(&self.plan, first, last, lang);
        let assistants = self
            .plan
            .assistants
            .iter()
            .zip(balances)
            .map(|(a, balance)| YearAssistantView {
                assistant: a.id.to_string(),
                name: a.name_or_id(),
                absences: absences
                    .iter()
                    .filter(|v| v.assistant == a.id.as_str())
                    .cloned()
                    .collect(),
                balance,
            })
            .collect();
        Ok(YearView {
            year,
            weeks,
            months,
            red_days,
            assistants,
        })
    }
}
