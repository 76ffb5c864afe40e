/**
 * The task pane's bundle and round-trip budgets (issues 4 and 14):
 * - builds the production pane (office.js from the CDN, as published) into test-artifacts/bundle,
 * - prints every script minified and gzipped by when the page loads it: at once (taskpane.html),
 *   the catalog of the workbook (while office.js starts), the writer (prefetched, needed for the
 *   first compute) and the browser preview (never in Excel), with the biggest contributors of the
 *   first load (from the source maps),
 * - checks what must stay out of the first load: zod, the catalogs, the in-memory Excel and the
 *   example workbook,
 * - counts the Office.js round trips of reading and writing the example workbook (memory Excel),
 * - exits 1 when a budget is exceeded or something is where it must not be.
 *
 *   npm run bench:bundle              (--dist DIR measures an existing build instead, without the module checks)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Stats } from 'webpack';
import { createMemoryExcel, type MemoryExcel } from '../src/adapters/officejs/memory/memoryExcel';
import { paneActions } from '../src/taskpane/actions';
import { officeHost } from '../src/taskpane/officeHost';
import { exampleExcel } from '../src/taskpane/preview';
import { buildPane } from './build-pane';

/**
 * Issue 14: what taskpane.html loads before the pane can show anything stays at or under 150 kB
 * gzipped. Excel on the web downloads and parses it on every open of the pane (issue 4 allowed 300 KB).
 */
export const FIRST_LOAD_BUDGET = 150 * 1000;
/**
 * Everything an Excel user can download in a session (the first load, the biggest catalog, every
 * chunk on demand; not the preview): 176 kB when the first load was split off (issue 14), 215 kB
 * once It-säkkollen, the follow-up panels and the export were in the pane (issues 12, 13). Loaded
 * on demand, mostly prefetched while the user reads; the margin is for one more feature, going
 * beyond it is a decision to take, not a drift.
 */
export const EXCEL_SESSION_BUDGET = 230 * 1000;
/**
 * Issues 9 and 14: every sync is a network round trip on Excel on the web. A compute is one
 * Excel.run: one sync loads everything (the sheet names are known from the previous read), one
 * writes. Inserting the questionnaire likewise. Reading cold (no names known yet) takes two.
 */
const READ_SYNC_BUDGET = 2;
const COMPUTE_SYNC_BUDGET = 2;
const INSERT_SYNC_BUDGET = 2;

/**
 * Modules that must never be in the first load (issue 14), each with why: the catalogs are
 * validated when built and come as chunks of their own; the preview is for a browser without Excel.
 */
export const NOT_IN_FIRST_LOAD: readonly { readonly pattern: RegExp; readonly why: string }[] = [
  { pattern: /node_modules[\\/]zod[\\/]/, why: 'zod (catalogs are validated when built, not in the pane)' },
  // The summaries (generated/index.json, under 1 kB) are what the picker shows before any catalog is loaded.
  { pattern: /src[\\/]catalogs[\\/](?!generated[\\/]index\.json$)/, why: 'catalog data (each catalog is a chunk of its own)' },
  { pattern: /src[\\/]adapters[\\/]officejs[\\/]memory[\\/]/, why: 'the in-memory Excel (preview only)' },
  { pattern: /src[\\/]examples[\\/]/, why: 'the example workbook (preview only)' },
  { pattern: /src[\\/]taskpane[\\/]preview/, why: 'the preview (never in Excel)' },
];

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (text: string, width: number): string => text.padEnd(width);
const lpad = (text: string, width: number): string => text.padStart(width);

/** When the page loads a script: at once, while office.js starts, before the first write, or only in the preview. */
export type LoadTime = 'first' | 'catalog' | 'writer' | 'preview';

export interface FileSize {
  readonly file: string;
  readonly minified: number;
  readonly gzipped: number;
  readonly when: LoadTime;
}

/** From the file name (webpack's [name].[contenthash].js; chunk names are set in actions.ts, sources.lazy.ts and index.tsx). */
export function loadTimeOf(file: string, firstLoad: boolean): LoadTime {
  if (firstLoad) return 'first';
  if (file.startsWith('catalog-')) return 'catalog';
  if (file.startsWith('preview')) return 'preview';
  // Any other chunk is on the way to a compute: count it with the writer, the stricter choice.
  return 'writer';
}

function measure(dir: string): FileSize[] {
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const code = readFileSync(join(dir, file));
      return { file, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, when: loadTimeOf(file, html.includes(file)) };
    });
}

/** gzipped bytes an Excel user downloads in a session: the first load, the biggest catalog, every other chunk but the preview. */
export function excelSession(files: readonly FileSize[]): number {
  const sum = (when: LoadTime) => files.filter((f) => f.when === when).reduce((n, f) => n + f.gzipped, 0);
  const biggestCatalog = Math.max(0, ...files.filter((f) => f.when === 'catalog').map((f) => f.gzipped));
  return sum('first') + biggestCatalog + sum('writer');
}

