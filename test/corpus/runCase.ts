/**
 * Runs one corpus case the way a user would (five `score --in-place` runs, or `fill` then five
 * runs) and returns every way the outcome differs from the manifest. An empty list = the case holds.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { run } from '../../src/cli/main';
import type { AnswerEntry, AnswerSet } from '../../src/core/answers/types';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import { INPUT_SHEETS } from '../../src/workbook/layout';
import { readWorkbook } from '../../src/workbook/read';
import { planLayout } from '../../scripts/corpus/layouts';
import { SheetDoc } from '../../scripts/corpus/sheet';
import type { CaseSpec, Outcome } from '../../scripts/corpus/types';
import { comparePackages, fillRules, isNumberCell, LEVEL_SHEET_NAMES, ownedSheets, planRules, view, type CellRules, type View } from './compare';

export const RUNS = 5;
const CHILD_TIMEOUT_MS = 30_000;
const REPO = resolve(__dirname, '..', '..');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly rssMb?: number;
  /** The child died or was killed: what happened. */
  readonly crashed?: string;
}

export interface CaseResult {
  readonly violations: string[];
  /** Outputs to check with check-xlsx: the final workbook and the input it came from. */
  readonly outputs: { input: string; output: string }[];
  readonly ms: number;
}

async function runInProcess(argv: string[]): Promise<RunResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const t0 = performance.now();
  let code: number;
  try {
    code = await run(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  } catch (e) {
    return { code: null, stdout: stdout.join('\n'), stderr: stderr.join('\n'), ms: performance.now() - t0, crashed: `run() threw: ${(e as Error).stack ?? e}` };
  }
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), ms: performance.now() - t0 };
}

function runInChild(argv: string[], work: string): RunResult {
  const resultPath = join(work, '.child-result.json');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', join(REPO, 'test', 'corpus', 'run-cli.ts'), resultPath, ...argv], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (existsSync(resultPath)) {
    const j = JSON.parse(readFileSync(resultPath, 'utf8')) as { code: number; stdout: string; stderr: string; ms: number; rssMb: number };
    require('node:fs').rmSync(resultPath);
    return j;
  }
  const why = r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `did not finish within ${CHILD_TIMEOUT_MS / 1000} s (killed)` : `the process died (${r.signal ?? `exit ${r.status}`})`;
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms, crashed: `${why}: ${tail(r.stderr ?? '')}` };
}

function tail(s: string): string {
  const lines = s.trim().split('\n');
  return lines.slice(-3).join(' | ').slice(0, 400);
}

const STACK = /^\s+at\s.+(:\d+:\d+\)?|\(native\))$|\bat (?:async )?[\w.<>]+ \(.+:\d+:\d+\)/m;
const UNEXPECTED = /oväntat fel|unexpected error/i;

function lines(s: string): string[] {
  return s.split('\n').filter((l) => l.trim() !== '');
}

function label(o: Outcome): string {
  if (o.expect === 'ok') return `ok (level ${o.level})`;
  if (o.exit === 3) return `located input errors, exit 3 (level ${o.level})`;
  return `a located error, exit 2${o.sheet ? ` naming ${o.sheet}${o.cell ? `!${o.cell}` : ''}` : ''}`;
}

