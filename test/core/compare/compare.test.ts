/**
 * MODEL.md "Change over time", issue 10 "Done when": properties of the comparison of two
 * measurements, and the reasons a level changed, from the specification's rules.
 */
import fc from 'fast-check';
import { compareMeasurements, levelChange, levelChangeText, CatalogMismatchError } from '../../../src/core/compare/compare';
import { score, type ScoreResult } from '../../../src/core/scoring/score';
import type { AnswerSet } from '../../../src/core/answers/types';
import { answersFromPoints, uniform, withPoints } from '../../helpers/answers';
import { profileArb } from '../../helpers/arbitraries';
import { realCatalog } from '../../helpers/workbook';

const catalog = realCatalog();
const scoreOf = (set: AnswerSet): ScoreResult => score(catalog, set);
const answersArb = profileArb.map((profile) =>
  answersFromPoints(catalog, profile.points, {
    certainty: (q) => profile.certainties[q - 1],
    zero: (q) => profile.zeros[q - 1],
    widenBand: (q) => profile.widen[q - 1],
  }),
);

test('compare(x, x): no deltas and no level change', () => {
  fc.assert(
    fc.property(answersArb, (set) => {
      const r = scoreOf(set);
      const c = compareMeasurements({ result: r, date: null }, { result: r, date: null });
      expect(c.levelChange).toBeNull();
      for (const q of c.questions) {
        expect(q.ticked).toEqual([]);
        expect(q.unticked).toEqual([]);
        expect(q.pointsFrom).toBe(q.pointsTo);
      }
      for (const a of c.areas) expect([a.levelFrom, a.pointsFrom]).toEqual([a.levelTo, a.pointsTo]);
      expect(c.from).toEqual(c.to);
    }),
    { numRuns: 150 },
  );
});

test('when the levels differ the reasons are non-empty, and each names a rule of level min+1 that the lower side fails', () => {
  fc.assert(
    fc.property(answersArb, answersArb, (x, y) => {
      const a = scoreOf(x);
      const b = scoreOf(y);
      const change = levelChange(a, b);
      if (a.level === b.level) return expect(change).toBeNull();
      expect(change).not.toBeNull();
      const m = Math.min(a.level, b.level) + 1;
      expect(change!.level).toBe(m);
      expect(change!.reasons.length).toBeGreaterThan(0);
      const lower = a.level < b.level ? a : b;
      const higher = a.level < b.level ? b : a;
      const low = lower.levelChecks[m - 1];
      const high = higher.levelChecks[m - 1];
      expect(high.rulesMet).toBe(true);
      for (const r of change!.reasons) {
        if (r.rule === 'minimum') {
          expect(low.minimumMet).toBe(false);
          expect(r.questions.map((q) => q.number)).toEqual(low.belowMinimum);
        } else if (r.rule === 'points') expect(low.totalMet).toBe(false);
        else expect(low.certaintyMet).toBe(false);
      }
      expect(change!.reasons.map((r) => r.rule)).toEqual(
        [!low.minimumMet && 'minimum', !low.totalMet && 'points', !low.certaintyMet && 'certainty'].filter(Boolean),
      );
    }),
    { numRuns: 300 },
  );
});

test('applying ticked/unticked to the earlier answers gives the later ticks', () => {
  fc.assert(
    fc.property(answersArb, answersArb, (x, y) => {
      const a = scoreOf(x);
      const b = scoreOf(y);
      const c = compareMeasurements({ result: a, date: '2025-05-02' }, { result: b, date: null });
      for (const q of c.questions) {
        const before = a.questions.find((r) => r.number === q.number)!;
        const after = b.questions.find((r) => r.number === q.number)!;
        const applied = new Set(before.inputError ? [] : before.selected);
        q.unticked.forEach((o) => applied.delete(o));
        q.ticked.forEach((o) => applied.add(o));
        expect([...applied].sort()).toEqual([...(after.inputError ? [] : after.selected)].sort());
      }
    }),
    { numRuns: 150 },
  );
});

test('a worked example: a question falls under the minimum, and the level drops from 3 to 2', () => {
  const before = scoreOf(answersFromPoints(catalog, uniform(4)));
  const after = scoreOf(answersFromPoints(catalog, withPoints(uniform(4), { 23: 2 })));
  expect([before.level, after.level]).toEqual([3, 2]);
  const change = levelChange(before, after)!;
  expect(change.reasons).toEqual([{ rule: 'minimum', questions: [{ number: 23, pointsFrom: 4, pointsTo: 2, required: 3 }] }]);
  expect(levelChangeText(change)).toBe('Nivån sjönk från 3 till 2: F23 (4 → 2 p) föll under minimikravet 3 p.');
});

test('different catalogs are refused', () => {
  const r = scoreOf(answersFromPoints(catalog, uniform(2)));
  expect(() => compareMeasurements({ result: r, date: null }, { result: { ...r, catalog: 'annan-katalog' }, date: null })).toThrow(CatalogMismatchError);
});
