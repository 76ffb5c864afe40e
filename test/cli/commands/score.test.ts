import { join } from 'node:path';
import { findCatalog } from '../../../src/core/catalog/registry';
import { answersFromPoints, uniform, withPoints } from '../../helpers/answers';
import { runCli, tempDir } from '../../helpers/cli';
import { AREAS, AREA_QUESTIONS, CATALOG_ID, referenceAreaLevel } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Level 2 exactly: Q1–27 at 2, Q28–30 at 4, Q31 at 2 (68 p). */
const level2 = withPoints(uniform(0), { ...Object.fromEntries(range(1, 27).map((q) => [q, 2])), 28: 4, 29: 4, 30: 4, 31: 2 });

async function scoreJson(points: number[] | Record<number, number>, name: string, opts = {}) {
  const file = tmp.write(name, answersFromPoints(catalog, points, opts));
  const r = await runCli(['score', '--answers', file, '--json']);
  expect(r.stdout).toHaveLength(1);
  return { ...r, json: JSON.parse(r.stdout[0]) };
}

/** Exit 2: nothing on stdout, one line on stderr. */
function expectFatal(r: { code: number; stdout: string[]; stderr: string[] }) {
  expect(r.code).toBe(2);
  expect(r.stdout).toEqual([]);
  expect(r.stderr).toHaveLength(1);
  expect(r.stderr[0].trim()).not.toContain('\n');
  expect(r.stderr[0].trim().length).toBeGreaterThan(0);
}

describe('infosak score --json', () => {
  it('prints one JSON object with the documented fields; exit 0 without input errors', async () => {
    const { code, stderr, json } = await scoreJson(level2, 'level2.json');
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    expect(json.catalog).toBe(CATALOG_ID);
    expect(json.level).toBe(2);
    expect(json.totalPoints).toBe(68);
    expect(json.measures).toEqual({ done: 68, possible: 201 });

    expect(json.areas).toHaveLength(10);
    AREAS.forEach(([id, name], i) => {
      const a = json.areas[i];
      expect(a).toMatchObject({ id, name, level: referenceAreaLevel(id, level2) });
      expect(a.points).toBe(AREA_QUESTIONS[id].reduce((s, q) => s + level2[q - 1], 0));
      expect(a.maxPoints).toBe(5 * AREA_QUESTIONS[id].length);
    });

    expect(json.questions).toHaveLength(40);
    json.questions.forEach((q: any, i: number) => {
      expect(q).toMatchObject({ number: i + 1, points: level2[i], answered: true, certainty: 'säker' });
    });

    expect(json.nextLevel).toMatchObject({ level: 3, missingPoints: 130 - 68, uncertainOverLimit: 0 });
    // shortfalls: Q1–27 at 2 → 27 × 1, Q31 at 2 → 1, Q32–37 at 0 → 6 × 3
    expect(json.nextLevel.belowMinimum).toHaveLength(27 + 1 + 6);
    expect(json.nextLevel.belowMinimum[0]).toEqual({ number: 1, points: 2, required: 3 });
    const shortfalls = 27 + 1 + 18;
    expect(json.nextLevel.cheapestAdditionalMeasures).toBe(shortfalls + Math.max(0, 130 - 68 - shortfalls));
    expect(Array.isArray(json.nextLevel.steps)).toBe(true);
    expect(json.nextLevel.steps.length).toBeGreaterThan(0);

    expect(json.forwardLooking).toEqual([]);
    expect(json.regulationIndicated).toBe(false);
    const areaSum = AREAS.reduce((s, [id]) => s + referenceAreaLevel(id, level2), 0);
    expect(json.resultattal).toBe(200000 + 1000 * areaSum + 68);
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([]);
  });

  it('numbers are JSON integers', async () => {
    const { json } = await scoreJson(level2, 'ints.json');
    const ints = [json.level, json.totalPoints, json.resultattal, json.measures.done, json.measures.possible];
    for (const a of json.areas) ints.push(a.level, a.points, a.maxPoints);
    for (const q of json.questions) ints.push(q.number, q.points);
    for (const n of ints) expect(Number.isInteger(n)).toBe(true);
  });

  it('nextLevel is null at level 4; regulationIndicated true', async () => {
    const { code, json } = await scoreJson(uniform(5), 'top.json');
    expect(code).toBe(0);
    expect(json.level).toBe(4);
    expect(json.nextLevel).toBeNull();
    expect(json.regulationIndicated).toBe(true);
  });

  it('under level 1: forwardLooking lists u-answered questions', async () => {
    const { json } = await scoreJson({ 3: 0, 4: 0, 1: 2 }, 'fwd.json', { zero: (q: number) => ([3, 4].includes(q) ? 'u' : 'unanswered') });
    expect(json.level).toBe(0);
    expect(json.forwardLooking).toEqual([3, 4]);
    expect(json.questions[2]).toMatchObject({ number: 3, points: 0, answered: true });
    expect(json.questions[4]).toMatchObject({ number: 5, answered: false, certainty: null });
  });

  it('exit 3 when some answers had input errors; errors name question, option and a message', async () => {
    const set = answersFromPoints(catalog, uniform(5));
    set.answers['7'] = { selected: ['a', 'x'], certainty: 'säker' };
    (set.answers as any)['41'] = { selected: ['a'], certainty: 'säker' };
    const file = tmp.write('errors.json', set);
    const r = await runCli(['score', '--answers', file, '--json']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout.join('\n'));
    expect(json.errors).toEqual([
      expect.objectContaining({ question: 7, option: 'x', message: expect.stringContaining('7') }),
      expect.objectContaining({ question: '41', message: expect.stringContaining('41') }),
    ]);
    for (const e of json.errors) expect(typeof e.message).toBe('string');
    expect(json.errors[1]).not.toHaveProperty('option'); // an unknown question has no option
    expect(json.level).toBe(0); // Q7 counts as unanswered
    expect(json.questions[6]).toMatchObject({ number: 7, points: 0, answered: false, certainty: null });
  });

  it('warnings alone (missing certainty) still exit 0', async () => {
    const { code, json } = await scoreJson(uniform(5), 'warn.json', { certainty: (q: number) => (q === 40 ? undefined : 'säker') });
    expect(code).toBe(0);
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([expect.objectContaining({ question: 40, message: expect.any(String) })]);
    expect(json.questions[39].certainty).toBe('osäker');
  });

  it('an empty answers object is scored (level 0, exit 0)', async () => {
    const file = tmp.write('empty.json', { catalog: CATALOG_ID, answers: {} });
    const r = await runCli(['score', '--answers', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout[0]).level).toBe(0);
  });
});

