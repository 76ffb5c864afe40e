import fc from 'fast-check';
import { areasLowestFirst, scoreStammer, type StammerResult } from '../../../src/core/stammer/score';
import { formatHundredths } from '../../../src/core/stammer/rounding';
import { stammerProgressOf } from '../../../src/core/stammer/progress';
import { ITSAK_AREAS, ITSAK_ID, all, itsak, itsakAnswers, statementIds, type Row } from '../../helpers/itsak';

const catalog = itsak();
const score = (perArea: Partial<Record<string, Row>>, rest: number | null = null, extra: Record<string, unknown> = {}) =>
  scoreStammer(catalog, itsakAnswers(perArea, rest, extra));
const areaValues = (r: StammerResult) => Object.fromEntries(r.areas.map((a) => [a.id, a.valueHundredths]));
const order = (r: StammerResult) => areasLowestFirst(r).map((a) => a.id);

describe('ITSAK.md §7: the hand-computed examples', () => {
  it('E1: all 41 stämmer helt → 4,00, level 4 gott skydd, empty action list', () => {
    const r = scoreStammer(catalog, all(4));
    expect(r.areas.every((a) => a.valueHundredths === 400 && a.level === 4)).toBe(true);
    expect([r.valueHundredths, r.level, r.levelName?.sv]).toEqual([400, 4, 'gott skydd']);
    expect(r.actionList).toEqual([]);
    expect(r.answered).toBe(41);
    expect(r.errors).toEqual([]);
  });

  it('E2: all 41 stämmer inte → 1,00, level 1 otillräckligt skydd, all 41 to act on', () => {
    const r = scoreStammer(catalog, all(1));
    expect(r.areas.every((a) => a.valueHundredths === 100 && a.level === 1)).toBe(true);
    expect([r.valueHundredths, r.level, r.levelName?.sv]).toEqual([100, 1, 'otillräckligt skydd']);
    expect(r.actionList).toEqual(statementIds());
  });

  it('E3: a mixed set → 2,77 (level 2), areas KR LO RE NS FS KT BA SU', () => {
    const r = score({
      FS: [4, 3, 3, 2, null, null],
      NS: [3, 3, 3, 3, 2, 2],
      BA: [4, 4, 3, null, 2],
      KR: [1, 2, null, null],
      KT: [3, 3, 3, 3, 3],
      LO: [2, 3, 2, 3, 2, null],
      SU: [4, 4, 4, 3],
      RE: [3, 2, 3, 3, 2],
    });
    expect(areaValues(r)).toEqual({ FS: 300, NS: 267, BA: 325, KR: 150, KT: 300, LO: 240, SU: 375, RE: 260 });
    expect(r.areas.map((a) => a.level)).toEqual([3, 2, 3, 1, 3, 2, 3, 2]);
    expect(r.areas.reduce((s, a) => s + a.valueHundredths!, 0)).toBe(2217);
    expect([r.valueHundredths, r.level, formatHundredths(r.valueHundredths!)]).toEqual([277, 2, '2,77']);
    expect(r.answered).toBe(35);
    expect(r.unanswered).toEqual(['S05', 'S06', 'S16', 'S20', 'S21', 'S32']);
    expect(order(r)).toEqual(['KR', 'LO', 'RE', 'NS', 'FS', 'KT', 'BA', 'SU']);
    expect(r.actionList).toEqual(['S18', 'S04', 'S11', 'S12', 'S17', 'S19', 'S27', 'S29', 'S31', 'S38', 'S41']);
    expect(r.areas.find((a) => a.id === 'FS')).toMatchObject({ answered: 4, total: 6 });
  });

  it('E4: an area without any answer has no value and is left out of the overall → 3,14', () => {
    const r = score({ KR: [null, null, null, null], SU: [4, 4, 4, 4] }, 3);
    expect(areaValues(r)).toMatchObject({ KR: null, SU: 400, FS: 300, RE: 300 });
    expect(r.areas.find((a) => a.id === 'KR')!.level).toBeNull();
    expect([r.valueHundredths, r.level, r.answered, r.areasWithValue]).toEqual([314, 3, 37, 7]);
    expect(order(r).at(-1)).toBe('KR');
  });

  it('E5a: the .005 case rounds half up → 3,00 (truncation would give 2,99, level 2)', () => {
    const r = score({ FS: [3, 3, 3, 3, 3, 2], NS: [4, 4, 3, 3, 3, 3], BA: [3, 3, 3, 3, 2] }, 3);
    expect(areaValues(r)).toMatchObject({ FS: 283, NS: 333, BA: 280, KR: 300 });
    expect([r.valueHundredths, r.level]).toEqual([300, 3]);
  });

  it('E5b: the mean of the shown area values → 3,01 (half-even or unrounded means would give 3,00)', () => {
    const r = score({ FS: [3, 3, 3, 3, 3, 4], NS: [3, 3, 3, 3, 2, 2], BA: [3, 3, 3, 3, 4] }, 3);
    expect(areaValues(r)).toMatchObject({ FS: 317, NS: 267, BA: 320 });
    expect([r.valueHundredths, r.level]).toEqual([301, 3]);
  });

  it('E6: the highest value below 4 → 3,98 is level 3, not 4', () => {
    const r = score({ FS: [4, 4, 4, 4, 4, 3] }, 4);
    expect(areaValues(r).FS).toBe(383);
    expect(r.areas.find((a) => a.id === 'FS')!.level).toBe(3);
    expect([r.valueHundredths, r.level, r.levelName?.sv]).toEqual([398, 3, 'visst skydd']);
  });

  it('E7: two steps ticked on S01 → multiple-steps, S01 left out, 3,00 on 40 of 41', () => {
    const set = all(3);
    set.answers.S01 = { selected: ['s2', 's4'] };
    const r = scoreStammer(catalog, set);
    expect(r.errors).toEqual([{ code: 'multiple-steps', statement: 'S01', option: 's4', params: { options: 's2, s4' } }]);
    expect(r.statements[0]).toMatchObject({ id: 'S01', state: 'error', value: null });
    expect(r.areas[0]).toMatchObject({ valueHundredths: 300, answered: 5, total: 6 });
    expect([r.valueHundredths, r.level, r.answered]).toEqual([300, 3, 40]);
    // An error is listed under errors, not among the unanswered.
    expect(r.unanswered).toEqual([]);
  });

  it('E8: nothing answered → no value, no level, every area "–"', () => {
    const r = scoreStammer(catalog, all(null));
    expect([r.valueHundredths, r.level, r.levelName, r.answered, r.areasWithValue]).toEqual([null, null, null, 0, 0]);
    expect(r.areas.every((a) => a.valueHundredths === null && a.level === null)).toBe(true);
    expect(r.unanswered).toHaveLength(41);
    expect(r.errors).toEqual([]);
  });
});

