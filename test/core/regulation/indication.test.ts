import fc from 'fast-check';
import type { AnswerSet } from '../../../src/core/answers/types';
import { findCatalog } from '../../../src/core/catalog/registry';
import { indicateRegulation, type RegulationNote } from '../../../src/core/regulation/indication';
import { findRegulation } from '../../../src/core/regulation/registry';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform, type BuildOptions } from '../../helpers/answers';
import { profileArb } from '../../helpers/arbitraries';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const spec = findRegulation(CATALOG_ID)!;

function indicate(set: AnswerSet, strict = false) {
  const result = score(catalog, set);
  return { result, reg: indicateRegulation(catalog, result, spec, { strict }) };
}
const fromPoints = (points: Record<number, number> | number[], opts: BuildOptions = {}) =>
  indicate(answersFromPoints(catalog, points, { zero: 'unanswered', ...opts }));
const para = (r: ReturnType<typeof indicate>, id: string) => r.reg.paragraphs.find((p) => p.id === id)!;
const ARB = [4, 5, 6, 7, 8, 9, 11];

describe('paragraph statuses (REGULATION.md §3)', () => {
  it('nothing answered: every paragraph notAssessable; 10 assessable', () => {
    const r = fromPoints({});
    expect(r.reg.paragraphs.map((p) => p.status)).toEqual(Array(16).fill('notAssessable'));
    expect(r.reg.counts).toEqual({ assessable: 10, met: 0, partial: 0, notMet: 0 });
    expect(r.reg.indicated).toBe(false);
  });

  it('non-assessable paragraphs stay notAssessable at full marks', () => {
    const r = fromPoints(uniform(5));
    for (const id of ['1', '2', '3', '7', '10', '16']) expect(para(r, id).status).toBe('notAssessable');
    expect(r.reg.counts).toEqual({ assessable: 10, met: 10, partial: 0, notMet: 0 });
  });

  it.each([
    [5, 'met'],
    [3, 'met'],
    [2, 'notMet'],
    [1, 'notMet'],
  ])('4 § (blocked by Q1, min 3): Q1 at %i p → %s', (p, status) => {
    const r = fromPoints({ 1: p });
    expect(para(r, '4').status).toBe(status);
    expect(para(r, '4').stops).toEqual(p < 3 ? [{ q: 1, points: p, min: 3, answered: true }] : []);
  });

  it('notMet with ≥ 1 p is "started"; with 0 p (answered y) it is not', () => {
    expect(para(fromPoints({ 1: 2 }), '4')).toMatchObject({ status: 'notMet', started: true });
    expect(para(fromPoints({ 1: 0 }, { zero: 'y' }), '4')).toMatchObject({ status: 'notMet', started: false });
    expect(para(fromPoints({ 1: 5 }), '4').started).toBe(false);
  });

  it('a blocking question with an input error counts as unanswered: notAssessable when it is the only one', () => {
    const r = indicate({ catalog: CATALOG_ID, answers: { '1': { selected: ['a', 'b', 'c', 'y'], certainty: 'säker' } } });
    expect(para(r, '4').status).toBe('notAssessable');
  });

  it('8 §: some but not all blocking questions reach 3 → partial, with the stops', () => {
    const r = fromPoints({ 11: 3, 25: 2 });
    expect(para(r, '8').status).toBe('partial');
    expect(para(r, '8').stops).toEqual([
      { q: 25, points: 2, min: 3, answered: true },
      { q: 37, points: 0, min: 3, answered: false },
    ]);
  });

  it('8 §: none reaches 3 → notMet; all reach 3 → met', () => {
    expect(para(fromPoints({ 11: 2, 25: 2, 37: 2 }), '8').status).toBe('notMet');
    expect(para(fromPoints({ 11: 3, 25: 3, 37: 3 }), '8').status).toBe('met');
  });

  it('counts and the overall layer', () => {
    const r = fromPoints({ 1: 5, 11: 3, 25: 2, 22: 1 });
    // 4 § met, 5 § partial (Q1 only), 8 § partial, 11 § notMet (Q22 1 p), 12 § notMet
    expect(r.reg.counts).toEqual({ assessable: 10, met: 1, partial: 2, notMet: 2 });
    expect(r.reg.indicated).toBe(false);
    expect(r.reg.overall.missingPoints).toBe(130 - 11);
    expect(r.reg.overall.belowMinimum).toHaveLength(37 - 2);
    expect(r.reg.overall.unanswered).toHaveLength(37 - 4);
  });

  it('the "(osäker)" modifier: a reaching blocking question that is osäker (missing certainty counts)', () => {
    expect(para(fromPoints({ 1: 5 }, { certainty: () => 'osäker' }), '4').uncertain).toBe(true);
    expect(para(fromPoints({ 1: 5 }, { certainty: () => undefined }), '4').uncertain).toBe(true);
    expect(para(fromPoints({ 1: 5 }), '4').uncertain).toBe(false);
    expect(para(fromPoints({ 1: 2 }, { certainty: () => 'osäker' }), '4').uncertain).toBe(false);
  });

  it('unassessed points are carried (9 § p1, 11 § p2)', () => {
    const r = fromPoints(uniform(5));
    expect(para(r, '9').unassessedPoints).toEqual(['p1']);
    expect(para(r, '11').unassessedPoints).toEqual(['p2']);
    expect(para(r, '4').unassessedPoints).toEqual([]);
  });
});

