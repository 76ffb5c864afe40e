/**
 * Issue 3, "Done when": recomputing keeps what the user typed in Handlingsplan. User columns are
 * kept per activity id, activities no longer needed are marked fulfilled, user rows are kept,
 * new activities are appended. Tested end to end on the .xlsx (XML edited as Excel would save
 * it) and directly on mergeActionPlan / computeFromWorkbook with a grid.
 */
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { suggestActivities } from '../../src/core/plans/activities';
import { score } from '../../src/core/scoring/score';
import { computeFromWorkbook, computeResult } from '../../src/workbook/compute';
import { PLAN_COLUMNS, PLAN_HEADER_ROW } from '../../src/workbook/layout';
import { mergeActionPlan } from '../../src/workbook/plan/actionPlan';
import type { CellInput, Scalar, SheetGrid, ValuesOp } from '../../src/workbook/plan/types';
import {
  cli,
  dateSerial,
  editSheetCells,
  exampleAnswers,
  gridOfBytes,
  partText,
  questionnaireBytes,
  realCatalog,
  sheetPart,
  tempDir,
  zipOf,
} from '../helpers/workbook';

const catalog = realCatalog();
const PLAN = 'Handlingsplan';
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Column letters of the MODEL.md columns, found from the header row (not from src constants). */
function columnsOf(header: readonly Scalar[]): Record<string, number> {
  const find = (prefix: string) => {
    const i = header.findIndex((h) => typeof h === 'string' && h.startsWith(prefix));
    if (i < 0) throw new Error(`no column ${prefix}`);
    return i;
  };
  return {
    id: find('Id'),
    activity: find('Aktivitet'),
    goals: find('Årliga mål'),
    measure: find('Säkerhetsåtgärd'),
    priority: find('Prioritet'),
    cost: find('Kostnader'),
    owner: find('Ansvarig'),
    start: find('Startdatum'),
    end: find('Slutdatum'),
    deps: find('Beroenden'),
    status: find('Status'),
    computed: find('Beräknat läge'),
  };
}
const letter = (i: number) => String.fromCharCode(65 + i);

/** Q35 (priority 1 in the example, 1 p) raised to 5 p; Q6 (5 p) lowered to 2 p so a new activity appears. */
function changedAnswers(): AnswerSet {
  const set = exampleAnswers();
  set.answers['35'] = { ...set.answers['35'], selected: ['a', 'b', 'c', 'd', 'e'] };
  set.answers['6'] = { ...set.answers['6'], selected: ['a', 'b'] };
  return set;
}

test('fixture: HP-F35 is needed before the change, not after; HP-F06 only after', () => {
  const before = suggestActivities(catalog, score(catalog, exampleAnswers())).map((a) => a.id);
  const after = suggestActivities(catalog, score(catalog, changedAnswers())).map((a) => a.id);
  expect(before).toContain('HP-F35');
  expect(before).not.toContain('HP-F06');
  expect(after).not.toContain('HP-F35');
  expect(after).toContain('HP-F06');
});

