import { describe, expect, it } from 'vitest';
import type { PlanOverview } from './backend';
import { describeOverview } from './overview';

const base: PlanOverview = {
  name: 'Testplan',
  arbeidsleder: 'Ola',
  assistants: ['Kari', 'Per'],
  shifts: 20,
  violations: 0,
  warnings: 0,
};

describe('describeOverview', () => {
  it('tells the size of the plan in words', () => {
    expect(describeOverview(base).size).toBe('Planen har 20 vakter for to assistenter.');
  });

  it('says plainly when the check found nothing', () => {
    const text = describeOverview(base);
    expect(text.check).toBe('Sjekken mot arbeidstidsreglene fant ingen brudd og ingen advarsler.');
    expect(text.hasViolations).toBe(false);
  });

  it('names violations and warnings with their counts', () => {
    const text = describeOverview({ ...base, violations: 1, warnings: 2 });
    expect(text.check).toBe('Sjekken mot arbeidstidsreglene fant ett brudd og to advarsler.');
    expect(text.hasViolations).toBe(true);
  });

  it('says that warnings alone are no violation', () => {
    expect(describeOverview({ ...base, warnings: 1 }).check).toBe(
      'Sjekken mot arbeidstidsreglene fant ingen brudd, men én advarsel du bør se på.',
    );
  });

  it('handles a plan with no shifts and one assistant', () => {
    expect(describeOverview({ ...base, shifts: 0, assistants: ['Kari'] }).size).toBe(
      'Planen har ingen vakter for én assistent.',
    );
  });
});
