/**
 * Issue 3, "Done when": answers → workbook → read gives back the same answers.
 * Library level: questionnairePlan → applyPlanToXlsx(null) → readXlsxGrid → readWorkbook.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerEntry, AnswerSet } from '../../src/core/answers/types';
import { score } from '../../src/core/scoring/score';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { readWorkbook } from '../../src/workbook/read';
import { answersFromPoints } from '../helpers/answers';
import { profileArb } from '../helpers/arbitraries';
import { canonicalAnswers, exampleAnswers, questionnaireBytes, realCatalog, variedAnswers } from '../helpers/workbook';

const catalog = realCatalog();

async function readBack(set: AnswerSet) {
  const grid = await readXlsxGrid(await questionnaireBytes(set));
  const read = readWorkbook(grid);
  if (read.kind !== 'questionnaire') throw new Error(`read as ${read.kind}`);
  return read;
}

describe.each([
  ['Exempelkommun', exampleAnswers],
  ['hand-varied set (unanswered, y/u/n, adjacent bands, odd case, special characters)', variedAnswers],
])('round trip of %s', (_name, make) => {
  let input: AnswerSet;
  let read: Awaited<ReturnType<typeof readBack>>;
  beforeAll(async () => {
    input = make();
    read = await readBack(input);
  });

  test('the catalog id is read from the workbook', () => {
    expect(read.catalog.id).toBe(input.catalog);
    expect(read.answers.catalog).toBe(input.catalog);
  });

  test('answers (selected, certainty lower-cased, comment, evidence) come back the same', () => {
    expect(read.answers.answers).toEqual(canonicalAnswers(catalog, input.answers));
  });

  test('unanswered questions stay unanswered', () => {
    const unanswered = catalog.questions.map((q) => String(q.number)).filter((n) => !(n in input.answers));
    for (const n of unanswered) expect(read.answers.answers[n]).toBeUndefined();
  });

  test('organisation fields come back the same', () => {
    expect(read.answers.organisation).toEqual(input.organisation);
  });

  test('validation numbers come back the same', () => {
    expect(read.answers.validation).toEqual(input.validation);
  });

  test('reading finds no errors in a workbook the tool filled in itself', () => {
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('scoring the read answers gives the same result as scoring the input', () => {
    const a = score(catalog, input);
    const b = score(catalog, read.answers);
    expect(b.level).toBe(a.level);
    expect(b.totalPoints).toBe(a.totalPoints);
    expect(b.areas.map((x) => [x.id, x.level, x.points])).toEqual(a.areas.map((x) => [x.id, x.level, x.points]));
    expect(b.questions).toEqual(a.questions);
    expect(b.nextLevel).toEqual(a.nextLevel);
  });
});

test('the hand-varied set really exercises y, u, n, adjacent bands and unanswered questions', () => {
  // Guards the fixture: if someone simplifies it, the round trip above proves less.
  const set = variedAnswers();
  const all = Object.values(set.answers).flatMap((a) => a.selected);
  expect(all).toEqual(expect.arrayContaining(['y', 'u', 'n']));
  expect(set.answers['3'].selected).toEqual(['a', 'b']);
  expect(Object.keys(set.answers).length).toBeLessThan(20);
  const result = score(catalog, set);
  expect(result.errors).toEqual([]);
});

test('property: generated answer sets survive the round trip', async () => {
  const textArb = fc.oneof(fc.constant(undefined), fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim()).filter((s) => s.length > 0));
  const arb = fc.record({
    profile: profileArb,
    comments: fc.array(textArb, { minLength: 40, maxLength: 40 }),
    capital: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  });
  await fc.assert(
    fc.asyncProperty(arb, async ({ profile, comments, capital }) => {
      const set = answersFromPoints(catalog, profile.points, {
        certainty: (q) => profile.certainties[q - 1],
        zero: (q) => profile.zeros[q - 1],
        widenBand: (q) => profile.widen[q - 1],
      });
      for (const [key, entry] of Object.entries(set.answers) as [string, AnswerEntry][]) {
        const i = Number(key) - 1;
        if (comments[i] !== undefined) entry.comment = comments[i];
        if (capital[i] && entry.certainty) entry.certainty = entry.certainty.toUpperCase();
      }
      const read = await readBack(set);
      expect(read.answers.answers).toEqual(canonicalAnswers(catalog, set.answers));
      expect(read.issues.filter((x) => x.severity === 'error')).toEqual([]);
      expect(score(catalog, read.answers).level).toBe(score(catalog, set).level);
    }),
    { numRuns: 8 },
  );
});

test('a workbook saved again by another program (ExcelJS: shared strings) still reads the same', async () => {
  const input = exampleAnswers();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await questionnaireBytes(input)) as any);
  const resaved = new Uint8Array(await wb.xlsx.writeBuffer());
  const read = readWorkbook(await readXlsxGrid(resaved));
  expect(read.kind).toBe('questionnaire');
  if (read.kind !== 'questionnaire') return;
  expect(read.answers.answers).toEqual(canonicalAnswers(catalog, input.answers));
  expect(read.answers.validation).toEqual(input.validation);
});

test('computeFromWorkbook on the filled workbook scores like the core on the JSON', async () => {
  const input = exampleAnswers();
  const out = computeFromWorkbook(await readXlsxGrid(await questionnaireBytes(input)), '2026-01-15');
  expect(out.kind).toBe('computed');
  if (out.kind !== 'computed') return;
  const direct = score(catalog, input);
  expect(out.result.level).toBe(direct.level);
  expect(out.result.totalPoints).toBe(direct.totalPoints);
  expect(out.result.areas).toEqual(direct.areas);
  expect(out.result.nextLevel).toEqual(direct.nextLevel);
});
