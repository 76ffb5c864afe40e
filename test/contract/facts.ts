/**
 * The contract both adapters keep, as comparable facts per sheet: cell values and formulas (each
 * adapter's own reader), merged areas, tables, data-validation lists, chart sources and protection.
 * From an .xlsx package (read here from its XML, as Excel would) and from the memory Excel.
 * Formats, widths and chart styling are the adapters' own business and are not compared.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { loadWorkbook } from '../../src/adapters/officejs/loadWorkbook';
import type { MemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { cellAddress, parseRange } from '../../src/workbook/plan/address';
import type { SheetGrid, WorkbookGrid } from '../../src/workbook/plan/types';

export interface SheetFacts {
  /** "B3" → value, for cells that hold a value (formula cells: their formula instead, in `formulas`). */
  readonly values: Record<string, unknown>;
  readonly formulas: Record<string, string>;
  readonly merges: string[];
  readonly tables: { name: string; range: string }[];
  /** list source → the cells it applies to, sorted */
  readonly validations: Record<string, string[]>;
  /** per chart: [categories, values] of each series, "Sheet!A1:A3" */
  readonly charts: string[][][];
  readonly protection: { protected: boolean; allowFormatRows?: boolean; allowInsertHyperlinks?: boolean };
}

const cells = (range: string): string[] => {
  const box = parseRange(range);
  const out: string[] = [];
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) out.push(cellAddress(r, c));
  return out;
};

/** Values and formulas of a grid, keyed by address; formula cells give their formula only (a memory Excel does not calculate). */
function gridFacts(grid: SheetGrid | undefined): Pick<SheetFacts, 'values' | 'formulas'> {
  const values: Record<string, unknown> = {};
  const formulas: Record<string, string> = {};
  grid?.values.forEach((row, r) =>
    row?.forEach((value, c) => {
      if (grid.formulas?.[r]?.[c]) return;
      if (value !== null && value !== undefined && value !== '') values[cellAddress(r + 1, c + 1)] = value;
    }),
  );
  grid?.formulas?.forEach((row, r) =>
    row?.forEach((formula, c) => {
      if (formula) formulas[cellAddress(r + 1, c + 1)] = formula.replace(/^=/, '');
    }),
  );
  return { values, formulas };
}

const ref = (sheet: string, range: string) => `${sheet}!${range}`;

// ---- .xlsx -----------------------------------------------------------------------------------------

/** The little of xmldom's DOM used here (its types and lib.dom's do not mix). */
interface XmlNode {
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
  readonly textContent: string | null;
}
const parse = (xml: string): XmlNode => new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlNode;
const byTag = (node: XmlNode, name: string): XmlNode[] => Array.from(node.getElementsByTagName(name));
const target = (base: string, relative: string): string => {
  if (relative.startsWith('/')) return relative.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
};
const relsOf = async (zip: JSZip, part: string): Promise<Map<string, string>> => {
  const path = `${part.split('/').slice(0, -1).join('/')}/_rels/${part.split('/').pop()}.rels`;
  const xml = await zip.file(path)?.async('string');
  return new Map(xml ? byTag(parse(xml), 'Relationship').map((r) => [r.getAttribute('Id')!, target(part, r.getAttribute('Target')!)]) : []);
};
/** "'Nivå 1'!$A$2:$A$5" → "Nivå 1!A2:A5" */
const plainRef = (f: string) => {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(f.trim());
  return m ? ref((m[1] ?? m[2]).replace(/''/g, "'"), m[3].replace(/\$/g, '')) : f;
};

