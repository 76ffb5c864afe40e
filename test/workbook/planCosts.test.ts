/**
 * Issue 13, costs: Handlingsplan's numeric "Kostnad (kr)" and "Tid (timmar)" are read back and
 * summed over the activities on the path to the next level; the sum reaches Nästa nivå,
 * Ledningssammanfattning and `score --json` (`actionPlan`), and the typed figures survive
 * recomputation.
 */
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { parseAmount, pathCost, pathCostLine, readPlanRows, svNumber } from '../../src/workbook/plan/planRows';
import type { Scalar, SheetGrid } from '../../src/workbook/plan/types';
import { cli, editSheetCells, exampleAnswers, tempDir } from '../helpers/workbook';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
/** toLocaleString('sv-SE') groups thousands with a no-break space. */
const plain = (s: unknown) => String(s).replace(/[\u00a0\u202f]/g, ' ');

describe('parseAmount: figures as people type them in a Swedish sheet', () => {
  test.each([
    [45000, 45000],
    ['450 000', 450000],
    ['450\u00a0000 kr', 450000],
    ['12,5', 12.5],
    ['1 200:-', 1200],
    ['40 timmar', 40],
    ['8 h', 8],
  ] as [Scalar, number][])('%p → %p', (typed, expected) => expect(parseAmount(typed)).toBe(expected));
  test.each([['ca 5000'], ['-300'], [''], [null], [true], [-5]] as [Scalar][])('%p is not an amount', (typed) => expect(parseAmount(typed)).toBeUndefined());
});

describe('svNumber: toLocaleString(\'sv-SE\', { maximumFractionDigits: 1 }) without loading ICU (issue 14)', () => {
  const icu = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  test('the same text as ICU, for the sums a path can have and the edges of rounding', () => {
    const values = [0, -0, NaN, Infinity, -Infinity, -1.5, 0.04999, 0.05, 0.95, 9.95, 999.95, 9999.95, 99999.95, 100.49999999999999, 1.45, 2.55, 1e-7, 1e15, 1e16, 1e21, 123456789012345680000];
    // A deterministic spread of integers, tenths, hundredths and arbitrary doubles.
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let i = 0; i < 20000; i++) {
      const r = next();
      values.push(Math.floor(r * 1e9), r * 1e4, Math.round(r * 1e5) / 100, Math.round(r * 1e4) / 10, r, Math.floor(r * 1e6) + 0.05, Math.floor(r * 1e6) + 0.95, r * 1e18);
    }
    const differ = values.filter((n) => svNumber(n) !== icu(n));
    expect(differ).toEqual([]);
  });
});

describe('readPlanRows: by header text, wherever the columns are', () => {
  // The user inserted a column "Egen kolumn" before Kostnad (kr) and swapped Tid and Kostnad.
  const sheet: SheetGrid = {
    name: 'Handlingsplan',
    values: [
      ['Handlingsplan för informationssäkerhet'],
      [],
      [],
      ['Id', 'Aktivitet (namn och kort beskrivning)', 'Årliga mål', 'Säkerhetsåtgärd / fråga', 'Prioritet', 'Kostnader och resurser', 'Egen kolumn', 'Tid (timmar)', 'Kostnad (kr)', 'Status', 'Beräknat läge (skrivs av verktyget)'],
      ['HP-F03', 'Riskanalys', 'Å1, Å2', 'F3', 1, 'Konsult', 'x', 40, 45000, 'Pågår', 'Behövs'],
      ['HP-F07', 'Utbildning', 'Å2', 'F7', 2, '', '', '12,5', '12 000 kr', '', 'Behövs'],
      [],
      [null, 'Egen rad utan id', '', '', null, '', '', null, 'ca 5000', '', null],
    ],
  };
  const read = readPlanRows(sheet)!;

  test('rows with an id or a name, goals split, figures parsed', () => {
    expect(read.hasCost && read.hasHours).toBe(true);
    expect(read.rows.map((r) => [r.row, r.id, r.goals, r.cost, r.hours])).toEqual([
      [5, 'HP-F03', ['Å1', 'Å2'], 45000, 40],
      [6, 'HP-F07', ['Å2'], 12000, 12.5],
      [8, '', [], undefined, undefined],
    ]);
  });

  test('a typed non-number is a located warning, not a silent zero', () => {
    expect(read.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'plan-bad-amount', sheet: 'Handlingsplan', cell: 'I8' })]);
  });

  test('a plan made before the columns existed says so', () => {
    const old: SheetGrid = { name: 'Handlingsplan', values: [['Id', 'Aktivitet', 'Kostnader och resurser', 'Beräknat läge'], ['HP-F03', 'x', '40 000 kr', 'Behövs']] };
    const r = readPlanRows(old)!;
    expect([r.hasCost, r.hasHours, r.rows[0].cost]).toEqual([false, false, undefined]);
  });

  test('the sum covers only the path: ids on the path, missing rows count as without cost', () => {
    const cost = pathCost(['HP-F03', 'HP-F07', 'HP-F09'], read);
    expect(cost).toEqual({ activities: 3, costToNext: 57000, hoursToNext: 52.5, activitiesWithoutCost: 1, activitiesWithoutHours: 1 });
    expect(plain(pathCostLine('nivå 3', cost))).toBe('Att nå nivå 3: 3 åtgärder, uppskattat 57 000 kr och 52,5 timmar; 1 aktivitet saknar kostnad');
  });

  test("the issue's own example reads as the issue words it", () => {
    const line = pathCostLine('nivå 3', { activities: 8, costToNext: 450000, hoursToNext: 620, activitiesWithoutCost: 3, activitiesWithoutHours: 3 });
    expect(plain(line)).toBe('Att nå nivå 3: 8 åtgärder, uppskattat 450 000 kr och 620 timmar; 3 aktiviteter saknar kostnad');
    expect(pathCostLine('nivå 3', { activities: 0, costToNext: 0, hoursToNext: 0, activitiesWithoutCost: 0, activitiesWithoutHours: 0 })).toBeUndefined();
  });
});

