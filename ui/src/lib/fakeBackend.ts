// `Backend` in memory, for UI tests in a plain browser and for working on the UI without the
// Rust shell. It answers like the real one, with a small made-up plan, or fails like the real
// one would when told to.

import { BackendError, ERROR_CODES, type Backend, type ErrorCode, type PlanOverview } from './backend';

export const FAKE_DEMO: PlanOverview = {
  name: 'Demoplan for Ingrid',
  arbeidsleder: 'Ingrid Haugen',
  assistants: ['Kari Nordmann', 'Łukasz Wiśniewski', 'Áilu Čoalbmi'],
  shifts: 38,
  violations: 2,
  warnings: 1,
};

export interface FakeOptions {
  demo?: PlanOverview;
  /** When set, every call fails with this code, as the shell would. */
  failWith?: ErrorCode;
}

export class FakeBackend implements Backend {
  private readonly demo: PlanOverview;
  private readonly failWith: ErrorCode | undefined;

  constructor({ demo = FAKE_DEMO, failWith }: FakeOptions = {}) {
    this.demo = demo;
    this.failWith = failWith;
  }

  async openDemo(): Promise<PlanOverview> {
    if (this.failWith !== undefined) {
      throw new BackendError({
        code: this.failWith,
        message: 'Turnus fikk ikke lest demoplanen.',
        details: { fake: true },
      });
    }
    return structuredClone(this.demo);
  }
}

/** The fake's options from the page address: `?fail=io` makes every call fail with `io`. */
export function fakeOptionsFromQuery(search: string): FakeOptions {
  const fail = new URLSearchParams(search).get('fail');
  const failWith = ERROR_CODES.find((code) => code === fail);
  return failWith === undefined ? {} : { failWith };
}
