/** A group's spread (MODEL.md "Benchmarks"): members per level and nearest-rank percentiles. */
import type { Catalog } from '../catalog/types';
import type { MemberRecord } from './member';

export interface Percentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface Spread {
  /** Members per level, "0" (under nivå 1) … "4". */
  readonly levels: Readonly<Record<string, number>>;
  readonly totalPoints: Percentiles;
  /** Per work area id, over the members' points in that area. */
  readonly areas: Readonly<Record<string, Percentiles>>;
}

/** Nearest rank: the value at rank ceil(P/100 · N) of the sorted values (1-based, at least 1). */
export function nearestRank(sorted: readonly number[], percent: number): number {
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p10: nearestRank(sorted, 10), p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
}

export function spreadOf(catalog: Catalog, members: readonly MemberRecord[]): Spread {
  const levels: Record<string, number> = {};
  for (let l = 0; l <= catalog.maxLevel; l++) levels[String(l)] = 0;
  for (const m of members) levels[String(m.level)]++;
  const areas: Record<string, Percentiles> = {};
  catalog.areas.forEach((a, i) => {
    areas[a.id] = percentiles(members.map((m) => m.areaPoints[i]));
  });
  return { levels, totalPoints: percentiles(members.map((m) => m.totalPoints)), areas };
}
