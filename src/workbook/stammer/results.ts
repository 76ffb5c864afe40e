/**
 * The result sheets of a catalog of statements (ITSAK.md §4 "Result sheet"): the result with its
 * areas (lowest first, with a native bar chart), the Åtgärdslista, unanswered statements, input
 * errors and the mandatory footer; a Ledningssammanfattning; and the Handlingsplan, fed from the
 * Åtgärdslista through the same keep-every-user-edit update as Infosäkkollen's.
 */
import type { AnswerSet } from '../../core/answers/types';
import { areasLowestFirst, scoreStammer, type StammerAreaResult, type StammerResult } from '../../core/stammer/score';
import { formatHundredths } from '../../core/stammer/rounding';
import type { StammerCatalog } from '../../core/stammer/types';
import { describeIssue } from '../../i18n';
import { SHEETS } from '../layout';
import { newActionPlanSheet, updateActionPlan, type PlanContext, type PlanEntry } from '../plan/actionPlan';
import { withRowHeights } from '../plan/rowHeights';
import { COLORS, S } from '../plan/styles';
import type { CellInput, ChartOp, SheetGrid, WriteOp, WritePlan } from '../plan/types';
import type { LocatedIssue } from '../read';
import { planId, resultSheetOf } from './layout';
import { refsText } from './questionnaire';

export interface StammerComputed {
  readonly model: 'stammer-mean-v1';
  readonly catalog: StammerCatalog;
  readonly answers: AnswerSet;
  readonly result: StammerResult;
  readonly plan: WritePlan;
  /** What writing the plan will do that the user should know (a plan date Excel cannot read, a Gantt with no room). */
  readonly planIssues: readonly LocatedIssue[];
}

const CHART_ROWS = 16;

/** "2,77", or the text for no value. */
export const valueText = (h: number | null): string => (h === null ? '–' : formatHundredths(h));

export function levelText(catalog: StammerCatalog, level: number | null): string {
  if (level === null) return '–';
  return `Nivå ${level} – ${catalog.levels.find((l) => l.level === level)?.name.sv ?? ''}`;
}

/** K1's answer as a person reads it: the option, "ej besvarad", or that it has an error. */
export function contextText(catalog: StammerCatalog, result: StammerResult): { label: string; question: string; answer: string }[] {
  return result.context.map((c) => {
    const q = catalog.contextQuestion(c.id)!;
    const answer =
      c.state === 'answered' ? `${c.selected}) ${q.options.find((o) => o.id === c.selected)!.text.sv}` : c.state === 'error' ? 'fel i svaret (se Inmatningsfel)' : 'ej besvarad';
    return { label: `Bakgrund (${c.id})`, question: q.text.sv, answer };
  });
}

/** The Åtgärdslista as plan rows: priority = the answer's value (1 stämmer inte before 2 stämmer knappt). */
export function planEntries(catalog: StammerCatalog, result: StammerResult): PlanEntry[] {
  return result.actionList.map((id) => {
    const s = catalog.statement(id)!;
    const answered = result.statements.find((x) => x.id === id)!;
    const step = s.scale.find((x) => x.id === answered.selected)!;
    const top = s.scale[s.scale.length - 1];
    return {
      id: planId(id),
      name: s.text.sv,
      measure: `${id} (${catalog.area(s.area)!.name.sv}): ${step.text.sv.toLowerCase()} → ${top.text.sv.toLowerCase()} · ${refsText(s)}`,
      priority: step.value,
      needed: `svaret är "${step.text.sv.toLowerCase()}"`,
    };
  });
}

export function planContext(catalog: StammerCatalog, today: string): PlanContext {
  const scale = catalog.statements[0].scale;
  const low = scale.filter((s) => s.value <= scale.length / 2);
  return {
    today,
    // Only the product's ids of this catalog are marked "Uppfyllt" when no longer needed.
    ownIds: new RegExp(`^(${catalog.statements.map((s) => planId(s.id)).join('|')})$`),
    intro: `Föreslagna aktiviteter från Åtgärdslistan: påståenden som ${low.map((s) => `${s.text.sv.toLowerCase()} (prioritet ${s.value})`).join(' eller ')}.`,
  };
}

/** From an answer set to the result and the full write plan; nothing is written here. */
export function computeStammerResult(
  catalog: StammerCatalog,
  answers: AnswerSet,
  today: string,
  options: { readonly existingPlan?: SheetGrid; readonly issues?: readonly LocatedIssue[] } = {},
): StammerComputed {
  const result = scoreStammer(catalog, answers);
  const issues = options.issues ?? result.errors.map((e): LocatedIssue => ({ severity: 'error', code: e.code, statement: e.statement, option: e.option, params: e.params }));
  const ctx = planContext(catalog, today);
  const entries = planEntries(catalog, result);
  const update = options.existingPlan ? updateActionPlan(options.existingPlan, entries, ctx) : undefined;
  const main = resultSheet(catalog, result, issues, today);
  const replaced = withRowHeights([
    ...main.ops,
    ...summarySheet(catalog, result, today, main.areaRows),
    ...(update ? [] : newActionPlanSheet(entries, ctx)),
  ]);
  // Row heights are the product's choice only on sheets it replaces, never on the user's plan.
  return { model: 'stammer-mean-v1', catalog, answers, result, plan: [...replaced, ...(update?.ops ?? [])], planIssues: update?.issues ?? [] };
}

