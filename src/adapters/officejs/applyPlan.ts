/**
 * Applies a WritePlan to the open workbook through Office.js, in at most four round trips whatever
 * the number of ops, sheets or rows (STYLE 3). The plan is data (STYLE 4): this module only reads it.
 *
 * Needs ExcelApi 1.7 (freeze panes, tab colours, hyperlinks, chart series from ranges). Data
 * validation and gridlines (1.8), page layout and indent (1.9) are skipped on hosts without them.
 */
import { type Box, cellAddress, columnName, parseCell, parseRange, rangeAddress } from '../../workbook/plan/address';
import type {
  CellStyle,
  ChartOp,
  ConditionalFormatOp,
  RangeRef,
  RowHeightOp,
  SheetOp,
  TableOp,
  ValidationOp,
  ValuesOp,
  WritePlan,
} from '../../workbook/plan/types';
import { DATE_FORMAT, cellInput, color, supportsExcelApi } from './cells';

/** Excel's standard font (Calibri 11) has a maximum digit width of 7 px. */
const DIGIT_PX = 7;
/** Office.js sizes are points: 96 px per inch, 72 points per inch. */
const PT_PER_PX = 0.75;
/** Excel's limits for validation texts; longer ones make Excel reject the rule. */
const LIST_LIMIT = 255;
const PROMPT_LIMIT = 255;
const LINK_COLOR = '#0563C1';

/**
 * Plan widths are .xlsx column widths, as the .xlsx adapter writes them (the width includes the
 * cell padding, so it is ~0.7 more than Excel's Column Width box shows). Excel draws width w as
 * trunc(7·w + 0.5) px (OOXML §18.3.1.13); Office.js wants points: × 0.75. So 20 → 105 pt, and
 * 9.140625 (the default column, shown as 8.43) → 64 px = 48 pt.
 */
export function columnWidthPoints(chars: number): number {
  if (!(chars >= 0 && chars <= 255)) throw new Error(`column width ${chars} is outside 0–255`);
  return Math.trunc(chars * DIGIT_PX + 0.5) * PT_PER_PX;
}

interface SheetState {
  readonly sheet: Excel.Worksheet;
  /** Loaded in phase 1b for existing sheets the plan touches. */
  readonly protection?: Excel.WorksheetProtection;
  readonly charts?: Excel.ChartCollection;
  readonly tables?: Excel.TableCollection;
}

