//! The IPC commands, declared once: each entry names the command, its arguments (a struct the
//! UI sends as one JSON object with snake_case keys), what it answers, and the [`App`] call
//! that does the work. The desktop shell and the browser tests' loopback server are two thin
//! adapters over [`COMMANDS`]: they find a command by name, hand it the JSON arguments with
//! `now` and `today`, and send back its JSON answer or its [`IpcError`].
//!
//! Adding a command is one entry in the `commands!` list below. Its argument struct, its line
//! in the generated `ui/src/lib/bindings/Commands.ts` (which the UI's `call` is typed by) and
//! its registration in both adapters follow from that entry; docs/ipc.md describes it, and a
//! test fails while the docs and the table disagree.
//!
//! What this module leaves out: transport (Tauri IPC, HTTP), threads, the clock and dialogs.

use std::path::Path;

use chrono::NaiveDate;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;
use ts_rs::{Config, TypeVisitor, TS};

use super::merge::{ConflictCopyView, DiskChange, MergeChoice, MergeDone, MergePreview};
use super::month::{
    CorrectWorked, EgenandelEstimateView, EgenandelTableInput, EgenandelTableView, MonthView,
    TimekontoView,
};
use super::App;
#[cfg(test)]
use super::ErrorCode;
use super::{
    busy::BusyImportView, AppSettings, AssistantInput, ExportDone, ExportPreview, ExportRequest,
    HandOver, HistoryEntry, IpcError, NewPlanInput, PlanCheckView, PlanView, ProfileInput,
    RecentPlan, RotationInput, SettingsInput, ShiftInput, ShiftTypeInput, StartRefusal,
    VedtakInput, Window,
};
use super::{
    AbsenceInput, CoverAssignment, CoverCandidatesView, CoverProposal, HolidayYearView,
    UncoveredView, YearView,
};
use crate::store::Password;
use crate::time::Instant;

/// One command of the table.
pub struct Command {
    /// The name the UI calls it by (`add_shift`).
    pub name: &'static str,
    /// Runs the command: the arguments as the UI sent them (a JSON object), the answer as JSON.
    pub run: fn(&mut App, Instant, NaiveDate, Value) -> Result<Value, IpcError>,
    /// The TypeScript side of the command: its argument and answer types.
    pub bindings: fn(&Config) -> CommandBindings,
}

/// The TypeScript of one command, for `ui/src/lib/bindings/`.
pub struct CommandBindings {
    /// The arguments' type name (`AddShiftArgs`).
    pub args: String,
    /// The answer's type expression (`PlanView`, `Array<RecentPlan>`, `null`).
    pub result: String,
    /// Every exportable type the two need, with its file name and generated text.
    pub files: Vec<(String, String)>,
}

/// The command called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|command| command.name == name)
}

/// Run the command `name` on `app`: the adapters' one entry point. An unknown command or
/// arguments of the wrong shape are `internal` faults (the UI and the table disagree), said
/// in the user's language with the detail in `details`.
pub fn dispatch(
    app: &mut App,
    now: Instant,
    today: NaiveDate,
    name: &str,
    args: Value,
) -> Result<Value, IpcError> {
    match find(name) {
        Some(command) => (command.run)(app, now, today, args),
        None => Err(IpcError::internal(
            app.settings().language,
            format!("unknown command {name}"),
        )),
    }
}

fn arguments<T: DeserializeOwned>(app: &App, name: &str, args: Value) -> Result<T, IpcError> {
    let args = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args
    };
    serde_json::from_value(args).map_err(|e| {
        IpcError::internal(
            app.settings().language,
            format!("the arguments of {name} do not fit: {e}"),
        )
    })
}

fn answer<T: Serialize>(app: &App, value: T) -> Result<Value, IpcError> {
    serde_json::to_value(value)
        .map_err(|e| IpcError::internal(app.settings().language, e.to_string()))
}

