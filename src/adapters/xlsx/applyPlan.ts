/**
 * Applies a WritePlan to an .xlsx package by patching the zip: the sheets the plan owns are written
 * from scratch (with their tables, charts and drawing), sheets it updates ('update' mode) are
 * patched cell by cell (patchSheet.ts), everything else keeps its exact bytes. Every sheet the plan
 * writes gets the product's mark (OWNER_NAME). An ExcelJS round trip would drop the user's charts
 * and pictures (TOOLCHAIN.md).
 */
import { parseRange } from '../../workbook/plan/address';
import type { WritePlan } from '../../workbook/plan/types';
import { chartXml, drawingXml } from './charts';
import {
  CONTENT_TYPE,
  REL_TYPE,
  XlsxPackage,
  freeRelationshipId,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  type Relationship,
  type SheetEntry,
} from './package';
import { buildSheetModels, cellKey, cellScalar, type SheetModel } from './sheetModels';
import { externalLinks, sheetXml } from './sheetXml';
import { StyleSheet, minimalStylesXml } from './styles';
import { tableColumnNames, tableXml } from './tables';
import { OWNER_NAME } from '../../workbook/layout';
import { patchSheetXml, type SkippedCell, type TableHeader } from './patchSheet';
import { activeTab, withFullCalcOnLoad, withOwnerMarks, withSheetAdded, withSheetRenamed, withSheetTitles } from './workbookXml';
import { parseAttributes } from './xml';

export { NotAWorkbookError } from './package';

/** Name of the sheet a new workbook gets when the plan creates none (a workbook needs one). */
const PLACEHOLDER_SHEET = 'Blad1';

export type { SkipReason, SkippedCell } from './patchSheet';

export interface XlsxWriteResult {
  readonly bytes: Uint8Array;
  /** Cells of updated sheets the plan named but that were left as they were, and why. */
  readonly skipped: readonly SkippedCell[];
}

export async function applyPlanToXlsx(base: Uint8Array | null, plan: WritePlan): Promise<Uint8Array> {
  return (await applyPlanToXlsxWithReport(base, plan)).bytes;
}

/**
 * Applies the plan and reports the cells it could not write without breaking the user's work (the
 * master of a shared formula, a cell inside an array formula, a table header); those keep their
 * content. When nothing changes, the bytes given are returned as they are.
 */
