/**
 * MODEL.md "Benchmarks": the groups, their size rules (fewer than 5 refused; "30 bästa" only from
 * 60), ties at the cut of "30 bästa", the spread, and anonymity.
 */
import type { OrganisationType } from '../../../src/core/answers/types';
import { bestMembers, buildBenchmark, GROUP_IDS, parseGroupId } from '../../../src/core/benchmark/groups';
import { memberRecord, type MemberRecord } from '../../../src/core/benchmark/member';
import { nearestRank, percentiles } from '../../../src/core/benchmark/spread';
import { findCatalog } from '../../../src/core/catalog/registry';
import { score } from '../../../src/core/scoring/score';
import { answersFromPoints, uniform } from '../../helpers/answers';
import { CATALOG_ID } from '../../helpers/spec';

const catalog = findCatalog(CATALOG_ID)!;

function member(type: OrganisationType, name: string, points: readonly number[] = uniform(2)): MemberRecord {
  const set = answersFromPoints(catalog, points, { organisation: { name, type } });
  return memberRecord(score(catalog, set), type, `${name}.json`);
}
const many = (type: OrganisationType, n: number, prefix: string = type) => Array.from({ length: n }, (_, i) => member(type, `${prefix} ${i + 1}`));
const group = (b: ReturnType<typeof buildBenchmark>, id: string) => b.groups.find((g) => g.id === id)!;

describe('groups', () => {
  it('always lists all six groups, in order, refused ones with a reason', () => {
    const b = buildBenchmark(catalog, []);
    expect(b.groups.map((g) => g.id)).toEqual([...GROUP_IDS]);
    expect(GROUP_IDS).toEqual(['typkommun', 'typregion', 'typmyndighet', 'typförvaltning', '30-bästa-kommuner', '30-bästa-myndigheter']);
    for (const g of b.groups) {
      expect(g).toMatchObject({ refused: true, answers: null, result: null, spread: null });
      expect(g.reason).toBeDefined();
    }
  });

  it('a group of 4 members is refused (anonymity), a group of 5 is shown', () => {
    const four = buildBenchmark(catalog, many('kommun', 4));
    expect(group(four, 'typkommun')).toMatchObject({ members: 4, refused: true, reason: { code: 'benchmark-too-few', params: { members: 4, min: 5 } } });
    const five = buildBenchmark(catalog, many('kommun', 5));
    expect(group(five, 'typkommun')).toMatchObject({ members: 5, refused: false });
    expect(group(five, 'typkommun').answers).not.toBeNull();
    expect(group(five, 'typkommun').spread!.levels).toEqual({ '0': 0, '1': 0, '2': 5, '3': 0, '4': 0 });
  });

  it('"30 bästa" is made from 60 members, not from 59', () => {
    const b59 = buildBenchmark(catalog, [...many('kommun', 59), ...many('myndighet', 60)]);
    expect(group(b59, '30-bästa-kommuner')).toMatchObject({ refused: true, reason: { code: 'benchmark-best-too-few', params: { base: 59, min: 60, best: 30 } } });
    expect(group(b59, '30-bästa-myndigheter')).toMatchObject({ refused: false, members: 30 });
    expect(group(b59, 'typkommun')).toMatchObject({ refused: false, members: 59 });
    const b60 = buildBenchmark(catalog, many('kommun', 60));
    expect(group(b60, '30-bästa-kommuner')).toMatchObject({ refused: false, members: 30 });
  });

  it('typförvaltning is kommuner + regioner + myndigheter; annan is in no group', () => {
    const b = buildBenchmark(catalog, [...many('kommun', 6), ...many('region', 5), ...many('myndighet', 7), ...many('annan', 9)]);
    expect(b.members).toBe(27);
    expect(b.groups.map((g) => [g.id, g.members])).toEqual([
      ['typkommun', 6],
      ['typregion', 5],
      ['typmyndighet', 7],
      ['typförvaltning', 18],
      ['30-bästa-kommuner', 6],
      ['30-bästa-myndigheter', 7],
    ]);
  });

  it('typförvaltning is refused when subtracting the shown type groups would leave fewer than 5 members', () => {
    // typförvaltning − typkommun − typmyndighet would be the 3 regions' levels.
    const b = buildBenchmark(catalog, [...many('kommun', 6), ...many('region', 3), ...many('myndighet', 7)]);
    expect(group(b, 'typregion')).toMatchObject({ refused: true, members: 3 });
    expect(group(b, 'typförvaltning')).toMatchObject({ refused: true, members: 16, reason: { code: 'benchmark-differencing', params: { hidden: 3, min: 5 } } });
    // 3 regions and 2 agencies hidden: the difference is 5 members, a group of allowed size.
    const ok = buildBenchmark(catalog, [...many('kommun', 6), ...many('region', 3), ...many('myndighet', 2)]);
    expect(group(ok, 'typförvaltning')).toMatchObject({ refused: false, members: 11 });
  });

  it('only members of the benchmark’s catalog count', () => {
    const other = { ...member('kommun', 'Annan katalog'), catalog: 'some-other-catalog' };
    const b = buildBenchmark(catalog, [...many('kommun', 4), other]);
    expect(group(b, 'typkommun')).toMatchObject({ members: 4, refused: true });
  });

  it('a group’s result is its answer set scored like any organisation', () => {
    const members = [...many('kommun', 3), member('kommun', 'Hög 1', uniform(4)), member('kommun', 'Hög 2', uniform(4))];
    const g = group(buildBenchmark(catalog, members), 'typkommun');
    const scored = score(catalog, { catalog: catalog.id, answers: { ...g.answers! } });
    expect(g.result).toEqual({ level: scored.level, totalPoints: scored.totalPoints, areas: scored.areas.map((a) => ({ id: a.id, level: a.level, points: a.points })) });
    // three of five at 2 points, two at 4: the median is 2 everywhere, and every aspect a majority ticked
    expect(g.result!.totalPoints).toBe(80);
  });

  it('no output names a member or its file, even where a member stands out', () => {
    const members = [...many('kommun', 70, 'Kommunen'), ...many('myndighet', 5, 'Verket')];
    const text = JSON.stringify(buildBenchmark(catalog, members));
    for (const m of members) {
      expect(text).not.toContain(m.name);
      expect(text).not.toContain(m.source);
    }
    expect(text).not.toMatch(/Kommunen|Verket|\.json/);
  });

  it('group ids are found without diacritics and in any case', () => {
    expect(parseGroupId('typforvaltning')).toBe('typförvaltning');
    expect(parseGroupId('30-Basta-Kommuner')).toBe('30-bästa-kommuner');
    expect(parseGroupId('30 bästa myndigheter')).toBe('30-bästa-myndigheter');
    expect(parseGroupId('typland')).toBeUndefined();
  });
});

