/**
 * Issue 3, "Writing results" and "Action-plan tab": the shape of the result write plan, the
 * charts and what their ranges point at, the Handlingsplan columns and priorities.
 */
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { computeResult } from '../../src/workbook/compute';
import type { CellInput, ChartOp, Scalar, ValuesOp, WritePlan } from '../../src/workbook/plan/types';
import { answersFromPoints } from '../helpers/answers';
import { AREAS } from '../helpers/spec';
import { exampleAnswers, partNames, partText, questionnaireBytes, realCatalog, zipOf, RESULT_SHEETS } from '../helpers/workbook';

const catalog = realCatalog();
const TODAY = '2026-01-15';
const MODEL_COLUMNS = [
  'Aktivitet',
  'Årliga mål',
  'Säkerhetsåtgärd / fråga',
  'Prioritet',
  'Kostnader och resurser',
  'Ansvarig',
  'Startdatum',
  'Slutdatum',
  'Beroenden',
  'Status',
];

/** The cells a plan writes on one sheet (later values ops win), as address → scalar. */
function planCells(plan: WritePlan, sheet: string): Map<string, Scalar> {
  const cells = new Map<string, Scalar>();
  for (const op of plan) {
    if (op.kind !== 'values' || op.sheet !== sheet) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
    const col0 = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    op.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const c = col0 + j;
        const letters = c <= 26 ? String.fromCharCode(64 + c) : String.fromCharCode(64 + Math.floor((c - 1) / 26)) + String.fromCharCode(65 + ((c - 1) % 26));
        cells.set(`${letters}${Number(m[2]) + i}`, scalar(v));
      }),
    );
  }
  return cells;
}
const scalar = (v: CellInput): Scalar => (v !== null && typeof v === 'object' ? ('date' in v ? v.date : 'text' in v ? v.text : (v.result ?? null)) : v);

