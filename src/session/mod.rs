//! One open plan as the desktop app uses it: the plan file, the plan it holds, an incremental
//! law checker, the user's name and language, and intent-level edits (`add_shift`,
//! `apply_rotation`, `undo`) that each return the refreshed [`PlanView`] of a window of dates.
//! The Tauri commands of `src-tauri` are one line each, delegating here, so every command body
//! is tested without a window (docs/ipc.md is the contract).
//!
//! | part | module |
//! |---|---|
//! | the error crossing IPC | [`error`] |
//! | raw input → model types | [`input`], validated in `validate` |
//! | the views sent to the UI | [`view`], built in `build` |
//! | app settings, recent plans | [`settings`] |
//! | the IPC command table both adapters serve | [`commands`] |
//!
//! Nothing here reads the clock: every method that records or compares a time takes `now`
//! and `today`. Renewing the lock's heartbeat on a timer is the shell's job.

mod absence;
pub mod busy;
pub mod commands;
pub mod error;
mod export;
mod hand_over;
mod history;
pub mod input;
pub mod merge;
pub mod settings;
pub mod suggest;
pub mod view;

pub use error::{ErrorCode, IpcError};
pub use export::{CalendarFolderView, ExportDone, ExportPreview, ExportRequest};
pub use input::{
    AbsenceInput, AssistantInput, CoverAssignment, NewPlanInput, ProfileInput, RotationInput,
    SettingsInput, ShiftInput, ShiftTypeInput, SlotInput, VedtakInput, Window,
};
pub use month::{
    EgenandelBracketInput, EgenandelEstimateView, EgenandelTableInput, EgenandelTableView,
    MonthRow, MonthSums, MonthView, TimekontoAssistant, TimekontoPeriod, TimekontoView, TimesView,
};
pub use settings::{AppSettings, Language, Theme};
pub use view::{
    AbsenceView, CandidateView, CoverCandidatesView, CoverProposal, CoverShiftView, ExcludedView,
    HolidayBalanceView, HolidayYearView, ProposalItemView, RedDayView, UncoveredView,
    YearAssistantView, YearMonthView, YearView, YearWeekView,
};
pub use view::{
    AssistantView, ClosedMonthView, DayView, FileView, FindingView, HistoryEntry, HistoryState,
    HoursView, LockView, PatternPlaceView, PatternShift, PlanCheckView, PlanView, ProfileRow,
    ProfileView, RecentPlan, RotationView, ServiceHours, ServiceYear, SettingsView, ShiftTypeView,
    ShiftView, SlotView, SummaryView, VedtakView, WeekHoursView,
};

mod app;
mod build;
mod limits;
pub mod month;
mod password;
pub mod validate;

pub use app::{App, StartRefusal};
pub use hand_over::HandOver;

use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::json;

use crate::model::{
    Assistant, AssistantId, DayChange, Plan, Rotation, RotationId, Shift, ShiftId, ShiftStatus,
};
use crate::rotation::RotationError;
use crate::rules::{CheckOptions, Checker, Report};
use crate::store::{
    Access, Edit, LockNotice, LogEntry, LogState, OpenOptions, PlanFile, StoreError, VedtakId,
};
use crate::time::Instant;

/// How many change-log rows the history view reads at most.
const HISTORY_SCAN: usize = 5000;

/// The longest range a rotation is applied to at once, in days.
pub const MAX_APPLY_DAYS: i64 = 2 * 366;

/// One open plan: the file, the plan it holds, the checker that re-checks it after each edit,
/// and the language its sentences are written in.
pub struct Session {
    file: PlanFile,
    plan: Plan,
    vedtak_ids: Vec<VedtakId>,
    checker: Checker,
    /// Remembers each rotation pattern's own check until the pattern or what it reads changes.
    patterns: crate::rotation::PatternChecker,
    history: HistoryState,
    lang: Language,
    /// Set when another program took the file over while it was open here.
    lost: Option<LockNotice>,
    /// The folder whose calendars are rewritten after each change, if the user chose one.
    calendars: Option<export::CalendarFolder>,
    /// The plan file on disk as this program last read or wrote it (see [`App::check_disk`]).
    disk: Option<merge::FileStamp>,
    /// The change log's size and newest entry as last read.
    mark: (i64, i64),
}

