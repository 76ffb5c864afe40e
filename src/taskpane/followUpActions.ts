/**
 * The follow-up use cases (followUp.ts) over an ExcelHost: save a measurement, compare with a saved
 * one, compare with a benchmark file and compute towards a chosen target. Each is one Excel.run like
 * compute in actions.ts: load everything (the questionnaire, the result sheets, Historik, Trend,
 * Jämförelse and Benchmark) with one sync, decide and check, then write with one sync.
 */
import { loadWorkbook } from '../adapters/officejs/loadWorkbook';
import { parseBenchmarkFile } from '../core/benchmark/file';
import { catalogIds, findCatalog, loadCatalogs } from '../core/catalog/registry';
import { BENCHMARK_SHEETS, INPUT_SHEETS, SHEETS } from '../workbook/layout';
import type { WritePlan } from '../workbook/plan/types';
import type { LocatedIssue } from '../workbook/read';
import type { BenchmarkRead, ChoiceOutcome, CompareOutcome, FollowUpActions, FollowUpState, SaveOutcome } from './followUp';
import type { ExcelHost } from './host';
import { PaneError, type Stage } from './model';

/** Everything a follow-up reads: the compute's sheets and the Benchmark sheet (not an input of compute). */
const FOLLOW_UP_SHEETS: readonly string[] = [...INPUT_SHEETS, ...BENCHMARK_SHEETS];

/** The code that computes and writes, fetched when first needed (the pane's "write" chunk, issue 14). */
const writer = () =>
  Promise.all([
    import(/* webpackChunkName: "write" */ '../workbook/compute'),
    import(/* webpackChunkName: "write" */ '../workbook/computeTarget'),
    import(/* webpackChunkName: "write" */ '../workbook/measurements'),
    import(/* webpackChunkName: "write" */ '../workbook/benchmark'),
    import(/* webpackChunkName: "write" */ '../workbook/targetRequest'),
    import(/* webpackChunkName: "write" */ '../workbook/plan/comparison'),
    import(/* webpackChunkName: "write" */ '../adapters/officejs/applyPlan'),
  ]).then(([compute, withTarget, measurements, benchmark, request, comparison, apply]) => ({
    ...compute,
    ...withTarget,
    ...measurements,
    ...benchmark,
    ...request,
    whyText: comparison.whyText,
    ...apply,
  }));

const droppedKey = (issue: LocatedIssue): string => JSON.stringify([issue.sheet ?? '', issue.cell ?? '', issue.params ?? {}]);

/** A picked file's text, with FileReader (nothing is fetched, nothing leaves the machine). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}

/** A benchmark file's text, parsed and checked against the catalog it names. */
export function parseBenchmarkText(text: string, name: string): BenchmarkRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'invalid', name, problem: { code: 'benchmark-file-json', params: { message: (error as Error).message } } };
  }
  const parsed = parseBenchmarkFile(data, findCatalog);
  return parsed.kind === 'ok' ? { kind: 'ok', name, benchmark: { file: parsed.file, catalog: parsed.catalog } } : { kind: 'invalid', name, problem: parsed.problem };
}

