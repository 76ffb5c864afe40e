/**
 * Update mode: patches an existing worksheet part instead of writing it anew. Only the cells the
 * plan names change; every other row, cell, column, merge, note, link, validation, conditional
 * format, formula, drawing and extension keeps its exact bytes. One pass over the sheet XML (rows
 * without changes are copied as slices, never parsed), so a cell at XFD1048576 costs nothing.
 */
import { cellAddress, columnNumber, parseRange, rangeAddress, type Box } from '../../workbook/plan/address';
import type { CellInput, ConditionalFormatOp } from '../../workbook/plan/types';
import { RELATIONSHIPS_NS, REL_TYPE, freeRelationshipId, type Relationship } from './package';
import { LINK_STYLE, keyColumn, keyRow, type CellModel } from './sheetModels';
import { cellXml } from './sheetXml';
import { DATE_FORMAT, type ResolvedStyle, type StyleSheet } from './styles';
import { applyEdits, childElements, escapeRegExp, startTagPattern, type Edit, type ElementSpan } from './xmlScan';
import { attributeByLocalName, decodeXml, element, escapeText, parseAttributes } from './xml';

/** Why a cell the plan names was left as it was. */
export type SkipReason = 'shared-formula' | 'array-formula' | 'table-header';

export interface SkippedCell {
  readonly sheet: string;
  /** A1 address, e.g. "H27" */
  readonly cell: string;
  readonly reason: SkipReason;
}

/** A table on the sheet: its header cells must keep the column names (Excel repairs otherwise). */
export interface TableHeader {
  readonly row: number;
  readonly left: number;
  readonly names: readonly string[];
}

export interface PatchContext {
  /** The sheet's name, for the skipped-cell report. */
  readonly sheet: string;
  readonly styles: StyleSheet;
  /** The sheet part's relationships (external hyperlinks are added here). */
  readonly rels: readonly Relationship[];
  readonly tables: readonly TableHeader[];
  readonly conditionalFormats: readonly ConditionalFormatOp[];
  /** dxf index for each conditional format, in order. */
  readonly dxfIds: readonly number[];
  /** The workbook counts dates in the 1904 system. */
  readonly date1904?: boolean;
}

export interface PatchResult {
  readonly xml: string;
  readonly rels: readonly Relationship[];
  readonly skipped: readonly SkippedCell[];
  /** A cell that held a formula holds a value now: a calcChain would list a cell without a formula. */
  readonly formulaRemoved: boolean;
  /** A formula was written without a cached result. */
  readonly needsRecalc: boolean;
}

/** CT_Worksheet child order (ECMA-376 part 1, 18.3.1.99), to insert an element the sheet lacks. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture',
  'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

interface Write {
  readonly row: number;
  readonly column: number;
  readonly cell: CellModel;
}

export function patchSheetXml(xml: string, cells: ReadonlyMap<number, CellModel>, context: PatchContext): PatchResult {
  const root = /<(\w+:)?worksheet(?=[\s>])(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(xml);
  if (!root) throw new Error(`Sheet "${context.sheet}": the worksheet part has no <worksheet> element.`);
  const p = root[1] ?? '';
  const rootEnd = root.index + root[0].length;
  const rootClose = xml.lastIndexOf(`</${p}worksheet>`);
  if (rootClose < rootEnd) throw new Error(`Sheet "${context.sheet}": the worksheet part is not well-formed.`);
  // sheetData is skipped over, not tokenized: it is most of the part.
  const children = childElements(xml, rootEnd, rootClose, new Set([`${p}sheetData`])).filter((c) => c.prefix === p);
  const sheetData = children.find((c) => c.local === 'sheetData');
  const sheetDataText = sheetData ? xml.slice(sheetData.start, sheetData.end) : '';
  if (!sheetData || !(sheetDataText.endsWith(`</${p}sheetData>`) || /^<[^>]*\/>$/.test(sheetDataText))) {
    throw new Error(`Sheet "${context.sheet}": the worksheet part has no well-formed <sheetData>.`);
  }
  const rPrefix = new RegExp(`xmlns:(\\w+)="${escapeRegExp(RELATIONSHIPS_NS)}"`).exec(root[0])?.[1];

  const patcher = new SheetDataPatcher(xml, p, sheetData, context, columnStyles(xml, children.find((c) => c.local === 'cols')));
  const writes = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([key, cell]) => ({ row: keyRow(key), column: keyColumn(key), cell }));
  const edits: Edit[] = [];
  const sheetDataXml = patcher.patch(writes);
  if (sheetDataXml !== xml.slice(sheetData.start, sheetData.end)) edits.push({ start: sheetData.start, end: sheetData.end, text: sheetDataXml });

  const insertAt = (local: string) => {
    const order = WORKSHEET_ORDER.indexOf(local);
    const next = children.find((c) => WORKSHEET_ORDER.indexOf(c.local) > order);
    return next ? next.start : rootClose;
  };

  const dimension = children.find((c) => c.local === 'dimension');
  if (dimension && patcher.written) edits.push(...dimensionEdit(xml, dimension, patcher.written));

  edits.push(...conditionalFormatEdits(xml, p, children, context, insertAt));

  const links = hyperlinkEdits(xml, p, rPrefix, children, patcher.links, context.rels, insertAt);
  edits.push(...links.edits);

  return {
    xml: applyEdits(xml, edits),
    rels: links.rels,
    skipped: patcher.skipped,
    formulaRemoved: patcher.formulaRemoved,
    needsRecalc: patcher.needsRecalc,
  };
}

/** Column styles from <cols>: the format of cells that do not exist yet in a column. */
function columnStyles(xml: string, cols: ElementSpan | undefined): (column: number) => number | undefined {
  if (!cols) return () => undefined;
  const ranges: { min: number; max: number; style: number }[] = [];
  for (const m of xml.slice(cols.start, cols.end).matchAll(/<(?:\w+:)?col(?=[\s/>])([^>]*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    if (a.style !== undefined && Number(a.style) > 0) ranges.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) });
  }
  return (column) => ranges.find((r) => r.min <= column && column <= r.max)?.style;
}