impl Session {
    /// Open the plan file at `path` (see [`PlanFile::open`]): a file that cannot be opened is
    /// refused with its own code and left as it was; a write-protected file or one in use
    /// elsewhere opens read-only, and the view says why.
    pub fn open(path: &Path, options: &OpenOptions, lang: Language) -> Result<Self, IpcError> {
        let file = PlanFile::open(path, options).map_err(|e| IpcError::from_store(&e, lang))?;
        Self::from_file(file, lang)
    }

    /// A session on a plan file already open.
    pub fn from_file(file: PlanFile, lang: Language) -> Result<Self, IpcError> {
        let mut session = Session {
            file,
            plan: Plan::default(),
            vedtak_ids: Vec::new(),
            checker: Checker::default(),
            patterns: crate::rotation::PatternChecker::default(),
            history: HistoryState::default(),
            lang,
            lost: None,
            calendars: None,
            disk: None,
            mark: (0, 0),
        };
        session.reload()?;
        // A file holding what plan JSON refuses (an absurd busy time from an older build, a
        // year outside 1900–2200) is refused with the field named, instead of breaking the
        // checks and exports later.
        if let Err(e) = crate::interchange::validate(&session.plan) {
            let message = match lang {
                Language::Nb => format!(
                    "Planfilen inneholder noe Turnus ikke kan bruke ({e}). Legg tilbake en sikkerhetskopi av planen."
                ),
                Language::En => format!(
                    "The plan file holds something Turnus cannot use ({e}). Put back a backup of the plan."
                ),
            };
            let _ = session.close();
            return Err(
                IpcError::new(ErrorCode::Corrupt, message).with_details(json!({ "field": e.path }))
            );
        }
        Ok(session)
    }

    /// A new plan file at `path` holding the guide's answers. Every answer is validated first;
    /// an error names its field, e.g. `assistants[1].name`. Nothing is written when one fails.
    pub fn create(
        path: &Path,
        input: &NewPlanInput,
        options: &OpenOptions,
        lang: Language,
    ) -> Result<Self, IpcError> {
        let plan = new_plan(input, &options.user, lang)?;
        let file = crate::store::transfer::import_plan(&plan, path, options)
            .map_err(|e| IpcError::from_store(&e, lang))?;
        Self::from_file(file, lang)
    }

    /// A session on a new plan in memory, for tests.
    pub fn in_memory(user: &str, lang: Language) -> Result<Self, IpcError> {
        let file = PlanFile::open_in_memory(user).map_err(|e| IpcError::from_store(&e, lang))?;
        Self::from_file(file, lang)
    }

