import type { Catalog } from '../../core/catalog/types';
import type { Feedback } from '../../core/feedback/feedback';
import type { SuggestedActivity } from '../../core/plans/activities';
import type { RegulationResult } from '../../core/regulation/indication';
import type { ScoreResult } from '../../core/scoring/score';
import type { EvidenceRule } from '../../core/answers/strictEvidence';
import { evidenceText } from './evidenceText';
import { RESULT_TITLES, SHEETS } from '../layout';
import { measureText, newActionPlanSheet, updateActionPlan, type PlanContext } from './actionPlan';
import { pathCost, pathCostLine, type PathCostSummary, type PlanRows } from './planRows';
import type { LocatedIssue } from '../read';
import { CONFIDENCE, FOOTER, heading, noteText, overallStops, overallText, statusText, stopsText, summaryLine } from './regulationText';
import { withRowHeights } from './rowHeights';
import { targetSheet, type ChosenTarget } from './targetSheet';
import { COLORS, S } from './styles';
import type { CellInput, ChartOp, RangeRef, SheetGrid, WriteOp, WritePlan } from './types';

export interface ResultInputs {
  readonly catalog: Catalog;
  readonly result: ScoreResult;
  readonly feedback: Feedback;
  readonly activities: readonly SuggestedActivity[];
  readonly regulation?: RegulationResult;
  /**
   * The product's Handlingsplan as it is now (found by the ownership mark): it is updated in
   * place, so nothing the user typed, formatted or linked is lost. Absent: a new one is made.
   */
  readonly existingPlan?: SheetGrid;
  readonly today: string;
  /** "Sedan förra mätningen (…): …" when a measurement was saved before (issue 10, plan/history.ts). */
  readonly sincePrevious?: string;
  /** A chosen target (issue 11): Nästa nivå shows the path to it instead of the next level. */
  readonly target?: ChosenTarget;
  /** "Säker kräver underlag" (issue 13): said on Resultat when on, or when säker answers lack underlag. */
  readonly evidence?: EvidenceRule;
  /** `existingPlan`'s rows as readPlanRows read them (issue 13: its costs; read once per computation). */
  readonly planRows?: PlanRows;
  /** The annual goals' Id cells on Mål (issue 13), offered by a new Handlingsplan's "Årliga mål". */
  readonly annualGoals?: RangeRef;
}

const AREA_FIRST_ROW = 5;

/** "Nivå 2" and the level's name, for a large heading with the name beneath it. */
const levelHeading = (catalog: Catalog, level: number): [string, string] =>
  level === 0 ? ['Under nivå 1', ''] : [`Nivå ${level}`, catalog.levels[level].name.sv];

/** Every result sheet, computed in full before anything is written (issue 4: never half-written). */
export function resultPlan(inputs: ResultInputs): { plan: WritePlan; issues: LocatedIssue[]; cost?: PathCostSummary } {
  const { activities, today } = inputs;
  const ctx: PlanContext = { today, regulationDesignation: inputs.regulation?.designation, ...(inputs.annualGoals ? { annualGoals: inputs.annualGoals } : {}) };
  const update = inputs.existingPlan ? updateActionPlan(inputs.existingPlan, activities, ctx) : undefined;
  const { cost, issues: costIssues } = costOfPath(inputs);
  const line = cost?.line;
  const replaced = withRowHeights([
    ...resultSheet(inputs),
    ...summarySheet(inputs, line),
    ...areasSheet(inputs),
    ...feedbackSheet(inputs),
    ...(inputs.target ? targetSheet(inputs.catalog, inputs.result, inputs.target, line) : nextLevelSheet(inputs, line)),
    ...(update ? [] : newActionPlanSheet(activities, ctx)),
  ]);
  // Row heights are the product's choice only on sheets it replaces, never on the user's plan.
  return { plan: [...replaced, ...(update?.ops ?? [])], issues: [...(update?.issues ?? []), ...costIssues], ...(cost ? { cost } : {}) };
}

/**
 * Issue 13: what the activities on the path (priority 1 and 2: the next level's, or the chosen
 * target's) are estimated to cost, from the plan as the user left it. None when nothing is ahead.
 */
