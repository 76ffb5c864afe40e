import type { NormalizedAnswer } from '../../../src/core/answers/normalize';
import { findCatalog } from '../../../src/core/catalog/registry';
import { maxPoints, possibleMeasures, scoreQuestion } from '../../../src/core/scoring/points';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const answered = (number: number, selected: string[]): NormalizedAnswer => ({
  number,
  state: 'answered',
  selected,
  certainty: 'säker',
});

describe('scoreQuestion (MODEL.md "Answer options and points")', () => {
  it.each([0, 1, 2, 3, 4, 5])('%i aspects give that many points and åtgärder', (k) => {
    const ids = ['a', 'b', 'c', 'd', 'e'].slice(0, k);
    expect(scoreQuestion(catalog.question(1)!, answered(1, ids), 5)).toEqual({ points: k, measures: k });
  });

  it('Q37 with six aspects: 5 points but 6 åtgärder', () => {
    const q = catalog.question(37)!;
    expect(scoreQuestion(q, answered(37, ['a', 'b', 'c', 'd', 'e', 'f']), 5)).toEqual({ points: 5, measures: 6 });
    expect(scoreQuestion(q, answered(37, ['b', 'c', 'd', 'e', 'f']), 5)).toEqual({ points: 5, measures: 5 });
    expect(scoreQuestion(q, answered(37, ['f']), 5)).toEqual({ points: 1, measures: 1 });
  });

  it.each([
    [['a'], 5],
    [['b'], 4],
    [['c'], 3],
    [['d'], 2],
    [['e'], 1],
  ])('band %j gives %i points and as many åtgärder', (sel, p) => {
    expect(scoreQuestion(catalog.question(3)!, answered(3, sel), 5)).toEqual({ points: p, measures: p });
  });

  it.each([
    [['a', 'b'], 4],
    [['b', 'c'], 3],
    [['c', 'd'], 2],
    [['d', 'e'], 1],
    [['a', 'b', 'c'], 3],
    [['b', 'c', 'd', 'e'], 1],
    [['a', 'b', 'c', 'd', 'e'], 1],
  ])('adjacent bands %j score the lowest ticked band: %i', (sel, p) => {
    expect(scoreQuestion(catalog.question(16)!, answered(16, sel), 5)).toEqual({ points: p, measures: p });
  });

  it.each([['y'], ['n']])('%s gives 0 points and 0 åtgärder', (id) => {
    expect(scoreQuestion(catalog.question(1)!, answered(1, [id]), 5)).toEqual({ points: 0, measures: 0 });
  });

  it('unanswered and erroneous answers give 0', () => {
    const q = catalog.question(1)!;
    expect(scoreQuestion(q, { number: 1, state: 'unanswered', selected: [], certainty: null }, 5).points).toBe(0);
    expect(scoreQuestion(q, { number: 1, state: 'error', selected: ['a', 'b'], certainty: null }, 5)).toEqual({
      points: 0,
      measures: 0,
    });
  });
});

describe('possibleMeasures / maxPoints', () => {
  it('aspect questions: their boxes; band questions: 5', () => {
    expect(possibleMeasures(catalog.question(1)!)).toBe(5);
    expect(possibleMeasures(catalog.question(37)!)).toBe(6);
    expect(possibleMeasures(catalog.question(3)!)).toBe(5);
    expect(maxPoints(catalog.question(37)!, 5)).toBe(5);
    expect(maxPoints(catalog.question(39)!, 5)).toBe(5);
  });
});