describe('input errors (ITSAK.md §6): located to the statement, never silently fixed', () => {
  it('unknown-option: an option id not in the scale; the statement counts as unanswered', () => {
    const r = scoreStammer(catalog, { catalog: ITSAK_ID, answers: { S02: { selected: ['s5'] }, S03: { selected: ['s3'] } } });
    expect(r.errors).toEqual([{ code: 'unknown-option', statement: 'S02', option: 's5', params: { value: 's5', valid: 's1, s2, s3, s4' } }]);
    expect(r.statements[1]).toMatchObject({ state: 'error', value: null });
    expect(r.answered).toBe(1);
  });

  it('unknown-statement: a key that is neither S01–S41 nor K1 is ignored and listed', () => {
    const r = scoreStammer(catalog, { catalog: ITSAK_ID, answers: { S42: { selected: ['s3'] }, '1': { selected: ['a'] }, s01: { selected: ['s1'] } } });
    expect(r.errors.map((e) => [e.code, e.statement])).toEqual([
      ['unknown-statement', '1'],
      ['unknown-statement', 'S42'],
      ['unknown-statement', 's01'],
    ]);
    expect(r.errors[1].params).toEqual({ known: 'S01–S41, K1' });
    expect(r.answered).toBe(0);
  });

  it('wrong-shape: not { selected: [...] }', () => {
    const answers = { S01: 's3', S02: { selected: 's3' }, S03: { selected: [3] }, S04: [], S05: null, S06: { selected: ['s2'], comment: 7 } };
    const r = scoreStammer(catalog, { catalog: ITSAK_ID, answers: answers as never });
    expect(r.errors.map((e) => [e.code, e.statement])).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06'].map((s) => ['wrong-shape', s]));
    expect(r.areas[0].valueHundredths).toBeNull();
  });

  it('multiple-steps and multiple-options; the same id twice is harmless', () => {
    const r = scoreStammer(catalog, {
      catalog: ITSAK_ID,
      answers: { S07: { selected: ['s1', 's3'] }, S08: { selected: ['s2', 'S2 ', 's2'] }, K1: { selected: ['b', 'c'] } },
    });
    expect(r.errors).toEqual([
      { code: 'multiple-steps', statement: 'S07', option: 's3', params: { options: 's1, s3' } },
      { code: 'multiple-options', statement: 'K1', option: 'c', params: { options: 'b, c' } },
    ]);
    expect(r.statements.find((s) => s.id === 'S08')).toMatchObject({ value: 2, state: 'answered' });
    expect(r.context).toEqual([{ id: 'K1', selected: null, state: 'error' }]);
  });

  it('an empty row is not an error: it is unanswered (the way to say "vet ej"); a comment is kept, never scored', () => {
    const r = scoreStammer(catalog, { catalog: ITSAK_ID, answers: { S01: { selected: [], comment: 'vet ej' }, S02: { selected: ['s4'], comment: 'intern revision 2025' } } });
    expect(r.errors).toEqual([]);
    expect(r.statements[0]).toEqual({ id: 'S01', area: 'FS', value: null, selected: null, state: 'unanswered', comment: 'vet ej' });
    expect(r.statements[1]).toMatchObject({ value: 4, comment: 'intern revision 2025' });
    expect(r.valueHundredths).toBe(400);
  });

  it('K1 is context: it changes nothing', () => {
    const base = scoreStammer(catalog, itsakAnswers({}, 2));
    const withK1 = scoreStammer(catalog, itsakAnswers({}, 2, { K1: { selected: ['c'] } }));
    expect(withK1.context).toEqual([{ id: 'K1', selected: 'c', state: 'answered' }]);
    expect({ ...withK1, context: [] }).toEqual({ ...base, context: [] });
    expect(scoreStammer(catalog, itsakAnswers({}, 2, { K1: { selected: ['e'] } })).errors[0]).toMatchObject({ code: 'unknown-option', statement: 'K1', option: 'e' });
  });
});