/** Canonical answers as the reader should give them (selected in catalog order, certainty lower case, texts trimmed). */
export function canonical(set: AnswerSet): { answers: Record<string, AnswerEntry>; organisation: Record<string, unknown>; validation: Record<string, unknown> } {
  const catalog = findCatalog(set.catalog) ?? findCatalog(DEFAULT_CATALOG)!;
  const answers: Record<string, AnswerEntry> = {};
  for (const q of catalog.questions) {
    const a = set.answers[String(q.number)];
    if (!a) continue;
    const order = q.options.map((o) => o.id);
    const selected = [...new Set(a.selected.map((s) => s.trim().toLowerCase()))].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const e: AnswerEntry = { selected };
    if (a.certainty?.trim()) e.certainty = a.certainty.trim().toLowerCase();
    if (a.comment?.trim()) e.comment = a.comment.trim();
    if (a.evidence?.trim()) e.evidence = a.evidence.trim();
    if (selected.length || e.certainty || e.comment || e.evidence) answers[String(q.number)] = e;
  }
  const clean = (o: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return { answers, organisation: clean(set.organisation), validation: clean(set.validation) };
}

async function readAnswers(bytes: Uint8Array): Promise<AnswerSet | string> {
  try {
    const r = readWorkbook(await readXlsxGrid(bytes, INPUT_SHEETS));
    if (r.kind !== 'questionnaire') return `the output is not read as a questionnaire (${r.issue.code})`;
    return r.answers;
  } catch (e) {
    return `the output cannot be read: ${(e as Error).message.split('\n')[0]}`;
  }
}

function compareAnswers(expected: AnswerSet, got: AnswerSet): string[] {
  const e = canonical(expected);
  const g = canonical(got);
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(e.answers), ...Object.keys(g.answers)])].sort((a, b) => Number(a) - Number(b));
  for (const k of keys) {
    const x = JSON.stringify(e.answers[k] ?? null);
    const y = JSON.stringify(g.answers[k] ?? null);
    if (x !== y) out.push(`question ${k}: expected ${x}, read ${y}`);
  }
  for (const part of ['organisation', 'validation'] as const) {
    const ks = [...new Set([...Object.keys(e[part]), ...Object.keys(g[part])])];
    for (const k of ks) if (JSON.stringify(e[part][k]) !== JSON.stringify(g[part][k])) out.push(`${part}.${k}: expected ${JSON.stringify(e[part][k])}, read ${JSON.stringify(g[part][k])}`);
  }
  return out.length > 6 ? [...out.slice(0, 6), `… ${out.length - 6} more answer differences`] : out;
}

function compareOptionsFor(input: View, spec: CaseSpec): { replaced: Set<string>; cellLevel: Map<string, CellRules> } {
  const owned = ownedSheets(input, spec.userSheets);
  const replaced = new Set<string>();
  const cellLevel = new Map<string, CellRules>();
  for (const s of owned) {
    if (s.name.toLowerCase() === 'handlingsplan') cellLevel.set('handlingsplan', planRules(new SheetDoc(input.parts.get(s.part)!.toString('utf8'), s.name), input.sst.xml));
    else replaced.add(s.name.toLowerCase());
  }
  return { replaced, cellLevel };
}

function fillOptionsFor(input: View, questions: ReadonlySet<number>): { replaced: Set<string>; cellLevel: Map<string, CellRules> } {
  const cellLevel = new Map<string, CellRules>();
  for (const s of input.sheets) {
    if (!LEVEL_SHEET_NAMES.includes(s.name) || !s.part) continue;
    cellLevel.set(s.name.toLowerCase(), fillRules(new SheetDoc(input.parts.get(s.part)!.toString('utf8'), s.name), input.sst.xml, questions));
  }
  return { replaced: new Set(), cellLevel };
}

async function ganttProblems(bytes: Uint8Array): Promise<string[]> {
  const v = await view(bytes);
  const s = v.sheets.find((x) => x.name.toLowerCase() === 'handlingsplan');
  if (!s) return ['no Handlingsplan in the output'];
  const wb = v.parts.get(v.workbookPart)!.toString('utf8');
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wb);
  const doc = new SheetDoc(v.parts.get(s.part)!.toString('utf8'), s.name);
  const lay = planLayout(doc, v.sst.items);
  const header = doc.rows.get(lay.header);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const today = Date.now();
  const out: string[] = [];
  const dates = (header?.cells ?? []).filter((c) => c.col > lay.col.computed && isNumberCell(c));
  if (!dates.length) out.push('no Gantt month dates in the header row');
  for (const c of dates) {
    const n = Number(/<(?:\w+:)?v>([^<]*)</.exec(c.inner)![1]);
    const t = epoch + n * 86400000;
    if (Math.abs(t - today) > 400 * 86400000) out.push(`Gantt date ${c.col}: serial ${n} is ${new Date(t).toISOString().slice(0, 10)} in this workbook's date system, not near today`);
  }
  return out.slice(0, 3);
}

