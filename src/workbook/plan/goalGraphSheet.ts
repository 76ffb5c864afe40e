/**
 * Målgraf (issue 13, seed 000 "Visuella målgrafer"): the chain from strategic goals to the action
 * plan's activities as an indented table, each line that breaks the chain with a remark and a light
 * orange fill, then the activities that serve no goal. A sheet the product owns, rewritten on every
 * computation; the goals themselves are the user's, on Mål.
 */
import type { ActivityNode, AnnualNode, GoalFlag, GoalGraph, ShortTermNode, StrategicNode } from '../../core/goals/graph';
import type { AnnualGoal, ShortTermGoal, StrategicGoal } from '../../core/goals/types';
import { GOAL_GRAPH_SHEET, GOALS_SHEET } from '../goals/layout';
import { SHEETS } from '../layout';
import { withRowHeights } from './rowHeights';
import { COLORS, S } from './styles';
import type { CellInput, CellStyle, WriteOp, WritePlan } from './types';

const COLUMNS = ['Strategiskt mål', 'Kortsiktigt mål', 'Årligt mål', 'Aktivitet (Handlingsplan)', 'Status', 'Anmärkning'];
const WIDTHS = [32, 32, 32, 40, 13, 38];
const LAST = 'F';
/** Light orange: a line to look at, not an error. */
const FLAGGED = 'FCE4D6';
const CELL: CellStyle = { wrap: true, vAlign: 'top', border: 'thin' };
const GROUP: CellStyle = { italic: true, fontColor: '595959', wrap: true, vAlign: 'top', border: 'thin' };

/** A flag as a remark on its line, in Swedish (the workbook's language). */
export function remarkText(flag: GoalFlag): string {
  switch (flag.code) {
    case 'strategic-without-short-term':
      return 'Inget kortsiktigt mål bidrar till målet';
    case 'short-term-without-annual':
      return 'Saknar årligt mål';
    case 'annual-without-activity':
      return 'Saknar aktivitet';
    case 'short-term-without-strategic':
      return 'Bidrar inte till något strategiskt mål';
    case 'annual-without-short-term':
      return 'Bidrar inte till något kortsiktigt mål';
    case 'activity-without-goal':
      return 'Aktiviteten saknar mål';
    case 'unknown-strategic-goal':
    case 'unknown-short-term-goal':
    case 'unknown-annual-goal':
      return `Okänt mål-id ${flag.ref}`;
    case 'duplicate-goal-id':
      return `Id ${flag.id} finns redan${flag.firstRow !== undefined ? ` (${GOALS_SHEET} rad ${flag.firstRow})` : ''}; kopplingar går till det första`;
    case 'goal-without-id':
      return 'Målet saknar id och kan inte kopplas';
  }
}

const remarks = (flags: readonly GoalFlag[]): string => flags.map(remarkText).join('; ');

const goalLabel = (goal: { readonly id: string; readonly text: string }, extra: readonly (string | undefined)[]): string => {
  const head = [goal.id.trim(), goal.text].filter(Boolean).join(' – ') || '(utan text)';
  const tail = extra.filter(Boolean).join(', ');
  return tail ? `${head} (${tail})` : head;
};

const strategicLabel = (g: StrategicGoal) => goalLabel(g, [g.kind ? g.kind[0].toUpperCase() + g.kind.slice(1) : undefined, g.horizon ? `till ${g.horizon}` : undefined]);
const shortLabel = (g: ShortTermGoal) =>
  goalLabel(g, [g.indicator ? `mäts: ${g.indicator}${g.targetValue ? ` ${g.targetValue}` : ''}` : g.targetValue ? `målvärde ${g.targetValue}` : undefined, g.responsible, g.date ? `klart ${g.date}` : undefined]);
const annualLabel = (g: AnnualGoal) => goalLabel(g, [g.year ? String(g.year) : undefined, g.targetLevel]);
const activityLabel = (a: ActivityNode['activity']) => `${[a.id.trim(), a.name].filter(Boolean).join(' – ') || '(utan namn)'} (rad ${a.row})`;

/** "3 strategiska mål · 5 kortsiktiga mål · …": the summary line under the note. */
export function summaryText(graph: GoalGraph): string {
  const c = graph.counts;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const counts = [
    n(c.strategic, 'strategiskt mål', 'strategiska mål'),
    n(c.shortTerm, 'kortsiktigt mål', 'kortsiktiga mål'),
    n(c.annual, 'årligt mål', 'årliga mål'),
    `${n(c.activities, 'aktivitet', 'aktiviteter')}, varav ${c.activitiesWithGoal} ${c.activitiesWithGoal === 1 ? 'kopplad' : 'kopplade'} till mål`,
  ].join(' · ');
  // Without goals every activity lacks one: the count of remarks would say nothing new.
  if (graph.empty) return counts;
  return `${counts} · ${c.flags === 0 ? 'inga anmärkningar' : c.flags === 1 ? '1 anmärkning' : `${c.flags} anmärkningar`}`;
}

