/**
 * A new Mål sheet (issue 13): what the plan writes, and the round trip through the real .xlsx
 * adapter — made, typed into by a user, read back by readGoals — checked by check-xlsx.
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { readGoals } from '../../../src/workbook/goals/read';
import { GOALS_SHEET, GOALS_TITLE, newBlockRows } from '../../../src/workbook/goals/layout';
import { newGoalsSheet } from '../../../src/workbook/plan/goalsSheet';
import type { CellInput, SheetOp, StyleOp, ValidationOp, ValuesOp, WritePlan } from '../../../src/workbook/plan/types';
import { checkerMissing, checkXlsx } from '../../adapters/xlsx/checkXlsx';
import { partText, sheetPart, zipOf } from '../../helpers/workbook';

const plan = newGoalsSheet('2026-03-01');
const ofKind = <K extends WritePlan[number]['kind']>(kind: K) => plan.filter((op) => op.kind === kind) as Extract<WritePlan[number], { kind: K }>[];

describe('newGoalsSheet', () => {
  it('makes an unprotected sheet, replaced only when the caller asks', () => {
    const [sheet] = ofKind('sheet') as SheetOp[];
    expect(sheet).toMatchObject({ kind: 'sheet', sheet: 'Mål', landscape: true, fitToWidth: true });
    expect(sheet.protect).toBeFalsy();
    expect(sheet.mode ?? 'replace').toBe('replace');
    expect(plan.every((op) => op.sheet === GOALS_SHEET)).toBe(true);
  });

  it('stacks three blocks, each a title, a header and rows with prefilled ids', () => {
    expect(newBlockRows()).toEqual({
      strategic: { title: 4, header: 5, first: 6, last: 10 },
      shortTerm: { title: 12, header: 13, first: 14, last: 23 },
      annual: { title: 25, header: 26, first: 27, last: 36 },
    });
    const values = ofKind('values') as ValuesOp[];
    const at = (cell: string): CellInput[][] | undefined => values.find((v) => v.at === cell)?.rows as CellInput[][] | undefined;
    expect(at('A1')?.[0][0]).toBe(GOALS_TITLE);
    expect(String(at('A1')?.[1][0])).toMatch(/MCF \(tidigare MSB\).*3–5 år.*1–2 år.*SMART.*handlingsplanen.*Allt du skriver här är ditt: verktyget skriver aldrig över bladet/);
    expect(at('A5')?.[0]).toEqual(['Id', 'Strategiskt mål', 'Typ (effektmål eller resultatmål)', 'Horisont (år)', 'Kommentar']);
    expect(at('A13')?.[0]).toEqual([
      'Id',
      'Kortsiktigt mål',
      'Indikator (hur målet mäts)',
      'Målvärde',
      'Ansvarig',
      'Klart senast (ÅÅÅÅ-MM-DD)',
      'Bidrar till strategiskt mål (id)',
      'Kommentar',
    ]);
    expect(at('A26')?.[0]).toEqual(['Id', 'Årligt mål', 'År', 'Bidrar till kortsiktigt mål (id)', 'Målnivå (t.ex. nivå 3 i Infosäkkollen 2027)', 'Kommentar']);
    expect(at('A6')?.map((r) => r[0])).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(at('A14')?.map((r) => r[0])).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']);
    expect(at('A27')?.map((r) => r[0])).toEqual(['Å1', 'Å2', 'Å3', 'Å4', 'Å5', 'Å6', 'Å7', 'Å8', 'Å9', 'Å10']);
    // The section prompt's example years follow the day the sheet is made.
    expect(at('A4')?.[0][2]).toMatch(/senast 2030/);
  });

  it('offers drop-downs: the type, and the ids of the block above', () => {
    const validations = ofKind('validation') as ValidationOp[];
    expect(validations.map((v) => ({ range: v.range, list: v.list, source: v.source, strict: v.strict }))).toEqual([
      { range: 'C6:C10', list: ['Effektmål', 'Resultatmål'], source: undefined, strict: false },
      { range: 'G14:G23', list: undefined, source: { sheet: 'Mål', range: 'A6:A10' }, strict: false },
      { range: 'D27:D36', list: undefined, source: { sheet: 'Mål', range: 'A14:A23' }, strict: false },
    ]);
    const styles = ofKind('style') as StyleOp[];
    expect(styles).toContainEqual(expect.objectContaining({ range: 'F14:F23', style: expect.objectContaining({ numberFormat: 'yyyy-mm-dd' }) }));
    expect(styles).toContainEqual(expect.objectContaining({ range: 'D6:D10', style: expect.objectContaining({ numberFormat: '0' }) }));
    expect(styles).toContainEqual(expect.objectContaining({ range: 'C27:C36', style: expect.objectContaining({ numberFormat: '0' }) }));
  });
});

describe('Mål through the .xlsx adapter', () => {
  /** What a user types on the new sheet: goals in each block and a row inserted-by-typing below K10. */
  const typed: WritePlan = [
    { kind: 'sheet', sheet: GOALS_SHEET, mode: 'update' },
    { kind: 'values', sheet: GOALS_SHEET, at: 'B6', rows: [['Systematiskt arbete enligt ISO 27001', 'Resultatmål', 2030, 'Beslutad i policyn']] },
    { kind: 'values', sheet: GOALS_SHEET, at: 'B14', rows: [['Alla system klassade', 'Andel klassade system', '100 %', 'CISO', { date: '2027-06-30' }, 'S1']] },
    { kind: 'values', sheet: GOALS_SHEET, at: 'B27', rows: [['Klassa verksamhetssystemen', 2026, 'K1', 'nivå 3 i Infosäkkollen 2027']] },
    { kind: 'values', sheet: GOALS_SHEET, at: 'B28', rows: [['Utbilda chefer', '2026', 'K1; K2']] },
  ];
  let made: Uint8Array;
  let filled: Uint8Array;
  beforeAll(async () => {
    made = await applyPlanToXlsx(null, plan);
    filled = await applyPlanToXlsx(made, typed);
  });

  it('reads back no goals from the new sheet, and the Id ranges where they were written', async () => {
    const grid = await readXlsxGrid(made, [GOALS_SHEET]);
    const read = readGoals(grid.sheets.get(GOALS_SHEET)!);
    expect(read).toEqual({ goals: { strategic: [], shortTerm: [], annual: [] }, idRanges: { strategic: 'A6:A10', shortTerm: 'A14:A23', annual: 'A27:A36' }, issues: [] });
  });

  it('reads back what the user typed, the date as a date', async () => {
    const grid = await readXlsxGrid(filled, [GOALS_SHEET]);
    const read = readGoals(grid.sheets.get(GOALS_SHEET)!);
    expect(read.issues).toEqual([]);
    expect(read.goals).toEqual({
      strategic: [{ id: 'S1', text: 'Systematiskt arbete enligt ISO 27001', kind: 'resultatmål', horizon: 2030, row: 6 }],
      shortTerm: [{ id: 'K1', text: 'Alla system klassade', indicator: 'Andel klassade system', targetValue: '100 %', responsible: 'CISO', date: '2027-06-30', serves: ['S1'], row: 14 }],
      annual: [
        { id: 'Å1', text: 'Klassa verksamhetssystemen', year: 2026, serves: ['K1'], targetLevel: 'nivå 3 i Infosäkkollen 2027', row: 27 },
        { id: 'Å2', text: 'Utbilda chefer', year: 2026, serves: ['K1', 'K2'], row: 28 },
      ],
    });
  });

  it('writes the id drop-downs as references to the blocks above, and the sheet unprotected', async () => {
    const zip = await zipOf(filled);
    const xml = (await partText(zip, await sheetPart(zip, GOALS_SHEET)))!;
    expect(xml).not.toMatch(/<sheetProtection/);
    const validations = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"[^>]*>[\s\S]*?<formula1>([^<]*)<\/formula1>/g)].map((m) => [m[1], m[2]]);
    expect(validations).toEqual(
      expect.arrayContaining([
        ['C6:C10', '"Effektmål,Resultatmål"'],
        ['G14:G23', "'Mål'!$A$6:$A$10"],
        ['D27:D36', "'Mål'!$A$14:$A$23"],
      ]),
    );
  });

  it('passes check-xlsx', () => {
    const missing = checkerMissing();
    if (missing) {
      console.warn(missing);
      return;
    }
    const checked = checkXlsx({ made, filled });
    expect(checked).toEqual({ status: 0, output: expect.stringContaining('0 violations') });
  });
});
