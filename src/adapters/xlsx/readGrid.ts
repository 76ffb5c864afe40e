/**
 * Reads cell values from an .xlsx package by scanning the sheet XML directly: requiring ExcelJS
 * alone costs more start-up time than the CLI's whole budget for reading a workbook.
 *
 * The grids are sparse (only cells that hold something are set), and every scan is linear in the
 * XML, so one stray value at XFD1048576 or a damaged sheet costs nothing extra.
 */
import type { Scalar, SheetGrid, SheetObject, WorkbookGrid } from '../../workbook/plan/types';
import { OWNER_NAME } from '../../workbook/layout';
import { REL_TYPE, XlsxPackage, resolveTarget, type OpenOptions, type SheetEntry } from './package';
import { decodeCellText, decodeXml, nextTag, parseAttributes, rawAttribute, type XmlTag } from './xml';
import { BUILT_IN_DATE_FORMATS, isDateFormat } from './styles';

export { NotAWorkbookError } from './package';

/** Excel's sheet size: cells beyond it cannot exist, whatever a file says. */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

/** Sheet names compare as Excel compares them: case-insensitively. */
const sheetKey = (name: string) => name.toUpperCase();

export interface ReadOptions extends OpenOptions {
  /**
   * Sheets (of those asked for) whose cells the caller does not need once the sheet carries the
   * product's mark naming it: the sheets a computation replaces whole, for which ownerOf decides
   * from the mark alone. Such a sheet's cells are not parsed and it has no entry in `sheets`; it is
   * still in `sheetNames`, `owners` and `objects`, and its part is inflated and checked (CRC, limits)
   * as when it is read. Skipped only when the sheet the name finds is the one ownerOf finds and its
   * mark's value is that name (both compared case-insensitively, as ownerOf compares them); a sheet
   * without the mark, or with another sheet's mark, is read as usual.
   */
  readonly skipMarked?: readonly string[];
}

export async function readXlsxGrid(data: Uint8Array, sheetNames?: readonly string[], options: ReadOptions = {}): Promise<WorkbookGrid> {
  const pkg = await XlsxPackage.open(data, options);
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

  // Requested name → the workbook's sheet: the exact spelling first, else the same name in another case.
  const wanted = new Map<string, SheetEntry[]>();
  for (const name of sheetNames ?? entries.map((e) => e.name)) {
    const entry = entries.find((e) => e.name === name) ?? entries.find((e) => sheetKey(e.name) === sheetKey(name));
    if (!entry) continue;
    const keys = wanted.get(name) ?? [];
    if (!keys.includes(entry)) wanted.set(name, [...keys, entry]);
  }

  const owners = ownerMarks(workbookXml, entries);
  const lower = (name: string) => name.toLowerCase();
  // The requested names whose cells may be skipped: the sheet found is ownerOf's and carries its own mark.
  const skippable = new Set<string>();
  for (const name of options.skipMarked ?? []) {
    const found = wanted.get(name);
    const ownersPick = entries.find((e) => lower(e.name) === lower(name));
    const mark = ownersPick ? owners.get(ownersPick.name) : undefined;
    if (found?.length === 1 && found[0] === ownersPick && mark !== undefined && lower(mark) === lower(name)) skippable.add(name);
  }

  const sheets = new Map<string, SheetGrid>();
  const objects = new Map<string, readonly SheetObject[]>();
  const read = new Map<SheetEntry, { grid: SheetGrid; objects: SheetObject[] }>();
  for (const entry of entries) {
    const keys = [...wanted].filter(([, e]) => e.includes(entry)).map(([name]) => name);
    if (keys.length === 0) continue;
    // Chart sheets and dialog sheets have no cells.
    if (entry.relType !== REL_TYPE.worksheet || !entry.part) continue;
    if (keys.every((key) => skippable.has(key))) {
      // Inflated and checked as when it is read (so a damaged part, or shared strings, fail here as
      // before); only the cells are not parsed.
      const xml = (await pkg.text(entry.part)) ?? '';
      if (xml.indexOf('t="s"') >= 0 || xml.indexOf("t='s'") >= 0) await strings();
      const drawn = await sheetObjects(pkg, entry.part);
      if (drawn.length) for (const key of keys) objects.set(key, drawn);
      continue;
    }
    let done = read.get(entry);
    if (!done) {
      const xml = (await pkg.text(entry.part)) ?? '';
      const sst = xml.indexOf('t="s"') >= 0 || xml.indexOf("t='s'") >= 0 ? await strings() : [];
      const { values, formulas } = parseSheetCells(xml, sst, dateStyles, date1904);
      done = { grid: { name: entry.name, values, formulas }, objects: await sheetObjects(pkg, entry.part) };
      read.set(entry, done);
    }
    for (const key of keys) {
      sheets.set(key, done.grid);
      if (done.objects.length) objects.set(key, done.objects);
    }
  }
  return {
    sheetNames: entries.map((e) => e.name),
    sheets,
    ...(owners.size ? { owners } : {}),
    ...(objects.size ? { objects } : {}),
  };
}

