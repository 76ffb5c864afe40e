import { BENCHMARK_FORMAT, BENCHMARK_VERSION, type BenchmarkFile } from '../../core/benchmark/file';
import type { Benchmark } from '../../core/benchmark/groups';
import { describeIssue, type Locale } from '../../i18n';

/** The groups as the JSON contract of issue 11 has them, refusal reasons worded. */
export function groupsJson(benchmark: Benchmark, locale: Locale = 'sv'): BenchmarkFile['groups'] {
  return benchmark.groups.map((g) => ({
    id: g.id,
    members: g.members,
    refused: g.refused,
    ...(g.reason ? { reason: describeIssue(g.reason, locale) } : {}),
    answers: g.answers ? Object.fromEntries(Object.entries(g.answers).map(([k, a]) => [k, { selected: [...a.selected], certainty: a.certainty as 'säker' | 'osäker' }])) : null,
    result: g.result ? { level: g.result.level, totalPoints: g.result.totalPoints, areas: g.result.areas.map((a) => ({ ...a })) } : null,
    spread: g.spread ? { levels: { ...g.spread.levels }, totalPoints: { ...g.spread.totalPoints }, areas: { ...g.spread.areas } } : null,
  }));
}

/** The benchmark file (`--save`): aggregates only, with what it is and where it came from. */
export function benchmarkFile(benchmark: Benchmark, date: string, source: string): BenchmarkFile {
  return {
    format: BENCHMARK_FORMAT,
    version: BENCHMARK_VERSION,
    catalog: benchmark.catalog,
    date,
    source,
    members: benchmark.members,
    groups: groupsJson(benchmark),
  };
}
