import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type Output } from '../../src/cli/main';

export interface Captured {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Runs the CLI in-process with a capturing Output. */
export async function runCli(argv: readonly string[]): Promise<Captured> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) };
  const code = await run(argv, out);
  return { code, stdout, stderr };
}

/** A temporary directory under os.tmpdir(); call cleanup() in afterAll. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'infosak-test-'));
  return {
    dir,
    write(name: string, content: unknown): string {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
