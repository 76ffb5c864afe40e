/**
 * Saved measurements (issue 10, MODEL.md "Change over time"): one row per measurement on the
 * product's sheet Historik, with the answers in a readable column encoding, so any saved
 * measurement can be scored again and compared without the old file.
 *
 * Row: Datum · Katalog · Organisation · Nivå · Nivå <area> … · Totalpoäng · Åtgärder · Besvarade ·
 * Osäkra · Anteckningar (the user's) · V1 … V6 (V3b where the catalog has it) · F1 … F40.
 * Answer encoding per question (README "Project choices"): the ticked option letters in catalog
 * order, comma-separated, then `|S` (säker) or `|O` (osäker); no suffix when the certainty was
 * missing; an empty cell is an unanswered question (a question with an input error is saved as it
 * counted: unanswered). Examples: `b,c|S`, `n|O`, `a`.
 *
 * Columns are found by their header text, never by position, so the user may insert, move or add
 * columns; the summary columns are there for people and for the trend: scoring always starts from
 * the answer columns.
 */
import { normalizeAnswers, parseCertainty } from '../core/answers/normalize';
import type { AnswerEntry, AnswerSet, Certainty } from '../core/answers/types';
import { catalogIds, findCatalog } from '../core/catalog/registry';
import type { Catalog } from '../core/catalog/types';
import { score, type ScoreResult } from '../core/scoring/score';
import { eachRow, findHeader, formulaAt, valueAt, type HeaderLayout, type HeaderSpec } from './headers';
import { cellAddress, columnName } from './plan/address';
import type { CellInput, Scalar, SheetGrid } from './plan/types';
import type { LocatedIssue } from './read';

/** The header row of a Historik sheet the product makes (found by text when reading). */
export const HISTORY_HEADER_ROW = 4;

export interface HistoryColumn {
  /** 'date' | 'catalog' | 'org' | 'level' | 'area:LS' | 'points' | 'measures' | 'answered' | 'uncertain' | 'notes' | 'v:V1' | 'q:12' */
  readonly key: string;
  readonly header: string;
  /** Excel character units. */
  readonly width: number;
}

/** The product's columns of Historik for a catalog, in the order a new sheet gets them. */
export function historyColumns(catalog: Catalog): HistoryColumn[] {
  return [
    { key: 'date', header: 'Datum', width: 12 },
    { key: 'catalog', header: 'Katalog', width: 22 },
    { key: 'org', header: 'Organisation', width: 20 },
    { key: 'level', header: 'Nivå', width: 6 },
    ...catalog.areas.map((a) => ({ key: `area:${a.id}`, header: `Nivå ${a.id}`, width: 8 })),
    { key: 'points', header: 'Totalpoäng', width: 10 },
    { key: 'measures', header: 'Åtgärder', width: 9 },
    { key: 'answered', header: 'Besvarade', width: 10 },
    { key: 'uncertain', header: 'Osäkra', width: 8 },
    { key: 'notes', header: 'Anteckningar', width: 40 },
    ...catalog.validationQuestions.map((v) => ({ key: `v:${v.id}`, header: v.id, width: 6 })),
    ...catalog.questions.map((q) => ({ key: `q:${q.number}`, header: `F${q.number}`, width: 9 })),
  ];
}

/** The catalogs the product ships: the ones a saved row can be scored with. */
export function knownCatalogs(): Catalog[] {
  return catalogIds.map((id) => findCatalog(id)!);
}

/**
 * Header specs for every known catalog (a row may be of an older edition). Area columns come
 * first: "Nivå LS" also starts with "Nivå", and findHeader takes the first spec that matches a cell.
 */
function headerSpecs(catalogs: readonly Catalog[]): HeaderSpec<string>[] {
  const seen = new Set<string>();
  const areas: HeaderSpec<string>[] = [];
  const rest: HeaderSpec<string>[] = [];
  for (const c of catalogs) {
    for (const col of historyColumns(c)) {
      if (seen.has(col.key)) continue;
      seen.add(col.key);
      (col.key.startsWith('area:') ? areas : rest).push({ key: col.key, texts: [col.header.toLowerCase()] });
    }
  }
  return [...areas, ...rest];
}

/** Where Historik's table is: its header row and the column of each product key found there. */
export function locateHistory(sheet: SheetGrid, catalogs: readonly Catalog[] = knownCatalogs()): HeaderLayout<string> | undefined {
  return findHeader(sheet, headerSpecs(catalogs), ['date', 'catalog']);
}

const CERTAINTY_CODE: Record<Certainty, string> = { säker: 'S', osäker: 'O' };

