// The shapes of docs/ipc.md as the UI uses them. They are the types the Rust side generates
// into ./bindings (ts-rs), re-exported here under short names, plus the few closed sets of
// values the UI offers in its forms.

import type { AbsenceInput as AbsenceInputBinding } from './bindings/AbsenceInput';
import type { AbsenceView } from './bindings/AbsenceView';
import type { AppSettings } from './bindings/AppSettings';
import type { CoverCandidatesView } from './bindings/CoverCandidatesView';
import type { CoverProposal } from './bindings/CoverProposal';
import type { HolidayBalanceView } from './bindings/HolidayBalanceView';
import type { HolidayYearView } from './bindings/HolidayYearView';
import type { UncoveredView } from './bindings/UncoveredView';
import type { YearView } from './bindings/YearView';
import type { AssistantInput } from './bindings/AssistantInput';
import type { AssistantView } from './bindings/AssistantView';
import type { BusyImportView } from './bindings/BusyImportView';
import type { BusySourceView } from './bindings/BusySourceView';
import type { SkippedEventView } from './bindings/SkippedEventView';
import type { CalendarFolderView } from './bindings/CalendarFolderView';
import type { DayView } from './bindings/DayView';
import type { DiskChange } from './bindings/DiskChange';
import type { ExportDone } from './bindings/ExportDone';
import type { ExportPreview } from './bindings/ExportPreview';
import type { ExportRequest } from './bindings/ExportRequest';
import type { FileView } from './bindings/FileView';
import type { FindingView } from './bindings/FindingView';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { HistoryState } from './bindings/HistoryState';
import type { HoursView } from './bindings/HoursView';
import type { Language } from './bindings/Language';
import type { LockView } from './bindings/LockView';
import type { NewPlanInput } from './bindings/NewPlanInput';
import type { PatternShift } from './bindings/PatternShift';
import type { PlanView } from './bindings/PlanView';
import type { ProfileInput } from './bindings/ProfileInput';
import type { ProfileRow } from './bindings/ProfileRow';
import type { ProfileView } from './bindings/ProfileView';
import type { RecentPlan } from './bindings/RecentPlan';
import type { StartRefusal } from './bindings/StartRefusal';
import type { RotationInput } from './bindings/RotationInput';
import type { RotationView } from './bindings/RotationView';
import type { ServiceHours } from './bindings/ServiceHours';
import type { ServiceYear } from './bindings/ServiceYear';
import type { SettingsInput } from './bindings/SettingsInput';
import type { SettingsView } from './bindings/SettingsView';
import type { ShiftInput } from './bindings/ShiftInput';
import type { ShiftTypeInput } from './bindings/ShiftTypeInput';
import type { ShiftTypeView } from './bindings/ShiftTypeView';
import type { ShiftView } from './bindings/ShiftView';
import type { SlotInput } from './bindings/SlotInput';
import type { SlotView } from './bindings/SlotView';
import type { PlanCheckView } from './bindings/PlanCheckView';
import type { SummaryView } from './bindings/SummaryView';
import type { Theme } from './bindings/Theme';
import type { VedtakInput } from './bindings/VedtakInput';
import type { VedtakView } from './bindings/VedtakView';
import type { WeekHoursView } from './bindings/WeekHoursView';
import type { Window } from './bindings/Window';
import type { CorrectWorkedArgs } from './bindings/CorrectWorkedArgs';
import type { EgenandelBracketInput } from './bindings/EgenandelBracketInput';
import type { EgenandelEstimateView } from './bindings/EgenandelEstimateView';
import type { EgenandelTableInput } from './bindings/EgenandelTableInput';
import type { EgenandelTableView } from './bindings/EgenandelTableView';
import type { MonthRow } from './bindings/MonthRow';
import type { MonthSums } from './bindings/MonthSums';
import type { MonthView } from './bindings/MonthView';
import type { TimekontoAssistant } from './bindings/TimekontoAssistant';
import type { TimekontoPeriod } from './bindings/TimekontoPeriod';
import type { TimekontoView } from './bindings/TimekontoView';
import type { TimesView } from './bindings/TimesView';

export type {
  AppSettings,
  AssistantInput,
  CalendarFolderView,
  DiskChange,
  ExportDone,
  ExportPreview,
  ExportRequest,
  FileView,
  HistoryEntry,
  HistoryState,
  HoursView,
  Language,
  LockView,
  NewPlanInput,
  PatternShift,
  PlanCheckView,
  PlanView,
  ProfileInput,
  ProfileRow,
  ProfileView,
  RecentPlan,
  RotationInput,
  ServiceHours,
  StartRefusal,
  ServiceYear,
  SettingsInput,
  SettingsView,
  ShiftInput,
  ShiftTypeInput,
  SlotInput,
  SummaryView,
  Theme,
  VedtakInput,
  WeekHoursView,
  EgenandelBracketInput,
  EgenandelTableInput,
  MonthRow,
  MonthSums,
  MonthView,
  TimekontoAssistant,
  TimekontoPeriod,
  TimekontoView,
  TimesView,
};

