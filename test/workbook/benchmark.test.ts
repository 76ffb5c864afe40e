/**
 * The workbook side of issue 11: the Benchmark sheet (owned, refused over a sheet of the user's,
 * its group answers read back), the benchmark workbook's sheets, and the remembered target.
 */
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { buildBenchmark } from '../../src/core/benchmark/groups';
import { memberRecord } from '../../src/core/benchmark/member';
import { findCatalog } from '../../src/core/catalog/registry';
import { score } from '../../src/core/scoring/score';
import example from '../../src/examples/exempelkommun.answers.json';
import { benchmarkFile } from '../../src/cli/format/benchmarkJson';
import { benchmarkSheetFor, rememberedBenchmark, workbookTarget } from '../../src/workbook/benchmark';
import { computeResult } from '../../src/workbook/compute';
import { INPUT_SHEETS, SHEETS } from '../../src/workbook/layout';
import { benchmarkWorkbookPlan } from '../../src/workbook/plan/benchmarkBook';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { WorkbookGrid } from '../../src/workbook/plan/types';
import { syntheticAnswers } from '../../scripts/benchmark/members';

const catalog = findCatalog('infosakkollen-2023-v1')!;
const set = example as AnswerSet;
const result = score(catalog, set);
const members = Array.from({ length: 12 }, (_, i) => memberRecord(score(catalog, syntheticAnswers(catalog, i, 9, 'kommun')), 'kommun', `k${i}`));
const built = buildBenchmark(catalog, members);
const file = benchmarkFile(built, '2026-02-01', 'Testkälla');
const typkommun = file.groups[0] as any;

async function gridOf(plan: Parameters<typeof applyPlanToXlsx>[1], dropMark?: string): Promise<WorkbookGrid> {
  const grid = await readXlsxGrid(await applyPlanToXlsx(null, [...questionnairePlan(catalog, set), ...plan]), [...INPUT_SHEETS, SHEETS.benchmark]);
  if (!dropMark) return grid;
  const owners = new Map(grid.owners);
  owners.delete(dropMark);
  return { ...grid, owners };
}

describe('the Benchmark sheet', () => {
  const planned = benchmarkSheetFor(undefined, catalog, result, { group: typkommun, source: 'Testkälla', date: '2026-02-01' }, '2026-03-01');

  it('is a sheet the product owns and replaces, with two native charts over its own table', () => {
    expect(planned.kind).toBe('planned');
    if (planned.kind !== 'planned') return;
    const sheetOps = planned.plan.filter((op) => op.kind === 'sheet');
    expect(sheetOps).toEqual([expect.objectContaining({ sheet: 'Benchmark' })]);
    expect((sheetOps[0] as any).mode).toBeUndefined();
    const charts = planned.plan.filter((op) => op.kind === 'chart') as any[];
    expect(charts.map((c) => c.name)).toEqual(['BenchmarkNivaJamforelse', 'BenchmarkPoangJamforelse']);
    for (const c of charts) for (const s of c.series) expect(s.values.sheet).toBe('Benchmark');
  });

  it('keeps the group’s answers where they can be read back as the target', async () => {
    if (planned.kind !== 'planned') throw new Error('not planned');
    const grid = await gridOf(planned.plan);
    expect(rememberedBenchmark(grid, catalog)).toEqual({ group: 'typkommun', answers: typkommun.answers, source: 'Testkälla', date: '2026-02-01' });
    // Not the product's sheet (no mark, another title): nothing is read from it.
    expect(rememberedBenchmark(await gridOf(planned.plan, 'Benchmark'), catalog)).toBeUndefined();
  });

  it('is refused when a sheet of the user’s has its name in another case', async () => {
    const grid = await gridOf([{ kind: 'sheet', sheet: 'BENCHMARK' }, { kind: 'values', sheet: 'BENCHMARK', at: 'A1', rows: [['Vår egen jämförelse']] }], 'BENCHMARK');
    const out = benchmarkSheetFor(grid, catalog, result, { group: typkommun, source: 's', date: '2026-01-01' }, '2026-03-01');
    expect(out).toEqual({ kind: 'refused', issue: expect.objectContaining({ code: 'product-sheet-taken', sheet: 'BENCHMARK', params: { sheet: 'BENCHMARK', ours: 'Benchmark' } }) });
  });
});

describe('the remembered target', () => {
  it('is what Nästa nivå says in "Valt mål", on the product’s own sheet only', async () => {
    const computed = computeResult(catalog, set, '2026-03-01', undefined, undefined, { target: { spec: { kind: 'level', level: 4 }, text: 'nivå 4', label: 'nivå 4' } });
    expect(computed.target).toMatchObject({ kind: 'level', level: 4 });
    const grid = await gridOf(computed.plan);
    expect(workbookTarget(grid)).toBe('nivå 4');
    expect(workbookTarget(await gridOf(computeResult(catalog, set, '2026-03-01').plan))).toBeUndefined();
  });
});

describe('the benchmark workbook', () => {
  it('has a sheet per group in order and Spridning; a refused group’s sheet says why', async () => {
    const plan = benchmarkWorkbookPlan(catalog, file);
    const sheets = plan.filter((op) => op.kind === 'sheet').map((op) => op.sheet);
    expect(sheets).toEqual(['Typkommun', 'Typregion', 'Typmyndighet', 'Typförvaltning', '30 bästa kommunerna', '30 bästa myndigheterna', 'Spridning']);
    const grid = await readXlsxGrid(await applyPlanToXlsx(null, plan), sheets);
    const region = grid.sheets.get('Typregion')!.values;
    expect(region[3]).toEqual(['Redovisas inte', 'Gruppen har 0 medlemmar; minst 5 krävs så att ingen enskild organisations resultat kan räknas fram.']);
    const kommun = grid.sheets.get('Typkommun')!.values;
    expect(kommun[8]).toEqual(['Medlemmar', 12]);
    // Spridning: the members per level of the one shown group add up to its members.
    const spread = grid.sheets.get('Spridning')!.values;
    const head = spread.findIndex((r) => r?.[0] === 'Nivå');
    expect(spread[head]).toEqual(['Nivå', 'Typkommun', 'Typförvaltning']);
    const counts = spread.slice(head + 1, head + 6).map((r) => r[1] as number);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(12);
  });
});
