/**
 * Issue 12: the result sheets of It-säkkollen (ITSAK.md §4 "Result sheet"), the Handlingsplan fed from
 * the Åtgärdslista through the keep-every-user-edit update, the Ledningssammanfattning, and
 * computeFromWorkbook's switch on the model with the same ownership checks.
 */
import { applyPlanToXlsx } from '../../../src/adapters/xlsx/applyPlan';
import { readXlsxGrid } from '../../../src/adapters/xlsx/readGrid';
import { CATALOG_MODELS } from '../../../src/core/catalog/models';
import { computeFromWorkbook, type AnyWorkbookOutcome } from '../../../src/workbook/compute';
import { allInputSheets, fillPlanOf } from '../../../src/workbook/models';
import type { CellInput, ChartOp, WritePlan } from '../../../src/workbook/plan/types';
import { stammerQuestionnairePlan } from '../../../src/workbook/stammer/questionnaire';
import { computeStammerResult } from '../../../src/workbook/stammer/results';
import { all, itsak, itsakAnswers } from '../../helpers/itsak';
import { editableGrid, getCell } from '../../helpers/workbook';

const catalog = itsak();
const TODAY = '2026-12-01';
const RESULT = 'It-säkkollen resultat';
const E3 = () => {
  const set = itsakAnswers({
    FS: [4, 3, 3, 2, null, null],
    NS: [3, 3, 3, 3, 2, 2],
    BA: [4, 4, 3, null, 2],
    KR: [1, 2, null, null],
    KT: [3, 3, 3, 3, 3],
    LO: [2, 3, 2, 3, 2, null],
    SU: [4, 4, 4, 3],
    RE: [3, 2, 3, 3, 2],
  }, null, { K1: { selected: ['c'] } });
  set.organisation = { name: 'Exempelkommun', type: 'kommun' };
  return set;
};
const FOOTER = itsak().footer.sv;

/** The cells a plan writes on a sheet, "B7" → value (values ops only, later ops win). */
function cells(plan: WritePlan, sheet: string): Map<string, CellInput> {
  const out = new Map<string, CellInput>();
  for (const op of plan) {
    if (op.kind !== 'values' || op.sheet !== sheet) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(op.at)!;
    op.rows.forEach((row, i) => row.forEach((v, j) => v !== null && v !== undefined && v !== '' && out.set(`${String.fromCharCode(m[1].charCodeAt(0) + j)}${Number(m[2]) + i}`, v)));
  }
  return out;
}
const column = (c: Map<string, CellInput>, letter: string) => [...c].filter(([k]) => k.startsWith(letter) && /^[A-Z]\d+$/.test(k)).sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)));
const rowsOfText = (c: Map<string, CellInput>, text: string) => [...c].filter(([, v]) => v === text).map(([k]) => Number(k.slice(1))).sort((x, y) => x - y);
const rowOfText = (c: Map<string, CellInput>, text: string) => rowsOfText(c, text)[0];
/** The section title "Inmatningsfel" (the overall block has a label of the same text above it). */
const errorsSection = (c: Map<string, CellInput>) => rowsOfText(c, 'Inmatningsfel').at(-1)!;