describe('anmärkningar and tips', () => {
  const fNotes = (notes: readonly RegulationNote[]) =>
    notes.filter((n): n is Extract<RegulationNote, { kind: 'F' | 'AR' }> => n.kind === 'F' || n.kind === 'AR');

  it('a missing F option gives an anmärkning but keeps met (default mode)', () => {
    const r = fromPoints({ 1: 4 }); // a–d, e missing
    expect(para(r, '4').status).toBe('met');
    expect(para(r, '4').remarks).toEqual([{ kind: 'F', questions: [1], option: 'e', arb: false }]);
  });

  it('strict mode downgrades met → partial for a missing F option, never the level', () => {
    const set = answersFromPoints(catalog, uniform(5));
    set.answers['1'].selected = ['a', 'b', 'c', 'd']; // Q1 a–d: 4 p, e missing
    const normal = indicate(set);
    const strict = indicate(set, true);
    expect(strict.reg.strict).toBe(true);
    expect(para(normal, '4').status).toBe('met');
    expect(para(strict, '4').status).toBe('partial');
    expect(strict.result.level).toBe(normal.result.level);
    expect(strict.result.level).toBe(4);
    // a paragraph without missing F options stays met
    expect(para(strict, '12').status).toBe('met');
    // breaks I7 by design
    expect(strict.reg.indicated).toBe(true);
  });

  it('strict mode does not downgrade for a missing AR option (tips only)', () => {
    const set = answersFromPoints(catalog, uniform(5));
    set.answers['2'].selected = ['a', 'b', 'e']; // c, d (AR) missing; 3 p
    const strict = indicate(set, true);
    expect(fNotes(para(strict, '5').tips).map((t) => `${t.kind}:Q${t.questions.join(',')}${t.option}`)).toEqual(['AR:Q2c', 'AR:Q2d']);
    expect(para(strict, '5').remarks.filter((n) => n.kind === 'F')).toEqual([]);
    expect(para(strict, '5').status).toBe('met');
  });

  it('the same ARB letter missing on several questions merges into one line', () => {
    const points: Record<number, number> = { 14: 5 };
    for (const q of ARB) points[q] = 5;
    const set = answersFromPoints(catalog, points, { zero: 'unanswered' });
    set.answers['7'].selected = ['a', 'b', 'c', 'd'];
    set.answers['8'].selected = ['a', 'b', 'c', 'd'];
    const r = indicate(set);
    const arbE = (id: string) => fNotes(para(r, id).remarks).filter((n) => n.option === 'e' && n.arb);
    expect(arbE('14')).toEqual([{ kind: 'F', questions: [7, 8], option: 'e', arb: true }]);
    expect(arbE('5')).toEqual([{ kind: 'F', questions: [7, 8], option: 'e', arb: true }]);
    expect(fNotes(para(r, '14').remarks)).toHaveLength(1);
  });

  it('anmärkningar only for answered questions without input errors', () => {
    const unanswered = fromPoints({});
    expect(para(unanswered, '4').remarks).toEqual([]);
    expect(para(unanswered, '14').remarks).toEqual([]);
    const set = answersFromPoints(catalog, { 4: 5 }, { zero: 'unanswered' });
    set.answers['1'] = { selected: ['a', 'n'], certainty: 'osäker' };
    set.answers['7'] = { selected: ['a', 'b', 'c', 'd', 'zz'], certainty: 'säker' };
    const r = indicate(set);
    expect(para(r, '4').remarks).toEqual([]);
    expect(fNotes(para(r, '14').remarks)).toEqual([]);
    expect(para(r, '5').remarks.filter((n) => n.kind === 'documentation')).toEqual([]);
  });

  it.each([1, 2, 3, 4])('coverage: Q3 at %i p gives a coverage anmärkning in 5 §', (p) => {
    const r = fromPoints({ 3: p });
    expect(para(r, '5').remarks).toContainEqual({ kind: 'coverage', q: 3, points: p, scope: 'all behandling av information' });
  });

  it.each([
    ['5 p', { 3: 5 }, {}],
    ['0 p (n)', { 3: 0 }, { zero: 'n' }],
    ['unanswered', {}, {}],
  ] as const)('coverage: no anmärkning for Q3 at %s', (_l, points, opts) => {
    const r = fromPoints(points, opts as BuildOptions);
    expect(para(r, '5').remarks.filter((n) => n.kind === 'coverage')).toEqual([]);
  });

  it('coverage for Q19 (6 §) and Q16 (9 §)', () => {
    const r = fromPoints({ 19: 3, 16: 1 });
    expect(para(r, '6').remarks).toContainEqual({ kind: 'coverage', q: 19, points: 3, scope: 'all information' });
    expect(para(r, '9').remarks).toContainEqual({ kind: 'coverage', q: 16, points: 1, scope: 'all egen personal' });
  });

  it('documentation: an osäker blocking answer on 5 § or 6 § gives an anmärkning, elsewhere not', () => {
    const r = fromPoints({ 1: 5, 5: 5, 7: 5 }, { certainty: () => 'osäker' });
    const doc = (id: string) => para(r, id).remarks.filter((n) => n.kind === 'documentation');
    expect(doc('5')).toEqual([{ kind: 'documentation', q: 1 }]);
    expect(doc('6')).toEqual([{ kind: 'documentation', q: 5 }]);
    expect(doc('4')).toEqual([]);
    expect(doc('11')).toEqual([]);
  });

  it('documentation: säker answers give none; a missing certainty counts as osäker', () => {
    expect(para(fromPoints({ 5: 5 }), '6').remarks.filter((n) => n.kind === 'documentation')).toEqual([]);
    expect(para(fromPoints({ 5: 5 }, { certainty: () => undefined }), '6').remarks).toContainEqual({ kind: 'documentation', q: 5 });
    // also for a blocking answer under its minimum: it is still an osäker answer on 6 §
    expect(para(fromPoints({ 5: 1 }, { certainty: () => 'osäker' }), '6').remarks).toContainEqual({ kind: 'documentation', q: 5 });
  });
});

