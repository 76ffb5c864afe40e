import { findCatalog } from '../../../src/core/catalog/registry';
import { checkLevels, levelFrom, type ScoredItem } from '../../../src/core/scoring/level';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform, withPoints } from '../../helpers/answers';
import { CATALOG_ID, F, K, specLevelOf, U_ALLOWED } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const scorePoints = (points: number[], opts: Parameters<typeof answersFromPoints>[2] = {}) => {
  const r = score(catalog, answersFromPoints(catalog, points, opts));
  expect(r.errors).toEqual([]);
  expect(r.totalPoints).toBe(sum(points));
  return r;
};
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('level checks of the real catalog', () => {
  it('Fn, Kn and allowed osäker per level: 15/23/7, 27/68/8, 37/130/5, 40/180/2', () => {
    const r = score(catalog, { catalog: CATALOG_ID, answers: {} });
    expect(r.levelChecks.map((c) => c.level)).toEqual([1, 2, 3, 4]);
    expect(r.levelChecks.map((c) => c.questionCount)).toEqual([F[1], F[2], F[3], F[4]]);
    expect(r.levelChecks.map((c) => c.pointsRequired)).toEqual([K[1], K[2], K[3], K[4]]);
    expect(r.levelChecks.map((c) => c.uncertainAllowed)).toEqual([U_ALLOWED[1], U_ALLOWED[2], U_ALLOWED[3], U_ALLOWED[4]]);
    expect(r.level).toBe(0);
  });
});

describe('total points Kn: hit exactly → reached, missed by one → not reached', () => {
  // Level 1: Q1–15 at 1 (15 p) + 8 extra points from level-4 questions (rörliga poäng from any level).
  const l1 = withPoints(uniform(0), { ...Object.fromEntries(range(1, 15).map((q) => [q, 1])), 38: 5, 39: 3 });
  it('K1 = 23 reached with 23 points', () => {
    expect(sum(l1)).toBe(23);
    const r = scorePoints(l1);
    expect(r.level).toBe(1);
    expect(r.levelChecks[0].totalMet).toBe(true);
  });
  it('22 points: under level 1 (only the total fails)', () => {
    const p = withPoints(l1, { 39: 2 });
    const r = scorePoints(p);
    expect(r.level).toBe(0);
    expect(r.levelChecks[0].minimumMet).toBe(true);
    expect(r.levelChecks[0].totalMet).toBe(false);
    expect(r.nextLevel!.missingPoints).toBe(1);
  });
  it('K1 also counts extra points of level-1 questions', () => {
    const p = withPoints(uniform(0), { ...Object.fromEntries(range(1, 15).map((q) => [q, 1])), 1: 5, 2: 5 });
    expect(scorePoints(p).level).toBe(1);
    expect(scorePoints(withPoints(p, { 2: 4 })).level).toBe(0);
  });

  // Level 2: Q1–27 at 2 (54 p) + 14 from level-3 questions (Q32–37 stay at 0, so level 3 is out of reach).
  const l2 = withPoints(uniform(0), { ...Object.fromEntries(range(1, 27).map((q) => [q, 2])), 28: 4, 29: 4, 30: 4, 31: 2 });
  it('K2 = 68 reached with 68 points', () => {
    expect(sum(l2)).toBe(68);
    expect(scorePoints(l2).level).toBe(2);
  });
  it('67 points: level 1', () => {
    const r = scorePoints(withPoints(l2, { 31: 1 }));
    expect(r.level).toBe(1);
    expect(r.levelChecks[1].totalMet).toBe(false);
    expect(r.levelChecks[1].minimumMet).toBe(true);
    expect(r.nextLevel!.level).toBe(2);
    expect(r.nextLevel!.missingPoints).toBe(1);
  });

  // Level 3: Q1–37 at 3 (111 p) + Q38–40 at 5 (15) + Q1, Q2 at 5 (4) = 130.
  const l3 = withPoints(uniform(3), { 38: 5, 39: 5, 40: 5, 1: 5, 2: 5 });
  it('K3 = 130 reached with 130 points', () => {
    expect(sum(l3)).toBe(130);
    expect(scorePoints(l3).level).toBe(3);
  });
  it('129 points: level 2', () => {
    const r = scorePoints(withPoints(l3, { 2: 4 }));
    expect(r.level).toBe(2);
    expect(r.levelChecks[2].totalMet).toBe(false);
    expect(r.nextLevel!.missingPoints).toBe(1);
  });

  // Level 4: all at 4 (160 p) + Q1–Q20 at 5 (20) = 180.
  const l4 = withPoints(uniform(4), Object.fromEntries(range(1, 20).map((q) => [q, 5])));
  it('K4 = 180 reached with 180 points', () => {
    expect(sum(l4)).toBe(180);
    const r = scorePoints(l4);
    expect(r.level).toBe(4);
    expect(r.nextLevel).toBeNull();
  });
  it('179 points: level 3', () => {
    const r = scorePoints(withPoints(l4, { 20: 4 }));
    expect(r.level).toBe(3);
    expect(r.levelChecks[3].totalMet).toBe(false);
    expect(r.nextLevel!.missingPoints).toBe(1);
    expect(r.nextLevel!.belowMinimum).toEqual([]);
  });
});

