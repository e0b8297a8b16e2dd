//! What the UI shows: the [`PlanView`] of a window of dates, rebuilt after every edit so the
//! grid, the law check and the hours update at once, and the smaller answers of other
//! commands (history, recent plans).
//!
//! Every text a person reads (finding titles and explanations, red-day names, service names,
//! read-only reasons) is already in the UI's language; codes and keys stay as they are for the
//! UI to switch on. Times are local Oslo times `YYYY-MM-DDTHH:MM` with the offset beside them
//! where it matters; instants are RFC 3339.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::input::Window;
use super::Language;

/// Everything the plan window shows for one window of dates.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PlanView {
    pub file: FileView,
    /// The dates shown, as asked for.
    pub window: Window,
    /// The language of the texts in this view.
    pub language: Language,
    pub settings: SettingsView,
    pub profile: ProfileView,
    pub assistants: Vec<AssistantView>,
    pub shift_types: Vec<ShiftTypeView>,
    pub vedtak: Vec<VedtakView>,
    pub rotations: Vec<RotationView>,
    pub days: Vec<DayView>,
    pub shifts: Vec<ShiftView>,
    pub findings: Vec<FindingView>,
    /// Counts per severity of the findings reaching into the window.
    pub summary: SummaryView,
    /// Counts per severity of the whole plan's findings, whatever the window.
    pub plan_summary: SummaryView,
    pub hours: HoursView,
    pub history: HistoryState,
    /// The months closed now: their shifts cannot be changed until reopened.
    pub closed_months: Vec<ClosedMonthView>,
    /// The absences reaching into the window, by first day.
    pub absences: Vec<AbsenceView>,
}

/// A closed month.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ClosedMonthView {
    /// `YYYY-MM`.
    pub month: String,
    /// "mai 2026" / "May 2026".
    pub name: String,
    /// RFC 3339.
    pub closed_at: String,
    pub closed_by: String,
}

/// The plan file and whether it can be changed.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FileView {
    /// The full path; empty for a plan in memory.
    pub path: String,
    /// The file name without `.turnus`.
    pub name: String,
    pub read_only: bool,
    /// Why the plan can only be read, as a sentence; null when it can be changed.
    pub read_only_reason: Option<String>,
    /// Who holds the plan, when another program does.
    pub lock: Option<LockView>,
    /// Why the backup taken on opening failed, as a sentence; null when it worked.
    pub backup_problem: Option<String>,
    /// The folder on this computer that gets every assistant's calendar after each change;
    /// null when none is chosen.
    pub calendar_folder: Option<super::CalendarFolderView>,
    /// True when the plan file is encrypted with a password (Settings offers to change or
    /// remove it; otherwise to set one).
    pub has_password: bool,
}

/// Another program holding the plan.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LockView {
    /// The holder's name.
    pub name: String,
    pub computer: String,
    /// RFC 3339.
    pub since: String,
    /// "The plan is in use by Kari on STUE-PC since 22.11.2026 15:04."
    pub sentence: String,
}

/// The plan's settings.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SettingsView {
    pub name: String,
    pub arbeidsleder: String,
    pub leverandor: String,
    pub current_user: String,
    pub carry_over: bool,
    /// `MM-DD`, or null: from this day of each year a missing main holiday is a warning.
    pub main_holiday_deadline: Option<String>,
}

/// The plan's rule profile: what was chosen, and every value in force.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProfileView {
    /// The preset key, e.g. `aml`.
    pub preset: String,
    /// The preset's name in the UI language.
    pub preset_name: String,
    /// The edited values by key, as they were given.
    #[ts(type = "Record<string, unknown>")]
    pub overrides: Value,
    /// Every value in force, in the order of the rules.
    pub values: Vec<ProfileRow>,
}

