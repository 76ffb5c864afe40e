/**
 * Applies a WritePlan to the open workbook through Office.js. The plan is data (STYLE 4): this
 * module only reads it. Three phases, in the caller's Excel.run:
 *
 * 1. Validate against what loadWorkbook.ts loaded, before anything is queued: a plan that breaks
 *    the contract throws; a workbook that cannot take it is refused (WriteRefusedError, a located
 *    reason for the pane to word) — a password-protected sheet, a protected workbook structure when
 *    a sheet must be added, a table name taken elsewhere, a write outside what was read.
 * 2. Only where the host cannot say whether a protected sheet has a password (outside Excel on the
 *    web): one round trip per such sheet that unprotects and protects it again, the try-unprotect
 *    test. It changes nothing; a sheet with a password refuses it and the plan is refused.
 * 3. One batch, one sync: unprotect, reset the owned 'replace' sheets, add new ones, mark them,
 *    write every value, then the charts that read those values, then protection (the product's on
 *    questionnaire sheets, the user's own options back on sheets the user had protected).
 *
 * A failure inside phase 3 leaves what ran before it applied (Excel does not roll back); update-mode
 * sheets (Handlingsplan) are never cleared, so the user's cells survive any partial write, and the
 * user's protection is put back on a best-effort basis.
 *
 * Needs ExcelApi 1.7 (freeze panes, tab colours, hyperlinks, chart series from ranges, names with
 * formulas, workbook protection). Validation and gridlines (1.8), page layout, indent and shapes
 * (1.9) are skipped on hosts without them.
 */
import { OWNER_NAME } from '../../workbook/layout';
import { type Box, absoluteRef, cellAddress, columnName, parseCell, parseRange, rangeAddress } from '../../workbook/plan/address';
import type {
  CellInput,
  CellStyle,
  ChartOp,
  ConditionalFormatOp,
  RangeRef,
  RowHeightOp,
  SheetOp,
  TableOp,
  ValidationOp,
  ValuesOp,
  WriteOp,
  WritePlan,
} from '../../workbook/plan/types';
import { DATE_FORMAT, cellInput, color, supportsExcelApi } from './cells';
import { type LoadedSheet, type LoadedWorkbook, loadWorkbook } from './loadWorkbook';

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

/** Why the workbook cannot take a plan as it is, located for the pane's message (STYLE 5). Nothing was written. */
export type WriteRefusal =
  /** The sheet is protected with a password; the add-in never asks for passwords. */
  | { readonly code: 'sheet-password-protected'; readonly sheet: string }
  /** The workbook's structure is protected and the plan must add (or rename) this sheet. */
  | { readonly code: 'workbook-structure-protected'; readonly sheet: string }
  /** A table or defined name the plan needs is taken by something of the user's (on `sheet`, or workbook-wide). */
  | { readonly code: 'name-taken'; readonly name: string; readonly sheet?: string }
  /** The plan would write a cell beyond the part of the sheet that was read. */
  | { readonly code: 'sheet-too-large'; readonly sheet: string; readonly cell: string };

export class WriteRefusedError extends Error {
  readonly refusal: WriteRefusal;
  constructor(refusal: WriteRefusal) {
    super(`The workbook cannot take the write (${refusal.code}${'sheet' in refusal && refusal.sheet ? `: ${refusal.sheet}` : ''}).`);
    this.name = 'WriteRefusedError';
    this.refusal = refusal;
  }
}

/** A plan that breaks the WritePlan contract (a programming error, not a property of the workbook). */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

const lower = (name: string): string => name.toLowerCase();