/** Modules of the first load that must not be there, from webpack's compilation (concatenated modules looked into). */
function misplaced(stats: Stats): string[] {
  const { compilation } = stats;
  const root = resolve(__dirname, '..') + '/';
  const found = new Set<string>();
  const visit = (module: { resource?: string; identifier(): string; modules?: Iterable<unknown> }) => {
    const name = module.resource ?? module.identifier();
    for (const rule of NOT_IN_FIRST_LOAD) if (rule.pattern.test(name)) found.add(`${rule.why}: ${name.replace(root, '')}`);
    for (const inner of module.modules ?? []) visit(inner as typeof module);
  };
  for (const chunk of compilation.chunks) {
    if (!chunk.canBeInitial()) continue;
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(module as unknown as Parameters<typeof visit>[0]);
  }
  return [...found];
}

// ---- source-map attribution (a small VLQ decoder; no dependency) ----------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_VALUE.get(ch)!;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Webpack maps no JSON module and none of its own glue. */
const UNMAPPED = '(unmapped: JSON data + webpack glue)';

/** Generated code per source package ("zod", "@fluentui/react-button", "src/core", …). */
function attribute(code: string, map: { sources: string[]; mappings: string }): Map<string, string[]> {
  const lines = code.split('\n');
  const bySource = new Map<string, string[]>();
  let lineText = '';
  const add = (source: number, from: number, to: number) => {
    const name = source < 0 ? UNMAPPED : packageOf(map.sources[source]);
    const parts = bySource.get(name) ?? [];
    parts.push(lineText.slice(from, to));
    bySource.set(name, parts);
  };
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    lineText = lines[lineIndex] ?? '';
    const length = lineText.length;
    let column = 0;
    const segments = line ? line.split(',').map(decodeSegment) : [];
    let previousColumn = 0;
    let previousSource = -1;
    for (const seg of segments) {
      column += seg[0];
      if (column > previousColumn) add(previousSource, previousColumn, column);
      previousColumn = column;
      if (seg.length >= 4) {
        source += seg[1];
        previousSource = source;
      } else previousSource = -1;
    }
    if (length > previousColumn) add(previousSource, previousColumn, length);
  });
  return bySource;
}

function packageOf(source: string): string {
  const path = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  const src = /^src\/([^/]+)(?:\/([^/.]+))?/.exec(path);
  if (src) return src[1] === 'adapters' || src[1] === 'taskpane' ? `src/${src[1]}/${src[2] ?? ''}` : `src/${src[1]}`;
  return path;
}

// ---- sync counts on the example workbook ----------------------------------------------------

/** Runs one of the pane's use cases and reports the Excel.run calls it made and their syncs. */
async function measured(excel: MemoryExcel, work: () => Promise<unknown>): Promise<{ runs: number; syncs: number; firstRun: number; ms: number; operations: number }> {
  const contexts = excel.contexts.length;
  const operations = excel.faults.actionsRun;
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  const used = excel.contexts.slice(contexts);
  return { runs: used.length, syncs: used.reduce((n, c) => n + c.syncCount, 0), firstRun: used[0]?.syncCount ?? 0, ms, operations: excel.faults.actionsRun - operations };
}

async function syncCounts(): Promise<{ label: string; syncs: number; budget: number; ms: number; detail: string }[]> {
  // The pane's own use cases on the memory Excel, as the task pane runs them (open, then click).
  const empty = createMemoryExcel();
  const emptyPane = paneActions(officeHost(empty));
  await emptyPane.inspect();
  const insert = await measured(empty, () => emptyPane.insertQuestionnaire().then((o) => o.kind === 'inserted' || Promise.reject(new Error(`insert: ${o.kind}`))));

  const excel = await exampleExcel();
  const pane = paneActions(officeHost(excel));
  const read = await measured(excel, () => pane.inspect());
  const computed = (o: { kind: string }) => (o.kind === 'computed' ? o : Promise.reject(new Error(`compute: ${o.kind}`)));
  const first = await measured(excel, () => pane.compute().then(computed));
  // Computing again over the written workbook: Handlingsplan is updated in place.
  const second = await measured(excel, () => pane.compute().then(computed));
  const detail = (m: { runs: number; operations: number }) => `${m.runs} Excel.run, ${m.operations} operations`;

  return [
    { label: 'read (pane opens, cold)', syncs: read.syncs, budget: READ_SYNC_BUDGET, ms: read.ms, detail: detail(read) },
    { label: 'compute (first run)', syncs: first.syncs, budget: COMPUTE_SYNC_BUDGET, ms: first.ms, detail: detail(first) },
    { label: 'compute (second run)', syncs: second.syncs, budget: COMPUTE_SYNC_BUDGET, ms: second.ms, detail: detail(second) },
    // The insert itself is the first run; selecting Start and re-reading the new state follow it.
    { label: 'insert questionnaire', syncs: insert.firstRun, budget: INSERT_SYNC_BUDGET, ms: insert.ms, detail: `then ${insert.runs - 1} Excel.run to select Start and re-read` },
  ];
}

// ---- main -------------------------------------------------------------------------------------

const WHEN_LABEL: Record<LoadTime, string> = {
  first: 'first load (taskpane.html)',
  catalog: 'catalog (while office.js starts)',
  writer: 'on demand (a compute, a panel)',
  preview: 'browser preview only',
};

