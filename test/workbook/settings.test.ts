/**
 * Issue 13, "Säker kräver underlag": the option on Start (a Ja/Nej drop-down, off by default),
 * read wherever its row is, written by the pane's switch, and applied when the workbook is computed.
 */
import { describeIssue } from '../../src/i18n';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { computeFromWorkbookWithTarget } from '../../src/workbook/computeTarget';
import { EVIDENCE_LABEL } from '../../src/workbook/layout';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { Scalar, StyleOp, ValidationOp, ValuesOp, WorkbookGrid } from '../../src/workbook/plan/types';
import { evidenceSettingPlan, readEvidenceSetting } from '../../src/workbook/settings';
import { answersFromPoints, uniform } from '../helpers/answers';
import { getCell, gridOfBytes, questionnaireBytes, realCatalog, setCell, type EditableGrid } from '../helpers/workbook';

const catalog = realCatalog();
const TODAY = '2026-01-15';

/** Full marks, all säker with underlag except Q1–Q3 (säker, no underlag): level 4 off, level 3 on. */
function threeWithoutEvidence() {
  const set = answersFromPoints(catalog, uniform(5));
  for (const q of [1, 2, 3]) delete set.answers[String(q)].evidence;
  return set;
}

let blank: Uint8Array;
let filled: Uint8Array;
beforeAll(async () => {
  blank = await questionnaireBytes();
  filled = await questionnaireBytes(threeWithoutEvidence());
});

const settingRow = (grid: WorkbookGrid): number => grid.sheets.get('Start')!.values.findIndex((r) => r?.[0] === EVIDENCE_LABEL) + 1;

describe('the option on Start of a new questionnaire', () => {
  const plan = questionnairePlan(catalog);
  const start = plan.filter((op) => op.sheet === 'Start');

  it('is a labelled row with Nej, a strict Ja/Nej drop-down, unlocked, and a help text below', async () => {
    const grid = await gridOfBytes(blank);
    const row = settingRow(grid);
    expect(row).toBeGreaterThan(0);
    expect(getCell(grid, 'Start', `B${row}`)).toBe('Nej');
    expect(String(getCell(grid, 'Start', `B${row + 1}`))).toMatch(/^Ja: en fråga som bedömts som Säker men saknar underlag/);
    const validation = start.find((op): op is ValidationOp => op.kind === 'validation' && op.range === `B${row}`);
    expect(validation).toMatchObject({ list: ['Ja', 'Nej'], strict: true });
    const unlocked = start.filter((op): op is StyleOp => op.kind === 'style' && op.style.locked === false).map((op) => op.range);
    expect(unlocked).toEqual([`B${row}`]);
    // Below the catalog id, which stays where it was.
    expect(getCell(grid, 'Start', 'A23')).toBe('Katalog-id');
    expect(row).toBeGreaterThan(25);
  });

  it('reads as off, with no issue', async () => {
    const grid = await gridOfBytes(blank);
    expect(readEvidenceSetting(grid)).toEqual({ strict: false, row: settingRow(grid), issues: [] });
  });

  it('the Start op stays one values op from A1 (the merges of running text do not reach it)', () => {
    const values = start.filter((op): op is ValuesOp => op.kind === 'values');
    expect(values).toHaveLength(1);
    expect(values[0].rows.find((r) => r[0] === EVIDENCE_LABEL)).toEqual([EVIDENCE_LABEL, 'Nej']);
  });
});

