/**
 * Issue 10: the Jämförelse sheet — level and area levels before → after with deltas, points per
 * area as a clustered bar chart, the questions that changed, validation figures, and the
 * "Varför ändrades nivån?" paragraph worded from levelChange.
 */
import type { AnswerSet } from '../../src/core/answers/types';
import { compareMeasurements, levelChangeText } from '../../src/core/compare/compare';
import { score } from '../../src/core/scoring/score';
import { comparisonPlan, whyText } from '../../src/workbook/plan/comparison';
import type { CellInput, ChartOp, MergeOp, SheetOp, ValuesOp } from '../../src/workbook/plan/types';
import { exampleAnswers, realCatalog } from '../helpers/workbook';

const catalog = realCatalog();

function lowered(): AnswerSet {
  const set = exampleAnswers();
  set.answers['16'] = { selected: ['n'], certainty: 'osäker' };
  set.validation = { ...set.validation, V1: 3 };
  delete set.validation.V6;
  return set;
}

function planOf(earlier: AnswerSet, later: AnswerSet) {
  const comparison = compareMeasurements({ result: score(catalog, earlier), date: '2025-05-02' }, { result: score(catalog, later), date: null });
  const plan = comparisonPlan({ catalog, comparison, fromLabel: 'sparad mätning 2025-05-02', toLabel: 'aktuella svar', organisation: 'Exempelkommun', today: '2026-11-30' });
  const values = plan.find((op): op is ValuesOp => op.kind === 'values')!;
  const rowStarting = (text: string) => values.rows.findIndex((r) => r[0] === text || r[1] === text);
  return { comparison, plan, rows: values.rows as readonly (readonly CellInput[])[], rowStarting };
}

test('one replaced sheet, titled, with the overview before → after and its deltas', () => {
  const { comparison, plan, rows, rowStarting } = planOf(exampleAnswers(), lowered());
  const sheets = plan.filter((op): op is SheetOp => op.kind === 'sheet');
  expect(sheets).toEqual([expect.objectContaining({ sheet: 'Jämförelse' })]);
  expect(sheets[0].mode).toBeUndefined();
  expect(rows[0]).toEqual(['Jämförelse – Exempelkommun']);
  expect(rows[1][0]).toMatch(/^Tidigare: sparad mätning 2025-05-02 · Senare: aktuella svar · /);
  const level = rows[rowStarting('Nivå')];
  expect(level).toEqual(['', 'Nivå', comparison.from.level, comparison.to.level, comparison.to.level - comparison.from.level]);
  expect(rows[rowStarting('Totalpoäng')].slice(2)).toEqual([comparison.from.totalPoints, comparison.to.totalPoints, comparison.to.totalPoints - comparison.from.totalPoints]);
});

test('"Varför ändrades nivån?" is the levelChange text, on a merged row below its heading', () => {
  const { comparison, plan, rows, rowStarting } = planOf(exampleAnswers(), lowered());
  expect(comparison.levelChange).not.toBeNull();
  const heading = rowStarting('Varför ändrades nivån?');
  expect(rows[heading + 1]).toEqual([levelChangeText(comparison.levelChange!)]);
  expect(rows[heading + 1][0]).toMatch(/^Nivån sjönk från 2 till 1: F16 \(\d → 0 p\) föll under minimikravet 2 p/);
  expect(plan).toContainEqual<MergeOp>({ kind: 'merge', sheet: 'Jämförelse', range: `A${heading + 2}:I${heading + 2}` });
  // Equal levels: said plainly, with the points.
  const same = planOf(exampleAnswers(), exampleAnswers());
  expect(whyText(same.comparison)).toBe(`Nivån är oförändrad (nivå ${same.comparison.to.level}); totalpoängen är densamma.`);
});

test('areas before → after, and the clustered bar chart reading that table', () => {
  const { comparison, plan, rows, rowStarting } = planOf(exampleAnswers(), lowered());
  const head = rowStarting('Id');
  expect(rows[head]).toEqual(['Id', 'Arbetsområde', 'Nivå före', 'Nivå efter', 'Förändring', 'Poäng före', 'Poäng efter', 'Förändring', 'Maxpoäng']);
  const areas = rows.slice(head + 1, head + 1 + catalog.areas.length);
  expect(areas.map((r) => r[0])).toEqual(catalog.areas.map((a) => a.id));
  for (const [i, a] of comparison.areas.entries()) expect(areas[i].slice(2, 8)).toEqual([a.levelFrom, a.levelTo, a.levelTo - a.levelFrom, a.pointsFrom, a.pointsTo, a.pointsTo - a.pointsFrom]);
  const charts = plan.filter((op): op is ChartOp => op.kind === 'chart');
  expect(charts).toHaveLength(1);
  const first = head + 2;
  const last = head + 1 + catalog.areas.length;
  expect(charts[0]).toMatchObject({
    type: 'bar',
    categories: { sheet: 'Jämförelse', range: `B${first}:B${last}` },
    series: [
      { name: 'Före (sparad mätning 2025-05-02)', values: { range: `F${first}:F${last}` } },
      { name: 'Efter (aktuella svar)', values: { range: `G${first}:G${last}` } },
    ],
    legend: true,
  });
  // The chart covers empty rows only: the question table starts below it.
  const bottom = Number(/\d+$/.exec(charts[0].anchor.to)![0]);
  expect(rowStarting('Frågor som ändrades') + 1).toBeGreaterThan(bottom);
});

test('only the questions that changed, with ticks, unticks and certainty', () => {
  const { rows, rowStarting } = planOf(exampleAnswers(), lowered());
  const head = rowStarting('Fråga');
  const q16 = rows[head + 1];
  const before = exampleAnswers().answers['16'];
  expect(q16[0]).toBe('F16');
  expect(q16.slice(2, 9)).toEqual([expect.any(Number), 0, -(q16[2] as number), 'n', before.selected.join(', '), 'säker', 'osäker']);
  expect(rows[head + 2]?.[0] ?? '').not.toMatch(/^F/);
  expect(rows[rowStarting('Frågor som ändrades') + 1]).toEqual(rows[head]);
  const none = planOf(exampleAnswers(), exampleAnswers());
  expect(none.rows[none.rowStarting('Frågor som ändrades') + 1]).toEqual(['', 'Inga frågor ändrades.']);
});

test('validation figures before → after; a figure missing on one side has no delta', () => {
  const { rows } = planOf(exampleAnswers(), lowered());
  const v1 = rows.find((r) => r[0] === 'V1')!;
  expect(v1.slice(2)).toEqual([exampleAnswers().validation!.V1, 3, 3 - exampleAnswers().validation!.V1]);
  const v6 = rows.find((r) => r[0] === 'V6')!;
  expect(v6.slice(2)).toEqual([exampleAnswers().validation!.V6, '–', '']);
});
