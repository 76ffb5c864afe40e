import fc from 'fast-check';
import { findCatalog } from '../../../src/core/catalog/registry';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform, withPoints } from '../../helpers/answers';
import { profileArb } from '../../helpers/arbitraries';
import {
  AREAS,
  AREA_QUESTIONS,
  CATALOG_ID,
  referenceAreaLevel,
  referenceLevel,
  specOptionsOf,
} from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const areaLevel = (points: Record<number, number>, area: string) => {
  const r = score(catalog, answersFromPoints(catalog, points, { zero: 'unanswered' }));
  expect(r.errors).toEqual([]);
  return r.areas.find((a) => a.id === area)!;
};

describe('result basics', () => {
  it('an empty answer set scores level 0 with everything unanswered', () => {
    const r = score(catalog, { catalog: CATALOG_ID, answers: {} });
    expect(r.catalog).toBe(CATALOG_ID);
    expect(r.level).toBe(0);
    expect(r.totalPoints).toBe(0);
    expect(r.answeredCount).toBe(0);
    expect(r.questions).toHaveLength(40);
    expect(r.areas.map((a) => a.id)).toEqual(AREAS.map(([id]) => id));
    expect(r.areas.every((a) => a.level === 0)).toBe(true);
    expect(r.resultattal).toBe(0);
    expect(r.regulationIndicated).toBe(false);
    expect(r.nextLevel).toMatchObject({ level: 1, missingPoints: 23, cheapestAdditionalMeasures: 23 });
    expect(r.nextLevel!.belowMinimum.map((b) => b.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('full marks: level 4, all areas level 4, 200 points, 201 åtgärder with Q37 a–f', () => {
    const set = answersFromPoints(catalog, uniform(5));
    set.answers['37'].selected = ['a', 'b', 'c', 'd', 'e', 'f'];
    const r = score(catalog, set);
    expect(r.level).toBe(4);
    expect(r.totalPoints).toBe(200);
    expect(r.measures).toEqual({ done: 201, possible: 201 });
    expect(r.areas.every((a) => a.level === 4)).toBe(true);
    expect(r.resultattal).toBe(400000 + 1000 * 40 + 200);
    expect(r.regulationIndicated).toBe(true);
    expect(r.nextLevel).toBeNull();
    expect(r.forwardLooking).toEqual([]);
  });

  it('Q37 with six aspects: 5 points, 6 åtgärder (question, area UP and total)', () => {
    const r = score(catalog, {
      catalog: CATALOG_ID,
      answers: { '37': { selected: ['a', 'b', 'c', 'd', 'e', 'f'], certainty: 'säker', evidence: 'x' } },
    });
    expect(r.questions[36]).toMatchObject({ points: 5, measures: 6, maxPoints: 5 });
    expect(r.totalPoints).toBe(5);
    expect(r.measures.done).toBe(6);
    const up = r.areas.find((a) => a.id === 'UP')!;
    expect(up.points).toBe(5);
    expect(up.measures).toEqual({ done: 6, possible: 5 + 5 + 6 });
  });

  it('area measures and max points follow the area’s questions', () => {
    const r = score(catalog, { catalog: CATALOG_ID, answers: {} });
    for (const a of r.areas) {
      expect(a.questions).toEqual(AREA_QUESTIONS[a.id]);
      expect(a.maxPoints).toBe(5 * AREA_QUESTIONS[a.id].length);
      const possible = AREA_QUESTIONS[a.id].reduce((s, q) => s + (q === 37 ? 6 : 5), 0);
      expect(a.measures.possible).toBe(possible);
    }
    expect(r.areas.reduce((s, a) => s + a.measures.possible, 0)).toBe(201);
  });
});

describe('indicative area levels (MODEL.md)', () => {
  it('LS (Q1, Q2, Q15 level 1; Q24 level 2; Q40 level 4): level 1 needs 5 points over all its questions', () => {
    expect(areaLevel({ 1: 1, 2: 1, 15: 1 }, 'LS').level).toBe(0);
    expect(areaLevel({ 1: 1, 2: 1, 15: 1, 40: 2 }, 'LS').level).toBe(1); // points of a level-4 question count
    expect(areaLevel({ 1: 1, 2: 1, 15: 1, 40: 1 }, 'LS').level).toBe(0);
    expect(areaLevel({ 1: 0, 2: 5, 15: 5, 24: 5, 40: 5 }, 'LS').level).toBe(0); // Q1 below minimum
  });

  it('LS level 2: Q1, Q2, Q15, Q24 ≥ 2 and ≥ 10 points', () => {
    expect(areaLevel({ 1: 2, 2: 2, 15: 2, 24: 2 }, 'LS').level).toBe(1); // 8 < 10: the total blocks
    expect(areaLevel({ 1: 2, 2: 2, 15: 2, 24: 2, 40: 2 }, 'LS').level).toBe(2);
    expect(areaLevel({ 1: 5, 2: 5, 15: 5, 24: 1 }, 'LS').level).toBe(1); // Q24 blocks
  });

  it('LS level 3: ≥ 3 each and ≥ 14 points; level 4: all five ≥ 4 and ≥ 23 points', () => {
    expect(areaLevel({ 1: 3, 2: 3, 15: 3, 24: 3, 40: 2 }, 'LS').level).toBe(3);
    expect(areaLevel({ 1: 3, 2: 3, 15: 3, 24: 3, 40: 1 }, 'LS').level).toBe(2);
    expect(areaLevel({ 1: 4, 2: 4, 15: 4, 24: 4, 40: 4 }, 'LS').level).toBe(3); // 20 < 23
    expect(areaLevel({ 1: 5, 2: 5, 15: 5, 24: 4, 40: 4 }, 'LS').level).toBe(4); // 23
    expect(areaLevel({ 1: 5, 2: 5, 15: 5, 24: 5, 40: 3 }, 'LS').level).toBe(3); // Q40 blocks
  });

  it('SF has no question at level 3 or 4 and can still reach level 4 (Q12 + Q21 ≥ 9, both ≥ 4)', () => {
    expect(areaLevel({ 12: 5, 21: 4 }, 'SF').level).toBe(4);
    expect(areaLevel({ 12: 4, 21: 4 }, 'SF').level).toBe(3); // 8 < 9
    expect(areaLevel({ 12: 5, 21: 3 }, 'SF').level).toBe(3); // Q21 below 4
    expect(areaLevel({ 12: 4, 21: 3 }, 'SF').level).toBe(3); // 7 ≥ 7
    expect(areaLevel({ 12: 3, 21: 3 }, 'SF').level).toBe(2); // 6 < 7
    expect(areaLevel({ 12: 2 }, 'SF').level).toBe(1); // Q21 0 < 2
    expect(areaLevel({ 12: 1 }, 'SF').level).toBe(0); // 1 < 2
  });

  it('IO (Q3, Q4 level 1; Q28 level 3)', () => {
    expect(areaLevel({ 3: 1, 4: 1, 28: 1 }, 'IO').level).toBe(1);
    expect(areaLevel({ 3: 1, 4: 1 }, 'IO').level).toBe(0); // 2 < 3
    expect(areaLevel({ 3: 3, 4: 3, 28: 3 }, 'IO').level).toBe(2); // 9 < 11
    expect(areaLevel({ 3: 3, 4: 3, 28: 5 }, 'IO').level).toBe(3);
    expect(areaLevel({ 3: 5, 4: 5, 28: 4 }, 'IO').level).toBe(4); // 14
    expect(areaLevel({ 3: 5, 4: 4, 28: 4 }, 'IO').level).toBe(3); // 13 < 14
  });

  it('SK (Q13 level 1; Q38, Q39 level 4): a single level-1 question carries levels 1–3', () => {
    expect(areaLevel({ 13: 4 }, 'SK').level).toBe(3); // 4 ≥ ceil(3.5)
    expect(areaLevel({ 13: 3 }, 'SK').level).toBe(2); // 3 < 4
    expect(areaLevel({ 13: 4, 38: 5, 39: 5 }, 'SK').level).toBe(4);
    expect(areaLevel({ 13: 4, 38: 5, 39: 4 }, 'SK').level).toBe(3); // 13 < 14
  });

  it('certainty is not applied to area levels', () => {
    const r = score(catalog, answersFromPoints(catalog, uniform(5), { certainty: () => 'osäker' }));
    expect(r.level).toBe(0);
    expect(r.areas.every((a) => a.level === 4)).toBe(true);
    expect(r.resultattal).toBe(40 * 1000 + 200);
  });

  it('other areas do not influence an area level', () => {
    const alone = areaLevel({ 12: 5, 21: 4 }, 'SF').level;
    const withOthers = score(catalog, answersFromPoints(catalog, withPoints(uniform(0), { 12: 5, 21: 4, 1: 5, 2: 5 }))).areas.find(
      (a) => a.id === 'SF',
    )!.level;
    expect(withOthers).toBe(alone);
  });
});

describe('forward-looking list, regulation indication, resultattal', () => {
  it('forwardLooking lists u-answered questions under level 1 only', () => {
    const base = withPoints(uniform(0), {});
    const set = answersFromPoints(catalog, base, { zero: (q) => ([3, 4, 19].includes(q) ? 'u' : 'n') });
    set.answers['5'] = { selected: ['u', 'a'], certainty: 'säker' }; // input error: not listed
    const r = score(catalog, set);
    expect(r.level).toBe(0);
    expect(r.forwardLooking).toEqual([3, 4, 19]);

    const lifted = answersFromPoints(catalog, withPoints(uniform(5), { 20: 0 }), { zero: 'u' });
    const r1 = score(catalog, lifted);
    expect(r1.level).toBe(1);
    expect(r1.answeredCount).toBe(40);
    expect(r1.questions[19].selected).toEqual(['u']);
    expect(r1.forwardLooking).toEqual([]);
  });

  it.each([0, 1, 2, 3, 4])('regulationIndicated iff level ≥ 3 (level %i)', (level) => {
    const blocker: Record<number, Record<number, number>> = { 0: { 1: 0 }, 1: { 16: 1 }, 2: { 28: 2 }, 3: { 38: 3 }, 4: {} };
    const r = score(catalog, answersFromPoints(catalog, withPoints(uniform(5), blocker[level])));
    expect(r.level).toBe(level);
    expect(r.regulationIndicated).toBe(level >= 3);
  });
});

describe('properties over random answer sets (MODEL.md rules, independent reference)', () => {
  it('level, area levels, resultattal, regulationIndicated and forwardLooking follow the spec', () => {
    fc.assert(
      fc.property(profileArb, ({ points, zeros, certainties, widen }) => {
        const set = answersFromPoints(catalog, points, {
          zero: (q) => zeros[q - 1],
          certainty: (q) => certainties[q - 1],
          widenBand: (q) => widen[q - 1],
        });
        const r = score(catalog, set);
        expect(r.errors).toEqual([]);
        expect(r.questions.map((q) => q.points)).toEqual(points);
        const answered = (q: number) => points[q - 1] > 0 || zeros[q - 1] !== 'unanswered';
        const uncertain = points.map((_, i) => answered(i + 1) && certainties[i] !== 'säker');
        const level = referenceLevel(points, uncertain);
        expect(r.level).toBe(level);
        expect(r.uncertainCount).toBe(uncertain.filter(Boolean).length);
        const areaLevels = AREAS.map(([id]) => referenceAreaLevel(id, points));
        expect(r.areas.map((a) => a.level)).toEqual(areaLevels);
        const total = points.reduce((s, p) => s + p, 0);
        expect(r.totalPoints).toBe(total);
        expect(r.resultattal).toBe(100000 * level + 1000 * areaLevels.reduce((s, l) => s + l, 0) + total);
        expect(r.regulationIndicated).toBe(level >= 3);
        const uAnswered = points
          .map((p, i) => i + 1)
          .filter((q) => points[q - 1] === 0 && zeros[q - 1] === 'u' && specOptionsOf(q).standard.includes('u'));
        expect(r.forwardLooking).toEqual(level === 0 ? uAnswered : []);
        expect(r.nextLevel === null).toBe(level === 4);
      }),
      { numRuns: 300 },
    );
  });
});
