// `Backend` over Tauri IPC: each method is one command of src-tauri/src/commands.

import { invoke } from '@tauri-apps/api/core';
import { toBackendError, type Backend, type PlanOverview } from './backend';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toBackendError(reason);
  }
}

export class TauriBackend implements Backend {
  openDemo(): Promise<PlanOverview> {
    return call<PlanOverview>('open_demo');
  }
}
