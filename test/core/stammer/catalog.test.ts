import { findAnyCatalog, allCatalogIds } from '../../../src/core/catalog/models';
import { findCatalog } from '../../../src/core/catalog/registry';
import { loadStammerCatalog } from '../../../src/core/stammer/load';
import data from '../../../src/catalogs/itsakkollen-2023-msbfs2020-7-v1.json';
import { ITSAK_AREAS, ITSAK_ID, itsak, statementIds } from '../../helpers/itsak';

const FOOTER =
  'Resultatet är en självskattning. Nivåerna är inte kalibrerade mot MSBFS 2020:7 och visar inte om föreskrifterna följs. Påståendena är verktygets egna formuleringar utifrån MSBFS 2020:7, inte frågorna i MSB:s It-säkkollen 2023. MSB heter sedan 1 januari 2026 Myndigheten för civilt försvar (MCF).';

describe('the It-säkkollen catalog (ITSAK.md §2–3)', () => {
  const c = itsak();

  it('is found by id among every model\'s catalogs, and names its model', () => {
    expect(allCatalogIds).toEqual(expect.arrayContaining(['infosakkollen-2023-v1', ITSAK_ID]));
    expect(findAnyCatalog(ITSAK_ID)).toBe(c);
    expect(c.model).toBe('stammer-mean-v1');
    expect(findAnyCatalog('infosakkollen-2023-v1')!.model).toBe('leveled-points-v1');
    // The leveled-points code never receives it.
    expect(findCatalog(ITSAK_ID)).toBeUndefined();
    expect(findAnyCatalog('itsakkollen-1999')).toBeUndefined();
    expect(findAnyCatalog('__proto__')).toBeUndefined();
  });

  it('has the fixed areas, ids and split 6/6/5/4/5/6/4/5', () => {
    expect(c.areas.map((a) => a.id)).toEqual(ITSAK_AREAS.map(([id]) => id));
    expect(c.statements.map((s) => s.id)).toEqual(statementIds());
    for (const [area, size] of ITSAK_AREAS) expect(c.statements.filter((s) => s.area === area)).toHaveLength(size);
    expect(c.area('LO')!.name.sv).toBe('Loggning och logganalys');
    expect(c.area('KR')!.name.sv).toBe('Kryptering');
  });

  it('answers every statement on the four-step scale s1–s4 with values 1–4', () => {
    for (const s of c.statements) {
      expect(s.scale.map((x) => [x.id, x.value, x.text.sv])).toEqual([
        ['s1', 1, 'Stämmer inte'],
        ['s2', 2, 'Stämmer knappt'],
        ['s3', 3, 'Stämmer väl'],
        ['s4', 4, 'Stämmer helt'],
      ]);
      expect(s.msbfs.length).toBeGreaterThan(0);
    }
  });

  it('ties statements to MSBFS 2020:7, and S03–S04 to MSBFS 2020:6 only', () => {
    expect(c.statement('S27')!.msbfs).toEqual([{ regulation: 'MSBFS 2020:7', ref: '4 kap. 16 § p1', basis: 'T' }]);
    for (const id of ['S03', 'S04']) expect(c.statement(id)!.msbfs.every((r) => r.regulation === 'MSBFS 2020:6' && r.basis === '6')).toBe(true);
    expect(c.statement('S41')!.msbfs.map((r) => r.regulation)).toEqual(['MSBFS 2020:7', 'MSBFS 2020:6']);
  });

  it('names the levels, with 2 and 3 from the seed', () => {
    expect(c.levels.map((l) => [l.level, l.name.sv])).toEqual([
      [1, 'otillräckligt skydd'],
      [2, 'bristfälligt skydd'],
      [3, 'visst skydd'],
      [4, 'gott skydd'],
    ]);
  });

  it('has the context question K1 with options a–d, c in MSB\'s wording', () => {
    const k1 = c.contextQuestion('K1')!;
    expect(k1.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(k1.options[2].text.sv).toBe('Betydande andel utkontrakterad drift');
  });

  it('carries the mandatory footer verbatim and says where the statements come from', () => {
    expect(c.footer.sv).toBe(FOOTER);
    expect(c.name.sv).toBe('It-säkkollen – egen tolkning efter MSBFS 2020:7');
    expect(c.about.sv).toMatch(/egna formuleringar utifrån MSBFS 2020:7/);
    expect(c.about.sv).toMatch(/inte frågorna i MSB:s It-säkkollen 2023/);
  });

  it('is held to its schema here, so the product builds it without parsing a schema at run time', () => {
    const parsed = loadStammerCatalog(data);
    const plain = (x: object) => JSON.parse(JSON.stringify(x));
    expect(plain(parsed)).toEqual(plain(c));
    expect(parsed.statement('S18')).toEqual(c.statement('S18'));
  });

  it('gives every area a sheet name Excel accepts', () => {
    for (const a of c.areas) {
      expect(a.sheet.length).toBeLessThanOrEqual(31);
      expect(a.sheet).not.toMatch(/[:\\/?*[\]]/);
    }
  });
});

describe('loadStammerCatalog refuses a broken catalog with every problem and its path', () => {
  const broken = (edit: (d: any) => void) => {
    const d = JSON.parse(JSON.stringify(data));
    edit(d);
    return () => loadStammerCatalog(d);
  };

  it('an unknown area, option set or repeated id', () => {
    expect(broken((d) => (d.statements[0].area = 'XX'))).toThrow(/statements\.0 \(S01\): unknown work area XX/);
    expect(broken((d) => (d.statements[1].optionSet = 'NOPE'))).toThrow(/unknown option set NOPE/);
    expect(broken((d) => (d.statements[2].id = 'S01'))).toThrow(/id S01 repeats/);
  });

  it('a scale out of order, a missing level, a sheet name Excel refuses, another model', () => {
    expect(broken((d) => (d.optionSets.STAMMER[0].value = 2))).toThrow(/values must be 1, 2, 3/);
    expect(broken((d) => d.levels.pop())).toThrow(/levels: must be 1 … 4/);
    expect(broken((d) => (d.areas[0].sheet = 'FS: Förutsättningar'))).toThrow(/areas\.0\.sheet/);
    expect(broken((d) => (d.model = 'leveled-points-v1'))).toThrow(/model/);
  });
});
