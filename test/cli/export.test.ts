/**
 * Issue 13 "Export for reporting": the JSON export re-scores to the same result; the CSV has one
 * row per question, Swedish characters intact, and opens in LibreOffice with 40 rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cli, exampleAnswers, tempDir } from '../helpers/workbook';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let workbook: string;
beforeAll(async () => {
  const answers = exampleAnswers();
  answers.answers['1'] = { ...answers.answers['1'], comment: 'Åtgärd; "beslutad" i nämnden\nrad två' };
  const answersPath = tmp.write('answers.json', JSON.stringify(answers));
  workbook = tmp.path('wb.xlsx');
  expect((await cli('template', workbook)).code).toBe(0);
  expect((await cli('fill', '--answers', answersPath, workbook, '--in-place')).code).toBe(0);
});

test('the JSON export re-scores to the same level, points and area levels', async () => {
  const out = tmp.path('export.json');
  const run = await cli('export', workbook, '--format', 'json', '-o', out);
  expect(run.code).toBe(0);
  const exported = JSON.parse(readFileSync(out, 'utf8'));
  expect(exported).toMatchObject({ catalog: 'infosakkollen-2023-v1', organisation: { name: 'Exempelkommun' } });
  expect(exported.exportDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const rescored = await cli('score', '--answers', out, '--json');
  const result = JSON.parse(rescored.stdout.join('\n'));
  expect(result.level).toBe(exported.result.level);
  expect(result.totalPoints).toBe(exported.result.totalPoints);
  expect(result.areas.map((a: { id: string; level: number; points: number }) => [a.id, a.level, a.points])).toEqual(
    exported.result.areas.map((a: { id: string; level: number; points: number }) => [a.id, a.level, a.points]),
  );
});

test('the CSV has a BOM, ";" separators, a header and 40 question rows, quoting what needs it', async () => {
  const out = tmp.path('export.csv');
  expect((await cli('export', workbook, '--format', 'csv', '-o', out)).code).toBe(0);
  const bytes = readFileSync(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.startsWith('Fråga;Arbetsområde;Nivå;Valda alternativ;Säkerhet;Poäng;Kommentar;Underlag\r\n')).toBe(true);
  expect(text).toContain('"Åtgärd; ""beslutad"" i nämnden\nrad två"');
});

const soffice = spawnSync('which', ['soffice']).status === 0;
(soffice ? test : test.skip)('LibreOffice opens the CSV with 40 rows and Swedish characters intact', async () => {
  const out = tmp.path('lo.csv');
  expect((await cli('export', workbook, '--format', 'csv', '-o', out)).code).toBe(0);
  // Convert with ';' as separator and UTF-8 (76), as Swedish Excel reads it, then back to a tab-separated text.
  execFileSync('soffice', ['--headless', '--infilter=CSV:59,34,76,1', '--convert-to', 'txt:Text - txt - csv (StarCalc):9,34,76', '--outdir', tmp.dir, out], { timeout: 120000, stdio: 'ignore' });
  const lines = readFileSync(tmp.path('lo.txt'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n(?=\d+\t|Fråga\t)/);
  expect(lines[0].split('\t')[0]).toBe('Fråga');
  expect(lines.slice(1)).toHaveLength(40);
  // LibreOffice writes the cell back quoted: one cell, its ';' and quotes kept, not split into columns.
  expect(lines[1].split('\t')).toHaveLength(8);
  expect(lines[1].split('\t')[6]).toBe('"Åtgärd; ""beslutad"" i nämnden\nrad två"');
});

test('bad usage and a foreign workbook are one line, exit 2', async () => {
  expect((await cli('export', workbook, '--format', 'xml', '-o', tmp.path('x'))).code).toBe(2);
  const foreign = tmp.write('foreign.json', '{}');
  const run = await cli('export', foreign, '--format', 'json', '-o', tmp.path('y.json'));
  expect(run.code).toBe(2);
  expect(run.stderr).toHaveLength(1);
});