describe('infosak score: exit 2 with a one-line message', () => {
  it('missing file', async () => {
    const r = await runCli(['score', '--answers', join(tmp.dir, 'does-not-exist.json'), '--json']);
    expectFatal(r);
    expect(r.stderr[0]).toContain('does-not-exist.json');
  });

  it('invalid JSON', async () => {
    const r = await runCli(['score', '--answers', tmp.write('bad.json', '{"catalog": "infosakkollen-2023-v1", "answers": {'), '--json']);
    expectFatal(r);
    expect(r.stderr[0]).toContain('bad.json');
  });

  it('unknown catalog', async () => {
    const r = await runCli(['score', '--answers', tmp.write('unknown.json', { catalog: 'infosakkollen-1999', answers: {} })]);
    expectFatal(r);
    expect(r.stderr[0]).toContain('infosakkollen-1999');
  });

  it.each(['constructor', 'toString', '__proto__'])('unknown catalog "%s" (an Object.prototype name)', async (id) => {
    const r = await runCli(['score', '--answers', tmp.write(`proto-${id}.json`, { catalog: id, answers: {} }), '--json']);
    expectFatal(r);
    expect(r.stderr[0]).toContain(id);
  });

  it('no catalog field', async () => {
    expectFatal(await runCli(['score', '--answers', tmp.write('nocat.json', { answers: {} })]));
  });

  it('a JSON array instead of an object', async () => {
    expectFatal(await runCli(['score', '--answers', tmp.write('array.json', '[]')]));
  });

  it('no --answers', async () => {
    expectFatal(await runCli(['score', '--json']));
  });
});

describe('infosak score: the readable summary', () => {
  it('is Swedish and names the level', async () => {
    const file = tmp.write('summary.json', answersFromPoints(catalog, level2, { organisation: { name: 'Testkommun', type: 'kommun' } }));
    const r = await runCli(['score', '--answers', file]);
    expect(r.code).toBe(0);
    const text = r.stdout.join('\n');
    expect(text).toContain('Testkommun');
    expect(text).toContain('Nivå 2');
    expect(text).toContain(catalog.levels[2].name.sv);
    expect(text).toMatch(/Poäng 68 av 200/);
    expect(text).toContain('Arbetsområden');
    expect(text).toContain('Till nivå 3');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('says "Under nivå 1" at level 0 and lists errors in Swedish (exit 3)', async () => {
    const file = tmp.write('summary0.json', { catalog: CATALOG_ID, answers: { '1': { selected: ['a', 'n'], certainty: 'säker' } } });
    const r = await runCli(['score', '--answers', file]);
    expect(r.code).toBe(3);
    const text = r.stdout.join('\n');
    expect(text).toContain('Under nivå 1');
    expect(text).toContain('Fråga 1');
  });
});
