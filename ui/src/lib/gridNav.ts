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
