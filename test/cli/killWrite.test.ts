/**
 * `infosak score x.xlsx --in-place` killed (SIGKILL) at each step of its write and at several
 * moments of its run: the file is always the old workbook byte for byte, or the new valid one.
 * The CLI runs as a real process (through tsx, so no build is needed), slowed down at the write
 * by the preload slowWrites.cjs, which also says when each step is done.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { runCli, tempDir } from '../helpers/cli';

const ROOT = resolve(__dirname, '..', '..');
const PRELOAD = join(__dirname, 'slowWrites.cjs');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

let template: string;
let old: Buffer;
beforeAll(async () => {
  template = join(tmp.dir, 'mall.xlsx');
  expect((await runCli(['template', template])).code).toBe(0);
  old = readFileSync(template);
});

interface Killed {
  readonly steps: string[];
  readonly killed: boolean;
  readonly code: number | null;
}

/** Runs the CLI on `file`; kills it when `killAfter` says so (a step seen, or a time). */
function runAndKill(file: string, killAfter: { step: string; nth?: number } | { ms: number }): Promise<Killed> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', '--require', PRELOAD, '-e', "require('./src/cli/main').main(process.argv.slice(1))", 'score', file, '--in-place'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const steps: string[] = [];
    let killed = false;
    const kill = () => {
      killed = child.kill('SIGKILL') || killed;
    };
    if ('ms' in killAfter) setTimeout(kill, killAfter.ms);
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^step:(\w+)$/.exec(line);
        if (!m) continue;
        steps.push(m[1]);
        if ('step' in killAfter && m[1] === killAfter.step && steps.filter((s) => s === m[1]).length === (killAfter.nth ?? 1)) kill();
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => done({ steps, killed, code }));
  });
}

/** 'old' when the file is the original byte for byte, 'new' when it is a valid scored workbook; else fails. */
async function state(file: string): Promise<'old' | 'new'> {
  const bytes = readFileSync(file);
  if (bytes.equals(old)) return 'old';
  const grid = await readXlsxGrid(bytes, ['Resultat', 'Nivå 1']);
  expect(grid.sheets.has('Resultat')).toBe(true);
  expect(grid.sheets.has('Nivå 1')).toBe(true);
  return 'new';
}

let n = 0;
function copy(): string {
  const file = join(tmp.dir, `kopia${++n}.xlsx`);
  copyFileSync(template, file);
  return file;
}

const TIMEOUT = 60_000;

describe('score --in-place killed during its write', () => {
  it.each([
    ['open', 1, 'old'],
    ['write', 1, 'old'],
    ['write', 3, 'old'],
    ['fsync', 1, 'old'],
    ['close', 1, 'old'],
    ['rename', 1, 'new'],
  ] as const)(
    'after %s #%d the file is the %s workbook',
    async (step, nth, expected) => {
      const file = copy();
      const run = await runAndKill(file, { step, nth });
      expect(run.killed).toBe(true);
      expect(run.steps).toContain(step);
      expect(await state(file)).toBe(expected);
    },
    TIMEOUT,
  );

  it(
    'at several moments of the whole run the file is always the old or the new workbook',
    async () => {
      for (const ms of [300, 900, 1500, 2100, 2700]) {
        const file = copy();
        await runAndKill(file, { ms });
        await state(file); // fails unless old byte for byte or a valid new workbook
      }
    },
    TIMEOUT,
  );

  it(
    'unkilled, the same run replaces the workbook and leaves only it in the folder',
    async () => {
      const file = copy();
      const run = await runAndKill(file, { ms: 50_000 });
      expect(run.code).toBe(0);
      expect(run.steps).toEqual(expect.arrayContaining(['open', 'write', 'fsync', 'close', 'rename']));
      expect(await state(file)).toBe('new');
      expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp') && f.includes(`kopia${n}.xlsx`))).toEqual([]);
    },
    TIMEOUT,
  );
});
