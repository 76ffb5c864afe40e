/**
 * Issue 12, "Done when": every input error of ITSAK.md §6 a workbook can hold is located to sheet
 * and cell, and the statement counts as unanswered. Grids come from the workbook the tool writes,
 * changed the way a person would change the sheet.
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { scoreStammer } from '../../../src/core/stammer/score';
import { describeIssue } from '../../../src/i18n';
import { computeFromWorkbook } from '../../../src/workbook/compute';
import { allInputSheets, readAnyWorkbook } from '../../../src/workbook/models';
import type { WorkbookGrid } from '../../../src/workbook/plan/types';
import type { LocatedIssue } from '../../../src/workbook/read';
import { stammerQuestionnairePlan } from '../../../src/workbook/stammer/questionnaire';
import { CATALOG_MODELS } from '../../../src/core/catalog/models';
import { all, itsak, itsakAnswers } from '../../helpers/itsak';
import { editableGrid, rowOf, setCell, type EditableGrid } from '../../helpers/workbook';

const catalog = itsak();
const FS = 'FS Förutsättningar';
const CTX = 'Bakgrundsfrågor';
let pristine: WorkbookGrid;
beforeAll(async () => {
  pristine = await readXlsxGrid(await applyPlanToXlsx(null, stammerQuestionnairePlan(catalog, itsakAnswers({}, 3, { K1: { selected: ['b'] } }))), allInputSheets());
});
const fresh = (): EditableGrid => editableGrid(pristine);

function read(grid: WorkbookGrid) {
  const r = readAnyWorkbook(grid);
  if (r.kind !== 'questionnaire' || r.model !== 'stammer-mean-v1') throw new Error(`read as ${r.kind}: ${JSON.stringify(r)}`);
  return r;
}
const errors = (issues: readonly LocatedIssue[]) => issues.filter((i) => i.severity === 'error');

describe('located input errors', () => {
  it('multiple-steps: every ticked cell is named, the statement counts as unanswered (E7)', () => {
    const g = fresh();
    const row = rowOf(g, FS, 'S01');
    setCell(g, FS, `D${row}`, 'x');
    setCell(g, FS, `E${row}`, '');
    setCell(g, FS, `F${row}`, 'X');
    const r = read(g);
    expect(errors(r.issues)).toEqual([
      {
        severity: 'error',
        code: 'multiple-steps',
        statement: 'S01',
        option: 's4',
        sheet: FS,
        cell: `D${row}`,
        params: { options: `Stämmer knappt (D${row}), Stämmer helt (F${row})`, cells: `D${row}, F${row}` },
      },
    ]);
    expect(describeIssue(errors(r.issues)[0])).toBe(`${FS}!D${row}: S01: flera steg är ikryssade (Stämmer knappt (D${row}), Stämmer helt (F${row})) – kryssa bara ett. Påståendet räknas som obesvarat.`);
    const result = scoreStammer(catalog, r.answers);
    expect([result.valueHundredths, result.answered, result.statements[0].state]).toEqual([300, 40, 'error']);
  });

  it('unknown-option: a tick cell the tick rule does not accept names its cell; the other cells are not guessed', () => {
    const g = fresh();
    const row = rowOf(g, 'KR Kryptering', 'S19');
    setCell(g, 'KR Kryptering', `C${row}`, 'kanske');
    const r = read(g);
    expect(errors(r.issues)).toEqual([
      { severity: 'error', code: 'unknown-option', sheet: 'KR Kryptering', cell: `C${row}`, statement: 'S19', option: 's1', params: { value: 'kanske', valid: 'x (ja, 1 och ✓ godtas också) eller tomt' } },
    ]);
    expect(r.answers.answers.S19).toBeUndefined();
    expect(describeIssue(errors(r.issues)[0])).toMatch(/^KR Kryptering!C\d+: S19: "kanske" är inget giltigt svar/);
  });

  it('multiple-options: two K1 options ticked name both cells on Bakgrundsfrågor; K1 is shown as an error', () => {
    const g = fresh();
    const a = rowOf(g, CTX, 'K1.a');
    const d = rowOf(g, CTX, 'K1.d');
    setCell(g, CTX, `C${a}`, 'ja');
    setCell(g, CTX, `C${d}`, '✓');
    const r = read(g);
    const e = errors(r.issues);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ code: 'multiple-options', statement: 'K1', sheet: CTX, cell: `C${a}`, params: { cells: `C${a}, C${a + 1}, C${d}` } });
    expect(scoreStammer(catalog, r.answers).context).toEqual([{ id: 'K1', selected: null, state: 'error' }]);
  });

  it('ticks typed as X, ja, 1, TRUE and ✓ all count', () => {
    const g = fresh();
    const marks = ['X', 'ja', 1, true, '✓'];
    ['S07', 'S08', 'S09', 'S10', 'S11'].forEach((id, i) => {
      const row = rowOf(g, 'NS Nätverk och system', id);
      setCell(g, 'NS Nätverk och system', `E${row}`, null);
      setCell(g, 'NS Nätverk och system', `C${row}`, marks[i]);
    });
    const r = read(g);
    expect(errors(r.issues)).toEqual([]);
    expect(['S07', 'S08', 'S09', 'S10', 'S11'].map((id) => r.answers.answers[id].selected)).toEqual(new Array(5).fill(['s1']));
  });

  it('a formula without a calculated value is an error naming its cell, never "unticked"', () => {
    const g = fresh() as EditableGrid & { formulas?: unknown };
    const sheet = g.sheets.get(FS)! as { name: string; values: (string | number | boolean | null)[][]; formulas?: (string | null)[][] };
    const row = rowOf(g, FS, 'S02');
    sheet.values[row - 1][4] = null;
    sheet.formulas = [];
    sheet.formulas[row - 1] = [null, null, null, null, 'IF(TRUE,"x","")'];
    const r = read(g);
    expect(errors(r.issues)).toEqual([{ severity: 'error', code: 'formula-without-value', sheet: FS, cell: `E${row}`, statement: 'S02', option: 's3' }]);
    expect(r.answers.answers.S02).toBeUndefined();
  });
});

describe('rows and columns are found by id and header text', () => {
  it('an inserted column and a row moved to the end are followed', () => {
    const g = fresh();
    const sheet = g.sheets.get(FS)!;
    for (const row of sheet.values) row.splice(2, 0, 'min egen anteckning');
    const s01 = rowOf(g, FS, 'S01');
    const moved = sheet.values.splice(s01 - 1, 1)[0];
    sheet.values.push([], moved);
    const r = read(g);
    expect(errors(r.issues)).toEqual([]);
    expect(r.answers.answers).toEqual(read(fresh()).answers.answers);
  });

  it('a header it cannot recognise stops reading with the sheet and cell named', () => {
    const g = fresh();
    g.sheets.get('SU Utrustning och utrymmen')!.values[3][4] = 'Ganska';
    const r = readAnyWorkbook(g);
    expect(r).toEqual({
      kind: 'foreign',
      issue: { severity: 'error', code: 'layout-unrecognised', sheet: 'SU Utrustning och utrymmen', cell: 'A4', params: { sheet: 'SU Utrustning och utrymmen', headers: 'Id, Stämmer inte, Stämmer knappt, Stämmer väl, Stämmer helt' } },
    });
    expect(computeFromWorkbook(g, '2026-12-01', CATALOG_MODELS)).toMatchObject({ kind: 'refused', issue: { code: 'layout-unrecognised' } });
  });

  it('a missing area sheet, a missing, repeated or unknown row are errors naming sheet and cell', () => {
    const g = fresh();
    g.sheets.delete('LO Loggning');
    g.sheetNames.splice(g.sheetNames.indexOf('LO Loggning'), 1);
    const fs = g.sheets.get(FS)!;
    const s01 = rowOf(g, FS, 'S01');
    fs.values[s01 - 1][0] = 'S99';
    const s02 = rowOf(g, FS, 'S02');
    g.sheets.get('NS Nätverk och system')!.values.push([], ['S02', 'kopia']);
    const r = read(g);
    expect(errors(r.issues).map((i) => [i.code, i.sheet, i.cell ?? null, i.statement ?? null])).toEqual([
      ['missing-sheet', 'LO Loggning', null, null],
      ['unknown-row', FS, `A${s01}`, null],
      ['duplicate-row', 'NS Nätverk och system', `A${g.sheets.get('NS Nätverk och system')!.values.length}`, 'S02'],
      ['missing-row', FS, null, 'S01'],
    ]);
    expect(s02).toBeGreaterThan(s01);
    // Statements on the missing sheet count as unanswered; the rest is scored.
    const result = scoreStammer(catalog, r.answers);
    expect(result.areas.find((a) => a.id === 'LO')!.valueHundredths).toBeNull();
  });

  it('a workbook of this catalog is refused, one clear line, by code written for Infosäkkollen only', () => {
    const out = computeFromWorkbook(fresh(), '2026-12-01');
    expect(out).toMatchObject({ kind: 'refused', issue: { code: 'catalog-model-unsupported', params: { catalog: catalog.id } } });
    if (out.kind === 'refused') expect(describeIssue(out.issue)).toMatch(/stöds inte här ännu/);
    expect(scoreStammer(catalog, all(3)).valueHundredths).toBe(300);
  });
});