function costOfPath({ activities, existingPlan, planRows: rows, result, target }: ResultInputs): { cost?: PathCostSummary; issues: LocatedIssue[] } {
  const goal = target ? (target.path.kind === 'level' || target.path.kind === 'regulation' ? target.label : `målet ${target.label}`) : result.nextLevel ? `nivå ${result.nextLevel.level}` : undefined;
  if (!goal) return { issues: [] };
  const issues: LocatedIssue[] = [...(rows?.issues ?? [])];
  if (existingPlan && rows && !rows.hasCost) issues.push({ severity: 'warning', code: 'plan-cost-columns-missing', sheet: existingPlan.name, params: { sheet: existingPlan.name } });
  const cost = pathCost(activities.filter((a) => a.priority <= 2).map((a) => a.id), rows);
  const line = pathCostLine(goal, cost);
  return { cost: { ...cost, goal, ...(line ? { line } : {}) }, issues };
}

function areaLastRow(catalog: Catalog): number {
  return AREA_FIRST_ROW + catalog.areas.length - 1;
}

/** A bar chart over the Arbetsområden table: one bar per work area, series from the given columns. */
function areaChart(
  catalog: Catalog,
  where: { sheet: string; name: string; from: string; to: string },
  chart: { title: string; series: { name: string; column: string; color: string }[]; axis: ChartOp['axis'] },
): ChartOp {
  const rows = (column: string) => ({ sheet: SHEETS.areas, range: `${column}${AREA_FIRST_ROW}:${column}${areaLastRow(catalog)}` });
  return {
    kind: 'chart',
    sheet: where.sheet,
    name: where.name,
    type: 'bar',
    title: chart.title,
    categories: rows('B'),
    series: chart.series.map((s) => ({ name: s.name, values: rows(s.column), color: s.color })),
    anchor: { from: where.from, to: where.to },
    axis: chart.axis,
    legend: chart.series.length > 1,
  };
}

function levelChart(catalog: Catalog, sheet: string, name: string, from: string, to: string): ChartOp {
  return areaChart(catalog, { sheet, name, from, to }, {
    title: 'Indikativ nivå per arbetsområde',
    series: [{ name: 'Nivå', column: 'C', color: COLORS.navy }],
    axis: { min: 0, max: 4, majorUnit: 1, title: 'Nivå (0 = under nivå 1)' },
  });
}

function pointsChart(catalog: Catalog, sheet: string, name: string, from: string, to: string): ChartOp {
  return areaChart(catalog, { sheet, name, from, to }, {
    title: 'Poäng per arbetsområde mot maxpoäng',
    series: [
      { name: 'Poäng', column: 'D', color: '2F75B5' },
      { name: 'Maxpoäng', column: 'E', color: 'BFBFBF' },
    ],
    axis: { min: 0 },
  });
}

/** Issue 13: the path's estimated cost from Handlingsplan, as a fact row of Nästa nivå. */
export const costFact = (line?: string): CellInput[][] => (line ? [['Kostnad enligt handlingsplanen', line]] : []);

function quickFacts(r: ScoreResult): CellInput[][] {
  const n = r.nextLevel;
  if (!n) return [['Nästa nivå', 'Högsta nivån är nådd. Fortsätt att följa upp och förbättra arbetet.']];
  return [
    [`Snabba fakta för nivå ${n.level}`],
    ['Poäng som saknas', `${n.missingPoints} (krav ${n.pointsRequired} poäng totalt)`],
    ['Frågor under minimikravet', n.belowMinimum.length ? n.belowMinimum.map((b) => `F${b.number} (${b.points} av ${b.required} p)`).join(', ') : 'Inga'],
    ['Osäkra bedömningar att säkra', n.uncertainOverLimit],
    ['Minsta antal ytterligare åtgärder', n.cheapestAdditionalMeasures],
  ];
}

/** The option's line, right under the osäkra count it changes; none when there is nothing to say. */
function evidenceRow(evidence: EvidenceRule | undefined): CellInput[][] {
  const text = evidence ? evidenceText(evidence) : undefined;
  return text ? [['Säker kräver underlag', text]] : [];
}

