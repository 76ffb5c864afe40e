/**
 * A worksheet part as rows of `<c>` elements kept verbatim, with the edits a user makes in Excel:
 * typing, inserting and deleting rows and columns (references, merges, conditional formats,
 * validations, hyperlinks and column widths move as Excel moves them).
 */
import { attr, decodeXml, escapeXml } from './pkg';
import { colName, colNumber, parseRef, ref, shiftFormula, shiftIndex, shiftRange, shiftSqref, type Shift } from './refs';

export interface Cell {
  col: number;
  row: number;
  /** Attributes other than r, verbatim (leading space included), e.g. ` s="2" t="inlineStr"`. */
  attrs: string;
  /** Inner XML, verbatim ('' for an empty cell). */
  inner: string;
}

export interface Row {
  r: number;
  /** Attributes other than r and spans, verbatim. */
  attrs: string;
  cells: Cell[];
}

export class SheetDoc {
  head: string;
  tail: string;
  rows: Map<number, Row>;
  /** The tag name prefix used in the part ('' or 'x:'). */
  private readonly p: string;

  constructor(readonly xml: string, readonly name: string) {
    const open = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!open) throw new Error('no sheetData');
    this.p = open[1];
    this.head = xml.slice(0, open.index);
    if (open[2] === '/') {
      this.tail = xml.slice(open.index + open[0].length);
      this.rows = new Map();
      return;
    }
    const close = xml.indexOf(`</${this.p}sheetData>`, open.index);
    this.tail = xml.slice(close + `</${this.p}sheetData>`.length);
    this.rows = parseRows(xml.slice(open.index + open[0].length, close), this.p);
  }

  serialize(): string {
    const p = this.p;
    let body = '';
    let minC = Infinity;
    let maxC = 0;
    let minR = Infinity;
    let maxR = 0;
    for (const row of [...this.rows.values()].sort((a, b) => a.r - b.r)) {
      row.cells.sort((a, b) => a.col - b.col);
      const cells = row.cells
        .map((c) => {
          minC = Math.min(minC, c.col);
          maxC = Math.max(maxC, c.col);
          minR = Math.min(minR, c.row);
          maxR = Math.max(maxR, c.row);
          return c.inner ? `<${p}c r="${ref(c.col, c.row)}"${c.attrs}>${c.inner}</${p}c>` : `<${p}c r="${ref(c.col, c.row)}"${c.attrs}/>`;
        })
        .join('');
      const spans = row.cells.length ? ` spans="${row.cells[0].col}:${row.cells[row.cells.length - 1].col}"` : '';
      body += cells || row.attrs ? `<${p}row r="${row.r}"${spans}${row.attrs}>${cells}</${p}row>` : '';
    }
    const dimension = maxR ? (minR === maxR && minC === maxC ? ref(minC, minR) : `${ref(minC, minR)}:${ref(maxC, maxR)}`) : 'A1';
    const head = this.head.replace(/(<(?:\w+:)?dimension\b[^>]*\bref=")[^"]*(")/, `$1${dimension}$2`);
    return `${head}<${p}sheetData>${body}</${p}sheetData>${this.tail}`;
  }

  cell(a1: string): Cell | undefined {
    const { col, row } = parseRef(a1);
    return this.rows.get(row)?.cells.find((c) => c.col === col);
  }

  /** The cell's shown text for inline strings, numbers and formula strings (not shared strings). */
  text(a1: string, sst: readonly string[] = []): string | undefined {
    const c = this.cell(a1);
    return c ? cellText(c, sst) : undefined;
  }

  private put(col: number, row: number, attrs: string, inner: string): Cell {
    let r = this.rows.get(row);
    if (!r) {
      r = { r: row, attrs: '', cells: [] };
      this.rows.set(row, r);
    }
    let c = r.cells.find((x) => x.col === col);
    if (!c) {
      c = { col, row, attrs: '', inner: '' };
      r.cells.push(c);
    }
    c.attrs = attrs;
    c.inner = inner;
    return c;
  }

  /** The style attribute a typed value keeps: the cell's own, or the row's, or none. */
  private styleOf(col: number, row: number, style?: number): string {
    if (style !== undefined) return style ? ` s="${style}"` : '';
    const existing = this.rows.get(row)?.cells.find((c) => c.col === col);
    const s = existing ? attr(existing.attrs, 's') : undefined;
    return s && s !== '0' ? ` s="${s}"` : '';
  }

  setText(a1: string, text: string, style?: number): void {
    const { col, row } = parseRef(a1);
    this.put(col, row, `${this.styleOf(col, row, style)} t="inlineStr"`, `<${this.p}is><${this.p}t xml:space="preserve">${escapeXml(text)}</${this.p}t></${this.p}is>`);
  }

  setNumber(a1: string, n: number | string, style?: number): void {
    const { col, row } = parseRef(a1);
    this.put(col, row, this.styleOf(col, row, style), `<${this.p}v>${n}</${this.p}v>`);
  }

  setBool(a1: string, b: boolean, style?: number): void {
    const { col, row } = parseRef(a1);
    this.put(col, row, `${this.styleOf(col, row, style)} t="b"`, `<${this.p}v>${b ? 1 : 0}</${this.p}v>`);
  }

  /** A formula; `cached` a number, a string (t="str") or undefined (no cached value). */
  setFormula(a1: string, formula: string, cached?: number | string, style?: number, fAttrs = ''): void {
    const { col, row } = parseRef(a1);
    const t = typeof cached === 'string' ? ' t="str"' : '';
    const v = cached === undefined ? '' : `<${this.p}v>${typeof cached === 'string' ? escapeXml(cached) : cached}</${this.p}v>`;
    const f = formula ? `<${this.p}f${fAttrs}>${escapeXml(formula)}</${this.p}f>` : `<${this.p}f${fAttrs}/>`;
    this.put(col, row, `${this.styleOf(col, row, style)}${t}`, `${f}${v}`);
  }

  /** A raw cell. */
  setRaw(a1: string, attrs: string, inner: string): void {
    const { col, row } = parseRef(a1);
    this.put(col, row, attrs, inner);
  }

  /** Empties a cell's value, keeping its style (Delete key). */
  clear(a1: string): void {
    const { col, row } = parseRef(a1);
    const r = this.rows.get(row);
    const c = r?.cells.find((x) => x.col === col);
    if (!c) return;
    const s = attr(c.attrs, 's');
    c.attrs = s && s !== '0' ? ` s="${s}"` : '';
    c.inner = '';
  }

  maxRow(): number {
    return Math.max(0, ...[...this.rows.values()].filter((r) => r.cells.length).map((r) => r.r));
  }

  /** Inserts (count > 0) or deletes (count < 0) rows at `at`, as Excel does. */
  insertRows(at: number, count: number): void {
    this.apply({ axis: 'row', at, count });
  }

  insertCols(at: number, count: number): void {
    this.apply({ axis: 'col', at, count });
  }

  apply(s: Shift): void {
    const rows = new Map<number, Row>();
    const before = s.count > 0 && s.axis === 'row' ? this.rows.get(s.at - 1) : undefined;
    for (const row of this.rows.values()) {
      const r = s.axis === 'row' ? shiftIndex(row.r, s) : row.r;
      if (r === null) continue;
      const cells: Cell[] = [];
      for (const c of row.cells) {
        const col = s.axis === 'col' ? shiftIndex(c.col, s) : c.col;
        if (col === null) continue;
        cells.push({ col, row: r, attrs: c.attrs, inner: this.shiftInner(c.inner, s) });
      }
      if (s.axis === 'col' && s.count > 0) {
        // "Format same as left": a styled cell left of the insertion gives its style to the new cells.
        const left = row.cells.find((c) => c.col === s.at - 1);
        const st = left ? attr(left.attrs, 's') : undefined;
        if (st && st !== '0') for (let k = 0; k < s.count; k++) cells.push({ col: s.at + k, row: r, attrs: ` s="${st}"`, inner: '' });
      }
      rows.set(r, { r, attrs: row.attrs, cells });
    }
    if (before) {
      // "Format same as above" for inserted rows: styled cells only, no values.
      for (let k = 0; k < s.count; k++) {
        const r = s.at + k;
        const cells = before.cells
          .map((c) => attr(c.attrs, 's'))
          .map((st, i) => (st && st !== '0' ? { col: before.cells[i].col, row: r, attrs: ` s="${st}"`, inner: '' } : null))
          .filter((c): c is Cell => c !== null);
        if (cells.length) rows.set(r, { r, attrs: '', cells });
      }
    }
    this.rows = rows;
    this.head = this.shiftOutside(this.head, s);
    this.tail = this.shiftOutside(this.tail, s);
  }

  private shiftInner(inner: string, s: Shift): string {
    if (!inner.includes('f')) return inner;
    return inner.replace(/<((?:\w+:)?)f\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/g, (_m, p: string, a: string, end: string, text?: string) => {
      const attrs = a.replace(/\bref="([^"]*)"/, (_x, r: string) => `ref="${shiftRange(r, s) ?? r}"`);
      if (end === '/>') return `<${p}f${attrs}/>`;
      return `<${p}f${attrs}>${escapeXml(shiftFormula(decodeXml(text ?? ''), s, true, this.name))}</${p}f>`;
    });
  }

  /** Moves the references outside sheetData: dimension, views, cols, merges, formats, validations, links. */
  private shiftOutside(xml: string, s: Shift): string {
    let out = xml;
    // Column widths.
    if (s.axis === 'col') {
      out = out.replace(/<((?:\w+:)?)cols>([\s\S]*?)<\/(?:\w+:)?cols>/, (_m, p: string, body: string) => {
        const cols: string[] = [];
        for (const m of body.matchAll(/<(?:\w+:)?col\b([^>]*?)\/?>/g)) {
          const min = Number(attr(m[1], 'min'));
          const max = Number(attr(m[1], 'max'));
          const span = shiftSpanCols(min, max, s);
          if (!span) continue;
          cols.push(`<${p}col${m[1].replace(/\bmin="\d+"/, `min="${span[0]}"`).replace(/\bmax="\d+"/, `max="${span[1]}"`)}/>`);
        }
        return cols.length ? `<${p}cols>${cols.join('')}</${p}cols>` : '';
      });
    }
    // sqref / ref attributes on merges, formats, validations, hyperlinks, selections, panes, autoFilter.
    out = out.replace(/<((?:\w+:)?)mergeCell\b([^>]*?)\/>/g, (m, p: string, a: string) => {
      const r = shiftRange(attr(a, 'ref') ?? '', s);
      return r && r.includes(':') && !isSingleCell(r) ? `<${p}mergeCell ref="${r}"/>` : '';
    });
    out = out.replace(/<((?:\w+:)?)mergeCells\b[^>]*>([\s\S]*?)<\/(?:\w+:)?mergeCells>/, (_m, p: string, body: string) => {
      const n = (body.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length;
      return n ? `<${p}mergeCells count="${n}">${body}</${p}mergeCells>` : '';
    });
    out = out.replace(/<((?:\w+:)?)hyperlink\b([^>]*?)\/>/g, (_m, p: string, a: string) => {
      const r = shiftRange(attr(a, 'ref') ?? '', s);
      return r ? `<${p}hyperlink${a.replace(/\bref="[^"]*"/, `ref="${r}"`)}/>` : '';
    });
    out = out.replace(/<((?:\w+:)?)hyperlinks>(\s*)<\/(?:\w+:)?hyperlinks>/, '');
    out = out.replace(/<((?:\w+:)?)conditionalFormatting\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?conditionalFormatting>/g, (_m, p: string, a: string, body: string) => {
      const sq = shiftSqref(attr(a, 'sqref') ?? '', s);
      if (!sq) return '';
      const b = body.replace(/<((?:\w+:)?)formula>([\s\S]*?)<\/(?:\w+:)?formula>/g, (_x, q: string, f: string) => `<${q}formula>${escapeXml(shiftFormula(decodeXml(f), s, true, this.name))}</${q}formula>`);
      return `<${p}conditionalFormatting${a.replace(/\bsqref="[^"]*"/, `sqref="${sq}"`)}>${b}</${p}conditionalFormatting>`;
    });
    out = out.replace(/<((?:\w+:)?)dataValidation\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?dataValidation>/g, (_m, p: string, a: string, body: string) => {
      const sq = shiftSqref(attr(a, 'sqref') ?? '', s);
      if (!sq) return '';
      const b = body.replace(/<((?:\w+:)?)(formula[12])>([\s\S]*?)<\/(?:\w+:)?formula[12]>/g, (_x, q: string, tag: string, f: string) => `<${q}${tag}>${escapeXml(shiftFormula(decodeXml(f), s, true, this.name))}</${q}${tag}>`);
      return `<${p}dataValidation${a.replace(/\bsqref="[^"]*"/, `sqref="${sq}"`)}>${b}</${p}dataValidation>`;
    });
    out = out.replace(/<((?:\w+:)?)dataValidations\b[^>]*>([\s\S]*?)<\/(?:\w+:)?dataValidations>/, (_m, p: string, body: string) => {
      const n = (body.match(/<(?:\w+:)?dataValidation\b/g) ?? []).length;
      return n ? `<${p}dataValidations count="${n}">${body}</${p}dataValidations>` : '';
    });
    out = out.replace(/(<(?:\w+:)?selection\b[^>]*?\b)(activeCell="([^"]*)")/g, (m, pre: string, _a: string, cell: string) => `${pre}activeCell="${shiftRange(cell, s) ?? 'A1'}"`);
    out = out.replace(/(<(?:\w+:)?selection\b[^>]*?\b)(sqref="([^"]*)")/g, (m, pre: string, _a: string, sq: string) => `${pre}sqref="${shiftSqref(sq, s) || 'A1'}"`);
    out = out.replace(/(<(?:\w+:)?autoFilter\b[^>]*?\b)(ref="([^"]*)")/g, (m, pre: string, _a: string, r: string) => `${pre}ref="${shiftRange(r, s) ?? r}"`);
    return out;
  }

  /** Column of the header cell whose text is `text` in row `row` (inline strings or shared strings). */
  findInRow(row: number, text: string, sst: readonly string[] = []): number | undefined {
    return this.rows.get(row)?.cells.find((c) => cellText(c, sst) === text)?.col;
  }

  /** The first row holding a cell whose text is `text`. */
  findRow(text: string, sst: readonly string[] = []): { row: number; col: number } | undefined {
    for (const r of [...this.rows.values()].sort((a, b) => a.r - b.r)) {
      const c = r.cells.find((x) => cellText(x, sst) === text);
      if (c) return { row: r.r, col: c.col };
    }
    return undefined;
  }
}

function isSingleCell(r: string): boolean {
  const [a, b] = r.split(':');
  return a === b;
}

function shiftSpanCols(min: number, max: number, s: Shift): [number, number] | null {
  if (s.count > 0) return [min >= s.at ? min + s.count : min, max >= s.at ? max + s.count : max];
  const delEnd = s.at - s.count - 1;
  if (min >= s.at && max <= delEnd) return null;
  const a = min < s.at ? min : min > delEnd ? min + s.count : s.at;
  const b = max < s.at ? max : max > delEnd ? max + s.count : s.at - 1;
  return b < a ? null : [a, b];
}

export function parseRows(body: string, p = ''): Map<number, Row> {
  const rows = new Map<number, Row>();
  const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  let lastRow = 0;
  for (const m of body.matchAll(rowRe)) {
    const r = Number(attr(m[1], 'r') ?? lastRow + 1);
    lastRow = r;
    const attrs = m[1].replace(/\s+r="\d+"/, '').replace(/\s+spans="[^"]*"/, '');
    const cells: Cell[] = [];
    let lastCol = 0;
    for (const c of (m[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const a1 = attr(c[1], 'r');
      const col = a1 ? colNumber(/^[A-Z]+/i.exec(a1)![0]) : lastCol + 1;
      lastCol = col;
      cells.push({ col, row: r, attrs: c[1].replace(/\s+r="[^"]*"/, ''), inner: c[2] ?? '' });
    }
    rows.set(r, { r, attrs, cells });
  }
  void p;
  return rows;
}

/** The text a cell shows (strings, numbers as written, booleans as 0/1); undefined when empty. */
export function cellText(c: Cell, sst: readonly string[] = []): string | undefined {
  const t = attr(c.attrs, 't');
  if (t === 'inlineStr') {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(c.inner);
    return is ? richText(is[1]) : undefined;
  }
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(c.inner)?.[1];
  if (v === undefined) return undefined;
  if (t === 's') return sst[Number(v)];
  return decodeXml(v);
}

export function richText(xml: string): string {
  let text = '';
  for (const m of xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeXml(text);
}

export function parseSharedStrings(xml: string | undefined): { items: string[]; xml: string[] } {
  const items: string[] = [];
  const raw: string[] = [];
  if (!xml) return { items, xml: raw };
  for (const m of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) {
    items.push(m[1] ? richText(m[1]) : '');
    raw.push(m[0]);
  }
  return { items, xml: raw };
}

export { colName, colNumber, ref };
