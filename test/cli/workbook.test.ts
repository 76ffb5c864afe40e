/**
 * Issue 3 through the command line: template → fill → read gives back the answers; score on the
 * workbook equals score --answers on the JSON; foreign and broken files exit 2 with one line.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import type { AnswerSet } from '../../src/core/answers/types';
import {
  canonicalAnswers,
  cli,
  editSheetCells,
  exampleAnswers,
  gridOfBytes,
  realCatalog,
  rowOf,
  sheetNamesOf,
  tempDir,
  variedAnswers,
  QUESTION_SHEETS,
  RESULT_SHEETS,
} from '../helpers/workbook';

const catalog = realCatalog();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SAME_FIELDS = ['level', 'totalPoints', 'maxPoints', 'measures', 'answered', 'uncertain', 'levelChecks', 'areas', 'questions', 'nextLevel', 'forwardLooking', 'regulationIndicated', 'resultattal', 'validation'];

describe.each([
  ['example', exampleAnswers],
  ['varied', variedAnswers],
])('CLI round trip: %s', (name, make) => {
  let input: AnswerSet;
  let readJson: any;
  let filled: string;
  let answersPath: string;
  beforeAll(async () => {
    input = make();
    answersPath = tmp.write(`${name}.json`, JSON.stringify(input, null, 1));
    const template = tmp.path(`${name}-template.xlsx`);
    const t = await cli('template', template);
    expect(t.code).toBe(0);
    filled = tmp.path(`${name}-filled.xlsx`);
    const f = await cli('fill', '--answers', answersPath, template, '-o', filled);
    expect(f.stderr).toEqual([]);
    expect(f.code).toBe(0);
    const r = await cli('read', filled, '--json');
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    readJson = JSON.parse(r.stdout.join('\n'));
  });

  test('template writes exactly the questionnaire sheets', async () => {
    expect(await sheetNamesOf(tmp.read(`${name}-template.xlsx`))).toEqual(QUESTION_SHEETS);
  });

  test('read --json gives back the same answers', () => {
    expect(readJson.catalog).toBe(input.catalog);
    expect(readJson.answers).toEqual(canonicalAnswers(catalog, input.answers));
    expect(readJson.validation).toEqual(input.validation);
    expect(readJson.errors).toEqual([]);
  });

  test('read --json gives back the same organisation', () => {
    expect(readJson.organisation).toEqual(input.organisation);
  });

  test('score <xlsx> --json gives the same result as score --answers <json> --json', async () => {
    const fromJson = await cli('score', '--answers', answersPath, '--json');
    const fromXlsx = await cli('score', filled, '--json');
    expect(fromXlsx.code).toBe(fromJson.code);
    const a = JSON.parse(fromJson.stdout.join('\n'));
    const b = JSON.parse(fromXlsx.stdout.join('\n'));
    for (const field of SAME_FIELDS) expect([field, b[field]]).toEqual([field, a[field]]);
    expect(b.errors.map((e: any) => e.code)).toEqual(a.errors.map((e: any) => e.code));
    expect(b.warnings.map((e: any) => [e.code, e.question])).toEqual(a.warnings.map((e: any) => [e.code, e.question]));
  });
});

test('fill into a workbook overlays the answers file on answers already there', async () => {
  const template = tmp.path('overlay-template.xlsx');
  expect((await cli('template', template)).code).toBe(0);
  const first = tmp.write('overlay-1.json', JSON.stringify({ catalog: catalog.id, answers: { '1': { selected: ['a'], certainty: 'säker', evidence: 'e' } } }));
  const second = tmp.write('overlay-2.json', JSON.stringify({ catalog: catalog.id, answers: { '2': { selected: ['n'] } } }));
  const one = tmp.path('overlay-one.xlsx');
  const two = tmp.path('overlay-two.xlsx');
  expect((await cli('fill', '--answers', first, template, '-o', one)).code).toBe(0);
  expect((await cli('fill', '--answers', second, one, '-o', two)).code).toBe(0);
  const r = await cli('read', two, '--json');
  expect(JSON.parse(r.stdout.join('\n')).answers).toEqual({ '1': { selected: ['a'], certainty: 'säker', evidence: 'e' }, '2': { selected: ['n'] } });
});

test('score -o writes the result sheets after the questionnaire; --in-place twice keeps one copy of each', async () => {
  const answersPath = tmp.write('inplace.json', JSON.stringify(exampleAnswers()));
  const template = tmp.path('inplace.xlsx');
  expect((await cli('template', template)).code).toBe(0);
  expect((await cli('fill', '--answers', answersPath, template, '--in-place')).code).toBe(0);
  const out = tmp.path('inplace-scored.xlsx');
  const s = await cli('score', template, '-o', out);
  expect(s.code).toBe(0);
  expect(await sheetNamesOf(tmp.read('inplace-scored.xlsx'))).toEqual([...QUESTION_SHEETS, 'Mål', ...RESULT_SHEETS, 'Målgraf']);
  expect((await cli('score', out, '--in-place')).code).toBe(0);
  expect((await cli('score', out, '--in-place')).code).toBe(0);
  expect(await sheetNamesOf(tmp.read('inplace-scored.xlsx'))).toEqual([...QUESTION_SHEETS, 'Mål', ...RESULT_SHEETS, 'Målgraf']);
});

describe('files that are not our questionnaire', () => {
  let foreign: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('A1').value = 'Budget 2026';
    ws.getCell('B2').value = 1234;
    foreign = tmp.write('foreign.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  });

  const oneLine = (r: { stderr: string[] }) => {
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0].split('\n')).toHaveLength(1);
    expect(r.stderr[0]).not.toMatch(/\bat .*\.ts:\d+|Error:|oväntat fel/);
  };

  test('read on a foreign workbook exits 2 with one line on stderr naming the problem', async () => {
    const r = await cli('read', foreign);
    expect(r.code).toBe(2);
    oneLine(r);
    expect(r.stderr[0]).toContain('foreign.xlsx');
    expect(r.stderr[0]).toMatch(/Infosäkkollen|Start/);
    expect(r.stdout).toEqual([]);
  });

  test('score on a foreign workbook exits 2, one line, and writes nothing', async () => {
    const out = tmp.path('foreign-out.xlsx');
    const r = await cli('score', foreign, '-o', out, '--json');
    expect(r.code).toBe(2);
    oneLine(r);
    expect(existsSync(out)).toBe(false);
  });

  test('a text file named .xlsx exits 2 with one line (read and score)', async () => {
    const bad = tmp.write('not-a-workbook.xlsx', 'Det här är ingen arbetsbok.\n');
    for (const argv of [['read', bad], ['score', bad, '--json'], ['score', bad, '-o', tmp.path('x.xlsx')]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      oneLine(r);
      expect(r.stderr[0]).toContain('not-a-workbook.xlsx');
    }
  });

  test('a zip that is not a workbook exits 2 with one line', async () => {
    const zip = new JSZip();
    zip.file('hej.txt', 'hej');
    const bad = tmp.write('zip.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    const r = await cli('read', bad);
    expect(r.code).toBe(2);
    oneLine(r);
  });

  test('a missing file exits 2 with one line', async () => {
    const r = await cli('score', tmp.path('does-not-exist.xlsx'), '--json');
    expect(r.code).toBe(2);
    oneLine(r);
  });
});

test('read names the cell of a bad tick and exits 3', async () => {
  const answersPath = tmp.write('badtick.json', JSON.stringify(exampleAnswers()));
  const template = tmp.path('badtick.xlsx');
  await cli('template', template);
  await cli('fill', '--answers', answersPath, template, '--in-place');
  const bytes = new Uint8Array(tmp.read('badtick.xlsx'));
  const row = rowOf(await gridOfBytes(bytes), 'Nivå 1', 'Q03.b');
  const broken = tmp.write('badtick-broken.xlsx', await editSheetCells(bytes, 'Nivå 1', { [`D${row}`]: 'kanske' }));
  const text = await cli('read', broken);
  expect(text.code).toBe(3);
  expect(text.stdout.join('\n')).toContain(`Nivå 1!D${row}`);
  const json = await cli('read', broken, '--json');
  const parsed = JSON.parse(json.stdout.join('\n'));
  expect(parsed.errors).toContainEqual(expect.objectContaining({ code: 'bad-tick', sheet: 'Nivå 1', cell: `D${row}` }));
  expect(parsed.answers['3']).toBeUndefined();
  const scored = await cli('score', broken, '--json');
  expect(scored.code).toBe(3);
  const result = JSON.parse(scored.stdout.join('\n'));
  expect(result.questions.find((q: any) => q.number === 3)).toMatchObject({ answered: false, points: 0 });
});

describe('pipelines and foreign workbooks', () => {
  test('read --json output can be fed back to score --answers and scores the same', async () => {
    const answersPath = tmp.write('pipe.json', JSON.stringify(variedAnswers()));
    const wb = tmp.path('pipe.xlsx');
    await cli('template', wb);
    await cli('fill', '--answers', answersPath, wb, '--in-place');
    const r = await cli('read', wb, '--json');
    const readPath = tmp.write('pipe-read.json', r.stdout.join('\n'));
    const a = await cli('score', '--answers', answersPath, '--json');
    const b = await cli('score', '--answers', readPath, '--json');
    expect(b.code).toBe(a.code);
    const [ja, jb] = [JSON.parse(a.stdout.join('\n')), JSON.parse(b.stdout.join('\n'))];
    for (const field of SAME_FIELDS) expect([field, jb[field]]).toEqual([field, ja[field]]);
  });

  test('fill into a workbook of the user\'s own adds the questionnaire and keeps their sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'Min budget';
    const own = tmp.write('own.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const answersPath = tmp.write('own.json', JSON.stringify(exampleAnswers()));
    const out = tmp.path('own-filled.xlsx');
    const f = await cli('fill', '--answers', answersPath, own, '-o', out);
    expect(f.stderr).toEqual([]);
    expect(f.code).toBe(0);
    expect(await sheetNamesOf(tmp.read('own-filled.xlsx'))).toEqual(['Blad1', ...QUESTION_SHEETS]);
    const r = await cli('read', out, '--json');
    expect(JSON.parse(r.stdout.join('\n')).answers).toEqual(canonicalAnswers(catalog, exampleAnswers().answers));
    const grid = await gridOfBytes(new Uint8Array(tmp.read('own-filled.xlsx')), ['Blad1']);
    expect(grid.sheets.get('Blad1')!.values).toEqual([['Min budget']]);
  });
});

describe('failures while writing give one clear line, never a stack trace', () => {
  const noStack = (r: { code: number; stderr: string[] }) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0].split('\n')).toHaveLength(1);
    expect(r.stderr[0]).not.toMatch(/oväntat fel|\n\s+at /);
  };
  let wb: string;
  beforeAll(async () => {
    const answersPath = tmp.write('w1.json', JSON.stringify(exampleAnswers()));
    wb = tmp.path('w1.xlsx');
    expect((await cli('template', wb)).code).toBe(0);
    expect((await cli('fill', '--answers', answersPath, wb, '--in-place')).code).toBe(0);
  });

  test('score -o pointing at a directory', async () => {
    const r = await cli('score', wb, '-o', tmp.dir);
    noStack(r);
    expect(r.stderr[0]).toContain(tmp.dir);
  });

  test('template to a path that is a directory', async () => {
    noStack(await cli('template', tmp.dir));
  });

  test('score on a workbook where the user already has a table named like ours (Arbetsomraden)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tmp.read('w1.xlsx') as any);
    book.addWorksheet('Min tabell').addTable({ name: 'Arbetsomraden', ref: 'A1', columns: [{ name: 'Område' }, { name: 'Värde' }], rows: [['a', 1]] });
    const path = tmp.write('w1-table.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    noStack(await cli('score', path, '-o', tmp.path('w1-table-out.xlsx')));
  });

  test('fill with a comment longer than an Excel cell holds (32 767 characters)', async () => {
    const set = { catalog: catalog.id, answers: { '1': { selected: ['a'], comment: 'x'.repeat(40000) } } };
    const answersPath = tmp.write('long.json', JSON.stringify(set));
    const r = await cli('fill', '--answers', answersPath, wb, '-o', tmp.path('long-out.xlsx'));
    noStack(r);
  });
});