describe('the It-säkkollen result sheet (E3)', () => {
  const computed = computeStammerResult(catalog, E3(), TODAY);
  const c = cells(computed.plan, RESULT);
  const a = column(c, 'A').map(([, v]) => v);

  it('heads with catalog, organisation, date and K1; then the overall value, level, coverage and error count', () => {
    expect(c.get('A1')).toBe('It-säkkollen resultat – Exempelkommun');
    expect(c.get('A2')).toBe(`Beräknat ${TODAY} med It-säkkollen – egen tolkning efter MSBFS 2020:7 (itsakkollen-2023-msbfs2020-7-v1, version 1)`);
    const k1 = rowOfText(c, 'Bakgrund (K1)');
    expect(c.get(`B${k1}`)).toMatch(/utkontrakterad till extern aktör\? c\) Betydande andel utkontrakterad drift$/);
    const v = rowOfText(c, 'Värde');
    expect([c.get(`B${v}`), c.get(`B${v + 1}`), c.get(`B${v + 2}`), c.get(`B${v + 3}`)]).toEqual([
      '2,77',
      'Nivå 2 – bristfälligt skydd',
      '35 av 41 påståenden besvarade, 8 av 8 arbetsområden med värde',
      0,
    ]);
  });

  it('lists the areas lowest first (ties in catalog order) with value, level and answered/total, under a native bar chart', () => {
    const header = rowOfText(c, 'Arbetsområde');
    const rows = Array.from({ length: 8 }, (_, i) => [0, 1, 2, 3, 4].map((j) => c.get(`${'ABCDE'[j]}${header + 1 + i}`)));
    expect(rows.map((r) => r[0])).toEqual(['KR', 'LO', 'RE', 'NS', 'FS', 'KT', 'BA', 'SU']);
    expect(rows[0]).toEqual(['KR', 'Kryptering', 1.5, 'Nivå 1 – otillräckligt skydd', '2 av 4']);
    expect(rows[3]).toEqual(['NS', 'Skydd och övervakning av nätverk och informationssystem', 2.67, 'Nivå 2 – bristfälligt skydd', '6 av 6']);
    const chart = computed.plan.find((op): op is ChartOp => op.kind === 'chart' && op.sheet === RESULT)!;
    expect(chart).toMatchObject({ type: 'bar', categories: { sheet: RESULT, range: `B${header + 1}:B${header + 8}` } });
    expect(chart.series[0].values).toEqual({ sheet: RESULT, range: `C${header + 1}:C${header + 8}` });
  });

  it('has the Åtgärdslista (stämmer inte before knappt, then id), the unanswered statements and the footer verbatim, last', () => {
    const list = rowOfText(c, 'Åtgärdslista – påståenden som stämmer inte eller stämmer knappt');
    const ids = a.slice(a.indexOf('Åtgärdslista – påståenden som stämmer inte eller stämmer knappt') + 2, a.indexOf('Obesvarade påståenden'));
    expect(ids).toEqual(['S18', 'S04', 'S11', 'S12', 'S17', 'S19', 'S27', 'S29', 'S31', 'S38', 'S41']);
    expect([c.get(`B${list + 2}`), c.get(`C${list + 2}`), c.get(`D${list + 2}`)]).toEqual([catalog.statement('S18')!.text.sv, 'KR', 'Stämmer inte']);
    const unanswered = a.slice(a.indexOf('Obesvarade påståenden') + 2, a.indexOf('Inmatningsfel', a.indexOf('Obesvarade påståenden')));
    expect(unanswered).toEqual(['S05', 'S06', 'S16', 'S20', 'S21', 'S32']);
    expect(a.at(-1)).toBe(FOOTER);
    expect(c.get(`B${errorsSection(c) + 2}`)).toBe('Inga inmatningsfel.');
  });

  it('the summary and the Handlingsplan are written from the same result', () => {
    const s = cells(computed.plan, 'Ledningssammanfattning');
    expect([s.get('A4'), s.get('A5')]).toEqual(['2,77', 'Nivå 2 – bristfälligt skydd']);
    expect([...s.values()]).toContain('Svagast: Kryptering 1,50 · Loggning och logganalys 2,40 · Redundans och återställning 2,60');
    expect([...s.values()].at(-1)).toBe(FOOTER);
    expect(computed.plan.some((op) => op.kind === 'chart' && op.sheet === 'Ledningssammanfattning')).toBe(true);
    const p = cells(computed.plan, 'Handlingsplan');
    const planIds = column(p, 'A').map(([, v]) => v).filter((v) => typeof v === 'string' && v.startsWith('HP-'));
    expect(planIds).toEqual(['HP-S18', 'HP-S04', 'HP-S11', 'HP-S12', 'HP-S17', 'HP-S19', 'HP-S27', 'HP-S29', 'HP-S31', 'HP-S38', 'HP-S41']);
    const first = rowOfText(p, 'HP-S18');
    expect([p.get(`D${first}`), p.get(`E${first}`), p.get(`N${first}`)]).toEqual([
      'S18 (Kryptering): stämmer inte → stämmer helt · MSBFS 2020:7 4 kap. 7 §',
      1,
      `Behövs (prioritet 1): svaret är "stämmer inte" (${TODAY})`,
    ]);
  });

  it('E8: nothing answered gives "Inget resultat", no level, every area "–"', () => {
    const e8 = cells(computeStammerResult(catalog, all(null), TODAY).plan, RESULT);
    const v = rowOfText(e8, 'Värde');
    expect([e8.get(`B${v}`), e8.get(`B${v + 1}`)]).toEqual(['Inget resultat: inga påståenden besvarade', 'Ingen nivå']);
    const header = rowOfText(e8, 'Arbetsområde');
    expect(e8.get(`C${header + 1}`)).toBe('–');
    expect(e8.get(`D${header + 1}`)).toBe('– inget besvarat');
  });

  it('input errors from an answers file are listed with their statement', () => {
    const set = all(3);
    set.answers.S01 = { selected: ['s2', 's4'] };
    const e7 = cells(computeStammerResult(catalog, set, TODAY).plan, RESULT);
    const errorsTitle = errorsSection(e7);
    expect(e7.get(`B${rowOfText(e7, 'Inmatningsfel')}`)).toBe(1);
    expect(e7.get(`B${errorsTitle + 2}`)).toBe('S01: flera steg är ikryssade (s2, s4) – kryssa bara ett. Påståendet räknas som obesvarat.');
    expect(e7.get(`C${errorsTitle + 2}`)).toBe('S01');
  });
});

