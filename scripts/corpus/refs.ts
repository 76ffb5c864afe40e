/**
 * A1 references and how Excel moves them when rows or columns are inserted or deleted.
 */

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function ref(col: number, row: number): string {
  return `${colName(col)}${row}`;
}

export function parseRef(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell reference: ${a1}`);
  return { col: colNumber(m[1]), row: Number(m[2]) };
}

/** One structural edit: `count` rows (or columns) inserted (count > 0) or deleted (count < 0) at `at`. */
export interface Shift {
  readonly axis: 'row' | 'col';
  readonly at: number;
  readonly count: number;
}

/** The new index of `n`, or null when it was deleted. */
export function shiftIndex(n: number, s: Shift): number | null {
  if (s.count > 0) return n >= s.at ? n + s.count : n;
  const end = s.at - s.count; // first index after the deleted block
  if (n < s.at) return n;
  if (n >= end) return n + s.count;
  return null;
}

/** A range's new [start, end] on one axis; deletions shrink it; null when it is deleted whole. */
export function shiftSpan(start: number, end: number, s: Shift): [number, number] | null {
  if (s.count > 0) return [start >= s.at ? start + s.count : start, end >= s.at ? end + s.count : end];
  const delEnd = s.at - s.count - 1;
  if (start >= s.at && end <= delEnd) return null;
  const a = start < s.at ? start : start > delEnd ? start + s.count : s.at;
  const b = end < s.at ? end : end > delEnd ? end + s.count : s.at - 1;
  return b < a ? null : [a, b];
}

const MAX = { row: 1048576, col: 16384 };

/** Shifts a range "A1:C3" or a cell "B2" (no sheet, no $ handling needed); null when deleted. */
export function shiftRange(range: string, s: Shift): string | null {
  const [a, b] = range.split(':');
  const p = parseRef(a);
  const q = b ? parseRef(b) : p;
  let c0 = p.col;
  let c1 = q.col;
  let r0 = p.row;
  let r1 = q.row;
  if (s.axis === 'row') {
    const span = shiftSpan(r0, r1, s);
    if (!span) return null;
    [r0, r1] = span;
  } else {
    const span = shiftSpan(c0, c1, s);
    if (!span) return null;
    [c0, c1] = span;
  }
  if (r1 > MAX.row || c1 > MAX.col) return null;
  const first = ref(c0, r0);
  return b ? `${first}:${ref(c1, r1)}` : first;
}

/** Shifts every range in a space-separated sqref; ranges deleted whole are dropped ('' if all are). */
export function shiftSqref(sqref: string, s: Shift): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => shiftRange(r.replace(/\$/g, ''), s))
    .filter((r): r is string => r !== null)
    .join(' ');
}

/**
 * Shifts the references of a formula as Excel does when rows/columns of `sheet` move.
 * `own` = the formula lives on that sheet (unqualified references move); references qualified
 * with another sheet's name stay. String literals are left alone. A deleted single reference
 * becomes #REF!.
 */
export function shiftFormula(formula: string, s: Shift, own: boolean, sheet: string): string {
  let out = '';
  let i = 0;
  const refPattern = /^((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w(!])/;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      let j = end < 0 ? formula.length : end + 1;
      while (formula[j] === '"') {
        const next = formula.indexOf('"', j + 1);
        j = next < 0 ? formula.length : next + 1;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!/[\w.$\u00C0-\uFFFF]/.test(prev)) {
      const m = refPattern.exec(formula.slice(i));
      if (m) {
        const qualifier = m[1];
        const body = m[2];
        const target = qualifier ? qualifier.slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined;
        const moves = target === undefined ? own : target.toLowerCase() === sheet.toLowerCase();
        out += (qualifier ?? '') + (moves ? shiftFormulaRef(body, s) : body);
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function shiftFormulaRef(body: string, s: Shift): string {
  // Whole rows "3:5" or whole columns "A:C".
  const rows = /^(\$?)(\d+):(\$?)(\d+)$/.exec(body);
  if (rows) {
    if (s.axis !== 'row') return body;
    const span = shiftSpan(Number(rows[2]), Number(rows[4]), s);
    return span ? `${rows[1]}${span[0]}:${rows[3]}${span[1]}` : '#REF!';
  }
  const cols = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})$/.exec(body);
  if (cols) {
    if (s.axis !== 'col') return body;
    const span = shiftSpan(colNumber(cols[2]), colNumber(cols[4]), s);
    return span ? `${cols[1]}${colName(span[0])}:${cols[3]}${colName(span[1])}` : '#REF!';
  }
  const parts = body.split(':').map((p) => /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(p)!);
  const [a, b] = parts;
  let c0 = colNumber(a[2]);
  let r0 = Number(a[4]);
  let c1 = b ? colNumber(b[2]) : c0;
  let r1 = b ? Number(b[4]) : r0;
  if (s.axis === 'row') {
    const span = b ? shiftSpan(r0, r1, s) : ((x) => (x === null ? null : ([x, x] as [number, number])))(shiftIndex(r0, s));
    if (!span) return '#REF!';
    [r0, r1] = span;
  } else {
    const span = b ? shiftSpan(c0, c1, s) : ((x) => (x === null ? null : ([x, x] as [number, number])))(shiftIndex(c0, s));
    if (!span) return '#REF!';
    [c0, c1] = span;
  }
  const first = `${a[1]}${colName(c0)}${a[3]}${r0}`;
  return b ? `${first}:${b[1]}${colName(c1)}${b[3]}${r1}` : first;
}
