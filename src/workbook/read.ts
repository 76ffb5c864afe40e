import { normalizeAnswers } from '../core/answers/normalize';
import type { AnswerEntry, AnswerSet, InputIssue, Organisation } from '../core/answers/types';
import { catalogIds, findCatalog } from '../core/catalog/registry';
import type { Catalog } from '../core/catalog/types';
import {
  CATALOG_LABEL,
  KV_COLUMNS,
  ORG_TYPE_LABELS,
  ORGANISATION_FIELDS,
  Q_COLUMNS,
  SHEETS,
  YES_NO,
  levelSheet,
  optionId,
  parseRowId,
  questionId,
} from './layout';
import { cellAddress, columnName } from './plan/address';
import type { Scalar, SheetGrid, WorkbookGrid } from './plan/types';

/** A problem found while reading, with the sheet and cell it is in (STYLE 5). */
export interface LocatedIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly question?: number | string;
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

/** Cell text as a person sees it: trimmed, NFC. */
function text(v: Scalar | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFC').trim();
}

function cellAt(grid: SheetGrid, row: number, column: number): Scalar {
  return grid.values[row - 1]?.[column - 1] ?? null;
}

interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

/** Where each question and option row is: found by id in column A of the level sheets. */
interface RowIndex {
  readonly questions: Map<number, RowRef>;
  readonly options: Map<string, RowRef>;
}

export function findCatalogId(grid: WorkbookGrid): string | undefined {
  const start = grid.sheets.get(SHEETS.start);
  if (!start) return undefined;
  for (let r = 0; r < start.values.length; r++) {
    if (text(start.values[r]?.[0]) === CATALOG_LABEL) return text(start.values[r]?.[1]) || undefined;
  }
  return undefined;
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
    return {
      kind: 'foreign',
      issue: { severity: 'error', code: 'unknown-catalog', sheet: SHEETS.start, params: { catalog: catalogId, known: catalogIds.join(', ') } },
    };
  }
  const issues: LocatedIssue[] = [];
  const index = indexRows(catalog, grid, issues);
  const answers: Record<string, AnswerEntry> = {};
  const broken = new Set<number>();

  for (const q of catalog.questions) {
    const head = index.questions.get(q.number);
    const entry: AnswerEntry = { selected: [] };
    for (const o of q.options) {
      const at = index.options.get(`${q.number}.${o.id}`);
      if (!at) continue;
      const v = cellAt(grid.sheets.get(at.sheet)!, at.row, Q_COLUMNS.answer);
      if (v === null || v === false || text(v) === '') continue;
      if (v === true || TICKED.has(text(v).toLowerCase())) entry.selected.push(o.id);
      else {
        issues.push({
          severity: 'error',
          code: 'bad-tick',
          sheet: at.sheet,
          cell: cellAddress(at.row, Q_COLUMNS.answer),
          question: q.number,
          option: o.id,
          params: { value: text(v) },
        });
        broken.add(q.number);
      }
    }
    if (head) {
      const sheet = grid.sheets.get(head.sheet)!;
      const certainty = text(cellAt(sheet, head.row, Q_COLUMNS.answer));
      const comment = text(cellAt(sheet, head.row, Q_COLUMNS.comment));
      const evidence = text(cellAt(sheet, head.row, Q_COLUMNS.evidence));
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

/** Places a core issue on the cell a person would look at: the option's tick or the question's certainty. */
function locate(issue: InputIssue, severity: 'error' | 'warning', index: RowIndex, grid?: WorkbookGrid): LocatedIssue {
  const base = { severity, code: issue.code, question: issue.question, option: issue.option, params: issue.params };
  if (typeof issue.question === 'string' && /^V/.test(issue.question) && grid) {
    const sheet = grid.sheets.get(SHEETS.validation);
    const row = sheet?.values.findIndex((r) => text(r[0]) === issue.question) ?? -1;
    return row >= 0 ? { ...base, sheet: SHEETS.validation, cell: cellAddress(row + 1, KV_COLUMNS.value) } : base;
  }
  const option = issue.option ? index.options.get(`${issue.question}.${issue.option}`) : undefined;
  const at = option ?? index.questions.get(Number(issue.question));
  if (!at) return base;
  const column = issue.code === 'certain-without-evidence' ? Q_COLUMNS.evidence : Q_COLUMNS.answer;
  return { ...base, sheet: at.sheet, cell: cellAddress(at.row, column) };
}

function indexRows(catalog: Catalog, grid: WorkbookGrid, issues: LocatedIssue[]): RowIndex {
  const questions = new Map<number, RowRef>();
  const options = new Map<string, RowRef>();
  const levels = [...new Set(catalog.questions.map((q) => q.level))];
  const where = (r: RowRef) => `${r.sheet}!${cellAddress(r.row, Q_COLUMNS.id)}`;
  for (const level of levels) {
    const name = levelSheet(level);
    const sheet = grid.sheets.get(name);
    if (!sheet) {
      issues.push({ severity: 'error', code: 'missing-sheet', sheet: name, params: { sheet: name } });
      continue;
    }
    sheet.values.forEach((cells, r) => {
      const raw = text(cells[0]);
      if (!/^Q\d/i.test(raw)) return;
      const ref: RowRef = { sheet: name, row: r + 1 };
      const id = parseRowId(raw);
      const q = id && catalog.question(id.question);
      const known = q && (id.option === undefined || q.options.some((o) => o.id === id.option));
      if (!id || !known) {
        issues.push({ severity: 'error', code: 'unknown-row', sheet: name, cell: cellAddress(ref.row, Q_COLUMNS.id), params: { id: raw, column: columnName(Q_COLUMNS.id) } });
        return;
      }
      const seen = id.option === undefined ? questions.get(id.question) : options.get(`${id.question}.${id.option}`);
      if (seen) {
        issues.push({ severity: 'error', code: 'duplicate-row', sheet: name, cell: cellAddress(ref.row, Q_COLUMNS.id), question: id.question, params: { id: raw, other: where(seen) } });
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
    const rows = [
      { found: questions.has(q.number), label: questionId(q.number) },
      ...q.options.map((o) => ({ found: options.has(`${q.number}.${o.id}`), label: optionId(q.number, o.id) })),
    ];
    for (const { found, label } of rows) {
      if (!found) {
        issues.push({ severity: 'error', code: 'missing-row', sheet: levelSheet(q.level), question: q.number, params: { id: label, column: columnName(Q_COLUMNS.id) } });
      }
    }
  }
  return { questions, options };
}

function readKeyValues(grid: WorkbookGrid, name: string, issues: LocatedIssue[]): Map<string, { value: Scalar; cell: string }> {
  const out = new Map<string, { value: Scalar; cell: string }>();
  const sheet = grid.sheets.get(name);
  if (!sheet) {
    // Without these sheets the level can still be computed: a warning, not an error.
    issues.push({ severity: 'warning', code: 'missing-sheet', sheet: name, params: { sheet: name } });
    return out;
  }
  sheet.values.forEach((cells, r) => {
    const id = text(cells[KV_COLUMNS.id - 1]);
    if (id) out.set(id, { value: cells[KV_COLUMNS.value - 1] ?? null, cell: cellAddress(r + 1, KV_COLUMNS.value) });
  });
  return out;
}

function readOrganisation(grid: WorkbookGrid, issues: LocatedIssue[]): Organisation {
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
