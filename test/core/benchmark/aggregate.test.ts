/**
 * MODEL.md "Benchmarks": strict majorities (exactly N/2 is not more than half), the median of band
 * points rounded down for even N, certainty by majority of those who answered.
 */
import type { AnswerEntry, AnswerSet } from '../../../src/core/answers/types';
import { benchmarkAnswers, isMajority, medianDown } from '../../../src/core/benchmark/aggregate';
import { memberRecord, type MemberRecord } from '../../../src/core/benchmark/member';
import { loadCatalog } from '../../../src/core/catalog/load';
import { score } from '../../../src/core/scoring/score';
import { smallCatalogSpec } from '../../helpers/catalogSpec';

// Q1: five aspects (standard n); Q2: bands a–e (standard u, n).
const small = loadCatalog(
  smallCatalogSpec([
    { level: 1, area: 'AA', kind: 'aspect' },
    { level: 1, area: 'BB', kind: 'band', standard: ['u', 'n'] },
  ]),
);
const BAND = { 5: 'a', 4: 'b', 3: 'c', 2: 'd', 1: 'e' } as Record<number, string>;

function member(answers: Record<string, AnswerEntry>, i: number): MemberRecord {
  const set: AnswerSet = { catalog: small.id, organisation: { name: `Org ${i}`, type: 'kommun' }, answers };
  return memberRecord(score(small, set), 'kommun', `org-${i}.json`);
}
const q1 = (selected: string[], certainty = 'säker') => ({ '1': { selected, certainty } });
const q2 = (points: number | 'u' | 'n' | 'bad', certainty = 'säker') => ({
  '2': { selected: typeof points === 'number' ? [BAND[points]] : points === 'bad' ? ['a', 'c'] : [points], certainty },
});

describe('majority and median helpers', () => {
  it('more than half is strict, in integers', () => {
    expect(isMajority(5, 10)).toBe(false);
    expect(isMajority(6, 10)).toBe(true);
    expect(isMajority(3, 7)).toBe(false);
    expect(isMajority(4, 7)).toBe(true);
    expect(isMajority(0, 0)).toBe(false);
  });
  it('median: middle value for odd N, mean of the two middle values rounded down for even N', () => {
    expect(medianDown([5, 1, 3])).toBe(3);
    expect(medianDown([1, 2, 4, 5])).toBe(3);
    expect(medianDown([2, 3])).toBe(2);
    expect(medianDown([0, 0, 5, 5])).toBe(2);
    expect(medianDown([4, 5, 5, 4, 5, 4])).toBe(4);
  });
});

describe('aspect questions: a box is ticked when more than N/2 members ticked it', () => {
  const group = (ticks: string[][]) => benchmarkAnswers(small, ticks.map((t, i) => member(q1(t), i)));

  it('exactly N/2 members is not enough; N/2 + 1 is (N = 10)', () => {
    const five = [...Array(5).fill(['a', 'b']), ...Array(5).fill(['b'])];
    expect(group(five)['1'].selected).toEqual(['b']);
    const six = [...Array(6).fill(['a', 'b']), ...Array(4).fill(['b'])];
    expect(group(six)['1'].selected).toEqual(['a', 'b']);
  });

  it('odd N: 3 of 7 is not a majority, 4 of 7 is', () => {
    expect(group([...Array(3).fill(['c']), ...Array(4).fill(['n'])])['1'].selected).toEqual(['n']);
    expect(group([...Array(4).fill(['c', 'e']), ...Array(3).fill(['n'])])['1'].selected).toEqual(['c', 'e']);
  });

  it('members who did not answer count in N (they ticked nothing)', () => {
    // 6 of 10 answered, 5 of them ticked d: 5 is not more than 10/2.
    const members = [...Array(5).fill(q1(['d'])), q1(['a']), ...Array(4).fill({})].map((a, i) => member(a, i));
    expect(benchmarkAnswers(small, members)['1'].selected).toEqual(['n']);
  });

  it('with no aspect ticked by a majority, the benchmark answers n', () => {
    const members = [q1(['a']), q1(['b']), q1(['c']), q1(['d']), q1(['e'])].map((a, i) => member(a, i));
    expect(benchmarkAnswers(small, members)['1']).toEqual({ selected: ['n'], certainty: 'säker' });
  });
});

