/**
 * The commands for a catalog of statements (It-säkkollen, stammer-mean-v1; issue 12): scoring an
 * answers file or a workbook. template, fill and read are the same commands for every model
 * (src/workbook/models.ts switches); workbook.ts and score.ts hand a workbook or answers file of
 * this model over to here, the command line's one switch on the model.
 */
import type { AnswerSet } from '../../core/answers/types';
import { CATALOG_MODELS, findAnyCatalog } from '../../core/catalog/models';
import { scoreStammer } from '../../core/stammer/score';
import type { StammerCatalog } from '../../core/stammer/types';
import { describeIssue } from '../../i18n';
import { computeFromWorkbook, localToday } from '../../workbook/compute';
import type { WorkbookGrid } from '../../workbook/plan/types';
import { findCatalogId, modelUnsupported } from '../../workbook/read';
import type { ParsedArgs } from '../args';
import { stammerResultJson, stammerSummaryText, unlocated } from '../format/stammer';
import { EXIT_INPUT_ERRORS, EXIT_OK, FatalError } from '../io';
import type { Output } from '../main';
import { applyOrFail, writeBytes } from './workbook';

/** `infosak score --answers <file.json> [--json]` for a catalog of statements. */
export function scoreStammerAnswers(catalog: StammerCatalog, set: AnswerSet, args: ParsedArgs, out: Output): number {
  const result = scoreStammer(catalog, set);
  const issues = unlocated(result);
  if (args.flags.has('json')) out.stdout(JSON.stringify(stammerResultJson(result, issues), null, 2));
  else {
    out.stdout(stammerSummaryText(catalog, result));
    if (issues.errors.length) out.stdout(`\nFel i svaren (${issues.errors.length}; påståendena räknas som obesvarade):`);
    for (const e of issues.errors) out.stdout(`  - ${describeIssue(e)}`);
  }
  return result.errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** `infosak score <in.xlsx> [-o <out.xlsx> | --in-place] [--json]` for a workbook of a catalog of statements. */
export async function scoreStammerWorkbook(input: string, data: Uint8Array, grid: WorkbookGrid, target: string | undefined, args: ParsedArgs, out: Output): Promise<number> {
  // Benchmarks and targets exist for Infosäkkollen's model only, so far: said, never silently ignored.
  if (args.options.has('benchmark') || args.options.has('target')) {
    const catalog = findAnyCatalog(findCatalogId(grid) ?? '');
    if (catalog) throw new FatalError(`${input}: ${describeIssue(modelUnsupported(catalog))}`);
  }
  const outcome = computeFromWorkbook(grid, localToday(), CATALOG_MODELS);
  if (outcome.kind === 'refused') throw new FatalError(`${input}: ${describeIssue(outcome.issue)}`);
  if (outcome.model !== 'stammer-mean-v1') throw new Error('unreachable: the workbook was recognised as a catalog of statements');
  const written = target ? await applyOrFail(input, data, outcome.plan) : undefined;
  if (target && written) writeBytes(target, written.bytes);
  const issues = [...outcome.issues, ...(written?.skipped ?? [])];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (args.flags.has('json')) out.stdout(JSON.stringify(stammerResultJson(outcome.result, { errors, warnings }), null, 2));
  else {
    out.stdout(stammerSummaryText(outcome.catalog, outcome.result));
    if (issues.length) out.stdout('');
    for (const i of issues) out.stdout(`  ${i.severity === 'error' ? 'Fel' : 'Varning'}: ${describeIssue(i)}`);
    if (target) out.stdout(`\nResultatet skrevs till ${target}`);
  }
  return errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}