    /// The plan as last loaded.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The file's path (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.file.path()
    }

    /// The language sentences are written in.
    pub fn language(&self) -> Language {
        self.lang
    }

    /// Stamp the edits from now on with `user`'s name.
    pub fn set_user(&mut self, user: &str) {
        self.file.set_user(user);
    }

    /// Write sentences in `lang` from now on.
    pub fn set_language(&mut self, lang: Language) {
        self.lang = lang;
        self.history = history_state(&self.file, lang);
    }

    /// Renew the lock's heartbeat (and take the daily backup when due). When another program
    /// took the file over, the session turns read-only and says so in its views.
    pub fn heartbeat(&mut self, now: Instant) -> Result<(), IpcError> {
        if self.lost.is_some() {
            return Ok(());
        }
        match self.file.heartbeat(now) {
            Ok(()) => {
                // The heartbeat writes the file; that is no change by another program.
                self.disk = self.file.path().and_then(merge::FileStamp::of);
                Ok(())
            }
            Err(e) => {
                if let StoreError::LockLost(notice) = &e {
                    self.lost = Some(notice.clone());
                }
                Err(IpcError::from_store(&e, self.lang))
            }
        }
    }

    /// Close the file, giving up the lock.
    pub fn close(self) -> Result<(), IpcError> {
        let lang = self.lang;
        let closed = self
            .file
            .close()
            .map_err(|e| IpcError::from_store(&e, lang));
        // The keys of an encrypted plan stay in memory only while it is open.
        crate::store::forget_keys();
        closed
    }

    fn reload(&mut self) -> Result<(), IpcError> {
        let lang = self.lang;
        let store = |e: StoreError| IpcError::from_store(&e, lang);
        self.plan = self.file.load_plan().map_err(store)?;
        self.vedtak_ids = self
            .file
            .vedtak()
            .map_err(store)?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        self.history = history_state(&self.file, lang);
        self.note_disk();
        Ok(())
    }

    fn store_error(&mut self, e: &StoreError) -> IpcError {
        if let StoreError::LockLost(notice) = e {
            self.lost = Some(notice.clone());
        }
        IpcError::from_store(e, self.lang)
    }

    fn check(&mut self, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Report {
        let options = CheckOptions {
            from: Some(Instant::start_of_day(from)),
            to: Some(Instant::start_of_day(to + Duration::days(1))),
            today: Some(today),
        };
        self.checker.check(&self.plan, &options)
    }

    /// The law check of the period `from`–`to` (inclusive dates `YYYY-MM-DD`; `None`: from
    /// the plan's start, to its end): every finding reaching into it, with its counts. The
    /// whole plan is read, so rest before the period is known. A date that cannot be read is
    /// refused naming its field (`from`, `to`).
    pub fn check_plan(
        &mut self,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<PlanCheckView, IpcError> {
        self.check_plan_on(from, to, None)
    }

    /// [`Session::check_plan`] as of `today` (the main-holiday deadline is checked from it).
    pub fn check_plan_on(
        &mut self,
        from: Option<&str>,
        to: Option<&str>,
        today: Option<NaiveDate>,
    ) -> Result<PlanCheckView, IpcError> {
        let (start, end) = validate::period(from, to, self.lang)?;
        let options = CheckOptions {
            from: start.map(Instant::start_of_day),
            to: end.map(|d| Instant::start_of_day(d + Duration::days(1))),
            today,
        };
        let calendar = self.checker.check(&self.plan, &options);
        let report = self.patterns.check(&self.plan, calendar, &options);
        let dates = (
            start.unwrap_or(NaiveDate::MIN),
            end.unwrap_or(NaiveDate::MAX),
        );
        let mut findings = build::finding_views(&self.plan, &report.calendar, dates, self.lang);
        findings.extend(build::pattern_finding_views(
            &self.plan,
            &report.rotations,
            None,
            self.lang,
        ));
        Ok(PlanCheckView {
            from: start.map(|d| d.format("%Y-%m-%d").to_string()),
            to: end.map(|d| d.format("%Y-%m-%d").to_string()),
            findings,
            summary: SummaryView {
                violations: u32::try_from(report.summary.violations).unwrap_or(u32::MAX),
                warnings: u32::try_from(report.summary.warnings).unwrap_or(u32::MAX),
                infos: u32::try_from(report.summary.infos).unwrap_or(u32::MAX),
            },
        })
    }

    /// The view of `window` as of `today`.
    pub fn view(&mut self, window: &Window, today: NaiveDate) -> Result<PlanView, IpcError> {
        let (from, to) = validate::window(window, self.lang)?;
        let report = self.check(from, to, today);
        // The checker remembers each assistant's findings, so the whole plan's check costs
        // only the plan-wide rules again.
        let whole = CheckOptions {
            today: Some(today),
            ..CheckOptions::default()
        };
        let plan_calendar = self.checker.check(&self.plan, &whole);
        // Each rotation's pattern is checked on its own once, then again only when it (or
        // what its check reads) changes.
        let plan_report = self.patterns.check(&self.plan, plan_calendar, &whole);
        let read_only = match self.file.access() {
            Access::ReadWrite => None,
            Access::ReadOnly(reason) => Some(reason.clone()),
        };
        let file = build::file_view(
            self.file.path(),
            read_only.as_ref(),
            self.lost.as_ref(),
            self.file.backup_problem(),
            self.lang,
        );
        let mut view = build::plan_view(build::Parts {
            plan: &self.plan,
            vedtak_ids: &self.vedtak_ids,
            report: &report,
            plan_report: &plan_report,
            file,
            history: self.history.clone(),
            window,
            from,
            to,
            today,
            lang: self.lang,
        });
        view.file.calendar_folder = self.calendar_folder();
        view.file.has_password = self.file.has_password();
        Ok(view)
    }

    /// Apply `edits` as one user action, reload, and return the view of `window`. The window
    /// is checked first, so a bad window never leaves an edit half-reported.
    fn edit(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        what: &str,
        edits: &[Edit],
    ) -> Result<PlanView, IpcError> {
        validate::window(window, self.lang)?;
        if let Some(notice) = &self.lost {
            return Err(IpcError::from_store(
                &StoreError::LockLost(notice.clone()),
                self.lang,
            ));
        }
        if !edits.is_empty() {
            let count = |add: fn(&Edit) -> bool, delete: fn(&Edit) -> bool, now: usize| {
                let added = edits.iter().filter(|e| add(e)).count();
                let deleted = edits.iter().filter(|e| delete(e)).count();
                (now + added).saturating_sub(deleted)
            };
            validate::plan_size(
                count(
                    |e| matches!(e, Edit::AddShift(_)),
                    |e| matches!(e, Edit::DeleteShift(_)),
                    self.plan.shifts.len(),
                ),
                count(
                    |e| matches!(e, Edit::AddAssistant(_)),
                    |e| matches!(e, Edit::DeleteAssistant(_)),
                    self.plan.assistants.len(),
                ),
                self.lang,
            )?;
            let result = self.file.apply(now, what, edits);
            if let Err(e) = result {
                if let StoreError::LockLost(notice) = &e {
                    self.lost = Some(notice.clone());
                }
                return Err(IpcError::from_store(&e, self.lang));
            }
            self.reload()?;
            self.refresh_calendars(now);
        }
        self.view(window, today)
    }

    fn writable(&self) -> Result<(), IpcError> {
        match self.file.access() {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly(reason) => Err(IpcError::from_store(
                &StoreError::ReadOnly(reason.clone()),
                self.lang,
            )),
        }
    }

    fn shift(&self, id: &str) -> Result<&Shift, IpcError> {
        self.plan
            .shifts
            .iter()
            .find(|s| s.id.as_str() == id)
            .ok_or_else(|| {
                IpcError::from_store(
                    &StoreError::NotFound {
                        entity: "shift",
                        id: id.to_string(),
                    },
                    self.lang,
                )
            })
    }

    /// Add a shift from the editor's input.
    pub fn add_shift(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &ShiftInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let id = ShiftId(crate::store::new_id());
        let shift = validate::shift(&self.plan, input, id, self.lang)?;
        self.edit(now, today, window, "add shift", &[Edit::AddShift(shift)])
    }

    /// Change the shift `input.id`. A shift of a rotation also records how this real day
    /// differs from the pattern, so applying the rotation again keeps the change.
    pub fn update_shift(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &ShiftInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let id = input.id.clone().unwrap_or_default();
        let old = self.shift(&id).map_err(|e| {
            if id.is_empty() {
                IpcError::field(
                    "id",
                    "",
                    self.lang.pick(
                        "Velg vakten som skal endres.",
                        "Choose the shift to change.",
                    ),
                )
            } else {
                e
            }
        })?;
        let mut shift = validate::shift(&self.plan, input, old.id.clone(), self.lang)?;
        shift.created_at = old.created_at;
        // What the timeliste recorded stays with the shift while its status does.
        if shift.status == old.status {
            shift.actual = old.actual;
            shift.not_worked_reason = old.not_worked_reason.clone();
        }
        shift.unplanned = old.unplanned;
        if input.personlig_stell.is_none() {
            shift.personlig_stell = old.personlig_stell;
        }
        let mut edits = vec![Edit::UpdateShift(shift.clone())];
        if let Some(rotation) = self.record_day_change(&shift, false) {
            edits.push(Edit::UpdateRotation(rotation));
        }
        if let Some(rotation) = self.detach_extra(&shift.id) {
            edits.push(Edit::UpdateRotation(rotation));
        }
        self.edit(now, today, window, "update shift", &edits)
    }

    /// Delete the shift `id`. Deleting a shift of a rotation records the day as cancelled, so
    /// applying the rotation again does not bring it back as planned.
    pub fn delete_shift(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let shift = self.shift(id)?.clone();
        let mut edits = vec![Edit::DeleteShift(shift.id.clone())];
        if let Some(rotation) = self.record_day_change(&shift, true) {
            edits.push(Edit::UpdateRotation(rotation));
        }
        if let Some(rotation) = self.detach_extra(&shift.id) {
            edits.push(Edit::UpdateRotation(rotation));
        }
        self.edit(now, today, window, "delete shift", &edits)
    }

    /// The rotation whose extra-shift day change made the shift `id`, without that change:
    /// a person who edits or deletes the extra shift decides it for themselves, so applying
    /// the rotation again must neither bring a deleted one back nor undo the edit.
    fn detach_extra(&self, id: &ShiftId) -> Option<Rotation> {
        let rotation = self.plan.rotations.iter().find(|r| {
            r.changes
                .iter()
                .any(|c| matches!(c, DayChange::Extra { id: extra, .. } if extra == id))
        })?;
        let mut updated = rotation.clone();
        updated
            .changes
            .retain(|c| !matches!(c, DayChange::Extra { id: extra, .. } if extra == id));
        Some(updated)
    }

    /// The rotation of `shift` with its day changes brought in line with `shift` (or with it
    /// being deleted); `None` when it is no rotation's shift or nothing changed.
    fn record_day_change(&self, shift: &Shift, deleted: bool) -> Option<Rotation> {
        let rotation = build::rotation_of(&self.plan, &shift.id)?;
        let rest = shift
            .id
            .as_str()
            .strip_prefix(&format!("{}:", rotation.id))?;
        let (slot, date) = rest.split_once(':')?;
        let slot: usize = slot.parse().ok()?;
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        let bare = Rotation {
            changes: Vec::new(),
            ..rotation.clone()
        };
        let pattern = crate::rotation::expand(&self.plan, &bare, date, date)
            .ok()?
            .shifts
            .into_iter()
            .find(|s| s.id == shift.id)?;
        let mut updated = rotation.clone();
        updated.changes.retain(|c| match c {
            DayChange::Moved {
                slot: s, date: d, ..
            }
            | DayChange::Cancelled { slot: s, date: d }
            | DayChange::Reassigned {
                slot: s, date: d, ..
            }
            | DayChange::Adjusted {
                slot: s, date: d, ..
            } => !(*s == slot && *d == date),
            DayChange::Extra { .. } => true,
        });
        if deleted || shift.status == ShiftStatus::Cancelled {
            updated.changes.push(DayChange::Cancelled { slot, date });
        } else {
            if (shift.start, shift.end) != (pattern.start, pattern.end) {
                updated.changes.push(DayChange::Moved {
                    slot,
                    date,
                    start: shift.start,
                    end: shift.end,
                });
            }
            if shift.assistant != pattern.assistant {
                updated.changes.push(DayChange::Reassigned {
                    slot,
                    date,
                    assistant: shift.assistant.clone(),
                });
            }
            if (shift.break_minutes, shift.passive_minutes)
                != (pattern.break_minutes, pattern.passive_minutes)
            {
                updated.changes.push(DayChange::Adjusted {
                    slot,
                    date,
                    break_minutes: shift.break_minutes,
                    passive_minutes: shift.passive_minutes,
                });
            }
        }
        (updated.changes != rotation.changes).then_some(updated)
    }

    /// Add (no `id`) or change an assistant.
    pub fn save_assistant(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &AssistantInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let existing = input
            .id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty());
        let id = AssistantId(
            existing
                .map(str::to_string)
                .unwrap_or_else(crate::store::new_id),
        );
        let assistant: Assistant = validate::assistant(input, id, self.lang)?;
        let edit = match existing {
            Some(_) => Edit::UpdateAssistant(assistant),
            None => Edit::AddAssistant(assistant),
        };
        let what = if existing.is_some() {
            "update assistant"
        } else {
            "add assistant"
        };
        self.edit(now, today, window, what, &[edit])
    }

    /// Delete an assistant; refused while shifts, absences or rotations name them.
    pub fn delete_assistant(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
    ) -> Result<PlanView, IpcError> {
        self.delete_assistant_handing_over(now, today, window, id, None)
    }

    /// Add (no `id`) or change a vedtak version.
    pub fn save_vedtak(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &VedtakInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let vedtak = validate::vedtak(input, self.lang)?;
        let (what, edit) = match input.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
            Some(id) => (
                "update vedtak",
                Edit::UpdateVedtak(VedtakId(id.to_string()), vedtak),
            ),
            None => (
                "add vedtak",
                Edit::AddVedtak(VedtakId(crate::store::new_id()), vedtak),
            ),
        };
        self.edit(now, today, window, what, &[edit])
    }

    /// Delete a vedtak version.
    pub fn delete_vedtak(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let edit = Edit::DeleteVedtak(VedtakId(id.to_string()));
        self.edit(now, today, window, "delete vedtak", &[edit])
    }

    /// Add or change a shift type (its code is its id).
    pub fn save_shift_type(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &ShiftTypeInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let kind = validate::shift_type(input, self.lang)?;
        let exists = self.plan.shift_type(&kind.code).is_some();
        let (what, edit) = if exists {
            ("update shift type", Edit::UpdateShiftType(kind))
        } else {
            ("add shift type", Edit::AddShiftType(kind))
        };
        self.edit(now, today, window, what, &[edit])
    }

    /// Delete a shift type; refused while a shift or rotation uses it.
    pub fn delete_shift_type(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        code: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let edit = Edit::DeleteShiftType(code.to_string());
        self.edit(now, today, window, "delete shift type", &[edit])
    }

    /// Add (no `id`) or change a rotation; its recorded day changes are kept.
    pub fn save_rotation(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &RotationInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let existing = input.id.as_deref().map(str::trim).filter(|i| !i.is_empty());
        let id = RotationId(
            existing
                .map(str::to_string)
                .unwrap_or_else(crate::store::new_id),
        );
        let rotation = validate::rotation(&self.plan, input, id, self.lang)?;
        let (what, edit) = if existing.is_some() {
            ("update rotation", Edit::UpdateRotation(rotation))
        } else {
            ("add rotation", Edit::AddRotation(rotation))
        };
        self.edit(now, today, window, what, &[edit])
    }

    /// Delete a rotation. Its shifts already in the calendar stay.
    pub fn delete_rotation(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let edit = Edit::DeleteRotation(RotationId(id.to_string()));
        self.edit(now, today, window, "delete rotation", &[edit])
    }

    /// Put rotation `id` into the calendar for the dates `from`–`to` (inclusive), as one undo
    /// step: its shifts are added, brought in line with the pattern and its day changes, or
    /// removed where the pattern no longer has them; worked shifts are never rewritten.
    #[allow(clippy::too_many_arguments)]
    pub fn apply_rotation(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        id: &str,
        from: &str,
        to: &str,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let lang = self.lang;
        let first = validate::date("from", from, lang)?;
        let last = validate::date("to", to, lang)?;
        if last < first {
            return Err(IpcError::field(
                "to",
                to,
                lang.pick(
                    "Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.",
                    "The end date is before the start date. Choose an end date after the start date.",
                ),
            ));
        }
        if (last - first).num_days() > MAX_APPLY_DAYS {
            return Err(IpcError::field(
                "to",
                to,
                lang.pick(
                    "Perioden er for lang. Bruk turnusen på høyst to år om gangen.",
                    "The period is too long. Apply the rotation to at most two years at a time.",
                ),
            ));
        }
        let rotation_id = RotationId(id.to_string());
        let mut next = self.plan.clone();
        let applied = crate::rotation::apply(&mut next, &rotation_id, first, last)
            .map_err(|e| rotation_error(&e, lang))?;
        let before: std::collections::HashMap<&ShiftId, &Shift> =
            self.plan.shifts.iter().map(|s| (&s.id, s)).collect();
        let after: std::collections::HashSet<&ShiftId> =
            next.shifts.iter().map(|s| &s.id).collect();
        let changed: std::collections::HashSet<&ShiftId> = applied.changed.iter().collect();
        let mut edits = Vec::new();
        for s in &self.plan.shifts {
            if !after.contains(&s.id) {
                edits.push(Edit::DeleteShift(s.id.clone()));
            }
        }
        for s in &next.shifts {
            match before.get(&s.id) {
                None => edits.push(Edit::AddShift(s.clone())),
                Some(_) if changed.contains(&s.id) => edits.push(Edit::UpdateShift(s.clone())),
                Some(_) => {}
            }
        }
        self.edit(now, today, window, "apply rotation", &edits)
    }

    /// Save the plan's settings.
    pub fn update_settings(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &SettingsInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let mut settings = validate::settings(input, self.lang)?;
        if input.main_holiday_deadline.is_none() {
            settings.main_holiday_deadline = self.plan.settings.main_holiday_deadline;
        }
        self.edit(
            now,
            today,
            window,
            "update settings",
            &[Edit::UpdateSettings(settings)],
        )
    }

    /// Set the plan's rule profile.
    pub fn set_profile(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        input: &ProfileInput,
    ) -> Result<PlanView, IpcError> {
        self.writable()?;
        let profile = validate::profile("profile", input, self.lang)?;
        self.edit(
            now,
            today,
            window,
            "set profile",
            &[Edit::SetProfile(profile)],
        )
    }

    /// Undo the latest action still in force.
    pub fn undo(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
    ) -> Result<PlanView, IpcError> {
        self.step(now, today, window, true)
    }

    /// Redo the action undone last.
    pub fn redo(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
    ) -> Result<PlanView, IpcError> {
        self.step(now, today, window, false)
    }

    fn step(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        undo: bool,
    ) -> Result<PlanView, IpcError> {
        validate::window(window, self.lang)?;
        self.writable()?;
        let result = if undo {
            self.file.undo(now)
        } else {
            self.file.redo(now)
        };
        if let Err(e) = result {
            if let StoreError::LockLost(notice) = &e {
                self.lost = Some(notice.clone());
            }
            return Err(IpcError::from_store(&e, self.lang));
        }
        self.reload()?;
        self.refresh_calendars(now);
        self.view(window, today)
    }

    /// The latest `limit` user actions of the change log, newest first, each with what it
    /// changed in sentences ([`history::sentences`]).
    pub fn history(&self, limit: u32) -> Result<Vec<HistoryEntry>, IpcError> {
        let limit = usize::try_from(limit.clamp(1, 1000)).unwrap_or(1000);
        let rows = self
            .file
            .history(HISTORY_SCAN)
            .map_err(|e| IpcError::from_store(&e, self.lang))?;
        let sentences = history::sentences(&rows, &self.plan, self.lang);
        let mut actions: Vec<Vec<&LogEntry>> = Vec::new();
        for row in &rows {
            match actions.last_mut() {
                Some(last) if last[0].action == row.action => last.push(row),
                _ => {
                    if actions.len() == limit {
                        break;
                    }
                    actions.push(vec![row]);
                }
            }
        }
        Ok(actions
            .into_iter()
            .map(|changes| {
                let first = changes[0];
                HistoryEntry {
                    action: u32::try_from(first.action).unwrap_or(u32::MAX),
                    at: first.at.to_rfc3339(),
                    at_local: first.at.display_local(),
                    by: first.by.clone(),
                    what: build::describe(&first.what, self.lang),
                    changes: u32::try_from(changes.len()).unwrap_or(u32::MAX),
                    details: history::for_action(&changes, &sentences, self.lang),
                    undone: first.state != LogState::Done,
                }
            })
            .collect())
    }
}