export async function xlsxFacts(data: Uint8Array, sheets: readonly string[]): Promise<Map<string, SheetFacts>> {
  const grid = await readXlsxGrid(data, sheets);
  const zip = await JSZip.loadAsync(data);
  const workbook = parse((await zip.file('xl/workbook.xml')!.async('string'))!);
  const workbookRels = await relsOf(zip, 'xl/workbook.xml');
  const facts = new Map<string, SheetFacts>();
  for (const sheet of byTag(workbook, 'sheet')) {
    const name = sheet.getAttribute('name')!;
    if (!sheets.includes(name)) continue;
    const part = workbookRels.get(sheet.getAttribute('r:id')!)!;
    const doc = parse(await zip.file(part)!.async('string'));
    const rels = await relsOf(zip, part);
    const validations: Record<string, string[]> = {};
    for (const v of byTag(doc, 'dataValidation')) {
      const formula = byTag(v, 'formula1')[0]?.textContent ?? '';
      const source = formula.replace(/^"|"$/g, '');
      validations[source] = [...(validations[source] ?? []), ...(v.getAttribute('sqref') ?? '').split(/\s+/).filter(Boolean).flatMap(cells)].sort();
    }
    const tables: SheetFacts['tables'] = [];
    for (const t of byTag(doc, 'tablePart')) {
      const table = byTag(parse(await zip.file(rels.get(t.getAttribute('r:id')!)!)!.async('string')), 'table')[0];
      tables.push({ name: table.getAttribute('displayName') ?? table.getAttribute('name')!, range: table.getAttribute('ref')! });
    }
    const charts: string[][][] = [];
    for (const d of byTag(doc, 'drawing')) {
      const drawingPart = rels.get(d.getAttribute('r:id')!)!;
      const drawingRels = await relsOf(zip, drawingPart);
      const drawing = parse(await zip.file(drawingPart)!.async('string'));
      for (const c of byTag(drawing, 'c:chart')) {
        const chart = parse(await zip.file(drawingRels.get(c.getAttribute('r:id')!)!)!.async('string'));
        charts.push(
          byTag(chart, 'c:ser').map((ser) => [
            plainRef(byTag(byTag(ser, 'c:cat')[0] ?? ser, 'c:f')[0]?.textContent ?? ''),
            plainRef(byTag(byTag(ser, 'c:val')[0] ?? ser, 'c:f')[0]?.textContent ?? ''),
          ]),
        );
      }
    }
    const protection = byTag(doc, 'sheetProtection')[0];
    // In sheetProtection an attribute "0" means the action is allowed (ECMA-376 §18.3.1.85); formatRows and insertHyperlinks default to "1".
    const allowed = (attribute: string) => protection?.getAttribute(attribute) === '0' || protection?.getAttribute(attribute) === 'false';
    facts.set(name, {
      ...gridFacts(grid.sheets.get(name)),
      merges: byTag(doc, 'mergeCell').map((m) => m.getAttribute('ref')!).sort(),
      tables,
      validations,
      charts,
      protection: protection && protection.getAttribute('sheet') !== '0' ? { protected: true, allowFormatRows: allowed('formatRows'), allowInsertHyperlinks: allowed('insertHyperlinks') } : { protected: false },
    });
  }
  return facts;
}

// ---- memory Excel ----------------------------------------------------------------------------------

export async function memoryFacts(excel: MemoryExcel, sheets: readonly string[]): Promise<Map<string, SheetFacts>> {
  const loaded = await excel.run((context) => loadWorkbook(context, sheets));
  const facts = new Map<string, SheetFacts>();
  for (const name of sheets) {
    const sheet = excel.workbook.findSheet(name);
    if (!sheet) continue;
    const validations: Record<string, string[]> = {};
    for (const key of sheet.validations.keys()) {
      const row = Math.floor(key / 16384) + 1;
      const column = (key % 16384) + 1;
      const source = String((sheet.validations.get(key)!.rule.list as { source?: string } | undefined)?.source ?? '').replace(/^=/, '');
      (validations[source] ??= []).push(cellAddress(row, column));
    }
    for (const list of Object.values(validations)) list.sort();
    const options = sheet.protection.options as { allowFormatRows?: boolean; allowInsertHyperlinks?: boolean };
    facts.set(sheet.name, {
      ...gridFacts(loaded.grid.sheets.get(name)),
      merges: sheet.mergedAreas().sort(),
      tables: sheet.tableViews().map(({ name: table, range }) => ({ name: table, range })),
      validations,
      charts: sheet.chartViews().map((c) => c.series.map((s) => [s.categories ? ref(s.categories.sheet, s.categories.range) : '', s.values ? ref(s.values.sheet, s.values.range) : ''])),
      protection: sheet.protection.protected ? { protected: true, allowFormatRows: options.allowFormatRows === true, allowInsertHyperlinks: options.allowInsertHyperlinks === true } : { protected: false },
    });
  }
  return facts;
}

/** Both adapters' grids, for computing the next plan from what each one reads. */
export async function xlsxGrid(data: Uint8Array, sheets: readonly string[]): Promise<WorkbookGrid> {
  return readXlsxGrid(data, sheets);
}
