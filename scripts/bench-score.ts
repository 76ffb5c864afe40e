/**
 * Times `infosak score <workbook> -o <out>` as a whole process (Node start included) over several
 * runs and prints min / median / max. Budget: under 1.5 s on one workbook (issue 3), checked on the median.
 *   npx tsx scripts/bench-score.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUDGET_MS = 1500;
const runs = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'infosak-bench-'));
const cli = join(__dirname, '..', 'bin', 'infosak.js');

function run(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`infosak ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

run(['demo', '--out-dir', dir]);
const input = join(dir, 'exempelkommun.xlsx');
run(['score', input, '-o', join(dir, 'warmup.xlsx')]);
const times = Array.from({ length: runs }, (_, i) => run(['score', input, '-o', join(dir, `out${i}.xlsx`)])).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const f = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`infosak score <workbook> -o <out>: ${runs} runs, min ${f(times[0])}, median ${f(median)}, max ${f(times[times.length - 1])} (budget ${BUDGET_MS} ms)`);
if (median >= BUDGET_MS) {
  console.error(`bench: median ${f(median)} is over the budget of ${BUDGET_MS} ms`);
  process.exit(1);
}