describe('properties', () => {
  const rowArb = (size: number) => fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: size, maxLength: size });
  const setArb = fc.tuple(...ITSAK_AREAS.map(([, size]) => rowArb(size))).map((rows) => Object.fromEntries(ITSAK_AREAS.map(([id], i) => [id, rows[i]])));

  it('the overall value lies within [lowest area, highest area]', () => {
    fc.assert(
      fc.property(setArb, (perArea) => {
        const r = score(perArea);
        const values = r.areas.flatMap((a) => (a.valueHundredths === null ? [] : [a.valueHundredths]));
        if (!values.length) return r.valueHundredths === null && r.level === null;
        return r.valueHundredths! >= Math.min(...values) && r.valueHundredths! <= Math.max(...values) && r.level === Math.floor(r.valueHundredths! / 100);
      }),
      { numRuns: 500 },
    );
  });

  it('every area value is the mean of its answers rounded half up: 2n·h − n ≤ 200·S < 2n·h + n', () => {
    fc.assert(
      fc.property(setArb, (perArea) => {
        const r = score(perArea);
        return r.areas.every((a) => {
          const answered = (perArea[a.id] as Row).filter((v): v is number => v !== null);
          if (!answered.length) return a.valueHundredths === null;
          const n = answered.length;
          const s = answered.reduce((x, y) => x + y, 0);
          const h = a.valueHundredths!;
          return 2 * n * h - n <= 200 * s && 200 * s < 2 * n * h + n && a.answered === n;
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('progress', () => {
  it('counts valid answers per area, in the shape the pane shows', () => {
    const set = itsakAnswers({ KR: [1, null, null, 4] }, null, { S01: { selected: ['s1', 's2'] } });
    const p = stammerProgressOf(catalog, set);
    expect([p.answered, p.total, p.byLevel]).toEqual([2, 41, []]);
    expect(p.byArea.find((a) => a.key === 'KR')).toEqual({ key: 'KR', answered: 2, total: 4 });
    expect(p.byArea.find((a) => a.key === 'FS')).toEqual({ key: 'FS', answered: 0, total: 6 });
    expect(p.answeredStatements).toEqual(['S18', 'S21']);
  });
});
