/** Plans and workbooks shared by the .xlsx adapter tests. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import type { WritePlan } from '../../../src/workbook/plan/types';

export const RESULT_SHEET = 'Arbetsområden';
export const QUESTION_SHEET = 'Frågor';

/** A plan with every op kind, over two owned sheets. */
export function everyOpPlan(): WritePlan {
  return [
    { kind: 'sheet', sheet: RESULT_SHEET, tabColor: '1F4E79', columnWidths: [28, 8, 8], freeze: { rows: 1, columns: 1 }, landscape: true, fitToWidth: true },
    { kind: 'values', sheet: RESULT_SHEET, at: 'A1', rows: [['Arbetsområde', 'Nivå', 'Poäng']], style: { bold: true, fill: '1F4E79', fontColor: 'FFFFFF' } },
    {
      kind: 'values',
      sheet: RESULT_SHEET,
      at: 'A2',
      rows: [
        ['Styrning', 3, 38],
        ['Risk', 2, 22],
        ['Incidenter', 1, 12],
      ],
    },
    { kind: 'table', sheet: RESULT_SHEET, name: 'Resultat', range: 'A1:C4' },
    {
      kind: 'chart',
      sheet: RESULT_SHEET,
      name: 'Nivåer',
      type: 'bar',
      title: 'Nivå per arbetsområde',
      categories: { sheet: RESULT_SHEET, range: 'A2:A4' },
      series: [{ name: 'Nivå', values: { sheet: RESULT_SHEET, range: 'B2:B4' }, color: '1F4E79' }],
      anchor: { from: 'E1', to: 'L15' },
      axis: { min: 0, max: 4, majorUnit: 1, title: 'Nivå' },
    },
    {
      kind: 'chart',
      sheet: RESULT_SHEET,
      name: 'Poäng',
      type: 'column',
      title: 'Poäng',
      categories: { sheet: RESULT_SHEET, range: 'A2:A4' },
      series: [{ name: 'Poäng', values: { sheet: RESULT_SHEET, range: 'C2:C4' } }],
      anchor: { from: 'E17', to: 'L30' },
      legend: true,
    },
    { kind: 'sheet', sheet: QUESTION_SHEET, columnWidths: [6, 40, 12, 12], protect: true, showGridlines: false, fitToPage: true },
    { kind: 'values', sheet: QUESTION_SHEET, at: 'A1', rows: [['Frågor & svar <1>']], style: { bold: true, fontSize: 14 } },
    { kind: 'merge', sheet: QUESTION_SHEET, range: 'A1:D1' },
    { kind: 'rowHeight', sheet: QUESTION_SHEET, rows: [1, 20], height: 24 },
    {
      kind: 'values',
      sheet: QUESTION_SHEET,
      at: 'A3',
      rows: [
        [1, 'Policy?', 'Säker', { date: '2026-03-15' }],
        [2, 'Risk?', 'Osäker', { date: '1999-12-31' }],
        [3, 'Antal', { formula: '=COUNTA(B3:B4)', result: 2 }, { formula: 'C3&"!"', result: 'Säker!' }],
        [true, false, { formula: 'NOW()' }, null],
        [{ link: 'https://www.mcf.se/', text: 'MCF' }, { link: "#'Arbetsområden'!A1", text: 'Till resultat' }],
      ],
    },
    { kind: 'style', sheet: QUESTION_SHEET, range: 'C3:C4', style: { locked: false, fill: 'FFF2CC' } },
    { kind: 'style', sheet: QUESTION_SHEET, range: 'C3', style: { italic: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: 'thin', indent: 1, numberFormat: '0.0' } },
    { kind: 'validation', sheet: QUESTION_SHEET, range: 'C3:C4', list: ['Säker', 'Osäker'], strict: false, prompt: 'Välj ett svar' },
    { kind: 'validation', sheet: QUESTION_SHEET, range: 'E3:E4', list: ['Ja', 'Nej "kanske"'], strict: true },
    { kind: 'conditionalFormat', sheet: QUESTION_SHEET, range: 'C3:C4', formula: 'C3="Osäker"', fill: 'F8CBAD', fontColor: '9C0006' },
  ];
}

