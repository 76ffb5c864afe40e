/**
 * withRowHeights (issue 14 made it cheaper: no string key and no style object per cell) against the
 * implementation it replaced, kept here as the reference: the same row heights, in the same order,
 * for the product's own plans and for random plans that overwrite cells, lay styles over one another
 * (wrap and fontSize set, unset and set to undefined), merge cells and fix heights.
 */
import { parseCell, parseRange } from '../../src/workbook/plan/address';
import { withRowHeights } from '../../src/workbook/plan/rowHeights';
import type { CellInput, CellStyle, WriteOp, WritePlan } from '../../src/workbook/plan/types';
import { questionnairePlanOf } from '../../src/workbook/models';
import { computeResult } from '../../src/workbook/compute';
import { exampleAnswers, realCatalog } from '../helpers/workbook';

const LINE_POINTS = 12.75;
const DEFAULT_WIDTH = 8.43;

/** withRowHeights as it was before issue 14. */
function reference(plan: WritePlan, options: { readonly auto?: boolean } = {}): WritePlan {
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

describe('withRowHeights gives what it gave before', () => {
  const catalog = realCatalog();

  it("for the product's plans", () => {
    const computed = computeResult(catalog, exampleAnswers(), '2026-05-04');
    for (const whole of [questionnairePlanOf(catalog), computed.plan]) {
      // As they come (their heights fixed already), and without their row heights, to be estimated again.
      const unsized = whole.filter((op) => op.kind !== 'rowHeight');
      for (const plan of [whole, unsized]) {
        for (const options of [{}, { auto: true }]) expect(withRowHeights(plan, options)).toEqual(reference(plan, options));
      }
      expect(withRowHeights(unsized).length - unsized.length).toBeGreaterThan(20);
    }
  });

  it('for cells far beyond a sheet (rows past 2^36: keyed by their text, as before)', () => {
    const long = 'ord '.repeat(80);
    const plan: WritePlan = [
      { kind: 'sheet', sheet: 'S', columnWidths: [10, 20] },
      { kind: 'values', sheet: 'S', at: 'A68719476740', rows: [[long, long]], style: { wrap: true } },
      { kind: 'values', sheet: 'S', at: 'B3', rows: [[long]], style: { wrap: true, fontSize: 14 } },
      { kind: 'values', sheet: 'S', at: 'A99999999999999999999', rows: [[long]], style: { fontSize: 20 } },
    ];
    expect(withRowHeights(plan)).toEqual(reference(plan));
    expect(withRowHeights(plan).length - plan.length).toBe(3);
  });

  it('for random plans', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pick = <T,>(items: readonly T[]): T => items[random(items.length)];
    const texts = ['', 'kort', 'en text som är lite längre än en kolumn är bred', 'rad ett\nrad två\nrad tre', 'x'.repeat(300), 'a\n'.repeat(12)];
    const styles: CellStyle[] = [{}, { wrap: true }, { wrap: false }, { wrap: undefined }, { fontSize: 16 }, { fontSize: 9 }, { fontSize: undefined }, { wrap: true, fontSize: 14 }, { bold: true }, { fill: 'FFFF00', wrap: true }];
    let estimated = 0;
    for (let round = 0; round < 200; round++) {
      const sheets = ['A', 'B', 'C'].slice(0, 1 + random(3));
      const plan: WriteOp[] = [];
      for (let i = 0; i < 40; i++) {
        const sheet = pick(sheets);
        const cell = `${pick(['A', 'B', 'C', 'D'])}${1 + random(12)}`;
        switch (random(6)) {
          case 0:
            plan.push({ kind: 'sheet', sheet, ...(random(2) ? { columnWidths: [10, 40, 8, 25].slice(0, random(5)) } : {}) });
            break;
          case 1: {
            const rows: CellInput[][] = Array.from({ length: 1 + random(3) }, () => Array.from({ length: 1 + random(3) }, () => pick<CellInput>([...texts, 5, null, true, { formula: 'A1', result: 'x' }])));
            plan.push({ kind: 'values', sheet, at: cell, rows, ...(random(2) ? { style: pick(styles) } : {}) });
            break;
          }
          case 2: {
            const from = parseCell(cell);
            const range = random(20) ? `${cell}:${String.fromCharCode(64 + Math.min(26, from.column + random(3)))}${from.row + random(4)}` : 'A1:Z300';
            plan.push({ kind: 'style', sheet, range, style: pick(styles) });
            break;
          }
          case 3: {
            const b = parseRange(`${cell}:${cell}`);
            plan.push({ kind: 'merge', sheet, range: `${cell}:${String.fromCharCode(64 + Math.min(26, b.left + 1 + random(2)))}${b.top}` });
            break;
          }
          case 4:
            plan.push({ kind: 'rowHeight', sheet, rows: [1 + random(12)], height: 20 });
            break;
          default:
            plan.push({ kind: 'values', sheet, at: cell, rows: [[pick(texts)]], style: pick(styles) });
        }
      }
      const options = random(2) ? { auto: true } : {};
      const heights = withRowHeights(plan as WritePlan, options);
      expect(heights).toEqual(reference(plan as WritePlan, options));
      estimated += heights.length - plan.length;
    }
    expect(estimated).toBeGreaterThan(400);
  });
});