describe('answered: more than half of the N members answered the question', () => {
  it('exactly N/2 answered → unanswered in the benchmark; N/2 + 1 → answered', () => {
    const half = [...Array(5).fill(q1(['a'])), ...Array(5).fill({})].map((a, i) => member(a, i));
    expect(benchmarkAnswers(small, half)['1']).toBeUndefined();
    const more = [...Array(6).fill(q1(['a'])), ...Array(4).fill({})].map((a, i) => member(a, i));
    expect(benchmarkAnswers(small, more)['1'].selected).toEqual(['a']);
  });

  it('answers with input errors count as unanswered', () => {
    // 6 of 10 answered Q2, but 2 of them with non-adjacent bands (an input error): 4 usable.
    const members = [...Array(4).fill(q2(5)), ...Array(2).fill(q2('bad')), ...Array(4).fill({})].map((a, i) => member(a, i));
    expect(members[4].questions[1].state).toBe('error');
    expect(benchmarkAnswers(small, members)['2']).toBeUndefined();
  });
});

describe('band questions: the median of all N members’ points', () => {
  const group = (answers: Record<string, AnswerEntry>[]) => benchmarkAnswers(small, answers.map((a, i) => member(a, i)));

  it('odd N: the middle value', () => {
    expect(group([q2(1), q2(2), q2(3), q2(4), q2(5)])['2'].selected).toEqual(['c']);
  });
  it('even N: the mean of the two middle values, rounded down', () => {
    // 2, 3, 4, 5 → (3 + 4) / 2 = 3.5 → 3
    expect(group([q2(5), q2(2), q2(4), q2(3)])['2'].selected).toEqual(['c']);
    // 1, 2, 3, 4 → 2.5 → 2
    expect(group([q2(4), q2(1), q2(3), q2(2)])['2'].selected).toEqual(['d']);
    // 1, 2, 5, 5, 5, 5 → (5 + 5) / 2 = 5
    expect(group([q2(1), q2(2), q2(5), q2(5), q2(5), q2(5)])['2'].selected).toEqual(['a']);
  });
  it('unanswered, erroneous, u and n count as 0 points', () => {
    // 0 (unanswered), 0 (u), 0 (n), 0 (error), 4, 4, 5 → median 0 → n; 6 of 7 answered (the error is not)
    expect(group([{}, q2('u'), q2('n'), q2('bad'), q2(4), q2(4), q2(5)])['2']).toEqual({ selected: ['n'], certainty: 'säker' });
    // 0, 0, 3, 4, 5, 5 → (3 + 4) / 2 → 3
    expect(group([{}, q2('n'), q2(3), q2(4), q2(5), q2(5)])['2'].selected).toEqual(['c']);
  });
  it('a wider answer (adjacent bands) counts at its lowest band, as scored', () => {
    const wide = { '2': { selected: ['a', 'b'], certainty: 'säker' } };
    expect(group([wide, wide, wide])['2'].selected).toEqual(['b']);
  });
});

describe('certainty: säker when more than half of those who answered said säker', () => {
  const group = (answers: Record<string, AnswerEntry>[]) => benchmarkAnswers(small, answers.map((a, i) => member(a, i)))['1'].certainty;

  it('exactly half of the answering members säker → osäker; one more → säker', () => {
    // 6 answered (3 säker, 3 osäker), 2 did not answer: 3 of 6 is not more than half.
    expect(group([...Array(3).fill(q1(['a'], 'säker')), ...Array(3).fill(q1(['a'], 'osäker')), {}, {}])).toBe('osäker');
    expect(group([...Array(4).fill(q1(['a'], 'säker')), ...Array(2).fill(q1(['a'], 'osäker')), {}, {}])).toBe('säker');
  });
  it('counts only members who answered, not all N', () => {
    // 4 of 7 answered: 3 säker of 4 → säker, although 3 is not more than 7/2.
    expect(group([...Array(3).fill(q1(['b'], 'säker')), q1(['b'], 'osäker'), {}, {}, {}])).toBe('säker');
  });
  it('a missing certainty counts as osäker', () => {
    const none = { '1': { selected: ['a'] } };
    expect(group([none, none, q1(['a'], 'säker')])).toBe('osäker');
  });
});
