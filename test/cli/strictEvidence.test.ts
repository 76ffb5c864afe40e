/**
 * Issue 13 through the command line: `infosak score … --strict-evidence` counts säker answers
 * without underlag as osäker, for an answers file and for a workbook, and says how many it
 * affected; without the flag a workbook follows its own setting on Start, which the flag never writes.
 */
import { findCatalog } from '../../src/core/catalog/registry';
import { EVIDENCE_LABEL } from '../../src/workbook/layout';
import { answersFromPoints, uniform } from '../helpers/answers';
import { CATALOG_ID } from '../helpers/spec';
import { cli, editSheetCells, getCell, gridOfBytes, questionnaireBytes, tempDir } from '../helpers/workbook';

const catalog = findCatalog(CATALOG_ID)!;
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Full marks, all säker with underlag except Q1–Q3 (säker, no underlag): level 4 off, level 3 on. */
function threeWithoutEvidence() {
  const set = answersFromPoints(catalog, uniform(5));
  for (const q of [1, 2, 3]) delete set.answers[String(q)].evidence;
  return set;
}

const ON = 'Säker kräver underlag: på – 3 svar räknas som osäkra (F1, F2, F3)';
const OFF = 'Säker kräver underlag: av (3 säkra svar saknar underlag: F1, F2, F3)';

describe('score --answers', () => {
  const file = () => tmp.write('three.json', JSON.stringify(threeWithoutEvidence()));

  it('--json: the evidence field, off by default; the flag turns it on and the level falls', async () => {
    const off = await cli('score', '--answers', file(), '--json');
    const on = await cli('score', '--answers', file(), '--json', '--strict-evidence');
    expect([off.code, on.code]).toEqual([0, 0]);
    const a = JSON.parse(off.stdout[0]);
    const b = JSON.parse(on.stdout[0]);
    expect(a.evidence).toEqual({ strictEvidence: false, affected: 3, questions: [1, 2, 3] });
    expect(b.evidence).toEqual({ strictEvidence: true, affected: 3, questions: [1, 2, 3] });
    expect([a.level, a.uncertain]).toEqual([4, 0]);
    expect([b.level, b.uncertain]).toEqual([3, 3]);
    expect(b.questions.slice(0, 4).map((q: { certainty: string }) => q.certainty)).toEqual(['osäker', 'osäker', 'osäker', 'säker']);
    // The existing fields are all still there, and the warnings do not depend on the flag.
    expect(Object.keys(b).filter((k) => k !== 'evidence')).toEqual(Object.keys(a).filter((k) => k !== 'evidence'));
    expect(b.warnings).toEqual(a.warnings);
    expect(b.warnings.map((w: { code: string }) => w.code)).toEqual(['certain-without-evidence', 'certain-without-evidence', 'certain-without-evidence']);
  });

  it('the summary says how many answers the option affected (or would)', async () => {
    const off = await cli('score', '--answers', file());
    const on = await cli('score', '--answers', file(), '--strict-evidence');
    expect(on.stdout[0]).toContain(ON);
    expect(on.stdout[0]).toMatch(/^Nivå 3/);
    expect(off.stdout[0]).toContain(OFF);
    expect(off.stdout[0]).toMatch(/^Nivå 4/);
  });

  it('says nothing about it when off and every säker answer has underlag; on, that nothing was affected', async () => {
    const all = tmp.write('all.json', JSON.stringify(answersFromPoints(catalog, uniform(5))));
    expect((await cli('score', '--answers', all)).stdout[0]).not.toContain('Säker kräver underlag');
    expect((await cli('score', '--answers', all, '--strict-evidence')).stdout[0]).toContain('Säker kräver underlag: på – inga svar påverkas');
    expect(JSON.parse((await cli('score', '--answers', all, '--json')).stdout[0]).evidence).toEqual({ strictEvidence: false, affected: 0, questions: [] });
  });

  it('with a target too', async () => {
    const r = await cli('score', '--answers', file(), '--target', 'nivå 4', '--json', '--strict-evidence');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout[0]);
    expect([json.level, json.evidence]).toEqual([3, { strictEvidence: true, affected: 3, questions: [1, 2, 3] }]);
  });
});

describe('score <workbook.xlsx>', () => {
  let input: string;
  let settingRow: number;
  beforeAll(async () => {
    const bytes = await questionnaireBytes(threeWithoutEvidence());
    settingRow = (await gridOfBytes(bytes)).sheets.get('Start')!.values.findIndex((r) => r[0] === EVIDENCE_LABEL) + 1;
    input = tmp.write('three.xlsx', bytes);
  });

  it('--strict-evidence computes with the option on, and writes Resultat, but not the setting', async () => {
    const out = tmp.path('three-strict.xlsx');
    const r = await cli('score', input, '-o', out, '--json', '--strict-evidence');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout[0]);
    expect([json.level, json.evidence]).toEqual([3, { strictEvidence: true, affected: 3, questions: [1, 2, 3] }]);
    const grid = await gridOfBytes(tmp.read('three-strict.xlsx'), ['Start', 'Resultat']);
    expect(getCell(grid, 'Start', `B${settingRow}`)).toBe('Nej');
    const line = grid.sheets.get('Resultat')!.values.find((row) => row[0] === 'Säker kräver underlag');
    expect(line?.[1]).toBe('På – 3 svar räknas som osäkra (F1, F2, F3)');
  });

  it('without the flag, the workbook says: Nej, then Ja', async () => {
    const off = await cli('score', input, '--json');
    expect(JSON.parse(off.stdout[0]).evidence).toEqual({ strictEvidence: false, affected: 3, questions: [1, 2, 3] });
    const on = tmp.write('three-ja.xlsx', await editSheetCells(tmp.read('three.xlsx'), 'Start', { [`B${settingRow}`]: 'Ja' }));
    const r = await cli('score', on);
    expect(r.code).toBe(0);
    expect(r.stdout[0]).toContain(ON);
    expect(r.stdout[0]).toMatch(/^Nivå 3/);
  });

  it('a value that is neither Ja nor Nej: off, with a warning naming the cell', async () => {
    const odd = tmp.write('three-odd.xlsx', await editSheetCells(tmp.read('three.xlsx'), 'Start', { [`B${settingRow}`]: 'Kanske' }));
    const r = await cli('score', odd, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout[0]);
    expect(json.evidence.strictEvidence).toBe(false);
    expect(json.warnings).toContainEqual(expect.objectContaining({ code: 'bad-evidence-setting', sheet: 'Start', cell: `B${settingRow}` }));
  });
});

it('--help names the flag', async () => {
  const r = await cli('--help');
  expect(r.stdout[0]).toContain('--strict-evidence');
});
