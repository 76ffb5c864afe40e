/**
 * One plan, both adapters (STYLE 7, issue 9): the same plans applied by the .xlsx adapter
 * (applyPlanToXlsx, read back with readXlsxGrid and the package's XML) and by the Office.js adapter
 * on the memory Excel give the same values, formulas, merges, tables, validation lists, chart sources
 * and protection. Each adapter computes the next plan from what it reads itself, as the CLI and the
 * pane do, so the readers are held to the contract too.
 */
import { applyPlanOffice } from '../../src/adapters/officejs/applyPlan';
import { loadWorkbook } from '../../src/adapters/officejs/loadWorkbook';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import type { AnswerSet } from '../../src/core/answers/types';
import { DEFAULT_CATALOG, findCatalog } from '../../src/core/catalog/registry';
import example from '../../src/examples/exempelkommun.answers.json';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { GOAL_SHEETS, INPUT_SHEETS, QUESTIONNAIRE_SHEETS, RESULT_SHEETS, SHEETS, levelSheet } from '../../src/workbook/layout';
import { partText, sheetPart, zipOf } from '../helpers/workbook';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import type { CellInput, WritePlan } from '../../src/workbook/plan/types';
import { type SheetFacts, memoryFacts, xlsxFacts } from './facts';

jest.setTimeout(60_000);

const catalog = findCatalog(DEFAULT_CATALOG)!;
const TODAY = '2027-03-01';
const ALL_SHEETS = [...QUESTIONNAIRE_SHEETS, ...RESULT_SHEETS];

/** The same workbook in both adapters, moved on together. */
interface Pair {
  xlsx: Uint8Array;
  memory: MemoryExcel;
}

async function apply(pair: Pair, plans: { xlsx: WritePlan; memory: WritePlan }): Promise<void> {
  pair.xlsx = await applyPlanToXlsx(pair.xlsx, plans.xlsx);
  await pair.memory.run((context) => applyPlanOffice(context, plans.memory));
}

/** Computes from what each adapter reads, and writes with that adapter. */
async function compute(pair: Pair): Promise<{ xlsx: WritePlan; memory: WritePlan }> {
  const fromXlsx = computeFromWorkbook(await readXlsxGrid(pair.xlsx, INPUT_SHEETS), TODAY);
  const fromMemory = computeFromWorkbook((await pair.memory.run((context) => loadWorkbook(context, INPUT_SHEETS))).grid, TODAY);
  if (fromXlsx.kind !== 'computed' || fromMemory.kind !== 'computed') throw new Error(`refused: ${JSON.stringify([fromXlsx.kind, fromMemory.kind])}`);
  expect(fromMemory.result).toEqual(fromXlsx.result);
  const plans = { xlsx: fromXlsx.plan, memory: fromMemory.plan };
  await apply(pair, plans);
  return plans;
}

async function questionnaire(): Promise<Pair> {
  const plan = questionnairePlan(catalog, example as AnswerSet);
  // A new workbook has one empty sheet; the .xlsx adapter makes none when the plan brings its own.
  const pair: Pair = { xlsx: await applyPlanToXlsx(null, plan), memory: createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1']) }) };
  await pair.memory.run((context) => applyPlanOffice(context, plan));
  return pair;
}

/** Every difference between the two workbooks, as [sheet, fact, cell or item, .xlsx, memory]. */
function differences(x: Map<string, SheetFacts>, m: Map<string, SheetFacts>): unknown[][] {
  const out: unknown[][] = [];
  for (const [sheet, facts] of x) {
    const other = m.get(sheet);
    if (!other) {
      out.push([sheet, 'missing in the memory Excel']);
      continue;
    }
    for (const key of ['values', 'formulas', 'validations'] as const) {
      const a = facts[key] as Record<string, unknown>;
      const b = other[key] as Record<string, unknown>;
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push([sheet, key, k, a[k], b[k]]);
      }
    }
    for (const key of ['merges', 'tables', 'charts'] as const) {
      if (JSON.stringify(facts[key]) !== JSON.stringify(other[key])) out.push([sheet, key, '', facts[key], other[key]]);
    }
    // Which actions protection allows is compared on its own below (blocked on the .xlsx side).
    if (facts.protection.protected !== other.protection.protected) out.push([sheet, 'protected', '', facts.protection.protected, other.protection.protected]);
  }
  for (const sheet of m.keys()) if (!x.has(sheet)) out.push([sheet, 'missing in the .xlsx']);
  return out;
}

