// The sentences the start page shows about an opened plan.

import type { PlanOverview } from './backend';
import { ADVARSEL, ASSISTENT, BRUDD, VAKT, capitalise, count } from './words';

export interface OverviewText {
  /** "Planen har 38 vakter for tre assistenter." */
  size: string;
  /** What the law check found, as one sentence. */
  check: string;
  /** True when the plan breaks at least one rule. */
  hasViolations: boolean;
}

export function describeOverview(overview: PlanOverview): OverviewText {
  const size = `Planen har ${count(overview.shifts, VAKT)} for ${count(overview.assistants.length, ASSISTENT)}.`;
  const { violations, warnings } = overview;
  let check: string;
  if (violations === 0 && warnings === 0) {
    check = 'Sjekken mot arbeidstidsreglene fant ingen brudd og ingen advarsler.';
  } else if (warnings === 0) {
    check = `Sjekken mot arbeidstidsreglene fant ${count(violations, BRUDD)}.`;
  } else if (violations === 0) {
    check = `Sjekken mot arbeidstidsreglene fant ingen brudd, men ${count(warnings, ADVARSEL)} du bør se på.`;
  } else {
    check = `Sjekken mot arbeidstidsreglene fant ${count(violations, BRUDD)} og ${count(warnings, ADVARSEL)}.`;
  }
  return { size: capitalise(size), check, hasViolations: violations > 0 };
}