function expectedLeftovers(work: string, allowed: string[]): string[] {
  const extra = readdirSync(work).filter((f) => !allowed.includes(f) && !f.startsWith('.child-result'));
  return extra.length ? [`files left behind in the folder: ${extra.join(', ')}`] : [];
}

export async function runCase(spec: CaseSpec, file: string, work: string): Promise<CaseResult> {
  const t0 = Date.now();
  mkdirSync(work, { recursive: true });
  const ext = spec.ext ?? 'xlsx';
  const input = join(work, `in.${ext}`);
  copyFileSync(file, input);
  const pre: string[] = [];
  let target = input;
  let baseline = readFileSync(input);
  const allowedFiles = [`in.${ext}`];
  const command = spec.command ?? { kind: 'score-in-place' as const };

  if (command.kind === 'fill') {
    const answersPath = join(work, 'answers.json');
    writeFileSync(answersPath, JSON.stringify(command.answers));
    const filled = join(work, 'filled.xlsx');
    allowedFiles.push('answers.json', 'filled.xlsx');
    const r = await runInProcess(['fill', '--answers', answersPath, input, '-o', filled]);
    if (r.crashed || (r.code !== 0 && r.code !== 3)) return { violations: [`fill failed (exit ${r.code}): ${tail(r.stderr || r.crashed || r.stdout)}`], outputs: [], ms: Date.now() - t0 };
    if (STACK.test(r.stderr + r.stdout)) pre.push(`fill printed a stack trace: ${tail(r.stderr)}`);
    const a = await view(baseline);
    const b = await view(readFileSync(filled));
    const questions = new Set(Object.keys(command.answers.answers).map(Number));
    pre.push(...(await comparePackages(a, b, fillOptionsFor(a, questions))).map((v) => `fill: ${v}`));
    target = filled;
    baseline = readFileSync(filled);
  }

  let outputPath = target;
  const argvFor = (): string[] => {
    if (command.kind === 'score-output') return ['score', target, '-o', outputPath, '--json'];
    return ['score', target, '--in-place', '--json'];
  };
  if (command.kind === 'score-output') {
    outputPath = command.output.replace('{dir}', work).replace('{input}', input);
    if (command.prepare === 'mkdir') {
      mkdirSync(outputPath, { recursive: true });
      allowedFiles.push(outputPath.split('/').pop()!);
    }
  }

  const runs: RunResult[] = [];
  const snapshots: Buffer[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = i === 0 && spec.isolate ? runInChild(argvFor(), work) : await runInProcess(argvFor());
    runs.push(r);
    snapshots.push(existsSync(outputPath) && statSync(outputPath).isFile() ? readFileSync(outputPath) : Buffer.alloc(0));
    if (r.crashed) break;
  }

  const outputs: { input: string; output: string }[] = [];
  const evaluations: { outcome: Outcome; problems: string[] }[] = [];
  for (const outcome of spec.expect) {
    const problems = await evaluate(spec, outcome, runs, snapshots, baseline, { work, target, outputPath, allowedFiles, command: command.kind });
    evaluations.push({ outcome, problems });
    if (!problems.length) {
      if (outcome.expect === 'ok' || outcome.exit === 3) {
        const finalPath = join(work, `final.${ext}`);
        writeFileSync(finalPath, snapshots[snapshots.length - 1]);
        const basePath = join(work, `baseline.${ext}`);
        writeFileSync(basePath, baseline);
        outputs.push({ input: basePath, output: finalPath });
      }
      break;
    }
  }
  const passed = evaluations.find((e) => !e.problems.length);
  if (passed && !pre.length) return { violations: [], outputs, ms: Date.now() - t0 };
  if (passed) return { violations: pre, outputs, ms: Date.now() - t0 };
  // Report against the alternative whose exit code was seen, else the first.
  const seen = runs[0]?.code;
  const best = evaluations.find((e) => (e.outcome.expect === 'ok' ? 0 : e.outcome.exit) === seen) ?? evaluations[0];
  const alternatives = spec.expect.length > 1 ? ` (alternatives: ${spec.expect.map(label).join(' | ')})` : '';
  return { violations: [...pre, ...best.problems.map((p) => `expected ${label(best.outcome)}${alternatives}: ${p}`)], outputs, ms: Date.now() - t0 };
}