/// What undo and redo would do next, read from the change log.
fn history_state(file: &PlanFile, lang: Language) -> HistoryState {
    let Ok((undo, redo)) = file.next_steps() else {
        return HistoryState::default();
    };
    HistoryState {
        can_undo: undo.is_some(),
        can_redo: redo.is_some(),
        next_undo: undo.map(|w| build::describe(&w, lang)),
        next_redo: redo.map(|w| build::describe(&w, lang)),
    }
}

fn rotation_error(e: &RotationError, lang: Language) -> IpcError {
    match e {
        RotationError::UnknownRotation(id) => IpcError::new(
            ErrorCode::NotFound,
            lang.pick(
                "Fant ikke turnusen. Den kan være slettet; last visningen på nytt.",
                "Could not find the rotation. It may have been deleted; reload the view.",
            ),
        )
        .with_details(json!({ "entity": "rotation", "id": id })),
        RotationError::NoTimeOnDate { code, date } => IpcError::field(
            "shift_type",
            code.as_str(),
            match lang {
                Language::Nb => format!(
                    "Vakttypen {code} har ingen tid {}: klokken hopper fra 02:00 til 03:00 den natten. Endre tidene eller hopp over dagen.",
                    date.format("%d.%m.%Y")
                ),
                Language::En => format!(
                    "Shift type {code} has no time on {}: the clocks jump from 02:00 to 03:00 that night. Change its times or skip the day.",
                    date.format("%d.%m.%Y")
                ),
            },
        ),
        other => IpcError::field(
            "rotation",
            other.to_string(),
            lang.pick(
                "Turnusen kan ikke brukes slik den er. Åpne den, rett uker, vakttyper og assistenter, og prøv igjen.",
                "The rotation cannot be used as it is. Open it, correct its weeks, shift types and assistants, and try again.",
            ),
        ),
    }
}

