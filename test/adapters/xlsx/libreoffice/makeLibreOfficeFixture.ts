/**
 * Regenerates handlingsplan-libreoffice.xlsx: the hand-made user Handlingsplan (userSheetFixture.ts)
 * opened and saved by LibreOffice Calc, a real client's way of writing every feature.
 * Run: npx tsx test/adapters/xlsx/libreoffice/makeLibreOfficeFixture.ts (needs soffice).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userSheetFixture } from '../userSheetFixture';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-fixture-'));
  try {
    const source = join(dir, 'handlingsplan-libreoffice.xlsx');
    writeFileSync(source, (await userSheetFixture()).bytes);
    const out = join(dir, 'out');
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', out, source], { stdio: 'inherit' });
    copyFileSync(join(out, 'handlingsplan-libreoffice.xlsx'), join(__dirname, 'handlingsplan-libreoffice.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
