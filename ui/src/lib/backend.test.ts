import { describe, expect, it } from 'vitest';
import { BackendError, toBackendError } from './backend';
import { FAKE_DEMO, FakeBackend, fakeOptionsFromQuery } from './fakeBackend';

describe('FakeBackend', () => {
  it('opens a demo plan with assistants and shifts', async () => {
    const overview = await new FakeBackend().openDemo();
    expect(overview.assistants.length).toBeGreaterThan(0);
    expect(overview.shifts).toBeGreaterThan(0);
  });

  it('hands out copies, so the UI cannot change the fake plan', async () => {
    const backend = new FakeBackend();
    const first = await backend.openDemo();
    first.assistants.push('Endret');
    const second = await backend.openDemo();
    expect(second.assistants).toEqual(FAKE_DEMO.assistants);
  });
});

describe('toBackendError', () => {
  it('keeps the code, message and details of an error from the shell', () => {
    const error = toBackendError({ code: 'not_found', message: 'Fant ikke planen', details: { path: 'x' } });
    expect(error).toBeInstanceOf(BackendError);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Fant ikke planen');
    expect(error.details).toEqual({ path: 'x' });
  });

  it('turns anything else into an internal error, so the UI can always switch on the code', () => {
    expect(toBackendError('ipc channel closed').code).toBe('internal');
    expect(toBackendError(new Error('boom')).details).toBe('boom');
    expect(toBackendError({ code: 'made_up', message: 'x' }).code).toBe('internal');
  });
});

describe('FakeBackend told to fail', () => {
  it('rejects with a BackendError carrying the code', async () => {
    const backend = new FakeBackend({ failWith: 'io' });
    await expect(backend.openDemo()).rejects.toMatchObject({ name: 'BackendError', code: 'io' });
  });

  it('reads the failure from the page address and ignores unknown codes', () => {
    expect(fakeOptionsFromQuery('?fail=not_found')).toEqual({ failWith: 'not_found' });
    expect(fakeOptionsFromQuery('?fail=nonsense')).toEqual({});
    expect(fakeOptionsFromQuery('')).toEqual({});
  });
});
