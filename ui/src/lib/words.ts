// Counts as Norwegian words a reader understands at once: "tre assistenter", "ingen brudd".

/** A noun with its gender (for "en"/"ei"/"ett") and its singular and plural forms. */
export interface Noun {
  neuter: boolean;
  one: string;
  many: string;
}

export const VAKT: Noun = { neuter: false, one: 'vakt', many: 'vakter' };
export const ASSISTENT: Noun = { neuter: false, one: 'assistent', many: 'assistenter' };
export const BRUDD: Noun = { neuter: true, one: 'brudd', many: 'brudd' };
export const ADVARSEL: Noun = { neuter: false, one: 'advarsel', many: 'advarsler' };

const SMALL = ['null', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv'];

/** The number as a word up to twelve, as digits above (the usual rule in Norwegian prose). */
export function numberWord(n: number, neuter = false): string {
  if (n === 1) return neuter ? 'ett' : 'én';
  if (Number.isInteger(n) && n >= 0 && n < SMALL.length) return SMALL[n];
  return new Intl.NumberFormat('nb-NO').format(n);
}

/** "ingen vakter", "én vakt", "ett brudd", "tre advarsler", "38 vakter". */
export function count(n: number, noun: Noun): string {
  if (n === 0) return `ingen ${noun.many}`;
  return `${numberWord(n, noun.neuter)} ${n === 1 ? noun.one : noun.many}`;
}

/** The first letter in upper case, for a count that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('nb-NO') + text.slice(1);
}
