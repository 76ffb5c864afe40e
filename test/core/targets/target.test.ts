/**
 * MODEL.md "Targets": the smallest number of additional åtgärder to a level, to a benchmark and to
 * the regulation, checked against brute force on a small catalog and by applying the path.
 */
import type { AnswerSet } from '../../../src/core/answers/types';
import { loadCatalog } from '../../../src/core/catalog/load';
import { findCatalog } from '../../../src/core/catalog/registry';
import type { Catalog } from '../../../src/core/catalog/types';
import { findRegulation } from '../../../src/core/regulation/registry';
import { indicateRegulation } from '../../../src/core/regulation/indication';
import { score, type ScoreResult } from '../../../src/core/scoring/score';
import { answersAfter, benchmarkTarget, levelTarget, regulationTarget, targetPath, type TargetPath } from '../../../src/core/targets/target';
import exempel from '../../../src/examples/exempelkommun.answers.json';
import { answersFromPoints, applyStep } from '../../helpers/answers';
import { smallCatalogSpec } from '../../helpers/catalogSpec';
import { CATALOG_ID } from '../../helpers/spec';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

// Levels 1–3, aspects and bands, one question with six aspects.
// F = 2, 3, 4 → K = ceil(2·1.5) = 3, ceil(3·2.5) = 8, ceil(4·3.5) = 14; osäker allowed 1, 0, 0.
const small = loadCatalog(
  smallCatalogSpec([
    { level: 1, area: 'AA', kind: 'aspect' },
    { level: 1, area: 'BB', kind: 'band' },
    { level: 2, area: 'AA', kind: 'aspect', aspects: 6, standard: ['y', 'n'] },
    { level: 3, area: 'BB', kind: 'band', standard: ['u', 'n'] },
  ]),
);
const levelOf = (q: number) => small.question(q)!.level;
const K = [0, 3, 8, 14];
const ALLOWED = [0, 1, 0, 0];
const profiles: number[][] = [];
for (let i = 0; i < 6 ** 4; i++) profiles.push([0, 1, 2, 3].map((d) => Math.floor(i / 6 ** d) % 6));
const satisfies = (t: readonly number[], n: number) => t.every((p, i) => levelOf(i + 1) > n || p >= n) && sum(t) >= K[n];

/** The true minimum over every profile that keeps each question at least where it is. */
function bruteMeasures(p: readonly number[], n: number): number {
  let best = Infinity;
  for (const t of profiles) {
    if (!satisfies(t, n) || t.some((x, i) => x < p[i])) continue;
    best = Math.min(best, sum(t.map((x, i) => x - p[i])));
  }
  return best;
}

/** The fewest osäker answers to make säker so that every level k ≤ n keeps its limit. */
function bruteCertain(uncertain: readonly number[], n: number): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << uncertain.length; mask++) {
    const left = uncertain.filter((_, i) => !(mask & (1 << i)));
    const ok = [1, 2, 3].filter((k) => k <= n).every((k) => left.filter((q) => levelOf(q) <= k).length <= ALLOWED[k]);
    if (ok) best = Math.min(best, left.length === uncertain.length ? 0 : uncertain.length - left.length);
  }
  return best;
}

/** The path applied to the answers (untick, tick, make säker) and scored again. */
function apply(cat: Catalog, set: AnswerSet, path: TargetPath): ScoreResult {
  const answers = { ...set.answers };
  for (const s of path.steps) answers[String(s.number)] = applyStep(answers[String(s.number)], s.untick, s.tick);
  for (const q of path.makeCertain) answers[String(q)] = { ...answers[String(q)], certainty: 'säker' };
  return score(cat, { ...set, answers });
}

describe('level targets against brute force (small catalog, every point profile)', () => {
  it('has the thresholds the rule gives', () => {
    const r = score(small, { catalog: small.id, answers: {} });
    expect(r.levelChecks.map((c) => c.pointsRequired)).toEqual([3, 8, 14]);
    expect(r.levelChecks.map((c) => c.uncertainAllowed)).toEqual([1, 0, 0]);
  });

  it('the count is the brute-force minimum and the formula of MODEL.md, and the path reaches the level', () => {
    let checked = 0;
    for (const p of profiles) {
      const set = answersFromPoints(small, p);
      const r = score(small, set);
      for (const n of [1, 2, 3]) {
        const path = levelTarget(small, r, n);
        const expected = bruteMeasures(p, n);
        const shortfall = sum(p.map((x, i) => (levelOf(i + 1) <= n ? Math.max(0, n - x) : 0)));
        const formula = shortfall + Math.max(0, K[n] - sum(p) - shortfall);
        if (path.cheapestAdditionalMeasures !== expected || expected !== formula)
          throw new Error(`profile ${p} → level ${n}: ${path.cheapestAdditionalMeasures}, brute force ${expected}, formula ${formula}`);
        if (sum(path.steps.map((s) => s.measures)) !== expected) throw new Error(`steps do not add up for ${p} → ${n}`);
        const after = apply(small, set, path);
        if (after.level < n) throw new Error(`profile ${p}: the path to level ${n} reaches only ${after.level}`);
        if (path.reached !== (r.level >= n)) throw new Error(`reached is wrong for ${p} → ${n}`);
        checked++;
      }
    }
    expect(checked).toBe(6 ** 4 * 3);
  });

  it('the osäker answers to make säker are the fewest that keep every level’s limit', () => {
    for (let i = 0; i < profiles.length; i += 11) {
      const p = profiles[i];
      for (let mask = 0; mask < 16; mask++) {
        const set = answersFromPoints(small, p, { certainty: (q) => (mask & (1 << (q - 1)) ? 'osäker' : 'säker') });
        const r = score(small, set);
        const uncertain = r.questions.filter((q) => q.certainty === 'osäker').map((q) => q.number);
        for (const n of [1, 2, 3]) {
          const path = levelTarget(small, r, n);
          expect(path.uncertainOverLimit).toBe(bruteCertain(uncertain, n));
          expect(path.makeCertain).toHaveLength(path.uncertainOverLimit!);
          expect(path.makeCertain.every((q) => uncertain.includes(q))).toBe(true);
          expect(apply(small, set, path).level).toBeGreaterThanOrEqual(n);
        }
      }
    }
  });

  it('the next level is the case n = level + 1 (same count and steps as nextLevel)', () => {
    for (let i = 0; i < profiles.length; i += 5) {
      const r = score(small, answersFromPoints(small, profiles[i]));
      if (!r.nextLevel) continue;
      const path = levelTarget(small, r, r.level + 1);
      expect(path.cheapestAdditionalMeasures).toBe(r.nextLevel.cheapestAdditionalMeasures);
      expect(path.steps).toEqual(r.nextLevel.steps);
      expect(path.uncertainOverLimit).toBe(r.nextLevel.uncertainOverLimit);
    }
  });
});

