import { catalogIds, DEFAULT_CATALOG, findCatalog } from '../../../src/core/catalog/registry';
import { possibleMeasures } from '../../../src/core/scoring/points';
import { score } from '../../../src/core/scoring/score';
import {
  ALL_QUESTIONS,
  AREAS,
  AREA_QUESTIONS,
  BAND_POINTS,
  CATALOG_ID,
  specAreaOf,
  specLevelOf,
  specOptionsOf,
} from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;

describe('registry', () => {
  it('ships infosakkollen-2023-v1 as the default catalog', () => {
    expect(DEFAULT_CATALOG).toBe(CATALOG_ID);
    expect(catalogIds).toContain(CATALOG_ID);
    expect(catalog).toBeDefined();
    expect(catalog.id).toBe(CATALOG_ID);
  });

  it('returns undefined for an unknown catalog id', () => {
    expect(findCatalog('infosakkollen-1999')).toBeUndefined();
    expect(findCatalog('')).toBeUndefined();
  });

  // MODEL.md: "an unknown catalog id means nothing can be scored" – an id that happens to be an
  // Object.prototype property name is still unknown and must not reach loadCatalog.
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('returns undefined for the unknown id "%s"', (id) => {
    expect(() => findCatalog(id)).not.toThrow();
    expect(findCatalog(id)).toBeUndefined();
  });

  it('returns the same loaded catalog on every call', () => {
    expect(findCatalog(CATALOG_ID)).toBe(catalog);
  });
});

describe('infosakkollen-2023-v1 against CATALOG.md', () => {
  it('has 40 questions numbered 1–40', () => {
    expect(catalog.questions.map((q) => q.number)).toEqual(ALL_QUESTIONS);
    expect(catalog.maxLevel).toBe(4);
  });

  it.each(ALL_QUESTIONS)('Q%i has its level and work area', (n) => {
    const q = catalog.question(n)!;
    expect(q.level).toBe(specLevelOf(n));
    expect(q.area).toBe(specAreaOf(n));
  });

  it('has the level split 15 / 12 / 10 / 3 (boundaries Q15|Q16, Q27|Q28, Q37|Q38)', () => {
    const count = (l: number) => catalog.questions.filter((q) => q.level === l).length;
    expect([count(1), count(2), count(3), count(4)]).toEqual([15, 12, 10, 3]);
    expect(catalog.question(15)!.level).toBe(1);
    expect(catalog.question(16)!.level).toBe(2);
    expect(catalog.question(27)!.level).toBe(2);
    expect(catalog.question(28)!.level).toBe(3);
    expect(catalog.question(37)!.level).toBe(3);
    expect(catalog.question(38)!.level).toBe(4);
  });

  it('has the 10 work areas with their Swedish names, in order', () => {
    expect(catalog.areas.map((a) => [a.id, a.name.sv])).toEqual(AREAS);
    for (const a of catalog.areas) expect(a.name.en.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(AREA_QUESTIONS))('area %s holds exactly its questions', (area, qs) => {
    expect(catalog.questions.filter((q) => q.area === area).map((q) => q.number)).toEqual(qs);
    expect(catalog.area(area)?.id).toBe(area);
  });

  it('every area has a level-1 question', () => {
    for (const [area] of AREAS) expect(catalog.questions.some((q) => q.area === area && q.level === 1)).toBe(true);
  });

  it.each(ALL_QUESTIONS)('Q%i has the option letters and kinds of CATALOG.md', (n) => {
    const spec = specOptionsOf(n);
    const q = catalog.question(n)!;
    expect(q.scoring).toBe(spec.scoring);
    expect(q.options.map((o) => o.id)).toEqual([...spec.scoringIds, ...spec.standard]);
    for (const o of q.options) {
      if (spec.scoringIds.includes(o.id)) expect(o.kind).toBe(spec.scoring);
      else expect(o.kind).toBe(o.id);
      if (o.kind === 'band') expect(o.points).toBe(BAND_POINTS[o.id]);
      if (o.kind === 'aspect') expect(o.points).toBe(1);
      if (o.kind === 'y' || o.kind === 'u' || o.kind === 'n') expect(o.points).toBe(0);
      expect(o.text.sv.length).toBeGreaterThan(0);
      expect(o.text.en.length).toBeGreaterThan(0);
    }
  });

  it('ARB questions (Q4–9, Q11) have options a–e, u, n', () => {
    for (const n of [4, 5, 6, 7, 8, 9, 11])
      expect(catalog.question(n)!.options.map((o) => `${o.id}:${o.kind}`)).toEqual([
        'a:aspect', 'b:aspect', 'c:aspect', 'd:aspect', 'e:aspect', 'u:u', 'n:n',
      ]);
  });

  it('Q37 has six aspects a–f and still at most 5 points', () => {
    const q = catalog.question(37)!;
    expect(q.options.filter((o) => o.kind === 'aspect').map((o) => o.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('has 201 possible åtgärder (aspect boxes + 5 per band question) and 200 points', () => {
    const bands = catalog.questions.filter((q) => q.scoring === 'band').length;
    const aspects = catalog.questions.flatMap((q) => q.options.filter((o) => o.kind === 'aspect')).length;
    expect(bands).toBe(14);
    expect(aspects + 5 * bands).toBe(201);
    expect(catalog.questions.reduce((s, q) => s + possibleMeasures(q), 0)).toBe(201);
    const empty = score(catalog, { catalog: CATALOG_ID, answers: {} });
    expect(empty.measures).toEqual({ done: 0, possible: 201 });
    expect(empty.maxPoints).toBe(200);
  });

  it('has the rules of MODEL.md: cap 5, U = [0.50, 0.30, 0.15, 0.05]', () => {
    expect(catalog.maxPointsPerQuestion).toBe(5);
    expect(catalog.uncertainShare).toEqual([0.5, 0.3, 0.15, 0.05]);
  });

  it('has levels 0–4 with the MSB 2023 names', () => {
    expect(catalog.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
    expect(catalog.levels[0].name.sv).toBe('Under nivå 1');
    expect(catalog.levels[1].name.sv).toBe('Grunderna i informations- och cybersäkerhetsarbetet');
    expect(catalog.levels[2].name.sv).toBe(
      'Informations- och cybersäkerhetsarbetet bedrivs med viss systematik och är bättre på grunderna',
    );
    expect(catalog.levels[3].name.sv).toBe('Kvalificerat innehåll i informations- och cybersäkerhetsarbetet');
    expect(catalog.levels[4].name.sv).toBe('Ständiga förbättringar');
  });

  it('has the validation questions V1–V6 and V3b', () => {
    expect(catalog.validationQuestions.map((v) => v.id).sort()).toEqual(['V1', 'V2', 'V3', 'V3b', 'V4', 'V5', 'V6']);
  });

  it('every question has Swedish and English text and an activity', () => {
    for (const q of catalog.questions) {
      expect(q.text.sv.length).toBeGreaterThan(0);
      expect(q.text.en.length).toBeGreaterThan(0);
      expect(q.activity.sv.length).toBeGreaterThan(0);
    }
  });
});
