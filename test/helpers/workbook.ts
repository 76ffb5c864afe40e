/** Shared helpers for the workbook tests (test/workbook, test/cli/workbook*). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerEntry, AnswerSet } from '../../src/core/answers/types';
import { findCatalog } from '../../src/core/catalog/registry';
import type { Catalog } from '../../src/core/catalog/types';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { Scalar, WorkbookGrid } from '../../src/workbook/plan/types';
import { run } from '../../src/cli/main';
import example from '../../src/examples/exempelkommun.answers.json';
import { CATALOG_ID } from './spec';

export const LEVEL_SHEETS = ['Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4'];
export const QUESTION_SHEETS = ['Start', 'Organisation', ...LEVEL_SHEETS, 'Valideringsfrågor'];
export const RESULT_SHEETS = ['Resultat', 'Ledningssammanfattning', 'Arbetsområden', 'Återkoppling', 'Nästa nivå', 'Handlingsplan'];

export function realCatalog(): Catalog {
  return findCatalog(CATALOG_ID)!;
}

/** A fresh deep copy of the Exempelkommun answers. */
export function exampleAnswers(): AnswerSet {
  return JSON.parse(JSON.stringify(example)) as AnswerSet;
}

/**
 * A hand-varied answer set: unanswered questions, y / u / n, adjacent bands, osäker written in
 * odd case, comments with XML-special characters and line breaks, answers with only a comment,
 * every organisation field and every validation number.
 */
export function variedAnswers(): AnswerSet {
  return {
    catalog: CATALOG_ID,
    organisation: {
      name: 'Region Testland & <Co>',
      type: 'region',
      orgNumber: '232100-0000',
      employees: 31000,
      units: 4,
      cyberSecurityAct: 'vet ej',
      periodEnd: '2025-12-31',
      respondent: 'Alex Berg, informationssäkerhetssamordnare',
      presentedToManagement: '2026-02-14',
    },
    answers: {
      '1': { selected: ['y'], certainty: 'säker', evidence: 'https://example.se/a?x=1&y=2' },
      '2': { selected: ['a', 'b', 'c', 'd', 'e'], certainty: 'Osäker', comment: 'Rad 1\nRad 2 "citat" <b>fet</b> & mer' },
      '3': { selected: ['a', 'b'], certainty: 'säker', evidence: 'Dnr 2025/123' },
      '4': { selected: ['u'], certainty: 'osäker' },
      '5': { selected: ['n'] },
      '10': { selected: ['d', 'e'], certainty: 'SÄKER', evidence: 'x' },
      '12': { selected: [], comment: 'Vi återkommer om detta.' },
      '16': { selected: ['c', 'd'], certainty: 'osäker' },
      '19': { selected: ['u'], certainty: 'säker', evidence: 'Plan' },
      '22': { selected: ['a', 'c', 'e'], certainty: 'säker', evidence: '=HYPERLINK("x")' },
      '27': { selected: ['e'], certainty: 'osäker' },
      '37': { selected: ['f'], certainty: 'säker', evidence: 'Avtal' },
      '39': { selected: ['a', 'b'], certainty: 'osäker' },
      '40': { selected: ['a', 'b', 'c', 'd', 'e'], certainty: 'säker', evidence: 'Protokoll', comment: 'Ledningen beslutade 2025-06-01' },
    },
    validation: { V1: 50, V2: 12, V3: 40, V3b: 0, V4: 7, V5: 0, V6: 1 },
  };
}

/**
 * The answers as the reader should give them back: selected ids lower-cased, de-duplicated, in
 * catalog order; certainty lower-cased; texts trimmed; empty fields left out; empty entries dropped.
 */
export function canonicalAnswers(catalog: Catalog, answers: Record<string, AnswerEntry>): Record<string, AnswerEntry> {
  const out: Record<string, AnswerEntry> = {};
  for (const q of catalog.questions) {
    const a = answers[String(q.number)];
    if (!a) continue;
    const order = q.options.map((o) => o.id);
    const ids = [...new Set(a.selected.map((s) => s.trim().toLowerCase()))].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const entry: AnswerEntry = { selected: ids };
    if (a.certainty?.trim()) entry.certainty = a.certainty.trim().toLowerCase();
    if (a.comment?.trim()) entry.comment = a.comment.trim();
    if (a.evidence?.trim()) entry.evidence = a.evidence.trim();
    if (ids.length || entry.certainty || entry.comment || entry.evidence) out[String(q.number)] = entry;
  }
  return out;
}

