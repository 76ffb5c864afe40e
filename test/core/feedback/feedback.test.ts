import feedbackJson from '../../../src/catalogs/infosakkollen-2023-v1.feedback.json';
import { findCatalog } from '../../../src/core/catalog/registry';
import { feedbackFor, findFeedback } from '../../../src/core/feedback/feedback';
import { FeedbackSpec } from '../../../src/core/feedback/schema';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform, withPoints } from '../../helpers/answers';
import { clone } from '../../helpers/catalogSpec';
import { AREAS, CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const spec = findFeedback(CATALOG_ID)!;
const filled = (t: { sv: string; en: string }) => t.sv.trim().length > 0 && t.en.trim().length > 0;

describe('feedback texts', () => {
  it('exist for the catalog and not for an unknown one', () => {
    expect(spec).toBeDefined();
    expect(findFeedback('nope')).toBeUndefined();
  });

  it('every level 0–4 has a meaning and a next step in sv and en', () => {
    for (const l of ['0', '1', '2', '3', '4'] as const) {
      expect(filled(spec.levels[l].meaning)).toBe(true);
      expect(filled(spec.levels[l].nextStep)).toBe(true);
    }
  });

  it('every work area has about / below1 / level12 / level34 texts, and no unknown area', () => {
    expect(Object.keys(spec.areas).sort()).toEqual(AREAS.map(([id]) => id).sort());
    for (const [id] of AREAS) {
      const t = spec.areas[id];
      for (const k of ['about', 'below1', 'level12', 'level34'] as const) expect(filled(t[k])).toBe(true);
      expect(new Set([t.below1.sv, t.level12.sv, t.level34.sv]).size).toBe(3);
    }
  });

  it('management questions refer to known areas', () => {
    for (const m of spec.managementQuestions) for (const a of m.areas) expect(AREAS.map(([id]) => id)).toContain(a);
  });

  it('the schema refuses a missing band text', () => {
    const broken = clone(feedbackJson) as any;
    delete broken.areas.LS.level34;
    expect(FeedbackSpec.safeParse(broken).success).toBe(false);
  });
});

describe('feedbackFor picks the text by the area level', () => {
  // SF: Q12 (level 1), Q21 (level 2). LS etc. at 0. Area levels: SF depends on Q12/Q21 only.
  it.each([
    [{ 12: 1 }, 0, 'below1'],
    [{ 12: 2 }, 1, 'level12'],
    [{ 12: 3, 21: 2 }, 2, 'level12'],
    [{ 12: 4, 21: 3 }, 3, 'level34'],
    [{ 12: 5, 21: 4 }, 4, 'level34'],
  ] as const)('SF with %j: area level %i → %s', (points, level, key) => {
    const r = score(catalog, answersFromPoints(catalog, points, { zero: 'unanswered' }));
    const f = feedbackFor(catalog, r);
    const sf = f.areas.find((a) => a.area === 'SF')!;
    expect(sf.level).toBe(level);
    expect(sf.text).toEqual(spec.areas.SF[key]);
    expect(sf.about).toEqual(spec.areas.SF.about);
    // all other areas are at 0
    expect(f.areas.filter((a) => a.area !== 'SF').every((a) => a.text === spec.areas[a.area].below1)).toBe(true);
  });

  it.each([
    [withPoints(uniform(5), { 1: 0 }), 0],
    [withPoints(uniform(5), { 16: 1 }), 1],
    [withPoints(uniform(5), { 28: 2 }), 2],
    [withPoints(uniform(5), { 38: 3 }), 3],
    [uniform(5), 4],
  ])('overall level %#: the level’s name, description, meaning and next step', (points, level) => {
    const r = score(catalog, answersFromPoints(catalog, points));
    expect(r.level).toBe(level);
    const f = feedbackFor(catalog, r);
    expect(f.level.level).toBe(level);
    expect(f.level.name).toEqual(catalog.levels[level].name);
    expect(f.level.meaning).toEqual(spec.levels[String(level) as '0'].meaning);
    expect(f.level.nextStep).toEqual(spec.levels[String(level) as '0'].nextStep);
    expect(f.areas).toHaveLength(10);
    expect(f.managementQuestions.length).toBeGreaterThan(0);
  });
});
