/**
 * An organisation against a group's benchmark (issue 11, "Jämför med benchmark"): per work area
 * level and points beside the group's, the questions where the group is ahead, and where the
 * organisation's total falls in the group's spread.
 */
import type { AnswerEntry } from '../answers/types';
import type { Catalog } from '../catalog/types';
import { score, type ScoreResult } from '../scoring/score';
import type { Percentiles } from './spread';

/** What a comparison needs of a shown group (the benchmark file's group, or a built one). */
export interface GroupData {
  readonly id: string;
  readonly members: number;
  readonly answers: Readonly<Record<string, AnswerEntry>>;
  readonly spread: { readonly levels: Readonly<Record<string, number>>; readonly totalPoints: Percentiles; readonly areas: Readonly<Record<string, Percentiles>> };
}

/** Where a value falls among a group's percentiles: under p10, p10 up to p50, p50 up to p90, p90 or more. */
export type SpreadPosition = 'under-p10' | 'p10-p50' | 'p50-p90' | 'p90-or-more';

export function positionIn(value: number, p: Percentiles): SpreadPosition {
  if (value < p.p10) return 'under-p10';
  if (value < p.p50) return 'p10-p50';
  if (value < p.p90) return 'p50-p90';
  return 'p90-or-more';
}

export interface BenchmarkComparison {
  readonly group: string;
  readonly members: number;
  readonly level: { readonly organisation: number; readonly group: number };
  /** Members of the group below, at and above the organisation's level. */
  readonly levelRank: { readonly below: number; readonly same: number; readonly above: number };
  readonly totalPoints: { readonly organisation: number; readonly group: number; readonly spread: Percentiles; readonly position: SpreadPosition };
  readonly areas: readonly {
    readonly id: string;
    readonly level: number;
    readonly groupLevel: number;
    readonly points: number;
    readonly groupPoints: number;
    readonly maxPoints: number;
    readonly spread: Percentiles;
    readonly position: SpreadPosition;
  }[];
  /** The benchmark's points per question, in catalog order. */
  readonly groupPoints: readonly number[];
  /** Questions where the benchmark has more points, lowest level first. */
  readonly ahead: readonly {
    readonly number: number;
    readonly level: number;
    readonly area: string;
    readonly points: number;
    readonly groupPoints: number;
    /** What the benchmark ticked. */
    readonly groupSelected: readonly string[];
  }[];
}

export function compareWithBenchmark(catalog: Catalog, result: ScoreResult, group: GroupData): BenchmarkComparison {
  const bench = score(catalog, { catalog: catalog.id, answers: { ...group.answers } });
  const count = (test: (level: number) => boolean) =>
    Object.entries(group.spread.levels).reduce((s, [l, n]) => s + (test(Number(l)) ? n : 0), 0);
  const zero: Percentiles = { p10: 0, p50: 0, p90: 0 };
  return {
    group: group.id,
    members: group.members,
    level: { organisation: result.level, group: bench.level },
    levelRank: { below: count((l) => l < result.level), same: count((l) => l === result.level), above: count((l) => l > result.level) },
    totalPoints: {
      organisation: result.totalPoints,
      group: bench.totalPoints,
      spread: group.spread.totalPoints,
      position: positionIn(result.totalPoints, group.spread.totalPoints),
    },
    areas: result.areas.map((a, i) => {
      const spread = group.spread.areas[a.id] ?? zero;
      return {
        id: a.id,
        level: a.level,
        groupLevel: bench.areas[i].level,
        points: a.points,
        groupPoints: bench.areas[i].points,
        maxPoints: a.maxPoints,
        spread,
        position: positionIn(a.points, spread),
      };
    }),
    groupPoints: bench.questions.map((q) => q.points),
    ahead: result.questions
      .map((q, i) => ({ q, b: bench.questions[i] }))
      .filter(({ q, b }) => b.points > q.points)
      .sort((x, y) => x.q.level - y.q.level || x.q.number - y.q.number)
      .map(({ q, b }) => ({ number: q.number, level: q.level, area: q.area, points: q.points, groupPoints: b.points, groupSelected: b.selected })),
  };
}
