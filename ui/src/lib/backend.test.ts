import { describe, expect, it } from 'vitest';
import { BackendError, toBackendError } from './backend';
import { CoreBackend, type Dialogs, type Transport } from './coreBackend';
import { testOptionsFromQuery } from './testBackend';

const WEEK = { from: '2026-06-08', to: '2026-06-14' };

/** A transport that records what it is asked and answers `answer`, or rejects with `error`. */
function recording(answer: unknown = {}, error?: unknown) {
  const sent: [string, unknown][] = [];
  const transport: Transport = async (name, args) => {
    sent.push([name, args]);
    if (error !== undefined) throw error;
    return answer as never;
  };
  return { sent, transport };
}

const noDialogs: Dialogs = {
  chooseNewPlanPath: async () => null,
  choosePlanToOpen: async () => null,
  chooseExportPath: async () => null,
  chooseFolder: async () => null,
  chooseCalendarToImport: async () => null,
};

describe('CoreBackend', () => {
  it('sends each command by its name in the command table, with the arguments the core reads', async () => {
    const { sent, transport } = recording();
    const backend = new CoreBackend(transport, noDialogs);
    await backend.saveShiftType(WEEK, { code: 'D', name: 'Dag', start: '08:00', end: '16:00' });
    await backend.exportIcs(null, '/tmp/a.ics');
    await backend.history(50);
    expect(sent).toEqual([
      ['save_shift_type', { window: WEEK, shift_type: { code: 'D', name: 'Dag', start: '08:00', end: '16:00' } }],
      ['export_ics', { assistant: null, path: '/tmp/a.ics' }],
      ['history', { limit: 50 }],
    ]);
  });

  it('opens a plan, then asks for the window the UI shows', async () => {
    const { sent, transport } = recording();
    await new CoreBackend(transport, noDialogs).openPlan('/x/a.turnus', true, WEEK);
    expect(sent).toEqual([
      ['open_plan', { path: '/x/a.turnus', take_over: true }],
      ['plan_view', { window: WEEK }],
    ]);
  });

  it('turns a refusal of the core into a BackendError with its code and field', async () => {
    const refusal = { code: 'invalid_input', message: 'Tiden finnes ikke.', details: { field: 'start', value: '25:00' } };
    const { transport } = recording({}, refusal);
    const error = await new CoreBackend(transport, noDialogs).planView(WEEK).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Tiden finnes ikke.', field: 'start' });
  });
});

describe('toBackendError', () => {
  it('keeps the code, message and details of an error from the shell', () => {
    const error = toBackendError({ code: 'not_found', message: 'Fant ikke planen', details: { field: 'path' } });
    expect(error).toBeInstanceOf(BackendError);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Fant ikke planen');
    expect(error.field).toBe('path');
  });

  it('turns anything else into an internal error, so the UI can always switch on the code', () => {
    expect(toBackendError('ipc channel closed').code).toBe('internal');
    expect(toBackendError(new Error('boom')).details).toBe('boom');
    expect(toBackendError({ code: 'made_up', message: 'x' }).code).toBe('internal');
  });
});

describe('the browser tests read their session from the address', () => {
  it('reads today, failures, delays and the dialogs’ answers; empty means the person cancels', () => {
    const options = testOptionsFromQuery('?today=2026-06-10&fail=io&delay=300&open=/x/a.turnus&save=&calendar=/a.ics|/b.ics');
    expect(options).toMatchObject({
      today: '2026-06-10',
      fail: 'io',
      delayMs: 300,
      open: '/x/a.turnus',
      save: null,
      calendar: '/a.ics|/b.ics',
      exportFolder: undefined,
      folder: undefined,
    });
  });

  it('takes the browser’s own date when the address gives none or a date that does not exist', () => {
    expect(testOptionsFromQuery('?today=2026-02-30').today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(testOptionsFromQuery('').today).toBe(testOptionsFromQuery('?today=nonsense').today);
  });
});
