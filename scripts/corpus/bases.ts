/**
 * The workbooks every case starts from, made by the product itself through its command line
 * (in-process): template, filled with the Exempelkommun answers, scored, rescored; and, where the
 * tools are installed, their re-saves by LibreOffice (.xlsx, .ods round trip, .xls) and openpyxl.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import type { AnswerSet } from '../../src/core/answers/types';
import example from '../../src/examples/exempelkommun.answers.json';
import { openpyxlEdit, sofficeConvert, toolPath } from './external';

export interface Bases {
  readonly answers: AnswerSet;
  readonly template: Uint8Array;
  readonly filled: Uint8Array;
  readonly scored: Uint8Array;
  readonly rescored: Uint8Array;
  /** Re-saved by LibreOffice as .xlsx (absent without LibreOffice). */
  readonly lo?: { readonly template: Uint8Array; readonly filled: Uint8Array; readonly scored: Uint8Array };
  /** Saved by LibreOffice as .ods and back to .xlsx. */
  readonly ods?: { readonly filled: Uint8Array; readonly scored: Uint8Array };
  /** Saved by LibreOffice as .xls (Excel 97–2003). */
  readonly xls?: Uint8Array;
  /** Loaded and saved by openpyxl. */
  readonly openpyxl?: { readonly filled: Uint8Array; readonly scored: Uint8Array };
}

export function exampleAnswers(): AnswerSet {
  return JSON.parse(JSON.stringify(example)) as AnswerSet;
}

/** Runs the CLI in-process; throws with its output when it fails. */
export async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function must(argv: string[]): Promise<void> {
  const r = await cli(argv);
  if (r.code !== 0) throw new Error(`infosak ${argv.join(' ')} failed (${r.code}): ${r.stderr || r.stdout}`);
}

export async function makeBases(log: (s: string) => void = () => {}): Promise<Bases> {
  const dir = mkdtempSync(join(tmpdir(), 'infosak-corpus-base-'));
  try {
    const answers = exampleAnswers();
    const answersPath = join(dir, 'answers.json');
    writeFileSync(answersPath, JSON.stringify(answers));
    const p = (n: string) => join(dir, n);
    await must(['template', p('template.xlsx')]);
    await must(['fill', '--answers', answersPath, p('template.xlsx'), '-o', p('filled.xlsx')]);
    await must(['score', p('filled.xlsx'), '-o', p('scored.xlsx')]);
    await must(['score', p('scored.xlsx'), '-o', p('rescored.xlsx')]);
    const template = readFileSync(p('template.xlsx'));
    const filled = readFileSync(p('filled.xlsx'));
    const scored = readFileSync(p('scored.xlsx'));
    const rescored = readFileSync(p('rescored.xlsx'));
    let lo: Bases['lo'];
    let ods: Bases['ods'];
    let xls: Bases['xls'];
    if (toolPath('soffice')) {
      log('LibreOffice: re-saving as .xlsx, .ods and .xls');
      const inputs = [
        { name: 'template', bytes: template, ext: 'xlsx' },
        { name: 'filled', bytes: filled, ext: 'xlsx' },
        { name: 'scored', bytes: scored, ext: 'xlsx' },
      ];
      const x = sofficeConvert(inputs, 'xlsx:Calc MS Excel 2007 XML', 'xlsx');
      lo = { template: x.get('template')!, filled: x.get('filled')!, scored: x.get('scored')! };
      const o = sofficeConvert(inputs.slice(1), 'ods', 'ods');
      const back = sofficeConvert(
        [...o].map(([name, bytes]) => ({ name, bytes, ext: 'ods' })),
        'xlsx:Calc MS Excel 2007 XML',
        'xlsx',
      );
      ods = { filled: back.get('filled')!, scored: back.get('scored')! };
      xls = sofficeConvert([inputs[1]], 'xls:MS Excel 97', 'xls').get('filled')!;
    }
    let openpyxl: Bases['openpyxl'];
    if (toolPath('openpyxl')) {
      log('openpyxl: re-saving');
      openpyxl = { filled: openpyxlEdit(filled, 'pass'), scored: openpyxlEdit(scored, 'pass') };
    }
    return { answers, template, filled, scored, rescored, lo, ods, xls, openpyxl };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
