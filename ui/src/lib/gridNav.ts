// Keyboard movement in the turnus grid (the ARIA grid pattern): arrow keys between cells,
// Home/End to the row's ends, Ctrl+Home/End to the grid's corners. Pure, so it is unit-tested.

export interface Position {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/** Keeps a position inside the grid (after the grid shrank, for example). */
export function clamp(position: Position, size: GridSize): Position {
  return {
    row: Math.max(0, Math.min(position.row, size.rows - 1)),
    col: Math.max(0, Math.min(position.col, size.cols - 1)),
  };
}

/**
 * Where a key moves the focus, or null when the key is no movement key. At an edge the focus
 * stays where it is (the grid does not wrap), as the ARIA grid pattern recommends.
 */
export function moveFocus(position: Position, key: string, ctrl: boolean, size: GridSize): Position | null {
  const { row, col } = position;
  switch (key) {
    case 'ArrowRight':
      return clamp({ row, col: col + 1 }, size);
    case 'ArrowLeft':
      return clamp({ row, col: col - 1 }, size);
    case 'ArrowDown':
      return clamp({ row: row + 1, col }, size);
    case 'ArrowUp':
      return clamp({ row: row - 1, col }, size);
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrl ? clamp({ row: size.rows - 1, col: size.cols - 1 }, size) : clamp({ row, col: size.cols - 1 }, size);
    default:
      return null;
  }
}

/** The next (+1) or previous (−1) of `count` items, wrapping around; for shifts in one cell. */
export function cycle(index: number, count: number, direction: 1 | -1): number {
  if (count <= 0) return 0;
  return (((index + direction) % count) + count) % count;
}

/** The element id of a cell, `cell-<row>-<col>`. */
export function cellId(position: Position): string {
  return `cell-${position.row}-${position.col}`;
}

/** The position of a cell from its element id, or null for anything else. */
export function positionOfCell(id: string): Position | null {
  const match = /^cell-(\d+)-(\d+)$/.exec(id);
  return match ? { row: Number(match[1]), col: Number(match[2]) } : null;
}

/** What is selected: a cell, and which of its shifts (0 for the first, or an empty cell). */
export interface Selection {
  position: Position;
  pick: number;
}

/**
 * The selection after a cell got the keyboard focus, however it got it: by a key, a click, or a
 * mouse press that became a drag and was abandoned (then no click ever comes). The selection
 * always follows the focus, so Delete acts on the cell with the focus ring. `chip` is the shift
 * the pointer pressed in that cell, or null when the focus came without one.
 */
export function selectionOnFocus(current: Selection, focused: Position, chip: number | null): Selection {
  if (chip !== null) return { position: focused, pick: chip };
  if (current.position.row === focused.row && current.position.col === focused.col) return current;
  return { position: focused, pick: 0 };
}