function areaChart(catalog: StammerCatalog, sheet: string, name: string, first: number, last: number, anchor: { from: string; to: string }): ChartOp {
  const source = resultSheetOf(catalog);
  const top = catalog.levels[catalog.levels.length - 1].level;
  return {
    kind: 'chart',
    sheet,
    name,
    type: 'bar',
    title: 'Värde per arbetsområde',
    categories: { sheet: source, range: `B${first}:B${last}` },
    series: [{ name: 'Värde', values: { sheet: source, range: `C${first}:C${last}` }, color: COLORS.navy }],
    anchor,
    axis: { min: 0, max: top, majorUnit: 1, title: `Värde (1 = ${catalog.statements[0].scale[0].text.sv.toLowerCase()} … ${top} = ${catalog.statements[0].scale[top - 1].text.sv.toLowerCase()})` },
    legend: false,
  };
}

/** The result sheet, and where its areas table is (the summary's chart uses it too). */
function resultSheet(catalog: StammerCatalog, r: StammerResult, issues: readonly LocatedIssue[], today: string): { ops: WriteOp[]; areaRows: [number, number] } {
  const sheet = resultSheetOf(catalog);
  const org = r.organisation.name ?? '';
  const errors = issues.filter((i) => i.severity === 'error');
  const rows: CellInput[][] = [
    [`${sheet}${org ? ` – ${org}` : ''}`],
    [`Beräknat ${today} med ${catalog.name.sv} (${catalog.id}, version ${catalog.revision})`],
    [],
    ['Organisation', org || '–'],
    ...contextText(catalog, r).map((c) => [c.label, `${c.question} ${c.answer}`]),
    [],
  ];
  const valueRow = rows.length + 1;
  rows.push(
    ['Värde', r.valueHundredths === null ? 'Inget resultat: inga påståenden besvarade' : valueText(r.valueHundredths)],
    ['Nivå', r.level === null ? 'Ingen nivå' : levelText(catalog, r.level)],
    ['Besvarade', `${r.answered} av ${r.total} påståenden besvarade, ${r.areasWithValue} av ${r.areas.length} arbetsområden med värde`],
    ['Inmatningsfel', errors.length],
    [],
  );
  const areasTitle = rows.length + 1;
  rows.push(['Arbetsområden, lägsta värde först']);
  rows.push(['Id', 'Arbetsområde', 'Värde', 'Nivå', 'Besvarade']);
  const ordered: StammerAreaResult[] = areasLowestFirst(r);
  const firstArea = rows.length + 1;
  for (const a of ordered) rows.push([a.id, a.name.sv, a.valueHundredths === null ? '–' : a.valueHundredths / 100, a.level === null ? '– inget besvarat' : levelText(catalog, a.level), `${a.answered} av ${a.total}`]);
  const lastArea = rows.length;
  rows.push([]);
  const chartTop = rows.length + 1;
  for (let i = 0; i < CHART_ROWS; i++) rows.push([]);

  const sections: { title: number; header: number }[] = [];
  const section = (title: string, header: string[], body: CellInput[][], empty: string) => {
    sections.push({ title: rows.length + 1, header: rows.length + 2 });
    rows.push([title], header);
    rows.push(...(body.length ? body : [['', empty]]));
    rows.push([]);
  };
  const statementRow = (id: string, extra: CellInput[] = []): CellInput[] => {
    const s = catalog.statement(id)!;
    return [id, s.text.sv, s.area, ...extra];
  };
  const stepText = (id: string) => {
    const got = r.statements.find((s) => s.id === id)!;
    return catalog.statement(id)!.scale.find((x) => x.id === got.selected)!.text.sv;
  };
  const low = catalog.statements[0].scale.filter((s) => s.value <= catalog.statements[0].scale.length / 2).map((s) => s.text.sv.toLowerCase());
  section(`Åtgärdslista – påståenden som ${low.join(' eller ')}`, ['Id', 'Påstående', 'Område', 'Svar'], r.actionList.map((id) => statementRow(id, [stepText(id)])), `Inga påståenden ${low.join(' eller ')}.`);
  section('Obesvarade påståenden', ['Id', 'Påstående', 'Område'], r.unanswered.map((id) => statementRow(id)), 'Alla påståenden är besvarade.');
  section(
    'Inmatningsfel',
    ['Cell', 'Fel', 'Id'],
    errors.map((i) => [i.sheet ? (i.cell ? `${i.sheet}!${i.cell}` : i.sheet) : '', describeIssue({ ...i, cell: undefined }), i.statement ?? '']),
    'Inga inmatningsfel.',
  );
  const footerRow = rows.length + 1;
  rows.push([catalog.footer.sv]);

  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: [22, 70, 10, 34, 12], showGridlines: false, tabColor: '1F4E79', fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: { ...S.note, wrap: false } },
    { kind: 'style', sheet, range: `A4:A${valueRow + 3}`, style: S.label },
    { kind: 'style', sheet, range: `B4:B${valueRow + 3}`, style: { hAlign: 'left' } },
    { kind: 'style', sheet, range: `B${valueRow}`, style: S.big },
    { kind: 'style', sheet, range: `B${valueRow + 1}`, style: { ...S.label, fill: r.level === null ? COLORS.grey : r.level >= 3 ? COLORS.green : COLORS.yellow } },
    { kind: 'rowHeight', sheet, rows: [valueRow], height: 28 },
    { kind: 'style', sheet, range: `A${areasTitle}`, style: S.subtitle },
    { kind: 'style', sheet, range: `A${areasTitle + 1}:E${areasTitle + 1}`, style: S.header },
    { kind: 'style', sheet, range: `C${firstArea}:C${lastArea}`, style: { numberFormat: '0.00', hAlign: 'right' } },
    ...sections.flatMap(({ title, header }): WriteOp[] => [
      { kind: 'style', sheet, range: `A${title}`, style: S.subtitle },
      { kind: 'style', sheet, range: `A${header}:D${header}`, style: S.header },
    ]),
    { kind: 'style', sheet, range: `A${footerRow}`, style: { ...S.note, fontSize: 9 } },
    { kind: 'merge', sheet, range: `A${footerRow}:E${footerRow}` },
    areaChart(catalog, sheet, 'VardePerOmrade', firstArea, lastArea, { from: `A${chartTop}`, to: `E${chartTop + CHART_ROWS - 1}` }),
  ];
  return { ops, areaRows: [firstArea, lastArea] };
}

