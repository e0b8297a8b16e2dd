import { describe, expect, it } from 'vitest';
import { cellId, clamp, cycle, moveFocus, positionOfCell, selectionOnFocus } from './gridNav';

const size = { rows: 4, cols: 14 };

describe('moving in the turnus grid', () => {
  it('moves one cell with the arrow keys', () => {
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowRight', false, size)).toEqual({ row: 1, col: 2 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowLeft', false, size)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowDown', false, size)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'ArrowUp', false, size)).toEqual({ row: 0, col: 1 });
  });
  it('stays at the edge instead of wrapping around', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'ArrowLeft', false, size)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 3, col: 13 }, 'ArrowDown', false, size)).toEqual({ row: 3, col: 13 });
  });
  it('goes to the row’s ends with Home and End, and to the corners with Ctrl', () => {
    expect(moveFocus({ row: 2, col: 5 }, 'Home', false, size)).toEqual({ row: 2, col: 0 });
    expect(moveFocus({ row: 2, col: 5 }, 'End', false, size)).toEqual({ row: 2, col: 13 });
    expect(moveFocus({ row: 2, col: 5 }, 'Home', true, size)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 2, col: 5 }, 'End', true, size)).toEqual({ row: 3, col: 13 });
  });
  it('leaves other keys to the grid’s commands', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'Enter', false, size)).toBeNull();
    expect(moveFocus({ row: 0, col: 0 }, 'Delete', false, size)).toBeNull();
  });
  it('keeps the focus inside when the grid shrinks (a shorter period)', () => {
    expect(clamp({ row: 5, col: 30 }, { rows: 3, cols: 7 })).toEqual({ row: 2, col: 6 });
  });
  it('cycles through the shifts of one cell', () => {
    expect(cycle(0, 2, 1)).toBe(1);
    expect(cycle(1, 2, 1)).toBe(0);
    expect(cycle(0, 2, -1)).toBe(1);
    expect(cycle(0, 0, 1)).toBe(0);
  });
});

describe('the selection follows the focus', () => {
  const current = { position: { row: 1, col: 3 }, pick: 1 };
  it('moves the selection to the cell that got the focus, at its first shift', () => {
    expect(selectionOnFocus(current, { row: 2, col: 5 }, null)).toEqual({ position: { row: 2, col: 5 }, pick: 0 });
  });
  it('selects the shift the pointer pressed, also when the press became an abandoned drag', () => {
    expect(selectionOnFocus(current, { row: 2, col: 5 }, 1)).toEqual({ position: { row: 2, col: 5 }, pick: 1 });
    expect(selectionOnFocus(current, { row: 1, col: 3 }, 0)).toEqual({ position: { row: 1, col: 3 }, pick: 0 });
  });
  it('keeps the chosen shift when the focus returns to the selected cell (Alt+arrows chose it)', () => {
    expect(selectionOnFocus(current, { row: 1, col: 3 }, null)).toBe(current);
  });
  it('reads a cell’s position from its id and back', () => {
    expect(positionOfCell(cellId({ row: 4, col: 13 }))).toEqual({ row: 4, col: 13 });
    expect(positionOfCell('grid-heading')).toBeNull();
    expect(positionOfCell('cell-1-x')).toBeNull();
  });
});
