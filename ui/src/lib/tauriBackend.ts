// `Backend` over Tauri IPC: each method is one command of src-tauri/src/commands (docs/ipc.md).
// The file dialogs are Tauri's native ones (@tauri-apps/plugin-dialog).

import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import { toBackendError, type Backend } from './backend';
import type {
  AppSettings,
  AssistantInput,
  BusyImport,
  ExportDone,
  ExportPreview,
  ExportRequest,
  NewPlanInput,
  HistoryEntry,
  SettingsInput,
  PlanView,
  PlanWindow,
  ProfileInput,
  RecentPlan,
  RotationInput,
  ShiftInput,
  ShiftTypeInput,
  VedtakInput,
} from './types';

const PLAN_FILTER = [{ name: 'Turnus', extensions: ['turnus'] }];
const EXPORT_FILTERS = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  ics: [{ name: 'iCalendar', extensions: ['ics'] }],
};

/** What the end-to-end test answers in place of the native dialogs, which it cannot drive. */
function e2eAnswers(): { savePath?: string; exportFolder?: string; calendarFolder?: string } | undefined {
  return (globalThis as { turnusE2E?: { savePath?: string; exportFolder?: string; calendarFolder?: string } }).turnusE2E;
}
const CALENDAR_FILTER = [{ name: 'iCalendar', extensions: ['ics'] }];

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toBackendError(reason);
  }
}

export class TauriBackend implements Backend {
  async chooseNewPlanPath(suggestedName: string): Promise<string | null> {
    // The end-to-end test cannot drive the native dialog; it names the file here instead.
    const e2ePath = e2eAnswers()?.savePath;
    if (e2ePath) return e2ePath;
    const path = await save({ defaultPath: `${suggestedName || 'Turnus'}.turnus`, filters: PLAN_FILTER });
    if (path === null) return null;
    return path.endsWith('.turnus') ? path : `${path}.turnus`;
  }

  async choosePlanToOpen(): Promise<string | null> {
    const path = await open({ multiple: false, directory: false, filters: PLAN_FILTER });
    return typeof path === 'string' ? path : null;
  }

  recentPlans(): Promise<RecentPlan[]> {
    return call('recent_plans');
  }
  // Opening and creating answer with the core's own first window; the UI then asks for its own.
  async createPlan(path: string, plan: NewPlanInput, window: PlanWindow): Promise<PlanView> {
    await call<PlanView>('create_plan', { path, plan });
    return this.planView(window);
  }
  async openPlan(path: string, takeOver: boolean, window: PlanWindow): Promise<PlanView> {
    await call<PlanView>('open_plan', { path, take_over: takeOver });
    return this.planView(window);
  }
  async openDemo(window: PlanWindow): Promise<PlanView> {
    await call<PlanView>('open_demo');
    return this.planView(window);
  }
  closePlan(): Promise<void> {
    return call('close_plan');
  }
  planView(window: PlanWindow): Promise<PlanView> {
    return call('plan_view', { window });
  }
  addShift(window: PlanWindow, shift: ShiftInput): Promise<PlanView> {
    return call('add_shift', { window, shift });
  }
  updateShift(window: PlanWindow, shift: ShiftInput): Promise<PlanView> {
    return call('update_shift', { window, shift });
  }
  deleteShift(window: PlanWindow, id: string): Promise<PlanView> {
    return call('delete_shift', { window, id });
  }
  saveAssistant(window: PlanWindow, assistant: AssistantInput): Promise<PlanView> {
    return call('save_assistant', { window, assistant });
  }
  deleteAssistant(window: PlanWindow, id: string): Promise<PlanView> {
    return call('delete_assistant', { window, id });
  }
  saveVedtak(window: PlanWindow, vedtak: VedtakInput): Promise<PlanView> {
    return call('save_vedtak', { window, vedtak });
  }
  deleteVedtak(window: PlanWindow, id: string): Promise<PlanView> {
    return call('delete_vedtak', { window, id });
  }
  saveShiftType(window: PlanWindow, shiftType: ShiftTypeInput): Promise<PlanView> {
    return call('save_shift_type', { window, shift_type: shiftType });
  }
  deleteShiftType(window: PlanWindow, code: string): Promise<PlanView> {
    return call('delete_shift_type', { window, code });
  }
  saveRotation(window: PlanWindow, rotation: RotationInput): Promise<PlanView> {
    return call('save_rotation', { window, rotation });
  }
  deleteRotation(window: PlanWindow, id: string): Promise<PlanView> {
    return call('delete_rotation', { window, id });
  }
  applyRotation(window: PlanWindow, id: string, from: string, to: string): Promise<PlanView> {
    return call('apply_rotation', { window, id, from, to });
  }
  updateSettings(window: PlanWindow, settings: SettingsInput): Promise<PlanView> {
    return call('update_settings', { window, settings });
  }
  setProfile(window: PlanWindow, profile: ProfileInput): Promise<PlanView> {
    return call('set_profile', { window, profile });
  }
  undo(window: PlanWindow): Promise<PlanView> {
    return call('undo', { window });
  }
  redo(window: PlanWindow): Promise<PlanView> {
    return call('redo', { window });
  }
  history(limit: number): Promise<HistoryEntry[]> {
    return call('history', { limit });
  }
  appSettings(): Promise<AppSettings> {
    return call('app_settings');
  }
  saveAppSettings(settings: AppSettings): Promise<AppSettings> {
    return call('save_app_settings', { settings });
  }

  async chooseExportPath(suggestedName: string, format: 'pdf' | 'ics'): Promise<string | null> {
    const e2eFolder = e2eAnswers()?.exportFolder;
    if (e2eFolder) return `${e2eFolder}/${suggestedName}`;
    const path = await save({ defaultPath: suggestedName, filters: EXPORT_FILTERS[format] });
    if (path === null) return null;
    return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`;
  }

  async chooseFolder(): Promise<string | null> {
    const e2eFolder = e2eAnswers()?.calendarFolder;
    if (e2eFolder) return e2eFolder;
    const path = await open({ multiple: false, directory: true });
    return typeof path === 'string' ? path : null;
  }

  exportPreview(request: ExportRequest): Promise<ExportPreview> {
    return call('export_preview', { request });
  }
  exportPdf(request: ExportRequest, path: string): Promise<ExportDone> {
    return call('export_pdf', { request, path });
  }
  exportIcs(assistant: string | null, path: string): Promise<ExportDone> {
    return call('export_ics', { assistant, path });
  }
  setCalendarFolder(window: PlanWindow, folder: string | null): Promise<PlanView> {
    return call('set_calendar_folder', { window, folder });
  }

  async chooseCalendarToImport(): Promise<string | null> {
    // The end-to-end test cannot drive the native dialog; it names the calendar here instead.
    const e2ePath = (globalThis as { turnusE2E?: { calendarPath?: string } }).turnusE2E?.calendarPath;
    if (e2ePath) return e2ePath;
    const path = await open({ multiple: false, directory: false, filters: CALENDAR_FILTER });
    return typeof path === 'string' ? path : null;
  }
  importBusy(window: PlanWindow, assistant: string, path: string): Promise<BusyImport> {
    return call('import_busy', { window, assistant, path });
  }
  removeBusy(window: PlanWindow, assistant: string, source: string): Promise<PlanView> {
    return call('remove_busy', { window, assistant, source });
  }
}
