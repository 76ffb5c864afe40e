/**
 * `infosak score --answers <a.json> --benchmark <b.json> [--group id] [--target mål]` (issue 11):
 * an answers file against a benchmark group and/or a target, printed; no workbook is written.
 */
import type { AnswerSet } from '../../core/answers/types';
import { compareWithBenchmark } from '../../core/benchmark/compare';
import type { Catalog } from '../../core/catalog/types';
import { findRegulation } from '../../core/regulation/registry';
import { scoreWithEvidenceRule } from '../../core/answers/strictEvidence';
import { targetPath } from '../../core/targets/target';
import { STRICT_EVIDENCE, type ParsedArgs } from '../args';
import { chooseGroup, comparisonLines, loadBenchmarkFile, targetJson, targetLines, targetRequest } from '../benchmarkOptions';
import { resultJson } from '../format/resultJson';
import { summaryText } from '../format/summary';
import { EXIT_INPUT_ERRORS, EXIT_OK } from '../io';
import type { Output } from '../main';

export function scoreAnswersWithBenchmark(catalog: Catalog, set: AnswerSet, args: ParsedArgs, out: Output): number {
  const { result, evidence } = scoreWithEvidenceRule(catalog, set, args.flags.has(STRICT_EVIDENCE));
  const benchmark = args.options.has('benchmark') ? loadBenchmarkFile(args.options.get('benchmark')!) : undefined;
  const text = args.options.get('target');
  const request = text ? targetRequest(text, catalog, benchmark) : undefined;
  const target = request ? targetPath(catalog, result, request.spec, findRegulation(catalog.id)) : undefined;
  const chosen = benchmark
    ? chooseGroup(benchmark, catalog, args.options.get('group') ?? (target?.kind === 'benchmark' ? target.group : undefined), result.organisation.type)
    : undefined;
  const comparison = chosen ? compareWithBenchmark(catalog, result, chosen.group) : undefined;
  if (args.flags.has('json')) {
    const json = { ...resultJson(result, 'sv', evidence), ...(target ? { target: targetJson(target) } : {}), ...(comparison ? { benchmark: comparison } : {}) };
    out.stdout(JSON.stringify(json, null, 2));
    if (chosen?.note) out.stderr(chosen.note);
  } else {
    const lines = [summaryText(catalog, result, evidence)];
    if (target && request) lines.push('', ...targetLines(target, request.label));
    if (comparison && benchmark) lines.push('', ...(chosen?.note ? [chosen.note] : []), ...comparisonLines(comparison, benchmark.file.source));
    out.stdout(lines.join('\n'));
  }
  return result.errors.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}
