/**
 * Issue 12: It-säkkollen through both adapters (STYLE 7). The same questionnaire and result plans
 * applied by the .xlsx adapter and by the Office.js adapter on the memory Excel give the same
 * values, merges, validation lists, chart sources and protection; each adapter computes the next
 * plan from what it read itself, so both readers are held to the contract too.
 */
import { applyPlanOffice } from '../../src/adapters/officejs/applyPlan';
import { loadWorkbook } from '../../src/adapters/officejs/loadWorkbook';
import { type MemoryExcel, MemoryWorkbook, createMemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { applyPlanToXlsx } from '../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../src/adapters/xlsx/readGrid';
import { CATALOG_MODELS } from '../../src/core/catalog/models';
import { computeFromWorkbook } from '../../src/workbook/compute';
import { allInputSheets } from '../../src/workbook/models';
import type { CellInput, WritePlan } from '../../src/workbook/plan/types';
import { questionnaireSheets, resultSheets } from '../../src/workbook/stammer/layout';
import { stammerQuestionnairePlan } from '../../src/workbook/stammer/questionnaire';
import { itsak, itsakAnswers } from '../helpers/itsak';
import { type SheetFacts, memoryFacts, xlsxFacts } from './facts';

jest.setTimeout(60_000);

const catalog = itsak();
const TODAY = '2027-03-01';
const ALL = [...questionnaireSheets(catalog), ...resultSheets(catalog)];
const RESULT = 'It-säkkollen resultat';

interface Pair {
  xlsx: Uint8Array;
  memory: MemoryExcel;
}

async function apply(pair: Pair, plans: { xlsx: WritePlan; memory: WritePlan }): Promise<void> {
  pair.xlsx = await applyPlanToXlsx(pair.xlsx, plans.xlsx);
  await pair.memory.run((context) => applyPlanOffice(context, plans.memory));
}

async function compute(pair: Pair) {
  const fromXlsx = computeFromWorkbook(await readXlsxGrid(pair.xlsx, allInputSheets()), TODAY, CATALOG_MODELS);
  const fromMemory = computeFromWorkbook((await pair.memory.run((context) => loadWorkbook(context, allInputSheets()))).grid, TODAY, CATALOG_MODELS);
  if (fromXlsx.kind !== 'computed' || fromMemory.kind !== 'computed') throw new Error(`refused: ${JSON.stringify([fromXlsx, fromMemory])}`);
  expect(fromMemory.model).toBe('stammer-mean-v1');
  expect(fromMemory.result).toEqual(fromXlsx.result);
  expect(fromMemory.issues).toEqual(fromXlsx.issues);
  await apply(pair, { xlsx: fromXlsx.plan, memory: fromMemory.plan });
  return fromXlsx;
}

async function questionnaire(): Promise<Pair> {
  const answers = itsakAnswers({ KR: [1, 2, null, 4], LO: [2, 3, 2, 3, 2, null] }, 3, { K1: { selected: ['c'] } });
  answers.organisation = { name: 'Exempelkommun', type: 'kommun' };
  const plan = stammerQuestionnairePlan(catalog, answers);
  const pair: Pair = { xlsx: await applyPlanToXlsx(null, plan), memory: createMemoryExcel({ workbook: new MemoryWorkbook(['Blad1']) }) };
  await pair.memory.run((context) => applyPlanOffice(context, plan));
  return pair;
}

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
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push([sheet, key, k, a[k], b[k]]);
    }
    for (const key of ['merges', 'tables', 'charts'] as const) if (JSON.stringify(facts[key]) !== JSON.stringify(other[key])) out.push([sheet, key, '', facts[key], other[key]]);
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

const userEdit = (sheet: string, at: string, rows: CellInput[][]): WritePlan => [
  { kind: 'sheet', sheet, mode: 'update' },
  { kind: 'values', sheet, at, rows },
];

describe('contract: It-säkkollen through the .xlsx adapter and the Office.js adapter', () => {
  it('the questionnaire', async () => {
    const facts = await expectSameFacts(await questionnaire(), questionnaireSheets(catalog));
    const all = [...facts.values()];
    expect(all.every((f) => f.protection.protected)).toBe(true);
    expect(all.some((f) => f.merges.length > 0)).toBe(true);
    expect(Object.keys(facts.get('FS Förutsättningar')!.validations)).toEqual(['x']);
    expect(facts.get('FS Förutsättningar')!.validations.x).toHaveLength(24);
  });

  it('the first results: the same value, sheets, chart sources and Handlingsplan', async () => {
    const pair = await questionnaire();
    const computed = await compute(pair);
    expect(computed.model === 'stammer-mean-v1' && computed.result.valueHundredths).toBe(284); // (233 + 240 + 6 · 300) / 8 = 284,125
    const facts = await expectSameFacts(pair, ALL);
    expect(facts.get(RESULT)!.charts).toHaveLength(1);
    expect(facts.get('Ledningssammanfattning')!.charts).toEqual(facts.get(RESULT)!.charts);
    expect(Object.values(facts.get(RESULT)!.values)).toContain('2,84');
  });

  it('a recompute after the user typed in Handlingsplan and changed an answer keeps the user\'s cells', async () => {
    const pair = await questionnaire();
    await compute(pair);
    const plan = pair.memory.workbook.sheet('Handlingsplan').values();
    const row = plan.findIndex((r) => r[0] === 'HP-S18') + 1;
    expect(row).toBeGreaterThan(0);
    const edits = userEdit('Handlingsplan', `I${row}`, [['Lena (CISO)', { date: '2027-04-01' }, { formula: `J${row}+90` }, null, 'Pågår']]);
    await apply(pair, { xlsx: edits, memory: edits });
    // S18 goes from stämmer inte to stämmer helt on the area sheet.
    const kr = pair.memory.workbook.sheet('KR Kryptering').values();
    const s18 = kr.findIndex((r) => r[0] === 'S18') + 1;
    const tick = userEdit('KR Kryptering', `C${s18}`, [['', null, null, 'x']]);
    await apply(pair, { xlsx: tick, memory: tick });
    await compute(pair);
    const facts = await expectSameFacts(pair, ALL);
    const p = facts.get('Handlingsplan')!;
    expect(p.values[`I${row}`]).toBe('Lena (CISO)');
    expect(p.formulas[`K${row}`]).toBe(`J${row}+90`);
    expect(p.values[`M${row}`]).toBe('Pågår');
    expect(p.values[`N${row}`]).toBe(`Uppfyllt vid beräkningen ${TODAY}`);
  });
});