function resultSheet({ catalog, result: r, regulation, today, evidence }: ResultInputs): WriteOp[] {
  const sheet = SHEETS.result;
  const org = r.organisation.name ?? '';
  const rows: CellInput[][] = [
    [`Resultat${org ? ` – ${org}` : ''}`],
    [`Beräknat ${today} med ${catalog.name.sv} (${catalog.id})`],
    [],
    ['Nivå', levelHeading(catalog, r.level)[0]],
    ['', levelHeading(catalog, r.level)[1]],
    ['', catalog.levels[r.level].description.sv],
    ['Poäng', `${r.totalPoints} av ${r.maxPoints}`],
    ['Åtgärder', `${r.measures.done} av ${r.measures.possible}`],
    ['Besvarade frågor', `${r.answeredCount} av ${r.questions.length} (${r.uncertainCount} osäkra)`],
    ...evidenceRow(evidence),
    ['Resultattal', r.resultattal],
    [],
  ];
  const factsRow = rows.length + 1;
  rows.push(...quickFacts(r), []);
  const regRow = rows.length + 1;
  if (regulation) {
    rows.push([heading(regulation, r.organisation.type)]);
    rows.push(['Indikation', overallText(regulation)]);
    for (const s of overallStops(regulation)) rows.push(['', s]);
    rows.push(['Paragrafer', summaryLine(regulation)]);
    rows.push(['', FOOTER]);
    rows.push([]);
  }
  if (r.forwardLooking.length) {
    rows.push(['Under utveckling', r.forwardLooking.map((q) => `F${q}`).join(', ')]);
    rows.push([]);
  }
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: [30, 70, 2, 12, 12, 12, 12, 12, 12, 12, 12], showGridlines: false, tabColor: '1F4E79', landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: { ...S.note, wrap: false } },
    { kind: 'style', sheet, range: 'B4', style: S.big },
    { kind: 'style', sheet, range: 'B5', style: S.label },
    { kind: 'style', sheet, range: `A4:A${rows.length}`, style: S.label },
    { kind: 'style', sheet, range: `A${factsRow}`, style: S.subtitle },
    { kind: 'rowHeight', sheet, rows: [4], height: 28 },
  ];
  if (regulation) {
    ops.push({ kind: 'style', sheet, range: `A${regRow}`, style: S.subtitle });
    ops.push({ kind: 'style', sheet, range: `B${regRow + 1}`, style: { bold: true, fill: regulation.indicated ? COLORS.green : COLORS.yellow } });
    // Layer 3: one row per paragraph.
    // Below the two charts (rows 3–34), so the table never sits under a chart.
    const first = Math.max(rows.length + 2, 37);
    // Columns follow the sheet's widths: the long notes take the wide column B.
    const table: CellInput[][] = [['Paragraf', 'Anmärkningar och tips', '', 'Status', '', '', 'Stopp', '', '', 'Tillförlitlighet']];
    for (const p of regulation.paragraphs) {
      const notes = [...p.remarks, ...p.tips].map((n) => noteText(catalog, n)).join('\n');
      table.push([`${p.id} § ${p.rubrik}`, notes || (p.status === 'notAssessable' ? p.note : ''), '', statusText(p), '', '', stopsText(p), '', '', p.confidence ? CONFIDENCE[p.confidence] : '–']);
    }
    ops.push({ kind: 'values', sheet, at: `A${first - 1}`, rows: [[`Indikation per paragraf (${regulation.designation})`]], style: S.subtitle });
    ops.push({ kind: 'values', sheet, at: `A${first}`, rows: table, style: { wrap: true, vAlign: 'top', fontSize: 9 } });
    ops.push({ kind: 'style', sheet, range: `A${first}:J${first}`, style: S.header });
    regulation.paragraphs.forEach((p, i) => {
      const row = first + 1 + i;
      for (const range of [`D${row}:F${row}`, `G${row}:I${row}`]) ops.push({ kind: 'merge', sheet, range });
      const fill = p.status === 'met' ? COLORS.green : p.status === 'partial' ? COLORS.yellow : p.status === 'notMet' ? COLORS.red : COLORS.grey;
      ops.push({ kind: 'style', sheet, range: `D${row}`, style: { fill } });
    });
  }
  ops.push(levelChart(catalog, sheet, 'NivaPerOmrade', 'D3', 'K17'));
  ops.push(pointsChart(catalog, sheet, 'PoangPerOmrade', 'D18', 'K34'));
  return ops;
}