/** What `correct_worked` takes besides the window. */
export type CorrectWorkedInput = Omit<CorrectWorkedArgs, 'window'>;
export type EgenandelEstimate = EgenandelEstimateView;
export type EgenandelTable = EgenandelTableView;

export type PlanWindow = Window;
export type Assistant = AssistantView;
export type Day = DayView;
export type Finding = FindingView;
export type Rotation = RotationView;
export type RotationSlot = SlotView;
export type Shift = ShiftView;
export type ShiftType = ShiftTypeView;
export type Vedtak = VedtakView;
export type BusyImport = BusyImportView;
export type BusySource = BusySourceView;
export type SkippedEvent = SkippedEventView;

export type Service = 'personlig_assistanse' | 'stottekontakt' | 'avlastning';
export const SERVICES: readonly Service[] = ['personlig_assistanse', 'stottekontakt', 'avlastning'];

export type Preset = 'aml' | 'aml_individual' | 'tariff' | 'tariff_long_shifts';
export const PRESETS: readonly Preset[] = ['aml', 'aml_individual', 'tariff', 'tariff_long_shifts'];

export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'high_contrast'];
export const TEXT_SIZES: readonly number[] = [100, 125, 150, 200];

/** The PDF documents the Export page makes, in menu order (the core's `PdfKind`). */
export type ExportKind = 'turnusplan' | 'arbeidsplan' | 'timeliste' | 'timeregnskap' | 'lovsjekk' | 'ferieliste';
export const EXPORT_KINDS: readonly ExportKind[] = ['turnusplan', 'arbeidsplan', 'timeliste', 'timeregnskap', 'lovsjekk', 'ferieliste'];
/** The documents about one assistant. */
export const ONE_ASSISTANT_KINDS: readonly ExportKind[] = ['arbeidsplan', 'timeliste'];

export type ShiftStatus = 'planned' | 'worked' | 'cancelled';
export type Severity = 'violation' | 'warning' | 'info';

/** A shift as the grid and its dialog edit it: every field present, null for "none". */
export interface ShiftDraft {
  id: string | null;
  assistant: string | null;
  day: string;
  start: string;
  end: string;
  break_minutes: number;
  passive_minutes: number;
  long_shift: boolean;
  /** Personlig stell: never carries an egenandel. */
  personlig_stell: boolean;
  service: string;
  status: string;
  note: string;
  shift_type: string | null;
  /** In the autumn night, which of the two equal local times is meant (`+02:00`, `+01:00`). */
  start_offset: string | null;
  end_offset: string | null;
}

/** The draft as the core takes it: absent, not null, for "none". */
export function toShiftInput(draft: ShiftDraft): ShiftInput {
  const input: ShiftInput = {
    day: draft.day,
    start: draft.start,
    end: draft.end,
    break_minutes: draft.break_minutes,
    passive_minutes: draft.passive_minutes,
    long_shift: draft.long_shift,
    personlig_stell: draft.personlig_stell,
    service: draft.service,
    status: draft.status,
    note: draft.note,
  };
  if (draft.id !== null) input.id = draft.id;
  if (draft.assistant !== null) input.assistant = draft.assistant;
  if (draft.shift_type !== null) input.shift_type = draft.shift_type;
  if (draft.start_offset !== null) input.start_offset = draft.start_offset;
  if (draft.end_offset !== null) input.end_offset = draft.end_offset;
  return input;
}

/** The key of a weekday number of the core (1 = Monday … 7 = Sunday). */
export const WEEKDAY_NUMBERS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

// ---- Absences, holidays and vikar cover (docs/ipc.md; the core's session commands) ----

export type AbsenceKind = 'ferie' | 'sykdom' | 'permisjon' | 'annet';
export const ABSENCE_KINDS: readonly AbsenceKind[] = ['ferie', 'sykdom', 'permisjon', 'annet'];
export type SickNote = 'egenmelding' | 'sykmelding';
export const SICK_NOTES: readonly SickNote[] = ['egenmelding', 'sykmelding'];

/** An absence as its dialog edits it: every field present, null for "none". */
export interface AbsenceDraft {
  id: string | null;
  assistant: string;
  kind: AbsenceKind;
  sick_note: SickNote | null;
  from: string;
  to: string;
  from_time: string | null;
  to_time: string | null;
  note: string;
}

/** The draft as the core takes it. */
export function toAbsenceInput(draft: AbsenceDraft): AbsenceInput {
  const input: AbsenceInput = { assistant: draft.assistant, kind: draft.kind, from: draft.from, to: draft.to, note: draft.note };
  if (draft.id !== null) input.id = draft.id;
  if (draft.kind === 'sykdom' && draft.sick_note !== null) input.sick_note = draft.sick_note;
  if (draft.from_time !== null && draft.to_time !== null) {
    input.from_time = draft.from_time;
    input.to_time = draft.to_time;
  }
  return input;
}

export type AbsenceInput = AbsenceInputBinding;
export type Absence = AbsenceView;
export type Uncovered = UncoveredView;
export type CoverCandidates = CoverCandidatesView;
export type { CoverProposal };
export type HolidayBalance = HolidayBalanceView;
export type HolidayYear = HolidayYearView;
export type { YearView };
