// The one interface the UI uses to reach the core (docs/ipc.md). One implementation,
// `CoreBackend`, over the core's command table: through Tauri IPC in the app, through the
// loopback test server in the browser tests. Every edit returns the refreshed `PlanView` of the
// window the UI shows.

import type { ErrorCode } from './bindings/ErrorCode';
import type { IpcError } from './bindings/IpcError';
import type { HandOver } from './bindings/HandOver';
import type { SlotInput } from './bindings/SlotInput';
import type { SuggestInput } from './bindings/SuggestInput';
import type { SuggestionView } from './bindings/SuggestionView';
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
  RotationInput,
  SettingsInput,
  StartRefusal,
  ShiftInput,
  ShiftTypeInput,
  TimekontoView,
  VedtakInput,
} from './types';

export type { ErrorCode, HandOver, IpcError, ProfileInput, SlotInput, SuggestInput, SuggestionView };

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'read_only',
  'in_use',
  'not_a_plan',
  'corrupt',
  'newer_version',
  'io',
  'no_plan',
  'internal',
  'password_needed',
  'wrong_password',
  'month_closed',
  'choice_needed',
] as const satisfies readonly ErrorCode[];

// svelte-check fails here when the Rust enum gains a code that the list above lacks.
type UnlistedCode = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeListed: [UnlistedCode] extends [never] ? true : false = true;
void everyCodeListed;

export interface Backend {
  /** Asks where to save a new plan (the native save dialog); null when the person cancels. */
  chooseNewPlanPath(suggestedName: string): Promise<string | null>;
  /** Asks which plan to open (the native open dialog); null when the person cancels. */
  choosePlanToOpen(): Promise<string | null>;

  recentPlans(): Promise<RecentPlan[]>;
  /** Once: the plan file the program was started with, when it did not open, and why. */
  startRefusal(): Promise<StartRefusal | null>;
  createPlan(path: string, plan: NewPlanInput, window: PlanWindow): Promise<PlanView>;
  openPlan(path: string, takeOver: boolean, window: PlanWindow): Promise<PlanView>;
  openDemo(window: PlanWindow): Promise<PlanView>;
  closePlan(): Promise<void>;
  planView(window: PlanWindow): Promise<PlanView>;
  /** The law check of a period (inclusive dates; null: the plan's start or end). */
  checkPlan(from: string | null, to: string | null): Promise<PlanCheckView>;

  addShift(window: PlanWindow, shift: ShiftInput): Promise<PlanView>;
  updateShift(window: PlanWindow, shift: ShiftInput): Promise<PlanView>;
  deleteShift(window: PlanWindow, id: string): Promise<PlanView>;
  saveAssistant(window: PlanWindow, assistant: AssistantInput): Promise<PlanView>;
  /** Deletes an assistant; `handOver` says whether their shifts become open or go to another assistant. */
  deleteAssistant(window: PlanWindow, id: string, handOver?: HandOver | null): Promise<PlanView>;
  saveVedtak(window: PlanWindow, vedtak: VedtakInput): Promise<PlanView>;
  deleteVedtak(window: PlanWindow, id: string): Promise<PlanView>;
  saveShiftType(window: PlanWindow, shiftType: ShiftTypeInput): Promise<PlanView>;
  deleteShiftType(window: PlanWindow, code: string): Promise<PlanView>;
  saveRotation(window: PlanWindow, rotation: RotationInput): Promise<PlanView>;
  deleteRotation(window: PlanWindow, id: string): Promise<PlanView>;
  applyRotation(window: PlanWindow, id: string, from: string, to: string): Promise<PlanView>;
  updateSettings(window: PlanWindow, settings: SettingsInput): Promise<PlanView>;
  setProfile(window: PlanWindow, profile: ProfileInput): Promise<PlanView>;
  undo(window: PlanWindow): Promise<PlanView>;
  redo(window: PlanWindow): Promise<PlanView>;
  history(limit: number): Promise<HistoryEntry[]>;

  appSettings(): Promise<AppSettings>;
  saveAppSettings(settings: AppSettings): Promise<AppSettings>;

  /** Asks where to save an exported file (the native save dialog); null when the person cancels. */
  chooseExportPath(suggestedName: string, format: 'pdf' | 'ics' | 'csv'): Promise<string | null>;
  /** Asks for a folder (the native folder dialog); null when the person cancels. */
  chooseFolder(): Promise<string | null>;
  /** The first page of a PDF document as SVG, with its page count and a file name to suggest. */
  exportPreview(request: ExportRequest): Promise<ExportPreview>;
  exportPdf(request: ExportRequest, path: string): Promise<ExportDone>;
  /** One calendar file: the assistant's shifts, or with `null` every shift of the plan. */
  exportIcs(assistant: string | null, path: string): Promise<ExportDone>;
  /** Keep every assistant's calendar in `folder` after each change; `null` stops. */
  setCalendarFolder(window: PlanWindow, folder: string | null): Promise<PlanView>;
  /** Asks which calendar file (.ics) to import as busy time (the native open dialog); null when the person cancels. */
  chooseCalendarToImport(): Promise<string | null>;
  /** Imports the calendar at `path` as the assistant's work elsewhere, replacing an earlier import of a file with the same name. */
  importBusy(window: PlanWindow, assistant: string, path: string): Promise<BusyImport>;
  /** Removes the busy time the calendar `source` gave the assistant. */
  removeBusy(window: PlanWindow, assistant: string, source: string): Promise<PlanView>;
  /** Suggests a rotation for the request: the rota to review, or why it cannot be done. */
  suggestRotation(request: SuggestInput): Promise<SuggestionView>;
  /** Saves a suggested rotation in the plan as a new rotation (one undoable step). */
  applySuggestion(window: PlanWindow, name: string, weeks: number, start: string, slots: SlotInput[]): Promise<PlanView>;

