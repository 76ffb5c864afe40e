/**
 * Real clients as users' tools: LibreOffice (re-save as .xlsx, .ods round trip, .xls) and
 * openpyxl (re-save, insert rows and columns). Each is optional: cases needing a missing tool
 * are reported as skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export type Tool = 'soffice' | 'openpyxl';

const PYTHONS = ['/usr/bin/python3', 'python3'];

let cache: Partial<Record<Tool, string | null>> = {};

/** The command to run the tool, or null when it is not installed. */
export function toolPath(tool: Tool): string | null {
  if (cache[tool] !== undefined) return cache[tool]!;
  let found: string | null = null;
  if (tool === 'soffice') {
    const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
    found = r.status === 0 && r.stdout.trim() ? r.stdout.trim().split('\n')[0] : null;
  } else {
    for (const py of PYTHONS) {
      const r = spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' });
      if (r.status === 0) {
        found = py;
        break;
      }
    }
  }
  cache = { ...cache, [tool]: found };
  return found;
}

export const INSTALL_HINT: Record<Tool, string> = {
  soffice: 'LibreOffice is not installed (apt-get install -y --no-install-recommends libreoffice-calc-nogui)',
  openpyxl: 'openpyxl is not installed (apt-get install -y python3-openpyxl)',
};

/**
 * Converts files with LibreOffice in one call (one start-up for all). `filter` e.g. 'xlsx',
 * 'ods', 'xls', or 'xlsx:Calc MS Excel 2007 XML'. Returns the converted bytes by input name.
 * A private profile keeps it apart from any other LibreOffice running on the machine.
 */
export function sofficeConvert(inputs: { name: string; bytes: Uint8Array; ext: string }[], filter: string, outExt: string): Map<string, Buffer> {
  const soffice = toolPath('soffice');
  if (!soffice) throw new Error(INSTALL_HINT.soffice);
  const dir = mkdtempSync(join(tmpdir(), 'infosak-corpus-lo-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    const files = inputs.map((i) => {
      const p = join(inDir, `${i.name}.${i.ext}`);
      writeFileSync(p, i.bytes);
      return p;
    });
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const out = new Map<string, Buffer>();
    for (const i of inputs) {
      const p = join(outDir, `${i.name}.${outExt}`);
      if (!existsSync(p)) throw new Error(`LibreOffice did not convert ${i.name}: ${r.stderr || r.stdout || r.error}`);
      out.set(i.name, readFileSync(p));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs an openpyxl script on a workbook: `script` gets `wb` (loaded) and must not save; the
 * file is saved by openpyxl afterwards, as a user's script would.
 */
export function openpyxlEdit(bytes: Uint8Array, script: string): Buffer {
  const py = toolPath('openpyxl');
  if (!py) throw new Error(INSTALL_HINT.openpyxl);
  const dir = mkdtempSync(join(tmpdir(), 'infosak-corpus-py-'));
  try {
    const input = join(dir, 'in.xlsx');
    const output = join(dir, 'out.xlsx');
    writeFileSync(input, bytes);
    const program = `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n${script}\nwb.save(sys.argv[2])\n`;
    const r = spawnSync(py, ['-c', program, input, output], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`openpyxl failed on ${basename(input)}: ${r.stderr}`);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