export async function applyPlanToXlsxWithReport(base: Uint8Array | null, plan: WritePlan): Promise<XlsxWriteResult> {
  const models = buildSheetModels(plan);
  const pkg = base ? await XlsxPackage.open(base) : XlsxPackage.createEmpty();
  if (!base && models.size === 0) models.set(PLACEHOLDER_SHEET, buildSheetModels([{ kind: 'sheet', sheet: PLACEHOLDER_SHEET }]).get(PLACEHOLDER_SHEET)!);

  const workbookPart = pkg.workbookPart;
  const workbookBefore = (await pkg.text(workbookPart)) ?? '';
  let workbook = workbookBefore;
  // Dates are written as serials of the workbook's own date system (Excel for Mac: 1904).
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookBefore);
  let workbookRels = await pkg.relationships(workbookPart);
  const relsBefore = JSON.stringify(workbookRels);
  const entries = await pkg.sheets();
  const namesBefore = entries.map((e) => e.name);
  let changed = !base;

  // Which owned sheets exist already (Excel compares sheet names case-insensitively).
  const existing = new Map<string, SheetEntry>();
  const updated = new Map<string, SheetEntry>();
  for (const model of models.values()) {
    const entry = entries.find((e) => e.name.toLowerCase() === model.name.toLowerCase());
    if (!entry) {
      if (model.mode === 'update') throw new Error(`Sheet "${model.name}" does not exist; a sheet is only updated in place where it is.`);
      continue;
    }
    if (entry.relType !== REL_TYPE.worksheet || !entry.part || !pkg.has(entry.part)) {
      throw new Error(`Sheet "${entry.name}" exists but is not an ordinary worksheet (a chart sheet?); rename it or remove it before writing "${model.name}".`);
    }
    if (model.mode === 'update') {
      updated.set(model.name, entry);
      continue;
    }
    existing.set(model.name, entry);
    if (entry.name !== model.name) {
      workbook = withSheetRenamed(workbook, entry.relId, model.name);
      entry.name = model.name;
    }
  }

  if (existing.size > 0) await removeOldSheetParts(pkg, [...existing.values()].map((e) => e.part!));

  const styles = await styleSheetOf(pkg, workbookPart, workbookRels, (rels) => (workbookRels = rels));
  if (styles.created) changed = true;
  const tableIds = await existingTables(pkg, models, workbook);

  // Final tab order: the workbook's sheets, then the new ones in plan order.
  const newModels = [...models.values()].filter((m) => m.mode === 'replace' && !existing.has(m.name));
  const sheetOrder = [...entries.map((e) => e.name), ...newModels.map((m) => m.name)];
  // A drop-down's source is a worksheet of the final workbook; its formula spells the name as the workbook does.
  const worksheets = [...entries.filter((e) => e.relType === REL_TYPE.worksheet).map((e) => e.name), ...newModels.map((m) => m.name)];
  const sheetName = (name: string) => worksheets.find((n) => n.toLowerCase() === name.toLowerCase());
  for (const model of models.values()) {
    for (const v of model.validations) {
      if (v.source && sheetName(v.source.sheet) === undefined) {
        throw new Error(`Sheet "${model.name}": the drop-down on ${v.range} takes its values from sheet "${v.source.sheet}", which the workbook does not have.`);
      }
    }
  }
  const selectedTab = activeTab(workbook);
  let nextSheetId = Math.max(0, ...entries.map((e) => e.sheetId || 0)) + 1;
  const lookup = (sheet: string, row: number, column: number) => cellScalar(models, sheet, row, column);
  let needsRecalc = false;
  let dropCalcChain = existing.size > 0;
  const skipped: SkippedCell[] = [];

  for (const model of models.values()) {
    if (model.mode === 'update') {
      const entry = updated.get(model.name)!;
      const part = entry.part!;
      const xml = (await pkg.text(part)) ?? '';
      const rels = await pkg.relationships(part);
      const result = patchSheetXml(xml, model.cells, {
        sheet: entry.name,
        styles: styles.sheet,
        rels,
        tables: await tableHeadersOf(pkg, part, rels),
        conditionalFormats: model.conditionalFormats,
        dxfIds: model.conditionalFormats.map((cf) => styles.sheet.dxfFor(cf.fill, cf.fontColor)),
        date1904,
      });
      skipped.push(...result.skipped);
      if (result.xml !== xml) {
        pkg.set(part, result.xml);
        changed = true;
      }
      if (JSON.stringify(result.rels) !== JSON.stringify(rels)) {
        pkg.setRelationships(part, result.rels);
        changed = true;
      }
      if (result.formulaRemoved) dropCalcChain = true;
      if (result.needsRecalc) needsRecalc = true;
      continue;
    }
    changed = true;
    let part = existing.get(model.name)?.part;
    if (!part) {
      part = pkg.freePart((n) => `xl/worksheets/sheet${n}.xml`);
      const relId = freeRelationshipId(workbookRels);
      workbookRels = [...workbookRels, { id: relId, type: REL_TYPE.worksheet, target: relativeTarget(workbookPart, part) }];
      workbook = withSheetAdded(workbook, model.name, nextSheetId++, relId);
    }
    pkg.set(part, ''); // reserve the name before picking names for its other parts
    await pkg.setOverride(part, CONTENT_TYPE.worksheet);

    const rels: Relationship[] = [];
    const nextRelId = () => freeRelationshipId(rels);
    const hyperlinkRelIds = new Map<number, string>();
    for (const link of externalLinks(model)) {
      const id = nextRelId();
      rels.push({ id, type: REL_TYPE.hyperlink, target: link.url, external: true });
      hyperlinkRelIds.set(link.key, id);
    }

    let drawingRelId: string | undefined;
    if (model.charts.length) {
      const drawingPart = pkg.freePart((n) => `xl/drawings/drawing${n}.xml`);
      const chartRels: Relationship[] = [];
      for (const chart of model.charts) {
        const chartPart = pkg.freePart((n) => `xl/charts/chart${n}.xml`);
        pkg.set(chartPart, chartXml(chart, lookup));
        await pkg.setOverride(chartPart, CONTENT_TYPE.chart);
        chartRels.push({ id: freeRelationshipId(chartRels), type: REL_TYPE.chart, target: relativeTarget(drawingPart, chartPart) });
      }
      pkg.set(drawingPart, drawingXml(model.charts, chartRels.map((r) => r.id)));
      pkg.setRelationships(drawingPart, chartRels);
      await pkg.setOverride(drawingPart, CONTENT_TYPE.drawing);
      drawingRelId = nextRelId();
      rels.push({ id: drawingRelId, type: REL_TYPE.drawing, target: relativeTarget(part, drawingPart) });
    }

    const tableRelIds: string[] = [];
    for (const table of model.tables) {
      const id = lowestFree(tableIds);
      tableIds.add(id);
      const tablePart = pkg.freePart((n) => `xl/tables/table${n}.xml`);
      pkg.set(tablePart, tableXml(table, id, headerNames(model, table)));
      await pkg.setOverride(tablePart, CONTENT_TYPE.table);
      const relId = nextRelId();
      rels.push({ id: relId, type: REL_TYPE.table, target: relativeTarget(part, tablePart) });
      tableRelIds.push(relId);
    }

    for (const cell of model.cells.values()) {
      const v = cell.value;
      if (v !== null && typeof v === 'object' && 'formula' in v && (v.result === undefined || v.result === null)) needsRecalc = true;
    }

    pkg.set(
      part,
      sheetXml(model, {
        xfOf: (style) => styles.sheet.xfFor(style),
        dxfIds: model.conditionalFormats.map((cf) => styles.sheet.dxfFor(cf.fill, cf.fontColor)),
        hyperlinkRelIds,
        drawingRelId,
        tableRelIds,
        tabSelected: sheetOrder.indexOf(model.name) === selectedTab,
        date1904,
        sheetName: (name) => sheetName(name) ?? name,
      }),
    );
    pkg.setRelationships(part, rels);
  }

  if (dropCalcChain) {
    // calcChain lists formula cells by sheet; stale entries make Excel repair the file.
    for (const rel of workbookRels.filter((r) => r.type === REL_TYPE.calcChain)) {
      const part = resolveTarget(workbookPart, rel.target);
      pkg.remove(part);
      await pkg.removeOverride(part);
      changed = true;
    }
    workbookRels = workbookRels.filter((r) => r.type !== REL_TYPE.calcChain);
  }

  // The product's mark on every sheet the plan wrote (sheet-scoped: localSheetId is the tab position).
  const marks = [...models.values()].map((model) => {
    const name = updated.get(model.name)?.name ?? model.name;
    return { localSheetId: sheetOrder.indexOf(name), value: model.name };
  });
  workbook = withOwnerMarks(workbook, OWNER_NAME, marks);

  if (needsRecalc) workbook = withFullCalcOnLoad(workbook);
  if (workbook !== workbookBefore) {
    pkg.set(workbookPart, workbook);
    changed = true;
  }
  if (JSON.stringify(workbookRels) !== relsBefore) {
    pkg.setRelationships(workbookPart, workbookRels);
    changed = true;
  }
  if (styles.changed) {
    pkg.set(styles.part, styles.sheet.toXml());
    changed = true;
  }
  if (newModels.length || sheetOrder.some((n, i) => n !== namesBefore[i])) await updateAppProperties(pkg, namesBefore, sheetOrder);
  // Nothing to change (an update applied again): the workbook keeps its exact bytes, zip included.
  if (!changed && base) return { bytes: base, skipped };
  return { bytes: await pkg.save(), skipped };
}