const R_ATTRIBUTE = /(?:^|\s)r\s*=\s*["']\$?([A-Za-z]{1,3})?\$?(\d+)["']/;

/** Walks <sheetData> row by row, rewriting only the rows that get a written cell. */
class SheetDataPatcher {
  readonly skipped: SkippedCell[] = [];
  formulaRemoved = false;
  needsRecalc = false;
  /** The box of the cells written, for <dimension>. */
  written: Box | undefined;
  /** Cells written with a hyperlink value. */
  readonly links: { ref: string; link: string; text: string }[] = [];
  private readonly arrayRanges: Box[];

  constructor(
    private readonly xml: string,
    private readonly p: string,
    private readonly sheetData: ElementSpan,
    private readonly context: PatchContext,
    private readonly columnStyle: (column: number) => number | undefined,
  ) {
    this.arrayRanges = multiCellArrayRanges(xml, sheetData);
  }

  patch(writes: readonly Write[]): string {
    const { xml, p, sheetData } = this;
    const open = startTagPattern(`${p}sheetData`, 'y');
    open.lastIndex = sheetData.start;
    const start = open.exec(xml)!;
    const selfClosing = start[2] === '/';
    if (writes.length === 0) return xml.slice(sheetData.start, sheetData.end);
    const rows = groupByRow(writes);
    const contentStart = sheetData.start + start[0].length;
    const contentEnd = selfClosing ? contentStart : sheetData.end - `</${p}sheetData>`.length;
    const out: string[] = [selfClosing ? start[0].replace(/\s*\/>$/, '>') : start[0]];
    let copied = contentStart;
    let previousRow = 0;
    let next = 0;
    const rowTag = startTagPattern(`${p}row`);
    const rowClose = `</${p}row>`;
    rowTag.lastIndex = contentStart;
    for (let m = rowTag.exec(xml); m && m.index < contentEnd; m = rowTag.exec(xml)) {
      const r = R_ATTRIBUTE.exec(m[1]);
      const rowNumber = r ? Number(r[2]) : previousRow + 1; // r is optional: rows then follow one another
      const end = m[2] === '/' ? m.index + m[0].length : closeAfter(xml, rowClose, m.index, this.context.sheet);
      while (next < rows.length && rows[next].row < rowNumber) {
        out.push(xml.slice(copied, m.index), this.newRow(rows[next]));
        copied = m.index;
        next++;
      }
      if (next < rows.length && rows[next].row === rowNumber) {
        out.push(xml.slice(copied, m.index), this.patchRow(m, end, rows[next]));
        copied = end;
        next++;
      }
      previousRow = rowNumber;
      rowTag.lastIndex = end;
    }
    out.push(xml.slice(copied, contentEnd));
    for (; next < rows.length; next++) out.push(this.newRow(rows[next]));
    out.push(`</${p}sheetData>`);
    return out.join('');
  }

  private newRow(row: RowWrites): string {
    const cells = row.writes.map((w) => this.newCell(w, undefined)).join('');
    return cells ? `<${this.p}row r="${row.row}">${cells}</${this.p}row>` : '';
  }

  private patchRow(tag: RegExpExecArray, end: number, row: RowWrites): string {
    const { xml, p } = this;
    const rowAttributes = parseAttributes(tag[1]);
    const rowStyle = rowAttributes.customFormat === '1' || rowAttributes.customFormat === 'true' ? Number(rowAttributes.s ?? 0) : undefined;
    const selfClosing = tag[2] === '/';
    const innerStart = tag.index + tag[0].length;
    const innerEnd = selfClosing ? innerStart : end - `</${p}row>`.length;
    // A row may end with an extLst; cells go before it.
    const extLst = selfClosing ? -1 : xml.slice(innerStart, innerEnd).search(new RegExp(`<${escapeRegExp(p)}extLst[\\s>]`));
    const cellsEnd = extLst < 0 ? innerEnd : innerStart + extLst;

    const out: string[] = [];
    let copied = innerStart;
    let column = 0;
    let w = 0;
    let minNew = Infinity;
    let maxNew = 0;
    const cellTag = startTagPattern(`${p}c`);
    const cellClose = `</${p}c>`;
    cellTag.lastIndex = innerStart;
    for (let m = cellTag.exec(xml); m && m.index < cellsEnd; m = cellTag.exec(xml)) {
      const r = R_ATTRIBUTE.exec(m[1]);
      column = r?.[1] ? columnNumber(r[1]) : column + 1; // r is optional: cells then follow one another
      const cellEnd = m[2] === '/' ? m.index + m[0].length : closeAfter(xml, cellClose, m.index, this.context.sheet);
      while (w < row.writes.length && row.writes[w].column < column) {
        out.push(xml.slice(copied, m.index), this.newCell(row.writes[w], rowStyle));
        copied = m.index;
        minNew = Math.min(minNew, row.writes[w].column);
        maxNew = Math.max(maxNew, row.writes[w].column);
        w++;
      }
      if (w < row.writes.length && row.writes[w].column === column) {
        const inner = m[2] === '/' ? '' : xml.slice(m.index + m[0].length, cellEnd - cellClose.length);
        out.push(xml.slice(copied, m.index), this.rewriteCell(row.writes[w], m[1], inner, xml.slice(m.index, cellEnd)));
        copied = cellEnd;
        w++;
      }
      cellTag.lastIndex = cellEnd;
    }
    out.push(xml.slice(copied, cellsEnd));
    for (; w < row.writes.length; w++) {
      out.push(this.newCell(row.writes[w], rowStyle));
      minNew = Math.min(minNew, row.writes[w].column);
      maxNew = Math.max(maxNew, row.writes[w].column);
    }
    out.push(xml.slice(cellsEnd, innerEnd));
    let start = tag[0];
    if (selfClosing) start = start.replace(/\s*\/>$/, '>');
    // spans is an optimisation hint ("1:12"); keep it covering the row's cells.
    const spans = /^(\d+):(\d+)$/.exec(rowAttributes.spans ?? '');
    if (spans && maxNew > 0 && (minNew < Number(spans[1]) || maxNew > Number(spans[2]))) {
      const wider = `${Math.min(minNew, Number(spans[1]))}:${Math.max(maxNew, Number(spans[2]))}`;
      start = start.replace(/(\sspans\s*=\s*)(["'])[^"']*\2/, `$1"${wider}"`);
    }
    return `${start}${out.join('')}</${p}row>`;
  }

  /** A cell the sheet does not have yet: its format starts from the row's or the column's. */
  private newCell(write: Write, rowStyle: number | undefined): string {
    const ref = cellAddress(write.row, write.column);
    const value = write.cell.keepValue ? null : write.cell.value;
    // Clearing a cell the sheet does not have: it is clear already.
    if (value === '' && Object.keys(write.cell.style).length === 0) return '';
    if (!write.cell.keepValue && this.refusal(write, ref)) return '';
    const base = rowStyle ?? this.columnStyle(write.column) ?? 0;
    const xf = this.styleOf(base, write.cell, value);
    this.noteWritten(write, value);
    return cellXml(ref, value === '' ? null : value, xf, this.p, this.context.date1904);
  }

  private rewriteCell(write: Write, attributesText: string, inner: string, original: string): string {
    const ref = cellAddress(write.row, write.column);
    const attributes = parseAttributes(attributesText);
    const base = Number(attributes.s ?? 0) || 0;
    if (write.cell.keepValue) {
      // A style op: only the format changes; value, formula and everything else stay.
      const xf = this.styleOf(base, write.cell, undefined);
      if (xf === base) return original;
      const withS = attributes.s !== undefined
        ? original.replace(/^(<[^\s/>]+(?:[^>"']|"[^"]*"|'[^']*')*?\ss\s*=\s*)(["'])\d*\2/, `$1"${xf}"`)
        : original.replace(/^(<[^\s/>]+)/, `$1 s="${xf}"`);
      this.noteWritten(write, undefined);
      return withS;
    }
    const formula = new RegExp(`<${escapeRegExp(this.p)}f(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)\\/?>`).exec(inner);
    if (formula) {
      const f = parseAttributes(formula[1]);
      if (f.t === 'shared' && f.ref !== undefined && isMultiCell(f.ref)) return this.skip(ref, 'shared-formula', original);
    }
    if (this.refusal(write, ref)) return original;
    if (formula) this.formulaRemoved = true;
    const value = write.cell.value;
    const xf = this.styleOf(base, write.cell, value);
    this.noteWritten(write, value);
    return cellXml(ref, value === '' ? null : value, xf, this.p, this.context.date1904);
  }

  /** Cells that cannot take a value without breaking something else; recorded as skipped. */
  private refusal(write: Write, ref: string): boolean {
    if (this.arrayRanges.some((box) => inBox(box, write.row, write.column))) {
      this.skip(ref, 'array-formula', '');
      return true;
    }
    const header = this.context.tables.find((t) => t.row === write.row && write.column >= t.left && write.column < t.left + t.names.length);
    if (header && displayText(write.cell.value) !== header.names[write.column - header.left]) {
      this.skip(ref, 'table-header', '');
      return true;
    }
    return false;
  }

  private skip(cell: string, reason: SkipReason, original: string): string {
    this.skipped.push({ sheet: this.context.sheet, cell, reason });
    return original;
  }

  /** The format of a written cell: the cell's own (or its row's/column's) with the op's style laid over. */
  private styleOf(base: number, cell: CellModel, value: CellInput | undefined): number {
    let style: ResolvedStyle = cell.style;
    if (value !== null && value !== undefined && typeof value === 'object') {
      if ('link' in value) style = { ...LINK_STYLE, ...style };
      // A date needs a date format; one the user chose (e.g. "d mmm yyyy") stays.
      if ('date' in value && style.numberFormat === undefined && !this.context.styles.isDateXf(base)) style = { ...style, numberFormat: DATE_FORMAT };
    }
    return Object.keys(style).length ? this.context.styles.overlayXf(base, style) : base;
  }

  private noteWritten(write: Write, value: CellInput | undefined): void {
    const box = this.written;
    this.written = box
      ? { top: Math.min(box.top, write.row), left: Math.min(box.left, write.column), bottom: Math.max(box.bottom, write.row), right: Math.max(box.right, write.column) }
      : { top: write.row, left: write.column, bottom: write.row, right: write.column };
    if (value !== null && value !== undefined && typeof value === 'object') {
      if ('link' in value) this.links.push({ ref: cellAddress(write.row, write.column), link: value.link, text: value.text });
      if ('formula' in value && (value.result === undefined || value.result === null)) this.needsRecalc = true;
    }
  }
}

/** Just after the end tag `close` that follows `from`; a missing one means the part is broken. */
function closeAfter(xml: string, close: string, from: number, sheet: string): number {
  const at = xml.indexOf(close, from);
  if (at < 0) throw new Error(`Sheet "${sheet}": the worksheet part is not well-formed (no ${close} after offset ${from}).`);
  return at + close.length;
}

interface RowWrites {
  readonly row: number;
  readonly writes: Write[];
}

function groupByRow(writes: readonly Write[]): RowWrites[] {
  const rows: RowWrites[] = [];
  for (const write of writes) {
    const last = rows[rows.length - 1];
    if (last && last.row === write.row) last.writes.push(write);
    else rows.push({ row: write.row, writes: [write] });
  }
  return rows;
}

/** Ranges of array formulas (and data tables) over more than one cell: no cell in them may change alone. */
function multiCellArrayRanges(xml: string, sheetData: ElementSpan): Box[] {
  const data = xml.slice(sheetData.start, sheetData.end);
  if (!/array|dataTable/.test(data)) return [];
  const boxes: Box[] = [];
  for (const m of data.matchAll(/<(?:\w+:)?f(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)) {
    const a = parseAttributes(m[1]);
    if ((a.t === 'array' || a.t === 'dataTable') && a.ref && isMultiCell(a.ref)) boxes.push(parseRange(a.ref));
  }
  return boxes;
}

function isMultiCell(ref: string): boolean {
  try {
    const box = parseRange(ref);
    return box.bottom > box.top || box.right > box.left;
  } catch {
    return false;
  }
}

function inBox(box: Box, row: number, column: number): boolean {
  return row >= box.top && row <= box.bottom && column >= box.left && column <= box.right;
}

function displayText(value: CellInput): string {
  if (value === null || typeof value !== 'object') return value === null ? '' : String(value);
  if ('link' in value) return value.text;
  if ('date' in value) return value.date;
  return String(value.result ?? '');
}

/** <dimension ref> grown to cover the written cells. */
function dimensionEdit(xml: string, dimension: ElementSpan, written: Box): Edit[] {
  const tag = xml.slice(dimension.start, dimension.end);
  const ref = /\sref\s*=\s*(["'])([^"']*)\1/.exec(tag);
  let box = written;
  try {
    if (ref) {
      const old = parseRange(ref[2]);
      box = { top: Math.min(old.top, box.top), left: Math.min(old.left, box.left), bottom: Math.max(old.bottom, box.bottom), right: Math.max(old.right, box.right) };
      if (rangeAddress(box) === rangeAddress(old)) return [];
    }
  } catch {
    // An unreadable ref is replaced by the written box.
  }
  const text = ref ? tag.replace(ref[0], ` ref="${rangeAddress(box)}"`) : tag.replace(/^(<[^\s/>]+)/, `$1 ref="${rangeAddress(box)}"`);
  return [{ start: dimension.start, end: dimension.end, text }];
}

/**
 * `replaces`: removes every rule (of this sheet's own conditional formats, not the x14 ones in
 * extLst) whose formula contains the text, then adds the plan's rules after the remaining ones,
 * with the lowest precedence: a user's rules keep winning where they overlap.
 */
function conditionalFormatEdits(xml: string, p: string, children: readonly ElementSpan[], context: PatchContext, insertAt: (local: string) => number): Edit[] {
  const edits: Edit[] = [];
  const markers = context.conditionalFormats.map((cf) => cf.replaces).filter((r): r is string => !!r);
  const formatting = children.filter((c) => c.local === 'conditionalFormatting');
  let maxPriority = 0;
  const rulePattern = new RegExp(`<${escapeRegExp(p)}cfRule(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\\/>|>[\\s\\S]*?<\\/${escapeRegExp(p)}cfRule>)`, 'g');
  const formulaPattern = new RegExp(`<${escapeRegExp(p)}formula>([\\s\\S]*?)<\\/${escapeRegExp(p)}formula>`, 'g');
  for (const element of formatting) {
    const text = xml.slice(element.start, element.end);
    let kept = 0;
    const without = text.replace(rulePattern, (rule, attributes: string) => {
      const formulas = [...rule.matchAll(formulaPattern)].map((m) => decodeXml(m[1]));
      if (markers.some((marker) => formulas.some((f) => f.includes(marker)))) return '';
      kept++;
      maxPriority = Math.max(maxPriority, Number(parseAttributes(attributes).priority) || 0);
      return rule;
    });
    if (without === text) continue;
    edits.push({ start: element.start, end: element.end, text: kept ? without : '' });
  }
  // Rules in extLst (x14) share the priority numbers.
  const extLst = children.find((c) => c.local === 'extLst');
  if (extLst) {
    for (const m of xml.slice(extLst.start, extLst.end).matchAll(/<(?:\w+:)?cfRule(?=[\s/>])([^>]*)>/g)) {
      maxPriority = Math.max(maxPriority, Number(parseAttributes(m[1]).priority) || 0);
    }
  }
  const count = context.conditionalFormats.length;
  if (count) {
    // Later ops win among the plan's rules, as in a sheet written from scratch.
    const added = context.conditionalFormats
      .map(
        (cf, i) =>
          `<${p}conditionalFormatting sqref="${rangeAddress(parseRange(cf.range))}">` +
          `<${p}cfRule type="expression" dxfId="${context.dxfIds[i]}" priority="${maxPriority + count - i}"><${p}formula>${escapeText(cf.formula.replace(/^=/, ''))}</${p}formula></${p}cfRule>` +
          `</${p}conditionalFormatting>`,
      )
      .join('');
    const last = formatting[formatting.length - 1];
    const at = last ? last.end : insertAt('conditionalFormatting');
    edits.push({ start: at, end: at, text: added });
  }
  return edits;
}

/**
 * Hyperlinks of written link cells: one at the same cell is replaced in place (reusing its
 * relationship when the target is the same), others are appended. Links on other cells stay.
 */
function hyperlinkEdits(
  xml: string,
  p: string,
  rPrefix: string | undefined,
  children: readonly ElementSpan[],
  links: readonly { ref: string; link: string; text: string }[],
  rels: readonly Relationship[],
  insertAt: (local: string) => number,
): { edits: Edit[]; rels: readonly Relationship[] } {
  if (links.length === 0) return { edits: [], rels };
  const block = children.find((c) => c.local === 'hyperlinks');
  const existing = block ? childElements(xml, xml.indexOf('>', block.start) + 1, block.end).filter((c) => c.local === 'hyperlink') : [];
  const byRef = new Map<string, { span: ElementSpan; id: string | undefined }>();
  for (const span of existing) {
    const a = parseAttributes(/^<[^\s/>]+((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/.exec(xml.slice(span.start, span.end))?.[1] ?? '');
    byRef.set((a.ref ?? '').toUpperCase(), { span, id: attributeByLocalName(a, 'id') });
  }
  let newRels = [...rels];
  const replaced = new Map<ElementSpan, string>();
  const used = new Set<string>();
  const dropped = new Set<string>();
  let appended = '';
  const idAttribute = rPrefix ? `${rPrefix}:id` : 'r:id';
  for (const link of links) {
    const old = byRef.get(link.ref);
    let attributes: Record<string, string | undefined>;
    if (link.link.startsWith('#')) {
      attributes = { ref: link.ref, location: link.link.slice(1), display: link.text };
    } else {
      const same = old?.id !== undefined ? newRels.find((r) => r.id === old.id && r.type === REL_TYPE.hyperlink && r.target === link.link) : undefined;
      let id = same?.id;
      if (!id) {
        id = freeRelationshipId(newRels);
        newRels.push({ id, type: REL_TYPE.hyperlink, target: link.link, external: true });
      }
      attributes = { ...(rPrefix ? {} : { 'xmlns:r': RELATIONSHIPS_NS }), ref: link.ref, [idAttribute]: id, display: link.text };
      used.add(id);
    }
    const tag = element(`${p}hyperlink`, attributes);
    if (old) {
      replaced.set(old.span, tag);
      if (old.id !== undefined && attributes[idAttribute] !== old.id) dropped.add(old.id);
    } else {
      appended += tag;
    }
  }
  // A relationship only the replaced hyperlink used goes with it.
  const stillUsed = new Set<string>();
  for (const { span, id } of byRef.values()) if (id !== undefined && !replaced.has(span)) stillUsed.add(id);
  for (const id of used) stillUsed.add(id);
  newRels = newRels.filter((r) => !(dropped.has(r.id) && !stillUsed.has(r.id) && r.type === REL_TYPE.hyperlink));

  const edits: Edit[] = [...replaced].map(([span, text]) => ({ start: span.start, end: span.end, text }));
  if (appended) {
    if (block) {
      const blockText = xml.slice(block.start, block.end);
      if (/\/>$/.test(blockText) && !blockText.includes('</')) {
        edits.push({ start: block.start, end: block.end, text: `${blockText.replace(/\s*\/>$/, '>')}${appended}</${p}hyperlinks>` });
      } else {
        const close = block.end - `</${p}hyperlinks>`.length;
        edits.push({ start: close, end: close, text: appended });
      }
    } else {
      const at = insertAt('hyperlinks');
      edits.push({ start: at, end: at, text: `<${p}hyperlinks>${appended}</${p}hyperlinks>` });
    }
  }
  return { edits, rels: newRels };
}