function summarySheet(catalog: StammerCatalog, r: StammerResult, today: string, [firstArea, lastArea]: [number, number]): WriteOp[] {
  const sheet = SHEETS.summary;
  const ordered = areasLowestFirst(r).filter((a) => a.valueHundredths !== null);
  const named = (a: StammerAreaResult) => `${a.name.sv} ${valueText(a.valueHundredths)}`;
  const rows: CellInput[][] = [
    ['Ledningssammanfattning – it-säkerhet'],
    [`${r.organisation.name ?? 'Organisationen'} · självskattning med ${catalog.name.sv} · ${today}`],
    [],
    [r.valueHundredths === null ? 'Inget resultat' : valueText(r.valueHundredths)],
    [r.level === null ? 'Inga påståenden besvarade' : levelText(catalog, r.level)],
    [`${r.answered} av ${r.total} påståenden besvarade, ${r.areasWithValue} av ${r.areas.length} arbetsområden med värde`],
  ];
  if (ordered.length) rows.push([`Svagast: ${ordered.slice(0, 3).map(named).join(' · ')}`]);
  if (ordered.length > 3) rows.push([`Starkast: ${ordered.slice(-2).reverse().map(named).join(' · ')}`]);
  rows.push([]);
  const chartTop = rows.length + 1;
  for (let i = 0; i < CHART_ROWS; i++) rows.push([]);
  const prioRow = rows.length + 1;
  rows.push(['Fem viktigaste åtgärderna']);
  const stepOf = (id: string) => catalog.statement(id)!.scale.find((x) => x.id === r.statements.find((s) => s.id === id)!.selected)!.text.sv.toLowerCase();
  r.actionList.slice(0, 5).forEach((id, i) => {
    const s = catalog.statement(id)!;
    rows.push([`${i + 1}. ${id} ${s.text.sv} (${catalog.area(s.area)!.name.sv}; ${stepOf(id)})`]);
  });
  if (!r.actionList.length) rows.push(['Inga påståenden på åtgärdslistan.']);
  if (r.actionList.length > 5) rows.push([`Åtgärdslistan har ${r.actionList.length} påståenden; alla finns på bladet ${resultSheetOf(catalog)} och i Handlingsplan.`]);
  rows.push([]);
  for (const c of contextText(catalog, r)) rows.push([`${c.question} ${c.answer}`]);
  rows.push([]);
  rows.push([catalog.footer.sv]);
  return [
    { kind: 'sheet', sheet, columnWidths: [80], showGridlines: false, tabColor: 'C00000', fitToPage: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'style', sheet, range: 'A4', style: S.big },
    { kind: 'style', sheet, range: 'A5', style: { ...S.label, wrap: true } },
    { kind: 'rowHeight', sheet, rows: [4], height: 28 },
    { kind: 'style', sheet, range: `A${prioRow}`, style: S.subtitle },
    { kind: 'style', sheet, range: `A${rows.length}`, style: { ...S.note, fontSize: 8 } },
    areaChart(catalog, sheet, 'LedningVarde', firstArea, lastArea, { from: `A${chartTop}`, to: `A${chartTop + CHART_ROWS - 2}` }),
  ];
}