describe('end to end on the .xlsx: score, user edits Handlingsplan, answers change, score again', () => {
  const USER = {
    activity: 'Riskanalys för ekonomisystemet (vår egen formulering)',
    owner: 'Kim Andersson',
    start: '2026-02-01',
    end: '2026-06-30',
    status: 'Pågår',
    cost: '40 timmar',
    goals: 'Alla system riskbedömda 2026',
    deps: 'HP-F10',
  };
  const USER_ROW = { activity: 'Egen rad: utbilda nämnden', owner: 'Sam Lind', status: 'Ej påbörjad', note: 'fri text i Beroenden' };
  let before: Scalar[][];
  let after: Scalar[][];
  let col: Record<string, number>;
  let rowBefore: number;
  let userRowNumber: number;

  beforeAll(async () => {
    const answers = tmp.write('plan-answers.json', JSON.stringify(exampleAnswers()));
    const changed = tmp.write('plan-answers-changed.json', JSON.stringify(changedAnswers()));
    const wb = tmp.path('plan.xlsx');
    expect((await cli('template', wb)).code).toBe(0);
    expect((await cli('fill', '--answers', answers, wb, '--in-place')).code).toBe(0);
    expect((await cli('score', wb, '-o', tmp.path('plan-a.xlsx'))).code).toBe(0);

    const a = new Uint8Array(tmp.read('plan-a.xlsx'));
    before = (await readXlsxGrid(a, [PLAN])).sheets.get(PLAN)!.values.map((r) => [...r]);
    col = columnsOf(before[PLAN_HEADER_ROW - 1]);
    rowBefore = before.findIndex((r) => r[col.id] === 'HP-F35') + 1;
    expect(rowBefore).toBeGreaterThan(PLAN_HEADER_ROW);
    userRowNumber = before.length + 2; // one blank row, then the user's own row
    const edited = await editSheetCells(a, PLAN, {
      [`${letter(col.activity)}${rowBefore}`]: USER.activity,
      [`${letter(col.owner)}${rowBefore}`]: USER.owner,
      [`${letter(col.start)}${rowBefore}`]: { serial: dateSerial(USER.start) },
      [`${letter(col.end)}${rowBefore}`]: { serial: dateSerial(USER.end) },
      [`${letter(col.status)}${rowBefore}`]: USER.status,
      [`${letter(col.cost)}${rowBefore}`]: USER.cost,
      [`${letter(col.goals)}${rowBefore}`]: USER.goals,
      [`${letter(col.deps)}${rowBefore}`]: USER.deps,
      [`${letter(col.activity)}${userRowNumber}`]: USER_ROW.activity,
      [`${letter(col.owner)}${userRowNumber}`]: USER_ROW.owner,
      [`${letter(col.status)}${userRowNumber}`]: USER_ROW.status,
      [`${letter(col.deps)}${userRowNumber}`]: USER_ROW.note,
    });
    tmp.write('plan-edited.xlsx', edited);
    // The edit reads back as typed (fixture check).
    const check = (await readXlsxGrid(edited, [PLAN])).sheets.get(PLAN)!.values;
    expect(check[rowBefore - 1][col.start]).toBe(USER.start);
    expect(check[userRowNumber - 1][col.activity]).toBe(USER_ROW.activity);

    const edPath = tmp.path('plan-edited.xlsx');
    expect((await cli('fill', '--answers', changed, edPath, '--in-place')).code).toBe(0);
    expect((await cli('score', edPath, '-o', tmp.path('plan-b.xlsx'))).code).toBe(0);
    after = (await readXlsxGrid(new Uint8Array(tmp.read('plan-b.xlsx')), [PLAN])).sheets.get(PLAN)!.values.map((r) => [...r]);
  });

  const rowById = (grid: Scalar[][], id: string) => grid.findIndex((r) => r[col.id] === id) + 1;

  test('the header has the MODEL.md columns', () => {
    expect(Object.keys(col)).toHaveLength(12);
  });

  test('the edited activity row is still there, in the same row', () => {
    expect(rowById(after, 'HP-F35')).toBe(rowBefore);
  });

  test('every value the user typed in the activity row is kept', () => {
    const r = after[rowBefore - 1];
    expect(r[col.activity]).toBe(USER.activity);
    expect(r[col.owner]).toBe(USER.owner);
    expect(r[col.start]).toBe(USER.start);
    expect(r[col.end]).toBe(USER.end);
    expect(r[col.status]).toBe(USER.status);
    expect(r[col.cost]).toBe(USER.cost);
    expect(r[col.goals]).toBe(USER.goals);
    expect(r[col.deps]).toBe(USER.deps);
  });

  test('the activity that is no longer needed is marked fulfilled in "Beräknat läge"', () => {
    expect(String(after[rowBefore - 1][col.computed])).toMatch(/^Uppfyllt/);
    expect(String(before[rowBefore - 1][col.computed])).toMatch(/^Behövs/);
  });

  test('the user row without id is kept, in its place, with everything typed in it', () => {
    const same = after.find((x) => x[col.activity] === USER_ROW.activity);
    expect(same).toBeDefined();
    expect(same![col.owner]).toBe(USER_ROW.owner);
    expect(same![col.status]).toBe(USER_ROW.status);
    expect(same![col.deps]).toBe(USER_ROW.note);
    expect(same![col.id] ?? null).toBeNull();
    expect(same![col.computed] ?? null).toBeNull();
    // Rows keep their order: the user's row comes after every row that was there before it.
    const userIndex = after.indexOf(same!);
    const lastOld = Math.max(...before.slice(PLAN_HEADER_ROW).map((x) => rowById(after, String(x[col.id]))));
    expect(userIndex + 1).toBeGreaterThan(lastOld);
  });

  test('every earlier activity row is still present with its user columns unchanged', () => {
    for (const old of before.slice(PLAN_HEADER_ROW)) {
      const id = old[col.id];
      if (typeof id !== 'string' || id === 'HP-F35') continue;
      const now = after[rowById(after, id) - 1];
      expect(now).toBeDefined();
      for (const c of ['activity', 'goals', 'measure', 'priority', 'cost', 'owner', 'start', 'end', 'deps', 'status']) {
        expect([id, c, now[col[c]] ?? null]).toEqual([id, c, old[col[c]] ?? null]);
      }
    }
  });

  test('the new activity is appended after the existing rows and the user row', () => {
    const r = rowById(after, 'HP-F06');
    expect(r).toBeGreaterThan(0);
    const userIndex = after.findIndex((x) => x[col.activity] === USER_ROW.activity) + 1;
    expect(r).toBeGreaterThan(userIndex);
    expect(String(after[r - 1][col.computed])).toMatch(/^Behövs/);
    expect(after[r - 1][col.priority]).toBe(1);
  });

  test('a formula the user typed (Slutdatum = Startdatum + 90) is still a formula after recomputing', async () => {
    const a = new Uint8Array(tmp.read('plan-a.xlsx'));
    const r = before.findIndex((x) => x[col.id] === 'HP-F10') + 1;
    const start = `${letter(col.start)}${r}`;
    const end = `${letter(col.end)}${r}`;
    const edited = await editSheetCells(a, PLAN, {
      [start]: { serial: dateSerial('2026-03-01') },
      [end]: { formula: `${start}+90`, result: dateSerial('2026-03-01') + 90 },
    });
    const path = tmp.write('plan-formula.xlsx', edited);
    expect((await cli('score', path, '-o', tmp.path('plan-formula-b.xlsx'))).code).toBe(0);
    const z = await zipOf(new Uint8Array(tmp.read('plan-formula-b.xlsx')));
    const xml = (await partText(z, await sheetPart(z, PLAN)))!;
    const cell = new RegExp(`<c r="${end}"[^>]*>([\\s\\S]*?)</c>`).exec(xml);
    expect(cell?.[1] ?? '(no cell)').toMatch(/<f>[^<]*\+90<\/f>/);
  });

  test('no activity id appears twice', () => {
    const ids = after.slice(PLAN_HEADER_ROW).map((r) => r[col.id]).filter((v) => typeof v === 'string');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('mergeActionPlan and computeFromWorkbook on a grid', () => {
  const ctx = { today: '2026-03-01' };
  const activitiesBefore = () => suggestActivities(catalog, score(catalog, exampleAnswers()));
  const activitiesAfter = () => suggestActivities(catalog, score(catalog, changedAnswers()));

  /** The Handlingsplan grid as the first computation writes it (values ops applied to a grid). */
  function firstPlanGrid(): Scalar[][] {
    const { plan } = computeResult(catalog, exampleAnswers(), '2026-01-15');
    const grid: Scalar[][] = [];
    for (const op of plan.filter((o): o is ValuesOp => o.kind === 'values' && o.sheet === PLAN)) {
      const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
      const c0 = m[1].charCodeAt(0) - 65;
      op.rows.forEach((row, i) => {
        const r = Number(m[2]) - 1 + i;
        grid[r] ??= [];
        row.forEach((v, j) => (grid[r][c0 + j] = toScalar(v)));
      });
    }
    return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  const toScalar = (v: CellInput): Scalar => (v !== null && typeof v === 'object' ? ('date' in v ? v.date : 'text' in v ? v.text : (v.result ?? null)) : v);
  const scalarOf = (v: CellInput | undefined): Scalar => (v === undefined ? null : toScalar(v));

  test('user values, user rows and fulfilled activities survive; new ones are appended', () => {
    const grid = firstPlanGrid();
    const col = columnsOf(grid[PLAN_HEADER_ROW - 1]);
    const r = grid.findIndex((x) => x[col.id] === 'HP-F35');
    grid[r][col.owner] = 'Kim';
    grid[r][col.start] = '2026-04-01';
    grid[r][col.end] = '2026-05-31';
    grid[r][col.status] = 'Klar';
    grid[r][col.activity] = 'Ändrad aktivitet';
    const userRow: Scalar[] = new Array(PLAN_COLUMNS.length).fill(null);
    userRow[col.activity] = 'Egen aktivitet';
    userRow[col.owner] = 'Sam';
    grid.push(userRow);
    const sheet: SheetGrid = { name: PLAN, values: grid };

    const rows = mergeActionPlan(sheet, activitiesAfter(), ctx);
    const kept = rows[r - PLAN_HEADER_ROW];
    expect(scalarOf(kept[col.id])).toBe('HP-F35');
    expect(scalarOf(kept[col.owner])).toBe('Kim');
    expect(scalarOf(kept[col.start])).toBe('2026-04-01');
    expect(scalarOf(kept[col.end])).toBe('2026-05-31');
    expect(scalarOf(kept[col.status])).toBe('Klar');
    expect(scalarOf(kept[col.activity])).toBe('Ändrad aktivitet');
    expect(String(scalarOf(kept[col.computed]))).toBe('Uppfyllt vid beräkningen 2026-03-01');

    const userIndex = rows.findIndex((x) => scalarOf(x[col.activity]) === 'Egen aktivitet');
    expect(userIndex).toBe(grid.length - 1 - PLAN_HEADER_ROW);
    expect(scalarOf(rows[userIndex][col.owner])).toBe('Sam');
    expect(scalarOf(rows[userIndex][col.computed])).toBeNull();

    const newIndex = rows.findIndex((x) => scalarOf(x[col.id]) === 'HP-F06');
    expect(newIndex).toBeGreaterThan(userIndex);
    expect(rows).toHaveLength(grid.length - PLAN_HEADER_ROW + 1);
  });

  test('with no change in the answers, merging keeps the plan as it was except "Beräknat läge"', () => {
    const grid = firstPlanGrid();
    const col = columnsOf(grid[PLAN_HEADER_ROW - 1]);
    const rows = mergeActionPlan({ name: PLAN, values: grid }, activitiesBefore(), ctx);
    expect(rows).toHaveLength(grid.length - PLAN_HEADER_ROW);
    rows.forEach((row, i) => {
      for (let c = 0; c < PLAN_COLUMNS.length; c++) {
        if (c === col.computed) continue;
        expect([i, c, scalarOf(row[c])]).toEqual([i, c, grid[PLAN_HEADER_ROW + i][c] ?? null]);
      }
    });
  });

  test('computeFromWorkbook passes the existing Handlingsplan to the merge', async () => {
    const grid = firstPlanGrid();
    const col = columnsOf(grid[PLAN_HEADER_ROW - 1]);
    const r = grid.findIndex((x) => x[col.id] === 'HP-F10');
    grid[r][col.owner] = 'Ansvarig från griden';
    const wb = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
    wb.sheets.set(PLAN, { name: PLAN, values: grid });
    wb.sheetNames.push(PLAN);
    const out = computeFromWorkbook(wb, '2026-03-01');
    if (out.kind !== 'computed') throw new Error('foreign');
    const values = out.plan.filter((o): o is ValuesOp => o.kind === 'values' && o.sheet === PLAN && o.at === `A${PLAN_HEADER_ROW + 1}`);
    expect(values).toHaveLength(1);
    const row = values[0].rows.find((x) => scalarOf(x[col.id]) === 'HP-F10')!;
    expect(scalarOf(row[col.owner])).toBe('Ansvarig från griden');
  });
});