export async function applyPlanOffice(context: Excel.RequestContext, plan: WritePlan): Promise<{ syncs: number }> {
  if (!supportsExcelApi(context, '1.7')) throw new Error('Writing to the workbook needs Excel with ExcelApi 1.7 or later.');
  let syncs = 0;
  const sync = async (): Promise<void> => {
    await context.sync();
    syncs++;
  };
  const lower = (name: string) => name.toLowerCase();
  const sheetOps = plan.filter((op): op is SheetOp => op.kind === 'sheet');
  const owned = new Map(sheetOps.map((op) => [lower(op.sheet), op]));
  if (owned.size !== sheetOps.length) throw new Error('The plan has more than one sheet op for the same sheet.');

  // Phase 1a — which sheets exist.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await sync();
  const existing = new Map(worksheets.items.map((ws) => [lower(ws.name), ws]));
  for (const op of plan) {
    const name = op.kind === 'chart' ? [op.sheet, op.categories.sheet, ...op.series.map((s) => s.values.sheet)] : [op.sheet];
    const missing = name.find((n) => !existing.has(lower(n)) && !owned.has(lower(n)));
    if (missing !== undefined) throw new Error(`The plan writes to sheet "${missing}", which neither exists nor is created by the plan.`);
  }

  // Phase 1b — what existing sheets hold that the writes depend on: protection of every sheet the
  // plan writes to; charts and tables of the owned sheets, which are reset.
  const touched = new Set(plan.map((op) => lower(op.sheet)));
  const states = new Map<string, SheetState>();
  for (const key of touched) {
    const sheet = existing.get(key);
    if (!sheet) continue;
    const protection = sheet.protection.load('protected,options');
    const reset = owned.has(key);
    states.set(key, {
      sheet,
      protection,
      charts: reset ? sheet.charts.load('items/name') : undefined,
      tables: reset ? sheet.tables.load('items/name') : undefined,
    });
  }
  if (states.size > 0) await sync();

  // Phase 2 — reset the owned sheets that exist, add the others at the end in plan order, and queue
  // every write. Protected sheets that are not ours are unprotected here and protected again in phase 3.
  const reprotect: { sheet: Excel.Worksheet; options: Excel.WorksheetProtectionOptions }[] = [];
  for (const [key, state] of states) {
    if (!state.protection?.protected) continue;
    state.sheet.protection.unprotect();
    if (!owned.has(key)) reprotect.push({ sheet: state.sheet, options: state.protection.options });
  }
  const sheets = new Map<string, Excel.Worksheet>(existing);
  for (const op of sheetOps) {
    const state = states.get(lower(op.sheet));
    let sheet: Excel.Worksheet;
    if (state) {
      sheet = state.sheet;
      resetSheet(context, state);
    } else {
      sheet = worksheets.add(op.sheet);
      sheets.set(lower(op.sheet), sheet);
    }
    sheetSettings(context, sheet, op, state !== undefined);
  }
  const sheetOf = (name: string): Excel.Worksheet => sheets.get(lower(name))!;
  const rangeOf = (ref: RangeRef): Excel.Range => sheetOf(ref.sheet).getRange(ref.range);
  for (const op of plan) {
    switch (op.kind) {
      case 'sheet':
        break;
      case 'values':
        writeValues(context, sheetOf(op.sheet), op);
        break;
      case 'style':
        applyStyle(context, sheetOf(op.sheet).getRange(op.range), op.style, parseRange(op.range));
        break;
      case 'merge':
        sheetOf(op.sheet).getRange(op.range).merge(false);
        break;
      case 'rowHeight':
        setRowHeights(sheetOf(op.sheet), op);
        break;
      case 'validation':
        if (supportsExcelApi(context, '1.8')) addValidation(sheetOf(op.sheet), op);
        break;
      case 'table':
        addTable(sheetOf(op.sheet), op);
        break;
      case 'chart':
        addChart(sheetOf(op.sheet), op, rangeOf);
        break;
      case 'conditionalFormat':
        addConditionalFormat(sheetOf(op.sheet), op);
        break;
      default:
        throw new Error(`Unknown plan op ${(op as { kind: string }).kind}`);
    }
  }
  await sync();

  // Phase 3 — protect, after every write (locked cells of a protected sheet refuse values).
  let protections = 0;
  for (const op of sheetOps) {
    if (!op.protect) continue;
    sheetOf(op.sheet).protection.protect(NO_PERMISSIONS);
    protections++;
  }
  for (const { sheet, options } of reprotect) {
    sheet.protection.protect(options);
    protections++;
  }
  if (protections > 0) await sync();
  return { syncs };
}

/** Protection against accidents, not access: no password; unlocked cells stay editable. */
const NO_PERMISSIONS: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** Clears an owned sheet completely, keeping its position (and so references to it). */
function resetSheet(context: Excel.RequestContext, state: SheetState): void {
  for (const chart of state.charts?.items ?? []) chart.delete();
  for (const table of state.tables?.items ?? []) table.delete();
  const all = state.sheet.getRange();
  all.conditionalFormats.clearAll();
  if (supportsExcelApi(context, '1.8')) all.dataValidation.clear();
  all.unmerge();
  all.clear('All');
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  state.sheet.freezePanes.unfreeze();
}