describe('end to end through the CLI: estimate the path in Handlingsplan, recompute five times', () => {
  const PLAN = 'Handlingsplan';
  let wb: string;
  let pathIds: string[];
  let typed: Record<string, Scalar>;
  let json: any;

  const letter = (i: number) => String.fromCharCode(65 + i);

  beforeAll(async () => {
    const answers = tmp.write('answers.json', JSON.stringify(exampleAnswers()));
    wb = tmp.path('costs.xlsx');
    expect((await cli('template', wb)).code).toBe(0);
    expect((await cli('fill', '--answers', answers, wb, '--in-place')).code).toBe(0);
    const first = await cli('score', wb, '--in-place', '--json');
    expect(first.code).toBe(0);
    const firstJson = JSON.parse(first.stdout.join('\n'));
    pathIds = firstJson.nextLevel.steps.map((s: { number: number }) => `HP-F${String(s.number).padStart(2, '0')}`);
    expect(pathIds.length).toBeGreaterThan(2);
    // A new plan: the path is there, nothing is estimated yet.
    expect(firstJson.actionPlan).toMatchObject({ costToNext: 0, hoursToNext: 0, activitiesWithoutCost: pathIds.length });

    const values = (await readXlsxGrid(new Uint8Array(tmp.read('costs.xlsx')), [PLAN])).sheets.get(PLAN)!.values;
    const header = values.findIndex((r) => r?.[0] === 'Id');
    const col = (text: string) => values[header]!.findIndex((h) => h === text);
    const cost = col('Kostnad (kr)');
    const hours = col('Tid (timmar)');
    expect(cost).toBeGreaterThan(col('Kostnader och resurser'));
    expect(hours).toBe(cost + 1);
    const rowOf = (id: string) => values.findIndex((r) => r?.[0] === id) + 1;
    // Every path activity but the last gets a cost; the first cost as text with "kr", as people type it.
    typed = {};
    pathIds.slice(0, -1).forEach((id, i) => {
      typed[`${letter(cost)}${rowOf(id)}`] = i === 0 ? '150 000 kr' : 100000;
      typed[`${letter(hours)}${rowOf(id)}`] = 200;
    });
    const edited = await editSheetCells(new Uint8Array(tmp.read('costs.xlsx')), PLAN, typed as never);
    tmp.write('costs.xlsx', edited);
    for (let i = 0; i < 5; i++) {
      const run = await cli('score', wb, '--in-place', '--json');
      expect(run.code).toBe(0);
      json = JSON.parse(run.stdout.join('\n'));
    }
  });

  test('score --json sums the path: actionPlan {costToNext, hoursToNext, activitiesWithoutCost}', () => {
    const n = pathIds.length - 1;
    expect(json.actionPlan).toMatchObject({ costToNext: 150000 + (n - 1) * 100000, hoursToNext: n * 200, activitiesWithoutCost: 1 });
  });

  test('the typed figures are still there, as typed, after five recomputations', async () => {
    const grid = (await readXlsxGrid(new Uint8Array(tmp.read('costs.xlsx')), [PLAN])).sheets.get(PLAN)!;
    for (const [ref, value] of Object.entries(typed)) {
      const m = /^([A-Z])(\d+)$/.exec(ref)!;
      expect([ref, grid.values[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65]]).toEqual([ref, value]);
    }
  });

  test('Nästa nivå and Ledningssammanfattning say what the path costs', async () => {
    const grid = await readXlsxGrid(new Uint8Array(tmp.read('costs.xlsx')), ['Nästa nivå', 'Ledningssammanfattning']);
    const texts = (sheet: string) => grid.sheets.get(sheet)!.values.flat().map(plain);
    const n = pathIds.length - 1;
    const total = (150000 + (n - 1) * 100000).toLocaleString('sv-SE').replace(/\u00a0/g, ' ');
    const line = `Att nå nivå ${json.nextLevel.level}: ${pathIds.length} åtgärder, uppskattat ${total} kr och ${(n * 200).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} timmar; 1 aktivitet saknar kostnad`;
    expect(texts('Nästa nivå')).toContain(line);
    expect(texts('Ledningssammanfattning')).toContain(line);
  });
});
