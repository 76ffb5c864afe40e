import { requireEvidence, scoreWithEvidenceRule } from '../../../src/core/answers/strictEvidence';
import type { AnswerSet } from '../../../src/core/answers/types';
import { findCatalog } from '../../../src/core/catalog/registry';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform } from '../../helpers/answers';
import { CATALOG_ID, U_ALLOWED } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;

/** Full marks, every answer säker with underlag, then the underlag removed from `without`. */
function fullMarksWithout(without: readonly number[], blank = ''): AnswerSet {
  const set = answersFromPoints(catalog, uniform(5));
  for (const q of without) set.answers[String(q)].evidence = blank;
  return set;
}

describe('requireEvidence', () => {
  it('makes only answered säker answers without underlag osäker', () => {
    const set = {
      catalog: CATALOG_ID,
      answers: {
        '1': { selected: ['a'], certainty: 'säker' },
        '2': { selected: ['a'], certainty: '  SÄKER ', evidence: '   ' },
        '3': { selected: ['a'], certainty: 'säker', evidence: 'Dnr 2025/1' },
        '4': { selected: ['a'], certainty: 'osäker' },
        '5': { selected: ['a'] },
        '6': { selected: [], certainty: 'säker' },
        '7': { selected: ['z'], certainty: 'säker' },
        '8': { selected: ['n'], certainty: 'säker', evidence: '' },
      },
    } as AnswerSet;
    const before = JSON.stringify(set);
    const { answers, affected } = requireEvidence(catalog, set);
    expect(affected).toEqual([1, 2, 8]);
    expect(answers.answers['1']).toEqual({ selected: ['a'], certainty: 'osäker' });
    expect(answers.answers['2']).toEqual({ selected: ['a'], certainty: 'osäker', evidence: '   ' });
    expect(answers.answers['8'].certainty).toBe('osäker');
    for (const q of ['3', '4', '5', '6', '7']) expect(answers.answers[q]).toBe(set.answers[q]);
    // The input is not mutated.
    expect(JSON.stringify(set)).toBe(before);
  });

  it('the affected are exactly the questions of the certain-without-evidence warning, ascending', () => {
    const set = fullMarksWithout([40, 3, 17]);
    const warned = score(catalog, set).warnings.filter((w) => w.code === 'certain-without-evidence').map((w) => w.question);
    expect(requireEvidence(catalog, set).affected).toEqual([3, 17, 40]);
    expect(warned).toEqual([3, 17, 40]);
  });

  it('changes nothing (the same answer set) when no answer would be affected', () => {
    const set = answersFromPoints(catalog, uniform(5));
    const { answers, affected } = requireEvidence(catalog, set);
    expect(affected).toEqual([]);
    expect(answers).toBe(set);
    const strict = scoreWithEvidenceRule(catalog, set, true);
    expect(strict.result).toEqual(score(catalog, set));
    expect(strict.evidence).toEqual({ strict: true, affected: [] });
  });
});

describe('scoreWithEvidenceRule: the certainty rule of each level', () => {
  it(`level 4 allows ${U_ALLOWED[4]} osäker answers: ${U_ALLOWED[4]} säker answers without underlag keep level 4`, () => {
    const set = fullMarksWithout([1, 2]);
    expect(scoreWithEvidenceRule(catalog, set, false).result.level).toBe(4);
    const strict = scoreWithEvidenceRule(catalog, set, true);
    expect(strict.result.level).toBe(4);
    expect(strict.result.uncertainCount).toBe(2);
  });

  it('one more crosses the rule: strict falls to level 3, off stays at level 4', () => {
    const set = fullMarksWithout([1, 2, 3], ' \t');
    const off = scoreWithEvidenceRule(catalog, set, false);
    const on = scoreWithEvidenceRule(catalog, set, true);
    expect(off.result.level).toBe(4);
    expect(off.result.uncertainCount).toBe(0);
    expect(off.evidence).toEqual({ strict: false, affected: [1, 2, 3] });
    expect(on.result.level).toBe(3);
    expect(on.result.uncertainCount).toBe(3);
    expect(on.evidence).toEqual({ strict: true, affected: [1, 2, 3] });
    const level4 = on.result.levelChecks.find((c) => c.level === 4)!;
    expect(level4).toMatchObject({ uncertain: 3, uncertainAllowed: U_ALLOWED[4], certaintyMet: false });
    // Points and åtgärder are untouched: only certainty changes.
    expect(on.result.totalPoints).toBe(off.result.totalPoints);
    expect(on.result.measures).toEqual(off.result.measures);
  });

  it(`${U_ALLOWED[1] + 1} level-1 answers without underlag drop a full-marks organisation under level 1`, () => {
    const set = fullMarksWithout([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(scoreWithEvidenceRule(catalog, set, false).result.level).toBe(4);
    expect(scoreWithEvidenceRule(catalog, set, true).result.level).toBe(0);
  });

  it('keeps the warnings the same whichever way the option is set', () => {
    const set = fullMarksWithout([2, 30]);
    delete set.answers['5'].certainty;
    set.validation = { V1: 1, V2: 2 };
    const off = scoreWithEvidenceRule(catalog, set, false).result.warnings;
    const on = scoreWithEvidenceRule(catalog, set, true).result.warnings;
    expect(on).toEqual(off);
    expect(on.map((w) => [w.code, w.question])).toEqual([
      ['certain-without-evidence', 2],
      ['missing-certainty', 5],
      ['certain-without-evidence', 30],
      ['validation-share-over-total', 'V2'],
    ]);
  });
});