/** Header rows of the tables on a sheet: their cells must keep the column names. */
async function tableHeadersOf(pkg: XlsxPackage, sheetPart: string, rels: readonly Relationship[]): Promise<TableHeader[]> {
  const headers: TableHeader[] = [];
  for (const rel of rels.filter((r) => r.type === REL_TYPE.table && !r.external)) {
    const xml = await pkg.text(resolveTarget(sheetPart, rel.target));
    const root = xml && /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
    if (!root) continue;
    const a = parseAttributes(root[1]);
    if (a.headerRowCount === '0' || !a.ref) continue;
    const box = parseRange(a.ref);
    const names = [...xml.matchAll(/<(?:\w+:)?tableColumn\b([^>]*?)\/?>/g)].map((m) => parseAttributes(m[1]).name ?? '');
    headers.push({ row: box.top, left: box.left, names });
  }
  return headers;
}

/**
 * Removes what hung off the old versions of the replaced sheets (drawings, charts, tables,
 * comments, printer settings), except parts something that stays still points to (a picture
 * shared with a user's sheet).
 */
async function removeOldSheetParts(pkg: XlsxPackage, sheetParts: readonly string[]): Promise<void> {
  const roots = new Set(sheetParts);
  const candidates = new Set<string>();
  const queue = [...sheetParts];
  while (queue.length) {
    const part = queue.pop()!;
    for (const rel of await pkg.relationships(part)) {
      if (rel.external) continue;
      const target = resolveTarget(part, rel.target);
      if (!roots.has(target) && !candidates.has(target) && pkg.has(target)) {
        candidates.add(target);
        queue.push(target);
      }
    }
  }
  if (candidates.size === 0) return;

  const keep = new Set<string>();
  const keepQueue: string[] = [];
  for (const relsFile of pkg.parts().filter((p) => /(^|\/)_rels\/[^/]*\.rels$/.test(p))) {
    const source = relsFile.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
    if (roots.has(source) || candidates.has(source)) continue;
    for (const rel of await pkg.relationships(source)) {
      const target = rel.external ? '' : resolveTarget(source, rel.target);
      if (candidates.has(target) && !keep.has(target)) {
        keep.add(target);
        keepQueue.push(target);
      }
    }
  }
  // What a kept part points to is kept too.
  while (keepQueue.length) {
    const part = keepQueue.pop()!;
    for (const rel of await pkg.relationships(part)) {
      const target = rel.external ? '' : resolveTarget(part, rel.target);
      if (candidates.has(target) && !keep.has(target)) {
        keep.add(target);
        keepQueue.push(target);
      }
    }
  }
  for (const part of candidates) {
    if (keep.has(part)) continue;
    pkg.remove(part);
    pkg.remove(relsPathOf(part));
    await pkg.removeOverride(part);
  }
}

