// The shapes of docs/ipc.md as the UI uses them, in one place. The Rust side generates the same
// types into ./bindings; this module re-exports what the UI needs under these names.

import type { Weekday } from './dates';

export type Service = 'personlig_assistanse' | 'stottekontakt' | 'avlastning';
export const SERVICES: readonly Service[] = ['personlig_assistanse', 'stottekontakt', 'avlastning'];

export type Preset = 'aml' | 'aml_individual' | 'tariff' | 'tariff_long_shifts';
export const PRESETS: readonly Preset[] = ['aml', 'aml_individual', 'tariff', 'tariff_long_shifts'];

export type Severity = 'violation' | 'warning' | 'info';
export type ShiftStatus = 'planned' | 'worked' | 'cancelled';
export type Language = 'nb' | 'en';
export type Theme = 'system' | 'light' | 'dark' | 'contrast';
export type TextSize = 100 | 125 | 150 | 200;

export interface PlanWindow {
  from: string;
  to: string;
}

export interface LockNotice {
  name: string;
  computer: string;
  since: string;
}

export interface FileInfo {
  path: string;
  name: string;
  read_only: boolean;
  read_only_reason: string | null;
  lock: LockNotice | null;
}

export interface PlanSettings {
  name: string;
  arbeidsleder: string;
  leverandor: string;
  current_user: string;
  carry_over: boolean;
}

export interface ProfileRow {
  key: string;
  label: string;
  value: number | string | boolean | null;
  unit: string;
  edited: boolean;
}

export interface ProfileView {
  preset: Preset;
  overrides: Record<string, number | string | boolean | null>;
  rows: ProfileRow[];
}

export interface Assistant {
  id: string;
  name: string;
  role: 'fast' | 'vikar';
  phone: string;
  email: string;
  contract_hours_per_week: number | null;
}

export type AssistantInput = Omit<Assistant, 'id'> & { id: string | null };

export interface ShiftType {
  code: string;
  name: string;
  start: string;
  end: string;
  break_minutes: number;
  passive_minutes: number;
  service: Service;
  colour: string;
  long_shift: boolean;
}

export interface Vedtak {
  id: string;
  from: string;
  to: string | null;
  annual_frame: boolean;
  hours_per_week: Partial<Record<Service, number>>;
  double_staffing: boolean;
  night: 'included' | 'excluded';
  passive_factor: number;
}

export type VedtakInput = Omit<Vedtak, 'id'> & { id: string | null };

export interface RotationSlot {
  week: number;
  weekday: Weekday;
  shift_type: string;
  assistant: string | null;
  skip_red_days: boolean;
}

export interface Rotation {
  id: string;
  name: string;
  weeks: number;
  start: string;
  until: string | null;
  slots: RotationSlot[];
}

export type RotationInput = Omit<Rotation, 'id'> & { id: string | null };

export interface Day {
  date: string;
  weekday: Weekday;
  iso_week: number;
  red_day: boolean;
  red_day_name: string | null;
}

export interface Shift {
  id: string;
  assistant: string | null;
  day: string;
  start: string;
  end: string;
  hours: number;
  break_minutes: number;
  passive_minutes: number;
  long_shift: boolean;
  service: Service;
  status: ShiftStatus;
  note: string;
  shift_type: string | null;
  from_rotation: boolean;
  differs_from_pattern: boolean;
}

export interface ShiftInput {
  id: string | null;
  assistant: string | null;
  day: string;
  start: string;
  end: string;
  break_minutes: number;
  passive_minutes: number;
  long_shift: boolean;
  service: Service;
  status: ShiftStatus;
  note: string;
  shift_type: string | null;
}

export interface Finding {
  rule: string;
  severity: Severity;
  assistants: string[];
  start: string;
  end: string;
  measured: number;
  limit: number;
  unit: 'minutes' | 'days' | 'hours' | 'count';
  shifts: string[];
  law: string;
  title: string;
  explanation: string;
  dates: string[];
}

export interface Summary {
  violations: number;
  warnings: number;
  infos: number;
}

export interface HoursRow {
  service: Service;
  budget: number;
  used: number;
  planned: number;
  remaining: number;
  forecast: number;
}

export interface HoursWeek {
  week: number;
  monday: string;
  used: number;
  planned: number;
  vedtak: number;
}

export interface HoursView {
  year: number;
  window: HoursRow[];
  year_rows: HoursRow[];
  weeks: HoursWeek[];
}

export interface HistoryState {
  can_undo: boolean;
  can_redo: boolean;
  undo_label: string | null;
  redo_label: string | null;
}

export interface PlanView {
  file: FileInfo;
  settings: PlanSettings;
  profile: ProfileView;
  assistants: Assistant[];
  shift_types: ShiftType[];
  vedtak: Vedtak[];
  rotations: Rotation[];
  days: Day[];
  shifts: Shift[];
  findings: Finding[];
  summary: Summary;
  hours: HoursView;
  history: HistoryState;
}

export interface RecentPlan {
  path: string;
  name: string;
  last_opened: string;
}

export interface GuideAnswers {
  settings: PlanSettings;
  vedtak: VedtakInput;
  preset: Preset;
  assistants: string[];
}

export interface HistoryEntry {
  when: string;
  who: string;
  what: string;
  undone: boolean;
}

export interface AppSettings {
  language: Language;
  text_size: TextSize;
  theme: Theme;
}
