import { join } from 'node:path';
import example from '../../examples/exempelkommun.answers.json';
import { applyPlanToXlsx } from '../../adapters/xlsx/applyPlan';
import type { AnswerSet } from '../../core/answers/types';
import { readXlsxGrid } from '../../adapters/xlsx/readGrid';
import { computeFromWorkbook, localToday } from '../../workbook/compute';
import { INPUT_SHEETS } from '../../workbook/layout';
import { questionnairePlan } from '../../workbook/plan/questionnaire';
import type { ParsedArgs } from '../args';
import { summaryText } from '../format/summary';
import { catalogFor, EXIT_OK } from '../io';
import type { Output } from '../main';
import { writeBytes } from './workbook';

/**
 * `infosak demo [--out-dir dir]`: the main job on the built-in Exempelkommun, no Excel needed —
 * builds the questionnaire workbook with the example answers, scores it and writes the result sheets.
 */
export async function demoCommand(args: ParsedArgs, out: Output): Promise<number> {
  const set = example as AnswerSet;
  const catalog = catalogFor(set.catalog);
  const questionnaire = await applyPlanToXlsx(null, questionnairePlan(catalog, set));
  // Score the workbook, not the JSON: the demo runs the same flow as a user's file.
  const computed = computeFromWorkbook(await readXlsxGrid(questionnaire, INPUT_SHEETS), localToday());
  if (computed.kind !== 'computed') throw new Error('The generated questionnaire was not recognised');
  const target = join(args.options.get('out-dir') ?? 'demo', 'exempelkommun.xlsx');
  writeBytes(target, await applyPlanToXlsx(questionnaire, computed.plan));
  out.stdout(summaryText(catalog, computed.result));
  out.stdout(`\nArbetsboken skrevs till ${target} – ${computed.result.level === 0 ? 'under nivå 1' : `nivå ${computed.result.level}`}.`);
  return EXIT_OK;
}