describe('benchmark targets', () => {
  it('count Σ max(0, p_bench − p) against brute force, make säker where the benchmark is säker and we are osäker', () => {
    for (let i = 0; i < profiles.length; i += 7) {
      const p = profiles[i];
      const b = profiles[(i * 31 + 17) % profiles.length];
      const set = answersFromPoints(small, p, { certainty: (q) => (q % 2 ? 'osäker' : 'säker') });
      const bench = answersFromPoints(small, b, { certainty: (q) => (q <= 2 ? 'säker' : 'osäker') });
      const r = score(small, set);
      const path = benchmarkTarget(small, r, 'typkommun', bench.answers);
      // brute force: the cheapest profile at or above both
      let best = Infinity;
      for (const t of profiles) if (t.every((x, k) => x >= p[k] && x >= b[k])) best = Math.min(best, sum(t.map((x, k) => x - p[k])));
      expect(path.cheapestAdditionalMeasures).toBe(best);
      expect(path.steps.every((s) => s.reason === 'belowBenchmark')).toBe(true);
      const after = apply(small, set, path);
      after.questions.forEach((q, k) => expect(q.points).toBeGreaterThanOrEqual(b[k]));
      // Q1 and Q3 are osäker here; the benchmark is säker on Q1 and Q2 only.
      expect(path.makeCertain).toEqual([1]);
      expect(path).toMatchObject({ kind: 'benchmark', group: 'typkommun' });
    }
  });

  it('an unanswered question is raised but is not "make säker" (it has no certainty)', () => {
    const set = answersFromPoints(small, [0, 0, 0, 0], { zero: 'unanswered' });
    const bench = answersFromPoints(small, [2, 2, 0, 0]);
    const path = benchmarkTarget(small, score(small, set), 'typregion', bench.answers);
    expect(path.steps.map((s) => [s.number, s.fromPoints, s.toPoints])).toEqual([
      [1, 0, 2],
      [2, 0, 2],
    ]);
    expect(path.makeCertain).toEqual([]);
    expect(path.cheapestAdditionalMeasures).toBe(4);
  });
});

describe('the regulation target (real catalog)', () => {
  const catalog = findCatalog(CATALOG_ID)!;
  const spec = findRegulation(CATALOG_ID)!;
  const set = exempel as AnswerSet;
  const before = score(catalog, set);

  it('is the level-3 path, and names the paragraphs it closes', () => {
    expect(before.level).toBeLessThan(3);
    const path = regulationTarget(catalog, before, spec);
    const level3 = levelTarget(catalog, before, 3);
    expect(path).toMatchObject({ kind: 'regulation', level: 3, cheapestAdditionalMeasures: level3.cheapestAdditionalMeasures, makeCertain: level3.makeCertain });
    const after = apply(catalog, set, path);
    expect(after.level).toBeGreaterThanOrEqual(3);
    const was = indicateRegulation(catalog, before, spec);
    const now = indicateRegulation(catalog, after, spec);
    const metNow = now.paragraphs.filter((p) => p.status === 'met').map((p) => p.id);
    const metBefore = was.paragraphs.filter((p) => p.status === 'met').map((p) => p.id);
    expect(path.paragraphs!.closed).toEqual(metNow.filter((id) => !metBefore.includes(id)));
    expect(path.paragraphs!.closed.length).toBeGreaterThan(0);
    expect(now.indicated).toBe(true);
  });

  it('answersAfter is the path applied (the same as ticking by hand)', () => {
    const path = targetPath(catalog, before, { kind: 'regulation' }, spec);
    expect(score(catalog, answersAfter(before, path)).totalPoints).toBe(apply(catalog, set, path).totalPoints);
  });

  it('a level already reached needs nothing', () => {
    const path = targetPath(catalog, before, { kind: 'level', level: Math.max(1, before.level) });
    if (before.level >= 1) expect(path).toMatchObject({ reached: true, cheapestAdditionalMeasures: 0, steps: [], makeCertain: [] });
    expect(() => levelTarget(catalog, before, 5)).toThrow(RangeError);
  });
});
