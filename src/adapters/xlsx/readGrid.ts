/**
 * Reads cell values from an .xlsx package by scanning the sheet XML directly: requiring ExcelJS
 * alone costs more start-up time than the CLI's whole budget for reading a workbook.
 */
import type { Scalar, SheetGrid, WorkbookGrid } from '../../workbook/plan/types';
import { columnNumber } from '../../workbook/plan/address';
import { REL_TYPE, XlsxPackage, resolveTarget } from './package';
import { decodeCellText, decodeXml, parseAttributes } from './xml';

export { NotAWorkbookError } from './package';

export async function readXlsxGrid(data: Uint8Array, sheetNames?: readonly string[]): Promise<WorkbookGrid> {
  const pkg = await XlsxPackage.open(data);
  const entries = await pkg.sheets();
  const workbookRels = await pkg.relationships(pkg.workbookPart);
  const workbookXml = (await pkg.text(pkg.workbookPart)) ?? '';
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);

  const partOf = (type: string) => {
    const rel = workbookRels.find((r) => r.type === type);
    return rel ? resolveTarget(pkg.workbookPart, rel.target) : undefined;
  };
  const stylesPart = partOf(REL_TYPE.styles);
  const dateStyles = dateStyleIndexes(stylesPart ? await pkg.text(stylesPart) : undefined);
  let sharedStrings: string[] | undefined;
  const strings = async () => {
    if (!sharedStrings) {
      const part = partOf(REL_TYPE.sharedStrings);
      sharedStrings = parseSharedStrings(part ? await pkg.text(part) : undefined);
    }
    return sharedStrings;
  };

  const sheets = new Map<string, SheetGrid>();
  for (const entry of entries) {
    if (sheetNames && !sheetNames.includes(entry.name)) continue;
    // Chart sheets and dialog sheets have no cells.
    if (entry.relType !== REL_TYPE.worksheet || !entry.part) continue;
    const xml = (await pkg.text(entry.part)) ?? '';
    const sst = /\bt="s"/.test(xml) ? await strings() : [];
    const formulas: (string | null)[][] = [];
    const values = parseSheetValues(xml, sst, dateStyles, date1904, formulas);
    sheets.set(entry.name, formulas.length ? { name: entry.name, values, formulas } : { name: entry.name, values });
  }
  return { sheetNames: entries.map((e) => e.name), sheets };
}

const CELL_OR_ROW = /<(?:\w+:)?row\b([^>]*?)(\/?)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

function parseSheetValues(
  xml: string,
  sst: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
  formulas: (string | null)[][],
): Scalar[][] {
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  const end = xml.search(/<\/(?:\w+:)?sheetData>/);
  if (start < 0) return [];
  const data = xml.slice(start, end < 0 ? undefined : end);

  const rows: Scalar[][] = [];
  let width = 0;
  let row = 0;
  let column = 0;
  CELL_OR_ROW.lastIndex = 0;
  for (let m = CELL_OR_ROW.exec(data); m; m = CELL_OR_ROW.exec(data)) {
    if (m[1] !== undefined) {
      const r = /\br="(\d+)"/.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      continue;
    }
    const attributes = m[3];
    const ref = /\br="([A-Za-z]+)(\d+)"/.exec(attributes);
    if (ref) {
      column = columnNumber(ref[1]);
      row = Number(ref[2]);
    } else {
      column += 1; // r is optional: cells then follow one another
    }
    // Formulas people typed are kept as formulas when a sheet is rewritten (e.g. Handlingsplan).
    // A shared formula's secondary cells carry no text: they are read as values.
    const f = /<(?:\w+:)?f\b[^>]*>([\s\S]+?)<\/(?:\w+:)?f>/.exec(m[4] ?? '');
    if (f) (formulas[row - 1] ??= [])[column - 1] = decodeXml(f[1]);
    const value = cellValue(attributes, m[4] ?? '', sst, dateStyles, date1904);
    if (value === null) continue;
    (rows[row - 1] ??= [])[column - 1] = value;
    width = Math.max(width, column);
  }

  // A rectangle from A1 to the last value, empty cells null, as Excel's used range reads.
  const grid: Scalar[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const source = rows[r] ?? [];
    const line: Scalar[] = new Array(width);
    for (let c = 0; c < width; c++) line[c] = source[c] ?? null;
    grid.push(line);
  }
  return grid;
}

function cellValue(attributes: string, inner: string, sst: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean): Scalar {
  const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return is ? richText(is[1]) : null;
  }
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return sst[Number(v)] ?? null;
    case 'str':
      return decodeCellText(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return decodeXml(v);
    case 'd':
      return v.slice(0, 10);
  }
  const n = Number(v);
  if (!Number.isFinite(n)) return null;
  const s = /\bs="(\d+)"/.exec(attributes);
  return s && dateStyles.has(Number(s[1])) ? serialToDate(n, date1904) : n;
}

/** Plain text of a string item: its runs' text, without phonetic (rPh) runs. */
function richText(xml: string): string {
  const withoutPhonetic = xml.indexOf('rPh') >= 0 ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeCellText(text);
}

function parseSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const items: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) items.push(m[1] ? richText(m[1]) : '');
  return items;
}

/** Built-in number formats that show dates (14–17, 22; 27–36 and 50–58 are East Asian dates). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** cellXfs indexes whose number format shows a date. */
function dateStyleIndexes(xml: string | undefined): Set<number> {
  const result = new Set<number>();
  if (!xml) return result;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return result;
  let index = 0;
  for (const m of cellXfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)) result.add(index);
    index++;
  }
  return result;
}

/** A format shows a date when it has day or year tokens outside quotes, escapes and [colour] blocks. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dy]/i.test(bare);
}

function serialToDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial + 1e-9);
  // 1900 system: serial 1 = 1900-01-01, and Excel counts a non-existent 1900-02-29 (serial 60).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86400000).toISOString().slice(0, 10);
}
