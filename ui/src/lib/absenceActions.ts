// What the grid, the assistant's page and the year view share about absences: the draft a new
// absence starts from, the draft of an existing one, and how the core asks for the choice about
// shifts a vikar covered meanwhile (a dedicated error code, answered with `keep` or `give_back`).

import type { BackendError } from './backend';
import type { AbsenceDraft, AbsenceKind, SickNote } from './types';

/** The answer to "a vikar covered some of these shifts": keep the vikar, or give them back. */
export type CoverChoice = 'keep' | 'give_back';

/** True when the core refused a deletion until the cover choice is given. */
export function isCoverChoice(error: BackendError): boolean {
  return error.code === 'choice_needed';
}

/** A new absence for `assistant` over the given days (ferie, whole days). */
export function newAbsence(assistant: string, from: string, to: string, kind: AbsenceKind = 'ferie'): AbsenceDraft {
  return { id: null, assistant, kind, sick_note: kind === 'sykdom' ? 'egenmelding' : null, from, to, from_time: null, to_time: null, note: '' };
}

/** The fields of an absence as the core shows it. */
export interface AbsenceFields {
  id: string;
  assistant: string;
  kind: string;
  sick_note: string | null;
  from: string;
  to: string;
  from_time?: string | null;
  to_time?: string | null;
  note?: string;
}

/** The dialog's draft of an absence the core showed. */
export function draftOf(absence: AbsenceFields): AbsenceDraft {
  return {
    id: absence.id,
    assistant: absence.assistant,
    kind: absence.kind as AbsenceKind,
    sick_note: (absence.sick_note as SickNote | null) ?? null,
    from: absence.from,
    to: absence.to,
    from_time: absence.from_time ?? null,
    to_time: absence.to_time ?? null,
    note: absence.note ?? '',
  };
}
