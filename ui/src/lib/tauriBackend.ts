// The app's backend: the core's commands over Tauri IPC (the shell adapts the same command
// table), and Tauri's native file dialogs (@tauri-apps/plugin-dialog).

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { open, save } from '@tauri-apps/plugin-dialog';
import { CoreBackend, type Dialogs, type Transport } from './coreBackend';
import type { DiskChange } from './types';

const PLAN_FILTER = [{ name: 'Turnus', extensions: ['turnus'] }];
const EXPORT_FILTERS = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  ics: [{ name: 'iCalendar', extensions: ['ics'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
};
const CALENDAR_FILTER = [{ name: 'iCalendar', extensions: ['ics'] }];

/** What the end-to-end test answers in place of the native dialogs, which it cannot drive. */
interface E2EAnswers {
  savePath?: string;
  exportFolder?: string;
  calendarFolder?: string;
  calendarPath?: string;
}
function e2eAnswers(): E2EAnswers | undefined {
  return (globalThis as { turnusE2E?: E2EAnswers }).turnusE2E;
}

const ipc: Transport = (name, args) => invoke(name, args);

const nativeDialogs: Dialogs = {
  async chooseNewPlanPath(suggestedName) {
    const e2ePath = e2eAnswers()?.savePath;
    if (e2ePath) return e2ePath;
    const path = await save({ defaultPath: `${suggestedName || 'Turnus'}.turnus`, filters: PLAN_FILTER });
    if (path === null) return null;
    return path.endsWith('.turnus') ? path : `${path}.turnus`;
  },
  async choosePlanToOpen() {
    const path = await open({ multiple: false, directory: false, filters: PLAN_FILTER });
    return typeof path === 'string' ? path : null;
  },
  async chooseExportPath(suggestedName, format) {
    const e2eFolder = e2eAnswers()?.exportFolder;
    if (e2eFolder) return `${e2eFolder}/${suggestedName}`;
    const path = await save({ defaultPath: suggestedName, filters: EXPORT_FILTERS[format] });
    if (path === null) return null;
    return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`;
  },
  async chooseFolder() {
    const e2eFolder = e2eAnswers()?.calendarFolder;
    if (e2eFolder) return e2eFolder;
    const path = await open({ multiple: false, directory: true });
    return typeof path === 'string' ? path : null;
  },
  async chooseCalendarToImport() {
    const e2ePath = e2eAnswers()?.calendarPath;
    if (e2ePath) return e2ePath;
    const path = await open({ multiple: false, directory: false, filters: CALENDAR_FILTER });
    return typeof path === 'string' ? path : null;
  },
};

/** The shell's event when another program changed the open plan's file (src-tauri/src/state.rs). */
const PLAN_CHANGED_ON_DISK = 'plan-changed-on-disk';

/** The app's backend: as the browser tests', but it listens to the shell's watcher instead of asking. */
class TauriBackend extends CoreBackend {
  override watchDisk(onChange: (change: DiskChange) => void): () => void {
    let stopped = false;
    let unlisten: (() => void) | null = null;
    void listen<DiskChange>(PLAN_CHANGED_ON_DISK, (event) => {
      if (!stopped) onChange(event.payload);
    }).then((stop) => {
      if (stopped) stop();
      else unlisten = stop;
    });
    return () => {
      stopped = true;
      unlisten?.();
    };
  }
}

/** The backend of the Turnus window. */
export function tauriBackend(): CoreBackend {
  return new TauriBackend(ipc, nativeDialogs);
}
