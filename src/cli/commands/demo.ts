import { join } from 'node:path';
import example from '../../examples/exempelkommun.answers.json';
import typed from '../../examples/exempelkommun.goals.json';
import { applyPlanToXlsx } from '../../adapters/xlsx/applyPlan';
import type { AnswerSet } from '../../core/answers/types';
import { readXlsxGrid } from '../../adapters/xlsx/readGrid';
import { computeFromWorkbook, localToday } from '../../workbook/compute';
import { valueAt } from '../../workbook/headers';
import { INPUT_SHEETS, SHEETS } from '../../workbook/layout';
import { locatePlan } from '../../workbook/plan/actionPlan';
import { cellAddress } from '../../workbook/plan/address';
import type { CellInput, WorkbookGrid, WritePlan } from '../../workbook/plan/types';
import { questionnairePlan } from '../../workbook/plan/questionnaire';
import type { ParsedArgs } from '../args';
import { summaryText } from '../format/summary';
import { catalogFor, EXIT_OK } from '../io';
import type { Output } from '../main';
import { writeBytes } from './workbook';

/**
 * What Exempelkommun's CISO typed after the first computation (src/examples/exempelkommun.goals.json):
 * goals on Mål, annual goals, estimates and owners in Handlingsplan, as cell edits on the sheets
 * the first computation made, so the demo shows the målgraf and the cost of the path.
 */
function typedByTheCiso(grid: WorkbookGrid): WritePlan {
  const ops: WritePlan[number][] = [];
  const goals = grid.sheets.get(SHEETS.goals);
  if (goals) {
    ops.push({ kind: 'sheet', sheet: goals.name, mode: 'update' });
    goals.values.forEach((row, i) => {
      const entry = (typed.goals as Record<string, (string | number)[]>)[String(row?.[0] ?? '')];
      const cells: CellInput[] = (entry ?? []).map((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { date: v } : v));
      if (entry) ops.push({ kind: 'values', sheet: goals.name, at: `B${i + 1}`, rows: [cells] });
    });
  }
  const plan = grid.sheets.get(SHEETS.actionPlan);
  const header = plan && locatePlan(plan);
  if (plan && header) {
    ops.push({ kind: 'sheet', sheet: plan.name, mode: 'update' });
    const column = header.columns;
    plan.values.forEach((_, i) => {
      const entry = (typed.plan as Record<string, { goal: string; cost?: number; hours?: number; owner: string }>)[String(valueAt(plan, i + 1, column.get('id')!) ?? '')];
      if (!entry) return;
      const at = (key: Parameters<typeof column.get>[0], value: CellInput | undefined) =>
        value !== undefined && column.has(key) && ops.push({ kind: 'values', sheet: plan.name, at: cellAddress(i + 1, column.get(key)!), rows: [[value]] });
      at('goal', entry.goal);
      at('costKr', entry.cost);
      at('hours', entry.hours);
      at('owner', entry.owner);
    });
  }
  return ops;
}

/**
 * `infosak demo [--out-dir dir]`: the main job on the built-in Exempelkommun, no Excel needed —
 * builds the questionnaire workbook with the example answers, scores it, types in the example goals
 * and estimates as a CISO would, scores again and writes the result sheets.
 */
export async function demoCommand(args: ParsedArgs, out: Output): Promise<number> {
  const set = example as AnswerSet;
  const catalog = catalogFor(set.catalog);
  const questionnaire = await applyPlanToXlsx(null, questionnairePlan(catalog, set));
  // Score the workbook, not the JSON: the demo runs the same flow as a user's file.
  const computed = computeFromWorkbook(await readXlsxGrid(questionnaire, INPUT_SHEETS), localToday());
  if (computed.kind !== 'computed') throw new Error('The generated questionnaire was not recognised');
  const first = await applyPlanToXlsx(questionnaire, computed.plan);
  const edited = await applyPlanToXlsx(first, typedByTheCiso(await readXlsxGrid(first, INPUT_SHEETS)));
  const again = computeFromWorkbook(await readXlsxGrid(edited, INPUT_SHEETS), localToday());
  if (again.kind !== 'computed') throw new Error('The demo workbook was not recognised after the goals were typed');
  const target = join(args.options.get('out-dir') ?? 'demo', 'exempelkommun.xlsx');
  writeBytes(target, await applyPlanToXlsx(edited, again.plan));
  out.stdout(summaryText(catalog, again.result));
  if (again.actionPlan?.line) out.stdout(`\nKostnad enligt handlingsplanen: ${again.actionPlan.line}`);
  out.stdout(`\nArbetsboken skrevs till ${target} – ${computed.result.level === 0 ? 'under nivå 1' : `nivå ${computed.result.level}`}.`);
  return EXIT_OK;
}
