// The state of the window: the open plan's view, the period the grid shows, the page, and the
// one way every action reaches the backend (so each edit refreshes the view and is announced).

import { tick } from 'svelte';
import { toBackendError, type Backend, type BackendError } from './backend';
import { localToday, periodWindow, stepPeriod, type PeriodKind } from './dates';
import { checkSentence, errorSentence, formatDateTime, t } from './i18n.svelte';
import type { PlanView, PlanWindow, ShiftDraft } from './types';

export type Page = 'grid' | 'cover' | 'year' | 'rotations' | 'assistants' | 'vedtak' | 'lovsjekk' | 'hours' | 'export' | 'history' | 'settings' | 'rights' | 'month' | 'egenandel';
export const PAGES: readonly Page[] = ['grid', 'cover', 'year', 'rotations', 'assistants', 'vedtak', 'lovsjekk', 'hours', 'month', 'egenandel', 'rights', 'export', 'history', 'settings'];

export interface FocusTarget {
  shift: string | null;
  assistant: string | null;
  date: string;
}

export interface Clipboard {
  shift: ShiftDraft;
  /** Cut: pasting moves the shift instead of copying it. */
  cut: boolean;
}

export class Session {
  view = $state<PlanView | null>(null);
  page = $state<Page>('grid');
  period = $state<PeriodKind>('week2');
  anchor = $state(localToday());
  /** What the live region says: the result of the last action. */
  status = $state('');
  /** A shift or a day the grid should select and focus (set by choosing a finding). */
  focusTarget = $state<FocusTarget | null>(null);
  clipboard = $state<Clipboard | null>(null);
  /** The shift that needs cover whose candidates the cover page should open with. */
  coverShift = $state<string | null>(null);
  /** Bumped after every change of the plan, so pages can reload what they fetch themselves. */
  revision = $state(0);
  /** The last refused action, shown where the person is looking until they close it or the
   * next action succeeds (never only in the screen reader's live region). */
  refusal = $state<string | null>(null);

  readonly backend: Backend;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  /** The open plan cannot be changed now: another person holds the lock, or it was opened
   * read-only. Every edit control is then disabled with `readOnlyReason` (lib/editGuard.ts). */
  get readOnly(): boolean {
    return this.view?.file.read_only ?? false;
  }

  /** Why the plan cannot be changed, as one sentence (shown in the banner and on each control). */
  get readOnlyReason(): string {
    const file = this.view?.file;
    if (!file?.read_only) return '';
    if (file.lock) {
      const inUse = t('file.inUse', { name: file.lock.name, computer: file.lock.computer, since: formatDateTime(file.lock.since) });
      return `${t('error.read_only')} ${inUse}`;
    }
    return file.read_only_reason ?? t('readOnly.reasonFallback');
  }

  /** For keys that edit: when the plan is read-only, says why (visibly) and answers true. */
  refuseIfReadOnly(): boolean {
    if (!this.readOnly) return false;
    this.refuse(this.readOnlyReason);
    return true;
  }

  get window(): PlanWindow {
    return periodWindow(this.period, this.anchor);
  }

  announce(text: string) {
    // Clear first, so the same sentence twice is read twice.
    this.status = '';
    void tick().then(() => {
      this.status = text;
    });
  }

  /** The law check's result as a short sentence for the live region. */
  checkSentence(): string {
    return this.view ? checkSentence(this.view.summary) : '';
  }

  /**
   * Runs one backend call that returns the refreshed view. On success the view is replaced and
   * `done` is announced with the law check; on failure nothing changes and the error is returned.
   */
  async run(action: (window: PlanWindow) => Promise<PlanView>, done?: string): Promise<BackendError | null> {
    try {
      const problemBefore = this.view?.file.calendar_folder?.problem ?? null;
      this.view = await action(this.window);
      this.revision += 1;
      this.refusal = null;
      // The calendar folder failing is said once, when it starts or changes: the edit itself
      // is saved, but the phones no longer follow it.
      const problem = this.view.file.calendar_folder?.problem ?? null;
      const news = problem !== null && problem !== problemBefore ? t('file.calendarProblem', { problem }) : '';
      if (done !== undefined || news) this.announce(`${done ?? ''} ${done !== undefined ? this.checkSentence() : ''} ${news}`.trim().replace(/\s+/g, ' '));
      return null;
    } catch (reason) {
      return toBackendError(reason);
    }
  }

  /** Like `run`, but a failure is announced as a sentence instead of returned. */
  async act(action: (window: PlanWindow) => Promise<PlanView>, done?: string): Promise<boolean> {
    const error = await this.run(action, done);
    if (error) this.refuse(errorSentence(error));
    return error === null;
  }

  /** Says a refusal visibly, in the notice at the bottom of the window, which is an alert for
   * screen readers (cleared first, so the same sentence twice is read twice). */
  refuse(sentence: string) {
    this.refusal = null;
    void tick().then(() => {
      this.refusal = sentence;
    });
  }

  async reload(): Promise<void> {
    await this.act((w) => this.backend.planView(w));
  }

  async setPeriod(kind: PeriodKind) {
    this.period = kind;
    await this.reload();
  }

  async step(direction: 1 | -1) {
    this.anchor = stepPeriod(this.period, this.anchor, direction);
    await this.reload();
  }

  async goTo(date: string) {
    this.anchor = date;
    await this.reload();
  }

  async undo() {
    if (!this.view?.history.can_undo || this.refuseIfReadOnly()) return;
    const label = this.view.history.next_undo ?? '';
    await this.act((w) => this.backend.undo(w), t('status.undone', { what: label }));
  }

  async redo() {
    if (!this.view?.history.can_redo || this.refuseIfReadOnly()) return;
    const label = this.view.history.next_redo ?? '';
    await this.act((w) => this.backend.redo(w), t('status.redone', { what: label }));
  }
}
