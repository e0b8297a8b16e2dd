// Read-only done centrally. When the open plan cannot be changed (another person holds the lock,
// or it was opened read-only), every edit control of every view is disabled with the reason
// visible, instead of a button that silently does nothing.
//
// How a view opts in: mark each control that changes the plan with the attribute `data-edit`
// (`<button data-edit type="submit">…`). Nothing else: App.svelte runs `guardEdits` over the
// whole document, so a control marked in a new page, a dialog or a form is covered as soon as
// it is drawn. While the plan is read-only such a control gets
//   - aria-disabled="true" (it stays focusable, so a screen-reader user finds it and hears why),
//   - aria-describedby pointing at the banner's reason (`READ_ONLY_REASON_ID`) and a title with
//     the reason (the tooltip of a mouse user),
// and a click on it, or the submit of a form whose submit button is marked, is stopped and the
// reason is said in the refusal notice (role=alert): never a silent no-op. Keys that edit (the
// grid's Delete, Ctrl+V …, Ctrl+Z) ask `session.refuseIfReadOnly()` first.

export const READ_ONLY_REASON_ID = 'readonly-reason';

export interface GuardState {
  readOnly: boolean;
  reason: string;
}

const MARK = 'data-edit-guarded';

function guard(element: HTMLElement, reason: string) {
  if (!element.hasAttribute(MARK)) {
    element.setAttribute(MARK, '');
    element.dataset.wasAriaDisabled = element.getAttribute('aria-disabled') ?? '';
    element.dataset.wasTitle = element.getAttribute('title') ?? '';
    element.dataset.wasDescribedby = element.getAttribute('aria-describedby') ?? '';
  }
  element.setAttribute('aria-disabled', 'true');
  element.setAttribute('title', reason);
  const described = (element.dataset.wasDescribedby ?? '').split(' ').filter(Boolean);
  element.setAttribute('aria-describedby', [READ_ONLY_REASON_ID, ...described].join(' '));
}

function release(element: HTMLElement) {
  if (!element.hasAttribute(MARK)) return;
  const restore = (name: string, value: string | undefined) => {
    if (value) element.setAttribute(name, value);
    else element.removeAttribute(name);
  };
  restore('aria-disabled', element.dataset.wasAriaDisabled);
  restore('title', element.dataset.wasTitle);
  restore('aria-describedby', element.dataset.wasDescribedby);
  delete element.dataset.wasAriaDisabled;
  delete element.dataset.wasTitle;
  delete element.dataset.wasDescribedby;
  element.removeAttribute(MARK);
}

/**
 * Guards every `[data-edit]` control under `root` while `state().readOnly`; `refuse` says the
 * reason when one is used anyway. Returns `update` (call it when the state changes) and `stop`.
 */
export function guardEdits(root: HTMLElement, state: () => GuardState, refuse: (reason: string) => void) {
  const apply = () => {
    const { readOnly, reason } = state();
    for (const element of root.querySelectorAll<HTMLElement>('[data-edit]')) {
      if (readOnly) guard(element, reason);
      else release(element);
    }
    if (!readOnly) for (const element of root.querySelectorAll<HTMLElement>(`[${MARK}]`)) release(element);
  };
  const observer = new MutationObserver(apply);
  observer.observe(root, { childList: true, subtree: true });

  const onClick = (event: Event) => {
    const { readOnly, reason } = state();
    if (!readOnly) return;
    const control = (event.target as Element | null)?.closest?.('[data-edit]');
    if (!control || !root.contains(control)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    refuse(reason);
  };
  const onSubmit = (event: Event) => {
    const { readOnly, reason } = state();
    const form = event.target as HTMLFormElement | null;
    if (!readOnly || !form?.querySelector?.('[data-edit][type="submit"]')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    refuse(reason);
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('submit', onSubmit, true);
  apply();
  return {
    update: apply,
    stop() {
      observer.disconnect();
      root.removeEventListener('click', onClick, true);
      root.removeEventListener('submit', onSubmit, true);
    },
  };
}
