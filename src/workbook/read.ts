import { normalizeAnswers } from '../core/answers/normalize';
import type { AnswerEntry, AnswerSet, InputIssue, Organisation } from '../core/answers/types';
import { allCatalogIds, findAnyCatalog } from '../core/catalog/models';
import { findCatalog } from '../core/catalog/registry';
import type { Catalog } from '../core/catalog/types';
import {
  CATALOG_LABEL,

  ORG_TYPE_LABELS,
  ORGANISATION_FIELDS,
  Q_HEADER_ROW,
  SHEETS,
  YES_NO,
  levelSheet,
  optionId,
  parseRowId,
  questionId,
} from './layout';
import { cellAddress, columnName } from './plan/address';
import { eachRow, findHeader, formulaAt, valueAt, type HeaderSpec } from './headers';
import type { Scalar, SheetGrid, WorkbookGrid } from './plan/types';

/** A problem found while reading, with the sheet and cell it is in (STYLE 5). */
export interface LocatedIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly question?: number | string;
  /** The statement or context question of a stammer-model catalog ("S01", "K1"; issue 12). */
  readonly statement?: string;
  readonly option?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ReadOutcome =
  | { readonly kind: 'foreign'; readonly issue: LocatedIssue }
  | {
      readonly kind: 'questionnaire';
      readonly catalog: Catalog;
      readonly answers: AnswerSet;
      /** Reader problems and the core's input errors and warnings, each with its cell. */
      readonly issues: readonly LocatedIssue[];
    };

const TICKED = new Set(['x', 'ja', '1', 'true', 'sant', '✓', '✔', '☑']);

/** The tick rule of every form (issue 12 reuses it): empty, ticked, or something that is neither. */
export function tickOf(v: Scalar | undefined): 'empty' | 'ticked' | 'unreadable' {
  if (v === null || v === undefined || v === false || text(v) === '') return 'empty';
  return v === true || TICKED.has(text(v).toLowerCase()) ? 'ticked' : 'unreadable';
}

/** Cell text as a person sees it: trimmed, NFC. */
export function text(v: Scalar | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFC').trim();
}

type QuestionColumn = 'id' | 'number' | 'text' | 'answer' | 'comment' | 'evidence';
/** The level sheets' header (questionnaire.ts writes it): found by text, so inserted columns are followed. */
export const QUESTION_HEADERS: readonly HeaderSpec<QuestionColumn>[] = [
  { key: 'id', texts: ['id'] },
  { key: 'number', texts: ['nr'] },
  { key: 'text', texts: ['fråga och svarsalternativ', 'fråga'] },
  { key: 'answer', texts: ['svar / bedömning', 'svar'] },
  { key: 'comment', texts: ['kommentar'] },
  { key: 'evidence', texts: ['underlag'] },
];
const QUESTION_REQUIRED: readonly QuestionColumn[] = ['id', 'answer', 'comment', 'evidence'];

type KeyValueColumn = 'id' | 'label' | 'value' | 'help';
/** Organisation and Valideringsfrågor: Id · Uppgift/Fråga · Värde/Antal · Förklaring. */
export const KEY_VALUE_HEADERS: readonly HeaderSpec<KeyValueColumn>[] = [
  { key: 'id', texts: ['id'] },
  { key: 'label', texts: ['uppgift', 'fråga'] },
  { key: 'value', texts: ['värde', 'antal'] },
  { key: 'help', texts: ['förklaring'] },
];

interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

/** Where each question and option row is (found by id), and each level sheet's columns (found by header). */
export interface RowIndex {
  readonly questions: Map<number, RowRef>;
  readonly options: Map<string, RowRef>;
  readonly columns: Map<string, ReadonlyMap<QuestionColumn, number>>;
}

/** The catalog id: the cell right of the "Katalog-id" label on Start, wherever the user moved it. */
export function findCatalogId(grid: WorkbookGrid): string | undefined {
  const start = grid.sheets.get(SHEETS.start);
  if (!start) return undefined;
  for (let r = 0; r < Math.min(start.values.length, 200); r++) {
    const cells = start.values[r];
    if (!cells) continue;
    for (let c = 0; c < Math.min(cells.length, 50); c++) {
      if (text(cells[c]) === CATALOG_LABEL) return text(cells[c + 1]) || undefined;
    }
  }
  return undefined;
}

/** A cell that holds a formula Excel never calculated (written by a tool, or saved without recalculation). */
export function uncalculated(sheet: SheetGrid, row: number, column: number): boolean {
  const v = valueAt(sheet, row, column);
  return (v === null || v === '') && formulaAt(sheet, row, column) !== undefined;
}

