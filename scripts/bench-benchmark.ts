/**
 * Times `infosak benchmark` on 1000 questionnaire workbooks (.xlsx), as one whole process (Node
 * start included), and measures its peak resident memory.
 *
 * Budget (issue 11): under 20 s on a 2-core machine and under 1 GB — what a region's coordinator
 * or MCF running a national benchmark can wait for on an ordinary laptop. Files are read one at a
 * time and reduced to a small record, so memory should stay near a single `infosak read`'s.
 * The workbooks are scored once (result sheets and Handlingsplan, as users keep them) and cached
 * in out/bench-benchmark/ between runs.
 *   npm run bench:benchmark            (builds the CLI first)
 *   npx tsx scripts/bench-benchmark.ts [count]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlanToXlsx } from '../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../src/adapters/xlsx/readGrid';
import { findCatalog } from '../src/core/catalog/registry';
import { computeFromWorkbook } from '../src/workbook/compute';
import { INPUT_SHEETS } from '../src/workbook/layout';
import { questionnairePlan } from '../src/workbook/plan/questionnaire';
import { syntheticAnswers } from './benchmark/members';

const BUDGET_S = 20;
const BUDGET_MB = 1024;
const count = Number(process.argv[2] ?? 1000);
const root = join(__dirname, '..');
const dir = join(root, 'out', 'bench-benchmark', String(count));
const cli = join(root, 'bin', 'infosak.js');

async function makeWorkbooks(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  const catalog = findCatalog('infosakkollen-2023-v1')!;
  const t = Date.now();
  let made = 0;
  for (let i = 0; i < count; i++) {
    const name = `org-${String(i).padStart(4, '0')}.xlsx`;
    if (have.has(name)) continue;
    const questionnaire = await applyPlanToXlsx(null, questionnairePlan(catalog, syntheticAnswers(catalog, i)));
    const outcome = computeFromWorkbook(await readXlsxGrid(questionnaire, INPUT_SHEETS), '2026-01-15');
    if (outcome.kind !== 'computed') throw new Error(`workbook ${i} could not be scored`);
    writeFileSync(join(dir, name), await applyPlanToXlsx(questionnaire, outcome.plan));
    made++;
  }
  if (made) console.log(`made ${made} scored workbooks in ${((Date.now() - t) / 1000).toFixed(1)} s (${dir})`);
}

/**
 * Runs the CLI; wall seconds, CPU seconds and the process's peak RSS in MB (workers included: one
 * process). CPU time is printed too: on a machine busy with other work the wall time says little.
 */
function run(args: string[]): { s: number; cpu: number; mb: number; stdout: string } {
  const wrapper =
    "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, '\\nmaxrss:' + u.maxRSS + ' cpu:' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });" +
    `process.argv.splice(1, 0, 'infosak'); require(${JSON.stringify(cli)});`;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', wrapper, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`infosak ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { s, cpu: Number(/cpu:(\d+)/.exec(r.stderr)?.[1]) / 1e6, mb: Number(/maxrss:(\d+)/.exec(r.stderr)?.[1]) / 1024, stdout: r.stdout };
}

async function main(): Promise<void> {
  // The CLI as users run it (bin/infosak.js over lib/), whichever way the build lays out lib/.
  if (!['infosak.js', 'cli/main.js'].some((f) => existsSync(join(root, 'lib', f)))) throw new Error('build the CLI first: npm run build:cli');
  await makeWorkbooks();
  const { s, cpu, mb, stdout } = run(['benchmark', dir, '--json']);
  const out = JSON.parse(stdout);
  if (out.members !== count) throw new Error(`expected ${count} members, got ${out.members}`);
  const ok = s < BUDGET_S && mb < BUDGET_MB;
  console.log(`infosak benchmark: ${count} workbooks in ${s.toFixed(1)} s = ${(count / s).toFixed(0)} files/s (CPU ${cpu.toFixed(1)} s), peak memory ${mb.toFixed(0)} MB`);
  console.log(`  groups: ${out.groups.map((g: { id: string; members: number; refused: boolean }) => `${g.id} ${g.refused ? 'refused' : g.members}`).join(', ')}`);
  console.log(`budget: under ${BUDGET_S} s and ${BUDGET_MB} MB → ${ok ? 'OK' : 'OVER BUDGET'}`);
  if (!ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
