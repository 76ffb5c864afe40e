/**
 * Runs `infosak` (the sources, via tsx) in a child process for corpus cases that may hang or crash
 * the process: `node --import tsx test/corpus/run-cli.ts <result.json> <argv…>`. Writes the exit
 * code, the output, the time of run() and the peak memory to result.json.
 */
import { writeFileSync } from 'node:fs';
import { run } from '../../src/cli/main';

async function main(): Promise<void> {
  const [resultPath, ...argv] = process.argv.slice(2);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const baseRss = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const code = await run(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  const ms = performance.now() - t0;
  const usage = process.resourceUsage();
  writeFileSync(resultPath, JSON.stringify({ code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), ms, rssMb: usage.maxRSS / 1024, baseRssMb: baseRss / 1024 }));
  process.exit(0);
}

void main();