/** `b,c|S`: one question's saved answer (see the module comment). */
export function encodeAnswer(selected: readonly string[], certainty: Certainty | undefined): string {
  if (!selected.length) return '';
  return `${selected.join(',')}${certainty ? `|${CERTAINTY_CODE[certainty]}` : ''}`;
}

const ANSWER_PATTERN = /^([a-z](?:\s*,\s*[a-z])*)\s*(?:\|\s*([so]))?$/i;

/** The saved answer back, or undefined when the text is not one (nonsense, an option the question does not have). */
export function decodeAnswer(text: string, options: readonly string[]): AnswerEntry | null | undefined {
  const t = text.normalize('NFC').trim();
  if (t === '') return null;
  const m = ANSWER_PATTERN.exec(t);
  if (!m) return undefined;
  const selected = m[1].split(',').map((s) => s.trim().toLowerCase());
  if (new Set(selected).size !== selected.length || selected.some((s) => !options.includes(s))) return undefined;
  const code = m[2]?.toUpperCase();
  return code ? { selected, certainty: code === 'S' ? 'säker' : 'osäker' } : { selected };
}

/**
 * The cells of one measurement, keyed like historyColumns. Answers are saved as they counted: a
 * question with an input error is saved unanswered, a missing certainty stays missing (it counts
 * as osäker again when the measurement is scored).
 */
export function measurementCells(catalog: Catalog, answers: AnswerSet, result: ScoreResult, date: string): Map<string, CellInput> {
  const cells = new Map<string, CellInput>();
  cells.set('date', { date });
  cells.set('catalog', catalog.id);
  cells.set('org', answers.organisation?.name?.trim() ?? '');
  cells.set('level', result.level);
  for (const a of result.areas) cells.set(`area:${a.id}`, a.level);
  cells.set('points', result.totalPoints);
  cells.set('measures', result.measures.done);
  cells.set('answered', result.answeredCount);
  cells.set('uncertain', result.uncertainCount);
  for (const v of catalog.validationQuestions) cells.set(`v:${v.id}`, result.validation[v.id] ?? '');
  const normalized = normalizeAnswers(catalog, answers);
  for (const q of catalog.questions) {
    const n = normalized.byNumber.get(q.number);
    let text = '';
    if (n?.state === 'answered') {
      const raw = parseCertainty(answers.answers[String(q.number)]?.certainty);
      text = encodeAnswer(n.selected, raw === 'invalid' ? undefined : raw);
    }
    cells.set(`q:${q.number}`, text);
  }
  return cells;
}

/** One row of Historik that reads as a measurement. */
export interface SavedMeasurement {
  readonly date: string;
  readonly catalog: string;
  /** 1-based row on Historik. */
  readonly row: number;
  readonly organisation?: string;
  /** The saved answers and their score; absent for a catalog this product does not know (listed, never compared). */
  readonly answers?: AnswerSet;
  readonly result?: ScoreResult;
}