describe('readEvidenceSetting', () => {
  let grid: EditableGrid;
  let row: number;
  beforeEach(async () => {
    grid = await gridOfBytes(blank);
    row = settingRow(grid);
  });
  const withValue = (value: Scalar) => {
    setCell(grid, 'Start', `B${row}`, value);
    return readEvidenceSetting(grid);
  };

  it.each<[Scalar]>([['Ja'], ['ja'], ['  JA '], [true]])('%j is on', (value) => {
    expect(withValue(value)).toEqual({ strict: true, row, issues: [] });
  });

  it.each<[Scalar]>([['Nej'], ['nej'], [''], ['   '], [null], [false]])('%j is off, without a warning', (value) => {
    expect(withValue(value)).toEqual({ strict: false, row, issues: [] });
  });

  it.each<[Scalar, string]>([
    ['Kanske', 'Kanske'],
    ['x', 'x'],
    [1, '1'],
  ])('%j is off, with a warning naming Start!B<row>', (value, said) => {
    const got = withValue(value);
    expect(got.strict).toBe(false);
    expect(got.issues).toEqual([{ severity: 'warning', code: 'bad-evidence-setting', sheet: 'Start', cell: `B${row}`, params: { value: said } }]);
    expect(describeIssue(got.issues[0])).toBe(`Start!B${row}: Fel värde "${said}" för Säker kräver underlag: välj Ja eller Nej. Inställningen räknas som Nej tills dess.`);
    expect(describeIssue(got.issues[0], 'en')).toContain(`Start!B${row}: Invalid value "${said}"`);
  });

  it('finds the label in any row, trimmed and in any case', () => {
    setCell(grid, 'Start', `A${row}`, null);
    setCell(grid, 'Start', `B${row}`, null);
    setCell(grid, 'Start', 'A40', '  säker KRÄVER underlag ');
    setCell(grid, 'Start', 'B40', 'Ja');
    expect(readEvidenceSetting(grid)).toEqual({ strict: true, row: 40, issues: [] });
  });

  it('is off in a workbook made before the option (no row), and without Start', () => {
    setCell(grid, 'Start', `A${row}`, null);
    setCell(grid, 'Start', `B${row}`, 'Ja');
    expect(readEvidenceSetting(grid)).toEqual({ strict: false, issues: [] });
    expect(readEvidenceSetting({ sheetNames: [], sheets: new Map() })).toEqual({ strict: false, issues: [] });
  });
});

describe('evidenceSettingPlan (the pane switch)', () => {
  it('updates only the value cell where the row is', async () => {
    const grid = await gridOfBytes(blank);
    const row = settingRow(grid);
    expect(evidenceSettingPlan(grid, true)).toEqual([
      { kind: 'sheet', sheet: 'Start', mode: 'update' },
      { kind: 'values', sheet: 'Start', at: `B${row}`, rows: [['Ja']] },
    ]);
    expect(evidenceSettingPlan(grid, false)[1]).toMatchObject({ at: `B${row}`, rows: [['Nej']] });
  });

  it('on an older workbook, writes label and value in the first empty row below everything in A:B', async () => {
    const grid = await gridOfBytes(blank);
    const row = settingRow(grid);
    // As before issue 13: the rows end with Källa (row 25); a note of the user's further down in B.
    setCell(grid, 'Start', `A${row}`, null);
    setCell(grid, 'Start', `B${row}`, null);
    setCell(grid, 'Start', `B${row + 1}`, null);
    setCell(grid, 'Start', 'B30', 'Min anteckning');
    setCell(grid, 'Start', 'H40', 'långt till höger');
    const plan = evidenceSettingPlan(grid, true);
    expect(plan[0]).toEqual({ kind: 'sheet', sheet: 'Start', mode: 'update' });
    expect(plan.slice(1).map((op) => op.kind === 'values' && [op.at, op.rows, op.style?.locked])).toEqual([
      ['A31', [[EVIDENCE_LABEL]], undefined],
      ['B31', [['Ja']], false],
    ]);
  });
});