async function expectSameFacts(pair: Pair, sheets: readonly string[]): Promise<Map<string, SheetFacts>> {
  const [x, m] = await Promise.all([xlsxFacts(pair.xlsx, sheets), memoryFacts(pair.memory, sheets)]);
  expect(differences(x, m).slice(0, 20)).toEqual([]);
  return x;
}

/** The user's edits, written the same way into both: a values op on an updated sheet (types.ts). */
function userEdit(sheet: string, at: string, rows: CellInput[][]): WritePlan {
  return [
    { kind: 'sheet', sheet, mode: 'update' },
    { kind: 'values', sheet, at, rows },
  ];
}

/** The first row of Handlingsplan whose column A holds an activity id, from the memory workbook. */
function firstActivityRow(pair: Pair): number {
  return pair.memory.workbook.sheet(SHEETS.actionPlan).values().findIndex((r) => typeof r[0] === 'string' && /^HP-F\d+$/.test(r[0] as string)) + 1;
}

function lastUsedRow(pair: Pair): number {
  return pair.memory.workbook.sheet(SHEETS.actionPlan).usedBox(true)!.bottom;
}

describe('contract: the .xlsx adapter and the Office.js adapter write the same workbook', () => {
  it('the questionnaire', async () => {
    const facts = await expectSameFacts(await questionnaire(), QUESTIONNAIRE_SHEETS);
    // The contract is not trivially met: there is something of every kind to compare.
    const all = [...facts.values()];
    expect(all.some((f) => f.merges.length > 0)).toBe(true);
    expect(all.some((f) => Object.keys(f.validations).length > 0)).toBe(true);
    expect(all.every((f) => f.protection.protected)).toBe(true);
    expect(Object.keys(facts.get(levelSheet(1))!.values).length).toBeGreaterThan(100);
  });

  it('tells a difference when there is one', async () => {
    const pair = await questionnaire();
    pair.memory.workbook.sheet(levelSheet(2)).setValues('E7', [['bara i minnet']]);
    const [x, m] = await Promise.all([xlsxFacts(pair.xlsx, QUESTIONNAIRE_SHEETS), memoryFacts(pair.memory, QUESTIONNAIRE_SHEETS)]);
    expect(differences(x, m)).toEqual([[levelSheet(2), 'values', 'E7', undefined, 'bara i minnet']]);
  });

  it('questionnaire protection lets users insert links and make rows taller (the Office.js side)', async () => {
    const facts = await memoryFacts((await questionnaire()).memory, QUESTIONNAIRE_SHEETS);
    for (const [sheet, f] of facts) expect([sheet, f.protection]).toEqual([sheet, { protected: true, allowFormatRows: true, allowInsertHyperlinks: true }]);
  });

  // BLOCKED on the .xlsx adapter (src/adapters/xlsx, not this file's owners): <sheetProtection> must
  // carry formatRows="0" insertHyperlinks="0" (in sheetProtection "0" means allowed). `failing` so
  // that jest reports it the day it passes: then make it a plain `it`.
  it('questionnaire protection lets users insert links and make rows taller (the .xlsx side)', async () => {
    const facts = await xlsxFacts((await questionnaire()).xlsx, QUESTIONNAIRE_SHEETS);
    for (const [sheet, f] of facts) expect([sheet, f.protection]).toEqual([sheet, { protected: true, allowFormatRows: true, allowInsertHyperlinks: true }]);
  });

  it('the first results', async () => {
    const pair = await questionnaire();
    await compute(pair);
    const facts = await expectSameFacts(pair, ALL_SHEETS);
    expect([...facts.values()].some((f) => f.charts.length > 0 && f.charts.every((c) => c.length > 0))).toBe(true);
    expect([...facts.values()].some((f) => f.tables.length > 0 || Object.keys(f.formulas).length > 0)).toBe(true);
  });

  it('a recompute after the user typed in Handlingsplan and changed an answer', async () => {
    const pair = await questionnaire();
    await compute(pair);
    const row = firstActivityRow(pair);
    const edits = userEdit(SHEETS.actionPlan, `G${row}`, [['Lena (CISO)', { date: '2027-04-01' }, { formula: `H${row}+90` }, null, 'Pågår']]);
    await apply(pair, { xlsx: edits, memory: edits });
    // An answer changed on a level sheet: the first unticked option of question 1 gets its tick.
    const level = pair.memory.workbook.sheet(levelSheet(1)).values();
    const option = level.findIndex((r) => typeof r[0] === 'string' && /^Q01\.[a-z]$/.test(r[0] as string) && (r[3] ?? null) === null) + 1;
    expect(option).toBeGreaterThan(0);
    const tick = userEdit(levelSheet(1), `D${option}`, [['x']]);
    await apply(pair, { xlsx: tick, memory: tick });
    const before = await compute(pair);
    expect(before.memory.length).toBeGreaterThan(0);
    const facts = await expectSameFacts(pair, ALL_SHEETS);
    const plan = facts.get(SHEETS.actionPlan)!;
    expect(plan.values[`G${row}`]).toBe('Lena (CISO)');
    expect(plan.formulas[`I${row}`]).toBe(`H${row}+90`);
    expect(plan.values[`K${row}`]).toBe('Pågår');
  });

  it('Handlingsplan updated in place: user rows, formulas, links and a blank row stay where they were', async () => {
    const pair = await questionnaire();
    await compute(pair);
    const row = lastUsedRow(pair) + 2; // a blank row between the plan and the user's row
    const userRow = userEdit(SHEETS.actionPlan, `A${row}`, [
      ['EGEN-1', { link: 'https://intranat.example/rutin', text: 'Rutinen på intranätet' }, 'Årligt', null, 2, null, 'Kim', { date: '2027-01-15' }, { formula: `H${row}+90` }],
    ]);
    await apply(pair, { xlsx: userRow, memory: userRow });
    for (let run = 1; run <= 2; run++) await compute(pair);
    const facts = await expectSameFacts(pair, ALL_SHEETS);
    const plan = facts.get(SHEETS.actionPlan)!;
    expect(plan.values[`A${row}`]).toBe('EGEN-1');
    expect(plan.values[`B${row}`]).toBe('Rutinen på intranätet');
    expect(plan.formulas[`I${row}`]).toBe(`H${row}+90`);
    expect(Object.keys(plan.values).filter((a) => a.endsWith(String(row - 1)) && /^[A-L]\d+$/.test(a))).toEqual([]);
  });
  it('issue 13: goals, costs and links survive five recomputations; the målgraf flags an annual goal without activity and an activity without goal', async () => {
    const pair = await questionnaire();
    await compute(pair);
    const sheets = [...ALL_SHEETS, ...GOAL_SHEETS];
    // The first computation made Mål (ids prefilled) and Målgraf, the same in both.
    const goalsSheet = pair.memory.workbook.sheet(SHEETS.goals).values();
    const idRow = (id: string) => goalsSheet.findIndex((r) => r[0] === id) + 1;
    const [s1, k1, a1, a2] = ['S1', 'K1', 'Å1', 'Å2'].map(idRow);
    expect(Math.min(s1, k1, a1, a2)).toBeGreaterThan(0);
    const policy = { link: 'https://intranat.example/policy', text: 'Informationssäkerhetspolicy 2025' };
    const goals: WritePlan = [
      { kind: 'sheet', sheet: SHEETS.goals, mode: 'update' },
      { kind: 'values', sheet: SHEETS.goals, at: `B${s1}`, rows: [['Ett robust och systematiskt informationssäkerhetsarbete', 'Effektmål', 2029, policy]] },
      { kind: 'values', sheet: SHEETS.goals, at: `B${k1}`, rows: [['All information är klassad', 'Andel klassade system', '100 %', 'CISO', { date: '2027-12-31' }, 'S1']] },
      { kind: 'values', sheet: SHEETS.goals, at: `B${a1}`, rows: [['Klassning i socialförvaltningen', 2027, 'K1', 'nivå 3 i Infosäkkollen 2027']] },
      { kind: 'values', sheet: SHEETS.goals, at: `B${a2}`, rows: [['Utbildning för alla chefer', 2027, 'K1']] },
    ];
    const planValues = pair.memory.workbook.sheet(SHEETS.actionPlan).values();
    const header = planValues.findIndex((r) => r[0] === 'Id');
    const column = (text: string) => String.fromCharCode(65 + planValues[header].findIndex((h) => h === text));
    const [first, second] = planValues.flatMap((r, i) => (typeof r[0] === 'string' && /^HP-F\d+$/.test(r[0]) ? [i + 1] : []));
    const budget = { link: 'https://intranat.example/budget-2027', text: 'Budget 2027' };
    const plan: WritePlan = [
      { kind: 'sheet', sheet: SHEETS.actionPlan, mode: 'update' },
      { kind: 'values', sheet: SHEETS.actionPlan, at: `${column('Årliga mål')}${first}`, rows: [['Å1']] },
      { kind: 'values', sheet: SHEETS.actionPlan, at: `${column('Kostnader och resurser')}${first}`, rows: [[budget, 45000, 40]] },
    ];
    await apply(pair, { xlsx: [...goals, ...plan], memory: [...goals, ...plan] });
    const before = await expectSameFacts(pair, sheets);

    for (let run = 1; run <= 5; run++) await compute(pair);
    const after = await expectSameFacts(pair, sheets);
    // Mål is the user's: not one value changed.
    expect(after.get(SHEETS.goals)!.values).toEqual(before.get(SHEETS.goals)!.values);
    const p = after.get(SHEETS.actionPlan)!;
    expect([p.values[`${column('Årliga mål')}${first}`], p.values[`${column('Kostnad (kr)')}${first}`], p.values[`${column('Tid (timmar)')}${first}`]]).toEqual(['Å1', 45000, 40]);
    // The links are still links, in both.
    for (const [sheet, cell, link] of [[SHEETS.goals, `E${s1}`, policy], [SHEETS.actionPlan, `${column('Kostnader och resurser')}${first}`, budget]] as const) {
      expect(pair.memory.workbook.sheet(sheet).cell(cell).hyperlink?.address).toBe(link.link);
      const zip = await zipOf(pair.xlsx);
      const xml = (await partText(zip, await sheetPart(zip, sheet)))!;
      expect(xml).toMatch(new RegExp(`<hyperlink [^>]*ref="${cell}"`));
    }

    // The målgraf: Å1 carries the first activity; Å2 has none; the second activity has no goal.
    const graph = Object.entries(after.get(SHEETS.goalGraph)!.values);
    const rowWith = (pattern: RegExp) => graph.find(([, v]) => pattern.test(String(v)))?.[0].replace(/^[A-Z]+/, '');
    const remarkOf = (row: string | undefined) => graph.filter(([a]) => row !== undefined && a.replace(/^[A-Z]+/, '') === row).map(([, v]) => String(v)).join(' | ');
    expect(remarkOf(rowWith(/^Å2 – Utbildning för alla chefer/))).toContain('Saknar aktivitet');
    expect(remarkOf(rowWith(/^Å1 – Klassning/))).not.toContain('Saknar aktivitet');
    const secondId = String(planValues[second - 1][0]);
    expect(remarkOf(rowWith(new RegExp(`^${secondId}$`)))).toContain('Aktiviteten saknar mål');

    // The cost of the path: the first activity (priority 1, on the path) is the only one estimated.
    const outcome = computeFromWorkbook(await readXlsxGrid(pair.xlsx, INPUT_SHEETS), TODAY);
    if (outcome.kind !== 'computed') throw new Error(outcome.issue.code);
    expect(outcome.actionPlan).toMatchObject({ costToNext: 45000, hoursToNext: 40, activitiesWithoutCost: outcome.actionPlan!.activities - 1 });
    expect(outcome.goalGraph!.counts).toMatchObject({ strategic: 1, shortTerm: 1, annual: 2, activitiesWithGoal: 1 });
  });
});