/**
 * A cell as the product, Excel and LibreOffice write most of them, matched at one position (sticky):
 * `<c r="B5" s="16"><v>1</v></c>`, `<c r="A5" s="15" t="inlineStr"><is><t xml:space="preserve">Q01</t></is></c>`
 * or an empty formatted cell `<c r="C5" s="2"/>`; unprefixed, r first, attribute values without
 * quotes, '<' or '>', no formula. For such a cell the
 * scan in parseSheetCells finds the same tag, the same closing tag and the same <v> or <is><t> (see
 * cellParts and richText), so it is read the same; anything else (another order, a prefix, a formula,
 * rich text, a row past 9999999) is left to that scan. Groups: 1 the attributes as nextTag gives
 * them, 2 <v>'s text, 3 <t>'s text (neither: an empty cell); the reference is read from the XML
 * after `<c r="` (no strings made for it).
 */
const SIMPLE_CELL = /<c( r="[A-Z]{1,3}[1-9]\d{0,6}"(?: [\w:.-]+="[^"<>]*")*)(?:\/>|>(?:<v>([^<]*)<\/v>|<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>)<\/c>)/y;
/** `<row r="5" …>` (or `…/>`), r first and all digits, values without quotes, '<' or '>': group 1 is r. */
const SIMPLE_ROW = /<row r="(\d+)"(?: [\w:.-]+="[^"<>]*")*\/?>/y;

/**
 * The cells of a sheet, sparse: a row or cell that holds nothing is a hole. Formulas are their
 * text without '=', '' for a cell that does not store its formula (a shared formula's secondary
 * cells); a formula without a cached value has no value.
 */
function parseSheetCells(
  xml: string,
  sst: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): { values: Scalar[][]; formulas: (string | null)[][] } {
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return { values, formulas };
  const closeAt = xml.search(/<\/(?:\w+:)?sheetData>/);
  const end = closeAt < 0 ? xml.length : closeAt;

  let row = 0;
  let column = 0;
  let pos = start;
  for (;;) {
    // The common shapes first (see SIMPLE_CELL): one native regex match instead of the scan below.
    if (pos < end && xml.charCodeAt(pos) === 60 /* < */) {
      const c = xml.charCodeAt(pos + 1);
      if (c === 99 /* c */) {
        SIMPLE_CELL.lastIndex = pos;
        const m = SIMPLE_CELL.exec(xml);
        if (m !== null) {
          // The letters, then the digits up to the quote, as the match found them (A = 1, as refColumn counts).
          let at = pos + 6;
          column = 0;
          for (let ch = xml.charCodeAt(at); ch >= 65; ch = xml.charCodeAt(++at)) column = column * 26 + (ch - 64);
          row = 0;
          for (let ch = xml.charCodeAt(at); ch !== 34; ch = xml.charCodeAt(++at)) row = row * 10 + (ch - 48);
          pos = SIMPLE_CELL.lastIndex;
          if (row > MAX_ROWS || column > MAX_COLUMNS) continue;
          let value: Scalar = null;
          if (m[2] !== undefined) value = cellValue(m[1], { v: m[2] }, sst, dateStyles, date1904);
          else if (m[3] !== undefined) value = rawAttribute(m[1], 't') === 'inlineStr' ? decodeCellText(m[3]) : null;
          if (value !== null) (values[row - 1] ??= [])[column - 1] = value;
          continue;
        }
      } else if (c === 114 /* r */) {
        SIMPLE_ROW.lastIndex = pos;
        const m = SIMPLE_ROW.exec(xml);
        if (m !== null) {
          pos = SIMPLE_ROW.lastIndex;
          row = Number(m[1]);
          column = 0;
          continue;
        }
      } else if (c === 47 /* / */ && xml.startsWith('</row>', pos)) {
        pos += 6;
        continue;
      }
    }
    const tag = nextTag(xml, pos, end);
    if (!tag) break;
    pos = tag.end;
    if (tag.closing) continue;
    if (tag.local === 'row') {
      const r = rawAttribute(tag.attributes, 'r');
      row = r !== undefined && isDigits(r) ? Number(r) : row + 1;
      column = 0;
      continue;
    }
    if (tag.local !== 'c') continue;
    let inner = '';
    if (!tag.selfClosing) {
      const close = closingTag(xml, tag.qname, tag.end, end);
      inner = xml.slice(tag.end, close < 0 ? end : close);
      pos = close < 0 ? end : close + tag.qname.length + 3;
    }
    const ref = rawAttribute(tag.attributes, 'r');
    const digits = ref !== undefined ? refDigits(ref) : -1;
    if (digits > 0) {
      column = refColumn(ref!, digits);
      row = Number(ref!.slice(digits));
    } else {
      column += 1; // r is optional: cells then follow one another
    }
    if (row < 1 || row > MAX_ROWS || column < 1 || column > MAX_COLUMNS || inner === '') continue;
    const cell = cellParts(inner);
    if (cell.formula !== undefined) (formulas[row - 1] ??= [])[column - 1] = cell.formula;
    const value = cellValue(tag.attributes, cell, sst, dateStyles, date1904);
    if (value !== null) (values[row - 1] ??= [])[column - 1] = value;
  }
  return { values, formulas };
}

const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 58 || c === 95 || c === 45 || c === 46 || c > 127;

/**
 * closingTagIndex (xml.ts) for content that starts just after a start tag's '>', as every scan
 * here has it: the same index, found by looking only at "<name" and "</name" rather than at every
 * occurrence of the name (a cell's "c" or a run's "t" is in most words of its text).
 */
function closingTag(xml: string, qname: string, from: number, to: number = xml.length): number {
  const open = `<${qname}`;
  const close = `</${qname}`;
  let depth = 0;
  let pos = from;
  let nextOpen = xml.indexOf(open, pos);
  let nextClose = xml.indexOf(close, pos);
  for (;;) {
    if (nextOpen >= 0 && nextOpen < pos) nextOpen = xml.indexOf(open, pos);
    if (nextClose >= 0 && nextClose < pos) nextClose = xml.indexOf(close, pos);
    const closing = nextClose >= 0 && (nextOpen < 0 || nextClose < nextOpen);
    const at = closing ? nextClose : nextOpen;
    if (at < 0) return -1;
    const name = at + (closing ? 2 : 1);
    if (name >= to) return -1;
    pos = name + qname.length;
    if (isNameChar(xml.charCodeAt(pos))) continue; // "<cols" is not "<c"
    if (closing) {
      if (depth === 0) return at;
      depth--;
    } else {
      const tag = nextTag(xml, at, to);
      if (!tag) return -1;
      if (!tag.selfClosing) depth++;
      pos = tag.end;
    }
  }
}

/** /^\d+$/.test(text.slice(from)) */
function isDigits(text: string, from = 0): boolean {
  if (text.length <= from) return false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Where the row's digits start in an A1 reference as /^\$?([A-Za-z]{1,3})\$?(\d+)$/ reads it; -1 when it is none. */
function refDigits(ref: string): number {
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  const letters = i;
  while (i < ref.length && i - letters < 3 && isLetter(ref.charCodeAt(i))) i++;
  if (i === letters) return -1;
  if (ref.charCodeAt(i) === 36) i++;
  return isDigits(ref, i) ? i : -1;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The column number of a reference's letters, those before `end` ('$' skipped): columnNumber's. */
function refColumn(ref: string, end: number): number {
  let column = 0;
  for (let i = 0; i < end; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case ('$' is skipped below)
    if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
  }
  return column;
}

interface CellParts {
  /** The formula's text without '=', '' when the cell has an <f> without text. */
  readonly formula?: string;
  /** The raw text of <v>. */
  readonly v?: string;
  /** The raw content of <is> (an inline string). */
  readonly is?: string;
}

function cellParts(inner: string): CellParts {
  // Most cells hold one <v> or one <is>: what the loop below finds in them, found directly.
  if (inner.charCodeAt(1) === 118 /* v */) {
    const v = soleContent(inner, '<v>', '<v', '</v');
    if (v !== undefined) return { v };
  } else {
    const is = soleContent(inner, '<is>', '<is', '</is');
    if (is !== undefined) return { is };
  }
  return cellPartsScanned(inner);
}

/**
 * The content of `xml` when it is exactly <name>content</name> (start is "<name>", open "<name",
 * close "</name") with no other "<name" or "</name" in the content, so that the scan would end the
 * element at the end; undefined otherwise.
 */
function soleContent(xml: string, start: string, open: string, close: string): string | undefined {
  const from = start.length;
  const to = xml.length - close.length - 1;
  if (to < from || !xml.startsWith(start) || xml.charCodeAt(xml.length - 1) !== 62 /* > */) return undefined;
  if (xml.indexOf(open, from) >= 0 || xml.indexOf(close, from) !== to) return undefined;
  return xml.slice(from, to);
}

function cellPartsScanned(inner: string): CellParts {
  let formula: string | undefined;
  let v: string | undefined;
  let is: string | undefined;
  let pos = 0;
  for (let tag = nextTag(inner, pos); tag; tag = nextTag(inner, pos)) {
    pos = tag.end;
    if (tag.closing || (tag.local !== 'f' && tag.local !== 'v' && tag.local !== 'is')) continue;
    let content = '';
    if (!tag.selfClosing) {
      const close = closingTag(inner, tag.qname, tag.end);
      content = inner.slice(tag.end, close < 0 ? inner.length : close);
      pos = close < 0 ? inner.length : close;
    }
    if (tag.local === 'f' && formula === undefined) formula = decodeXml(content).replace(/^=/, '');
    else if (tag.local === 'v' && v === undefined) v = content;
    else if (tag.local === 'is' && is === undefined) is = content;
  }
  return { formula, v, is };
}

function cellValue(attributes: string, cell: CellParts, sst: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean): Scalar {
  const type = rawAttribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') return cell.is !== undefined ? richText(cell.is) : null;
  const v = cell.v;
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
      // An ISO 8601 date as text; anything else is kept as the text it is.
      return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : decodeXml(v);
  }
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) return null;
  const s = rawAttribute(attributes, 's');
  return s !== undefined && dateStyles.has(Number(s)) ? (serialToDate(n, date1904) ?? n) : n;
}

/** Plain text of a string item: its runs' text, without phonetic (rPh) runs. */
function richText(xml: string): string {
  // One run, <t>…</t> (with attributes or not) and nothing after it: its text, as the loop finds it.
  const first = nextTag(xml, 0);
  if (first && first.qname === 't' && !first.closing && !first.selfClosing) {
    const lt = xml.indexOf('<', first.end);
    if (lt === xml.length - 4 && xml.endsWith('</t>')) return decodeCellText(xml.slice(first.end, lt));
  }
  let text = '';
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing || tag.selfClosing || (tag.local !== 't' && tag.local !== 'rPh')) continue;
    const close = closingTag(xml, tag.qname, tag.end);
    if (close < 0) break;
    if (tag.local === 't') text += xml.slice(tag.end, close);
    pos = close;
  }
  return decodeCellText(text);
}