/** 1×1 PNG */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A user's workbook made by ExcelJS: a sheet with values, styles, a picture, a note and a table. */
export async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mina anteckningar');
  ws.getCell('A1').value = 'Egen rubrik';
  ws.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
  ws.getCell('B2').value = 42;
  ws.getCell('B2').numFmt = '0.000';
  ws.getCell('B3').value = { formula: 'B2*2', result: 84 };
  ws.getCell('A4').note = 'Användarens kommentar';
  ws.addTable({ name: 'Egen', ref: 'D1', columns: [{ name: 'Kol1' }, { name: 'Kol2' }], rows: [[1, 2], [3, 4]] });
  const image = wb.addImage({ buffer: TINY_PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, { tl: { col: 6, row: 6 }, ext: { width: 50, height: 50 } });
  wb.addWorksheet('Övrigt').getCell('A1').value = 'x';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function zipEntries(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const entries = new Map<string, Buffer>();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) entries.set(path, await file.async('nodebuffer'));
  return entries;
}

export async function partText(data: Uint8Array, part: string): Promise<string> {
  const file = (await JSZip.loadAsync(data)).file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async('string');
}

/** Parses XML and fails on any error or warning (xmldom is lenient by default). */
export function parseStrict(xml: string, part: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  if (problems.length) throw new Error(`${part} is not well-formed: ${problems.join('; ')}`);
  return doc as unknown as Document;
}

/** The part a sheet name points to, through workbook.xml and its rels. */
export async function sheetPart(data: Uint8Array, name: string): Promise<string> {
  const workbook = parseStrict(await partText(data, 'xl/workbook.xml'), 'workbook');
  const rels = parseStrict(await partText(data, 'xl/_rels/workbook.xml.rels'), 'rels');
  const sheet = Array.from(workbook.getElementsByTagName('sheet')).find((s) => s.getAttribute('name') === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const id = sheet.getAttribute('r:id');
  const rel = Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === id)!;
  return `xl/${rel.getAttribute('Target')!.replace(/^\/?xl\//, '')}`;
}

/** CT_Worksheet child order (ECMA-376 part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture',
  'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export function worksheetChildren(xml: string): string[] {
  const root = parseStrict(xml, 'worksheet').documentElement;
  return Array.from(root.childNodes).filter((n) => n.nodeType === 1).map((n) => (n as Element).localName);
}

/**
 * Package invariants Excel checks on open: every XML part well-formed, every part has a content
 * type, every override and internal relationship points at a part that exists, worksheets in
 * schema order. Returns the problems found.
 */
export async function packageProblems(data: Uint8Array, skipOrderCheck: readonly string[] = []): Promise<string[]> {
  const entries = await zipEntries(data);
  const problems: string[] = [];
  const types = parseStrict(entries.get('[Content_Types].xml')!.toString('utf8'), '[Content_Types].xml');
  const defaults = new Set(Array.from(types.getElementsByTagName('Default')).map((d) => d.getAttribute('Extension')!.toLowerCase()));
  const overrides = Array.from(types.getElementsByTagName('Override')).map((o) => o.getAttribute('PartName')!.slice(1));
  for (const part of overrides) if (!entries.has(part)) problems.push(`override for missing part ${part}`);
  if (new Set(overrides).size !== overrides.length) problems.push('duplicate overrides');
  for (const [part, bytes] of entries) {
    if (part === '[Content_Types].xml') continue;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.includes(part) && !defaults.has(ext)) problems.push(`no content type for ${part}`);
    if (/\.(xml|rels|vml)$/.test(part)) {
      try {
        parseStrict(bytes.toString('utf8'), part);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (part.endsWith('.rels')) {
      const source = part.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
      if (source && !entries.has(source)) problems.push(`rels for missing part ${source}`);
      const dir = source.split('/').slice(0, -1);
      for (const rel of Array.from(parseStrict(bytes.toString('utf8'), part).getElementsByTagName('Relationship'))) {
        if (rel.getAttribute('TargetMode') === 'External') continue;
        const target = rel.getAttribute('Target')!;
        const segments = target.startsWith('/') ? [] : [...dir];
        for (const s of target.replace(/^\//, '').split('/')) s === '..' ? segments.pop() : segments.push(s);
        if (!entries.has(segments.join('/'))) problems.push(`${part}: ${rel.getAttribute('Id')} points at missing ${segments.join('/')}`);
      }
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(part) && !skipOrderCheck.includes(part)) {
      const order = worksheetChildren(bytes.toString('utf8')).map((name) => WORKSHEET_ORDER.indexOf(name));
      if (order.some((i, k) => i < 0 || (k > 0 && i <= order[k - 1] && WORKSHEET_ORDER[i] !== 'conditionalFormatting'))) {
        problems.push(`${part}: elements out of schema order: ${worksheetChildren(bytes.toString('utf8')).join(', ')}`);
      }
    }
  }
  return problems;
}