describe('computeFromWorkbook on an It-säkkollen workbook (through the .xlsx adapter)', () => {
  const grid = async (bytes: Uint8Array) => readXlsxGrid(bytes, allInputSheets());
  const compute = async (bytes: Uint8Array, today = TODAY): Promise<Extract<AnyWorkbookOutcome, { kind: 'computed' }>> => {
    const out = computeFromWorkbook(await grid(bytes), today, CATALOG_MODELS);
    if (out.kind !== 'computed') throw new Error(JSON.stringify(out));
    return out;
  };
  let questionnaire: Uint8Array;
  beforeAll(async () => {
    questionnaire = await applyPlanToXlsx(null, stammerQuestionnairePlan(catalog, E3()));
  });

  it('dispatches on the model and writes the three result sheets, marked as the product\'s', async () => {
    const out = await compute(questionnaire);
    expect(out.model).toBe('stammer-mean-v1');
    if (out.model !== 'stammer-mean-v1') return;
    expect(out.result.valueHundredths).toBe(277);
    const written = await grid(await applyPlanToXlsx(questionnaire, out.plan));
    expect(written.sheetNames.slice(-3)).toEqual([RESULT, 'Ledningssammanfattning', 'Handlingsplan']);
    expect([...(written.owners ?? new Map())].filter(([, v]) => [RESULT, 'Ledningssammanfattning', 'Handlingsplan'].includes(v))).toHaveLength(3);
  });

  it('refuses when a sheet of the user\'s has the result sheet\'s name (in any case), writing nothing', async () => {
    const theirs = await applyPlanToXlsx(questionnaire, [
      { kind: 'sheet', sheet: 'it-säkkollen RESULTAT' },
      { kind: 'values', sheet: 'it-säkkollen RESULTAT', at: 'A1', rows: [['Mina egna anteckningar']] },
    ]);
    // The sheet op marks it as the product's; a user's own sheet carries no mark.
    const g = editableGrid(await grid(theirs));
    const owners = new Map(g.owners);
    owners.delete('it-säkkollen RESULTAT');
    const out = computeFromWorkbook({ ...g, owners }, TODAY, CATALOG_MODELS);
    expect(out).toEqual({ kind: 'refused', issue: { severity: 'error', code: 'result-sheet-taken', sheet: 'it-säkkollen RESULTAT', cell: 'A1', params: { sheet: 'it-säkkollen RESULTAT', ours: RESULT } } });
  });

  it('updates the Handlingsplan in place: the user\'s cells stay, a met statement is "Uppfyllt", a new one goes below', async () => {
    const first = await applyPlanToXlsx(questionnaire, (await compute(questionnaire)).plan);
    const g1 = editableGrid(await grid(first));
    const plan = g1.sheets.get('Handlingsplan')!.values;
    const row = plan.findIndex((r) => r[0] === 'HP-S18') + 1;
    const edited = await applyPlanToXlsx(first, [
      { kind: 'sheet', sheet: 'Handlingsplan', mode: 'update' },
      { kind: 'values', sheet: 'Handlingsplan', at: `I${row}`, rows: [['Kim (IT-chef)']] },
      { kind: 'values', sheet: 'Handlingsplan', at: `B${row}`, rows: [['Kryptera all trafik mellan förvaltningarna']] },
    ]);
    // S18 now stämmer helt, S13 stämmer inte.
    const answers = { catalog: catalog.id, answers: { S18: { selected: ['s4'] }, S13: { selected: ['s1'] } } };
    const fill = fillPlanOf(catalog, await grid(edited), answers);
    if (fill.kind !== 'plan') throw new Error('refused');
    expect(fill.cells).toBe(4);
    const filled = await applyPlanToXlsx(edited, fill.plan);
    const again = await compute(filled, '2027-01-10');
    const g2 = editableGrid(await grid(await applyPlanToXlsx(filled, again.plan)));
    expect(getCell(g2, 'Handlingsplan', `I${row}`)).toBe('Kim (IT-chef)');
    expect(getCell(g2, 'Handlingsplan', `B${row}`)).toBe('Kryptera all trafik mellan förvaltningarna');
    expect(getCell(g2, 'Handlingsplan', `N${row}`)).toBe('Uppfyllt vid beräkningen 2027-01-10');
    const values = g2.sheets.get('Handlingsplan')!.values;
    const s13 = values.findIndex((r) => r[0] === 'HP-S13') + 1;
    expect(s13).toBeGreaterThan(values.findIndex((r) => r[0] === 'HP-S41') + 1);
    expect(getCell(g2, 'Handlingsplan', `N${s13}`)).toBe('Behövs (prioritet 1): svaret är "stämmer inte" (2027-01-10)');
  });
});