function sheetSettings(context: Excel.RequestContext, sheet: Excel.Worksheet, op: SheetOp, existed: boolean): void {
  // An existing sheet gets every setting back to the default the op implies, so a re-apply matches.
  if (op.tabColor !== undefined) sheet.tabColor = color(op.tabColor);
  else if (existed) sheet.tabColor = '';
  op.columnWidths?.forEach((width, i) => {
    sheet.getRange(`${columnName(i + 1)}1`).format.columnWidth = columnWidthPoints(width);
  });
  if (op.freeze && (op.freeze.rows > 0 || op.freeze.columns > 0)) {
    const { rows, columns } = op.freeze;
    if (columns === 0) sheet.freezePanes.freezeRows(rows);
    else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
    else sheet.freezePanes.freezeAt(rangeAddress({ top: 1, left: 1, bottom: rows, right: columns }));
  }
  if ((op.showGridlines !== undefined || existed) && supportsExcelApi(context, '1.8')) sheet.showGridlines = op.showGridlines ?? true;
  const layout = op.landscape !== undefined || op.fitToPage !== undefined || op.fitToWidth !== undefined;
  if ((layout || existed) && supportsExcelApi(context, '1.9')) {
    sheet.pageLayout.orientation = op.landscape ? 'Landscape' : 'Portrait';
    // verticalFitToPages 0 = as many pages tall as needed (OOXML fitToHeight="0").
    sheet.pageLayout.zoom = op.fitToPage
      ? { horizontalFitToPages: 1, verticalFitToPages: 1 }
      : op.fitToWidth
        ? { horizontalFitToPages: 1, verticalFitToPages: 0 }
        : { scale: 100 };
  }
}

/** One 2-D write per op; ragged rows padded with null (Office.js leaves those cells alone). */
function writeValues(context: Excel.RequestContext, sheet: Excel.Worksheet, op: ValuesOp): void {
  const width = Math.max(0, ...op.rows.map((row) => row.length));
  if (op.rows.length === 0 || width === 0) return;
  const origin = parseCell(op.at);
  const box: Box = { top: origin.row, left: origin.column, bottom: origin.row + op.rows.length - 1, right: origin.column + width - 1 };
  const range = sheet.getRange(rangeAddress(box));
  let formulas = false;
  let dates = false;
  const inputs = op.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const input = row[c];
      if (input !== null && typeof input === 'object') {
        if ('formula' in input) formulas = true;
        if ('date' in input) dates = true;
      }
      return cellInput(input);
    }),
  );
  if (formulas) range.formulas = inputs;
  else range.values = inputs;
  if (op.style) applyStyle(context, range, op.style, box);
  if (dates && !op.style?.numberFormat) {
    range.numberFormat = op.rows.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const input = row[c];
        return input !== null && typeof input === 'object' && 'date' in input ? DATE_FORMAT : null;
      }),
    );
  }
  op.rows.forEach((row, r) =>
    row.forEach((input, c) => {
      if (input === null || typeof input !== 'object' || !('link' in input)) return;
      const cell = sheet.getRange(cellAddress(box.top + r, box.left + c));
      cell.hyperlink = { address: input.link, textToDisplay: input.text };
      cell.format.font.color = LINK_COLOR;
      cell.format.font.underline = 'Single';
    }),
  );
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function applyStyle(context: Excel.RequestContext, range: Excel.Range, style: CellStyle, box: Box): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = color(style.fontColor);
  if (style.fill !== undefined) format.fill.color = color(style.fill);
  if (style.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.indent !== undefined && supportsExcelApi(context, '1.9')) format.indentLevel = style.indent;
  if (style.numberFormat !== undefined) {
    const row = new Array<string>(box.right - box.left + 1).fill(style.numberFormat);
    range.numberFormat = Array.from({ length: box.bottom - box.top + 1 }, () => row);
  }
  if (style.border !== undefined) {
    // 'thin': every side of every cell; 'bottom': the bottom of every cell. Inside borders only
    // where the range has more than one row or column.
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = ['EdgeBottom'];
    if (box.bottom > box.top) edges.push('InsideHorizontal');
    if (style.border === 'thin') {
      edges.push('EdgeTop', 'EdgeLeft', 'EdgeRight');
      if (box.right > box.left) edges.push('InsideVertical');
    }
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
  if (style.locked !== undefined) format.protection.locked = style.locked;
}