  /** A month as worked: every shift with planned and actual times, and the sums per assistant. */
  monthView(month: string, assistant: string | null): Promise<MonthView>;
  /** Confirms the shifts as worked, in one undo step. */
  confirmWorked(window: PlanWindow, shifts: string[]): Promise<PlanView>;
  /** Records the times a shift was worked; the planned times stay. */
  correctWorked(window: PlanWindow, input: CorrectWorkedInput): Promise<PlanView>;
  markNotWorked(window: PlanWindow, shift: string, reason: string): Promise<PlanView>;
  addUnplannedWork(window: PlanWindow, shift: ShiftInput): Promise<PlanView>;
  closeMonth(window: PlanWindow, month: string): Promise<PlanView>;
  /** Opens a closed month again; the reason goes into the change log. */
  reopenMonth(window: PlanWindow, month: string, reason: string): Promise<PlanView>;
  /** Each assistant's account (or one's) for a year. */
  timekonto(year: number, assistant: string | null): Promise<TimekontoView>;
  egenandelTables(): Promise<EgenandelTable[]>;
  /** The estimate of a month; null table and bracket: the plan's saved choice. */
  egenandelEstimate(month: string, table: string | null, bracket: string | null): Promise<EgenandelEstimate>;
  saveEgenandelChoice(window: PlanWindow, table: string, bracket: string): Promise<PlanView>;
  saveEgenandelTable(window: PlanWindow, table: EgenandelTableInput): Promise<PlanView>;
  /** The payroll CSV of a month, for one assistant or (null) everyone. */
  exportCsv(month: string, assistant: string | null, path: string): Promise<ExportDone>;

  /** Adds (id null) or changes an absence; one undo step. */
  saveAbsence(window: PlanWindow, absence: AbsenceInput): Promise<PlanView>;
  /** Deletes an absence; when a vikar covered some of its shifts, `covered` says what happens to them. */
  deleteAbsence(window: PlanWindow, id: string, covered: CoverChoice | null): Promise<PlanView>;
  /** The shifts of a period that need cover, in time order. */
  needsCover(from: string | null, to: string | null): Promise<Uncovered[]>;
  /** Who can cover a shift, best first, and who cannot and why. */
  coverCandidates(shift: string): Promise<CoverCandidates>;
  assignCover(window: PlanWindow, shift: string, assistant: string): Promise<PlanView>;
  /** A proposed cover for every uncovered shift of a period, for review; changes nothing. */
  proposeCover(from: string, to: string): Promise<CoverProposal>;
  applyCover(window: PlanWindow, assignments: { shift: string; assistant: string }[]): Promise<PlanView>;
  holidayBalances(year: number): Promise<HolidayYear>;
  setHolidayCarry(window: PlanWindow, assistant: string, year: number, days: number): Promise<PlanView>;
  yearView(year: number): Promise<YearView>;

  /** Opens a plan protected by a password (after `openPlan` refused with `password_needed`). */
  openPlanWithPassword(path: string, password: string, takeOver: boolean, window: PlanWindow): Promise<PlanView>;
  setPassword(window: PlanWindow, password: string): Promise<PlanView>;
  changePassword(window: PlanWindow, old: string, password: string): Promise<PlanView>;
  removePassword(window: PlanWindow, password: string): Promise<PlanView>;
  /** Whether another program changed the open plan's file (the core has then read it again). */
  checkDisk(): Promise<DiskChange | null>;
  /**
   * Calls `onChange` whenever another program (a sync client) changed the open plan's file. The
   * app listens to the shell's `plan-changed-on-disk` event; the browser tests ask `check_disk`
   * every 2 s. Answers the function that stops watching.
   */
  watchDisk(onChange: (change: DiskChange) => void): () => void;
  /** The sync clients' conflict copies beside the open plan, newest first. */
  conflictCopies(): Promise<ConflictCopyView[]>;
  /** What merging the copy would do; writes nothing. */
  mergePreview(other: string): Promise<MergePreview>;
  /** Merges the copy as one undoable step with a choice for each conflict; the copy is kept as a backup. */
  mergeCopy(window: PlanWindow, other: string, choices: MergeChoice[]): Promise<MergeDone>;
}

/** An error from the backend, always with one of the closed set of codes. */
export class BackendError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'BackendError';
    this.code = error.code;
    this.details = error.details;
  }

  /** The field an `invalid_input` error is about (`details.field`), if any. */
  get field(): string | null {
    const details = this.details as { field?: unknown } | null;
    return details && typeof details.field === 'string' ? details.field : null;
  }
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}

/**
 * Turns whatever a call rejected with into a `BackendError`. Anything that is not an `IpcError`
 * from the shell (a lost IPC channel, a bug) becomes `internal` with an empty message, so the UI
 * can always switch on `code` and says the sentence of its own dictionary.
 */
export function toBackendError(reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason;
  if (isIpcError(reason)) return new BackendError(reason);
  const text = reason instanceof Error ? reason.message : String(reason);
  return new BackendError({ code: 'internal', message: '', details: text });
}
