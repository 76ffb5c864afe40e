/**
 * Issue 10 through the command line: template → fill → snapshot → fill other answers → snapshot →
 * compare by dates gives the same JSON as comparing the two answers files; exit codes 0 / 3 / 2
 * with one line; the Jämförelse sheet; a Historik row edited into nonsense.
 */
import type { AnswerSet } from '../../src/core/answers/types';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { historyColumns, HISTORY_HEADER_ROW, readHistory } from '../../src/workbook/history';
import { INPUT_SHEETS, SHEETS } from '../../src/workbook/layout';
import { columnName } from '../../src/workbook/plan/address';
import { cli, editSheetCells, exampleAnswers, realCatalog, sheetNamesOf, tempDir, variedAnswers } from '../helpers/workbook';

const catalog = realCatalog();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const col = (key: string) => columnName(historyColumns(catalog).findIndex((c) => c.key === key) + 1);

/** Exempelkommun a year earlier: fewer ticks, some answers osäker, smaller validation figures. */
function earlierAnswers(): AnswerSet {
  const set = exampleAnswers();
  for (const [key, entry] of Object.entries(set.answers)) {
    const n = Number(key);
    if (n % 3 === 0 && entry.selected.length > 1) entry.selected = entry.selected.slice(0, -1);
    if (n % 7 === 0) entry.certainty = 'osäker';
  }
  // F16 (level 2) answered "Nej" then: the earlier level is 1, so the comparison says why it rose.
  set.answers['16'] = { selected: ['n'], certainty: 'säker', evidence: 'Protokoll' };
  set.validation = Object.fromEntries(Object.entries(set.validation ?? {}).map(([k, v]) => [k, Math.max(0, v - 2)]));
  return set;
}

const json = (lines: string[]) => JSON.parse(lines.join('\n'));
const withoutDates = (c: any) => ({ ...c, from: { ...c.from, date: null }, to: { ...c.to, date: null } });