/** The sync count as the issue words it, "compute (second run) 2 syncs", then budget, time and detail. */
export function syncLine(s: { label: string; syncs: number; budget: number; ms: number; detail: string }): string {
  const head = `${s.label} ${s.syncs} sync${s.syncs === 1 ? '' : 's'}`;
  return `${pad(head, 36)}(budget ${s.budget})  ${lpad(s.ms.toFixed(0), 5)} ms  ${s.detail}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const distArg = argv.indexOf('--dist');
  let dir: string;
  let stats: Stats | undefined;
  if (distArg >= 0) {
    dir = resolve(argv[distArg + 1]);
    if (!existsSync(join(dir, 'taskpane.html'))) throw new Error(`${dir}/taskpane.html not found`);
  } else {
    dir = resolve(__dirname, '..', 'test-artifacts', 'bundle');
    const start = performance.now();
    stats = await buildPane({ outDir: dir, officeJs: 'cdn', mode: 'production' });
    console.log(`Built the production pane in ${((performance.now() - start) / 1000).toFixed(1)} s → ${dir}`);
  }
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  const office = /<script[^>]*src="?([^"\s>]*office(?:\.debug)?\.js)/.exec(html)?.[1] ?? '(none)';

  const files = measure(dir);
  const sum = (list: readonly FileSize[], key: 'minified' | 'gzipped') => list.reduce((n, f) => n + f[key], 0);
  const first = files.filter((f) => f.when === 'first');
  console.log(`\nTask pane scripts (webpack production; office.js: ${office})`);
  const width = Math.max(46, ...files.map((f) => f.file.length + 2));
  const line = width + 36;
  console.log(`  ${pad('file', width)}${pad('loaded', 36)}${lpad('minified', 11)}${lpad('gzipped', 11)}`);
  for (const f of files) console.log(`  ${pad(f.file, width)}${pad(WHEN_LABEL[f.when], 36)}${lpad(kb(f.minified), 11)}${lpad(kb(f.gzipped), 11)}`);
  const firstGz = sum(first, 'gzipped');
  const session = excelSession(files);
  const total = sum(files, 'gzipped');
  console.log(`  ${pad('first load: what every open of the pane costs', line)}${lpad(kb(sum(first, 'minified')), 11)}${lpad(kb(firstGz), 11)}`);
  console.log(`  ${pad('an Excel session: first load + a catalog + what loads on demand', line)}${lpad('', 11)}${lpad(kb(session), 11)}`);
  console.log(`  ${pad('total, with the browser preview', line)}${lpad(kb(sum(files, 'minified')), 11)}${lpad(kb(total), 11)}`);

  const contributions = new Map<string, string[]>();
  for (const f of first) {
    const mapPath = join(dir, `${f.file}.map`);
    if (!existsSync(mapPath)) continue;
    for (const [name, parts] of attribute(readFileSync(join(dir, f.file), 'utf8'), JSON.parse(readFileSync(mapPath, 'utf8')))) {
      contributions.set(name, [...(contributions.get(name) ?? []), ...parts]);
    }
  }
  if (contributions.size > 0) {
    const sized = [...contributions].map(([name, parts]) => {
      const code = parts.join('');
      return { name, minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
    });
    console.log('\nBiggest contributors to the first load (from the source maps; gzipped alone, so an upper bound of their share)');
    for (const c of sized.sort((a, b) => b.minified - a.minified).slice(0, 16)) {
      console.log(`  ${pad(c.name, 38)}${lpad(kb(c.minified), 10)}${lpad(kb(c.gzipped), 10)}`);
    }
  }

  const failures: string[] = [];
  if (stats) {
    const wrong = misplaced(stats);
    console.log(`\nNot in the first load (zod, catalogs, in-memory Excel, example workbook, preview): ${wrong.length === 0 ? 'none there' : `${wrong.length} found`}`);
    for (const w of wrong) console.log(`  ${w}`);
    failures.push(...wrong.map((w) => `in the first load: ${w}`));
  }

  const syncs = await syncCounts();
  console.log('\nOffice.js round trips on the example workbook (memory Excel)');
  for (const s of syncs) console.log(`  ${syncLine(s)}`);

  if (firstGz > FIRST_LOAD_BUDGET) failures.push(`first load ${kb(firstGz)} > budget ${kb(FIRST_LOAD_BUDGET)}`);
  if (session > EXCEL_SESSION_BUDGET) failures.push(`an Excel session ${kb(session)} > budget ${kb(EXCEL_SESSION_BUDGET)}`);
  for (const s of syncs) if (s.syncs > s.budget) failures.push(`${s.label}: ${s.syncs} syncs > budget ${s.budget}`);
  if (failures.length > 0) {
    console.log(`\nbench:bundle FAILED\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log(
    `\nbench:bundle OK: first load ${kb(firstGz)} ≤ ${kb(FIRST_LOAD_BUDGET)}, an Excel session ${kb(session)} ≤ ${kb(EXCEL_SESSION_BUDGET)} gzipped; syncs within budget`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exitCode = 1;
    },
  );
}