/** Every sheet a plan names: sheet ops, op targets and chart sources (what loadWorkbook must load). */
export function planSheetNames(plan: WritePlan): string[] {
  const names = new Map<string, string>();
  for (const op of plan) {
    const refs = op.kind === 'chart' ? [op.sheet, op.categories.sheet, ...op.series.map((s) => s.values.sheet)] : [op.sheet];
    for (const name of refs) if (!names.has(lower(name))) names.set(lower(name), name);
  }
  return [...names.values()];
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

/**
 * The product's sheet protection (SheetOp.protect): the evidence column asks for links, so
 * hyperlinks may be inserted; comments are long, so rows may be made taller.
 */
export const PRODUCT_PROTECTION: Excel.WorksheetProtectionOptions = { ...NO_PERMISSIONS, allowFormatRows: true, allowInsertHyperlinks: true };

/** Ops that would rebuild a sheet: plan errors on an update-mode sheet (types.ts). */
const NOT_ON_UPDATE = new Set<WriteOp['kind']>(['merge', 'rowHeight', 'table', 'chart', 'validation']);

interface Target {
  readonly op: SheetOp;
  readonly update: boolean;
  /** Absent: the sheet is added. */
  readonly existing?: LoadedSheet;
}

/**
 * Checks a plan against the loaded workbook without touching it. Throws PlanError for a plan that
 * breaks the contract; returns why the workbook cannot take it, or undefined when it can.
 * Protection with an unknown password state is not decided here (applyPlanOffice tries it).
 */
export function checkPlanOffice(plan: WritePlan, loaded: LoadedWorkbook): WriteRefusal | undefined {
  const targets = targetsOf(plan, loaded);
  const sheetOf = (name: string) => loaded.sheets.get(lower(name));

  for (const op of plan) {
    for (const name of op.kind === 'chart' ? [op.sheet, op.categories.sheet, ...op.series.map((s) => s.values.sheet)] : [op.sheet]) {
      if (!sheetOf(name) && !targets.has(lower(name))) throw new PlanError(`The plan writes to sheet "${name}", which neither exists nor is created by the plan.`);
    }
    // A drop-down's source is only read (never loaded): it must be there once the sheets are added.
    if (op.kind === 'validation' && op.source && !sheetOf(op.source.sheet) && !targets.has(lower(op.source.sheet))) {
      throw new PlanError(`The drop-down on ${op.sheet}!${op.range} takes its values from sheet "${op.source.sheet}", which neither exists nor is created by the plan.`);
    }
    const target = targets.get(lower(op.sheet));
    if (target?.update && NOT_ON_UPDATE.has(op.kind)) throw new PlanError(`A ${op.kind} op on "${op.sheet}", which the plan updates in place.`);
  }
  for (const target of targets.values()) {
    if (target.update && !target.existing) throw new PlanError(`The plan updates "${target.op.sheet}", which does not exist.`);
    if (target.existing && !target.existing.detail) throw new PlanError(`The plan writes "${target.op.sheet}", which was not loaded.`);
  }
  checkCharts(plan, targets, loaded);
  for (const op of plan) if (op.kind === 'validation') checkValidation(op);
  const tableNames = plan.filter((op): op is TableOp => op.kind === 'table').map((op) => op.name);
  if (new Set(tableNames.map(lower)).size !== tableNames.length) throw new PlanError('The plan names two tables alike.');

  // Every existing sheet the plan writes into: protection with a password is a refusal.
  for (const name of new Set(plan.map((op) => lower(op.sheet)))) {
    const sheet = sheetOf(name);
    if (sheet?.protection.protected && sheet.protection.passwordProtected === true) return { code: 'sheet-password-protected', sheet: sheet.name };
  }
  if (loaded.structureProtected) {
    for (const target of targets.values()) {
      if (!target.existing || (!target.update && target.existing.name !== target.op.sheet)) return { code: 'workbook-structure-protected', sheet: target.op.sheet };
    }
  }
  // Table names and defined names share one namespace: the plan's tables may only replace tables on
  // the sheets it resets; the ownership mark may not collide with a table.
  const resetSheets = new Set([...targets.values()].filter((t) => t.existing && !t.update).map((t) => lower(t.existing!.name)));
  for (const name of tableNames) {
    const table = loaded.tables.find((t) => lower(t.name) === lower(name) && !resetSheets.has(lower(t.sheet)));
    if (table) return { code: 'name-taken', name, sheet: table.sheet };
    if (loaded.definedNames.some((n) => lower(n) === lower(name))) return { code: 'name-taken', name };
    const scoped = [...loaded.sheets.values()].find((s) => s.names.some((n) => lower(n) === lower(name)));
    if (scoped) return { code: 'name-taken', name, sheet: scoped.name };
  }
  const markClash = loaded.tables.find((t) => lower(t.name) === lower(OWNER_NAME));
  if (markClash) return { code: 'name-taken', name: OWNER_NAME, sheet: markClash.sheet };
  // An update-mode sheet is written only where it was read, so no unseen cell is overwritten.
  for (const op of plan) {
    const target = targets.get(lower(op.sheet));
    if (!target?.update || !target.existing?.detail || (op.kind !== 'values' && op.kind !== 'style')) continue;
    const box = op.kind === 'values' ? valuesBox(op) : parseRange(op.range);
    const window = target.existing.detail.window;
    if (box && (box.bottom > window.bottom || box.right > window.right)) {
      return { code: 'sheet-too-large', sheet: target.existing.name, cell: cellAddress(Math.min(box.bottom, window.bottom + 1), Math.min(box.right, window.right + 1)) };
    }
  }
  return undefined;
}

function targetsOf(plan: WritePlan, loaded: LoadedWorkbook): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const op of plan) {
    if (op.kind !== 'sheet') continue;
    if (targets.has(lower(op.sheet))) throw new PlanError(`The plan has more than one sheet op for "${op.sheet}".`);
    targets.set(lower(op.sheet), { op, update: op.mode === 'update', existing: loaded.sheets.get(lower(op.sheet)) });
  }
  return targets;
}