function summarySheet({ catalog, result: r, feedback, activities, regulation, today, sincePrevious }: ResultInputs, costLine?: string): WriteOp[] {
  const sheet = SHEETS.summary;
  const top = activities.slice(0, 5);
  const weakest = [...r.areas].sort((a, b) => a.level - b.level || a.points / a.maxPoints - b.points / b.maxPoints).slice(0, 3).map((a) => a.id);
  const questions = [...feedback.managementQuestions]
    .sort((a, b) => Number(b.areas.some((x) => weakest.includes(x))) - Number(a.areas.some((x) => weakest.includes(x))))
    .slice(0, 5);
  const rows: CellInput[][] = [
    ['Ledningssammanfattning – informationssäkerhet'],
    [`${r.organisation.name ?? 'Organisationen'} · uppföljning enligt Infosäkkollen, MCF (tidigare MSB) · ${today}`],
    [],
    ...levelHeading(catalog, r.level).map((text) => [text]),
    [feedback.level.meaning.sv],
    [`Poäng ${r.totalPoints} av ${r.maxPoints} · ${r.answeredCount} av ${r.questions.length} frågor besvarade`],
    ...(sincePrevious ? [[sincePrevious]] : []),
    [],
  ];
  const chartTop = rows.length + 1;
  for (let i = 0; i < 16; i++) rows.push([]);
  const prioRow = rows.length + 1;
  rows.push(['Fem viktigaste prioriteringarna']);
  top.forEach((a, i) => rows.push([`${i + 1}. ${a.name} – ${measureText(a, regulation?.designation)}`]));
  if (!top.length) rows.push(['Inga åtgärder behövs för nästa nivå.']);
  const costRow = costLine ? rows.length + 1 : 0;
  if (costLine) rows.push([costLine]);
  rows.push([]);
  const regRow = rows.length + 1;
  if (regulation) {
    rows.push([heading(regulation, r.organisation.type)]);
    rows.push([overallText(regulation)]);
    rows.push([summaryLine(regulation)]);
    rows.push([]);
  }
  const qRow = rows.length + 1;
  rows.push(['Frågor ledningen bör ställa till CISO']);
  for (const q of questions) rows.push([`${q.topic.sv}: ${q.question.sv}`]);
  rows.push([]);
  rows.push([feedback.level.nextStep.sv]);
  if (regulation) rows.push([FOOTER]);
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: [90], showGridlines: false, tabColor: 'C00000', fitToPage: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'style', sheet, range: 'A4', style: S.big },
    { kind: 'style', sheet, range: 'A5', style: { ...S.label, wrap: true } },
    { kind: 'rowHeight', sheet, rows: [4], height: 28 },
    { kind: 'style', sheet, range: `A${prioRow}`, style: S.subtitle },
    { kind: 'style', sheet, range: `A${qRow}`, style: S.subtitle },
    { kind: 'style', sheet, range: `A${rows.length}`, style: { ...S.note, fontSize: 8 } },
    levelChart(catalog, sheet, 'LedningNiva', `A${chartTop}`, `A${chartTop + 14}`),
  ];
  if (costRow) ops.push({ kind: 'style', sheet, range: `A${costRow}`, style: { bold: true } });
  if (regulation) {
    ops.push({ kind: 'style', sheet, range: `A${regRow}`, style: S.subtitle });
    ops.push({ kind: 'style', sheet, range: `A${regRow + 1}`, style: { bold: true, fill: regulation.indicated ? COLORS.green : COLORS.yellow } });
  }
  return ops;
}

