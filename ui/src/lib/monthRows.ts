// The Confirm-the-month table's selection and the month picker's arithmetic. The table is a
// list of rows with a checkbox each: one checkbox is in the tab order and the arrow keys move
// between them; Space ticks one, Shift+click and Shift+arrows tick the range from the last row
// ticked or unticked (the anchor), as in a file manager. Pure, so it is unit-tested.

/** The rows ticked, by id, in the table's order. */
export interface RowSelection {
  ids: string[];
  /** The row the last single tick or untick was on; ranges start there. */
  anchor: string | null;
}

export const EMPTY_SELECTION: RowSelection = { ids: [], anchor: null };

function ordered(order: readonly string[], ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return order.filter((id) => set.has(id));
}

/** Space or a plain click: ticks or unticks one row, which becomes the anchor. */
export function toggleRow(selection: RowSelection, order: readonly string[], id: string): RowSelection {
  const set = new Set(selection.ids);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  return { ids: ordered(order, set), anchor: id };
}

/**
 * Shift+click or Shift+arrow: the rows from the anchor to `id` get the anchor's state (ticked
 * when the anchor is ticked, or when there is no anchor), and the anchor stays.
 */
export function extendTo(selection: RowSelection, order: readonly string[], id: string): RowSelection {
  const to = order.indexOf(id);
  if (to < 0) return selection;
  const anchor = selection.anchor !== null && order.includes(selection.anchor) ? selection.anchor : id;
  const from = order.indexOf(anchor);
  const tick = selection.anchor === null || selection.ids.includes(anchor);
  const set = new Set(selection.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    if (tick) set.add(order[i]);
    else set.delete(order[i]);
  }
  return { ids: ordered(order, set), anchor };
}

/** "Velg alle": every row, or none when every row already is. */
export function toggleAll(selection: RowSelection, order: readonly string[]): RowSelection {
  const all = order.length > 0 && order.every((id) => selection.ids.includes(id));
  return { ids: all ? [] : [...order], anchor: null };
}

/** Keeps only the rows that still exist (after the month or the filter changed). */
export function keepExisting(selection: RowSelection, order: readonly string[]): RowSelection {
  const ids = ordered(order, selection.ids);
  const anchor = selection.anchor !== null && order.includes(selection.anchor) ? selection.anchor : null;
  return ids.length === selection.ids.length && anchor === selection.anchor ? selection : { ids, anchor };
}

/** The index the focus moves to for a key in a list of `count` rows, or null for no movement key. */
export function rowAfterKey(index: number, key: string, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(index + 10, count - 1);
    case 'PageUp':
      return Math.max(index - 10, 0);
    default:
      return null;
  }
}

/** "2026-12" moved by `months` (−1: the month before). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month `YYYY-MM` of a date `YYYY-MM-DD`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** True for a month written `YYYY-MM`. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The months' names in each language, January first. */
export const MONTH_NAMES: Record<'nb' | 'en', readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2026-05" → "mai 2026" / "May 2026". */
export function monthName(month: string, language: 'nb' | 'en'): string {
  return `${MONTH_NAMES[language][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