/**
 * Reads the answers from a questionnaire workbook. Tolerant of the tick marks people type,
 * strict about everything else: each problem becomes an issue naming sheet and cell.
 */
export function readWorkbook(grid: WorkbookGrid): ReadOutcome {
  const catalogId = findCatalogId(grid);
  if (!catalogId) return { kind: 'foreign', issue: { severity: 'error', code: 'foreign-workbook' } };
  const catalog = findCatalog(catalogId);
  if (!catalog) {
    // A catalog of another scoring model (issue 12) is read by that model's reader, not here.
    const other = findAnyCatalog(catalogId);
    if (other) return { kind: 'foreign', issue: modelUnsupported(other) };
    return {
      kind: 'foreign',
      issue: { severity: 'error', code: 'unknown-catalog', sheet: SHEETS.start, params: { catalog: catalogId, known: allCatalogIds.join(', ') } },
    };
  }
  const issues: LocatedIssue[] = [];
  const layout = levelLayouts(catalog, grid);
  if ('issue' in layout) return { kind: 'foreign', issue: layout.issue };
  const index = indexRows(catalog, grid, layout.columns, issues);
  const answers: Record<string, AnswerEntry> = {};
  const broken = new Set<number>();

  for (const q of catalog.questions) {
    const head = index.questions.get(q.number);
    const entry: AnswerEntry = { selected: [] };
    for (const o of q.options) {
      const at = index.options.get(`${q.number}.${o.id}`);
      if (!at) continue;
      const sheet = grid.sheets.get(at.sheet)!;
      const column = index.columns.get(at.sheet)!.get('answer')!;
      const cell = cellAddress(at.row, column);
      if (uncalculated(sheet, at.row, column)) {
        issues.push({ severity: 'error', code: 'formula-without-value', sheet: at.sheet, cell, question: q.number, option: o.id });
        broken.add(q.number);
        continue;
      }
      const v = valueAt(sheet, at.row, column);
      if (v === null || v === false || text(v) === '') continue;
      if (v === true || TICKED.has(text(v).toLowerCase())) entry.selected.push(o.id);
      else {
        issues.push({ severity: 'error', code: 'bad-tick', sheet: at.sheet, cell, question: q.number, option: o.id, params: { value: text(v) } });
        broken.add(q.number);
      }
    }
    if (head) {
      const sheet = grid.sheets.get(head.sheet)!;
      const columns = index.columns.get(head.sheet)!;
      const read = (key: QuestionColumn): string => {
        const column = columns.get(key)!;
        if (uncalculated(sheet, head.row, column)) {
          issues.push({ severity: 'error', code: 'formula-without-value', sheet: head.sheet, cell: cellAddress(head.row, column), question: q.number });
          broken.add(q.number);
        }
        return text(valueAt(sheet, head.row, column));
      };
      const certainty = read('answer');
      const comment = read('comment');
      const evidence = read('evidence');
      if (certainty) entry.certainty = certainty.toLowerCase();
      if (comment) entry.comment = comment;
      if (evidence) entry.evidence = evidence;
    }
    // A question with an unreadable tick counts as unanswered, like any input error (MODEL.md).
    if (!broken.has(q.number) && (entry.selected.length || entry.certainty || entry.comment || entry.evidence)) {
      answers[String(q.number)] = entry;
    }
  }

  const set: AnswerSet = {
    catalog: catalog.id,
    organisation: readOrganisation(grid, issues),
    answers,
    validation: readValidation(catalog, grid, issues),
  };
  const core = normalizeAnswers(catalog, set);
  for (const e of core.errors) issues.push(locate(e, 'error', index));
  for (const w of core.warnings) issues.push(locate(w, 'warning', index, grid));
  return { kind: 'questionnaire', catalog, answers: set, issues };
}

/** A catalog this code cannot use (another model): one clear line, naming the catalog. */
export function modelUnsupported(catalog: { readonly id: string; readonly name: { readonly sv: string } }): LocatedIssue {
  return { severity: 'error', code: 'catalog-model-unsupported', sheet: SHEETS.start, params: { catalog: catalog.id, name: catalog.name.sv } };
}

