/**
 * `fill` into an existing questionnaire: writes the answer cells of the questions (and the
 * organisation and validation values) that the answers file holds, and nothing else. A user's
 * notes, own columns and inserted rows, and every question the file does not mention, stay as
 * they are: the sheets are updated in place (SheetOp mode 'update'), never rewritten.
 */
import type { AnswerSet } from '../../core/answers/types';
import type { Catalog } from '../../core/catalog/types';
import { CERTAINTY_LABELS, ORG_TYPE_LABELS, ORGANISATION_FIELDS, SHEETS, TICK, YES_NO } from '../layout';
import { indexAnswerCells, keyValueCells, type LocatedIssue } from '../read';
import { cellAddress } from './address';
import type { CellInput, Scalar, WorkbookGrid, WriteOp, WritePlan } from './types';

const TICKED = new Set(['x', 'ja', '1', 'true', 'sant', '✓', '✔', '☑']);
const isTick = (v: Scalar): boolean => v === true || (typeof v === 'string' && TICKED.has(v.trim().toLowerCase())) || v === 1;
const isEmpty = (v: Scalar): boolean => v === null || v === '' || v === false;

/** Writes one cell unless it already holds that value. */
export type PutCell = (sheet: string, row: number, column: number, value: CellInput, now: Scalar) => void;

/** The Organisation values of an answers file, into the rows with their ids (shared by every model's fill, issue 12). */
export function fillOrganisation(grid: WorkbookGrid, incoming: AnswerSet, put: PutCell): void {
  const org = (incoming.organisation ?? {}) as Record<string, unknown>;
  const orgCells = keyValueCells(grid, SHEETS.organisation);
  for (const f of ORGANISATION_FIELDS) {
    const raw = org[f.id.slice(4)];
    const at = orgCells.get(f.id);
    if (raw === undefined || !at) continue;
    let value: CellInput = raw === null ? '' : (raw as CellInput);
    if (f.kind === 'type') value = ORG_TYPE_LABELS.find((t) => t.id === raw)?.label ?? String(raw);
    else if (f.kind === 'date' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) value = raw === at.value ? raw : { date: raw };
    else if (f.kind === 'yesno') value = YES_NO.find((y) => y.toLowerCase() === String(raw).toLowerCase()) ?? String(raw);
    put(SHEETS.organisation, at.row, at.column, value, at.value);
  }
}

export type FillOutcome = { readonly kind: 'plan'; readonly plan: WritePlan; readonly cells: number } | { readonly kind: 'refused'; readonly issue: LocatedIssue };

export function fillPlan(catalog: Catalog, grid: WorkbookGrid, incoming: AnswerSet): FillOutcome {
  const indexed = indexAnswerCells(catalog, grid);
  if ('issue' in indexed) return { kind: 'refused', issue: indexed.issue };
  const { index } = indexed;
  const writes = new Map<string, Map<string, CellInput>>();
  const put = (sheet: string, row: number, column: number, value: CellInput, now: Scalar) => {
    if (value === now || (value === '' && isEmpty(now))) return; // unchanged: the cell is not touched at all
    const name = grid.sheets.get(sheet)?.name ?? sheet;
    (writes.get(name) ?? writes.set(name, new Map()).get(name)!).set(cellAddress(row, column), value);
  };
  const valueOf = (sheet: string, row: number, column: number): Scalar => grid.sheets.get(sheet)?.values[row - 1]?.[column - 1] ?? null;

  for (const [key, entry] of Object.entries(incoming.answers)) {
    const q = catalog.question(Number(key));
    if (!q || !entry || typeof entry !== 'object') continue; // scoring reports it as an input error
    const selected = new Set((Array.isArray(entry.selected) ? entry.selected : []).map((s) => String(s).trim().toLowerCase()));
    for (const o of q.options) {
      const at = index.options.get(`${q.number}.${o.id}`);
      if (!at) continue;
      const column = index.columns.get(at.sheet)!.get('answer')!;
      const now = valueOf(at.sheet, at.row, column);
      // A tick typed as "X" or "ja" stays as typed when the option stays selected.
      if (selected.has(o.id)) {
        if (!isTick(now)) put(at.sheet, at.row, column, TICK, now);
      } else put(at.sheet, at.row, column, '', now);
    }
    const head = index.questions.get(q.number);
    if (!head) continue;
    const columns = index.columns.get(head.sheet)!;
    const certainty = typeof entry.certainty === 'string' ? entry.certainty.trim().toLowerCase() : undefined;
    if (certainty !== undefined) {
      const label = CERTAINTY_LABELS.find((c) => c.toLowerCase() === certainty) ?? entry.certainty!;
      put(head.sheet, head.row, columns.get('answer')!, label, valueOf(head.sheet, head.row, columns.get('answer')!));
    }
    for (const field of ['comment', 'evidence'] as const) {
      const text = entry[field];
      if (typeof text === 'string') put(head.sheet, head.row, columns.get(field)!, text, valueOf(head.sheet, head.row, columns.get(field)!));
    }
  }

  fillOrganisation(grid, incoming, put);
  const validationCells = keyValueCells(grid, SHEETS.validation);
  for (const [id, n] of Object.entries(incoming.validation ?? {})) {
    const at = validationCells.get(id);
    if (at && (typeof n === 'number' || typeof n === 'string')) put(SHEETS.validation, at.row, at.column, n, at.value);
  }

  const plan: WriteOp[] = [];
  let cells = 0;
  for (const [sheet, values] of writes) {
    plan.push({ kind: 'sheet', sheet, mode: 'update' });
    for (const [at, value] of values) {
      plan.push({ kind: 'values', sheet, at, rows: [[value]] });
      cells++;
    }
  }
  return { kind: 'plan', plan, cells };
}