export function followUpActions(host: ExcelHost): FollowUpActions {
  const run = async <T>(first: Stage, batch: (context: Excel.RequestContext, stage: { current: Stage }) => Promise<T>): Promise<T> => {
    const stage = { current: first };
    try {
      return await host.run((context) => batch(context, stage));
    } catch (error) {
      throw error instanceof PaneError ? error : new PaneError(stage.current, error);
    }
  };
  // A saved measurement in Historik may be of any edition, so every catalog is at hand.
  const load = async (context: Excel.RequestContext) => {
    const loaded = await loadWorkbook(context, FOLLOW_UP_SHEETS);
    await loadCatalogs(catalogIds);
    return loaded;
  };
  /** Writes the plan, or says why the workbook cannot take it (nothing written then). */
  const write = async (context: Excel.RequestContext, plan: WritePlan, loaded: Awaited<ReturnType<typeof load>>, w: Awaited<ReturnType<typeof writer>>) => {
    try {
      await w.applyPlanOffice(context, plan, loaded);
      return undefined;
    } catch (error) {
      if (error instanceof w.WriteRefusedError) return { kind: 'blocked' as const, refusal: error.refusal };
      throw error;
    }
  };

  return {
    read: () =>
      run('read', async (context): Promise<FollowUpState> => {
        const writing = writer();
        const loaded = await load(context);
        const w = await writing;
        const grid = loaded.grid;
        const history = w.historyOf(grid);
        const current = w.currentSide(grid);
        const catalog = current.kind === 'side' ? current.side.catalog : undefined;
        const kept = catalog ? w.rememberedBenchmark(grid, catalog) : undefined;
        return {
          saved: (history?.saved ?? []).map((m) => ({
            date: m.date,
            catalog: m.catalog,
            row: m.row,
            level: m.result?.level,
            totalPoints: m.result?.totalPoints,
            comparable: !!m.result && m.catalog === catalog?.id,
          })),
          historyIssues: history?.issues.filter((i) => i.severity === 'error') ?? [],
          target: w.workbookTarget(grid),
          ...(kept ? { rememberedGroup: { group: kept.group, source: kept.source, date: kept.date } } : {}),
          organisationType: current.kind === 'side' ? current.side.answers.organisation?.type : undefined,
        };
      }),

    save: (replace = false) =>
      run('read', async (context, stage): Promise<SaveOutcome> => {
        const writing = writer();
        const loaded = await load(context);
        stage.current = 'compute';
        const w = await writing;
        const outcome = w.snapshotFromWorkbook(loaded.grid, w.localToday());
        if (outcome.kind === 'refused') return outcome;
        // Saving again on the same date replaces that row: asked first, nothing written yet.
        if (outcome.replaced && !replace) return { kind: 'confirm-replace', date: outcome.date };
        stage.current = 'write';
        const blocked = await write(context, outcome.plan, loaded, w);
        if (blocked) return blocked;
        return {
          kind: 'saved',
          date: outcome.date,
          row: outcome.row,
          replaced: outcome.replaced,
          level: outcome.result.level,
          totalPoints: outcome.result.totalPoints,
          inputIssues: outcome.inputIssues,
        };
      }),

    compareWith: (date) =>
      run('read', async (context, stage): Promise<CompareOutcome> => {
        const writing = writer();
        const loaded = await load(context);
        stage.current = 'compute';
        const w = await writing;
        const grid = loaded.grid;
        const earlier = w.savedSide(grid, date);
        if (earlier.kind === 'refused') return earlier;
        if (earlier.kind === 'missing') return { kind: 'missing', date, saved: earlier.saved.map((m) => m.date) };
        const later = w.currentSide(grid);
        if (later.kind === 'refused') return later;
        if (later.kind === 'missing') return { kind: 'missing', date, saved: [] };
        const compared = w.compareSides(earlier.side, later.side);
        if (compared.kind !== 'compared') return compared;
        const today = w.localToday();
        const planned = w.comparisonSheetPlan(
          grid,
          later.side.catalog,
          compared.comparison,
          { from: `sparad mätning ${date}`, to: 'aktuella svar', organisation: later.side.answers.organisation?.name },
          today,
        );
        if (planned.kind === 'refused') return planned;
        stage.current = 'write';
        const blocked = await write(context, planned.plan, loaded, w);
        if (blocked) return blocked;
        return {
          kind: 'compared',
          comparison: compared.comparison,
          why: w.whyText(compared.comparison),
          fromDate: date,
          written: [SHEETS.comparison],
          issues: [...earlier.side.issues, ...later.side.issues],
        };
      }),

    readBenchmark: async (file) => {
      const name = file.name ?? '';
      try {
        return parseBenchmarkText(await readFileText(file), name);
      } catch (error) {
        return { kind: 'invalid', name, problem: { code: 'benchmark-file-json', params: { message: (error as Error).message } } };
      }
    },

    computeWith: (request) =>
      run('read', async (context, stage): Promise<ChoiceOutcome> => {
        const writing = writer();
        const loaded = await load(context);
        stage.current = 'compute';
        const w = await writing;
        const grid = loaded.grid;
        const today = w.localToday();
        // The target asked for, else the one the workbook remembers (as `score` without --target).
        const text = request.target ?? w.workbookTarget(grid);
        let problem: ChoiceOutcome | undefined;
        let chosen: { label: string; text: string; note?: string } | undefined;
        const outcome = w.computeFromWorkbookWithTarget(grid, today, (catalog) => {
          if (!text) return undefined;
          const r = w.targetRequestFor(text, catalog, request.benchmark?.file, grid);
          if (r.kind === 'problem') {
            problem = { kind: 'problem', problem: r.problem };
            return undefined;
          }
          if (r.request) chosen = { label: r.request.label, text: r.request.text, note: r.request.note };
          return r.request;
        });
        if (outcome.kind === 'refused') return { kind: 'foreign', issue: outcome.issue };
        if (problem) return problem;
        let plan = outcome.plan;
        let benchmark: Extract<ChoiceOutcome, { kind: 'computed' }>['benchmark'];
        if (request.benchmark) {
          const { file } = request.benchmark;
          if (file.catalog.id !== outcome.catalog.id) {
            return { kind: 'problem', problem: { code: 'benchmark-other-catalog', params: { benchmark: file.catalog.id, catalog: outcome.catalog.id } } };
          }
          const targetGroup = outcome.target?.kind === 'benchmark' ? outcome.target.group : undefined;
          const { pickGroup } = await import('../core/benchmark/file');
          const picked = pickGroup(file.file, request.benchmark.group ?? targetGroup, outcome.result.organisation.type);
          if (picked.kind === 'refused') return { kind: 'problem', problem: picked.problem };
          const sheet = w.benchmarkSheetFor(grid, outcome.catalog, outcome.result, { group: picked.group, source: file.file.source, date: file.file.date }, today);
          if (sheet.kind === 'refused') return { kind: 'foreign', issue: sheet.issue };
          plan = [...plan, ...sheet.plan];
          benchmark = { comparison: sheet.comparison, source: file.file.source, date: file.file.date, ...(picked.insteadOf ? { insteadOf: picked.insteadOf } : {}) };
        }
        const allowed = new Set((request.allowDropped ?? []).map(droppedKey));
        const dropped = outcome.issues.filter((issue) => issue.code === 'user-object-dropped');
        if (dropped.some((issue) => !allowed.has(droppedKey(issue)))) return { kind: 'confirm', dropped };
        stage.current = 'write';
        const blocked = await write(context, plan, loaded, w);
        if (blocked) return blocked;
        return {
          kind: 'computed',
          level: outcome.result.level,
          totalPoints: outcome.result.totalPoints,
          ...(outcome.target && chosen ? { target: { path: outcome.target, ...chosen } } : {}),
          ...(benchmark ? { benchmark } : {}),
          issues: outcome.issues,
          written: w.planSheetNames(plan),
        };
      }),
  };
}
