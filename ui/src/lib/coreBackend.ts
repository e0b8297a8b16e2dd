// `Backend` over the core's command table (src/session/commands.rs): every method is one
// command, typed by the generated `bindings/Commands.ts`. How a command travels (Tauri IPC in
// the app, HTTP to the loopback test server in the browser tests) and how the file dialogs are
// answered (native dialogs, or the test's answers) are given to it; nothing of the core's
// behaviour lives here.

import { toBackendError, type Backend, type HandOver, type SlotInput, type SuggestInput, type SuggestionView } from './backend';
import type { CommandName, Commands } from './bindings/Commands';
import type { CoverChoice } from './absenceActions';
import type { ConflictCopyView } from './bindings/ConflictCopyView';
import type { MergeChoice } from './bindings/MergeChoice';
import type { MergeDone } from './bindings/MergeDone';
import type { MergePreview } from './bindings/MergePreview';
import type {
  AbsenceInput,
  AppSettings,
  CoverCandidates,
  CoverProposal,
  HolidayYear,
  Uncovered,
  YearView,
  AssistantInput,
  BusyImport,
  CorrectWorkedInput,
  EgenandelEstimate,
  EgenandelTable,
  EgenandelTableInput,
  DiskChange,
  ExportDone,
  ExportPreview,
  ExportRequest,
  HistoryEntry,
  MonthView,
  NewPlanInput,
  PlanCheckView,
  PlanView,
  PlanWindow,
  ProfileInput,
  RecentPlan,
  StartRefusal,
  RotationInput,
  SettingsInput,
  ShiftInput,
  ShiftTypeInput,
  TimekontoView,
  VedtakInput,
} from './types';

/** Sends one command with its arguments and resolves with its answer, or rejects with the error. */
export type Transport = <K extends CommandName>(name: K, args: Commands[K]['args']) => Promise<Commands[K]['result']>;

/** The file dialogs: each resolves with the chosen path, or null when the person cancels. */
export interface Dialogs {
  chooseNewPlanPath(suggestedName: string): Promise<string | null>;
  choosePlanToOpen(): Promise<string | null>;
  chooseExportPath(suggestedName: string, format: 'pdf' | 'ics' | 'csv'): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
  chooseCalendarToImport(): Promise<string | null>;
}

export class CoreBackend implements Backend {
  constructor(
    private readonly transport: Transport,
    private readonly dialogs: Dialogs,
  ) {}

  private async call<K extends CommandName>(name: K, args: Commands[K]['args']): Promise<Commands[K]['result']> {
    try {
      return await this.transport(name, args);
    } catch (reason) {
      throw toBackendError(reason);
    }
  }

  chooseNewPlanPath(suggestedName: string): Promise<string | null> {
    return this.dialogs.chooseNewPlanPath(suggestedName);
  }
  choosePlanToOpen(): Promise<string | null> {
    return this.dialogs.choosePlanToOpen();
  }
  chooseExportPath(suggestedName: string, format: 'pdf' | 'ics' | 'csv'): Promise<string | null> {
    return this.dialogs.chooseExportPath(suggestedName, format);
  }
  chooseFolder(): Promise<string | null> {
    return this.dialogs.chooseFolder();
  }
  chooseCalendarToImport(): Promise<string | null> {
    return this.dialogs.chooseCalendarToImport();
  }

