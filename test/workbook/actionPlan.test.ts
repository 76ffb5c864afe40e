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
import { updateActionPlan } from '../../src/workbook/plan/actionPlan';
import type { CellInput, ConditionalFormatOp, Scalar, SheetGrid, ValuesOp, WriteOp } from '../../src/workbook/plan/types';
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
/** Adapters may return sparse grids; these tests index rows directly. */
const dense = (values: readonly (readonly Scalar[])[]): Scalar[][] => Array.from(values, (r) => Array.from(r ?? [], (v) => v ?? null));

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
    before = dense((await readXlsxGrid(a, [PLAN])).sheets.get(PLAN)!.values);
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
    after = dense((await readXlsxGrid(new Uint8Array(tmp.read("plan-b.xlsx")), [PLAN])).sheets.get(PLAN)!.values);
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

describe('updateActionPlan on a grid: only "Beräknat läge", new rows and the Gantt are written', () => {
  const ctx = { today: '2026-03-01' };
  const activitiesBefore = () => suggestActivities(catalog, score(catalog, exampleAnswers()));
  const activitiesAfter = () => suggestActivities(catalog, score(catalog, changedAnswers()));
  const toScalar = (v: CellInput): Scalar => (v !== null && typeof v === 'object' ? ('date' in v ? v.date : 'text' in v ? v.text : (v.result ?? null)) : v);

  /** The Handlingsplan grid as the first computation writes it (values ops applied to a grid). */
  function firstPlanGrid(): Scalar[][] {
    const { plan } = computeResult(catalog, exampleAnswers(), '2026-01-15');
    return applyValues([], plan.filter((o) => o.sheet === PLAN));
  }

  /** Applies values ops as the contract says: null leaves a cell alone. */
  function applyValues(grid: Scalar[][], ops: readonly WriteOp[]): Scalar[][] {
    const out = grid.map((r) => (r ? [...r] : r));
    for (const op of ops) {
      if (op.kind !== 'values') continue;
      const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
      const c0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      op.rows.forEach((row, i) => {
        const r = Number(m[2]) - 1 + i;
        out[r] ??= [];
        row.forEach((v, j) => {
          if (v !== null) out[r][c0 + j] = toScalar(v);
        });
      });
    }
    return out;
  }

  const written = (ops: readonly WriteOp[]) =>
    new Set(
      ops.flatMap((op) => {
        if (op.kind !== 'values') return [];
        const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
        const c0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return op.rows.flatMap((row, i) => row.flatMap((v, j) => (v === null ? [] : [`${Number(m[2]) + i}:${c0 + j}`])));
      }),
    );

  test('the plan is an update of the existing sheet: no sheet is cleared, no row moves', () => {
    const grid = firstPlanGrid();
    const { ops } = updateActionPlan({ name: PLAN, values: grid }, activitiesAfter(), ctx);
    expect(ops[0]).toEqual({ kind: 'sheet', sheet: PLAN, mode: 'update' });
    expect(ops.filter((o) => o.kind === 'sheet')).toHaveLength(1);
    expect(ops.some((o) => o.kind === 'merge' || o.kind === 'rowHeight' || o.kind === 'validation' || o.kind === 'table' || o.kind === 'chart')).toBe(false);
  });

  test('user values, user rows and blank rows survive; fulfilled activities are marked; new ones come below everything', () => {
    const grid = firstPlanGrid();
    const col = columnsOf(grid[PLAN_HEADER_ROW - 1]);
    const r = grid.findIndex((x) => x?.[col.id] === 'HP-F35');
    grid[r][col.owner] = 'Kim';
    grid[r][col.status] = 'Klar';
    const userRowIndex = grid.length + 1; // a blank row, then the user's row
    grid[userRowIndex] = [];
    grid[userRowIndex][col.activity] = 'Egen aktivitet';
    const before = grid.map((row) => (row ? [...row] : row));
    const { ops, issues } = updateActionPlan({ name: PLAN, values: grid }, activitiesAfter(), ctx);
    expect(issues).toEqual([]);
    const after = applyValues(grid, ops);
    const touched = written(ops);
    // Every written cell is "Beräknat läge", a row below everything, or the Gantt's header row.
    for (const key of touched) {
      const [row, column] = key.split(':').map(Number);
      expect(column === col.computed + 1 || row > userRowIndex + 1 || row === PLAN_HEADER_ROW).toBe(true);
    }
    before.forEach((cells, i) =>
      cells?.forEach((v, c) => {
        if (c !== col.computed && i !== PLAN_HEADER_ROW - 1) expect([i, c, after[i][c]]).toEqual([i, c, v]);
      }),
    );
    expect(String(after[r][col.computed])).toBe('Uppfyllt vid beräkningen 2026-03-01');
    expect(after[userRowIndex][col.activity]).toBe('Egen aktivitet');
    expect(after[userRowIndex - 1]?.some((v) => v !== null && v !== undefined) ?? false).toBe(false);
    const fresh = after.findIndex((x) => x?.[col.id] === 'HP-F06');
    expect(fresh).toBe(userRowIndex + 1);
    expect(after[fresh][col.status]).toBe('Ej påbörjad');
  });

  test('with no change in the answers and the same day, nothing but the Gantt header is rewritten', () => {
    const grid = firstPlanGrid();
    const { ops } = updateActionPlan({ name: PLAN, values: grid }, activitiesBefore(), { today: '2026-01-15' });
    const values = ops.filter((o): o is ValuesOp => o.kind === 'values');
    expect(values).toHaveLength(1);
    expect(values[0].at).toBe(`O${PLAN_HEADER_ROW}`);
  });

  test('an inserted column, a deleted row above the header and a user column right of the plan are followed', () => {
    const grid = firstPlanGrid();
    // Delete row 3 (blank) and insert a "Egen status" column before Status (column M).
    const moved: Scalar[][] = grid.filter((_, i) => i !== 2).map((row) => (row ? [...row.slice(0, 12), null, ...row.slice(12)] : row));
    const header = PLAN_HEADER_ROW - 1;
    moved[header - 1][12] = 'Egen status';
    moved[header][12] = 'Min kommentar';
    const col = columnsOf(moved[header - 1]);
    expect(col.status).toBe(13);
    const { ops } = updateActionPlan({ name: PLAN, values: moved }, activitiesAfter(), ctx);
    const after = applyValues(moved, ops);
    expect(after[header][12]).toBe('Min kommentar');
    const r = after.findIndex((x) => x?.[col.id] === 'HP-F35');
    expect(String(after[r][col.computed])).toMatch(/^Uppfyllt/);
    // The Gantt stays where the inserted column moved it (one to the right), and its rule follows the date columns.
    const cf = ops.find((o): o is ConditionalFormatOp => o.kind === 'conditionalFormat')!;
    expect(cf.range.startsWith(`P${header + 1}:`)).toBe(true);
    expect(cf.formula).toContain('$J4');
    expect(cf.formula).toContain('$K4');
    expect(cf.replaces).toBeDefined();
    expect(cf.formula).toContain(cf.replaces!);
  });

  test('the Gantt stays where its months are; text typed in it is left; without months it goes right of everything, or is dropped when the sheet is full', () => {
    const grid = firstPlanGrid();
    grid[PLAN_HEADER_ROW - 1][14] = 'Mina anteckningar'; // typed over the first Gantt month (O)
    grid[PLAN_HEADER_ROW][18] = 'Pågår'; // typed in a Gantt cell (S5)
    let { ops } = updateActionPlan({ name: PLAN, values: grid }, activitiesBefore(), ctx);
    let cf = ops.find((o): o is ConditionalFormatOp => o.kind === 'conditionalFormat')!;
    expect(cf.range.startsWith(`P${PLAN_HEADER_ROW + 1}:`)).toBe(true);
    const applied = applyValues(grid, ops);
    expect(applied[PLAN_HEADER_ROW - 1][14]).toBe('Mina anteckningar');
    expect(applied[PLAN_HEADER_ROW][18]).toBe('Pågår');

    const noMonths = firstPlanGrid();
    noMonths[PLAN_HEADER_ROW - 1] = noMonths[PLAN_HEADER_ROW - 1].slice(0, 14);
    noMonths[PLAN_HEADER_ROW - 1][16] = 'Uppföljning'; // a user column at Q
    ({ ops } = updateActionPlan({ name: PLAN, values: noMonths }, activitiesBefore(), ctx));
    cf = ops.find((o): o is ConditionalFormatOp => o.kind === 'conditionalFormat')!;
    expect(cf.range.startsWith(`R${PLAN_HEADER_ROW + 1}:`)).toBe(true);

    noMonths[PLAN_HEADER_ROW] = [...noMonths[PLAN_HEADER_ROW]];
    noMonths[PLAN_HEADER_ROW][16383] = 'stray'; // XFD5
    const result = updateActionPlan({ name: PLAN, values: noMonths }, activitiesBefore(), ctx);
    expect(result.ops.some((o) => o.kind === 'conditionalFormat')).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain('plan-gantt-dropped');
  });

  test('impossible dates are located warnings; the plan is still updated', () => {
    const grid = firstPlanGrid();
    const col = columnsOf(grid[PLAN_HEADER_ROW - 1]);
    const r = grid.findIndex((x) => x?.[col.id] === 'HP-F35');
    grid[r][col.start] = 20270115;
    grid[r][col.end] = 0;
    const { ops, issues } = updateActionPlan({ name: PLAN, values: grid }, activitiesAfter(), ctx);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ['plan-bad-date', `${letter(col.start)}${r + 1}`],
      ['plan-bad-date', `${letter(col.end)}${r + 1}`],
    ]);
    expect(ops.length).toBeGreaterThan(1);
  });

  test('a formula the user put in "Beräknat läge" is left alone', () => {
    const grid = firstPlanGrid();
    const col = columnsOf(grid[PLAN_HEADER_ROW - 1]);
    const r = grid.findIndex((x) => x?.[col.id] === 'HP-F35');
    const formulas: (string | null)[][] = [];
    formulas[r] = [];
    formulas[r][col.computed] = 'B5&"!"';
    const { ops } = updateActionPlan({ name: PLAN, values: grid, formulas }, activitiesAfter(), ctx);
    expect(written(ops).has(`${r + 1}:${col.computed + 1}`)).toBe(false);
  });

  test('without a recognisable header nothing is written and the user is told', () => {
    const grid = firstPlanGrid();
    grid[PLAN_HEADER_ROW - 1] = grid[PLAN_HEADER_ROW - 1].map(() => null);
    const { ops, issues } = updateActionPlan({ name: PLAN, values: grid }, activitiesAfter(), ctx);
    expect(ops).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['plan-header-missing']);
  });

  test('computeFromWorkbook updates the product\'s Handlingsplan (marked) and refuses a user\'s own', async () => {
    const grid = firstPlanGrid();
    const wb = await gridOfBytes(await questionnaireBytes(exampleAnswers()));
    const withPlan = (name: string, owners: Map<string, string>) => ({
      ...wb,
      sheetNames: [...wb.sheetNames, name],
      sheets: new Map([...wb.sheets, [PLAN, { name, values: grid }]]),
      owners,
    });
    const ours = computeFromWorkbook(withPlan('HANDLINGSPLAN', new Map([['HANDLINGSPLAN', PLAN]])), '2026-03-01');
    if (ours.kind !== 'computed') throw new Error(ours.issue.code);
    expect(ours.plan.filter((o) => o.sheet === 'HANDLINGSPLAN' && o.kind === 'sheet')).toEqual([{ kind: 'sheet', sheet: 'HANDLINGSPLAN', mode: 'update' }]);
    const theirs = computeFromWorkbook(withPlan('handlingsplan', new Map()), '2026-03-01');
    expect(theirs.kind).toBe('refused');
    if (theirs.kind === 'refused') expect(theirs.issue).toMatchObject({ code: 'result-sheet-taken', sheet: 'handlingsplan' });
  });
});