/** The questionnaire workbook (.xlsx bytes) for a catalog, with answers filled in. */
export async function questionnaireBytes(answers?: AnswerSet, catalog: Catalog = realCatalog()): Promise<Uint8Array> {
  return applyPlanToXlsx(null, questionnairePlan(catalog, answers));
}

/** A grid whose sheets and rows the test may change. */
export interface EditableGrid extends WorkbookGrid {
  sheetNames: string[];
  sheets: Map<string, { name: string; values: Scalar[][] }>;
}

/** A dense copy (adapters may return sparse grids), keeping the marks and objects the adapter read. */
export function editableGrid(grid: WorkbookGrid): EditableGrid {
  const sheets = new Map<string, { name: string; values: Scalar[][] }>();
  for (const [name, s] of grid.sheets) sheets.set(name, { name: s.name, values: Array.from(s.values, (r) => Array.from(r ?? [], (v) => v ?? null)) });
  return { sheetNames: [...grid.sheetNames], sheets, owners: grid.owners, objects: grid.objects };
}

export async function gridOfBytes(bytes: Uint8Array, sheets?: readonly string[]): Promise<EditableGrid> {
  return editableGrid(await readXlsxGrid(bytes, sheets));
}

/** 1-based row whose column A holds `id` on `sheet`; throws when absent. */
export function rowOf(grid: WorkbookGrid, sheet: string, id: string): number {
  const s = grid.sheets.get(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const r = s.values.findIndex((row) => row[0] === id);
  if (r < 0) throw new Error(`no row ${id} on ${sheet}`);
  return r + 1;
}

/** The level sheet and row holding row id `id` ("Q05", "Q05.b"). */
export function locateId(grid: WorkbookGrid, id: string): { sheet: string; row: number } {
  for (const sheet of LEVEL_SHEETS) {
    const s = grid.sheets.get(sheet);
    const r = s?.values.findIndex((row) => row[0] === id) ?? -1;
    if (r >= 0) return { sheet, row: r + 1 };
  }
  throw new Error(`no row ${id}`);
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function getCell(grid: WorkbookGrid, sheet: string, address: string): Scalar {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return grid.sheets.get(sheet)?.values[Number(m[2]) - 1]?.[colIndex(m[1])] ?? null;
}

export function setCell(grid: EditableGrid, sheet: string, address: string, value: Scalar): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const values = grid.sheets.get(sheet)!.values;
  const r = Number(m[2]) - 1;
  const c = colIndex(m[1]);
  while (values.length <= r) values.push([]);
  const row = values[r];
  while (row.length <= c) row.push(null);
  row[c] = value;
}

// ---------------------------------------------------------------------------------------------
// Package (zip) level

export async function zipOf(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function partText(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async('string');
}

export async function partBytes(zip: JSZip, part: string): Promise<Buffer | undefined> {
  return zip.file(part)?.async('nodebuffer');
}

export function partNames(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((p) => !zip.files[p].dir)
    .sort();
}

function resolve(source: string, target: string): string {
  const segments = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of target.replace(/^\//, '').split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export async function relationships(zip: JSZip, part: string): Promise<{ id: string; type: string; target: string; part: string; external: boolean }[]> {
  const xml = await partText(zip, relsPath(part));
  if (!xml) return [];
  const out = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const external = attr('TargetMode') === 'External';
    out.push({ id: attr('Id'), type: attr('Type'), target: attr('Target'), external, part: external ? '' : resolve(part, attr('Target')) });
  }
  return out;
}

function decodeAttr(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Sheet names in tab order with their worksheet part, read from workbook.xml and its rels. */
export async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const workbook = (await partText(zip, 'xl/workbook.xml'))!;
  const rels = await relationships(zip, 'xl/workbook.xml');
  const out = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = decodeAttr(/\bname="([^"]*)"/.exec(m[1])![1]);
    const rid = /\br:id="([^"]*)"/.exec(m[1])![1];
    out.push({ name, part: rels.find((r) => r.id === rid)!.part });
  }
  return out;
}

export async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const found = (await sheetParts(zip)).find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found.part;
}

export async function sheetNamesOf(bytes: Uint8Array): Promise<string[]> {
  return (await sheetParts(await zipOf(bytes))).map((s) => s.name);
}