/** The whole Målgraf sheet. `today` (YYYY-MM-DD) dates the computation. */
export function goalGraphSheet(graph: GoalGraph, today: string): WritePlan {
  const sheet = GOAL_GRAPH_SHEET;
  const rows: CellInput[][] = [];
  const styles: { range: string; style: CellStyle }[] = [];
  const push = (row: CellInput[], style?: CellStyle): number => {
    rows.push(row);
    if (style) styles.push({ range: `A${rows.length}:${LAST}${rows.length}`, style });
    return rows.length;
  };
  /** A line of the chain: its text in the level's column, the remark last, orange when flagged. */
  const line = (level: number, label: string, flags: readonly GoalFlag[], status?: string, style: CellStyle = CELL) => {
    const cells: CellInput[] = new Array(COLUMNS.length).fill(null);
    cells[level] = label;
    if (status) cells[4] = status;
    cells[5] = remarks(flags) || null;
    push(cells, flags.length ? { ...style, fill: FLAGGED } : style);
  };

  push(['Målgraf']);
  styles.push({ range: 'A1', style: S.title });
  push([`Skrivs om vid varje beräkning (senast ${today}). Målen skrivs på bladet ${GOALS_SHEET}, kopplingen till aktiviteter i Handlingsplanens kolumn Årliga mål.`]);
  styles.push({ range: 'A2', style: S.note });
  push([summaryText(graph)]);
  styles.push({ range: 'A3', style: { ...S.label, wrap: true } });
  push([]);

  const merges = [`A2:${LAST}2`, `A3:${LAST}3`];
  if (graph.empty) {
    push(['Inga mål ifyllda ännu – fyll i bladet Mål.']);
    styles.push({ range: `A${rows.length}`, style: S.subtitle });
  } else {
    const head = push([...COLUMNS], S.header);
    const activity = (n: ActivityNode) => line(3, activityLabel(n.activity), n.flags, n.activity.status);
    const annual = (n: AnnualNode) => {
      line(2, annualLabel(n.goal), n.flags);
      n.activities.forEach(activity);
    };
    const short = (n: ShortTermNode) => {
      line(1, shortLabel(n.goal), n.flags);
      n.annual.forEach(annual);
    };
    const strategic = (n: StrategicNode) => {
      line(0, strategicLabel(n.goal), n.flags);
      n.shortTerm.forEach(short);
    };
    graph.strategic.forEach(strategic);
    // Goals outside the chain still show what hangs under them, below a line that says why.
    if (graph.unlinkedShortTerm.length) {
      line(0, 'Kortsiktiga mål som inte bidrar till något strategiskt mål:', [], undefined, GROUP);
      graph.unlinkedShortTerm.forEach(short);
    }
    if (graph.unlinkedAnnual.length) {
      line(1, 'Årliga mål som inte bidrar till något kortsiktigt mål:', [], undefined, GROUP);
      graph.unlinkedAnnual.forEach(annual);
    }
    if (rows.length === head) push(['Inga mål att visa.']);
    push([]);

    const title = push(['Aktiviteter utan mål']);
    styles.push({ range: `A${title}`, style: S.subtitle });
    if (!graph.counts.activities) {
      push([`${SHEETS.actionPlan} har inga aktiviteter ännu.`]);
    } else if (!graph.activitiesWithoutGoal.length) {
      push(['Alla aktiviteter i handlingsplanen har ett årligt mål.']);
    } else {
      const listHead = push(['Id', 'Aktivitet', 'Rad i Handlingsplan', 'Årliga mål (som skrivet)', 'Status', 'Anmärkning'], S.header);
      for (const n of graph.activitiesWithoutGoal) {
        const a = n.activity;
        push([a.id.trim(), a.name, a.row, a.goals.join(', ') || null, a.status ?? null, remarks(n.flags)], { ...CELL, fill: FLAGGED });
      }
      styles.push({ range: `C${listHead + 1}:C${rows.length}`, style: { hAlign: 'center' } });
    }
  }

  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, columnWidths: WIDTHS, tabColor: 'BF8F00', showGridlines: false, landscape: true, fitToWidth: true },
    { kind: 'values', sheet, at: 'A1', rows },
    ...styles.map((s): WriteOp => ({ kind: 'style', sheet, range: s.range, style: s.style })),
    ...merges.map((range): WriteOp => ({ kind: 'merge', sheet, range })),
  ];
  return withRowHeights(ops);
}