/** Cells of a range such as "C5:C14" (one column). */
function columnCells(range: string): string[] {
  const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(range)!;
  expect(m[1]).toBe(m[3]);
  return Array.from({ length: Number(m[4]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`);
}

describe.each<[string, () => AnswerSet]>([
  ['Exempelkommun', exampleAnswers],
  ['a level-1 profile with points missing (priority 2 activities)', () => answersFromPoints(catalog, [...new Array(15).fill(1), ...new Array(25).fill(0)])],
  ['an empty answer set', () => ({ catalog: catalog.id, answers: {} })],
])('result plan for %s', (_name, make) => {
  const computed = computeResult(catalog, make(), TODAY);
  const { plan, result } = computed;
  const charts = plan.filter((o): o is ChartOp => o.kind === 'chart');

  test('has the six result sheets, each once, in the documented order', () => {
    expect(plan.filter((o) => o.kind === 'sheet').map((o) => o.sheet)).toEqual(RESULT_SHEETS);
  });

  test('never writes a questionnaire sheet', () => {
    const sheets = new Set(plan.map((o) => o.sheet));
    for (const s of ['Start', 'Organisation', 'Nivå 1', 'Nivå 2', 'Nivå 3', 'Nivå 4', 'Valideringsfrågor']) expect(sheets.has(s)).toBe(false);
  });

  test('every op targets a sheet the plan creates', () => {
    const created = new Set(plan.filter((o) => o.kind === 'sheet').map((o) => o.sheet));
    for (const op of plan) expect(created.has(op.sheet)).toBe(true);
  });

  test('has a level-per-area chart with axis 0–4 and a points-vs-max chart', () => {
    const level = charts.filter((c) => c.axis?.min === 0 && c.axis?.max === 4 && c.series.length === 1);
    const points = charts.filter((c) => c.series.length === 2);
    expect(level.length).toBeGreaterThanOrEqual(1);
    expect(points.length).toBeGreaterThanOrEqual(1);
    expect(charts.some((c) => c.sheet === 'Resultat')).toBe(true);
    expect(charts.some((c) => c.sheet === 'Ledningssammanfattning')).toBe(true);
    expect(new Set(charts.map((c) => c.name)).size).toBe(charts.length);
  });

  test('chart ranges point at the Arbetsområden cells that hold the area names, levels, points and maxima', () => {
    const cells = planCells(plan, 'Arbetsområden');
    for (const chart of charts) {
      expect(chart.categories.sheet).toBe('Arbetsområden');
      const names = columnCells(chart.categories.range).map((c) => cells.get(c));
      expect(names).toEqual(result.areas.map((a) => a.name.sv));
      expect(names).toEqual(AREAS.map(([, n]) => n));
      for (const s of chart.series) expect(s.values.sheet).toBe('Arbetsområden');
    }
    const levelChart = charts.find((c) => c.axis?.max === 4)!;
    expect(columnCells(levelChart.series[0].values.range).map((c) => cells.get(c))).toEqual(result.areas.map((a) => a.level));
    const pointsChart = charts.find((c) => c.series.length === 2)!;
    const [pts, max] = pointsChart.series;
    expect(columnCells(pts.values.range).map((c) => cells.get(c))).toEqual(result.areas.map((a) => a.points));
    expect(columnCells(max.values.range).map((c) => cells.get(c))).toEqual(result.areas.map((a) => a.maxPoints));
  });

  test('Handlingsplan has the ten MODEL.md columns, in order', () => {
    const cells = planCells(plan, 'Handlingsplan');
    const header = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((c) => cells.get(`${c}4`));
    const names = header.filter((h): h is string => typeof h === 'string' && MODEL_COLUMNS.some((m) => h.startsWith(m)));
    expect(names).toHaveLength(10);
    names.forEach((h, i) => expect(h.startsWith(MODEL_COLUMNS[i])).toBe(true));
  });

  test('priority 1 activities are exactly the questions below the next level\'s minimum', () => {
    const cells = planCells(plan, 'Handlingsplan');
    const header = [...cells].filter(([a]) => /^[A-Z]4$/.test(a));
    const colOf = (prefix: string) => header.find(([, v]) => typeof v === 'string' && v.startsWith(prefix))![0][0];
    const idCol = colOf('Id');
    const prioCol = colOf('Prioritet');
    const rows: { id: Scalar; priority: Scalar }[] = [];
    for (let r = 5; cells.has(`${idCol}${r}`); r++) rows.push({ id: cells.get(`${idCol}${r}`)!, priority: cells.get(`${prioCol}${r}`)! });
    const p1 = rows.filter((r) => r.priority === 1).map((r) => Number(String(r.id).replace(/^HP-F/, ''))).sort((a, b) => a - b);
    // Independent of src: level n needs every question of level ≤ n at n points or more (MODEL.md).
    const n = result.level + 1;
    const below = n <= 4 ? result.questions.filter((q) => q.level <= n && q.points < n).map((q) => q.number) : [];
    expect(p1).toEqual(below);
    expect(p1).toEqual((result.nextLevel?.belowMinimum ?? []).map((b) => b.number));
    // Ids are stable and unique, one per question.
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(r.id).toMatch(/^HP-F\d{2}$/);
    // Priority order: all 1s, then 2s, then 3s.
    const prios = rows.map((r) => r.priority as number);
    expect(prios).toEqual([...prios].sort((a, b) => a - b));
  });

  test('the Resultat sheet states the level and the points', () => {
    const cells = [...planCells(plan, 'Resultat').values()].map(String).join('\n');
    expect(cells).toContain(`${result.totalPoints} av ${result.maxPoints}`);
    expect(cells).toMatch(result.level === 0 ? /Under nivå 1/ : new RegExp(`Nivå ${result.level}`));
  });
});

test('the example has priority 1 activities (fixture check for the test above)', () => {
  const { result } = computeResult(catalog, exampleAnswers(), TODAY);
  expect(result.nextLevel?.belowMinimum.length).toBeGreaterThan(0);
});

test('the priority-2 profile really has priority 2 activities (fixture check)', () => {
  const { plan } = computeResult(catalog, answersFromPoints(catalog, [...new Array(15).fill(1), ...new Array(25).fill(0)]), TODAY);
  const values = plan.filter((o): o is ValuesOp => o.kind === 'values' && o.sheet === 'Handlingsplan' && o.at === 'A5')[0];
  expect(values.rows.some((r) => r[4] === 2)).toBe(true);
});

describe('the written .xlsx', () => {
  test('holds native chart parts whose ranges and cached values match the Arbetsområden cells', async () => {
    const input = exampleAnswers();
    const base = await questionnaireBytes(input);
    const { plan, result } = computeResult(catalog, input, TODAY);
    const bytes = await applyPlanToXlsx(base, plan);
    const zip = await zipOf(bytes);
    const chartParts = partNames(zip).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts.length).toBe(plan.filter((o) => o.kind === 'chart').length);
    const grid = await readXlsxGrid(bytes, ['Arbetsområden']);
    const areas = grid.sheets.get('Arbetsområden')!.values;
    const valueAt = (ref: string) => {
      const m = /^\$([A-Z])\$(\d+)$/.exec(ref)!;
      return areas[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
    };
    let levelSeries = 0;
    for (const part of chartParts) {
      const xml = (await partText(zip, part))!;
      expect(xml).toMatch(/<c:barChart>/);
      for (const m of xml.matchAll(/<c:numRef><c:f>'Arbetsområden'!(\$[A-Z]\$\d+):(\$[A-Z]\$\d+)<\/c:f>([\s\S]*?)<\/c:numRef>/g)) {
        const [from, to] = [m[1], m[2]];
        const col = from[1];
        const rows = Array.from({ length: Number(to.slice(3)) - Number(from.slice(3)) + 1 }, (_, i) => `$${col}$${Number(from.slice(3)) + i}`);
        const sheetValues = rows.map(valueAt);
        const cached = [...m[3].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((x) => Number(x[1]));
        expect(cached).toEqual(sheetValues);
        if (col === 'C') {
          levelSeries++;
          expect(sheetValues).toEqual(result.areas.map((a) => a.level));
        }
      }
    }
    expect(levelSeries).toBeGreaterThanOrEqual(1);
  });
});