/**
 * Excel makes no series from blank cells (EmptyChartSeries): the plan must write something into
 * the first series of every chart. Values are written before charts, so the plan's own values count.
 */
function checkCharts(plan: WritePlan, targets: Map<string, Target>, loaded: LoadedWorkbook): void {
  const written = new Map<string, Set<string>>();
  for (const op of plan) {
    if (op.kind !== 'values') continue;
    const origin = parseCell(op.at);
    const cells = written.get(lower(op.sheet)) ?? new Set<string>();
    op.rows.forEach((row, r) => row.forEach((input, c) => input !== null && input !== '' && cells.add(`${origin.row + r}:${origin.column + c}`)));
    written.set(lower(op.sheet), cells);
  }
  for (const op of plan) {
    if (op.kind !== 'chart') continue;
    const first = op.series[0];
    if (!first) throw new PlanError(`Chart "${op.name}" has no series.`);
    const box = parseRange(first.values.range);
    const target = targets.get(lower(first.values.sheet));
    const grid = [...loaded.grid.sheets.values()].find((g) => lower(g.name) === lower(first.values.sheet));
    // Only what is known can be judged: a sheet the plan rebuilds, or one that was read.
    if (!(target && !target.update) && !grid) continue;
    let blank = true;
    for (let r = box.top; r <= box.bottom && blank; r++) {
      for (let c = box.left; c <= box.right && blank; c++) {
        if (written.get(lower(first.values.sheet))?.has(`${r}:${c}`)) blank = false;
        else if (!(target && !target.update) && (grid?.values[r - 1]?.[c - 1] ?? null) !== null) blank = false;
      }
    }
    if (blank) throw new PlanError(`Chart "${op.name}": its first series ${first.values.sheet}!${first.values.range} would be blank, and Excel makes no series from blank cells.`);
  }
}

/**
 * Inline list sources are comma-separated whatever the locale (TOOLCHAIN.md), at most 255
 * characters. A source range is one row or one column, as Excel requires of a list reference.
 */
function checkValidation(op: ValidationOp): void {
  const where = `${op.sheet}!${op.range}`;
  if (op.list !== undefined && op.source !== undefined) throw new PlanError(`The validation on ${where} has both a list and a source; it takes one.`);
  if (op.source) {
    const box = parseRange(op.source.range);
    if (box.top !== box.bottom && box.left !== box.right) throw new PlanError(`The drop-down source ${op.source.sheet}!${op.source.range} is neither one row nor one column (${where}).`);
    return;
  }
  if (!Array.isArray(op.list)) throw new PlanError(`The validation on ${where} has neither a list nor a source.`);
  const withComma = op.list.find((item) => item.includes(','));
  if (withComma !== undefined) throw new PlanError(`Validation list item "${withComma}" contains a comma, which an inline list cannot hold.`);
  if (op.list.length === 0 || op.list.join(',').length > LIST_LIMIT) throw new PlanError(`A validation list holds 1–${LIST_LIMIT} characters (${op.sheet}!${op.range}).`);
}