describe('snapshot → snapshot → compare', () => {
  let workbook: string;
  let earlierPath: string;
  let laterPath: string;
  beforeAll(async () => {
    earlierPath = tmp.write('earlier.json', JSON.stringify(earlierAnswers()));
    laterPath = tmp.write('later.json', JSON.stringify(exampleAnswers()));
    const template = tmp.path('template.xlsx');
    expect((await cli('template', template)).code).toBe(0);
    workbook = tmp.path('kollen.xlsx');
    expect((await cli('fill', '--answers', earlierPath, template, '-o', workbook)).code).toBe(0);
    const first = await cli('snapshot', workbook, '--in-place', '--date', '2024-05-02');
    expect(first.stderr).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout[0]).toMatch(/^Sparade mätningen 2024-05-02 i Historik, rad 5 \(ny rad\)/);
    expect((await cli('fill', '--answers', laterPath, workbook, '--in-place')).code).toBe(0);
    const second = await cli('snapshot', workbook, '-o', workbook, '--date', '2025-05-02');
    expect(second.code).toBe(0);
    expect(second.stdout[0]).toMatch(/rad 6 \(ny rad\).*2 sparade mätningar i Trend/);
  });

  test('compare by dates gives the same JSON as comparing the two answers files', async () => {
    const byDates = await cli('compare', `${workbook}#2024-05-02`, `${workbook}#2025-05-02`, '--json');
    expect(byDates.code).toBe(0);
    const byFiles = await cli('compare', earlierPath, laterPath, '--json');
    expect(byFiles.code).toBe(0);
    const a = json(byDates.stdout);
    const b = json(byFiles.stdout);
    expect([a.from.date, a.to.date]).toEqual(['2024-05-02', '2025-05-02']);
    expect([b.from.date, b.to.date]).toEqual([null, null]);
    expect(withoutDates(a)).toEqual(withoutDates(b));
    // The contract's fields.
    expect(Object.keys(a)).toEqual(['catalog', 'from', 'to', 'areas', 'questions', 'validation', 'levelChange']);
    expect(a.from).toEqual(expect.objectContaining({ level: expect.any(Number), totalPoints: expect.any(Number), measures: expect.any(Number), date: '2024-05-02' }));
    expect(a.questions[0]).toEqual({ number: 1, pointsFrom: expect.any(Number), pointsTo: expect.any(Number), ticked: expect.any(Array), unticked: expect.any(Array), certaintyFrom: expect.anything(), certaintyTo: expect.anything() });
    expect(a.validation).toContainEqual({ id: 'V1', from: expect.any(Number), to: expect.any(Number) });
    expect(a.to.totalPoints).toBeGreaterThan(a.from.totalPoints);
    expect(a.levelChange).toEqual({ from: 1, to: 2, level: 2, reasons: [{ rule: 'minimum', questions: [{ number: 16, pointsFrom: 0, pointsTo: expect.any(Number), required: 2 }] }] });
  });

  test("the workbook's current answers compare like the later answers file; the saved side keeps its date", async () => {
    const current = await cli('compare', `${workbook}#2024-05-02`, workbook, '--json');
    const files = await cli('compare', earlierPath, laterPath, '--json');
    expect(current.code).toBe(0);
    const a = json(current.stdout);
    expect([a.from.date, a.to.date]).toEqual(['2024-05-02', null]);
    expect(withoutDates(a)).toEqual(withoutDates(json(files.stdout)));
  });

  test('readable text and the Jämförelse sheet in the later workbook with -o', async () => {
    const out = tmp.path('jamforelse.xlsx');
    const r = await cli('compare', `${workbook}#2024-05-02`, `${workbook}#2025-05-02`, '-o', out);
    expect(r.code).toBe(0);
    const text = r.stdout.join('\n');
    expect(text.split('\n')[0]).toBe(`Jämförelse: ${workbook}#2024-05-02 → ${workbook}#2025-05-02 (${catalog.id})`);
    expect(text).toMatch(/Varför ändrades nivån\? Nivån steg från 1 till 2: frågan F16 \(0 → \d p\) nådde minimikravet 2 p/);
    expect(r.stdout.join('\n')).toContain('Jämförelsen skrevs till');
    const names = await sheetNamesOf(tmp.read('jamforelse.xlsx'));
    expect(names.slice(-3)).toEqual([SHEETS.history, SHEETS.trend, SHEETS.comparison]);
    const grid = await readXlsxGrid(tmp.read('jamforelse.xlsx'), INPUT_SHEETS);
    expect(grid.sheets.get(SHEETS.comparison)!.values[0][0]).toBe('Jämförelse – Exempelkommun');
    expect(grid.objects?.get(SHEETS.comparison)?.map((o) => o.kind)).toEqual(['chart']);
    // Twice: the sheet is replaced, not doubled.
    expect((await cli('compare', `${workbook}#2024-05-02`, out, '-o', out)).code).toBe(0);
    expect((await sheetNamesOf(tmp.read('jamforelse.xlsx'))).filter((n) => n === SHEETS.comparison)).toHaveLength(1);
  });

  test('two answers files with -o: a new workbook with only Jämförelse', async () => {
    const out = tmp.path('bara-jamforelse.xlsx');
    expect((await cli('compare', earlierPath, laterPath, '-o', out)).code).toBe(0);
    expect(await sheetNamesOf(tmp.read('bara-jamforelse.xlsx'))).toEqual([SHEETS.comparison]);
  });

  test('a date without a saved measurement: exit 2, one line listing the saved dates', async () => {
    const r = await cli('compare', `${workbook}#2024-05-02`, `${workbook}#2025-05-03`);
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    expect(r.stderr).toEqual([`infosak: ${workbook}: ingen sparad mätning 2025-05-03. Sparade mätningar: 2024-05-02, 2025-05-02.`]);
  });

  test('an unreadable file, a JSON with a date, a bad date: exit 2 with one line', async () => {
    for (const args of [
      [tmp.path('saknas.xlsx'), laterPath],
      [`${laterPath}#2024-05-02`, laterPath],
      [`${workbook}#2024-13-01`, laterPath],
      [tmp.write('trasig.json', '{"catalog": '), laterPath],
    ]) {
      const r = await cli('compare', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toHaveLength(1);
      expect(r.stderr[0]).toMatch(/^infosak: /);
    }
  });

  test('input errors on either side: exit 3, the errors named, the comparison still made', async () => {
    const broken = exampleAnswers();
    broken.answers['3'] = { selected: ['a', 'n'], certainty: 'säker' };
    const brokenPath = tmp.write('broken.json', JSON.stringify(broken));
    const r = await cli('compare', `${workbook}#2024-05-02`, brokenPath, '--json');
    expect(r.code).toBe(3);
    const c = json(r.stdout);
    expect(c.questions.find((q: any) => q.number === 3)).toMatchObject({ pointsTo: 0, certaintyTo: null });
    expect(r.stderr.some((l) => /^\(senare\) Fel: Fråga 3/.test(l))).toBe(true);
  });

  test('snapshot twice on the same date replaces the row', async () => {
    const copy = tmp.write('same-date.xlsx', tmp.read('kollen.xlsx'));
    const again = await cli('snapshot', copy, '--in-place', '--date', '2025-05-02');
    expect(again.code).toBe(0);
    expect(again.stdout[0]).toMatch(/rad 6 \(ersatte mätningen med samma datum\)/);
    const read = readHistory((await readXlsxGrid(tmp.read('same-date.xlsx'), INPUT_SHEETS)).sheets.get(SHEETS.history)!);
    expect(read.saved.map((m) => m.date)).toEqual(['2024-05-02', '2025-05-02']);
  });

  test('a Historik row edited into nonsense: an error naming sheet and cell, that row skipped, the others usable', async () => {
    const bad = `${col('q:12')}${HISTORY_HEADER_ROW + 1}`;
    const edited = tmp.write('edited.xlsx', await editSheetCells(tmp.read('kollen.xlsx'), SHEETS.history, { [bad]: 'b,c|?' }));
    const usable = await cli('compare', `${edited}#2025-05-02`, edited);
    expect(usable.code).toBe(0);
    expect(usable.stdout).toContain(`  Fel: Historik!${bad}: Svaret "b,c|?" på fråga 12 (rad 5) går inte att läsa: skriv kryssade alternativ som "b,c" följt av |S (säker) eller |O (osäker), eller lämna tomt. Raden används inte.`);
    const skipped = await cli('compare', `${edited}#2024-05-02`, edited);
    expect(skipped.code).toBe(2);
    expect(skipped.stderr).toEqual([`infosak: ${edited}: ingen sparad mätning 2024-05-02. Sparade mätningar: 2025-05-02. En rad i Historik kunde inte läsas (Historik!${bad}).`]);
  });

  test('a saved measurement of another catalog is listed, not compared: exit 2 naming both catalog ids', async () => {
    const other = tmp.write('other.xlsx', await editSheetCells(tmp.read('kollen.xlsx'), SHEETS.history, { [`${col('catalog')}${HISTORY_HEADER_ROW + 1}`]: 'infosakkollen-2019-v0' }));
    const listed = await cli('compare', `${other}#2023-01-01`, other);
    expect(listed.code).toBe(2);
    expect(listed.stderr[0]).toContain('Sparade mätningar: 2024-05-02 (katalog infosakkollen-2019-v0, kan inte jämföras), 2025-05-02.');
    const refused = await cli('compare', `${other}#2024-05-02`, other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toHaveLength(1);
    expect(refused.stderr[0]).toContain('infosakkollen-2019-v0');
    expect(refused.stderr[0]).toContain(catalog.id);
  });
});

describe('snapshot errors', () => {
  test('usage, bad date, unreadable and foreign files: exit 2 with one line', async () => {
    const template = tmp.path('t2.xlsx');
    await cli('template', template);
    expect((await cli('snapshot', template)).code).toBe(2);
    const bad = await cli('snapshot', template, '--in-place', '--date', '2025-5-2');
    expect(bad).toEqual({ code: 2, stdout: [], stderr: ['infosak: Fel datum "2025-5-2": skriv datumet som ÅÅÅÅ-MM-DD.'] });
    const missing = await cli('snapshot', tmp.path('nope.xlsx'), '--in-place');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toHaveLength(1);
    const json = await cli('snapshot', tmp.write('a.json', '{}'), '--in-place');
    expect(json.code).toBe(2);
    expect(json.stderr).toHaveLength(1);
  });

  test('answers with input errors are saved as they counted, exit 3', async () => {
    const template = tmp.path('t3.xlsx');
    await cli('template', template);
    const answers = variedAnswers();
    answers.answers['7'] = { selected: ['a', 'n'], certainty: 'säker' };
    const filled = tmp.path('f3.xlsx');
    await cli('fill', '--answers', tmp.write('v.json', JSON.stringify(answers)), template, '-o', filled);
    const r = await cli('snapshot', filled, '-o', tmp.path('s3.xlsx'), '--date', '2025-05-02');
    expect(r.code).toBe(3);
    expect(r.stdout.some((l) => /Fel: Nivå 1!D\d+: Fråga 7/.test(l))).toBe(true);
    const read = readHistory((await readXlsxGrid(tmp.read('s3.xlsx'), INPUT_SHEETS)).sheets.get(SHEETS.history)!);
    expect(read.saved[0].answers!.answers['7']).toBeUndefined();
  });
});
