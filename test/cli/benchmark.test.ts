/**
 * `infosak benchmark` (issue 11): the JSON contract, anonymity, skipped files and duplicates, exit
 * codes, the benchmark file (--save) against its schema, and the benchmark workbook.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parseBenchmarkFile } from '../../src/core/benchmark/file';
import { GROUP_IDS } from '../../src/core/benchmark/groups';
import { findCatalog } from '../../src/core/catalog/registry';
import { syntheticAnswers } from '../../scripts/benchmark/members';
import schema from '../../schemas/benchmark.schema.json';
import { checkerMissing, checkXlsx } from '../adapters/xlsx/checkXlsx';
import { cli, exampleAnswers, partNames, realCatalog, sheetNamesOf, tempDir, zipOf } from '../helpers/workbook';

const catalog = realCatalog();
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const json = (lines: string[]) => JSON.parse(lines.join('\n'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** 150 organisations (60 kommuner, 10 regioner, 60 myndigheter, 20 annan) in nested folders, and two broken files. */
function writeFolder(name: string): { dir: string; names: string[]; files: string[] } {
  const dir = tmp.path(name);
  const names: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < 150; i++) {
    const set = syntheticAnswers(catalog, i);
    const sub = join(dir, set.organisation!.type as string);
    mkdirSync(sub, { recursive: true });
    const file = join(sub, `org-${String(i).padStart(3, '0')}.json`);
    writeFileSync(file, JSON.stringify(set));
    names.push(set.organisation!.name!);
    files.push(file);
  }
  writeFileSync(join(dir, 'trasig.json'), '{"catalog": "infosakkollen-2023-v1", "answers": {');
  writeFileSync(join(dir, 'trasig.xlsx'), 'PK\u0003\u0004 inte en arbetsbok');
  writeFileSync(join(dir, 'läsmig.txt'), 'inte svar');
  return { dir, names, files };
}