function valuesBox(op: ValuesOp): Box | undefined {
  const width = Math.max(0, ...op.rows.map((row) => row.length));
  if (op.rows.length === 0 || width === 0) return undefined;
  const origin = parseCell(op.at);
  return { top: origin.row, left: origin.column, bottom: origin.row + op.rows.length - 1, right: origin.column + width - 1 };
}

/**
 * Applies the plan. With `loaded` (from loadWorkbook in the same Excel.run) the plan is checked
 * against it and written in one round trip; without, the plan's sheets are loaded first.
 * Throws WriteRefusedError (nothing written) or PlanError (nothing written); any other error
 * comes from Excel during the write.
 */
export async function applyPlanOffice(
  context: Excel.RequestContext,
  plan: WritePlan,
  loaded?: LoadedWorkbook,
): Promise<{ syncs: number; /** All sheet names after the write, for the next load's expectSheets. */ sheetNames: string[] }> {
  if (!supportsExcelApi(context, '1.7')) throw new Error('Writing to the workbook needs Excel with ExcelApi 1.7 or later.');
  let syncs = 0;
  const state = loaded ?? (await loadWorkbook(context, planSheetNames(plan)));
  if (!loaded) syncs += state.syncs;
  const refusal = checkPlanOffice(plan, state);
  if (refusal) throw new WriteRefusedError(refusal);
  syncs += await probePasswords(context, plan, state);

  const touched = new Set(plan.map((op) => lower(op.sheet)));
  const unprotected = [...touched].map((name) => state.sheets.get(name)).filter((s): s is LoadedSheet => !!s?.protection.protected);
  queueWrites(context, plan, state, unprotected);
  try {
    await context.sync();
    syncs++;
  } catch (error) {
    await restoreProtectionSafe(context, unprotected);
    throw error;
  }
  return { syncs, sheetNames: sheetNamesAfter(plan, state) };
}

/** The workbook's sheet names once the plan is written: renamed where a replace op spells them otherwise, new ones at the end. */
function sheetNamesAfter(plan: WritePlan, state: LoadedWorkbook): string[] {
  const targets = targetsOf(plan, state);
  const names = state.grid.sheetNames.map((name) => {
    const target = targets.get(lower(name));
    return target && !target.update ? target.op.sheet : name;
  });
  for (const target of targets.values()) if (!target.existing) names.push(target.op.sheet);
  return names;
}

/**
 * The try-unprotect test for protected sheets whose password state the host does not report:
 * unprotect and protect again with the same options, one sheet per round trip, so a refusal names
 * its sheet and the sheets before it are already back as they were.
 */
async function probePasswords(context: Excel.RequestContext, plan: WritePlan, state: LoadedWorkbook): Promise<number> {
  let syncs = 0;
  for (const name of new Set(plan.map((op) => lower(op.sheet)))) {
    const sheet = state.sheets.get(name);
    if (!sheet?.protection.protected || sheet.protection.passwordProtected !== undefined) continue;
    sheet.sheet.protection.unprotect();
    sheet.sheet.protection.protect(sheet.protection.options);
    try {
      await context.sync();
      syncs++;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'BadPassword' || code === 'InvalidArgument' || code === 'AccessDenied') throw new WriteRefusedError({ code: 'sheet-password-protected', sheet: sheet.name });
      // Something else failed between the unprotect and the protect: put the protection back.
      await restoreProtectionSafe(context, [sheet]);
      throw error;
    }
  }
  return syncs;
}