/** Places a core issue on the cell a person would look at: the option's tick or the question's certainty. */
function locate(issue: InputIssue, severity: 'error' | 'warning', index: RowIndex, grid?: WorkbookGrid): LocatedIssue {
  const base = { severity, code: issue.code, question: issue.question, option: issue.option, params: issue.params };
  if (typeof issue.question === 'string' && /^V/.test(issue.question) && grid) {
    const got = keyValueCells(grid, SHEETS.validation).get(String(issue.question));
    return got ? { ...base, sheet: SHEETS.validation, cell: got.cell } : base;
  }
  const option = issue.option ? index.options.get(`${issue.question}.${issue.option}`) : undefined;
  const at = option ?? index.questions.get(Number(issue.question));
  if (!at) return base;
  const column = index.columns.get(at.sheet)?.get(issue.code === 'certain-without-evidence' ? 'evidence' : 'answer');
  return column ? { ...base, sheet: at.sheet, cell: cellAddress(at.row, column) } : { ...base, sheet: at.sheet };
}

/**
 * Each level sheet's columns, from its header row. A sheet whose header cannot be found is not
 * read at all: reading it by position could move comments into evidence or ticks out of sight.
 */
function levelLayouts(catalog: Catalog, grid: WorkbookGrid): { columns: RowIndex['columns'] } | { issue: LocatedIssue } {
  const columns = new Map<string, ReadonlyMap<QuestionColumn, number>>();
  for (const level of [...new Set(catalog.questions.map((q) => q.level))]) {
    const name = levelSheet(level);
    const sheet = grid.sheets.get(name);
    if (!sheet) continue;
    const header = findHeader(sheet, QUESTION_HEADERS, QUESTION_REQUIRED);
    if (!header) {
      return {
        issue: { severity: 'error', code: 'layout-unrecognised', sheet: sheet.name, cell: `A${Q_HEADER_ROW}`, params: { sheet: sheet.name, headers: QUESTION_HEADER_TEXTS } },
      };
    }
    columns.set(name, header.columns);
  }
  return { columns };
}

const QUESTION_HEADER_TEXTS = 'Id, Svar / bedömning, Kommentar, Underlag';

function indexRows(catalog: Catalog, grid: WorkbookGrid, columns: RowIndex['columns'], issues: LocatedIssue[]): RowIndex {
  const questions = new Map<number, RowRef>();
  const options = new Map<string, RowRef>();
  const levels = [...new Set(catalog.questions.map((q) => q.level))];
  for (const level of levels) {
    const name = levelSheet(level);
    const sheet = grid.sheets.get(name);
    if (!sheet) {
      issues.push({ severity: 'error', code: 'missing-sheet', sheet: name, params: { sheet: name } });
      continue;
    }
    const idColumn = columns.get(name)!.get('id')!;
    const where = (r: RowRef) => `${r.sheet}!${cellAddress(r.row, idColumn)}`;
    eachRow(sheet.values, (cells, row) => {
      const raw = text(cells[idColumn - 1]);
      if (!/^Q\d/i.test(raw)) return;
      const ref: RowRef = { sheet: name, row };
      const id = parseRowId(raw);
      const q = id && catalog.question(id.question);
      const known = q && (id.option === undefined || q.options.some((o) => o.id === id.option));
      if (!id || !known) {
        issues.push({ severity: 'error', code: 'unknown-row', sheet: name, cell: cellAddress(ref.row, idColumn), params: { id: raw, column: columnName(idColumn) } });
        return;
      }
      const seen = id.option === undefined ? questions.get(id.question) : options.get(`${id.question}.${id.option}`);
      if (seen) {
        issues.push({ severity: 'error', code: 'duplicate-row', sheet: name, cell: cellAddress(ref.row, idColumn), question: id.question, params: { id: raw, other: where(seen) } });
        return;
      }
      if (id.option === undefined) questions.set(id.question, ref);
      else options.set(`${id.question}.${id.option}`, ref);
    });
  }
  // Every row the catalog defines must be there, on a sheet that exists.
  const present = new Set(levels.filter((l) => grid.sheets.has(levelSheet(l))));
  for (const q of catalog.questions) {
    if (!present.has(q.level)) continue;
    const column = columnName(columns.get(levelSheet(q.level))!.get('id')!);
    const rows = [
      { found: questions.has(q.number), label: questionId(q.number) },
      ...q.options.map((o) => ({ found: options.has(`${q.number}.${o.id}`), label: optionId(q.number, o.id) })),
    ];
    for (const { found, label } of rows) {
      if (!found) issues.push({ severity: 'error', code: 'missing-row', sheet: levelSheet(q.level), question: q.number, params: { id: label, column } });
    }
  }
  return { questions, options, columns };
}

/** Index of a questionnaire's answer cells: for the fill plan, which writes only those cells. */
export function indexAnswerCells(catalog: Catalog, grid: WorkbookGrid): { index: RowIndex; issues: LocatedIssue[] } | { issue: LocatedIssue } {
  const layout = levelLayouts(catalog, grid);
  if ('issue' in layout) return layout;
  const issues: LocatedIssue[] = [];
  return { index: indexRows(catalog, grid, layout.columns, issues), issues };
}

