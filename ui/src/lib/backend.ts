// The one interface the UI uses to reach the core. Two implementations: `TauriBackend` (IPC to
// the Rust shell) and `FakeBackend` (in memory, for tests in a plain browser).

import type { ErrorCode } from './bindings/ErrorCode';
import type { IpcError } from './bindings/IpcError';
import type { PlanOverview } from './bindings/PlanOverview';

export type { ErrorCode, IpcError, PlanOverview };

export interface Backend {
  /** Opens the built-in demo plan and returns its overview with the result of the law check. */
  openDemo(): Promise<PlanOverview>;
}

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
] as const satisfies readonly ErrorCode[];

// svelte-check fails here when the Rust enum gains a code that the list above lacks.
type UnlistedCode = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeListed: [UnlistedCode] extends [never] ? true : false = true;
void everyCodeListed;

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
 * from the shell (a lost IPC channel, a bug) becomes `internal`, so the UI can always switch on
 * `code`.
 */
export function toBackendError(reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason;
  if (isIpcError(reason)) return new BackendError(reason);
  const text = reason instanceof Error ? reason.message : String(reason);
  return new BackendError({
    code: 'internal',
    message: 'Noe gikk galt i Turnus. Prøv igjen, eller start programmet på nytt.',
    details: text,
  });
}