export interface HistoryRead {
  /** The workbook's spelling of the sheet. */
  readonly sheet: string;
  readonly header: HeaderLayout<string> | undefined;
  /** Usable rows, by date (unknown catalogs included, without answers). */
  readonly saved: readonly SavedMeasurement[];
  /** The row of each date found in a date cell, whether or not the rest of the row reads. */
  readonly dateRows: ReadonlyMap<string, number>;
  /** Rows that do not read (each skipped), columns that are missing, saved figures that disagree with the answers. */
  readonly issues: readonly LocatedIssue[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const cellText = (v: Scalar): string => (v === null ? '' : String(v).normalize('NFC').trim());

/**
 * Reads the saved measurements from the product's Historik (the caller checks ownership). A row
 * that does not read is skipped with an error naming each bad cell; the other rows stay usable.
 * `catalogs` are the ones a row may be scored with (tests add an edition the product lacks); a row
 * of any other catalog is listed with its date, never decoded.
 */
export function readHistory(sheet: SheetGrid, catalogs: readonly Catalog[] = knownCatalogs()): HistoryRead {
  const name = sheet.name;
  const issues: LocatedIssue[] = [];
  const lookup = (id: string) => catalogs.find((c) => c.id === id);
  const header = locateHistory(sheet, catalogs);
  if (!header) {
    issues.push({ severity: 'error', code: 'history-header-missing', sheet: name, params: { sheet: name } });
    return { sheet: name, header, saved: [], dateRows: new Map(), issues };
  }
  const col = header.columns;
  const dateColumn = col.get('date')!;
  const catalogColumn = col.get('catalog')!;
  const questionColumns = [...col.keys()].filter((k) => k.startsWith('q:')).map((k) => col.get(k)!);
  const saved: SavedMeasurement[] = [];
  const dateRows = new Map<string, number>();
  const missingReported = new Set<string>();

  const rows = new Set<number>();
  eachRow(sheet.values, (_, row) => row > header.row && rows.add(row));
  eachRow(sheet.formulas, (_, row) => row > header.row && rows.add(row));
  for (const row of [...rows].sort((a, b) => a - b)) {
    const at = (column: number) => cellAddress(row, column);
    const value = (column: number) => valueAt(sheet, row, column);
    const filled = (column: number) => cellText(value(column)) !== '' || formulaAt(sheet, row, column) !== undefined;
    // A row of the user's own (a note typed below the table, even in the Datum column) has neither
    // a catalog id nor an answer: it is not a measurement and not an error.
    if (!filled(catalogColumn) && !questionColumns.some(filled)) continue;
    const rowIssues: LocatedIssue[] = [];
    const bad = (code: string, column: number, params: Record<string, string | number> = {}) =>
      rowIssues.push({ severity: 'error', code, sheet: name, cell: at(column), params: { row, ...params } });

    const rawDate = value(dateColumn);
    const date = typeof rawDate === 'string' && isIsoDate(rawDate.trim()) ? rawDate.trim() : undefined;
    if (!date) bad('history-bad-date', dateColumn, { value: cellText(rawDate) });
    else if (dateRows.has(date)) bad('history-duplicate-date', dateColumn, { date, other: cellAddress(dateRows.get(date)!, dateColumn) });
    else dateRows.set(date, row);
    const catalogId = cellText(value(catalogColumn));
    if (!catalogId) bad('history-no-catalog', catalogColumn);
    const catalog = catalogId ? lookup(catalogId) : undefined;
    const orgColumn = col.get('org');
    const organisation = orgColumn !== undefined ? cellText(value(orgColumn)) || undefined : undefined;

    if (!catalog) {
      // Another catalog: listed with its date, never decoded (its questions may mean something else).
      if (!rowIssues.length) saved.push({ date: date!, catalog: catalogId, row, organisation });
      issues.push(...rowIssues);
      continue;
    }
    const missing = catalog.questions.map((q) => `q:${q.number}`).filter((k) => !col.has(k));
    if (missing.length) {
      if (!missingReported.has(catalog.id)) {
        missingReported.add(catalog.id);
        issues.push({
          severity: 'error',
          code: 'history-column-missing',
          sheet: name,
          cell: cellAddress(header.row, dateColumn),
          params: { catalog: catalog.id, columns: missing.map((k) => `F${k.slice(2)}`).join(', ') },
        });
      }
      continue;
    }
    const answers: Record<string, AnswerEntry> = {};
    for (const q of catalog.questions) {
      const column = col.get(`q:${q.number}`)!;
      const v = value(column);
      const decoded = typeof v === 'string' ? decodeAnswer(v, q.options.map((o) => o.id)) : v === null ? null : undefined;
      if (decoded === undefined) bad('history-bad-answer', column, { value: cellText(v), question: q.number });
      else if (decoded) answers[String(q.number)] = decoded;
    }
    const validation: Record<string, number> = {};
    for (const vq of catalog.validationQuestions) {
      const column = col.get(`v:${vq.id}`);
      if (column === undefined) continue;
      const v = value(column);
      if (v === null || cellText(v) === '') continue;
      const n = typeof v === 'number' ? v : Number(cellText(v).replace(/\s/g, ''));
      if (Number.isInteger(n) && n >= 0) validation[vq.id] = n;
      else bad('history-bad-number', column, { value: cellText(v) });
    }
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    const set: AnswerSet = {
      catalog: catalog.id,
      ...(organisation ? { organisation: { name: organisation } } : {}),
      answers,
      validation,
    };
    const result = score(catalog, set);
    // The saved figures are for people; the answers decide. A figure edited by hand is pointed out.
    for (const [key, computed] of [
      ['level', result.level],
      ['points', result.totalPoints],
    ] as const) {
      const column = col.get(key);
      if (column === undefined) continue;
      const got = value(column);
      if (got !== null && cellText(got) !== '' && Number(cellText(got)) !== computed) {
        issues.push({
          severity: 'warning',
          code: 'history-figure-differs',
          sheet: name,
          cell: at(column),
          params: { row, value: cellText(got), computed, column: cellText(valueAt(sheet, header.row, column)) || columnName(column) },
        });
      }
    }
    saved.push({ date: date!, catalog: catalog.id, row, organisation, answers: set, result });
  }
  saved.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  return { sheet: name, header, saved, dateRows, issues };
}

/** The latest saved measurement of this catalog dated before `today` (the one "since the last measurement" compares with). */
export function previousMeasurement(sheet: SheetGrid, catalog: Catalog, today: string): SavedMeasurement | undefined {
  const usable = readHistory(sheet).saved.filter((m) => m.catalog === catalog.id && m.result && m.date < today);
  return usable[usable.length - 1];
}