async function styleSheetOf(
  pkg: XlsxPackage,
  workbookPart: string,
  workbookRels: readonly Relationship[],
  setRels: (rels: Relationship[]) => void,
): Promise<{ part: string; sheet: StyleSheet; readonly changed: boolean; readonly created: boolean }> {
  const rel = workbookRels.find((r) => r.type === REL_TYPE.styles);
  let part = rel ? resolveTarget(workbookPart, rel.target) : undefined;
  let xml = part ? await pkg.text(part) : undefined;
  const created = !part || xml === undefined;
  if (!part || xml === undefined) {
    // A hand-made package without styles: give it the minimal one.
    part = part ?? pkg.freePart((n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`));
    xml = minimalStylesXml();
    pkg.set(part, xml);
    await pkg.setOverride(part, CONTENT_TYPE.styles);
    if (!rel) setRels([...workbookRels, { id: freeRelationshipId(workbookRels), type: REL_TYPE.styles, target: relativeTarget(workbookPart, part) }]);
  }
  const sheet = new StyleSheet(xml);
  return {
    part,
    sheet,
    created,
    get changed() {
      return sheet.changed;
    },
  };
}

/**
 * Ids of the tables that stay; throws when a plan table's name is taken by a user's table or a
 * defined name (Excel keeps both in one namespace and repairs the file on a clash).
 */
async function existingTables(pkg: XlsxPackage, models: ReadonlyMap<string, SheetModel>, workbookXml: string): Promise<Set<number>> {
  const ids = new Set<number>();
  const planned = new Map<string, string>();
  for (const model of models.values()) for (const table of model.tables) planned.set(table.name.toLowerCase(), table.sheet);
  if (planned.size === 0) return ids;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>/g)) {
    const name = parseAttributes(m[1]).name ?? '';
    if (planned.has(name.toLowerCase())) throw new Error(`The workbook already has a defined name "${name}"; a table cannot have the same name.`);
  }
  for (const part of pkg.parts().filter((p) => /^xl\/tables\/[^/]+\.xml$/i.test(p))) {
    const xml = (await pkg.text(part)) ?? '';
    const root = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
    if (!root) continue;
    const a = parseAttributes(root[1]);
    ids.add(Number(a.id));
    const name = (a.displayName ?? a.name ?? '').toLowerCase();
    if (planned.has(name)) {
      throw new Error(`A table named "${a.displayName ?? a.name}" already exists on a sheet the plan does not own; table names must be unique in the workbook.`);
    }
  }
  return ids;
}

function headerNames(model: SheetModel, table: SheetModel['tables'][number]): string[] {
  const box = parseRange(table.range);
  const header: (string | number | boolean | null | undefined)[] = [];
  for (let column = box.left; column <= box.right; column++) {
    const cell = model.cells.get(cellKey(box.top, column));
    const value = cell?.value;
    if (value !== null && typeof value === 'object' && 'formula' in value) {
      throw new Error(`Table "${table.name}" on sheet "${table.sheet}": a header cell holds a formula; Excel allows only text there.`);
    }
    const scalar = value === undefined ? undefined : value === null || typeof value !== 'object' ? value : 'link' in value ? value.text : value.date;
    // Excel keeps table headers as text; a number header would not match the column name.
    if (cell && (typeof value === 'number' || typeof value === 'boolean' || (value !== null && typeof value === 'object' && 'date' in value))) {
      cell.value = String(scalar);
    }
    header.push(scalar);
  }
  return tableColumnNames(table, header);
}

function lowestFree(used: ReadonlySet<number>): number {
  let n = 1;
  while (used.has(n)) n++;
  return n;
}

async function updateAppProperties(pkg: XlsxPackage, before: readonly string[], after: readonly string[]): Promise<void> {
  const appRel = (await pkg.relationships('')).find((r) => r.type === REL_TYPE.extendedProperties);
  if (!appRel) return;
  const part = resolveTarget('', appRel.target);
  const xml = await pkg.text(part);
  if (xml === undefined) return;
  const updated = withSheetTitles(xml, before, after);
  if (updated !== xml) pkg.set(part, updated);
}