describe('computing with the option', () => {
  const resultLine = (plan: readonly { kind: string }[]) => {
    const op = plan.find((o): o is ValuesOp => o.kind === 'values' && (o as ValuesOp).sheet === 'Resultat' && (o as ValuesOp).at === 'A1')!;
    return op.rows.find((r) => r[0] === 'Säker kräver underlag')?.[1];
  };

  it('off (Nej): the level stands; Resultat says how many säkra svar lack underlag', async () => {
    const grid = await gridOfBytes(filled);
    const out = computeFromWorkbook(grid, TODAY);
    if (out.kind !== 'computed') throw new Error(out.kind);
    expect(out.result.level).toBe(4);
    expect(out.evidence).toEqual({ strict: false, affected: [1, 2, 3] });
    expect(resultLine(out.plan)).toBe('Av (3 säkra svar saknar underlag: F1, F2, F3)');
    expect(out.issues.filter((i) => i.code === 'certain-without-evidence')).toHaveLength(3);
  });

  it('on (Ja): the three count as osäker and the level falls to 3; the warnings stay', async () => {
    const grid = await gridOfBytes(filled);
    setCell(grid, 'Start', `B${settingRow(grid)}`, 'Ja');
    const out = computeFromWorkbook(grid, TODAY);
    if (out.kind !== 'computed') throw new Error(out.kind);
    expect(out.result.level).toBe(3);
    expect(out.result.uncertainCount).toBe(3);
    expect(out.evidence).toEqual({ strict: true, affected: [1, 2, 3] });
    expect(resultLine(out.plan)).toBe('På – 3 svar räknas som osäkra (F1, F2, F3)');
    expect(out.issues.filter((i) => i.code === 'certain-without-evidence')).toHaveLength(3);
    // The answers handed on (history, export) are the user's, unchanged.
    expect(out.answers.answers['1'].certainty).toBe('säker');
  });

  it('the caller decides over the workbook (the CLI flag forces it on)', async () => {
    const grid = await gridOfBytes(filled);
    const on = computeFromWorkbook(grid, TODAY, undefined, { strictEvidence: true });
    if (on.kind !== 'computed') throw new Error(on.kind);
    expect([on.result.level, on.evidence.strict]).toEqual([3, true]);
  });

  it('a bad value computes as off and the warning is among the issues', async () => {
    const grid = await gridOfBytes(filled);
    const row = settingRow(grid);
    setCell(grid, 'Start', `B${row}`, 'Kanske');
    const out = computeFromWorkbook(grid, TODAY);
    if (out.kind !== 'computed') throw new Error(out.kind);
    expect(out.result.level).toBe(4);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'bad-evidence-setting', sheet: 'Start', cell: `B${row}` }));
  });

  it('a chosen target is computed with the same rule', async () => {
    const grid = await gridOfBytes(filled);
    setCell(grid, 'Start', `B${settingRow(grid)}`, 'Ja');
    const out = computeFromWorkbookWithTarget(grid, TODAY, { spec: { kind: 'level', level: 4 }, text: 'nivå 4', label: 'nivå 4' });
    if (out.kind !== 'computed') throw new Error(out.kind);
    expect([out.result.level, out.evidence.strict, out.target?.kind]).toEqual([3, true, 'level']);
  });

  it('nothing to say: no line on Resultat when off and every säker answer has underlag', async () => {
    const grid = await gridOfBytes(await questionnaireBytes(answersFromPoints(catalog, uniform(5))));
    const out = computeFromWorkbook(grid, TODAY);
    if (out.kind !== 'computed') throw new Error(out.kind);
    expect(out.evidence).toEqual({ strict: false, affected: [] });
    expect(resultLine(out.plan)).toBeUndefined();
  });

  it('on with nothing affected: said, and nothing changes', async () => {
    const grid = await gridOfBytes(await questionnaireBytes(answersFromPoints(catalog, uniform(5))));
    setCell(grid, 'Start', `B${settingRow(grid)}`, 'Ja');
    const out = computeFromWorkbook(grid, TODAY);
    if (out.kind !== 'computed') throw new Error(out.kind);
    expect(out.result.level).toBe(4);
    expect(resultLine(out.plan)).toBe('På – inga svar påverkas (alla säkra svar har underlag)');
  });
});