describe('"30 bästa": the highest resultattal, ties at the cut broken by name', () => {
  const withResult = (name: string, resultattal: number): MemberRecord => ({ ...member('kommun', name), resultattal, source: `${name}.xlsx` });
  // 28 clear places, then four tied for the last two places.
  const clear = Array.from({ length: 28 }, (_, i) => withResult(`Kommun ${String(i + 1).padStart(2, '0')}`, 300000 - i));
  const tied = ['Öckerö', 'Älvdalen', 'Åre', 'Ale'].map((n) => withResult(n, 200000));
  const rest = Array.from({ length: 30 }, (_, i) => withResult(`Lägre ${i + 1}`, 100000 - i));

  it('takes the tied members by name in Swedish order (Ale, Åre before Älvdalen, Öckerö)', () => {
    const best = bestMembers([...rest, ...tied, ...clear], 30);
    expect(best).toHaveLength(30);
    expect(best.slice(28).map((m) => m.name)).toEqual(['Ale', 'Åre']);
    expect(best.some((m) => m.name.startsWith('Lägre'))).toBe(false);
  });

  it('does not depend on the order the members come in', () => {
    const all = [...rest, ...tied, ...clear];
    const names = (ms: MemberRecord[]) => ms.map((m) => m.name).sort();
    const reversed = bestMembers([...all].reverse(), 30);
    const shuffled = bestMembers([...all].sort((a, b) => (a.name.length * 7 + a.resultattal) % 13 - ((b.name.length * 7 + b.resultattal) % 13)), 30);
    expect(names(reversed)).toEqual(names(bestMembers(all, 30)));
    expect(names(shuffled)).toEqual(names(bestMembers(all, 30)));
  });

  it('equal names too: the source decides, so the choice is still fixed', () => {
    const twins = [withResult('Samma', 5), { ...withResult('Samma', 5), source: 'a.xlsx' }];
    expect(bestMembers(twins, 1)[0].source).toBe('a.xlsx');
  });
});

describe('spread', () => {
  it('nearest rank: rank ceil(P/100 · N)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([nearestRank(ten, 10), nearestRank(ten, 50), nearestRank(ten, 90)]).toEqual([1, 5, 9]);
    const five = [10, 20, 30, 40, 50];
    // ranks ceil(0.5) = 1, ceil(2.5) = 3, ceil(4.5) = 5
    expect(percentiles([50, 10, 40, 30, 20])).toEqual({ p10: 10, p50: 30, p90: 50 });
    expect(nearestRank(five, 0)).toBe(10);
    const eleven = Array.from({ length: 11 }, (_, i) => i);
    // ranks ceil(1.1) = 2, ceil(5.5) = 6, ceil(9.9) = 10
    expect(percentiles(eleven)).toEqual({ p10: 1, p50: 5, p90: 9 });
  });

  it('members per level and percentiles of total and area points', () => {
    // 40 questions at 0, 1, 2, 4, 5 points: levels 0–4 (K3 = 130 ≤ 160 < K4 = 180)
    const members = [0, 1, 2, 4, 5].map((p) => member('myndighet', `M${p}`, uniform(p)));
    const g = group(buildBenchmark(catalog, members), 'typmyndighet');
    expect(g.spread!.levels).toEqual({ '0': 1, '1': 1, '2': 1, '3': 1, '4': 1 });
    expect(g.spread!.totalPoints).toEqual({ p10: 0, p50: 80, p90: 200 });
    // LS has five questions: 0, 5, 10, 20, 25 points
    expect(g.spread!.areas.LS).toEqual({ p10: 0, p50: 10, p90: 25 });
    expect(Object.keys(g.spread!.areas)).toEqual(catalog.areas.map((a) => a.id));
  });
});