describe('a folder of 150 answer files and 2 broken ones', () => {
  let folder: ReturnType<typeof writeFolder>;
  let run: Awaited<ReturnType<typeof cli>>;
  let out: any;
  const saved = () => tmp.path('bench/benchmark.json');
  const book = () => tmp.path('bench/benchmark.xlsx');
  beforeAll(async () => {
    folder = writeFolder('in150');
    mkdirSync(tmp.path('bench'), { recursive: true });
    run = await cli('benchmark', folder.dir, '--json', '--save', saved(), '-o', book(), '--date', '2026-03-01', '--source', 'Testregionen 2026');
    out = json(run.stdout);
  }, 120_000);

  test('gives all six groups, two skipped files and exit 3', () => {
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(3);
    expect(out.members).toBe(150);
    expect(out.groups.map((g: any) => g.id)).toEqual([...GROUP_IDS]);
    expect(out.groups.map((g: any) => [g.id, g.members, g.refused])).toEqual([
      ['typkommun', 60, false],
      ['typregion', 10, false],
      ['typmyndighet', 60, false],
      ['typförvaltning', 130, false],
      ['30-bästa-kommuner', 30, false],
      ['30-bästa-myndigheter', 30, false],
    ]);
    expect(out.skipped.map((s: any) => s.file)).toEqual([join(folder.dir, 'trasig.json'), join(folder.dir, 'trasig.xlsx')]);
    expect(out.skipped[0].message).toMatch(/^ogiltig JSON/);
    expect(out.skipped[1].message).toMatch(/^ingen läsbar Excel-arbetsbok/);
  });

  test('the JSON has exactly the contract’s fields, with integers', () => {
    expect(Object.keys(out)).toEqual(['catalog', 'members', 'skipped', 'groups']);
    expect(out.catalog).toBe(catalog.id);
    for (const g of out.groups) {
      expect(Object.keys(g)).toEqual(['id', 'members', 'refused', 'answers', 'result', 'spread']);
      expect(Object.keys(g.result)).toEqual(['level', 'totalPoints', 'areas']);
      expect(g.result.areas.map((a: any) => Object.keys(a))).toEqual(catalog.areas.map(() => ['id', 'level', 'points']));
      expect(Object.keys(g.spread)).toEqual(['levels', 'totalPoints', 'areas']);
      expect(Object.keys(g.spread.levels)).toEqual(['0', '1', '2', '3', '4']);
      expect(Object.values(g.spread.levels).reduce((s: number, n: any) => s + n, 0)).toBe(g.members);
      expect(Object.keys(g.spread.areas)).toEqual(catalog.areas.map((a) => a.id));
      for (const p of [g.spread.totalPoints, ...Object.values(g.spread.areas)] as any[]) {
        expect(Object.keys(p)).toEqual(['p10', 'p50', 'p90']);
        expect(p.p10).toBeLessThanOrEqual(p.p50);
        expect(p.p50).toBeLessThanOrEqual(p.p90);
        for (const v of Object.values(p)) expect(Number.isInteger(v)).toBe(true);
      }
      for (const [k, a] of Object.entries(g.answers) as [string, any][]) {
        expect(catalog.question(Number(k))).toBeDefined();
        expect(Object.keys(a)).toEqual(['selected', 'certainty']);
      }
    }
    // "30 bästa" are the best: their median total is above the whole group's.
    const g = (id: string) => out.groups.find((x: any) => x.id === id);
    expect(g('30-bästa-kommuner').spread.totalPoints.p50).toBeGreaterThan(g('typkommun').spread.totalPoints.p50);
  });

  test('no output names a member or its file', async () => {
    const texts = [run.stdout.join('\n'), readFileSync(saved(), 'utf8')];
    const zip = await zipOf(readFileSync(book()));
    for (const part of partNames(zip)) texts.push(await zip.file(part)!.async('string'));
    const all = texts.join('\n');
    for (const name of folder.names) expect(all).not.toContain(name);
    for (const file of folder.files) expect(all).not.toContain(file.split('/').pop()!);
    expect(all).not.toMatch(/org-\d{3}|Kommun \d{4}|Myndighet \d{4}|212000/);
  });

  test('the benchmark file follows schemas/benchmark.schema.json and reads back', () => {
    const file = JSON.parse(readFileSync(saved(), 'utf8'));
    expect(validate(file)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(file).toMatchObject({ format: 'infosakkollen-benchmark', version: 1, catalog: catalog.id, date: '2026-03-01', source: 'Testregionen 2026', members: 150 });
    expect(file.groups).toEqual(out.groups);
    const read = parseBenchmarkFile(file, findCatalog);
    expect(read.kind).toBe('ok');
  });

  test('a hand-edited or malformed benchmark file is refused, and the schema agrees', () => {
    const file = JSON.parse(readFileSync(saved(), 'utf8'));
    const edited = structuredClone(file);
    edited.groups[0].result.totalPoints += 1;
    expect(parseBenchmarkFile(edited, findCatalog)).toMatchObject({ kind: 'invalid', problem: { code: 'benchmark-file-mismatch', params: { group: 'typkommun' } } });
    const refusedWithAnswers = structuredClone(file);
    refusedWithAnswers.groups[1].refused = true;
    refusedWithAnswers.groups[1].reason = 'för få';
    expect(validate(refusedWithAnswers)).toBe(false);
    expect(parseBenchmarkFile(refusedWithAnswers, findCatalog)).toMatchObject({ kind: 'invalid', problem: { code: 'benchmark-file-shape' } });
    const unknownGroup = structuredClone(file);
    unknownGroup.groups[0].id = 'typland';
    expect(validate(unknownGroup)).toBe(false);
    expect(parseBenchmarkFile(unknownGroup, findCatalog).kind).toBe('invalid');
    expect(parseBenchmarkFile({ ...file, catalog: 'okand-katalog' }, findCatalog)).toMatchObject({ kind: 'invalid', problem: { code: 'benchmark-file-catalog' } });
  });

  test('the workbook has a sheet per group and Spridning, with native charts, and passes check-xlsx', async () => {
    const bytes = readFileSync(book());
    expect(await sheetNamesOf(bytes)).toEqual(['Typkommun', 'Typregion', 'Typmyndighet', 'Typförvaltning', '30 bästa kommunerna', '30 bästa myndigheterna', 'Spridning']);
    const zip = await zipOf(bytes);
    // two per group sheet, one for the levels and one per group on Spridning
    expect(partNames(zip).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(6 * 2 + 1 + 6);
    const missing = checkerMissing();
    if (missing) return console.warn(`skipped check-xlsx: ${missing}`);
    const checked = checkXlsx({ benchmark: bytes });
    expect(checked.output).toMatch(/^1 files, 0 violations/);
    expect(checked.status).toBe(0);
  }, 60_000);

  test('running again beside its own outputs does not read them as answers', async () => {
    const again = await cli('benchmark', folder.dir, tmp.path('bench'), '--json', '--save', saved(), '-o', book());
    expect(json(again.stdout).skipped).toHaveLength(2);
    expect(json(again.stdout).members).toBe(150);
  }, 120_000);
});

describe('skipped inputs and exit codes', () => {
  const write = (dir: string, name: string, data: unknown) => {
    mkdirSync(tmp.path(dir), { recursive: true });
    const path = tmp.path(`${dir}/${name}`);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };

  test('the same organisation twice: the latest measurement counts, the other is skipped without naming the one kept', async () => {
    for (let i = 0; i < 5; i++) write('dupes', `k${i}.json`, syntheticAnswers(catalog, i * 15, 2, 'kommun'));
    const older = { ...syntheticAnswers(catalog, 0, 3, 'kommun'), organisation: { ...syntheticAnswers(catalog, 0, 2, 'kommun').organisation, periodEnd: '2023-12-31' } };
    const olderPath = write('dupes', 'a-older.json', older);
    const run = await cli('benchmark', tmp.path('dupes'), '--json');
    expect(run.code).toBe(3);
    const out = json(run.stdout);
    expect(out.members).toBe(5);
    expect(out.skipped).toEqual([{ file: olderPath, message: 'samma organisation finns i en annan fil med en senare mätning; den senare används' }]);
    expect(out.groups[0]).toMatchObject({ id: 'typkommun', members: 5, refused: false });
  });

  test('other catalogs, unknown catalogs and answers without an organisation type are skipped with a reason', async () => {
    for (let i = 0; i < 5; i++) write('mixed', `m${i}.json`, syntheticAnswers(catalog, i, 4, 'myndighet'));
    write('mixed', 'x-okand.json', { ...syntheticAnswers(catalog, 9, 4, 'myndighet'), catalog: 'infosakkollen-1999' });
    write('mixed', 'y-utan-typ.json', { ...syntheticAnswers(catalog, 10, 4, 'myndighet'), organisation: { name: 'Utan typ' } });
    write('mixed', 'z-lista.json', [1, 2, 3]);
    const run = await cli('benchmark', tmp.path('mixed'), '--json');
    expect(run.code).toBe(3);
    const out = json(run.stdout);
    expect(out.members).toBe(5);
    expect(out.skipped.map((s: any) => [s.file.split('/').pop(), s.message])).toEqual([
      ['x-okand.json', expect.stringMatching(/^okänd katalog "infosakkollen-1999"/)],
      ['y-utan-typ.json', expect.stringMatching(/^organisationstyp saknas/)],
      ['z-lista.json', expect.stringMatching(/^ingen svarsfil/)],
    ]);
  });

  test('nothing usable: exit 2 with one line', async () => {
    const broken = write('none', 'trasig.json', '{');
    const run = await cli('benchmark', broken, tmp.path('finns-inte.json'));
    expect(run.code).toBe(2);
    expect(run.stdout).toEqual([]);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(/^infosak: Inga svar kunde användas \(2 filer hoppades över: .*trasig\.json: ogiltig JSON.*finns-inte\.json: kan inte läsas: filen finns inte/);
    const empty = await cli('benchmark', tmp.path('none-empty-dir-that-does-not-exist'));
    expect(empty.code).toBe(2);
  });

  test('few organisations: exit 0, every group refused with its reason in Swedish', async () => {
    const files = [0, 1, 2].map((i) => write('few', `f${i}.json`, syntheticAnswers(catalog, i, 5, 'region')));
    const run = await cli('benchmark', ...files, '--json');
    expect(run.code).toBe(0);
    const out = json(run.stdout);
    expect(out.skipped).toEqual([]);
    expect(out.groups.every((g: any) => g.refused && g.answers === null && g.result === null && g.spread === null)).toBe(true);
    expect(out.groups[1]).toEqual({
      id: 'typregion',
      members: 3,
      refused: true,
      reason: 'Gruppen har 3 medlemmar; minst 5 krävs så att ingen enskild organisations resultat kan räknas fram.',
      answers: null,
      result: null,
      spread: null,
    });
    expect(out.groups[4].reason).toBe('"30 bästa" görs bara av en grupp med minst 60 medlemmar; gruppen har 0.');
    const text = await cli('benchmark', ...files);
    expect(text.stdout.join('\n')).toMatch(/Typregion\s+visas inte: Gruppen har 3 medlemmar/);
  });

  test('workbooks are read like answers files; a workbook without the questionnaire is skipped', async () => {
    const template = tmp.path('wb/mall.xlsx');
    mkdirSync(tmp.path('wb'), { recursive: true });
    expect((await cli('template', template)).code).toBe(0);
    const paths: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answers = write('wb-answers', `a${i}.json`, syntheticAnswers(catalog, i, 6, 'kommun'));
      const path = tmp.path(`wb/kommun-${i}.xlsx`);
      expect((await cli('fill', '--answers', answers, template, '-o', path)).code).toBe(0);
      paths.push(path);
    }
    const fromFiles = json((await cli('benchmark', tmp.path('wb-answers'), '--json')).stdout);
    const run = await cli('benchmark', tmp.path('wb'), '--json');
    const out = json(run.stdout);
    // the empty template has no organisation type
    expect(out.skipped).toEqual([{ file: template, message: expect.stringMatching(/^organisationstyp saknas/) }]);
    expect(out.groups).toEqual(fromFiles.groups);
    expect(out.groups[0]).toMatchObject({ id: 'typkommun', members: 5, refused: false });
  }, 60_000);

  test('an organisation whose answers have input errors is a member; those questions count as unanswered', async () => {
    const sets = [0, 1, 2, 3, 4].map((i) => syntheticAnswers(catalog, i, 7, 'myndighet'));
    sets[0].answers['1'] = { selected: ['a', 'n'], certainty: 'säker' };
    const files = sets.map((s, i) => write('errors', `e${i}.json`, s));
    const run = await cli('benchmark', ...files);
    expect(run.code).toBe(0);
    expect(run.stdout.join('\n')).toMatch(/1 organisation hade fel i vissa svar; de frågorna räknas som obesvarade\./);
  });

  test('usage: no inputs is a usage error; a bad --date is refused', async () => {
    expect((await cli('benchmark')).code).toBe(2);
    const file = write('usage', 'a.json', exampleAnswers());
    const bad = await cli('benchmark', file, '--date', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.stderr[0]).toMatch(/ÅÅÅÅ-MM-DD/);
  });
});
