/**
 * How much `infosak score <workbook> -o <out>` costs beyond starting Node at all (issue 14), as whole
 * processes: paired runs of `node -e 0` and the command, one right after the other in alternating
 * order, so both of a pair meet the same machine load; the ratio of each pair, and their median.
 * Wall clock: what a user waits for.
 *
 *   npm run bench                                  (builds the CLI first; then bench-read)
 *   npx tsx scripts/bench-score.ts [--runs 15] [--cli bin/infosak.js]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Issue 14: a command that scores one workbook should feel like starting Node itself. A bare Node
 * start is the floor nobody can go under; at 2.0 the product's own work (loading the CLI, reading,
 * scoring and writing the workbook) costs no more than that floor once more.
 */
export const RATIO_BUDGET = 2.0;
/**
 * Reached on most runs, not yet on every one: 1.72–1.91× (median of 15 pairs; 15 of 16 runs in a
 * row at or under 2.0×, one at 2.06×) measured on 2026-11-30 on two shared cores at load ~1, and
 * ~1.85–2.1× with another CPU-bound process running; down from 2.3–2.8×. What did it: the path-cost
 * line's numbers formatted without ICU (its first toLocaleString loaded ICU's number formatting,
 * ~20 ms), the common cells read by one regex match and the result sheets a computation replaces not
 * parsed at all, the zip written without JSZip's generate, the package read for the computation
 * reused when it is written back, unchanged parts copied as they are, and less allocation
 * throughout. What is left, in ms of a ~55 ms run beyond a bare start: loading the bundle ~12 (most
 * of it V8 deserializing the code cache), reading ~12 (JSZip's directory ~2.5, the sheets' XML ~4),
 * computing ~14, writing ~13, the atomic write with its fsyncs ~2. A run fails above this guard:
 * the highest median seen under another process's load was 2.16×, so 2.5× fails a real regression
 * (~40% from 1.8×) and not a busy CI machine; 2.0× would fail one run in ~15 on an idle machine today.
 */
export const RATIO_GUARD = 2.5;
/** Issue 3: one workbook under 1.5 s, wall clock, on the median (a machine so loaded that even Node starts slowly fails the ratio instead). */
export const WALL_BUDGET_MS = 1500;

export interface Timed {
  readonly wallMs: number;
}

export interface PairedResult {
  readonly bare: readonly Timed[];
  readonly command: readonly Timed[];
  /** command / bare of each pair, wall clock. */
  readonly ratios: readonly number[];
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The pairs' ratios: each command run over the bare start it was paired with. */
export function pairRatios(bare: readonly Timed[], command: readonly Timed[]): number[] {
  if (bare.length !== command.length) throw new Error('pairs need as many bare runs as command runs');
  return command.map((c, i) => c.wallMs / bare[i].wallMs);
}

/** Runs node with these arguments, output discarded; its wall time. */
function timed(args: readonly string[]): Timed {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wallMs };
}

export function pairedRuns(command: readonly string[], runs: number): PairedResult {
  const bare: Timed[] = [];
  const cmd: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternating which goes first cancels a drift in load between the two.
    if (i % 2 === 0) {
      bare.push(timed(['-e', '0']));
      cmd.push(timed(command));
    } else {
      cmd.push(timed(command));
      bare.push(timed(['-e', '0']));
    }
  }
  return { bare, command: cmd, ratios: pairRatios(bare, cmd) };
}

function summary(label: string, values: readonly number[], unit: string, digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => `${v.toFixed(digits)}${unit}`;
  return `${label}min ${f(sorted[0])}, median ${f(median(sorted))}, max ${f(sorted[sorted.length - 1])}`;
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: readonly string[]): number {
  const runs = Number(option(argv, '--runs') ?? 15);
  const cli = resolve(option(argv, '--cli') ?? join(__dirname, '..', 'bin', 'infosak.js'));
  const dir = mkdtempSync(join(tmpdir(), 'infosak-bench-'));
  try {
    timed([cli, 'demo', '--out-dir', dir]);
    const input = join(dir, 'exempelkommun.xlsx');
    const output = join(dir, 'out.xlsx');
    const score = [cli, 'score', input, '-o', output];
    timed(score); // warm-up: the file cache
    const result = pairedRuns(score, runs);
    const ratio = median(result.ratios);
    const wall = median(result.command.map((t) => t.wallMs));
    console.log(`infosak score <workbook> -o <out> against node -e 0: ${runs} paired runs`);
    console.log(`  ${summary('node -e 0       ', result.bare.map((t) => t.wallMs), ' ms')}`);
    console.log(`  ${summary('infosak score   ', result.command.map((t) => t.wallMs), ' ms')}`);
    console.log(`  ${summary('ratio per pair  ', result.ratios, '×', 2)}`);
    console.log(`ratio ${ratio.toFixed(2)}× a bare Node start (issue 14's target ${RATIO_BUDGET.toFixed(1)}×, guard ${RATIO_GUARD.toFixed(1)}×); median wall ${wall.toFixed(0)} ms (budget ${WALL_BUDGET_MS} ms)`);
    if (ratio > RATIO_BUDGET) console.log(`bench: the target ${RATIO_BUDGET.toFixed(1)}× is not reached yet (${ratio.toFixed(2)}×)`);
    const over: string[] = [];
    if (ratio > RATIO_GUARD) over.push(`the median ratio ${ratio.toFixed(2)}× is over the guard ${RATIO_GUARD.toFixed(1)}×`);
    if (wall >= WALL_BUDGET_MS) over.push(`the median ${wall.toFixed(0)} ms is over ${WALL_BUDGET_MS} ms`);
    if (over.length > 0) {
      console.error(`bench: ${over.join('; ')}`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
