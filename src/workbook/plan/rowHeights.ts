import { parseCell, parseRange } from './address';
import type { CellStyle, WriteOp, WritePlan } from './types';

const LINE_POINTS = 12.75;
const DEFAULT_WIDTH = 8.43;

/**
 * Adds row heights for rows whose wrapped text needs more than one line, and for large titles. Excel autofits such rows
 * on its own, but LibreOffice and printouts use the stored height, so the plan states it: an
 * estimate from text length and column width (about 0.9 characters per width unit at 11 pt).
 * Rows that already have a height in the plan keep it.
 */
export function withRowHeights(plan: WritePlan, options: { readonly auto?: boolean } = {}): WritePlan {
  const widths = new Map<string, readonly number[]>();
  const fixed = new Map<string, Set<number>>();
  const merged = new Map<string, { top: number; left: number; right: number }[]>();
  for (const op of plan) {
    if (op.kind === 'sheet') widths.set(op.sheet, op.columnWidths ?? []);
    if (op.kind === 'rowHeight') for (const r of op.rows) (fixed.get(op.sheet) ?? fixed.set(op.sheet, new Set()).get(op.sheet)!).add(r);
    if (op.kind === 'merge') {
      const b = parseRange(op.range);
      (merged.get(op.sheet) ?? merged.set(op.sheet, []).get(op.sheet)!).push({ top: b.top, left: b.left, right: b.right });
    }
  }
  // Per sheet, row → column → what the cell's styles, laid over one another in plan order, say of
  // wrapping and font size (all the estimate reads of them), and each cell's text.
  const wrapped = new Map<string, Cells<TextStyle>>();
  const styleOf = (sheet: string) => wrapped.get(sheet) ?? wrapped.set(sheet, new Cells()).get(sheet)!;
  const layOver = (sheet: string, row: number, column: number, style: CellStyle) => {
    const cells = styleOf(sheet);
    const before = cells.get(row, column);
    // {...before, ...style} as far as wrap and fontSize go: a key the style has (even undefined) wins.
    cells.set(row, column, {
      wrap: own(style, 'wrap') ? style.wrap : before?.wrap,
      fontSize: own(style, 'fontSize') ? style.fontSize : before?.fontSize,
    });
  };
  const texts = new Map<string, Cells<string>>();
  for (const op of plan) {
    if (op.kind === 'values') {
      const at = parseCell(op.at);
      const t = texts.get(op.sheet) ?? texts.set(op.sheet, new Cells()).get(op.sheet)!;
      // A style without wrap or fontSize changes neither (and a cell no style names reads as unstyled).
      const style = op.style && (own(op.style, 'wrap') || own(op.style, 'fontSize')) ? op.style : undefined;
      op.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v === 'string') t.set(at.row + i, at.column + j, v);
          if (style) layOver(op.sheet, at.row + i, at.column + j, style);
        }),
      );
    } else if (op.kind === 'style') {
      const b = parseRange(op.range);
      if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 5000) continue;
      if (!own(op.style, 'wrap') && !own(op.style, 'fontSize')) continue;
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) layOver(op.sheet, r, c, op.style);
    }
  }
  const extra: WriteOp[] = [];
  for (const [sheet, cells] of texts) {
    const w = widths.get(sheet) ?? [];
    const styles = styleOf(sheet);
    const heights = new Map<number, number>();
    cells.forEach((row, column, text) => {
      const style = styles.get(row, column);
      if (!style?.wrap) {
        // Large titles need a taller row too, or they run into the row below.
        const size = style?.fontSize ?? 11;
        if (size > 11) heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(size * 1.6 + 2)));
        return;
      }
      const m = merged.get(sheet)?.find((x) => x.top === row && x.left === column);
      let width = 0;
      for (let c = column; c <= (m?.right ?? column); c++) width += w[c - 1] ?? DEFAULT_WIDTH;
      const size = style.fontSize ?? 11;
      // 0.9: fonts wider than Calibri (LibreOffice's fallbacks) must not clip the last line.
      const perLine = Math.max(1, Math.floor((width * 0.9 * 11) / size) - 1);
      const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
      if (lines > 1) heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(lines * LINE_POINTS * (size / 11) + 2)));
    });
    for (const [row, height] of heights) if (!fixed.get(sheet)?.has(row)) extra.push({ kind: 'rowHeight', sheet, rows: [row], height, ...(options.auto ? { auto: true } : {}) });
  }
  return [...plan, ...extra];
}

/** The two style keys the estimate reads. */
interface TextStyle {
  readonly wrap?: boolean;
  readonly fontSize?: number;
}

/** Whether spreading `style` would copy `key` (an own enumerable property, whatever its value). */
const own = (style: CellStyle, key: keyof CellStyle) => Object.prototype.propertyIsEnumerable.call(style, key);

/**
 * Values by row and column, visited in the order the cells were first set: what a Map keyed by
 * "row:column" gives, with a number for a key instead of a string per cell (row · 65536 + column,
 * exact for the rows and columns a sheet can have; any other pair keeps its "row:column" string,
 * which a number key never equals).
 */
class Cells<T> {
  private readonly map = new Map<number | string, T>();

  get(row: number, column: number): T | undefined {
    return this.map.get(cellKey(row, column));
  }

  set(row: number, column: number, value: T): void {
    this.map.set(cellKey(row, column), value);
  }

  forEach(visit: (row: number, column: number, value: T) => void): void {
    this.map.forEach((value, key) => {
      if (typeof key === 'number') visit(Math.floor(key / COLUMN_SPAN), key % COLUMN_SPAN, value);
      else {
        const [row, column] = key.split(':').map(Number);
        visit(row, column, value);
      }
    });
  }
}

const COLUMN_SPAN = 65536;
const ROW_LIMIT = 2 ** 36;

function cellKey(row: number, column: number): number | string {
  return Number.isInteger(row) && Number.isInteger(column) && row >= 0 && row < ROW_LIMIT && column >= 0 && column < COLUMN_SPAN ? row * COLUMN_SPAN + column : `${row}:${column}`;
}
