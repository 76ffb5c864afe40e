import mappingJson from '../../../src/catalogs/msbfs-2020-6.json';
import { findCatalog } from '../../../src/core/catalog/registry';
import { paragraphsBlockedBy } from '../../../src/core/regulation/indication';
import { findRegulation } from '../../../src/core/regulation/registry';
import { RegulationSpec } from '../../../src/core/regulation/schema';
import { clone } from '../../helpers/catalogSpec';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;
const spec = findRegulation(CATALOG_ID)!;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const V_IDS = ['V1', 'V2', 'V3', 'V3b', 'V4', 'V5', 'V6'];

describe('findRegulation', () => {
  it('finds msbfs-2020-6 for the catalog and nothing for an unknown catalog', () => {
    expect(spec.regulation).toBe('msbfs-2020-6');
    expect(spec.designation).toBe('MSBFS 2020:6');
    expect(findRegulation('other-catalog')).toBeUndefined();
  });

  it('validates the mapping on load (a broken mapping is refused)', () => {
    const broken = clone(mappingJson) as any;
    broken.paragraphs[3].blocking[0].min = 4;
    expect(RegulationSpec.safeParse(broken).success).toBe(false);
    const extra = clone(mappingJson) as any;
    extra.paragraphs[0].extra = true;
    expect(RegulationSpec.safeParse(extra).success).toBe(false);
  });
});

describe('REGULATION.md §5 invariants over the mapping and the catalog', () => {
  it('I1: regulation msbfs-2020-6 for infosakkollen-2023-v1; paragraphs "1"…"16" once each, in order', () => {
    expect(spec.regulation).toBe('msbfs-2020-6');
    expect(spec.catalog).toBe('infosakkollen-2023-v1');
    expect(spec.paragraphs.map((p) => p.id)).toEqual(range(1, 16).map(String));
  });

  it('I2: assessable ⇔ blocking non-empty; a non-assessable paragraph has no checks, no coverage, confidence null', () => {
    for (const p of spec.paragraphs) {
      expect(p.assessable).toBe(p.blocking.length > 0);
      if (!p.assessable) {
        expect(p.textChecks).toEqual([]);
        expect(p.coverage).toEqual([]);
        expect(p.confidence).toBeNull();
      } else expect(p.confidence).not.toBeNull();
    }
  });

  it('I3: the union of all blocking questions is exactly {1, …, 37}', () => {
    const union = new Set(spec.paragraphs.flatMap((p) => p.blocking.map((b) => b.q)));
    expect([...union].sort((a, b) => a - b)).toEqual(range(1, 37));
  });

  it('I4: Q38–Q40 never block; every min is an integer 1–3 (today all 3)', () => {
    for (const p of spec.paragraphs)
      for (const b of p.blocking) {
        expect(b.q).toBeLessThanOrEqual(37);
        expect(Number.isInteger(b.min)).toBe(true);
        expect(b.min).toBe(3);
      }
  });

  it('I5: references exist; text checks are aspect options (F/AR); coverage is a band question expecting "a"', () => {
    for (const p of spec.paragraphs) {
      const refs = [...p.blocking.map((b) => b.q), ...p.textChecks.map((c) => c.q), ...p.coverage.map((c) => c.q), ...p.supporting];
      for (const q of refs) expect(catalog.question(q)).toBeDefined();
      for (const c of p.textChecks) {
        const q = catalog.question(c.q)!;
        expect(q.scoring).toBe('aspect');
        expect(q.options.find((o) => o.id === c.option)?.kind).toBe('aspect');
        expect(['F', 'AR']).toContain(c.kind);
      }
      for (const c of p.coverage) {
        expect(catalog.question(c.q)!.scoring).toBe('band');
        expect(c.expected).toBe('a');
      }
      for (const v of p.indicators) expect(V_IDS).toContain(v);
      for (const pt of p.unassessedPoints) expect(['p1', 'p2', 'p3', 'p4', 'p5']).toContain(pt);
    }
  });

  it('I6: no repeated blocking q or (q, option) pair; supporting ∩ blocking = ∅', () => {
    for (const p of spec.paragraphs) {
      const blocking = p.blocking.map((b) => b.q);
      expect(new Set(blocking).size).toBe(blocking.length);
      const pairs = p.textChecks.map((c) => `${c.q}${c.option}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      for (const s of p.supporting) expect(blocking).not.toContain(s);
    }
  });
});

describe('REGULATION.md §4 mapping table', () => {
  const blocking: Record<string, number[]> = {
    '4': [1],
    '5': [1, 2, 3, 4, 24, 28],
    '6': [5, 6, 12, 19, 20, 21, 23, 26, 29, 33, 34, 35, 36],
    '8': [11, 25, 37],
    '9': [9, 10, 13, 16, 17, 18, 30, 31],
    '11': [7, 22],
    '12': [22],
    '13': [8, 27, 32],
    '14': [14],
    '15': [15],
  };
  it.each(Object.entries(blocking))('§%s is blocked by its questions', (id, qs) => {
    const p = spec.paragraphs.find((x) => x.id === id)!;
    expect(p.blocking.map((b) => b.q).sort((a, b) => a - b)).toEqual(qs);
  });

  it('only 1–3, 7, 10 and 16 are not assessable', () => {
    expect(spec.paragraphs.filter((p) => !p.assessable).map((p) => p.id)).toEqual(['1', '2', '3', '7', '10', '16']);
  });

  it('documentation on 5 § and 6 §; coverage Q3 (5 §), Q19 (6 §), Q16 (9 §); unassessed p1 (9 §), p2 (11 §)', () => {
    expect(spec.paragraphs.filter((p) => p.documentation).map((p) => p.id)).toEqual(['5', '6']);
    expect(spec.paragraphs.flatMap((p) => p.coverage.map((c) => `${p.id}:${c.q}`))).toEqual(['5:3', '6:19', '9:16']);
    expect(spec.paragraphs.filter((p) => p.unassessedPoints.length).map((p) => [p.id, p.unassessedPoints])).toEqual([
      ['9', ['p1']],
      ['11', ['p2']],
    ]);
  });

  it('confidence per paragraph', () => {
    const conf = Object.fromEntries(spec.paragraphs.map((p) => [p.id, p.confidence]));
    expect(conf).toMatchObject({ '4': 'high', '5': 'high', '6': 'high', '8': 'medium', '9': 'medium', '11': 'high', '12': 'high', '13': 'high', '14': 'medium', '15': 'high' });
  });

  it('the F text checks of 4 §, 8 §, 12 § and 15 §', () => {
    const f = (id: string) =>
      spec.paragraphs.find((p) => p.id === id)!.textChecks.filter((c) => c.kind === 'F').map((c) => `Q${c.q}${c.option}`);
    expect(f('4')).toEqual(['Q1e']);
    expect(f('8')).toEqual(['Q37a', 'Q37d', 'Q37e']);
    expect(f('12')).toEqual(['Q22b', 'Q22c']);
    expect(f('15')).toEqual(['Q15a', 'Q15b', 'Q15e']);
  });

  it('paragraphsBlockedBy tags action-plan activities', () => {
    expect(paragraphsBlockedBy(spec, 22)).toEqual(['11', '12']);
    expect(paragraphsBlockedBy(spec, 1)).toEqual(['4', '5']);
    expect(paragraphsBlockedBy(spec, 38)).toEqual([]);
  });
});
