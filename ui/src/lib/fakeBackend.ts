// `Backend` in memory, for UI tests in a plain browser and for working on the UI without the
// Rust shell. It answers like the real one, with a small made-up plan.

import type { Backend, PlanOverview } from './backend';

export const FAKE_DEMO: PlanOverview = {
  name: 'Demoplan for Ingrid',
  arbeidsleder: 'Ingrid Haugen',
  assistants: ['Kari Nordmann', 'Łukasz Wiśniewski', 'Áilu Čoalbmi'],
  shifts: 38,
  violations: 2,
  warnings: 1,
};

export class FakeBackend implements Backend {
  private readonly demo: PlanOverview;

  constructor(demo: PlanOverview = FAKE_DEMO) {
    this.demo = demo;
  }

  async openDemo(): Promise<PlanOverview> {
    return structuredClone(this.demo);
  }
}