/** After a failed write: protect again, with the user's options, the sheets the batch unprotected. Never throws. */
async function restoreProtectionSafe(context: Excel.RequestContext, sheets: readonly LoadedSheet[]): Promise<void> {
  if (sheets.length === 0) return;
  try {
    const now = sheets.map((s) => ({ s, protection: s.sheet.protection.load('protected') }));
    await context.sync();
    for (const { s, protection } of now) if (!protection.protected) s.sheet.protection.protect(s.protection.options);
    await context.sync();
  } catch {
    // The write's own error is what the user needs to hear about.
  }
}

function queueWrites(context: Excel.RequestContext, plan: WritePlan, state: LoadedWorkbook, unprotected: readonly LoadedSheet[]): void {
  const targets = targetsOf(plan, state);
  const worksheets = context.workbook.worksheets;
  const sheets = new Map<string, Excel.Worksheet>([...state.sheets].map(([key, s]) => [key, s.sheet]));

  // The user's protection comes back with the same options, unless the product protects the sheet.
  const reprotect: { sheet: Excel.Worksheet; options: Excel.WorksheetProtectionOptions }[] = [];
  for (const s of unprotected) {
    s.sheet.protection.unprotect();
    const target = targets.get(lower(s.name));
    if (!(target && !target.update && target.op.protect)) reprotect.push({ sheet: s.sheet, options: s.protection.options });
  }

  for (const target of targets.values()) {
    const { op, existing } = target;
    let sheet: Excel.Worksheet;
    if (existing) {
      sheet = existing.sheet;
      if (!target.update) {
        resetSheet(context, existing, state);
        if (existing.name !== op.sheet) sheet.name = op.sheet;
        sheetSettings(context, sheet, op, true);
      } else {
        for (const cf of conditionalFormatsReplaced(plan, op.sheet, existing)) cf.delete();
      }
    } else {
      sheet = worksheets.add(op.sheet);
      sheets.set(lower(op.sheet), sheet);
      sheetSettings(context, sheet, op, false);
    }
    // The ownership mark (types.ts, SheetOp): a hidden sheet-scoped name, added only where missing.
    if (!existing?.marked) sheet.names.add(OWNER_NAME, `="${op.sheet.replace(/"/g, '""')}"`).visible = false;
  }

  const sheetOf = (name: string): Excel.Worksheet => sheets.get(lower(name))!;
  const rangeOf = (ref: RangeRef): Excel.Range => sheetOf(ref.sheet).getRange(ref.range);
  const isUpdate = (name: string) => targets.get(lower(name))?.update === true;
  // A sheet's name once the plan is written (as sheetNamesAfter spells it), for references in formulas.
  const nameAfter = (name: string) => {
    const target = targets.get(lower(name));
    return target && !target.update ? target.op.sheet : (state.sheets.get(lower(name))?.name ?? name);
  };
  // Values, formats and everything else first; charts last, after the values they read.
  for (const op of plan) {
    switch (op.kind) {
      case 'sheet':
      case 'chart':
        break;
      case 'values':
        writeValues(context, sheetOf(op.sheet), op, isUpdate(op.sheet));
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
        if (supportsExcelApi(context, '1.8')) addValidation(sheetOf(op.sheet), op, nameAfter);
        break;
      case 'table':
        addTable(sheetOf(op.sheet), op);
        break;
      case 'conditionalFormat':
        addConditionalFormat(sheetOf(op.sheet), op);
        break;
      default:
        throw new PlanError(`Unknown plan op ${(op as { kind: string }).kind}`);
    }
  }
  for (const op of plan) if (op.kind === 'chart') addChart(sheetOf(op.sheet), op, rangeOf);

  // Protection last: locked cells of a protected sheet refuse values.
  for (const target of targets.values()) {
    if (!target.update && target.op.protect) sheetOf(target.op.sheet).protection.protect(PRODUCT_PROTECTION);
  }
  for (const { sheet, options } of reprotect) sheet.protection.protect(options);
}

/** The loaded conditional formats of an updated sheet that the plan's `replaces` texts name. */
function conditionalFormatsReplaced(plan: WritePlan, sheet: string, existing: LoadedSheet): Excel.ConditionalFormat[] {
  const texts = plan.filter((op): op is ConditionalFormatOp => op.kind === 'conditionalFormat' && lower(op.sheet) === lower(sheet) && !!op.replaces).map((op) => op.replaces!);
  if (texts.length === 0) return [];
  return (existing.detail?.conditionalFormats ?? []).filter((cf) => cf.formula !== undefined && texts.some((t) => cf.formula!.includes(t))).map((cf) => cf.format);
}