  recentPlans(): Promise<RecentPlan[]> {
    return this.call('recent_plans', {});
  }
  startRefusal(): Promise<StartRefusal | null> {
    return this.call('start_refusal', {});
  }
  // Opening and creating answer with the core's own first window; the UI then asks for its own.
  async createPlan(path: string, plan: NewPlanInput, window: PlanWindow): Promise<PlanView> {
    await this.call('create_plan', { path, plan });
    return this.planView(window);
  }
  async openPlan(path: string, takeOver: boolean, window: PlanWindow): Promise<PlanView> {
    await this.call('open_plan', { path, take_over: takeOver });
    return this.planView(window);
  }
  async openDemo(window: PlanWindow): Promise<PlanView> {
    await this.call('open_demo', {});
    return this.planView(window);
  }
  async closePlan(): Promise<void> {
    await this.call('close_plan', {});
  }
  planView(window: PlanWindow): Promise<PlanView> {
    return this.call('plan_view', { window });
  }
  checkPlan(from: string | null, to: string | null): Promise<PlanCheckView> {
    return this.call('check_plan', { from, to });
  }
  addShift(window: PlanWindow, shift: ShiftInput): Promise<PlanView> {
    return this.call('add_shift', { window, shift });
  }
  updateShift(window: PlanWindow, shift: ShiftInput): Promise<PlanView> {
    return this.call('update_shift', { window, shift });
  }
  deleteShift(window: PlanWindow, id: string): Promise<PlanView> {
    return this.call('delete_shift', { window, id });
  }
  saveAssistant(window: PlanWindow, assistant: AssistantInput): Promise<PlanView> {
    return this.call('save_assistant', { window, assistant });
  }
  deleteAssistant(window: PlanWindow, id: string, handOver: HandOver | null = null): Promise<PlanView> {
    return this.call('delete_assistant', { window, id, hand_over: handOver });
  }
  saveVedtak(window: PlanWindow, vedtak: VedtakInput): Promise<PlanView> {
    return this.call('save_vedtak', { window, vedtak });
  }
  deleteVedtak(window: PlanWindow, id: string): Promise<PlanView> {
    return this.call('delete_vedtak', { window, id });
  }
  saveShiftType(window: PlanWindow, shiftType: ShiftTypeInput): Promise<PlanView> {
    return this.call('save_shift_type', { window, shift_type: shiftType });
  }
  deleteShiftType(window: PlanWindow, code: string): Promise<PlanView> {
    return this.call('delete_shift_type', { window, code });
  }
  saveRotation(window: PlanWindow, rotation: RotationInput): Promise<PlanView> {
    return this.call('save_rotation', { window, rotation });
  }
  deleteRotation(window: PlanWindow, id: string): Promise<PlanView> {
    return this.call('delete_rotation', { window, id });
  }
  applyRotation(window: PlanWindow, id: string, from: string, to: string): Promise<PlanView> {
    return this.call('apply_rotation', { window, id, from, to });
  }
  updateSettings(window: PlanWindow, settings: SettingsInput): Promise<PlanView> {
    return this.call('update_settings', { window, settings });
  }
  setProfile(window: PlanWindow, profile: ProfileInput): Promise<PlanView> {
    return this.call('set_profile', { window, profile });
  }
  undo(window: PlanWindow): Promise<PlanView> {
    return this.call('undo', { window });
  }
  redo(window: PlanWindow): Promise<PlanView> {
    return this.call('redo', { window });
  }
  history(limit: number): Promise<HistoryEntry[]> {
    return this.call('history', { limit });
  }
  appSettings(): Promise<AppSettings> {
    return this.call('app_settings', {});
  }
  saveAppSettings(settings: AppSettings): Promise<AppSettings> {
    return this.call('save_app_settings', { settings });
  }
  exportPreview(request: ExportRequest): Promise<ExportPreview> {
    return this.call('export_preview', { request });
  }
  exportPdf(request: ExportRequest, path: string): Promise<ExportDone> {
    return this.call('export_pdf', { request, path });
  }
  exportIcs(assistant: string | null, path: string): Promise<ExportDone> {
    return this.call('export_ics', { assistant, path });
  }
  setCalendarFolder(window: PlanWindow, folder: string | null): Promise<PlanView> {
    return this.call('set_calendar_folder', { window, folder });
  }
  importBusy(window: PlanWindow, assistant: string, path: string): Promise<BusyImport> {
    return this.call('import_busy', { window, assistant, path });
  }
  removeBusy(window: PlanWindow, assistant: string, source: string): Promise<PlanView> {
    return this.call('remove_busy', { window, assistant, source });
  }
  suggestRotation(request: SuggestInput): Promise<SuggestionView> {
    return this.call('suggest_rotation', { request });
  }
  applySuggestion(window: PlanWindow, name: string, weeks: number, start: string, slots: SlotInput[]): Promise<PlanView> {
    return this.call('apply_suggestion', { window, name, weeks, start, slots });
  }
  monthView(month: string, assistant: string | null): Promise<MonthView> {
    return this.call('month_view', { month, assistant });
  }
  confirmWorked(window: PlanWindow, shifts: string[]): Promise<PlanView> {
    return this.call('confirm_worked', { window, shifts });
  }
  correctWorked(window: PlanWindow, input: CorrectWorkedInput): Promise<PlanView> {
    return this.call('correct_worked', { window, ...input });
  }
  markNotWorked(window: PlanWindow, shift: string, reason: string): Promise<PlanView> {
    return this.call('mark_not_worked', { window, shift, reason });
  }
  addUnplannedWork(window: PlanWindow, shift: ShiftInput): Promise<PlanView> {
    return this.call('add_unplanned_work', { window, shift });
  }
  closeMonth(window: PlanWindow, month: string): Promise<PlanView> {
    return this.call('close_month', { window, month });
  }
  reopenMonth(window: PlanWindow, month: string, reason: string): Promise<PlanView> {
    return this.call('reopen_month', { window, month, reason });
  }
  timekonto(year: number, assistant: string | null): Promise<TimekontoView> {
    return this.call('timekonto', { year, assistant });
  }
  egenandelTables(): Promise<EgenandelTable[]> {
    return this.call('egenandel_tables', {});
  }
  egenandelEstimate(month: string, table: string | null, bracket: string | null): Promise<EgenandelEstimate> {
    return this.call('egenandel_estimate', { month, table, bracket });
  }
  saveEgenandelChoice(window: PlanWindow, table: string, bracket: string): Promise<PlanView> {
    return this.call('save_egenandel_choice', { window, table, bracket });
  }
  saveEgenandelTable(window: PlanWindow, table: EgenandelTableInput): Promise<PlanView> {
    return this.call('save_egenandel_table', { window, table });
  }
  exportCsv(month: string, assistant: string | null, path: string): Promise<ExportDone> {
    return this.call('export_csv', { month, assistant, path });
  }
  saveAbsence(window: PlanWindow, absence: AbsenceInput): Promise<PlanView> {
    return this.call('save_absence', { window, absence });
  }
  deleteAbsence(window: PlanWindow, id: string, covered: CoverChoice | null): Promise<PlanView> {
    return this.call('delete_absence', { window, id, covered });
  }
  needsCover(from: string | null, to: string | null): Promise<Uncovered[]> {
    return this.call('needs_cover', { from, to });
  }
  coverCandidates(shift: string): Promise<CoverCandidates> {
    return this.call('cover_candidates', { shift });
  }
  assignCover(window: PlanWindow, shift: string, assistant: string): Promise<PlanView> {
    return this.call('assign_cover', { window, shift, assistant });
  }
  proposeCover(from: string, to: string): Promise<CoverProposal> {
    return this.call('propose_cover', { from, to });
  }
  applyCover(window: PlanWindow, assignments: { shift: string; assistant: string }[]): Promise<PlanView> {
    return this.call('apply_cover', { window, assignments });
  }
  holidayBalances(year: number): Promise<HolidayYear> {
    return this.call('holiday_balances', { year });
  }
  setHolidayCarry(window: PlanWindow, assistant: string, year: number, days: number): Promise<PlanView> {
    return this.call('set_holiday_carry', { window, assistant, year, days });
  }
  yearView(year: number): Promise<YearView> {
    return this.call('year_view', { year });
  }

