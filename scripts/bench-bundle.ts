/**
 * The task pane's bundle and round-trip budget (issue 4):
 * - builds the production pane (office.js from the CDN, as published) into test-artifacts/bundle,
 * - prints every JS file minified and gzipped, what Excel users load and what the preview adds,
 *   and the biggest contributors (from the source maps),
 * - counts the Office.js round trips of reading and writing the example workbook (memory Excel),
 * - exits 1 when the gzipped JS reaches 300 KB or a sync budget is exceeded.
 *
 *   npm run bench:bundle              (--dist DIR measures an existing build instead)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createMemoryExcel, type MemoryExcel } from '../src/adapters/officejs/memory/memoryExcel';
import { paneActions } from '../src/taskpane/actions';
import { officeHost } from '../src/taskpane/officeHost';
import { exampleExcel } from '../src/taskpane/preview';
import { buildPane } from './build-pane';

/** Issue 4: the pane's gzipped JavaScript stays under 300 KB (Excel on the web loads it on every open). */
const GZIP_BUDGET = 300 * 1000;
/**
 * Issues 9 and 14: every sync is a network round trip on Excel on the web. A compute is one
 * Excel.run: one sync loads everything (the sheet names are known from the previous read), one
 * writes. Inserting the questionnaire likewise. Reading cold (no names known yet) takes two.
 */
const READ_SYNC_BUDGET = 2;
const COMPUTE_SYNC_BUDGET = 2;
const INSERT_SYNC_BUDGET = 2;

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (text: string, width: number): string => text.padEnd(width);
const lpad = (text: string, width: number): string => text.padStart(width);

interface FileSize {
  readonly file: string;
  readonly minified: number;
  readonly gzipped: number;
  readonly initial: boolean;
}

function measure(dir: string): FileSize[] {
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const code = readFileSync(join(dir, file));
      return { file, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, initial: html.includes(file) };
    });
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

/** Webpack maps no JSON module: the unmapped code is mostly the catalog and feedback data. */
const UNMAPPED = '(unmapped: JSON catalogs + glue)';

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

async function main(argv: readonly string[]): Promise<number> {
  const distArg = argv.indexOf('--dist');
  let dir: string;
  if (distArg >= 0) {
    dir = resolve(argv[distArg + 1]);
    if (!existsSync(join(dir, 'taskpane.html'))) throw new Error(`${dir}/taskpane.html not found`);
  } else {
    dir = resolve(__dirname, '..', 'test-artifacts', 'bundle');
    const start = performance.now();
    await buildPane({ outDir: dir, officeJs: 'cdn', mode: 'production' });
    console.log(`Built the production pane in ${((performance.now() - start) / 1000).toFixed(1)} s → ${dir}`);
  }
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  const office = /<script[^>]*src="?([^"\s>]*office(?:\.debug)?\.js)/.exec(html)?.[1] ?? '(none)';

  const files = measure(dir);
  const sum = (list: readonly FileSize[], key: 'minified' | 'gzipped') => list.reduce((n, f) => n + f[key], 0);
  const initial = files.filter((f) => f.initial);
  console.log(`\nTask pane bundle (webpack production; office.js: ${office})`);
  console.log(`  ${pad('file', 34)}${lpad('minified', 12)}${lpad('gzipped', 12)}`);
  for (const f of files) console.log(`  ${pad(`${f.file}${f.initial ? '' : ' (on demand)'}`, 34)}${lpad(kb(f.minified), 12)}${lpad(kb(f.gzipped), 12)}`);
  console.log(`  ${pad('Excel users load', 34)}${lpad(kb(sum(initial, 'minified')), 12)}${lpad(kb(sum(initial, 'gzipped')), 12)}`);
  console.log(`  ${pad('total (preview loads all)', 34)}${lpad(kb(sum(files, 'minified')), 12)}${lpad(kb(sum(files, 'gzipped')), 12)}`);

  const contributions = new Map<string, string[]>();
  for (const f of files) {
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
    console.log('\nBiggest contributors (from the source maps; gzipped alone, so an upper bound of their share)');
    for (const c of sized.sort((a, b) => b.minified - a.minified).slice(0, 14)) {
      console.log(`  ${pad(c.name, 38)}${lpad(kb(c.minified), 10)}${lpad(kb(c.gzipped), 10)}`);
    }
  }

  const syncs = await syncCounts();
  console.log('\nOffice.js round trips on the example workbook (memory Excel)');
  for (const s of syncs) {
    console.log(`  ${pad(s.label, 32)}${lpad(`${s.syncs} sync${s.syncs === 1 ? '' : 's'}`, 9)} (budget ${s.budget})  ${lpad(s.ms.toFixed(0), 5)} ms  ${s.detail}`);
  }

  const gz = sum(files, 'gzipped');
  const failures: string[] = [];
  if (gz >= GZIP_BUDGET) failures.push(`gzipped JS ${kb(gz)} ≥ budget ${kb(GZIP_BUDGET)}`);
  for (const s of syncs) if (s.syncs > s.budget) failures.push(`${s.label}: ${s.syncs} syncs > budget ${s.budget}`);
  if (failures.length > 0) {
    console.log(`\nbench:bundle FAILED\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log(`\nbench:bundle OK: gzipped JS ${kb(gz)} < ${kb(GZIP_BUDGET)}; syncs within budget`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  },
);