/** Clears an owned sheet completely (charts, pictures, shapes, tables included), keeping its position and its mark. */
function resetSheet(context: Excel.RequestContext, existing: LoadedSheet, state: LoadedWorkbook): void {
  for (const chart of existing.detail?.charts ?? []) chart.delete();
  for (const shape of existing.detail?.shapes ?? []) shape.delete();
  for (const table of state.tables) if (lower(table.sheet) === lower(existing.name)) table.table.delete();
  const all = existing.sheet.getRange();
  all.conditionalFormats.clearAll();
  if (supportsExcelApi(context, '1.8')) all.dataValidation.clear();
  all.unmerge();
  all.clear('All');
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  existing.sheet.freezePanes.unfreeze();
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

const isWritten = (input: CellInput | undefined): boolean => input !== null && input !== undefined;

/**
 * One 2-D write per op. null (and ragged-row padding) leaves a cell alone, '' clears its value. In
 * update mode the op's style is laid over the written cells only, so a cell the plan leaves alone
 * keeps its format too.
 */
function writeValues(context: Excel.RequestContext, sheet: Excel.Worksheet, op: ValuesOp, update: boolean): void {
  const box = valuesBox(op);
  if (!box) return;
  const width = box.right - box.left + 1;
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
  if (op.style) {
    if (!update || op.rows.every((row) => row.length === width && row.every(isWritten))) applyStyle(context, range, op.style, box);
    else for (const part of writtenBoxes(op, box)) applyStyle(context, sheet.getRange(rangeAddress(part)), op.style, part);
  }
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

/** The written cells of a values op as few boxes: runs per row, joined with equal runs below. */
function writtenBoxes(op: ValuesOp, box: Box): Box[] {
  const done: Box[] = [];
  let open = new Map<string, Box>();
  op.rows.forEach((row, r) => {
    const next = new Map<string, Box>();
    for (let c = 0; c < row.length; ) {
      if (!isWritten(row[c])) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && isWritten(row[end + 1])) end++;
      const key = `${c}:${end}`;
      const above = open.get(key);
      next.set(key, above ? { ...above, bottom: box.top + r } : { top: box.top + r, bottom: box.top + r, left: box.left + c, right: box.left + end });
      open.delete(key);
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  return [...done, ...open.values()];
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
  // A starting height only: Excel fits a row that has no set height to its wrapped text as values
  // are written and as the user types, so the row is left unset (a set height would be fixed).
  if (op.auto) return;
  const rows = [...new Set(op.rows)].sort((a, b) => a - b);
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    sheet.getRange(`A${rows[i]}:A${rows[j]}`).format.rowHeight = op.height;
    i = j + 1;
  }
}

function addValidation(sheet: Excel.Worksheet, op: ValidationOp, nameAfter: (sheet: string) => string): void {
  // A range source is a formula string ("='Mål'!$A$30:$A$49", absolute so every validated cell
  // reads the same cells), as Office.js documents for a list rule's source.
  const source = op.source ? `=${absoluteRef(nameAfter(op.source.sheet), op.source.range)}` : op.list.join(',');
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
 * column would be taken for a series. The chart starts from the first series' values alone, which
 * are written earlier in the same batch (checkCharts makes sure they are not blank).
 */
const CHART_TYPES = { bar: 'BarClustered', column: 'ColumnClustered', line: 'LineMarkers' } as const;

function addChart(sheet: Excel.Worksheet, op: ChartOp, rangeOf: (ref: RangeRef) => Excel.Range): void {
  const [first, ...rest] = op.series;
  const chart = sheet.charts.add(CHART_TYPES[op.type], rangeOf(first.values), 'Columns');
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
    if (spec.color && op.type === 'line') s.format.line.color = color(spec.color);
    else if (spec.color) s.format.fill.setSolidColor(color(spec.color));
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
