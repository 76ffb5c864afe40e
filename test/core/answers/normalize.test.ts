import { checkSelection, normalizeAnswers, parseCertainty } from '../../../src/core/answers/normalize';
import type { AnswerSet } from '../../../src/core/answers/types';
import { findCatalog } from '../../../src/core/catalog/registry';
import { score } from '../../../src/core/scoring/score';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const set = (answers: Record<string, unknown>, extra: Partial<AnswerSet> = {}): AnswerSet =>
  ({ catalog: CATALOG_ID, answers, ...extra }) as AnswerSet;
const one = (q: number, entry: unknown) => {
  const n = normalizeAnswers(catalog, set({ [String(q)]: entry }));
  const r = score(catalog, set({ [String(q)]: entry }));
  return { n, r, a: n.byNumber.get(q)!, qr: r.questions[q - 1] };
};

describe('parseCertainty (MODEL.md: trimmed, case-insensitive, NFC)', () => {
  it.each([
    ['säker', 'säker'],
    ['osäker', 'osäker'],
    ['  SÄKER ', 'säker'],
    ['Säker', 'säker'],
    ['OSÄKER', 'osäker'],
    ['\tOsäker\n', 'osäker'],
    ['sa\u0308ker', 'säker'],
    ['  SA\u0308KER', 'säker'],
    ['o\u0073a\u0308ker', 'osäker'],
    ['OSA\u0308KER ', 'osäker'],
  ])('%j is %s', (raw, expected) => {
    expect(parseCertainty(raw)).toBe(expected);
  });

  it.each([undefined, null, '', '   '])('%j counts as missing', (raw) => {
    expect(parseCertainty(raw)).toBeUndefined();
  });

  it.each(['saker', 'sure', 'ja', 'osäkert', 'säker!', 1, true, {}, ['säker']])('%j is invalid', (raw) => {
    expect(parseCertainty(raw)).toBe('invalid');
  });
});

describe('normalizeAnswers: answered, unanswered, certainty', () => {
  it('a question that is not in the answers is unanswered with no certainty', () => {
    const n = normalizeAnswers(catalog, set({}));
    expect(n.byNumber.size).toBe(40);
    for (const a of n.byNumber.values()) {
      expect(a.state).toBe('unanswered');
      expect(a.certainty).toBeNull();
    }
    expect(n.errors).toEqual([]);
    expect(n.warnings).toEqual([]);
  });

  it('an empty selection is unanswered and never osäker, even with certainty osäker', () => {
    const { a, r, n } = one(5, { selected: [], certainty: 'osäker' });
    expect(a.state).toBe('unanswered');
    expect(a.certainty).toBeNull();
    expect(r.uncertainCount).toBe(0);
    expect(n.warnings.filter((w) => w.code === 'missing-certainty')).toEqual([]);
  });

  it.each([
    ['missing', { selected: ['a'] }],
    ['empty', { selected: ['a'], certainty: '' }],
    ['blank', { selected: ['a'], certainty: '   ' }],
    ['null', { selected: ['a'], certainty: null }],
  ])('%s certainty counts as osäker and gives a warning naming the question', (_label, entry) => {
    const { a, n, qr, r } = one(7, entry);
    expect(a.state).toBe('answered');
    expect(a.certainty).toBe('osäker');
    expect(qr.certainty).toBe('osäker');
    expect(r.uncertainCount).toBe(1);
    expect(n.errors).toEqual([]);
    expect(n.warnings).toContainEqual(expect.objectContaining({ code: 'missing-certainty', question: 7 }));
  });

  it.each(['  SÄKER ', 'sa\u0308ker', 'Säker'])('certainty %j is valid and säker', (c) => {
    const { a, n } = one(1, { selected: ['a'], certainty: c, evidence: 'doc' });
    expect(n.errors).toEqual([]);
    expect(a.certainty).toBe('säker');
    expect(n.warnings).toEqual([]);
  });

  it('säker without evidence gives a warning (CATALOG.md) but still counts as säker', () => {
    const { a, n } = one(1, { selected: ['a'], certainty: 'säker' });
    expect(a.certainty).toBe('säker');
    expect(n.warnings).toContainEqual(expect.objectContaining({ code: 'certain-without-evidence', question: 1 }));
    const blank = one(1, { selected: ['a'], certainty: 'säker', evidence: '   ' });
    expect(blank.n.warnings).toContainEqual(expect.objectContaining({ code: 'certain-without-evidence', question: 1 }));
  });

  it.each([['y'], ['u'], ['n']])('an answer with only %s is answered with 0 points and a certainty', (opt) => {
    const q = opt === 'u' ? 4 : 1; // Q1 has y/n, Q4 (ARB) has u/n
    const { a, qr, n } = one(q, { selected: [opt], certainty: 'osäker' });
    expect(n.errors).toEqual([]);
    expect(a.state).toBe('answered');
    expect(qr.answered).toBe(true);
    expect(qr.points).toBe(0);
    expect(qr.measures).toBe(0);
    expect(qr.certainty).toBe('osäker');
  });

  it('the same option twice is harmless (counted once)', () => {
    const { a, qr, n } = one(1, { selected: ['a', 'b', 'a', 'b'], certainty: 'säker', evidence: 'x' });
    expect(n.errors).toEqual([]);
    expect(a.selected).toEqual(['a', 'b']);
    expect(qr.points).toBe(2);
    expect(qr.measures).toBe(2);
    const band = one(3, { selected: ['c', 'c'], certainty: 'säker', evidence: 'x' });
    expect(band.n.errors).toEqual([]);
    expect(band.qr.points).toBe(3);
    const nn = one(3, { selected: ['n', 'n'], certainty: 'säker', evidence: 'x' });
    expect(nn.n.errors).toEqual([]);
    expect(nn.qr.answered).toBe(true);
  });

  it('orders selected options in catalog order', () => {
    const { a } = one(1, { selected: ['e', 'a', 'c'], certainty: 'säker', evidence: 'x' });
    expect(a.selected).toEqual(['a', 'c', 'e']);
  });
});