describe('minimum per question blocks a level despite high total points', () => {
  it.each(['n', 'unanswered', 'y'] as const)('all 5 except Q1 at 0 (%s) → under level 1', (zero) => {
    const r = scorePoints(withPoints(uniform(5), { 1: 0 }), { zero });
    expect(r.totalPoints).toBe(195);
    expect(r.level).toBe(0);
    expect(r.levelChecks[0].belowMinimum).toEqual([1]);
    expect(r.levelChecks[0].totalMet).toBe(true);
    // levels are cumulative: level 2–4 rules may hold for other questions but are not reached
    expect(r.levelChecks.every((c) => !c.reached)).toBe(true);
  });

  it.each([
    [15, 0, 0],
    [16, 1, 1],
    [27, 1, 1],
    [28, 2, 2],
    [37, 2, 2],
    [38, 3, 3],
    [40, 3, 3],
  ])('all 5 except Q%i at %i p → level %i', (q, p, level) => {
    const r = scorePoints(withPoints(uniform(5), { [q]: p }));
    expect(r.level).toBe(level);
  });

  it.each([
    [15, 1, 1],
    [16, 2, 2],
    [28, 3, 3],
    [38, 4, 4],
  ])('Q%i exactly at %i p (its level-n minimum) allows level %i', (q, p, level) => {
    expect(scorePoints(withPoints(uniform(5), { [q]: p })).level).toBe(level);
  });

  it('a level-4 question at 0 does not block levels 1–3', () => {
    expect(scorePoints(withPoints(uniform(5), { 38: 0, 39: 0, 40: 0 })).level).toBe(3);
  });
});

