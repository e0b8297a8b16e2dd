// The short name of each law-check rule, for the turnus grid's cells where "Brudd" alone says
// too little and the rule's full title does not fit ("Hvile" for REST-D). The ids are the
// core's (src/rules/finding.rs); the names live in the dictionary under `rule.<id>`.

import { dictionary, type Key } from './dictionary';

/** Every rule id of the core, in the order of RULES.md. */
export const RULE_IDS = [
  'NH-D',
  'TOT-D',
  'BRK',
  'NH-W',
  'NH-AVG',
  'NH-BASE',
  'OT-W',
  'OT-4W',
  'OT-52W',
  'TOT-W',
  'REST-D',
  'REST-W',
  'SUN-NEXT',
  'SUN-AVG',
  'SUN-4W',
  'NIGHT-AVG',
  'OVERLAP-SELF',
  'DOUBLE-STAFF',
  'VEDTAK-NIGHT',
  'VEDTAK-FRAME',
  'FAMILY',
  'CONTRACT',
  'PLAN-14',
  'HOLIDAY-WORK',
] as const;

/** The dictionary key of a rule's short name, or null for a rule this UI does not know yet. */
export function ruleShortKey(rule: string): Key | null {
  const key = `rule.${rule}`;
  return key in dictionary.nb ? (key as Key) : null;
}

/** The rule's short name ("Hvile"); the full title when the rule has no short name. */
export function ruleShortName(rule: string, title: string, translate: (key: Key) => string): string {
  const key = ruleShortKey(rule);
  return key === null ? title : translate(key);
}
