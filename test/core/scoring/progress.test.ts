import { findCatalog } from '../../../src/core/catalog/registry';
import { progressOf } from '../../../src/core/scoring/progress';
import { answersFromPoints, uniform } from '../../helpers/answers';
import { AREAS, AREA_QUESTIONS, CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;

describe('progressOf', () => {
  it('an empty form: 0 of 40, per level 15/12/10/3, per area the area sizes', () => {
    const p = progressOf(catalog, { catalog: CATALOG_ID, answers: {} });
    expect(p.answered).toBe(0);
    expect(p.total).toBe(40);
    expect(p.byLevel).toEqual([
      { key: '1', answered: 0, total: 15 },
      { key: '2', answered: 0, total: 12 },
      { key: '3', answered: 0, total: 10 },
      { key: '4', answered: 0, total: 3 },
    ]);
    expect(p.byArea).toEqual(AREAS.map(([id]) => ({ key: id, answered: 0, total: AREA_QUESTIONS[id].length })));
    expect(p.answeredQuestions).toEqual([]);
  });

  it('counts valid answers (also y/u/n) per level and area; errors, empty selections and unknown keys do not count', () => {
    const p = progressOf(catalog, {
      catalog: CATALOG_ID,
      answers: {
        '1': { selected: ['a'] },
        '3': { selected: ['b', 'n'] }, // error
        '4': { selected: ['u'], certainty: 'osäker' },
        '16': { selected: ['n'] },
        '17': { selected: [] }, // unanswered
        '24': { selected: ['c', 'd'], certainty: 'säker' },
        '37': { selected: ['f'], certainty: 'kanske' }, // bad certainty: error
        '40': { selected: ['y'] },
        '41': { selected: ['a'] },
      },
    });
    expect(p.answered).toBe(5);
    expect(p.answeredQuestions).toEqual([1, 4, 16, 24, 40]);
    expect(p.byLevel.map((g) => [g.key, g.answered])).toEqual([
      ['1', 2],
      ['2', 2],
      ['3', 0],
      ['4', 1],
    ]);
    const area = (id: string) => p.byArea.find((g) => g.key === id)!;
    expect(area('LS')).toEqual({ key: 'LS', answered: 3, total: 5 }); // Q1, Q24, Q40
    expect(area('IO')).toEqual({ key: 'IO', answered: 1, total: 3 }); // Q4 (Q3 is an error)
    expect(area('MK')).toEqual({ key: 'MK', answered: 1, total: 7 }); // Q16
    expect(area('UP')).toEqual({ key: 'UP', answered: 0, total: 3 });
  });

  it('a full form is 40 of 40 in every group', () => {
    const p = progressOf(catalog, answersFromPoints(catalog, uniform(3)));
    expect(p.answered).toBe(40);
    expect(p.byLevel.every((g) => g.answered === g.total)).toBe(true);
    expect(p.byArea.every((g) => g.answered === g.total)).toBe(true);
  });
});
