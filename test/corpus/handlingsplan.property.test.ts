/**
 * Issue 8, "Done when": random recompute cycles with random user edits in Handlingsplan (typed
 * text, numbers and dates, formulas pointing at other cells, hyperlinks, inserted and deleted rows
 * and columns, blank rows) keep every user edit. fast-check, library level: the scored workbook is
 * made once; each run edits its Handlingsplan XML as Excel would (scripts/corpus/sheet.ts), runs
 * readXlsxGrid → computeFromWorkbook → applyPlanToXlsx, edits the result again and recomputes
 * again, and after each cycle compares the sheet cell by cell (test/corpus/compare.ts: only
 * "Beräknat läge", the Gantt dates and new activity rows may change).
 *
 * 500 runs × 2 cycles = 1000 recompute cycles, about a minute on one core (a cycle is ≈ 60 ms, most
 * of it in the product: read, compute, apply). INFOSAK_PLAN_RUNS sets the number of runs.
 * On a failure fast-check stops without shrinking (endOnFailure): the message lists every edit made.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { localToday } from '../../src/workbook/compute';
import { applyEdits, editArb, loadBase, planChanges, recompute, workbookWith, type Base } from './planModel';

const RUNS = Number(process.env.INFOSAK_PLAN_RUNS ?? 500);
const CYCLES = 2;
const today = localToday();
let scored: Uint8Array;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'infosak-plan-prop-'));
  const out = { stdout: () => {}, stderr: (t: string) => console.error(t) };
  const p = (n: string) => join(dir, n);
  expect(await run(['template', p('t.xlsx')], out)).toBe(0);
  expect(await run(['fill', '--answers', join(__dirname, '..', '..', 'src', 'examples', 'exempelkommun.answers.json'), p('t.xlsx'), '-o', p('f.xlsx')], out)).toBe(0);
  expect(await run(['score', p('f.xlsx'), '-o', p('s.xlsx')], out)).toBe(0);
  scored = readFileSync(p('s.xlsx'));
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

test(`${RUNS * CYCLES} recompute cycles with random Handlingsplan edits keep every user edit`, async () => {
  let cycles = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(editArb, { minLength: 1, maxLength: 6 }), { minLength: CYCLES, maxLength: CYCLES }), async (rounds) => {
      let bytes: Uint8Array = scored;
      const log: string[] = [];
      for (const [i, edits] of rounds.entries()) {
        const base: Base = await loadBase(bytes);
        const applied = applyEdits(base.planXml, base.planName, edits);
        log.push(`cycle ${i + 1}: ${applied.description.join('; ') || 'no edit'}`);
        const edited = await workbookWith(base, applied);
        const result = await recompute(edited, today);
        cycles++;
        if (typeof result === 'string') throw new Error(`${log.join('\n')}\n→ ${result}`);
        const problems = await planChanges(edited, result);
        if (problems.length) throw new Error(`${log.join('\n')}\n→ ${problems.join('\n')}`);
        bytes = result;
      }
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  expect(cycles).toBeGreaterThanOrEqual(RUNS * CYCLES);
}, 600_000);
