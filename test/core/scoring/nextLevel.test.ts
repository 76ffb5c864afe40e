import fc from 'fast-check';
import type { AnswerSet } from '../../../src/core/answers/types';
import { loadCatalog } from '../../../src/core/catalog/load';
import { findCatalog } from '../../../src/core/catalog/registry';
import type { Catalog } from '../../../src/core/catalog/types';
import type { NextLevel } from '../../../src/core/scoring/nextLevel';
import { score, type ScoreResult } from '../../../src/core/scoring/score';
import { answersFromPoints, applyStep, uniform, withPoints } from '../../helpers/answers';
import { profileArb } from '../../helpers/arbitraries';
import { smallCatalogSpec } from '../../helpers/catalogSpec';
import { CATALOG_ID, K, specLevelOf } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** MODEL.md lower bound: shortfalls below m among Qm, plus max(0, Km − total − shortfalls). */
function lowerBound(points: readonly number[], levelOf: (q: number) => number, m: number, km: number): number {
  const shortfalls = points.reduce((s, p, i) => s + (levelOf(i + 1) <= m ? Math.max(0, m - p) : 0), 0);
  return shortfalls + Math.max(0, km - sum(points) - shortfalls);
}

/** Applies every step of the path to the raw answers and re-scores. */
function applyPath(cat: Catalog, set: AnswerSet, next: NextLevel): { set: AnswerSet; result: ScoreResult } {
  const answers = { ...set.answers };
  for (const s of next.steps) answers[String(s.number)] = applyStep(answers[String(s.number)], s.untick, s.tick);
  const after = { ...set, answers };
  return { set: after, result: score(cat, after) };
}

/** Checks a path against MODEL.md: minimal, applicable, shortfalls first. */
function checkPath(cat: Catalog, set: AnswerSet, before: ScoreResult, levelOf: (q: number) => number) {
  const next = before.nextLevel!;
  const m = next.level;
  expect(m).toBe(before.level + 1);
  const points = before.questions.map((q) => q.points);
  const km = before.levelChecks[m - 1].pointsRequired;
  expect(next.pointsRequired).toBe(km);
  expect(next.missingPoints).toBe(Math.max(0, km - sum(points)));
  const below = points.map((p, i) => ({ number: i + 1, points: p, required: m })).filter((b) => levelOf(b.number) <= m && b.points < m);
  expect(next.belowMinimum).toEqual(below);
  expect(next.cheapestAdditionalMeasures).toBe(lowerBound(points, levelOf, m, km));
  expect(sum(next.steps.map((s) => s.measures))).toBe(next.cheapestAdditionalMeasures);

  // belowMinimum steps first, then morePoints
  const reasons = next.steps.map((s) => s.reason);
  const firstMore = reasons.indexOf('morePoints');
  if (firstMore >= 0) expect(reasons.slice(firstMore).every((r) => r === 'morePoints')).toBe(true);
  for (const s of next.steps) {
    expect(s.reason === 'belowMinimum').toBe(below.some((b) => b.number === s.number));
    expect(s.fromPoints).toBe(points[s.number - 1]);
    expect(s.measures).toBe(s.toPoints - s.fromPoints);
    expect(s.toPoints).toBeLessThanOrEqual(5);
    if (s.reason === 'belowMinimum') expect(s.toPoints).toBeGreaterThanOrEqual(m);
  }
  expect(new Set(next.steps.map((s) => s.number)).size).toBe(next.steps.length);

  const { result } = applyPath(cat, set, next);
  expect(result.errors).toEqual([]);
  const check = result.levelChecks[m - 1];
  expect(check.minimumMet).toBe(true);
  expect(check.totalMet).toBe(true);
  expect(result.measures.done - before.measures.done).toBe(next.cheapestAdditionalMeasures);
  expect(result.totalPoints - before.totalPoints).toBe(next.cheapestAdditionalMeasures);
  for (const q of result.questions) {
    const step = next.steps.find((s) => s.number === q.number);
    expect(q.points).toBe(step ? step.toPoints : points[q.number - 1]);
  }
}

