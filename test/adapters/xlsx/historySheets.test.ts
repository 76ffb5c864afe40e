/**
 * Issue 10 in the .xlsx adapter: native line charts (c:lineChart with markers, in schema order),
 * and Historik (made, then updated in place), Trend and Jämförelse as Excel reads them
 * (check-xlsx: ECMA-376 schemas and Excel's own rules).
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { chartXml } from '../../../src/adapters/xlsx/charts';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { compareMeasurements } from '../../../src/core/compare/compare';
import { score } from '../../../src/core/scoring/score';
import { historyColumns, HISTORY_HEADER_ROW } from '../../../src/workbook/history';
import { INPUT_SHEETS, SHEETS } from '../../../src/workbook/layout';
import { comparisonSheetPlan, snapshotFromWorkbook } from '../../../src/workbook/measurements';
import { columnName } from '../../../src/workbook/plan/address';
import type { ChartOp } from '../../../src/workbook/plan/types';
import { editSheetCells, exampleAnswers, questionnaireBytes, realCatalog, variedAnswers } from '../../helpers/workbook';
import { checkXlsx, checkerMissing } from './checkXlsx';
import { packageProblems, parseStrict, partText, zipEntries } from './fixtures';

const catalog = realCatalog();

const lineOp: ChartOp = {
  kind: 'chart',
  sheet: 'Trend',
  name: 'TrendNiva',
  type: 'line',
  title: 'Nivå över tid',
  categories: { sheet: 'Trend', range: 'A5:A6' },
  series: [{ name: 'Nivå', values: { sheet: 'Trend', range: 'B5:B6' }, color: '1F4E79' }],
  anchor: { from: 'H3', to: 'P19' },
  axis: { min: 0, max: 4, majorUnit: 1 },
};

const childNames = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1).map((n) => n.nodeName);

test('a line chart: c:lineChart with markers, children in schema order, caches from the plan', () => {
  const cells: Record<string, string | number> = { A5: '2024-05-02', A6: '2025-05-02', B5: 1, B6: 2 };
  const xml = chartXml(lineOp, (_sheet, row, column) => cells[`${columnName(column)}${row}`]);
  const doc = parseStrict(xml, 'chart.xml');
  const plot = doc.getElementsByTagName('c:plotArea')[0];
  expect(childNames(plot)).toEqual(['c:layout', 'c:lineChart', 'c:catAx', 'c:valAx']);
  const line = doc.getElementsByTagName('c:lineChart')[0];
  expect(childNames(line)).toEqual(['c:grouping', 'c:varyColors', 'c:ser', 'c:marker', 'c:axId', 'c:axId']);
  const ser = line.getElementsByTagName('c:ser')[0];
  expect(childNames(ser)).toEqual(['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:marker', 'c:cat', 'c:val', 'c:smooth']);
  expect(doc.getElementsByTagName('c:barChart')).toHaveLength(0);
  expect(xml).toContain('<c:symbol val="circle"/>');
  expect(xml).toContain("<c:f>'Trend'!$A$5:$A$6</c:f>");
  expect(xml).toMatch(/<c:strCache><c:ptCount val="2"\/><c:pt idx="0"><c:v>2024-05-02<\/c:v><\/c:pt>/);
  expect(xml).toMatch(/<c:numCache>.*<c:pt idx="1"><c:v>2<\/c:v><\/c:pt>/);
  // Bars are unchanged: a clustered c:barChart.
  const bar = chartXml({ ...lineOp, type: 'column' }, () => 1);
  expect(bar).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
});

describe('Historik, Trend and Jämförelse written into a questionnaire', () => {
  const outputs: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    const filled = await questionnaireBytes(variedAnswers());
    const snap = async (bytes: Uint8Array, date: string) => {
      const outcome = snapshotFromWorkbook(await readXlsxGrid(bytes, INPUT_SHEETS), date);
      if (outcome.kind !== 'planned') throw new Error('refused');
      return applyPlanToXlsx(bytes, outcome.plan);
    };
    outputs.first = await snap(filled, '2024-05-02');
    const notes = `${columnName(historyColumns(catalog).findIndex((c) => c.key === 'notes') + 1)}${HISTORY_HEADER_ROW + 1}`;
    const edited = await editSheetCells(outputs.first, SHEETS.history, { [notes]: 'Anteckning & <kommentar>' });
    outputs.updated = await snap(await snap(edited, '2025-05-02'), '2025-05-02');
    const a = score(catalog, variedAnswers());
    const b = score(catalog, exampleAnswers());
    const comparison = compareMeasurements({ result: a, date: '2024-05-02' }, { result: b, date: null });
    const planned = comparisonSheetPlan(await readXlsxGrid(outputs.updated, INPUT_SHEETS), catalog, comparison, { from: 'sparad mätning 2024-05-02', to: 'aktuella svar' }, '2026-11-30');
    if (planned.kind !== 'planned') throw new Error('refused');
    outputs.compared = await applyPlanToXlsx(outputs.updated, planned.plan);
    outputs.comparedTwice = await applyPlanToXlsx(outputs.compared, planned.plan);
  });

  test('the packages are sound; rewriting Trend leaves exactly its two line charts', async () => {
    for (const bytes of Object.values(outputs)) expect(await packageProblems(bytes)).toEqual([]);
    const entries = await zipEntries(outputs.comparedTwice);
    const charts = [...entries.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const lines = [];
    for (const part of charts) if ((await partText(outputs.comparedTwice, part)).includes('<c:lineChart>')) lines.push(part);
    expect(lines).toHaveLength(2);
  });

  test('check-xlsx: no violations', () => {
    const missing = checkerMissing();
    if (missing) return console.warn(`skipped: ${missing}`);
    const result = checkXlsx(outputs);
    expect(result.output).toMatch(/4 files, 0 violations/);
    expect(result.status).toBe(0);
  });
});
