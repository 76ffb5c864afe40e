/**
 * Runs the shared OOXML checker (check-xlsx: ECMA-376 schemas plus Excel's own rules) on workbooks
 * the tests wrote. It lives beside the repo (../shared/ooxml-check) or where CHECK_XLSX points, and
 * needs jing, xmllint and python3-lxml; without them the check is skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CHECKER = process.env.CHECK_XLSX ?? resolve(__dirname, '../../../../shared/ooxml-check/check-xlsx');

/** Why the checker cannot run here, or undefined when it can. */
export function checkerMissing(): string | undefined {
  if (!existsSync(CHECKER)) return `check-xlsx not found at ${CHECKER} (set CHECK_XLSX)`;
  const probe = spawnSync('sh', ['-c', 'command -v jing && command -v xmllint'], { encoding: 'utf8' });
  if (probe.status !== 0) return 'check-xlsx needs jing and xmllint: apt-get install -y --no-install-recommends jing libxml2-utils python3-lxml';
  return undefined;
}

export interface CheckResult {
  /** 0 no violations, 1 violations, 2 cannot run. */
  readonly status: number;
  /** One line per violation. */
  readonly output: string;
}

/** Checks the workbooks (name → bytes) in one checker run. */
export function checkXlsx(workbooks: Readonly<Record<string, Uint8Array>>): CheckResult {
  const dir = mkdtempSync(join(tmpdir(), 'check-xlsx-'));
  try {
    const files = Object.entries(workbooks).map(([name, bytes]) => {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, bytes);
      return file;
    });
    const run = spawnSync(CHECKER, ['--quiet', ...files], { encoding: 'utf8', timeout: 120_000 });
    return { status: run.status ?? 2, output: `${run.stdout ?? ''}${run.stderr ?? ''}`.split(dir).join('') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