/** Every part reachable from a part through its relationships (drawings, media, charts …), with the part itself. */
export async function partClosure(zip: JSZip, root: string): Promise<string[]> {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length) {
    const p = queue.pop()!;
    for (const r of await relationships(zip, p)) {
      if (r.external || seen.has(r.part)) continue;
      seen.add(r.part);
      queue.push(r.part);
    }
  }
  return [...seen].sort();
}

/** Excel's 1900 date serial of YYYY-MM-DD. */
export function dateSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

export type XmlCellValue = string | number | { readonly serial: number } | { readonly formula: string; readonly result: number };

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function refParts(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { col: colIndex(m[1]), row: Number(m[2]) };
}

/**
 * Sets cells in worksheet XML as a person typing in Excel would: strings as inline strings,
 * numbers as numbers; { serial } keeps the cell's existing style (a date format) and stores the serial.
 * Rows and cells are created in order when missing.
 */
export function setCellsInSheetXml(xml: string, cells: Readonly<Record<string, XmlCellValue>>): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const sheetData = doc.getElementsByTagNameNS(MAIN_NS, 'sheetData')[0];
  const children = (el: any, tag: string): any[] => {
    const out: any[] = [];
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && n.localName === tag) out.push(n);
    return out;
  };
  for (const [ref, value] of Object.entries(cells)) {
    const { row, col } = refParts(ref);
    let rowEl = children(sheetData, 'row').find((r) => Number(r.getAttribute('r')) === row);
    if (!rowEl) {
      rowEl = doc.createElementNS(MAIN_NS, 'row');
      rowEl.setAttribute('r', String(row));
      const after = children(sheetData, 'row').find((r) => Number(r.getAttribute('r')) > row);
      sheetData.insertBefore(rowEl, after ?? null);
    }
    let cell = children(rowEl, 'c').find((c) => c.getAttribute('r') === ref);
    if (!cell) {
      cell = doc.createElementNS(MAIN_NS, 'c');
      cell.setAttribute('r', ref);
      const after = children(rowEl, 'c').find((c) => refParts(c.getAttribute('r')).col > col);
      rowEl.insertBefore(cell, after ?? null);
    }
    while (cell.firstChild) cell.removeChild(cell.firstChild);
    cell.removeAttribute('t');
    if (typeof value === 'string') {
      cell.setAttribute('t', 'inlineStr');
      const is = doc.createElementNS(MAIN_NS, 'is');
      const t = doc.createElementNS(MAIN_NS, 't');
      t.setAttribute('xml:space', 'preserve');
      t.appendChild(doc.createTextNode(value));
      is.appendChild(t);
      cell.appendChild(is);
    } else if (typeof value === 'object' && 'formula' in value) {
      const f = doc.createElementNS(MAIN_NS, 'f');
      f.appendChild(doc.createTextNode(value.formula));
      cell.appendChild(f);
      const v = doc.createElementNS(MAIN_NS, 'v');
      v.appendChild(doc.createTextNode(String(value.result)));
      cell.appendChild(v);
    } else {
      const v = doc.createElementNS(MAIN_NS, 'v');
      v.appendChild(doc.createTextNode(String(typeof value === 'number' ? value : value.serial)));
      cell.appendChild(v);
    }
  }
  // Rows may now be wider than the dimension says; drop it, Excel recomputes it.
  const dim = doc.getElementsByTagNameNS(MAIN_NS, 'dimension')[0];
  if (dim) dim.parentNode!.removeChild(dim);
  return new XMLSerializer().serializeToString(doc);
}

/** Edits cells of one sheet of an .xlsx and returns the new bytes (all other parts untouched). */
export async function editSheetCells(bytes: Uint8Array, sheet: string, cells: Readonly<Record<string, XmlCellValue>>): Promise<Uint8Array> {
  const zip = await zipOf(bytes);
  const part = await sheetPart(zip, sheet);
  const xml = (await partText(zip, part))!;
  zip.file(part, setCellsInSheetXml(xml, cells));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------------------------------------
// Command line

export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  return { code, stdout, stderr };
}

/** A temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; path: (name: string) => string; write: (name: string, data: string | Uint8Array) => string; read: (name: string) => Buffer; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'infosak-wb-'));
  return {
    dir,
    path: (name) => join(dir, name),
    write: (name, data) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    },
    read: (name) => readFileSync(join(dir, name)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A 1×1 red PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