/// The bindings of a command with arguments `A` answering `R`.
fn bindings<A: TS + 'static, R: TS + 'static>(cfg: &Config) -> CommandBindings {
    let mut files = Vec::new();
    collect::<A>(cfg, &mut files);
    collect::<R>(cfg, &mut files);
    CommandBindings {
        args: A::name(cfg),
        result: R::name(cfg),
        files,
    }
}

/// `T`'s file (when it has one) and those of every type it refers to, once each.
fn collect<T: TS + 'static + ?Sized>(cfg: &Config, files: &mut Vec<(String, String)>) {
    struct Visit<'a>(&'a Config, &'a mut Vec<(String, String)>);
    impl TypeVisitor for Visit<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            collect::<U>(self.0, self.1);
        }
    }
    if T::output_path().is_some() {
        let name = format!("{}.ts", T::ident(cfg));
        if files.iter().any(|(file, _)| *file == name) {
            return;
        }
        let text = T::export_to_string(cfg)
            .unwrap_or_else(|e| format!("// {} cannot be exported: {e}\n", T::ident(cfg)));
        files.push((name, text));
    }
    T::visit_dependencies(&mut Visit(cfg, files));
    T::visit_generics(&mut Visit(cfg, files));
}

/// The generated `Commands.ts`: every command's argument and answer types, so the UI's one
/// `call` function is typed by the table.
pub fn commands_ts(cfg: &Config) -> String {
    let mut imports = std::collections::BTreeSet::new();
    let mut lines = Vec::new();
    for command in COMMANDS {
        let b = (command.bindings)(cfg);
        for (file, _) in &b.files {
            let name = file.trim_end_matches(".ts");
            let used = |text: &str| {
                text.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|word| word == name)
            };
            if used(&b.args) || used(&b.result) {
                imports.insert(name.to_string());
            }
        }
        lines.push(format!(
            "  {}: {{ args: {}; result: {} }};",
            command.name, b.args, b.result
        ));
    }
    let mut out = String::from(
        "// Generated from the command table in src/session/commands.rs by `make bindings`; do not edit.\n",
    );
    for name in imports {
        out.push_str(&format!("import type {{ {name} }} from './{name}';\n"));
    }
    out.push_str(
        "\n/** Every IPC command: its arguments and its answer. */\nexport type Commands = {\n",
    );
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(
        "};\n\n/** The name of a command. */\nexport type CommandName = keyof Commands;\n",
    );
    out
}

/// Declares the commands: `name(ArgsStruct { field: Type, … }) -> Answer = |app, now, today,
/// args| call;` — the argument struct is generated with the fields given.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident($args:ident { $($field:ident : $ty:ty),* $(,)? }) -> $ret:ty
            = |$app:ident, $now:pat_param, $today:pat_param, $a:pat_param| $body:expr;
    )*) => {
        $(
            #[doc = concat!("The arguments of `", stringify!($name), "`.")]
            #[doc = ""]
            $(#[doc = $doc])*
            #[derive(Clone, Debug, Deserialize, TS)]
            #[serde(deny_unknown_fields)]
            #[allow(missing_docs)]
            pub struct $args { $(pub $field: $ty),* }
        )*

        /// Every command the UI can call, in the order of docs/ipc.md.
        pub static COMMANDS: &[Command] = &[$(
            Command {
                name: stringify!($name),
                run: |app, now, today, json| {
                    #[allow(unused_variables)]
                    let $a: $args = arguments(app, stringify!($name), json)?;
                    let ($now, $today) = (now, today);
                    let $app = &mut *app;
                    let out: Result<$ret, IpcError> = $body;
                    let out = out?;
                    answer(app, out)
                },
                bindings: bindings::<$args, $ret>,
            },
        )*];
    };
}