function parseSharedStrings(xml: string | undefined): string[] {
  const items: string[] = [];
  if (!xml) return items;
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing || tag.local !== 'si') continue;
    if (tag.selfClosing) {
      items.push('');
      continue;
    }
    const close = closingTag(xml, tag.qname, tag.end);
    if (close < 0) break;
    items.push(richText(xml.slice(tag.end, close)));
    pos = close;
  }
  return items;
}


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


const DAY_MS = 86400000;
const LAST_DAY = Date.UTC(9999, 11, 31);

/**
 * 'YYYY-MM-DD' for a serial Excel shows as a date, undefined for one it cannot (it then shows
 * ##### or, for 1900's serial 0, "1900-01-00"): negative serials, 0 and the non-existent
 * 1900-02-29 (serial 60) in the 1900 system, and anything after 9999-12-31 (e.g. 20270115 typed
 * into a date cell). The caller keeps those as the plain number.
 */
function serialToDate(serial: number, date1904: boolean): string | undefined {
  const days = Math.floor(serial + 1e-9);
  if (days < 0) return undefined;
  if (!date1904 && (days === 0 || days === 60)) return undefined;
  // 1900 system: serial 1 = 1900-01-01, and Excel counts a non-existent 1900-02-29 (serial 60).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = epoch + days * DAY_MS;
  if (ms > LAST_DAY) return undefined;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The product's marks (see OWNER_NAME): sheet-scoped defined names whose value is a string constant,
 * as workbook sheet name → value. Defined names compare case-insensitively, as in Excel.
 */
function ownerMarks(workbookXml: string, entries: readonly SheetEntry[]): Map<string, string> {
  const owners = new Map<string, string>();
  const start = workbookXml.search(/<(?:\w+:)?definedNames\b/);
  if (start < 0) return owners;
  const wantedName = OWNER_NAME.toUpperCase();
  let pos = start;
  for (let tag = nextTag(workbookXml, pos); tag; tag = nextTag(workbookXml, pos)) {
    pos = tag.end;
    if (tag.closing && tag.local === 'definedNames') break;
    if (tag.closing || tag.selfClosing || tag.local !== 'definedName') continue;
    const close = closingTag(workbookXml, tag.qname, tag.end);
    if (close < 0) break;
    pos = close;
    const a = parseAttributes(tag.attributes);
    if ((a.name ?? '').toUpperCase() !== wantedName || a.localSheetId === undefined || !/^\d+$/.test(a.localSheetId)) continue;
    const sheet = entries[Number(a.localSheetId)];
    const value = stringConstant(decodeXml(workbookXml.slice(tag.end, close)));
    if (sheet && value !== undefined && !owners.has(sheet.name)) owners.set(sheet.name, value);
  }
  return owners;
}

/** The text of a formula that is only a string constant (`"Handlingsplan"`, `""` inside = one quote). */
function stringConstant(formula: string): string | undefined {
  const m = /^\s*=?\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

const ANCHORS = new Set(['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor']);
const SHAPES = new Set(['sp', 'grpSp', 'cxnSp', 'contentPart']);
const CHART_URI = /drawingml\/2006\/chart|drawing\/2014\/chartex/;

/** What is drawn on a sheet: one object per anchor in its drawing part (the charts, pictures and shapes a user sees). */
async function sheetObjects(pkg: XlsxPackage, sheetPart: string): Promise<SheetObject[]> {
  const found: SheetObject[] = [];
  for (const rel of await pkg.relationships(sheetPart)) {
    if (rel.type !== REL_TYPE.drawing || rel.external) continue;
    const xml = await pkg.text(resolveTarget(sheetPart, rel.target));
    if (xml) found.push(...drawingObjects(withoutFallbacks(xml)));
  }
  return found;
}

function drawingObjects(xml: string): SheetObject[] {
  const found: SheetObject[] = [];
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing || tag.selfClosing || !ANCHORS.has(tag.local)) continue;
    const close = closingTag(xml, tag.qname, tag.end);
    const anchor = xml.slice(tag.end, close < 0 ? xml.length : close);
    pos = close < 0 ? xml.length : close;
    const object = anchorObject(anchor);
    if (object) found.push(object);
  }
  return found;
}