/// Prefix the field named in an input error, e.g. `name` → `assistants[1].name`.
fn in_field(prefix: &str, mut e: IpcError) -> IpcError {
    if let Some(field) = e.details.get("field").and_then(|f| f.as_str()) {
        let full = format!("{prefix}.{field}");
        e.details["field"] = json!(full);
    }
    e
}

/// The plan the guide's answers describe.
fn new_plan(input: &NewPlanInput, user: &str, lang: Language) -> Result<Plan, IpcError> {
    let arbeidsleder = input.arbeidsleder.trim();
    let settings = validate::settings(
        &SettingsInput {
            name: if input.name.trim().is_empty() {
                arbeidsleder.to_string()
            } else {
                input.name.clone()
            },
            arbeidsleder: input.arbeidsleder.clone(),
            leverandor: input.leverandor.clone(),
            current_user: Some(user.to_string()),
            carry_over: input.carry_over,
            main_holiday_deadline: None,
        },
        lang,
    )
    .map_err(|e| {
        // An empty plan name falls back to the arbeidsleder's, so a missing name is theirs.
        if e.details["field"] == "name" && input.name.trim().is_empty() {
            let mut e = e;
            e.details["field"] = json!("arbeidsleder");
            e
        } else {
            e
        }
    })?;
    let profile = match &input.profile {
        Some(p) => validate::profile("profile", p, lang)?,
        None => crate::model::Profile::default(),
    };
    let mut plan = Plan {
        settings,
        profile,
        ..Plan::default()
    };
    for (i, v) in input.vedtak.iter().enumerate() {
        plan.vedtak
            .push(validate::vedtak(v, lang).map_err(|e| in_field(&format!("vedtak[{i}]"), e))?);
    }
    for (i, t) in input.shift_types.iter().enumerate() {
        let kind =
            validate::shift_type(t, lang).map_err(|e| in_field(&format!("shift_types[{i}]"), e))?;
        if plan.shift_type(&kind.code).is_some() {
            return Err(IpcError::field(
                &format!("shift_types[{i}].code"),
                kind.code.as_str(),
                lang.pick(
                    "To vakttyper har samme kode. Gi hver vakttype sin egen kode.",
                    "Two shift types have the same code. Give each shift type its own code.",
                ),
            ));
        }
        plan.shift_types.push(kind);
    }
    for (i, a) in input.assistants.iter().enumerate() {
        let id = AssistantId(crate::store::new_id());
        plan.assistants.push(
            validate::assistant(a, id, lang)
                .map_err(|e| in_field(&format!("assistants[{i}]"), e))?,
        );
    }
    Ok(plan)
}

/// Monday to Sunday of the ISO week holding `today`: the window a plan opens on.
pub fn this_week(today: NaiveDate) -> Window {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    Window {
        from: monday.format("%Y-%m-%d").to_string(),
        to: (monday + Duration::days(6)).format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod absence_tests;
#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod month_tests;
#[cfg(test)]
mod tests;