describe('certainty limits 7 / 8 / 5 / 2 (answered osäker among Qn)', () => {
  const osäkerOn = (qs: number[]) => (q: number) => (qs.includes(q) ? 'osäker' : 'säker');

  // Only level 1 is possible by points: Q1–15 at 5, the rest 0.
  const only1 = withPoints(uniform(0), Object.fromEntries(range(1, 15).map((q) => [q, 5])));
  it('level 1: 7 osäker among Q1–15 → level 1', () => {
    const r = scorePoints(only1, { certainty: osäkerOn(range(1, 7)) });
    expect(r.level).toBe(1);
    expect(r.levelChecks[0].uncertain).toBe(7);
  });
  it('level 1: 8 osäker → under level 1, and certainty is the only block', () => {
    const r = scorePoints(only1, { certainty: osäkerOn(range(1, 8)) });
    expect(r.level).toBe(0);
    expect(r.levelChecks[0].certaintyMet).toBe(false);
    expect(r.nextLevel).toMatchObject({ level: 1, missingPoints: 0, belowMinimum: [], uncertainOverLimit: 1, cheapestAdditionalMeasures: 0 });
    expect(r.nextLevel!.steps).toEqual([]);
  });
  it('level 1: osäker answers outside Q1–15 do not count for level 1', () => {
    const p = withPoints(only1, Object.fromEntries(range(16, 40).map((q) => [q, 1])));
    const r = scorePoints(p, { certainty: osäkerOn([...range(1, 7), ...range(16, 40)]) });
    expect(r.levelChecks[0].uncertain).toBe(7);
    expect(r.level).toBe(1);
  });

  // Only level 2 is possible: Q1–27 at 5. Osäker answers placed on Q16–27 leave level 1 untouched.
  const only2 = withPoints(uniform(0), Object.fromEntries(range(1, 27).map((q) => [q, 5])));
  it('level 2: 8 osäker among Q1–27 → level 2', () => {
    const r = scorePoints(only2, { certainty: osäkerOn(range(16, 23)) });
    expect(r.levelChecks[1].uncertain).toBe(8);
    expect(r.level).toBe(2);
  });
  it('level 2: 9 osäker → level 1', () => {
    const r = scorePoints(only2, { certainty: osäkerOn(range(16, 24)) });
    expect(r.level).toBe(1);
    expect(r.nextLevel!.uncertainOverLimit).toBe(1);
    expect(r.nextLevel!.cheapestAdditionalMeasures).toBe(0);
  });
  it('level 2: limit counts Q1–15 too (4 + 4 ok, 4 + 5 not)', () => {
    expect(scorePoints(only2, { certainty: osäkerOn([1, 2, 3, 4, 16, 17, 18, 19]) }).level).toBe(2);
    expect(scorePoints(only2, { certainty: osäkerOn([1, 2, 3, 4, 16, 17, 18, 19, 20]) }).level).toBe(1);
  });

  // Only level 3 is possible: Q1–37 at 5, Q38–40 at 0.
  const only3 = withPoints(uniform(5), { 38: 0, 39: 0, 40: 0 });
  it('level 3: 5 osäker among Q1–37 → level 3', () => {
    expect(scorePoints(only3, { certainty: osäkerOn(range(28, 32)) }).level).toBe(3);
  });
  it('level 3: 6 osäker → level 2', () => {
    const r = scorePoints(only3, { certainty: osäkerOn(range(28, 33)) });
    expect(r.level).toBe(2);
    expect(r.nextLevel!.uncertainOverLimit).toBe(1);
  });

  const all5 = uniform(5);
  it('level 4: 2 osäker among Q1–40 → level 4', () => {
    expect(scorePoints(all5, { certainty: osäkerOn([38, 39]) }).level).toBe(4);
  });
  it('level 4: 3 osäker → level 3', () => {
    const r = scorePoints(all5, { certainty: osäkerOn([38, 39, 40]) });
    expect(r.level).toBe(3);
    expect(r.nextLevel).toMatchObject({ level: 4, uncertainOverLimit: 1, missingPoints: 0, cheapestAdditionalMeasures: 0 });
  });

  it('missing certainty counts as osäker (and is warned)', () => {
    const r = scorePoints(all5, { certainty: (q) => (q >= 38 ? undefined : 'säker') });
    expect(r.level).toBe(3);
    expect(r.warnings.filter((w) => w.code === 'missing-certainty').map((w) => w.question)).toEqual([38, 39, 40]);
  });

  it('unanswered and erroneous questions never count as osäker', () => {
    const set = answersFromPoints(catalog, only1, { certainty: osäkerOn(range(1, 7)), zero: 'unanswered' });
    set.answers['16'] = { selected: [], certainty: 'osäker' };
    set.answers['17'] = { selected: ['a', 'c'], certainty: 'osäker' };
    set.answers['2'] = { selected: ['a', 'b', 'c', 'd', 'e'], certainty: 'osäker' }; // 7th osäker on Q1–15 already
    set.answers['28'] = { selected: ['a', 'n'], certainty: 'osäker' };
    const r = score(catalog, set);
    expect(r.errors.map((e) => e.question)).toEqual([17, 28]);
    expect(r.uncertainCount).toBe(7);
    expect(r.levelChecks.map((c) => c.uncertain)).toEqual([7, 7, 7, 7]);
    expect(r.level).toBe(1);
  });
});

describe('checkLevels (unit)', () => {
  const items = (points: number[], uncertain: number[] = []): ScoredItem[] =>
    points.map((p, i) => ({ number: i + 1, level: specLevelOf(i + 1), points: p, uncertain: uncertain.includes(i + 1) }));

  it('levels are cumulative: level n is not reached when n − 1 is not', () => {
    // Level 2 rules hold on their own except through Q1 (a level-1 question) … make level 1 fail by certainty only.
    const checks = checkLevels(items(uniform(5), range(1, 8)), 4, [0.5, 1, 1, 1]);
    expect(checks[0].rulesMet).toBe(false);
    expect(checks[1].rulesMet).toBe(true);
    expect(checks[1].reached).toBe(false);
    expect(levelFrom(checks)).toBe(0);
  });

  it('without shares (area levels) certainty is not applied', () => {
    const checks = checkLevels(items(uniform(5), range(1, 40)), 4, null);
    expect(checks.every((c) => c.certaintyMet && c.uncertainAllowed === null)).toBe(true);
    expect(levelFrom(checks)).toBe(4);
  });

  it('lists the questions below each level’s minimum', () => {
    const checks = checkLevels(items(withPoints(uniform(5), { 3: 0, 20: 1, 30: 2, 39: 3 })), 4, [0.5, 0.3, 0.15, 0.05]);
    expect(checks.map((c) => c.belowMinimum)).toEqual([[3], [3, 20], [3, 20, 30], [3, 20, 30, 39]]);
  });
});
