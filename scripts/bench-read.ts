/**
 * Times `infosak read` on a questionnaire workbook with one stray value at XFD1048576 (the last cell
 * of a sheet, where Ctrl+→ and typing put it), as whole processes (Node start included), and
 * measures each run's peak resident memory.
 *
 * Budget: median under 1 s and peak under 200 MB (issue 8). Reading used to build a dense grid to
 * the last cell: 4 GB and an out-of-memory abort after 50 s. Sparse, the cell must cost nothing, so
 * the figures should match an ordinary workbook's.
 *   npm run build:cli && npx tsx scripts/bench-read.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const BUDGET_MS = 1000;
const BUDGET_MB = 200;
const runs = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'infosak-bench-read-'));
const cli = join(__dirname, '..', 'bin', 'infosak.js');

/** Runs the CLI; returns wall milliseconds and the child's own peak RSS in MB (process.resourceUsage). */
function run(args: string[]): { ms: number; mb: number } {
  // The wrapper reports maxRSS when the CLI's process exits; bin/infosak.js reads argv from index 2.
  const wrapper =
    "process.on('exit', () => require('fs').writeSync(2, '\\nmaxrss:' + process.resourceUsage().maxRSS + '\\n'));" +
    `process.argv.splice(1, 0, 'infosak'); require(${JSON.stringify(cli)});`;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', wrapper, ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`infosak ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(/maxrss:(\d+)/.exec(r.stderr)?.[1]);
  return { ms, mb: kb / 1024 };
}

/** The workbook's part for a sheet, through workbook.xml and its rels (sheet n is not always sheetn.xml). */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function main(): Promise<void> {
  const template = join(dir, 'mall.xlsx');
  const r = spawnSync(process.execPath, [cli, 'template', template], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`infosak template failed: ${r.stderr}`);
  const zip = await JSZip.loadAsync(readFileSync(template));
  const part = await sheetPart(zip, 'Nivå 1');
  const xml = await zip.file(part)!.async('string');
  const stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>';
  zip.file(part, xml.replace(/<\/sheetData>/, `${stray}</sheetData>`));
  const input = join(dir, 'xfd1048576.xlsx');
  writeFileSync(input, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));

  const measure = (file: string) => {
    run(['read', file]); // warm-up: file cache, Node's compile cache
    return Array.from({ length: runs }, () => run(['read', file]));
  };
  const report = (label: string, results: { ms: number; mb: number }[]) => {
    const times = results.map((x) => x.ms).sort((a, b) => a - b);
    const peak = Math.max(...results.map((x) => x.mb));
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `${label}: ${runs} runs, wall min ${times[0].toFixed(0)} ms, median ${median.toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms; ` +
        `peak RSS ${peak.toFixed(0)} MB`,
    );
    return { median, peak };
  };
  report('infosak read <template>            ', measure(template));
  const stray1 = report('infosak read <template + XFD1048576>', measure(input));
  console.log(`budget: median under ${BUDGET_MS} ms and peak RSS under ${BUDGET_MB} MB (a stray last cell must cost nothing, issue 8)`);
  const over: string[] = [];
  if (stray1.median >= BUDGET_MS) over.push(`median ${stray1.median.toFixed(0)} ms is over ${BUDGET_MS} ms`);
  if (stray1.peak >= BUDGET_MB) over.push(`peak RSS ${stray1.peak.toFixed(0)} MB is over ${BUDGET_MB} MB`);
  if (over.length) {
    console.error(`bench:read: ${over.join('; ')}`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(`bench:read: ${(e as Error).message}`);
  process.exit(1);
});