describe('next level quick facts (MODEL.md "snabba fakta")', () => {
  it('missingPoints 0 while a question is below its minimum (all 5, Q1 at n)', () => {
    const set = answersFromPoints(catalog, withPoints(uniform(5), { 1: 0 }));
    const r = score(catalog, set);
    expect(r.level).toBe(0);
    expect(r.nextLevel).toMatchObject({
      level: 1,
      pointsRequired: 23,
      missingPoints: 0,
      belowMinimum: [{ number: 1, points: 0, required: 1 }],
      uncertainOverLimit: 0,
      cheapestAdditionalMeasures: 1,
    });
    expect(r.nextLevel!.steps).toHaveLength(1);
    expect(r.nextLevel!.steps[0]).toMatchObject({ number: 1, reason: 'belowMinimum', fromPoints: 0, toPoints: 1, measures: 1, untick: ['n'] });
    expect(r.nextLevel!.steps[0].tick).toHaveLength(1);
    checkPath(catalog, set, r, specLevelOf);
  });

  it('belowMinimum lists each Q2 question under 2 p with its points; missingPoints 0', () => {
    const points = withPoints(uniform(2), { 5: 1, 20: 0, 27: 1, 28: 0, 39: 5 });
    const set = answersFromPoints(catalog, points);
    const r = score(catalog, set);
    expect(sum(points)).toBe(77);
    expect(r.level).toBe(1);
    expect(r.nextLevel).toMatchObject({
      level: 2,
      pointsRequired: 68,
      missingPoints: 0,
      belowMinimum: [
        { number: 5, points: 1, required: 2 },
        { number: 20, points: 0, required: 2 },
        { number: 27, points: 1, required: 2 },
      ],
      uncertainOverLimit: 0,
      cheapestAdditionalMeasures: 4,
    });
    checkPath(catalog, set, r, specLevelOf);
  });

  it('level 2 → 3: shortfalls (level-4 questions excluded) plus the rest of the total gap', () => {
    const points = withPoints(uniform(3), { 20: 2, 28: 0, 30: 2, 39: 0 });
    const set = answersFromPoints(catalog, points, { zero: 'unanswered' });
    const r = score(catalog, set);
    expect(sum(points)).toBe(112);
    expect(r.level).toBe(2);
    expect(r.nextLevel).toMatchObject({
      level: 3,
      missingPoints: 18,
      belowMinimum: [
        { number: 20, points: 2, required: 3 },
        { number: 28, points: 0, required: 3 },
        { number: 30, points: 2, required: 3 },
      ],
      cheapestAdditionalMeasures: 5 + 13,
    });
    const steps = r.nextLevel!.steps;
    expect(steps.slice(0, 3).map((s) => [s.number, s.reason])).toEqual([
      [20, 'belowMinimum'],
      [28, 'belowMinimum'],
      [30, 'belowMinimum'],
    ]);
    expect(steps.slice(3).every((s) => s.reason === 'morePoints')).toBe(true);
    checkPath(catalog, set, r, specLevelOf);
  });

  it('nextLevel is null at level 4', () => {
    expect(score(catalog, answersFromPoints(catalog, uniform(5))).nextLevel).toBeNull();
  });

  it('only certainty blocks: cheapestAdditionalMeasures 0, uncertainOverLimit > 0, no steps', () => {
    const r = score(catalog, answersFromPoints(catalog, uniform(5), { certainty: (q) => (q <= 10 ? 'osäker' : 'säker') }));
    // 10 osäker among Q1–15 > 7: under level 1
    expect(r.level).toBe(0);
    expect(r.nextLevel).toMatchObject({ level: 1, missingPoints: 0, belowMinimum: [], uncertainOverLimit: 3, cheapestAdditionalMeasures: 0, steps: [] });
  });

  it('certainty and points both block: measures count only points, uncertainOverLimit separately', () => {
    const points = withPoints(uniform(5), { 30: 2 });
    const r = score(catalog, answersFromPoints(catalog, points, { certainty: (q) => ([28, 29, 31, 32, 33, 34, 35].includes(q) ? 'osäker' : 'säker') }));
    expect(r.level).toBe(2);
    expect(r.nextLevel).toMatchObject({ level: 3, missingPoints: 0, uncertainOverLimit: 2, cheapestAdditionalMeasures: 1 });
  });

  it('y / u / n answers are unticked and an unanswered question gets ticks', () => {
    const points = withPoints(uniform(1), { 1: 0, 2: 0, 3: 0, 4: 0 });
    const set = answersFromPoints(catalog, points, { zero: (q) => (q === 1 ? 'y' : q === 2 ? 'unanswered' : q === 3 ? 'u' : 'n') });
    const r = score(catalog, set);
    expect(r.level).toBe(0);
    const byQ = Object.fromEntries(r.nextLevel!.steps.map((s) => [s.number, s]));
    expect(byQ[1].untick).toEqual(['y']);
    expect(byQ[2].untick).toEqual([]);
    expect(byQ[3].untick).toEqual(['u']);
    expect(byQ[4].untick).toEqual(['n']);
    checkPath(catalog, set, r, specLevelOf);
  });

  it('a band raised past an adjacent pair replaces the pair', () => {
    const set = answersFromPoints(catalog, withPoints(uniform(5), { 16: 2 }), { widenBand: (q) => q === 16 });
    expect(set.answers['16'].selected).toEqual(['c', 'd']);
    const r = score(catalog, set);
    expect(r.level).toBe(2);
    expect(r.nextLevel!.steps.map((s) => s.number)).toEqual([16]);
    checkPath(catalog, set, r, specLevelOf);
  });

  it('a question with an input error counts as unanswered and is flagged', () => {
    const set = answersFromPoints(catalog, uniform(5));
    set.answers['7'] = { selected: ['a', 'b', 'n'], certainty: 'säker' };
    const r = score(catalog, set);
    expect(r.level).toBe(0);
    expect(r.nextLevel!.belowMinimum).toEqual([{ number: 7, points: 0, required: 1 }]);
    expect(r.nextLevel!.cheapestAdditionalMeasures).toBe(1);
    expect(r.nextLevel!.steps[0]).toMatchObject({ number: 7, hasInputError: true, reason: 'belowMinimum' });
  });

  it('shortfalls come before extra points, and the total gap is filled after them', () => {
    // Level 1 reached with Q1–15 at 1 and 8 extra; level 2 needs Q16–27 at ≥ 2 and 68 points.
    const points = withPoints(uniform(0), { ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [i + 1, 1])), 38: 5, 39: 3 });
    const set = answersFromPoints(catalog, points);
    const r = score(catalog, set);
    expect(r.level).toBe(1);
    const n = r.nextLevel!;
    // shortfalls: 15 × 1 + 12 × 2 = 39; total after them 23 + 39 = 62; 6 more to 68
    expect(n.missingPoints).toBe(45);
    expect(n.cheapestAdditionalMeasures).toBe(39 + 6);
    expect(n.steps.filter((s) => s.reason === 'belowMinimum')).toHaveLength(27);
    checkPath(catalog, set, r, specLevelOf);
  });
});