describe('I7 and I8 (default mode) over random answer sets', () => {
  it('I7: overall level ≥ 3 ⇒ every assessable paragraph is met', () => {
    let hits = 0;
    fc.assert(
      fc.property(profileArb, ({ points, zeros, certainties, widen }) => {
        const r = indicate(
          answersFromPoints(catalog, points, { zero: (q) => zeros[q - 1], certainty: (q) => certainties[q - 1], widenBand: (q) => widen[q - 1] }),
        );
        expect(r.reg.indicated).toBe(r.result.level >= 3);
        if (r.result.level >= 3) {
          hits++;
          for (const p of spec.paragraphs) if (p.assessable) expect(para(r, p.id).status).toBe('met');
        }
      }),
      { numRuns: 300 },
    );
    expect(hits).toBeGreaterThan(0);
  });

  it('I8: every assessable paragraph met ∧ total ≥ 130 ∧ osäker among Q1–Q37 ≤ 5 ⇒ level ≥ 3', () => {
    let hits = 0;
    fc.assert(
      fc.property(profileArb, ({ points, zeros, certainties, widen }) => {
        const r = indicate(
          answersFromPoints(catalog, points, { zero: (q) => zeros[q - 1], certainty: (q) => certainties[q - 1], widenBand: (q) => widen[q - 1] }),
        );
        const allMet = spec.paragraphs.filter((p) => p.assessable).every((p) => para(r, p.id).status === 'met');
        const osäker = r.result.questions.filter((q) => q.number <= 37 && q.certainty === 'osäker').length;
        if (allMet && r.result.totalPoints >= 130 && osäker <= 5) {
          hits++;
          expect(r.result.level).toBeGreaterThanOrEqual(3);
        }
      }),
      { numRuns: 300 },
    );
    expect(hits).toBeGreaterThan(0);
  });
});