async function evaluate(
  spec: CaseSpec,
  outcome: Outcome,
  runs: RunResult[],
  snapshots: Buffer[],
  baseline: Buffer,
  ctx: { work: string; target: string; outputPath: string; allowedFiles: string[]; command: string },
): Promise<string[]> {
  const problems: string[] = [];
  const p = (s: string) => problems.push(s);
  const wantExit = outcome.expect === 'ok' ? 0 : outcome.exit;
  runs.forEach((r, i) => {
    const n = `run ${i + 1}`;
    if (r.crashed) p(`${n}: ${r.crashed}`);
    else if (r.code !== wantExit) p(`${n}: exit ${r.code}; ${tail(r.stderr || r.stdout)}`);
    if (STACK.test(`${r.stderr}\n${r.stdout}`)) p(`${n}: a stack trace was printed: ${tail(r.stderr)}`);
  });
  if (runs.length < RUNS) p(`only ${runs.length} of ${RUNS} runs could be made`);
  if (problems.length) return dedupe(problems);
  if (spec.limits && runs[0].rssMb !== undefined) {
    if (runs[0].ms > spec.limits.ms) p(`run 1 took ${Math.round(runs[0].ms)} ms (limit ${spec.limits.ms})`);
    if (runs[0].rssMb > spec.limits.rssMb) p(`run 1 peaked at ${Math.round(runs[0].rssMb)} MB (limit ${spec.limits.rssMb})`);
  }

  if (outcome.expect === 'error' && outcome.exit === 2) {
    runs.forEach((r, i) => {
      const n = `run ${i + 1}`;
      const ls = lines(r.stderr);
      if (ls.length !== 1) p(`${n}: ${ls.length} lines on stderr, not one: ${tail(r.stderr)}`);
      const line = ls.join(' ');
      if (UNEXPECTED.test(line)) p(`${n}: an unexpected error, not a located message: ${line.slice(0, 300)}`);
      if (outcome.message && !new RegExp(outcome.message, 'i').test(line)) p(`${n}: the line does not match /${outcome.message}/i: ${line.slice(0, 300)}`);
      if (outcome.sheet && !line.includes(outcome.sheet)) p(`${n}: the line does not name the sheet "${outcome.sheet}": ${line.slice(0, 300)}`);
      if (outcome.cell && !new RegExp(`\\b${outcome.cell}\\b`).test(line)) p(`${n}: the line does not name the cell ${outcome.cell}: ${line.slice(0, 300)}`);
    });
    // Nothing written: the input is as it was; no output file, no temp files.
    const now = existsSync(ctx.target) ? readFileSync(ctx.target) : undefined;
    if (!now) p('the input file is gone');
    else if (!now.equals(baseline)) p('the input file was changed although nothing could be scored');
    if (ctx.outputPath !== ctx.target && existsSync(ctx.outputPath) && statSync(ctx.outputPath).isFile()) p(`an output file was written to ${ctx.outputPath}`);
    problems.push(...expectedLeftovers(ctx.work, ctx.allowedFiles));
    return dedupe(problems);
  }

  // Scored (exit 0 or 3): the level, the located errors, and everything of the user's intact.
  const json = runs.map((r, i) => {
    try {
      return JSON.parse(r.stdout) as { level: number; errors: { code: string; sheet?: string; cell?: string; message: string }[] };
    } catch {
      p(`run ${i + 1}: stdout is not the --json object: ${r.stdout.slice(0, 200)}`);
      return undefined;
    }
  });
  json.forEach((j, i) => {
    if (!j) return;
    if (j.level !== outcome.level) p(`run ${i + 1}: level ${j.level}, expected ${outcome.level}`);
    if (outcome.expect === 'ok' && j.errors?.length) p(`run ${i + 1}: input errors ${j.errors.map((e) => `${e.code} ${e.sheet ?? ''}!${e.cell ?? ''}`).join(', ')}`);
    if (outcome.expect === 'error')
      for (const e of outcome.errors) {
        const hit = j.errors?.find((x) => x.sheet === e.sheet && (!e.cell || x.cell === e.cell) && (!e.code || x.code === e.code));
        if (!hit) p(`run ${i + 1}: no error ${e.code ?? ''} at ${e.sheet}!${e.cell ?? ''} (errors: ${(j.errors ?? []).map((x) => `${x.code} ${x.sheet}!${x.cell}`).join(', ') || 'none'})`);
      }
  });
  const out1 = snapshots[0];
  const out5 = snapshots[snapshots.length - 1];
  if (!out5.length) {
    p('no workbook was written');
    return dedupe(problems);
  }
  let base: View;
  try {
    base = await view(baseline);
  } catch (e) {
    p(`the input cannot be opened as a package by the corpus itself: ${(e as Error).message}`);
    return dedupe(problems);
  }
  const opts = compareOptionsFor(base, spec);
  for (const [k, snap] of [
    [1, out1],
    [RUNS, out5],
  ] as const) {
    try {
      const diffs = await comparePackages(base, await view(snap), opts);
      problems.push(...diffs.map((d) => `after run ${k}: ${d}`));
    } catch (e) {
      p(`after run ${k}: the output is not a readable package: ${(e as Error).message}`);
    }
    if (problems.length) break;
  }
  // Stable: scoring the same workbook again the same day changes nothing.
  if (snapshots.length >= 2 && !snapshots[1].equals(out5)) {
    try {
      const a = await view(snapshots[1]);
      const b = await view(out5);
      const changed = [...b.parts.keys()].filter((k) => !a.parts.get(k)?.equals(b.parts.get(k)!));
      const gone = [...a.parts.keys()].filter((k) => !b.parts.has(k));
      if (changed.length || gone.length) p(`not stable: parts differ between run 2 and run ${RUNS}: ${[...changed, ...gone].slice(0, 6).join(', ')}`);
    } catch {
      p(`not stable: run ${RUNS} output differs from run 2`);
    }
  }
  if (outcome.answers) {
    const got = await readAnswers(out5);
    if (typeof got === 'string') p(got);
    else problems.push(...compareAnswers(outcome.answers, got).map((d) => `answers read from the output: ${d}`));
  }
  if (spec.forbidden) {
    const v = await view(out5);
    for (const [part, bytes] of v.parts) for (const f of spec.forbidden) if (bytes.includes(f)) p(`${part} contains "${f}"`);
  }
  if (spec.ganttDates) problems.push(...(await ganttProblems(out5)));
  if (outcome.expect === 'ok' && outcome.notice) {
    // One plain (not --json) run on a fresh copy: the CLI must say what it drops, in one line.
    const copy = join(ctx.work, 'notice.xlsx');
    writeFileSync(copy, baseline);
    const r = await runInProcess(['score', copy, '--in-place']);
    const all = lines(`${r.stdout}\n${r.stderr}`);
    const re = new RegExp(outcome.notice.pattern, 'i');
    const sheet = new RegExp(`(^|[^\\p{L}\\p{N}])${outcome.notice.sheet}($|[^\\p{L}\\p{N}])`, 'u');
    if (!all.some((l) => re.test(l) && sheet.test(l))) p(`no line tells that the user's object on "${outcome.notice.sheet}" is dropped (/${outcome.notice.pattern}/i)`);
    ctx.allowedFiles.push('notice.xlsx');
  }
  problems.push(...expectedLeftovers(ctx.work, [...ctx.allowedFiles, 'notice.xlsx']));
  return dedupe(problems);
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
