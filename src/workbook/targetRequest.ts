/**
 * A target as text ("nivå 3", "typkommun", "föreskrift", "nästa") turned into the request that
 * computeFromWorkbookWithTarget takes (issue 11). Shared by the command line's `--target` and the
 * task pane's target picker; problems are data, worded at the edge.
 */
import { pickGroup, type BenchmarkFile } from '../core/benchmark/file';
import { GROUP_LABELS, type GroupId } from '../core/benchmark/groups';
import type { Catalog } from '../core/catalog/types';
import { findRegulation } from '../core/regulation/registry';
import { parseTargetText } from '../core/targets/parse';
import { REGULATION_LEVEL } from '../core/targets/target';
import { rememberedBenchmark } from './benchmark';
import type { TargetRequest } from './plan/targetSheet';
import type { WorkbookGrid } from './plan/types';

/** A benchmark file already parsed (parseBenchmarkFile) with the catalog it names. */
export interface ParsedBenchmark {
  readonly file: BenchmarkFile;
  readonly catalog: Catalog;
}

export type TargetProblem =
  | { readonly code: 'target-unknown'; readonly params: { readonly text: string; readonly maxLevel: number } }
  | { readonly code: 'target-needs-benchmark'; readonly params: { readonly group: string } }
  | { readonly code: 'benchmark-other-catalog'; readonly params: { readonly benchmark: string; readonly catalog: string } }
  | { readonly code: 'benchmark-group-unknown'; readonly params: { readonly group: string; readonly groups: string } }
  | { readonly code: 'benchmark-group-refused'; readonly params: { readonly group: string; readonly reason: string } };

/** `request` undefined: "nästa", the next level (no chosen target). */
export type TargetRequestOutcome = { readonly kind: 'ok'; readonly request?: TargetRequest } | { readonly kind: 'problem'; readonly problem: TargetProblem };

/**
 * The request for a target text. A group target takes the group's answers from the benchmark
 * file, or else from the workbook's own Benchmark sheet (where the last comparison left them).
 */
export function targetRequestFor(text: string, catalog: Catalog, benchmark: ParsedBenchmark | undefined, grid?: WorkbookGrid): TargetRequestOutcome {
  const choice = parseTargetText(text, catalog.maxLevel);
  if (!choice) return { kind: 'problem', problem: { code: 'target-unknown', params: { text, maxLevel: catalog.maxLevel } } };
  switch (choice.kind) {
    case 'next':
      return { kind: 'ok' };
    case 'level':
      return { kind: 'ok', request: { spec: { kind: 'level', level: choice.level }, text: `nivå ${choice.level}`, label: `nivå ${choice.level}` } };
    case 'regulation': {
      const designation = findRegulation(catalog.id)?.designation ?? 'föreskriften';
      return { kind: 'ok', request: { spec: { kind: 'regulation' }, text: 'föreskrift', label: `${designation} (nivå ${REGULATION_LEVEL})` } };
    }
    case 'benchmark': {
      const kept = !benchmark && grid ? rememberedBenchmark(grid, catalog) : undefined;
      if (kept && kept.group === choice.group) {
        return {
          kind: 'ok',
          request: {
            spec: { kind: 'benchmark', group: kept.group, answers: kept.answers },
            text: kept.group,
            label: GROUP_LABELS[kept.group].sv,
            note: `Gruppens poäng enligt bladet Benchmark (${kept.source}, ${kept.date}).`,
          },
        };
      }
      if (!benchmark) return { kind: 'problem', problem: { code: 'target-needs-benchmark', params: { group: choice.group } } };
      if (benchmark.catalog.id !== catalog.id) {
        return { kind: 'problem', problem: { code: 'benchmark-other-catalog', params: { benchmark: benchmark.catalog.id, catalog: catalog.id } } };
      }
      const picked = pickGroup(benchmark.file, choice.group, undefined);
      if (picked.kind === 'refused') return { kind: 'problem', problem: picked.problem };
      const group = picked.group;
      return {
        kind: 'ok',
        request: {
          spec: { kind: 'benchmark', group: group.id, answers: group.answers },
          text: group.id,
          label: GROUP_LABELS[group.id as GroupId].sv,
          note: `Gruppens poäng enligt benchmarkfilen (${benchmark.file.source}, ${benchmark.file.date}).`,
        },
      };
    }
  }
}