/** Row heights for runs of consecutive rows, one call per run. */
function setRowHeights(sheet: Excel.Worksheet, op: RowHeightOp): void {
  const rows = [...new Set(op.rows)].sort((a, b) => a - b);
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    sheet.getRange(`A${rows[i]}:A${rows[j]}`).format.rowHeight = op.height;
    i = j + 1;
  }
}

function addValidation(sheet: Excel.Worksheet, op: ValidationOp): void {
  const withComma = op.list.find((item) => item.includes(','));
  if (withComma !== undefined) throw new Error(`Validation list item "${withComma}" contains a comma, which an inline list cannot hold.`);
  const source = op.list.join(',');
  if (op.list.length === 0 || source.length > LIST_LIMIT) throw new Error(`A validation list holds 1–${LIST_LIMIT} characters (${op.sheet}!${op.range}).`);
  const validation = sheet.getRange(op.range).dataValidation;
  validation.clear();
  validation.rule = { list: { inCellDropDown: true, source } };
  validation.errorAlert = { showAlert: true, style: op.strict ? 'Stop' : 'Warning', title: '', message: '' };
  if (op.prompt) {
    const message = op.prompt.length > PROMPT_LIMIT ? `${op.prompt.slice(0, PROMPT_LIMIT - 1)}…` : op.prompt;
    validation.prompt = { showPrompt: true, title: '', message };
  }
}

function addTable(sheet: Excel.Worksheet, op: TableOp): void {
  // A Range rather than an address: TableCollection.add resolves bare addresses on the active sheet.
  const table = sheet.tables.add(sheet.getRange(op.range), true);
  table.name = op.name;
  if (op.style) table.style = op.style;
}

/**
 * Series are always set from their ranges (ExcelApi 1.7) instead of letting Excel guess categories
 * and series names from a block: the plan's ranges need not be adjacent, and a numeric category
 * column would be taken for a series. The chart starts from the first series' values alone.
 */
function addChart(sheet: Excel.Worksheet, op: ChartOp, rangeOf: (ref: RangeRef) => Excel.Range): void {
  const [first, ...rest] = op.series;
  if (!first) throw new Error(`Chart "${op.name}" has no series.`);
  const chart = sheet.charts.add(op.type === 'bar' ? 'BarClustered' : 'ColumnClustered', rangeOf(first.values), 'Columns');
  chart.name = op.name;
  chart.title.text = op.title;
  chart.setPosition(op.anchor.from, op.anchor.to);
  const categories = rangeOf(op.categories);
  const series = [chart.series.getItemAt(0), ...rest.map((s) => chart.series.add(s.name))];
  op.series.forEach((spec, i) => {
    const s = series[i];
    s.name = spec.name;
    s.setValues(rangeOf(spec.values));
    s.setXAxisValues(categories);
    if (spec.color) s.format.fill.setSolidColor(color(spec.color));
  });
  if (op.axis) {
    const axis = chart.axes.valueAxis;
    if (op.axis.min !== undefined) axis.minimum = op.axis.min;
    if (op.axis.max !== undefined) axis.maximum = op.axis.max;
    if (op.axis.majorUnit !== undefined) axis.majorUnit = op.axis.majorUnit;
    if (op.axis.title !== undefined) axis.title.text = op.axis.title;
  }
  if (op.legend !== undefined) chart.legend.visible = op.legend;
}

function addConditionalFormat(sheet: Excel.Worksheet, op: ConditionalFormatOp): void {
  const format = sheet.getRange(op.range).conditionalFormats.add('Custom');
  format.custom.rule.formula = `=${op.formula.replace(/^=/, '')}`;
  format.custom.format.fill.color = color(op.fill);
  if (op.fontColor) format.custom.format.font.color = color(op.fontColor);
}
