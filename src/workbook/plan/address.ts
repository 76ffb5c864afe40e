/** A1 addresses. Rows and columns are 1-based, as Excel numbers them. */

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

export function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]), column: lettersNumber(m[1]) };
}

/** columnNumber of one to three ASCII letters (what parseCell matched), without a string iterator. */
function lettersNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseRange(range: string): Box {
  const [a, b = a] = range.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}

export function rangeAddress(box: Box): string {
  const a = cellAddress(box.top, box.left);
  const b = cellAddress(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** "'Nivå 1'!$A$2:$A$5": absolute, with the sheet name quoted as formulas need it. */
export function absoluteRef(sheet: string, range: string): string {
  const box = parseRange(range);
  const abs = (r: number, c: number) => `$${columnName(c)}$${r}`;
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const a = abs(box.top, box.left);
  const b = abs(box.bottom, box.right);
  return `${quoted}!${a === b ? a : `${a}:${b}`}`;
}