describe('cheapest path is minimal (property over the real catalog)', () => {
  it('equals the lower bound, applies cleanly, and lists shortfalls first', () => {
    fc.assert(
      fc.property(profileArb, ({ points, zeros, certainties, widen }) => {
        const set = answersFromPoints(catalog, points, {
          zero: (q) => zeros[q - 1],
          certainty: (q) => certainties[q - 1],
          widenBand: (q) => widen[q - 1],
        });
        const r = score(catalog, set);
        if (r.level === 4) {
          expect(r.nextLevel).toBeNull();
          return;
        }
        checkPath(catalog, set, r, specLevelOf);
        if (r.nextLevel!.cheapestAdditionalMeasures === 0) {
          // nothing to tick: only certainty can block, and it must
          expect(r.nextLevel!.uncertainOverLimit).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('cheapest path is minimal (brute force on a small synthetic catalog)', () => {
  // 3 level-1 and 2 level-2 questions, aspects and bands, one with six aspects.
  const small = loadCatalog(
    smallCatalogSpec([
      { level: 1, area: 'AA', kind: 'aspect' },
      { level: 1, area: 'BB', kind: 'band' },
      { level: 1, area: 'AA', kind: 'aspect', aspects: 6, standard: ['y', 'n'] },
      { level: 2, area: 'BB', kind: 'band', standard: ['u', 'n'] },
      { level: 2, area: 'AA', kind: 'aspect' },
    ]),
  );
  const levelOf = (q: number) => small.question(q)!.level;
  // K1 = ceil(3 · 1.5) = 5, K2 = ceil(5 · 2.5) = 13
  const Ks = [0, 5, 13];

  const profiles: number[][] = [];
  for (let i = 0; i < 6 ** 5; i++) profiles.push([0, 1, 2, 3, 4].map((d) => Math.floor(i / 6 ** d) % 6));
  const satisfies = (t: number[], m: number) =>
    t.every((p, i) => levelOf(i + 1) > m || p >= m) && sum(t) >= Ks[m];
  const satisfying = [1, 2].map((m) => profiles.filter((t) => satisfies(t, m)));

  /** The true minimum: every target profile that keeps each question at least where it is. */
  function bruteMin(p: number[], m: number): number {
    let best = Infinity;
    for (const t of satisfying[m - 1]) {
      let cost = 0;
      let ok = true;
      for (let i = 0; i < 5; i++) {
        if (t[i] < p[i]) {
          ok = false;
          break;
        }
        cost += t[i] - p[i];
      }
      if (ok && cost < best) best = cost;
    }
    return best;
  }

  it('has the thresholds the rule gives', () => {
    const r = score(small, { catalog: small.id, answers: {} });
    expect(r.levelChecks.map((c) => c.pointsRequired)).toEqual([5, 13]);
    expect(small.maxLevel).toBe(2);
  });

  it('matches the brute-force minimum for every one of the 6^5 point profiles', () => {
    let checked = 0;
    for (const p of profiles) {
      const set = answersFromPoints(small, p);
      const r = score(small, set);
      // the level itself follows the rule
      const reached1 = satisfies(p, 1);
      const expectedLevel = reached1 ? (satisfies(p, 2) ? 2 : 1) : 0;
      if (r.level !== expectedLevel) throw new Error(`level ${r.level} ≠ ${expectedLevel} for ${p}`);
      if (r.level === 2) {
        if (r.nextLevel !== null) throw new Error(`nextLevel should be null at the top level for ${p}`);
        continue;
      }
      const m = r.level + 1;
      const expected = bruteMin(p, m);
      if (r.nextLevel!.cheapestAdditionalMeasures !== expected)
        throw new Error(`profile ${p}: cheapest ${r.nextLevel!.cheapestAdditionalMeasures} ≠ brute force ${expected}`);
      if (expected !== lowerBound(p, levelOf, m, Ks[m])) throw new Error(`lower bound is not the minimum for ${p}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('the returned steps reach the next level’s points rules for a sample of profiles', () => {
    for (let i = 0; i < profiles.length; i += 37) {
      const p = profiles[i];
      const set = answersFromPoints(small, p);
      const r = score(small, set);
      if (r.level < 2) checkPath(small, set, r, levelOf);
    }
  });
});