/// One value of a profile in force.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProfileRow {
    /// The key, e.g. `daily_rest_min_h`.
    pub key: String,
    /// What it is, in the UI language.
    pub label: String,
    /// The value as plan JSON writes it: hours, weeks, true/false, `next_off`/`average`,
    /// `HH:MM`, or null when the rule is not used.
    #[ts(type = "number | string | boolean | null")]
    pub value: Value,
    /// `hours`, `weeks`, `flag`, `choice` or `clock`.
    pub unit: String,
    /// The value as people read it, e.g. "11 t", "52 uker", "ikke brukt".
    pub text: String,
    /// True when the user changed it from the preset.
    pub edited: bool,
}

/// An assistant or vikar.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AssistantView {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// `fast` or `vikar`.
    pub role: String,
    pub contract_hours_per_week: Option<f64>,
    pub colour: String,
    /// The assistant's own profile; null: the plan's.
    pub profile: Option<super::input::ProfileInput>,
    pub birth_year: Option<i32>,
    pub holiday_entitlement: u32,
    pub close_family: bool,
    pub family_approval: Option<String>,
    pub start_date: Option<String>,
    /// The calendars of other work imported as busy time, by name.
    pub busy: Vec<super::busy::BusySourceView>,
}

/// A shift type.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ShiftTypeView {
    pub code: String,
    pub name: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`; not after `start`: the next day.
    pub end: String,
    pub break_minutes: u32,
    pub passive_minutes: u32,
    /// The service type key.
    pub service: String,
    pub colour: String,
    pub long_shift: bool,
}

/// One version of the vedtak.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct VedtakView {
    pub id: String,
    pub from: String,
    pub to: Option<String>,
    pub annual_frame: bool,
    /// Hours per week by service type key.
    #[ts(type = "Record<string, number>")]
    pub hours_per_week: std::collections::BTreeMap<String, f64>,
    pub double_staffing: bool,
    /// `included` or `excluded`.
    pub night: String,
    pub passive_factor: f64,
}

/// A rotation (N-week pattern).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RotationView {
    pub id: String,
    pub name: String,
    pub weeks: u32,
    /// The Monday pattern week 1 begins.
    pub start: String,
    pub until: Option<String>,
    pub slots: Vec<SlotView>,
    /// How many real days differ from the pattern (moved, cancelled, reassigned, extra).
    pub changes: u32,
    /// Recorded day changes that no longer fit the pattern (say after its slots changed), as
    /// sentences: applying the rotation leaves them out.
    pub stale_changes: Vec<String>,
    /// How many weeks the pattern is checked over on its own (at least 52, whole cycles).
    pub check_weeks: u32,
    /// The violations and warnings of the pattern checked on its own, each once, at its week
    /// and weekday.
    pub findings: Vec<FindingView>,
}

/// One slot of a pattern.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SlotView {
    pub week: u32,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u32,
    pub shift_type: String,
    pub assistant: Option<String>,
    pub skip_red_days: bool,
}

/// One date of the window.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DayView {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u32,
    pub iso_year: i32,
    pub iso_week: u32,
    /// A Sunday or a public holiday.
    pub red_day: bool,
    /// The holiday's name in the UI language ("1. mai"); null on an ordinary day and on a
    /// plain Sunday.
    pub holiday: Option<String>,
}

/// One shift in the window.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ShiftView {
    pub id: String,
    /// Null: an open shift nobody covers yet.
    pub assistant: Option<String>,
    /// The work day: the date it starts, `YYYY-MM-DD`.
    pub day: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub start: String,
    pub end: String,
    /// The UTC offsets, `+01:00` or `+02:00` (they tell the two 02:30s of the autumn night
    /// apart).
    pub start_offset: String,
    pub end_offset: String,
    /// Working hours: end − start, exact over clock changes.
    pub hours: f64,
    pub break_minutes: u32,
    pub passive_minutes: u32,
    pub long_shift: bool,
    pub service: String,
    /// `planned`, `worked` or `cancelled`.
    pub status: String,
    pub note: String,
    pub shift_type: Option<String>,
    /// The rotation it comes from (its id starts with `{rotation id}:`).
    pub rotation: Option<String>,
    /// True when it comes from a rotation and this real day differs from the pattern (moved,
    /// cancelled, reassigned, or no longer in the pattern).
    pub differs_from_pattern: bool,
    /// What the pattern gives on this day, when the shift differs from it.
    pub pattern: Option<PatternShift>,
    /// The worst severity of the findings naming this shift; null when none does.
    pub worst: Option<String>,
    /// The times as worked, when a worked shift's differ from the plan.
    pub actual: Option<super::month::TimesView>,
    /// Why it was not worked (status `cancelled`).
    pub not_worked_reason: Option<String>,
    /// Work added afterwards that was not planned.
    pub unplanned: bool,
    /// Personlig stell: never carries an egenandel.
    pub personlig_stell: bool,
    /// True when its assistant is absent at its time: it shows in the open-shifts row and in
    /// "Trenger dekning", and counts in no assistant's hours.
    pub needs_cover: bool,
    /// The absent assistant a covered shift was originally planned for; null when not covered.
    pub original_assistant: Option<String>,
    /// The absence that makes it need cover (or that the cover is for), in words.
    pub absence_label: Option<String>,
}

/// The pattern's own shift for a real day.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PatternShift {
    pub start: String,
    pub end: String,
    pub assistant: Option<String>,
}

/// One finding of the law check reaching into the window.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct FindingView {
    /// The rule id, e.g. `REST-D`.
    pub rule: String,
    /// `violation`, `warning` or `info`.
    pub severity: String,
    /// "Brudd", "Advarsel", "Merknad" (or English).
    pub severity_label: String,
    /// The rule's title in the UI language.
    pub title: String,
    /// A plain sentence with the measured value against the limit.
    pub explanation: String,
    /// Assistant ids.
    pub assistants: Vec<String>,
    /// The assistants' names, in the same order.
    pub assistant_names: Vec<String>,
    /// RFC 3339: the interval the rule points at.
    pub start: String,
    pub end: String,
    pub measured: i32,
    pub limit: i32,
    /// How the limit is made up, where it is not the plain one: "9 t + 2 t for passiv tid
    /// (halvparten av 4 t passiv tid, høyst 2 t)"; null for a plain limit.
    pub limit_note: Option<String>,
    /// `minutes` or `days`.
    pub unit: String,
    pub shifts: Vec<String>,
    /// E.g. `aml § 10-8 (1)`.
    pub law: String,
    /// The dates it concerns, `YYYY-MM-DD`: the work days of its shifts, or else the days of
    /// its interval inside the window.
    pub dates: Vec<String>,
    /// Where in a rotation's pattern it lies, when it comes from checking the pattern on its
    /// own; null for a finding on the plan's shifts.
    pub pattern: Option<PatternPlaceView>,
}

/// Where a finding of a rotation pattern checked on its own lies in the pattern.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PatternPlaceView {
    /// The rotation's id and name.
    pub rotation: String,
    pub rotation_name: String,
    /// The pattern week, 1-based.
    pub week: u32,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u32,
    /// How many times the pattern, repeated over the checked weeks, breaks the rule there.
    pub occurrences: u32,
    /// True when the plan's shifts from this rotation show the same finding: it is listed at
    /// the pattern but counted on the calendar.
    pub on_calendar: bool,
    /// "Turnusen «Dag og natt», uke 2, søndag: 25 ganger på 54 uker", in the UI language.
    pub sentence: String,
}

/// The law check of a period (`check_plan`): its findings and their counts.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PlanCheckView {
    /// The first date of the period, `YYYY-MM-DD`, as asked for; null: from the plan's start.
    pub from: Option<String>,
    /// The last date of the period (inclusive); null: to the plan's end.
    pub to: Option<String>,
    /// Every finding reaching into the period, in order of time.
    pub findings: Vec<FindingView>,
    pub summary: SummaryView,
}

/// Counts per severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct SummaryView {
    pub violations: u32,
    pub warnings: u32,
    pub infos: u32,
}

/// The hour accounts against the vedtak.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HoursView {
    /// The day used to split used from planned, `YYYY-MM-DD`.
    pub today: String,
    /// Per service type, for the window's dates.
    pub window: Vec<ServiceHours>,
    /// The calendar year of the window's first date.
    pub year: i32,
    /// Per service type, for the whole year, with the week-by-week series.
    pub year_services: Vec<ServiceYear>,
}

/// One service type's hours in a period.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ServiceHours {
    /// The key, e.g. `personlig_assistanse`.
    pub service: String,
    /// The name in the UI language.
    pub name: String,
    pub budget_hours: f64,
    pub used_hours: f64,
    pub planned_hours: f64,
    /// Budget − used − planned; negative when overspent.
    pub remaining_hours: f64,
    /// The year-end forecast of the period's year.
    pub forecast_hours: f64,
}

/// One service type's hours in the year.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ServiceYear {
    pub hours: ServiceHours,
    /// `annual`, `weekly`, `mixed` or `none`.
    pub frame: String,
    /// Hours that go back to the municipality at year end (carry-over off).
    pub lapsing_hours: f64,
    /// Every ISO week touching the year.
    pub weeks: Vec<WeekHoursView>,
}

/// One week of the year's series: used and planned against the vedtak line.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct WeekHoursView {
    pub iso_year: i32,
    pub iso_week: u32,
    pub monday: String,
    pub budget_hours: f64,
    pub used_hours: f64,
    pub planned_hours: f64,
}

/// What undo and redo would do next.
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
    /// What the next undo would take back, in the UI language ("Legg til vakt").
    pub next_undo: Option<String>,
    pub next_redo: Option<String>,
}

/// One user action of the change log.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HistoryEntry {
    /// The action's number: entries of one action share it.
    pub action: u32,
    /// RFC 3339.
    pub at: String,
    /// `dd.mm.yyyy HH:MM`, local.
    pub at_local: String,
    pub by: String,
    /// What was done, in the UI language.
    pub what: String,
    /// How many entities it changed.
    pub changes: u32,
    /// What it changed, in sentences in the UI language ("Vakten til Kari Nordmann
    /// 12.03.2026 07:00–15:00 er flyttet til 08:00–16:00."), the first few and then a count.
    pub details: Vec<String>,
    /// True when it has been undone.
    pub undone: bool,
}

/// A plan file opened lately.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RecentPlan {
    pub path: String,
    /// The file name without `.turnus`.
    pub name: String,
    /// RFC 3339, when known.
    pub last_opened: Option<String>,
    /// False when the file is no longer there.
    pub exists: bool,
}

/// One absence in the view.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AbsenceView {
    pub id: String,
    pub assistant: String,
    /// `ferie`, `sykdom`, `permisjon` or `annet`.
    pub kind: String,
    /// `egenmelding` or `sykmelding`, or null.
    pub sick_note: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    /// `HH:MM` of a part-day absence; null for whole days.
    pub from_time: Option<String>,
    pub to_time: Option<String>,
    /// Hours of a part-day absence from an older file that has no times; null otherwise.
    pub hours: Option<f64>,
    pub note: String,
    /// The kind in words: "Syk (egenmelding)".
    pub kind_label: String,
    /// The kind and the period in words: "Syk (egenmelding), 09.06.–10.06.2026".
    pub label: String,
}

/// A shift that needs cover ("Trenger dekning").
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct UncoveredView {
    pub shift: String,
    /// RFC 3339 instants.
    pub start: String,
    pub end: String,
    /// The day and time in words: "ti. 09.06. 07:00–15:00".
    pub label: String,
    /// The absent assistant the shift is planned for.
    pub absent_assistant: String,
    pub absent_name: String,
    pub absence: String,
    /// "Syk (egenmelding)".
    pub kind_label: String,
}

/// The shift the candidates are for.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CoverShiftView {
    pub id: String,
    /// RFC 3339 instants.
    pub start: String,
    pub end: String,
    pub label: String,
    /// Who has the shift now (the absent one while it needs cover); null when open.
    pub assistant: Option<String>,
    pub name: Option<String>,
    pub needs_cover: bool,
    /// The absence that makes it need cover, in words; null when it does not.
    pub absence_label: Option<String>,
}

/// One person who could take a shift, with why they rank where they do.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CandidateView {
    pub assistant: String,
    pub name: String,
    /// Breaches of the law taking the shift would bring them that the plan does not have now.
    pub new_violations: u32,
    pub new_warnings: u32,
    /// Contract minutes still free in the shift's week; null without a contract.
    pub free_contract_minutes: Option<i32>,
    /// Their minutes in the shift's ISO week before taking it.
    pub week_minutes: i32,
    /// Plain reasons in the UI language.
    pub reasons: Vec<String>,
    /// True when taking the shift brings no new breach.
    pub lawful: bool,
}

/// Someone who cannot take the shift, and why ("syk", "har en vakt samtidig").
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ExcludedView {
    pub assistant: String,
    pub name: String,
    pub reason: String,
}

/// Everyone who could cover a shift, best first, and who cannot.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CoverCandidatesView {
    pub shift: CoverShiftView,
    pub candidates: Vec<CandidateView>,
    pub excluded: Vec<ExcludedView>,
}

/// One proposed cover of "Dekk alle".
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ProposalItemView {
    pub shift: String,
    /// RFC 3339 instants.
    pub start: String,
    pub end: String,
    pub label: String,
    pub absent_name: String,
    /// Who is proposed; null when no one can take it (`reasons` says why).
    pub assistant: Option<String>,
    pub name: Option<String>,
    pub new_violations: u32,
    pub new_warnings: u32,
    pub reasons: Vec<String>,
}

/// A cover for every uncovered shift of a period, for review before it is applied.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CoverProposal {
    /// `YYYY-MM-DD`, inclusive; null: from the plan's start / to its end.
    pub from: Option<String>,
    pub to: Option<String>,
    pub items: Vec<ProposalItemView>,
    /// How many items have a person, and how many of those bring new breaches.
    pub proposed: u32,
    pub with_violations: u32,
}

/// One assistant's holiday account for a year (ferieloven).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HolidayBalanceView {
    pub assistant: String,
    pub name: String,
    pub entitlement_days: u32,
    pub booked_days: u32,
    pub carried_days: u32,
    /// Days agreed moved on to the next year (that year's carried days).
    pub moved_days: u32,
    /// Entitlement + carried − booked − moved; negative when over-booked.
    pub remaining_days: i32,
    pub main_holiday_met: bool,
    pub over_booked: bool,
}

/// Every assistant's holiday account for a year.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HolidayYearView {
    pub year: i32,
    pub assistants: Vec<HolidayBalanceView>,
}

/// One ISO week of the year view.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct YearWeekView {
    pub iso_year: i32,
    pub iso_week: u32,
    /// Its Monday, `YYYY-MM-DD`.
    pub monday: String,
    /// The month (1–12) its Thursday falls in, the month the week belongs to.
    pub month: u32,
}

/// One month of the year view.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct YearMonthView {
    /// 1–12.
    pub month: u32,
    /// "januar" (or English).
    pub name: String,
    pub first: String,
    pub last: String,
}

/// A red day of the year.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct RedDayView {
    pub date: String,
    pub name: String,
}

/// One assistant's row of the year view.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct YearAssistantView {
    pub assistant: String,
    pub name: String,
    /// Their absences reaching into the year, by first day.
    pub absences: Vec<AbsenceView>,
    pub balance: HolidayBalanceView,
}

/// A whole year (årshjul): weeks, months, red days, and per assistant their absences and
/// holiday balance.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct YearView {
    pub year: i32,
    pub weeks: Vec<YearWeekView>,
    pub months: Vec<YearMonthView>,
    pub red_days: Vec<RedDayView>,
    pub assistants: Vec<YearAssistantView>,
}
