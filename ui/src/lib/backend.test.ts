import { describe, expect, it } from 'vitest';
import { BackendError, toBackendError } from './backend';
import { FakeBackend, fakeOptionsFromQuery } from './fakeBackend';
import type { ShiftInput } from './types';

const TODAY = '2026-06-10';
const WEEK = { from: '2026-06-08', to: '2026-06-14' };

function shift(day: string, start: string, end: string, assistant = 'a1'): ShiftInput {
  return { assistant, day, start, end };
}

async function newPlan(backend = new FakeBackend({ today: TODAY })) {
  await backend.createPlan(
    '/tmp/test.turnus',
    {
      name: 'Test',
      arbeidsleder: 'Ola',
      profile: { preset: 'aml', overrides: {} },
      vedtak: [{ from: '2026-01-01', annual_frame: true, hours_per_week: { personlig_assistanse: 20 } }],
      assistants: [{ name: 'Kari' }],
      shift_types: [{ code: 'D', name: 'Dagvakt', start: '08:00', end: '16:00' }],
    },
    WEEK,
  );
  return backend;
}

describe('FakeBackend', () => {
  it('opens a demo plan with assistants, shifts and its own daily-rest finding', async () => {
    const view = await new FakeBackend({ today: TODAY }).openDemo({ from: '2026-06-01', to: '2026-06-28' });
    expect(view.assistants.map((a) => a.name)).toEqual(['Kari Nordmann', 'Łukasz Wiśniewski', 'Áilu Čoalbmi']);
    expect(view.shifts.length).toBeGreaterThan(20);
    expect(view.findings.some((f) => f.rule === 'REST-D'), 'the demo has an evening followed by an early morning').toBe(true);
    expect(view.shifts.some((s) => s.assistant === null), 'the demo has an open shift').toBe(true);
  });

  it('finds less than 11 hours of rest between two shifts, and loses the finding on undo', async () => {
    const backend = await newPlan();
    await backend.addShift(WEEK, shift('2026-06-09', '15:00', '23:00'));
    const withRest = await backend.addShift(WEEK, shift('2026-06-10', '08:00', '16:00'));
    const rest = withRest.findings.find((f) => f.rule === 'REST-D');
    expect(rest, 'nine hours between 23:00 and 08:00 is too little rest').toBeDefined();
    expect(rest!.measured).toBe(540);
    expect(rest!.limit).toBe(660);
    expect(rest!.law).toBe('aml § 10-8 (1)');
    expect(rest!.shifts).toHaveLength(2);
    const undone = await backend.undo(WEEK);
    expect(undone.findings.filter((f) => f.rule === 'REST-D')).toEqual([]);
    expect(undone.history.can_redo).toBe(true);
    const redone = await backend.redo(WEEK);
    expect(redone.findings.some((f) => f.rule === 'REST-D')).toBe(true);
  });

  it('does not see a rest finding for 11 hours exactly', async () => {
    const backend = await newPlan();
    await backend.addShift(WEEK, shift('2026-06-09', '13:00', '21:00'));
    const view = await backend.addShift(WEEK, shift('2026-06-10', '08:00', '16:00'));
    expect(view.findings).toEqual([]);
  });

  it('refuses a wrong time with the field named, and changes nothing', async () => {
    const backend = await newPlan();
    await expect(backend.addShift(WEEK, shift('2026-06-09', '25:00', '23:00'))).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'start' },
    });
    expect((await backend.planView(WEEK)).shifts).toEqual([]);
  });

  it('keeps the plan in its file, so it is the same after closing and opening again', async () => {
    const backend = await newPlan();
    await backend.addShift(WEEK, shift('2026-06-09', '08:00', '16:00'));
    await backend.closePlan();
    const again = await backend.openPlan('/tmp/test.turnus', false, WEEK);
    expect(again.shifts.map((s) => [s.start, s.end])).toEqual([['2026-06-09T08:00', '2026-06-09T16:00']]);
  });

  it('answers like damaged or locked files for such names', async () => {
    const backend = new FakeBackend({ today: TODAY });
    await expect(backend.openPlan('/x/skadet.turnus', false, WEEK)).rejects.toMatchObject({ code: 'corrupt' });
    await expect(backend.openPlan('/x/nyere.turnus', false, WEEK)).rejects.toMatchObject({ code: 'newer_version' });
    const locked = await backend.openPlan('/x/i-bruk.turnus', false, WEEK);
    expect(locked.file.read_only).toBe(true);
    expect(locked.file.lock?.name).toBe('Per Haugen');
    await expect(backend.addShift(WEEK, shift('2026-06-09', '08:00', '16:00'))).rejects.toMatchObject({ code: 'read_only' });
    const taken = await backend.openPlan('/x/i-bruk.turnus', true, WEEK);
    expect(taken.file.read_only).toBe(false);
  });

  it('applies a rotation and marks a changed day as different from the pattern', async () => {
    const backend = await newPlan();
    const saved = await backend.saveRotation(WEEK, {
      name: 'Mønster',
      weeks: 1,
      start: '2026-06-08',
      slots: [{ week: 1, weekday: 2, shift_type: 'D', assistant: 'a1', skip_red_days: true }],
    });
    const id = saved.rotations[0].id;
    const applied = await backend.applyRotation(WEEK, id, '2026-06-08', '2026-06-14');
    const made = applied.shifts.find((s) => s.day === '2026-06-09')!;
    expect(made.rotation).toBe(id);
    expect(made.differs_from_pattern).toBe(false);
    const changed = await backend.updateShift(WEEK, { ...shift('2026-06-09', '09:00', '16:00'), id: made.id, shift_type: 'D' });
    expect(changed.shifts.find((s) => s.id === made.id)!.differs_from_pattern).toBe(true);
  });

  it('hands out copies, so the UI cannot change the fake plan', async () => {
    const backend = new FakeBackend({ today: TODAY });
    const first = await backend.openDemo(WEEK);
    first.assistants.pop();
    expect((await backend.planView(WEEK)).assistants).toHaveLength(3);
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

describe('FakeBackend told to fail', () => {
  it('rejects with a BackendError carrying the code', async () => {
    const backend = new FakeBackend({ failWith: 'io' });
    await expect(backend.openDemo(WEEK)).rejects.toMatchObject({ name: 'BackendError', code: 'io' });
  });

  it('reads its options from the page address and ignores unknown codes', () => {
    expect(fakeOptionsFromQuery('?fail=not_found')).toEqual({ failWith: 'not_found' });
    expect(fakeOptionsFromQuery('?fail=nonsense')).toEqual({});
    expect(fakeOptionsFromQuery('?open=/x/a.turnus&save=&today=2026-06-10')).toEqual({
      openPath: '/x/a.turnus',
      savePath: null,
      today: '2026-06-10',
    });
    expect(fakeOptionsFromQuery('')).toEqual({});
  });
});
