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
  const wrapped = new Map<string, Map<string, CellStyle>>();
  for (const op of plan) {
    if (op.kind === 'sheet') widths.set(op.sheet, op.columnWidths ?? []);
    if (op.kind === 'rowHeight') for (const r of op.rows) (fixed.get(op.sheet) ?? fixed.set(op.sheet, new Set()).get(op.sheet)!).add(r);
    if (op.kind === 'merge') {
      const b = parseRange(op.range);
      (merged.get(op.sheet) ?? merged.set(op.sheet, []).get(op.sheet)!).push({ top: b.top, left: b.left, right: b.right });
    }
  }
  // Styles per cell, in plan order, to know which cells wrap and at what size.
  const styleOf = (sheet: string) => wrapped.get(sheet) ?? wrapped.set(sheet, new Map()).get(sheet)!;
  const texts = new Map<string, Map<string, string>>();
  for (const op of plan) {
    if (op.kind === 'values') {
      const at = parseCell(op.at);
      const t = texts.get(op.sheet) ?? texts.set(op.sheet, new Map()).get(op.sheet)!;
      op.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${at.row + i}:${at.column + j}`;
          if (typeof v === 'string') t.set(key, v);
          if (op.style) styleOf(op.sheet).set(key, { ...styleOf(op.sheet).get(key), ...op.style });
        }),
      );
    } else if (op.kind === 'style') {
      const b = parseRange(op.range);
      if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > 5000) continue;
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) styleOf(op.sheet).set(`${r}:${c}`, { ...styleOf(op.sheet).get(`${r}:${c}`), ...op.style });
    }
  }
  const extra: WriteOp[] = [];
  for (const [sheet, cells] of texts) {
    const w = widths.get(sheet) ?? [];
    const heights = new Map<number, number>();
    for (const [key, text] of cells) {
      const style = styleOf(sheet).get(key);
      const [row, column] = key.split(':').map(Number);
      if (!style?.wrap) {
        // Large titles need a taller row too, or they run into the row below.
        const size = style?.fontSize ?? 11;
        if (size > 11) heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(size * 1.6 + 2)));
        continue;
      }
      const m = merged.get(sheet)?.find((x) => x.top === row && x.left === column);
      let width = 0;
      for (let c = column; c <= (m?.right ?? column); c++) width += w[c - 1] ?? DEFAULT_WIDTH;
      const size = style.fontSize ?? 11;
      // 0.9: fonts wider than Calibri (LibreOffice's fallbacks) must not clip the last line.
      const perLine = Math.max(1, Math.floor((width * 0.9 * 11) / size) - 1);
      const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
      if (lines > 1) heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(lines * LINE_POINTS * (size / 11) + 2)));
    }
    for (const [row, height] of heights) if (!fixed.get(sheet)?.has(row)) extra.push({ kind: 'rowHeight', sheet, rows: [row], height, ...(options.auto ? { auto: true } : {}) });
  }
  return [...plan, ...extra];
}