function areasSheet({ catalog, result: r, regulation }: ResultInputs): WriteOp[] {
  const sheet = SHEETS.areas;
  const last = areaLastRow(catalog);
  const header = ['Id', 'Arbetsområde', 'Nivå', 'Poäng', 'Maxpoäng', 'Åtgärder', 'Möjliga åtgärder', 'Föreskriftskraven indikeras'];
  return [
    { kind: 'sheet', sheet, columnWidths: [6, 52, 8, 8, 10, 10, 12, 22], tabColor: '2F75B5', landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows: [['Arbetsområden'], ['Indikativ nivå per arbetsområde (samma regler som för hela organisationen, utan säkerhetskravet).']] },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:H2' },
    { kind: 'values', sheet, at: `A${AREA_FIRST_ROW - 1}`, rows: [header], style: S.header },
    {
      kind: 'values',
      sheet,
      at: `A${AREA_FIRST_ROW}`,
      rows: r.areas.map((a) => [a.id, a.name.sv, a.level, a.points, a.maxPoints, a.measures.done, a.measures.possible, regulation ? (a.level >= 3 ? 'Ja' : 'Nej') : '']),
    },
    { kind: 'table', sheet, name: 'Arbetsomraden', range: `A${AREA_FIRST_ROW - 1}:H${last}`, style: 'TableStyleMedium2' },
    pointsChart(catalog, sheet, 'OmradenPoang', `J${AREA_FIRST_ROW - 1}`, `Q${last + 12}`),
  ];
}

function feedbackSheet({ feedback }: ResultInputs): WriteOp[] {
  const sheet = SHEETS.feedback;
  const rows: CellInput[][] = [
    ['Återkoppling'],
    [],
    [`Nivå ${feedback.level.level}`, feedback.level.meaning.sv],
    ['Nästa steg', feedback.level.nextStep.sv],
    [],
    ['Arbetsområde', 'Nivå', 'Vad området handlar om', 'Återkoppling och nästa steg'],
    ...feedback.areas.map((a) => [a.name.sv, a.level, a.about.sv, a.text.sv]),
  ];
  return [
    { kind: 'sheet', sheet, columnWidths: [34, 8, 60, 80], tabColor: '2F75B5', landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A3:A4', style: S.label },
    { kind: 'merge', sheet, range: 'B3:D3' },
    { kind: 'merge', sheet, range: 'B4:D4' },
    { kind: 'rowHeight', sheet, rows: [3, 4], height: 48 },
    { kind: 'style', sheet, range: 'A6:D6', style: S.header },
    { kind: 'style', sheet, range: `B7:B${6 + feedback.areas.length}`, style: { hAlign: 'center' } },
  ];
}

function nextLevelSheet({ catalog, result: r }: ResultInputs, costLine?: string): WriteOp[] {
  const sheet = SHEETS.nextLevel;
  const n = r.nextLevel;
  const rows: CellInput[][] = [[n ? `${RESULT_TITLES[sheet]} – vägen till nivå ${n.level}` : `${RESULT_TITLES[sheet]} – högsta nivån är nådd`], ['Billigaste vägen: minsta antal ytterligare åtgärder, frågor under minimikravet först (bredd före djup).'], [], ...quickFacts(r), ...costFact(costLine), []];
  const headerRow = rows.length + 1;
  const optionText = (q: number, ids: readonly string[]) =>
    ids.map((id) => `${id}) ${catalog.question(q)!.options.find((o) => o.id === id)?.text.sv ?? ''}`).join('\n');
  rows.push(['Fråga', 'Arbetsområde', 'Skäl', 'Poäng nu → mål', 'Åtgärder', 'Kryssa i', 'Ta bort kryss']);
  for (const s of n?.steps ?? []) {
    const q = catalog.question(s.number)!;
    rows.push([
      `F${s.number} ${q.text.sv}`,
      catalog.area(s.area)!.name.sv,
      s.reason === 'belowMinimum' ? `Under minimikravet (${n!.level} p)${s.hasInputError ? ' – rätta först felet i svaret' : ''}` : 'Poäng som saknas',
      `${s.fromPoints} → ${s.toPoints}`,
      s.measures,
      optionText(s.number, s.tick),
      optionText(s.number, s.untick),
    ]);
  }
  return [
    { kind: 'sheet', sheet, columnWidths: [60, 30, 26, 14, 10, 60, 30], tabColor: '2F75B5', freeze: { rows: headerRow, columns: 0 }, landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows, style: S.wrap },
    { kind: 'style', sheet, range: 'A1', style: S.title },
    { kind: 'style', sheet, range: 'A2', style: S.note },
    { kind: 'merge', sheet, range: 'A2:G2' },
    { kind: 'style', sheet, range: 'A4', style: S.subtitle },
    { kind: 'style', sheet, range: `A${headerRow}:G${headerRow}`, style: S.header },
  ];
}