commands! {
    /// Plan files opened lately, most recent first.
    recent_plans(RecentPlansArgs {}) -> Vec<RecentPlan> = |app, _, _, _a| Ok(app.recent_plans());
    /// Why the plan file the program was started with did not open (once; null when it did).
    start_refusal(StartRefusalArgs {}) -> Option<StartRefusal>
        = |app, _, _, _a| Ok(app.take_start_refusal());
    /// Make a new plan file from the guide's answers.
    create_plan(CreatePlanArgs { path: String, plan: NewPlanInput }) -> PlanView
        = |app, now, today, a| app.create_plan(now, today, &a.path, &a.plan);
    /// Open a plan file (read-only with the lock notice when in use, unless taking over).
    open_plan(OpenPlanArgs { path: String, take_over: bool }) -> PlanView
        = |app, now, today, a| app.open_plan(now, today, &a.path, a.take_over);
    /// Open the demo plan, written to a file in the data folder.
    open_demo(OpenDemoArgs {}) -> PlanView = |app, now, today, _a| app.open_demo(now, today);
    /// Close the open plan, giving its lock up.
    close_plan(ClosePlanArgs {}) -> () = |app, _, _, _a| app.close_plan();
    /// The view of a window of dates.
    plan_view(PlanViewArgs { window: Window }) -> PlanView
        = |app, _, today, a| app.session()?.view(&a.window, today);
    /// The law check of a period: from and to (inclusive), each null for the plan's start or end.
    check_plan(CheckPlanArgs { from: Option<String>, to: Option<String> }) -> PlanCheckView
        = |app, _, today, a| app.session()?.check_plan_on(a.from.as_deref(), a.to.as_deref(), Some(today));
    /// Add a shift.
    add_shift(AddShiftArgs { window: Window, shift: ShiftInput }) -> PlanView
        = |app, now, today, a| app.session()?.add_shift(now, today, &a.window, &a.shift);
    /// Change the shift `shift.id`.
    update_shift(UpdateShiftArgs { window: Window, shift: ShiftInput }) -> PlanView
        = |app, now, today, a| app.session()?.update_shift(now, today, &a.window, &a.shift);
    /// Delete a shift.
    delete_shift(DeleteShiftArgs { window: Window, id: String }) -> PlanView
        = |app, now, today, a| app.session()?.delete_shift(now, today, &a.window, &a.id);
    /// Add or change an assistant.
    save_assistant(SaveAssistantArgs { window: Window, assistant: AssistantInput }) -> PlanView
        = |app, now, today, a| app.session()?.save_assistant(now, today, &a.window, &a.assistant);
    /// Delete an assistant; their shifts and pattern places become open or go to another
    /// assistant (`hand_over`), or, without it, the deletion is refused saying what they have.
    delete_assistant(DeleteAssistantArgs { window: Window, id: String, hand_over: Option<HandOver> }) -> PlanView
        = |app, now, today, a| app.session()?.delete_assistant_handing_over(now, today, &a.window, &a.id, a.hand_over.as_ref());
    /// Add or change a vedtak.
    save_vedtak(SaveVedtakArgs { window: Window, vedtak: VedtakInput }) -> PlanView
        = |app, now, today, a| app.session()?.save_vedtak(now, today, &a.window, &a.vedtak);
    /// Delete a vedtak.
    delete_vedtak(DeleteVedtakArgs { window: Window, id: String }) -> PlanView
        = |app, now, today, a| app.session()?.delete_vedtak(now, today, &a.window, &a.id);
    /// Add or change a shift type.
    save_shift_type(SaveShiftTypeArgs { window: Window, shift_type: ShiftTypeInput }) -> PlanView
        = |app, now, today, a| app.session()?.save_shift_type(now, today, &a.window, &a.shift_type);
    /// Delete a shift type.
    delete_shift_type(DeleteShiftTypeArgs { window: Window, code: String }) -> PlanView
        = |app, now, today, a| app.session()?.delete_shift_type(now, today, &a.window, &a.code);
    /// Add or change a rotation.
    save_rotation(SaveRotationArgs { window: Window, rotation: RotationInput }) -> PlanView
        = |app, now, today, a| app.session()?.save_rotation(now, today, &a.window, &a.rotation);
    /// Delete a rotation.
    delete_rotation(DeleteRotationArgs { window: Window, id: String }) -> PlanView
        = |app, now, today, a| app.session()?.delete_rotation(now, today, &a.window, &a.id);
    /// Lay a rotation onto the calendar from one date to another.
    apply_rotation(ApplyRotationArgs { window: Window, id: String, from: String, to: String }) -> PlanView
        = |app, now, today, a| app.session()?.apply_rotation(now, today, &a.window, &a.id, &a.from, &a.to);
    /// Change the plan's settings.
    update_settings(UpdateSettingsArgs { window: Window, settings: SettingsInput }) -> PlanView
        = |app, now, today, a| app.session()?.update_settings(now, today, &a.window, &a.settings);
    /// Change the plan's rule profile.
    set_profile(SetProfileArgs { window: Window, profile: ProfileInput }) -> PlanView
        = |app, now, today, a| app.session()?.set_profile(now, today, &a.window, &a.profile);
    /// Undo the last change.
    undo(UndoArgs { window: Window }) -> PlanView
        = |app, now, today, a| app.session()?.undo(now, today, &a.window);
    /// Redo the last undone change.
    redo(RedoArgs { window: Window }) -> PlanView
        = |app, now, today, a| app.session()?.redo(now, today, &a.window);
    /// The change log, newest first.
    history(HistoryArgs { limit: u32 }) -> Vec<HistoryEntry>
        = |app, _, _, a| app.session()?.history(a.limit);
    /// The user's settings: language, name, text size, theme.
    app_settings(AppSettingsArgs {}) -> AppSettings = |app, _, _, _a| Ok(app.settings());
    /// Save the user's settings and return them as saved.
    save_app_settings(SaveAppSettingsArgs { settings: AppSettings }) -> AppSettings
        = |app, _, _, a| app.save_settings(&a.settings);
    /// The first page of a document as SVG.
    export_preview(ExportPreviewArgs { request: ExportRequest }) -> ExportPreview
        = |app, _, today, a| app.session()?.export_preview(&a.request, today);
    /// Write a PDF document.
    export_pdf(ExportPdfArgs { request: ExportRequest, path: String }) -> ExportDone
        = |app, _, today, a| app.session()?.export_pdf(&a.request, &a.path, today);
    /// Write one calendar file: one assistant's shifts, or with no assistant the whole plan's.
    export_ics(ExportIcsArgs { assistant: Option<String>, path: String }) -> ExportDone
        = |app, now, _, a| app.session()?.export_ics(a.assistant.as_deref(), &a.path, now);
    /// Keep every assistant's calendar in a folder after each change; no folder stops.
    set_calendar_folder(SetCalendarFolderArgs { window: Window, folder: Option<String> }) -> PlanView
        = |app, now, today, a| app.set_calendar_folder(now, today, &a.window, a.folder.as_deref());
    /// Import a calendar file as an assistant's busy time.
    import_busy(ImportBusyArgs { window: Window, assistant: String, path: String }) -> BusyImportView
        = |app, now, today, a| app.session()?.import_busy(now, today, &a.window, &a.assistant, Path::new(&a.path));
    /// Remove the busy time one calendar gave an assistant.
    remove_busy(RemoveBusyArgs { window: Window, assistant: String, source: String }) -> PlanView
        = |app, now, today, a| app.session()?.remove_busy(now, today, &a.window, &a.assistant, &a.source);
    /// The conflict copies a sync client left beside the open plan, newest first.
    conflict_copies(ConflictCopiesArgs {}) -> Vec<ConflictCopyView>
        = |app, _, _, _a| app.session()?.conflict_copies();
    /// What merging a conflict copy would do: what is taken on its own, and each conflict.
    merge_preview(MergePreviewArgs { other: String }) -> MergePreview
        = |app, now, _, a| app.session()?.merge_preview(now, &a.other);
    /// Merge a conflict copy as one undo step, with a side chosen for every conflict; the
    /// copy is moved among the backups.
    merge_copy(MergeCopyArgs { window: Window, other: String, choices: Vec<MergeChoice> }) -> MergeDone
        = |app, now, today, a| app.session()?.merge_copy(now, today, &a.window, &a.other, &a.choices);
    /// Whether another program changed the open plan's file; if so the plan is read again and
    /// the answer says who changed what (the desktop shell asks every 2 s and emits
    /// `plan-changed-on-disk`).
    check_disk(CheckDiskArgs {}) -> Option<DiskChange>
        = |app, now, _, _a| app.check_disk(now);
    /// Open a plan file protected by a password (after `open_plan` answered `password_needed`).
    open_plan_with_password(OpenPlanWithPasswordArgs { path: String, password: Password, take_over: bool }) -> PlanView
        = |app, now, today, a| app.open_plan_with_password(now, today, &a.path, a.password, a.take_over);
    /// Protect the open plan file and its backups with a password of at least eight characters.
    set_password(SetPasswordArgs { window: Window, password: Password }) -> PlanView
        = |app, now, today, a| app.session()?.set_password(now, today, &a.window, a.password);
    /// Replace the open plan file's password.
    change_password(ChangePasswordArgs { window: Window, old: Password, new: Password }) -> PlanView
        = |app, now, today, a| app.session()?.change_password(now, today, &a.window, a.old, a.new);
    /// Store the open plan file and its backups without a password.
    remove_password(RemovePasswordArgs { window: Window, password: Password }) -> PlanView
        = |app, now, today, a| app.session()?.remove_password(now, today, &a.window, a.password);
    /// Suggest a rotation for a request (the plan's shift types and the assistants chosen):
    /// the rota with each assistant's figures, or why it cannot be done.
    suggest_rotation(SuggestRotationArgs { request: crate::session::suggest::SuggestInput }) -> crate::session::suggest::SuggestionView
        = |app, _, _, a| app.session()?.suggest_rotation(&a.request);
    /// Save a suggested rotation in the plan as a new rotation, in one undoable step.
    apply_suggestion(ApplySuggestionArgs { window: Window, name: String, weeks: u32, start: String, slots: Vec<crate::session::SlotInput> }) -> PlanView
        = |app, now, today, a| app.session()?.save_rotation(now, today, &a.window, &RotationInput {
            id: None, name: a.name.clone(), weeks: a.weeks, start: a.start.clone(), until: None, slots: a.slots.clone(),
        });
    /// The month as worked: every shift of the month (of one assistant, or all) with planned
    /// and actual times and status, and each assistant's sums by supplement category.
    month_view(MonthViewArgs { month: String, assistant: Option<String> }) -> MonthView
        = |app, _, _, a| app.session()?.month_view(&a.month, a.assistant.as_deref());
    /// Confirm shifts as worked, in one undo step.
    confirm_worked(ConfirmWorkedArgs { window: Window, shifts: Vec<String> }) -> PlanView
        = |app, now, today, a| app.session()?.confirm_worked(now, today, &a.window, &a.shifts);
    /// Record the times a shift was worked (`HH:MM` on its work day, local
    /// `YYYY-MM-DDTHH:MM` or RFC 3339; the offsets only for a time of the autumn night that
    /// happens twice); the planned times stay.
    correct_worked(CorrectWorkedArgs { window: Window, shift: String, start: String, end: String, break_minutes: Option<u32>, passive_minutes: Option<u32>, start_offset: Option<String>, end_offset: Option<String> }) -> PlanView
        = |app, now, today, a| app.session()?.correct_worked(now, today, &a.window, &a.shift, &CorrectWorked {
            start: a.start.clone(),
            end: a.end.clone(),
            start_offset: a.start_offset.clone(),
            end_offset: a.end_offset.clone(),
            break_minutes: a.break_minutes,
            passive_minutes: a.passive_minutes,
        });
    /// Mark a shift as not worked, with the reason.
    mark_not_worked(MarkNotWorkedArgs { window: Window, shift: String, reason: String }) -> PlanView
        = |app, now, today, a| app.session()?.mark_not_worked(now, today, &a.window, &a.shift, &a.reason);
    /// Add work that was not planned (a worked shift marked unplanned).
    add_unplanned_work(AddUnplannedWorkArgs { window: Window, shift: ShiftInput }) -> PlanView
        = |app, now, today, a| app.session()?.add_unplanned_work(now, today, &a.window, &a.shift);
    /// Close (lock) a month whose shifts are all confirmed.
    close_month(CloseMonthArgs { window: Window, month: String }) -> PlanView
        = |app, now, today, a| app.session()?.close_month(now, today, &a.window, &a.month);
    /// Open a closed month again; the reason goes into the change log.
    reopen_month(ReopenMonthArgs { window: Window, month: String, reason: String }) -> PlanView
        = |app, now, today, a| app.session()?.reopen_month(now, today, &a.window, &a.month, &a.reason);
    /// Each assistant's account (or one's) for a year: contract, planned, worked, merarbeid
    /// and overtime per week, month and year.
    timekonto(TimekontoArgs { year: i32, assistant: Option<String> }) -> TimekontoView
        = |app, _, _, a| app.session()?.timekonto(a.year, a.assistant.as_deref());
    /// The egenandel tables: the built-in presets and the plan's own.
    egenandel_tables(EgenandelTablesArgs {}) -> Vec<EgenandelTableView>
        = |app, _, _, _a| Ok(app.session()?.egenandel_tables());
    /// The egenandel estimate of a month (the table and bracket given, or the plan's choice).
    egenandel_estimate(EgenandelEstimateArgs { month: String, table: Option<String>, bracket: Option<String> }) -> EgenandelEstimateView
        = |app, _, _, a| app.session()?.egenandel_estimate(&a.month, a.table.as_deref(), a.bracket.as_deref());
    /// Save the household's egenandel table and income bracket.
    save_egenandel_choice(SaveEgenandelChoiceArgs { window: Window, table: String, bracket: String }) -> PlanView
        = |app, now, today, a| app.session()?.save_egenandel_choice(now, today, &a.window, &a.table, &a.bracket);
    /// Add or change an egenandel table of the user's own.
    save_egenandel_table(SaveEgenandelTableArgs { window: Window, table: EgenandelTableInput }) -> PlanView
        = |app, now, today, a| app.session()?.save_egenandel_table(now, today, &a.window, &a.table);
    /// Write the payroll CSV of a month.
    export_csv(ExportCsvArgs { month: String, assistant: Option<String>, path: String }) -> ExportDone
        = |app, _, _, a| app.session()?.export_csv(&a.month, a.assistant.as_deref(), &a.path);
    /// Add (`absence.id` null) or change an absence.
    save_absence(SaveAbsenceArgs { window: Window, absence: AbsenceInput }) -> PlanView
        = |app, now, today, a| app.session()?.save_absence(now, today, &a.window, &a.absence);
    /// Delete an absence; `covered` (`keep` or `give_back`) decides for shifts covered meanwhile.
    delete_absence(DeleteAbsenceArgs { window: Window, id: String, covered: Option<String> }) -> PlanView
        = |app, now, today, a| app.session()?.delete_absence(now, today, &a.window, &a.id, a.covered.as_deref());
    /// The shifts that need cover, in time order.
    needs_cover(NeedsCoverArgs { from: Option<String>, to: Option<String> }) -> Vec<UncoveredView>
        = |app, _, _, a| app.session()?.needs_cover(a.from.as_deref(), a.to.as_deref());
    /// Everyone who could cover a shift, best first, and who cannot.
    cover_candidates(CoverCandidatesArgs { shift: String }) -> CoverCandidatesView
        = |app, _, _, a| app.session()?.cover_candidates(&a.shift);
    /// Let an assistant cover a shift.
    assign_cover(AssignCoverArgs { window: Window, shift: String, assistant: String }) -> PlanView
        = |app, now, today, a| app.session()?.assign_cover(now, today, &a.window, &a.shift, &a.assistant);
    /// A cover for every uncovered shift of a period, for review.
    propose_cover(ProposeCoverArgs { from: Option<String>, to: Option<String> }) -> CoverProposal
        = |app, _, _, a| app.session()?.propose_cover(a.from.as_deref(), a.to.as_deref());
    /// Apply reviewed covers as one undo step.
    apply_cover(ApplyCoverArgs { window: Window, assignments: Vec<CoverAssignment> }) -> PlanView
        = |app, now, today, a| app.session()?.apply_cover(now, today, &a.window, &a.assignments);
    /// Every assistant's holiday account for a year.
    holiday_balances(HolidayBalancesArgs { year: i32 }) -> HolidayYearView
        = |app, _, _, a| app.session()?.holiday_balances(a.year);
    /// Set the holiday days carried into a year for an assistant.
    set_holiday_carry(SetHolidayCarryArgs { window: Window, assistant: String, year: i32, days: i32 }) -> PlanView
        = |app, now, today, a| app.session()?.set_holiday_carry(now, today, &a.window, &a.assistant, a.year, a.days);
    /// A whole year: weeks, months, red days, absences and holiday balances.
    year_view(YearViewArgs { year: i32 }) -> YearView
        = |app, _, _, a| app.session()?.year_view(a.year);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Folders;

    fn app(root: &Path) -> App {
        App::new(Folders::under(root), "Test")
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 10).expect("a date")
    }

    #[test]
    fn every_command_name_is_used_once() {
        let mut names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            count,
            "a command name appears twice in the table"
        );
    }

    #[test]
    fn a_command_runs_on_the_app_with_its_json_arguments_and_answers_json() {
        let dir = std::env::temp_dir().join(format!("turnus-commands-{}", crate::store::new_id()));
        let mut app = app(&dir);
        let now = Instant::from_unix(1_781_000_000);
        let view =
            dispatch(&mut app, now, today(), "open_demo", Value::Null).expect("the demo opens");
        assert!(
            view["assistants"].as_array().is_some_and(|a| !a.is_empty()),
            "the demo has assistants"
        );
        let window = serde_json::json!({ "window": { "from": "2026-06-08", "to": "2026-06-14" } });
        let view = dispatch(&mut app, now, today(), "plan_view", window).expect("a view");
        assert_eq!(
            view["days"].as_array().map(Vec::len),
            Some(7),
            "the view has the window's seven days"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn an_error_of_the_core_crosses_as_it_is() {
        let dir = std::env::temp_dir().join(format!("turnus-commands-{}", crate::store::new_id()));
        let mut app = app(&dir);
        let window = serde_json::json!({ "window": { "from": "2026-06-08", "to": "2026-06-14" } });
        let error = dispatch(
            &mut app,
            Instant::from_unix(0),
            today(),
            "plan_view",
            window,
        )
        .expect_err("no plan is open");
        assert_eq!(error.code, ErrorCode::NoPlan);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn arguments_that_do_not_fit_and_unknown_commands_are_internal_faults_not_panics() {
        let dir = std::env::temp_dir().join(format!("turnus-commands-{}", crate::store::new_id()));
        let mut app = app(&dir);
        let wrong = serde_json::json!({ "window": 3 });
        let error = dispatch(&mut app, Instant::from_unix(0), today(), "plan_view", wrong)
            .expect_err("a number is no window");
        assert_eq!(error.code, ErrorCode::Internal);
        let error = dispatch(
            &mut app,
            Instant::from_unix(0),
            today(),
            "no_such_command",
            Value::Null,
        )
        .expect_err("no such command");
        assert_eq!(error.code, ErrorCode::Internal);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_generated_commands_file_types_every_command() {
        let text = commands_ts(&Config::new());
        for command in COMMANDS {
            assert!(
                text.contains(&format!("  {}: {{ args: ", command.name)),
                "Commands.ts lacks {}",
                command.name
            );
        }
        assert!(text.contains("import type { PlanView } from './PlanView';"));
        assert!(
            text.contains("recent_plans: { args: RecentPlansArgs; result: Array<RecentPlan> };"),
            "{text}"
        );
        assert!(
            text.contains("close_plan: { args: ClosePlanArgs; result: null };"),
            "{text}"
        );
    }
}
