/** An organisation against a group (issue 11): spread position at the percentile boundaries, level rank, questions ahead. */
import { compareWithBenchmark, positionIn } from '../../../src/core/benchmark/compare';
import { buildBenchmark } from '../../../src/core/benchmark/groups';
import { memberRecord } from '../../../src/core/benchmark/member';
import { findCatalog } from '../../../src/core/catalog/registry';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform, withPoints } from '../../helpers/answers';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;

describe('positionIn', () => {
  const p = { p10: 10, p50: 50, p90: 90 };
  it.each([
    [9, 'under-p10'],
    [10, 'p10-p50'],
    [49, 'p10-p50'],
    [50, 'p50-p90'],
    [89, 'p50-p90'],
    [90, 'p90-or-more'],
    [200, 'p90-or-more'],
  ])('%i → %s', (value, position) => expect(positionIn(value, p)).toBe(position));
});

describe('compareWithBenchmark', () => {
  // Five members at 0, 1, 2, 4, 5 points on every question: levels 0–4, the typical member at 2.
  const members = [0, 1, 2, 4, 5].map((p, i) =>
    memberRecord(score(catalog, answersFromPoints(catalog, uniform(p), { organisation: { name: `M${i}`, type: 'myndighet' } })), 'myndighet', `m${i}`),
  );
  const group = buildBenchmark(catalog, members).groups.find((g) => g.id === 'typmyndighet')!;
  const data = { id: group.id, members: group.members, answers: group.answers!, spread: group.spread! };

  it('places the organisation among the members and lists the questions where the group is ahead', () => {
    // Level 1 (every question 1 p, F1 at 3): one member below, one at level 1, three above.
    const result = score(catalog, answersFromPoints(catalog, withPoints(uniform(1), { 1: 3 })));
    const c = compareWithBenchmark(catalog, result, data);
    expect(c.level).toEqual({ organisation: 1, group: 2 });
    expect(c.levelRank).toEqual({ below: 1, same: 1, above: 3 });
    expect(c.totalPoints).toMatchObject({ organisation: 42, group: 80, spread: { p10: 0, p50: 80, p90: 200 }, position: 'p10-p50' });
    expect(c.groupPoints).toEqual(uniform(2));
    expect(c.ahead.map((q) => q.number)).toEqual(catalog.questions.map((q) => q.number).filter((n) => n !== 1));
    expect(c.ahead[0]).toMatchObject({ number: 2, points: 1, groupPoints: 2, groupSelected: ['a', 'b'] });
    const ls = c.areas.find((a) => a.id === 'LS')!;
    expect(ls).toMatchObject({ points: 7, groupPoints: 10, maxPoints: 25, spread: { p10: 0, p50: 10, p90: 25 }, position: 'p10-p50' });
  });
});
