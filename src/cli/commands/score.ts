import { scoreWithEvidenceRule } from '../../core/answers/strictEvidence';
import { STRICT_EVIDENCE, type ParsedArgs } from '../args';
import { UsageError } from '../args';
import { resultJson } from '../format/resultJson';
import { summaryText } from '../format/summary';
import { anyCatalogFor, EXIT_INPUT_ERRORS, EXIT_OK, readAnswersFile } from '../io';
import type { Output } from '../main';
import { scoreStammerAnswers } from './stammer';
import { scoreAnswersWithBenchmark } from './scoreBenchmark';
import { scoreWorkbook } from './workbook';

/** `infosak score --answers <file.json> [--json] [--benchmark <b.json> [--group id]] [--target mål] [--strict-evidence]` */
export async function scoreCommand(args: ParsedArgs, out: Output): Promise<number> {
  const answersPath = args.options.get('answers');
  if (!answersPath && args.positionals[0]) return scoreWorkbook(args.positionals[0], args, out);
  if (!answersPath) throw new UsageError('score needs --answers <file.json> or a workbook <file.xlsx>');
  const set = readAnswersFile(answersPath);
  const catalog = anyCatalogFor(set.catalog);
  // Issue 12: a catalog of statements has its own result.
  if (catalog.model === 'stammer-mean-v1') return scoreStammerAnswers(catalog, set, args, out);
  // Issue 11: against a benchmark group and/or a chosen target.
  if (args.options.has('benchmark') || args.options.has('target')) return scoreAnswersWithBenchmark(catalog, set, args, out);
  const { result, evidence } = scoreWithEvidenceRule(catalog, set, args.flags.has(STRICT_EVIDENCE));
  out.stdout(args.flags.has('json') ? JSON.stringify(resultJson(result, 'sv', evidence), null, 2) : summaryText(catalog, result, evidence));
  return result.errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}
