/**
 * `score --benchmark` and `score --target` (issue 11) through the command line: the Benchmark
 * sheet, the JSON `target` and `benchmark` fields, Nästa nivå and Handlingsplan following the
 * target with the user's edits kept, the target remembered in the workbook, and the refusals.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { levelTarget } from '../../src/core/targets/target';
import { score } from '../../src/core/scoring/score';
import { INPUT_SHEETS, SHEETS } from '../../src/workbook/layout';
import { syntheticAnswers } from '../../scripts/benchmark/members';
import { checkerMissing, checkXlsx } from '../adapters/xlsx/checkXlsx';
import { cli, editSheetCells, exampleAnswers, getCell, partText, realCatalog, sheetNamesOf, tempDir, zipOf } from '../helpers/workbook';

const catalog = realCatalog();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const json = (lines: string[]) => JSON.parse(lines.join('\n'));

let benchmarkFile: string;
let answersPath: string;
let workbook: string;

beforeAll(async () => {
  const dir = tmp.path('members');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 150; i++) writeFileSync(join(dir, `m${i}.json`), JSON.stringify(syntheticAnswers(catalog, i)));
  benchmarkFile = tmp.path('benchmark.json');
  expect((await cli('benchmark', dir, '--save', benchmarkFile, '--source', 'Test 2026', '--date', '2026-02-01')).code).toBe(0);
  answersPath = tmp.write('exempel.json', JSON.stringify(exampleAnswers()));
  const template = tmp.path('mall.xlsx');
  expect((await cli('template', template)).code).toBe(0);
  workbook = tmp.path('kollen.xlsx');
  expect((await cli('fill', '--answers', answersPath, template, '-o', workbook)).code).toBe(0);
}, 120_000);

async function sheet(path: string, name: string) {
  const grid = await readXlsxGrid(readFileSync(path), [...INPUT_SHEETS, SHEETS.benchmark]);
  return { grid, cell: (address: string) => getCell(grid, name, address) };
}

describe('score --benchmark', () => {
  test('compares with the organisation’s own type group and writes the Benchmark sheet', async () => {
    const out = tmp.path('med-benchmark.xlsx');
    const run = await cli('score', workbook, '-o', out, '--benchmark', benchmarkFile, '--json');
    expect(run.code).toBe(0);
    const result = json(run.stdout);
    expect(result.benchmark.group).toBe('typkommun');
    expect(result.benchmark.members).toBe(60);
    expect(result.benchmark.areas.map((a: any) => a.id)).toEqual(catalog.areas.map((a) => a.id));
    expect(result.benchmark.totalPoints.organisation).toBe(result.totalPoints);
    // ahead: exactly the questions where the group's points are higher
    const ahead = result.questions.filter((q: any) => result.benchmark.groupPoints[q.number - 1] > q.points).map((q: any) => q.number);
    expect(result.benchmark.ahead.map((q: any) => q.number).sort((a: number, b: number) => a - b)).toEqual(ahead);
    expect(await sheetNamesOf(readFileSync(out))).toContain('Benchmark');
    const { cell } = await sheet(out, SHEETS.benchmark);
    expect(cell('A1')).toBe('Benchmark – jämförelse med Typkommun');
    expect(String(cell('A2'))).toContain('Exempelkommun mot Typkommun: 60 organisationer · Test 2026 · 2026-02-01');
    const missing = checkerMissing();
    if (missing) return console.warn(`skipped check-xlsx: ${missing}`);
    expect(checkXlsx({ scored: readFileSync(out) }).status).toBe(0);
  }, 60_000);

  test('--group picks another group; an unknown or refused group stops with one line', async () => {
    const other = await cli('score', '--answers', answersPath, '--benchmark', benchmarkFile, '--group', 'typmyndighet', '--json');
    expect(other.code).toBe(0);
    expect(json(other.stdout).benchmark.group).toBe('typmyndighet');
    const unknown = await cli('score', '--answers', answersPath, '--benchmark', benchmarkFile, '--group', 'typland');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toEqual([expect.stringMatching(/Okänd grupp "typland"\. Grupper: typkommun, typregion/)]);
    // A benchmark of three regions shows no group.
    const few = tmp.path('few');
    mkdirSync(few, { recursive: true });
    for (let i = 0; i < 3; i++) writeFileSync(join(few, `r${i}.json`), JSON.stringify(syntheticAnswers(catalog, i, 3, 'region')));
    const small = tmp.path('small-benchmark.json');
    expect((await cli('benchmark', few, '--save', small)).code).toBe(0);
    const refused = await cli('score', '--answers', answersPath, '--benchmark', small, '--group', 'typregion');
    expect(refused.code).toBe(2);
    expect(refused.stderr[0]).toMatch(/Gruppen typregion redovisas inte i benchmarkfilen: Gruppen har 3 medlemmar/);
  }, 60_000);

  test('a damaged or edited benchmark file is refused with one line', async () => {
    const broken = tmp.write('broken-benchmark.json', '{"format":');
    const a = await cli('score', '--answers', answersPath, '--benchmark', broken);
    expect(a.code).toBe(2);
    expect(a.stderr[0]).toMatch(/inte giltig JSON/);
    const file = JSON.parse(readFileSync(benchmarkFile, 'utf8'));
    file.groups[0].result.level = 4;
    const edited = tmp.write('edited-benchmark.json', JSON.stringify(file));
    const b = await cli('score', '--answers', answersPath, '--benchmark', edited);
    expect(b.code).toBe(2);
    expect(b.stderr[0]).toMatch(/typkommun i benchmarkfilen har ett resultat som inte stämmer/);
    const answers = await cli('score', '--answers', answersPath, '--benchmark', answersPath);
    expect(answers.code).toBe(2);
    expect(answers.stderr[0]).toMatch(/ingen benchmarkfil/);
  });

  test('a sheet of the user’s named "benchmark" is refused and the file is unchanged', async () => {
    const scored = tmp.path('user-sheet.xlsx');
    expect((await cli('score', workbook, '-o', scored, '--benchmark', benchmarkFile)).code).toBe(0);
    // Make the product's Benchmark sheet the user's: rename it and drop the product's mark.
    const zip = await zipOf(readFileSync(scored));
    const xml = (await partText(zip, 'xl/workbook.xml'))!;
    const edited = xml.replace('name="Benchmark"', 'name="benchmark"').replace(/<definedName name="Infosakkollen_blad"[^>]*>&quot;Benchmark&quot;<\/definedName>|<definedName name="Infosakkollen_blad"[^>]*>"Benchmark"<\/definedName>/, '');
    expect(edited).not.toBe(xml);
    zip.file('xl/workbook.xml', edited);
    const userFile = tmp.path('user-sheet-edited.xlsx');
    writeFileSync(userFile, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const before = readFileSync(userFile);
    const run = await cli('score', userFile, '--in-place', '--benchmark', benchmarkFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([expect.stringMatching(/benchmark!A1: Bladet "benchmark" är ditt eget .* "Benchmark"/)]);
    expect(readFileSync(userFile).equals(before)).toBe(true);
  }, 60_000);
});

describe('score --target', () => {
  test('a level: the JSON target, Nästa nivå and the remembered target', async () => {
    const out = tmp.path('mal-4.xlsx');
    const run = await cli('score', workbook, '-o', out, '--target', '4', '--json');
    expect(run.code).toBe(0);
    const result = json(run.stdout);
    const expected = levelTarget(catalog, score(catalog, exampleAnswers()), 4);
    expect(Object.keys(result.target).slice(0, 6)).toEqual(['kind', 'level', 'cheapestAdditionalMeasures', 'uncertainOverLimit', 'makeCertain', 'steps']);
    expect(result.target).toMatchObject({ kind: 'level', level: 4, cheapestAdditionalMeasures: expected.cheapestAdditionalMeasures, makeCertain: expected.makeCertain });
    expect(result.target.steps).toEqual(expected.steps);
    const { cell } = await sheet(out, SHEETS.nextLevel);
    expect(cell('A1')).toBe('Nästa nivå – vägen till nivå 4');
    expect([cell('A3'), cell('B3')]).toEqual(['Valt mål', 'nivå 4']);
    // Handlingsplan's suggestions follow the target: every step is a priority-1 or 2 row aiming at level 4.
    const plan = await sheet(out, SHEETS.actionPlan);
    const rows = (plan.grid.sheets.get(SHEETS.actionPlan)!.values as any[][]).filter((r) => /^HP-F\d+$/.test(String(r?.[0])));
    const first = expected.steps[0];
    const row = rows.find((r) => r[0] === `HP-F${String(first.number).padStart(2, '0')}`)!;
    expect(row[13]).toMatch(/^Behövs \(prioritet 1\): under minimikravet för nivå 4/);

    // Computed again without --target: the workbook remembers nivå 4.
    const again = await cli('score', out, '--in-place', '--json');
    expect(json(again.stdout).target).toMatchObject({ kind: 'level', level: 4 });
    // "nästa" goes back to the next level and forgets the target.
    const next = await cli('score', out, '--in-place', '--target', 'nästa', '--json');
    expect(json(next.stdout).target).toBeUndefined();
    const reset = await sheet(out, SHEETS.nextLevel);
    expect(reset.cell('A1')).toBe('Nästa nivå – vägen till nivå 3');
    expect(json((await cli('score', out, '--in-place', '--json')).stdout).target).toBeUndefined();
  }, 60_000);

  test('a benchmark group: every question to the group’s points; Handlingsplan says which group, and the user’s edits stay', async () => {
    const out = tmp.path('mal-grupp.xlsx');
    const run = await cli('score', workbook, '-o', out, '--benchmark', benchmarkFile, '--target', 'typkommun', '--json');
    expect(run.code).toBe(0);
    const result = json(run.stdout);
    const groupPoints: number[] = result.benchmark.groupPoints;
    const expected = result.questions.reduce((s: number, q: any) => s + Math.max(0, groupPoints[q.number - 1] - q.points), 0);
    expect(result.target).toMatchObject({ kind: 'benchmark', group: 'typkommun', cheapestAdditionalMeasures: expected });
    expect(result.target.uncertainOverLimit).toBeUndefined();
    expect(result.target.steps.every((s: any) => s.reason === 'belowBenchmark' && s.toPoints === groupPoints[s.number - 1])).toBe(true);
    const { cell } = await sheet(out, SHEETS.nextLevel);
    expect(cell('A1')).toBe('Nästa nivå – vägen till Typkommun');
    expect(cell('B3')).toBe('typkommun');

    // The user types in Handlingsplan; the target changes to the regulation; what they typed stays.
    const plan = await sheet(out, SHEETS.actionPlan);
    const values = plan.grid.sheets.get(SHEETS.actionPlan)!.values as any[][];
    const stepRow = values.findIndex((r) => r?.[0] === `HP-F${String(result.target.steps[0].number).padStart(2, '0')}`) + 1;
    expect(values[stepRow - 1][13]).toMatch(/under gruppens poäng \(Typkommun\)/);
    writeFileSync(out, await editSheetCells(readFileSync(out), SHEETS.actionPlan, { [`I${stepRow}`]: 'Anna Andersson', [`L${stepRow}`]: 'Budget 2027' }));

    // Without the benchmark file the workbook still knows the group's answers (on its Benchmark sheet).
    const remembered = await cli('score', out, '--in-place', '--json');
    expect(remembered.code).toBe(0);
    expect(json(remembered.stdout).target).toMatchObject({ kind: 'benchmark', group: 'typkommun', cheapestAdditionalMeasures: expected });

    const regulation = await cli('score', out, '--in-place', '--target', 'föreskrift', '--json');
    expect(regulation.code).toBe(0);
    const r = json(regulation.stdout);
    expect(r.target).toMatchObject({ kind: 'regulation', level: 3 });
    expect(r.target.paragraphs.closed.length).toBeGreaterThan(0);
    const after = await sheet(out, SHEETS.actionPlan);
    expect(after.cell(`I${stepRow}`)).toBe('Anna Andersson');
    expect(after.cell(`L${stepRow}`)).toBe('Budget 2027');
    const next = await sheet(out, SHEETS.nextLevel);
    expect(next.cell('A1')).toBe('Nästa nivå – vägen till MSBFS 2020:6 (nivå 3)');
    const missing = checkerMissing();
    if (!missing) expect(checkXlsx({ target: readFileSync(out) }).status).toBe(0);
  }, 90_000);

  test('refusals: an unknown target, a level the catalog lacks, a group without a benchmark', async () => {
    for (const target of ['sju', '5', '0']) {
      const run = await cli('score', '--answers', answersPath, '--target', target);
      expect(run.code).toBe(2);
      expect(run.stderr).toEqual([expect.stringMatching(new RegExp(`Okänt mål "${target}"`))]);
    }
    const group = await cli('score', workbook, '--target', 'typkommun');
    expect(group.code).toBe(2);
    expect(group.stderr[0]).toMatch(/ange också --benchmark/);
  });

  test('an answers file: target and comparison printed, nothing written', async () => {
    const run = await cli('score', '--answers', answersPath, '--benchmark', benchmarkFile, '--target', '30-basta-kommuner');
    expect(run.code).toBe(0);
    const text = run.stdout.join('\n');
    expect(text).toMatch(/Mål 30 bästa kommunerna: minst \d+ ytterligare åtgärder på \d+ frågor/);
    expect(text).toMatch(/Jämfört med 30 bästa kommunerna \(30 organisationer, Test 2026\):/);
  });
});