export interface KeyValueCell {
  readonly value: Scalar;
  /** Where the value is, e.g. "C7". */
  readonly cell: string;
  readonly row: number;
  readonly column: number;
  readonly uncalculated: boolean;
}

/** Organisation or Valideringsfrågor: id → its value cell, columns found by header (undefined when unrecognisable). */
export function keyValueCells(grid: WorkbookGrid, name: string): Map<string, KeyValueCell> {
  const out = new Map<string, KeyValueCell>();
  const sheet = grid.sheets.get(name);
  if (!sheet) return out;
  const header = findHeader(sheet, KEY_VALUE_HEADERS, ['id', 'value']);
  if (!header) return out;
  const idColumn = header.columns.get('id')!;
  const valueColumn = header.columns.get('value')!;
  eachRow(sheet.values, (cells, row) => {
    if (row <= header.row) return;
    const id = text(cells[idColumn - 1]);
    if (!id) return;
    out.set(id, {
      value: cells[valueColumn - 1] ?? null,
      cell: cellAddress(row, valueColumn),
      row,
      column: valueColumn,
      uncalculated: uncalculated(sheet, row, valueColumn),
    });
  });
  return out;
}

function readKeyValues(grid: WorkbookGrid, name: string, issues: LocatedIssue[]): Map<string, KeyValueCell> {
  const sheet = grid.sheets.get(name);
  if (!sheet) {
    // Without these sheets the level can still be computed: a warning, not an error.
    issues.push({ severity: 'warning', code: 'missing-sheet', sheet: name, params: { sheet: name } });
    return new Map();
  }
  if (!findHeader(sheet, KEY_VALUE_HEADERS, ['id', 'value'])) {
    issues.push({ severity: 'error', code: 'layout-unrecognised', sheet: sheet.name, cell: 'A3', params: { sheet: sheet.name, headers: 'Id, Värde/Antal' } });
    return new Map();
  }
  const values = keyValueCells(grid, name);
  for (const [id, got] of values) {
    if (got.uncalculated) issues.push({ severity: 'error', code: 'formula-without-value', sheet: sheet.name, cell: got.cell, question: id });
  }
  return values;
}

export function readOrganisation(grid: WorkbookGrid, issues: LocatedIssue[]): Organisation {
  const values = readKeyValues(grid, SHEETS.organisation, issues);
  const org: Organisation = {};
  for (const f of ORGANISATION_FIELDS) {
    const got = values.get(f.id);
    if (!got || got.value === null || text(got.value) === '') continue;
    const key = f.id.slice(4);
    const bad = (code: string) =>
      issues.push({ severity: 'error', code, sheet: SHEETS.organisation, cell: got.cell, params: { value: text(got.value) } });
    const v = got.value;
    if (f.kind === 'number') {
      const n = typeof v === 'number' ? v : Number(text(v).replace(/\s/g, ''));
      if (Number.isInteger(n) && n >= 0) org[key] = n;
      else bad('bad-number');
    } else if (f.kind === 'type') {
      const t = text(v).toLowerCase();
      const found = ORG_TYPE_LABELS.find((o) => o.label.toLowerCase() === t || o.id === t);
      if (found) org.type = found.id;
      else bad('bad-org-type');
    } else if (f.kind === 'date') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(text(v))) org[key] = text(v);
      else bad('bad-date');
    } else if (f.kind === 'yesno') {
      // Stored as the answers format writes it: "ja", "nej", "vet ej".
      const t = text(v).toLowerCase();
      if (YES_NO.some((y) => y.toLowerCase() === t)) org[key] = t;
      else bad('bad-yes-no');
    } else org[key] = text(v);
  }
  return org;
}

function readValidation(catalog: Catalog, grid: WorkbookGrid, issues: LocatedIssue[]): Record<string, number> {
  const values = readKeyValues(grid, SHEETS.validation, issues);
  const out: Record<string, number> = {};
  for (const v of catalog.validationQuestions) {
    const got = values.get(v.id);
    if (!got || got.value === null || text(got.value) === '') continue;
    const n = typeof got.value === 'number' ? got.value : Number(text(got.value).replace(/\s/g, ''));
    if (Number.isInteger(n) && n >= 0) out[v.id] = n;
    else issues.push({ severity: 'error', code: 'bad-number', sheet: SHEETS.validation, cell: got.cell, question: v.id, params: { value: text(got.value) } });
  }
  return out;
}