/** Asserts that the entry for question q is an input error of `code`, naming q (and the option), and that q scores 0, unanswered. */
function expectInputError(q: number, entry: unknown, code: string, option?: string) {
  const { n, r, a, qr } = one(q, entry);
  expect(n.errors.length).toBeGreaterThanOrEqual(1);
  const e = n.errors.find((x) => x.code === code);
  expect(e).toBeDefined();
  expect(e!.question).toBe(q);
  if (option !== undefined) expect(e!.option).toBe(option);
  expect(a.state).toBe('error');
  expect(a.certainty).toBeNull();
  expect(qr.points).toBe(0);
  expect(qr.measures).toBe(0);
  expect(qr.answered).toBe(false);
  expect(qr.inputError).toBe(true);
  expect(qr.certainty).toBeNull();
  expect(r.answeredCount).toBe(0);
  expect(r.uncertainCount).toBe(0);
  expect(r.totalPoints).toBe(0);
  expect(r.measures.done).toBe(0);
}

describe('normalizeAnswers: input errors (the question scores 0, counts as unanswered)', () => {
  it.each([
    ['n with an aspect', 1, ['a', 'n'], 'exclusive-with-scoring', 'n'],
    ['y with aspects', 1, ['a', 'b', 'y'], 'exclusive-with-scoring', 'y'],
    ['u with an aspect (ARB)', 4, ['u', 'c'], 'exclusive-with-scoring', 'u'],
    ['n with a band', 3, ['b', 'n'], 'exclusive-with-scoring', 'n'],
    ['u with a band', 3, ['u', 'a'], 'exclusive-with-scoring', 'u'],
    ['y with Q37 f', 37, ['f', 'y'], 'exclusive-with-scoring', 'y'],
  ])('%s', (_l, q, selected, code, option) => {
    expectInputError(q, { selected, certainty: 'säker', evidence: 'x' }, code, option);
  });

  it.each([
    ['y and n', 1, ['y', 'n']],
    ['u and n', 4, ['u', 'n']],
    ['u and n on a band question', 3, ['n', 'u']],
  ])('two of y/u/n: %s', (_l, q, selected) => {
    expectInputError(q, { selected, certainty: 'säker' }, 'several-exclusive');
  });

  it.each([
    ['a and c', ['a', 'c'], 'c'],
    ['b and d', ['b', 'd'], 'd'],
    ['a and e', ['e', 'a'], 'e'],
    ['a, b and d', ['a', 'b', 'd'], 'd'],
  ])('non-adjacent bands %s', (_l, selected, option) => {
    const { n } = one(16, { selected, certainty: 'säker' });
    expectInputError(16, { selected, certainty: 'säker' }, 'non-adjacent-bands');
    // the error names one of the ticked bands that breaks adjacency
    expect(selected).toContain(n.errors[0].option);
    expect(n.errors[0].option).toBe(option);
  });

  it.each([
    ['a letter not offered', 1, 'f'],
    ['u on a question without u (Q1)', 1, 'u'],
    ['y on an ARB question', 4, 'y'],
    ['u on Q16 (BAND · n)', 16, 'u'],
    ['f on a five-aspect question', 40, 'f'],
    ['a word', 3, 'alla'],
  ])('unknown option: %s', (_l, q, option) => {
    expectInputError(q, { selected: ['a', option], certainty: 'säker' }, 'unknown-option', option);
  });

  it.each([
    ['selected is a string', { selected: 'a', certainty: 'säker' }],
    ['selected is missing', { certainty: 'säker' }],
    ['selected holds a number', { selected: ['a', 2], certainty: 'säker' }],
    ['the entry is an array', ['a', 'b']],
    ['the entry is a string', 'a'],
    ['the entry is null', null],
    ['the entry is a number', 5],
  ])('wrong shape: %s', (_l, entry) => {
    expectInputError(2, entry, 'bad-shape');
  });

  it.each(['saker', 'ja', 'certain', 'osäkert'])('bad certainty %j', (c) => {
    expectInputError(6, { selected: ['a', 'b', 'c'], certainty: c }, 'bad-certainty');
  });

  it('a non-string certainty is a bad certainty', () => {
    expectInputError(6, { selected: ['a', 'b', 'c'], certainty: 1 }, 'bad-certainty');
  });

  it.each(['41', '0', 'abc', '-1', '1.5', 'Q1', ' 1'])('unknown question key %j: the error’s question is that key', (key) => {
    const n = normalizeAnswers(catalog, set({ [key]: { selected: ['a'], certainty: 'säker' } }));
    expect(n.errors).toEqual([expect.objectContaining({ code: 'unknown-question', question: key })]);
    const r = score(catalog, set({ [key]: { selected: ['a'], certainty: 'säker' } }));
    expect(r.answeredCount).toBe(0);
    expect(r.totalPoints).toBe(0);
  });

  it('an error on one question leaves the others scored', () => {
    const r = score(
      catalog,
      set({
        '1': { selected: ['a', 'b', 'c'], certainty: 'säker', evidence: 'x' },
        '2': { selected: ['a', 'n'], certainty: 'säker', evidence: 'x' },
        '3': { selected: ['b'], certainty: 'osäker' },
      }),
    );
    expect(r.questions[0].points).toBe(3);
    expect(r.questions[1].points).toBe(0);
    expect(r.questions[2].points).toBe(4);
    expect(r.totalPoints).toBe(7);
    expect(r.answeredCount).toBe(2);
    expect(r.uncertainCount).toBe(1);
    expect(r.errors.map((e) => e.question)).toEqual([2]);
  });

  it('errors are sorted by question number, unknown keys last', () => {
    const n = normalizeAnswers(
      catalog,
      set({ abc: { selected: ['a'] }, '9': { selected: ['x'] }, '2': { selected: 'a' } }),
    );
    expect(n.errors.map((e) => e.question)).toEqual([2, 9, 'abc']);
  });
});