/** The object an anchor holds: its first sp, grpSp, cxnSp, contentPart, pic or graphicFrame, named by its cNvPr. */
function anchorObject(anchor: string): SheetObject | undefined {
  let object: XmlTag | undefined;
  let pos = 0;
  for (let tag = nextTag(anchor, pos); tag; tag = nextTag(anchor, pos)) {
    pos = tag.end;
    if (tag.closing) continue;
    if (!object && (SHAPES.has(tag.local) || tag.local === 'pic' || tag.local === 'graphicFrame')) {
      object = tag;
      continue;
    }
    if (object && tag.local === 'cNvPr') {
      const name = parseAttributes(tag.attributes).name ?? '';
      if (object.local === 'pic') return { kind: 'picture', name };
      if (object.local !== 'graphicFrame') return { kind: 'shape', name };
      const graphicData = /<(?:\w+:)?graphicData\b[^>]*\buri="([^"]*)"/.exec(anchor.slice(pos));
      return { kind: graphicData && CHART_URI.test(graphicData[1]) ? 'chart' : 'shape', name };
    }
  }
  return object ? { kind: object.local === 'pic' ? 'picture' : 'shape', name: '' } : undefined;
}

/** The drawing without mc:Fallback content, so an object written twice (Choice and Fallback) counts once. */
function withoutFallbacks(xml: string): string {
  if (xml.indexOf('Fallback') < 0) return xml;
  let out = '';
  let copied = 0;
  let pos = 0;
  for (let tag = nextTag(xml, pos); tag; tag = nextTag(xml, pos)) {
    pos = tag.end;
    if (tag.closing || tag.selfClosing || tag.local !== 'Fallback') continue;
    const close = closingTag(xml, tag.qname, tag.end);
    out += xml.slice(copied, tag.end);
    copied = pos = close < 0 ? xml.length : close;
  }
  return out + xml.slice(copied);
}
