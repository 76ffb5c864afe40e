/**
 * `fill` into an existing questionnaire of a catalog of statements: writes the tick and comment
 * cells of the statements (and context questions) the answers file holds, and the organisation
 * values, nothing else. The sheets are updated in place, like Infosäkkollen's fill (fillAnswers.ts).
 */
import type { AnswerSet } from '../../core/answers/types';
import type { StammerCatalog } from '../../core/stammer/types';
import { TICK } from '../layout';
import { cellAddress } from '../plan/address';
import { fillOrganisation, type FillOutcome, type PutCell } from '../plan/fillAnswers';
import type { CellInput, Scalar, WorkbookGrid, WriteOp } from '../plan/types';
import { tickOf } from '../read';
import { contextOptionId } from './layout';
import { indexStammerCells } from './read';

const isEmpty = (v: Scalar): boolean => v === null || v === '' || v === false;

export function stammerFillPlan(catalog: StammerCatalog, grid: WorkbookGrid, incoming: AnswerSet): FillOutcome {
  const indexed = indexStammerCells(catalog, grid);
  if ('issue' in indexed) return { kind: 'refused', issue: indexed.issue };
  const { index } = indexed;
  const writes = new Map<string, Map<string, CellInput>>();
  const put: PutCell = (sheet, row, column, value, now) => {
    if (value === now || (value === '' && isEmpty(now))) return; // unchanged: the cell is not touched at all
    const name = grid.sheets.get(sheet)?.name ?? sheet;
    (writes.get(name) ?? writes.set(name, new Map()).get(name)!).set(cellAddress(row, column), value);
  };
  const valueOf = (sheet: string, row: number, column: number): Scalar => grid.sheets.get(sheet)?.values[row - 1]?.[column - 1] ?? null;
  /** Ticks the selected options, clears the others; a tick typed as "X" or "ja" stays as typed. */
  const tick = (sheet: string, row: number, column: number, on: boolean) => {
    const now = valueOf(sheet, row, column);
    if (on) {
      if (tickOf(now) !== 'ticked') put(sheet, row, column, TICK, now);
    } else put(sheet, row, column, '', now);
  };

  for (const [key, entry] of Object.entries(incoming.answers)) {
    if (!entry || typeof entry !== 'object') continue; // scoring reports it as an input error
    const selected = new Set((Array.isArray(entry.selected) ? entry.selected : []).map((s) => String(s).trim().toLowerCase()));
    const statement = catalog.statement(key);
    const question = catalog.contextQuestion(key);
    const head = index.rows.get(key);
    if (statement && head) {
      const columns = index.areaColumns.get(head.sheet)!;
      for (const step of statement.scale) tick(head.sheet, head.row, columns.get(`step:${step.id}`)!, selected.has(step.id));
      const comment = columns.get('comment');
      if (typeof entry.comment === 'string' && comment !== undefined) put(head.sheet, head.row, comment, entry.comment, valueOf(head.sheet, head.row, comment));
    } else if (question && index.contextColumns) {
      const answer = index.contextColumns.get('answer')!;
      for (const o of question.options) {
        const at = index.rows.get(contextOptionId(question.id, o.id));
        if (at) tick(at.sheet, at.row, answer, selected.has(o.id));
      }
      const comment = index.contextColumns.get('comment');
      if (head && typeof entry.comment === 'string' && comment !== undefined) put(head.sheet, head.row, comment, entry.comment, valueOf(head.sheet, head.row, comment));
    }
  }
  fillOrganisation(grid, incoming, put);

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