  async openPlanWithPassword(path: string, password: string, takeOver: boolean, window: PlanWindow): Promise<PlanView> {
    await this.call('open_plan_with_password', { path, password, take_over: takeOver });
    return this.planView(window);
  }
  setPassword(window: PlanWindow, password: string): Promise<PlanView> {
    return this.call('set_password', { window, password });
  }
  changePassword(window: PlanWindow, old: string, password: string): Promise<PlanView> {
    return this.call('change_password', { window, old, new: password });
  }
  removePassword(window: PlanWindow, password: string): Promise<PlanView> {
    return this.call('remove_password', { window, password });
  }
  checkDisk(): Promise<DiskChange | null> {
    return this.call('check_disk', {});
  }
  /** Asks `check_disk` every 2 s (the browser tests); the app's backend listens to the shell instead. */
  watchDisk(onChange: (change: DiskChange) => void): () => void {
    let stopped = false;
    const timer = setInterval(() => {
      this.checkDisk()
        .then((change) => {
          if (change && !stopped) onChange(change);
        })
        .catch(() => {
          // A file half-written by a sync client is looked at again next time.
        });
    }, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }
  conflictCopies(): Promise<ConflictCopyView[]> {
    return this.call('conflict_copies', {});
  }
  mergePreview(other: string): Promise<MergePreview> {
    return this.call('merge_preview', { other });
  }
  mergeCopy(window: PlanWindow, other: string, choices: MergeChoice[]): Promise<MergeDone> {
    return this.call('merge_copy', { window, other, choices });
  }
}