describe('checkSelection', () => {
  const q3 = catalog.question(3)!;
  it('accepts adjacent bands and a single exclusive option', () => {
    expect(checkSelection(q3, ['b', 'c'])).toEqual([]);
    expect(checkSelection(q3, ['c', 'b', 'd'])).toEqual([]);
    expect(checkSelection(q3, ['u'])).toEqual([]);
    expect(checkSelection(q3, ['a', 'b', 'c', 'd', 'e'])).toEqual([]);
  });
  it('accepts any set of aspects', () => {
    expect(checkSelection(catalog.question(37)!, ['a', 'c', 'f'])).toEqual([]);
  });
});

describe('validation answers never change the level (warnings only)', () => {
  it('warns on bad values, V2 > V1 and unknown ids', () => {
    const base = { '1': { selected: ['a'], certainty: 'säker', evidence: 'x' } };
    const plain = score(catalog, set(base));
    const r = score(catalog, set(base, { validation: { V1: 3, V2: 5, V4: -1, V9: 2, V3: 1.5 } as Record<string, number> }));
    expect(r.errors).toEqual([]);
    const codes = r.warnings.map((w) => `${w.code}:${w.question}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'validation-share-over-total:V2',
        'bad-validation-value:V4',
        'bad-validation-value:V3',
        'unknown-validation-question:V9',
      ]),
    );
    expect(r.level).toBe(plain.level);
    expect(r.totalPoints).toBe(plain.totalPoints);
  });
});
