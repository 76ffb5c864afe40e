/**
 * The målgraf (seed 000, "Visuella målgrafer"): the chain strategic goal → short-term goal →
 * annual goal → action-plan activity, with what breaks it flagged, so management sees the red
 * thread from policy to activity and where it is missing. Pure data: the workbook and the pane
 * word it.
 */
import { goalKey, type AnnualGoal, type GraphActivity, type Goals, type ShortTermGoal, type StrategicGoal } from './types';

export type GoalLevel = 'strategic' | 'shortTerm' | 'annual';

export type GoalFlagCode =
  /** No short-term goal serves it. */
  | 'strategic-without-short-term'
  /** No annual goal serves it. */
  | 'short-term-without-annual'
  /** No activity names it. */
  | 'annual-without-activity'
  /** It names no strategic goal (the guidance: short-term goals are steps towards strategic ones). */
  | 'short-term-without-strategic'
  /** It names no short-term goal. */
  | 'annual-without-short-term'
  /** Its "Årliga mål" cell is empty. */
  | 'activity-without-goal'
  /** A short-term goal names a strategic id that no goal has (`ref`). */
  | 'unknown-strategic-goal'
  /** An annual goal names a short-term id that no goal has (`ref`). */
  | 'unknown-short-term-goal'
  /** An activity names an annual id that no goal has (`ref`). */
  | 'unknown-annual-goal'
  /** Another goal of the same level has the id (at `firstRow`); links go to that one. */
  | 'duplicate-goal-id'
  /** A goal with text but no id: nothing can name it. */
  | 'goal-without-id';

export interface GoalFlag {
  readonly code: GoalFlagCode;
  readonly subject: GoalLevel | 'activity';
  /** The goal's or the activity's id, trimmed ('' when it has none). */
  readonly id: string;
  /** The goal's text or the activity's name, so the flag can be shown on its own. */
  readonly text: string;
  /** The goal's row on the goals sheet (when known) or the activity's row on Handlingsplan. */
  readonly row?: number;
  /** The unknown id, as typed (trimmed). */
  readonly ref?: string;
  /** For a duplicate: the row of the goal that keeps the id. */
  readonly firstRow?: number;
}

export interface ActivityNode {
  readonly activity: GraphActivity;
  readonly flags: readonly GoalFlag[];
}

export interface AnnualNode {
  readonly goal: AnnualGoal;
  readonly flags: readonly GoalFlag[];
  readonly activities: readonly ActivityNode[];
}

export interface ShortTermNode {
  readonly goal: ShortTermGoal;
  readonly flags: readonly GoalFlag[];
  readonly annual: readonly AnnualNode[];
}

export interface StrategicNode {
  readonly goal: StrategicGoal;
  readonly flags: readonly GoalFlag[];
  readonly shortTerm: readonly ShortTermNode[];
}

export interface GoalCounts {
  readonly strategic: number;
  readonly shortTerm: number;
  readonly annual: number;
  readonly activities: number;
  /** Activities that name at least one annual goal that exists. */
  readonly activitiesWithGoal: number;
  readonly flags: number;
}

export interface GoalGraph {
  /** True when no goal of any level is filled in: there is no chain to show yet. */
  readonly empty: boolean;
  /** Every strategic goal in sheet order, each with the chain below it. */
  readonly strategic: readonly StrategicNode[];
  /** Short-term goals that serve no existing strategic goal, with the chain below them. */
  readonly unlinkedShortTerm: readonly ShortTermNode[];
  /** Annual goals that serve no existing short-term goal, with their activities. */
  readonly unlinkedAnnual: readonly AnnualNode[];
  /** Activities that name no existing annual goal (an empty cell, or only unknown ids), in row order. */
  readonly activitiesWithoutGoal: readonly ActivityNode[];
  /** Every flag, in the order: strategic, short-term and annual goals as on the sheet, then activities by row. */
  readonly flags: readonly GoalFlag[];
  readonly counts: GoalCounts;
}

interface Indexed<G> {
  readonly goal: G;
  readonly key: string;
  /** Owns its id: the first goal of its level with it, and it has one. */
  readonly owner: boolean;
  readonly flags: GoalFlag[];
}

/** Each goal with its key; duplicates and id-less goals flagged, the first of each id owning it. */
function index<G extends { readonly id: string; readonly text: string; readonly row?: number }>(goals: readonly G[], subject: GoalLevel): { items: Indexed<G>[]; byKey: Map<string, Indexed<G>> } {
  const byKey = new Map<string, Indexed<G>>();
  const items = goals.map((goal) => {
    const key = goalKey(goal.id);
    const first = byKey.get(key);
    const flags: GoalFlag[] = [];
    const id = goal.id.trim();
    if (!key) flags.push({ code: 'goal-without-id', subject, id, text: goal.text, ...at(goal.row) });
    else if (first) flags.push({ code: 'duplicate-goal-id', subject, id, text: goal.text, ...at(goal.row), ...(first.goal.row !== undefined ? { firstRow: first.goal.row } : {}) });
    const item: Indexed<G> = { goal, key, owner: !!key && !first, flags };
    if (item.owner) byKey.set(key, item);
    return item;
  });
  return { items, byKey };
}

const at = (row: number | undefined): { row?: number } => (row === undefined ? {} : { row });

/** The distinct, non-empty references as typed (trimmed), in order. */
function references(ids: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of ids ?? []) {
    const ref = raw.trim();
    const key = goalKey(ref);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/**
 * Links each item to the parents its references name. Unknown references are flagged with
 * `unknownCode`, no reference at all with `noneCode`. Returns parent key → children in order,
 * and the children that reached no parent.
 */
function link<C extends { readonly serves?: readonly string[]; readonly id: string; readonly text: string; readonly row?: number }, P>(
  children: readonly Indexed<C>[],
  parents: ReadonlyMap<string, Indexed<P>>,
  subject: GoalLevel,
  unknownCode: GoalFlagCode,
  noneCode: GoalFlagCode,
): { under: Map<string, Indexed<C>[]>; unlinked: Indexed<C>[] } {
  const under = new Map<string, Indexed<C>[]>();
  const unlinked: Indexed<C>[] = [];
  for (const child of children) {
    const refs = references(child.goal.serves);
    let linked = false;
    if (!refs.length) child.flags.push({ code: noneCode, subject, id: child.goal.id.trim(), text: child.goal.text, ...at(child.goal.row) });
    for (const ref of refs) {
      const key = goalKey(ref);
      if (parents.has(key)) {
        (under.get(key) ?? under.set(key, []).get(key)!).push(child);
        linked = true;
      } else {
        child.flags.push({ code: unknownCode, subject, id: child.goal.id.trim(), text: child.goal.text, ...at(child.goal.row), ref });
      }
    }
    if (!linked) unlinked.push(child);
  }
  return { under, unlinked };
}

/**
 * The målgraf of the goals and the action plan's activities. Goals keep their sheet order, activities
 * their row order; a goal that serves several goals appears under each. Ids are compared trimmed
 * and case-insensitively; the first goal with an id owns it, later ones are flagged and get no
 * children.
 */
export function goalGraph(goals: Goals, activities: readonly GraphActivity[]): GoalGraph {
  const strategic = index(goals.strategic, 'strategic');
  const shortTerm = index(goals.shortTerm, 'shortTerm');
  const annual = index(goals.annual, 'annual');

  const shortLinks = link(shortTerm.items, strategic.byKey, 'shortTerm', 'unknown-strategic-goal', 'short-term-without-strategic');
  const annualLinks = link(annual.items, shortTerm.byKey, 'annual', 'unknown-short-term-goal', 'annual-without-short-term');

  // Activities: stable by row, so the graph is the same whatever order the rows came in.
  const sorted = activities.map((a, i) => ({ a, i })).sort((x, y) => x.a.row - y.a.row || x.i - y.i).map((x) => x.a);
  const activityNodes: ActivityNode[] = [];
  const byAnnual = new Map<string, ActivityNode[]>();
  const withoutGoal: ActivityNode[] = [];
  for (const activity of sorted) {
    const flags: GoalFlag[] = [];
    const node: ActivityNode = { activity, flags };
    const refs = references(activity.goals);
    const id = activity.id.trim();
    if (!refs.length) flags.push({ code: 'activity-without-goal', subject: 'activity', id, text: activity.name, row: activity.row });
    let linked = false;
    for (const ref of refs) {
      const key = goalKey(ref);
      if (annual.byKey.has(key)) {
        (byAnnual.get(key) ?? byAnnual.set(key, []).get(key)!).push(node);
        linked = true;
      } else {
        flags.push({ code: 'unknown-annual-goal', subject: 'activity', id, text: activity.name, row: activity.row, ref });
      }
    }
    if (!linked) withoutGoal.push(node);
    activityNodes.push(node);
  }

  // Flags about what is missing below a goal; only a goal that owns its id can have anything below it.
  for (const a of annual.items) {
    if (a.owner && !byAnnual.has(a.key)) a.flags.push({ code: 'annual-without-activity', subject: 'annual', id: a.goal.id.trim(), text: a.goal.text, ...at(a.goal.row) });
  }
  for (const k of shortTerm.items) {
    if (k.owner && !annualLinks.under.has(k.key)) k.flags.push({ code: 'short-term-without-annual', subject: 'shortTerm', id: k.goal.id.trim(), text: k.goal.text, ...at(k.goal.row) });
  }
  for (const s of strategic.items) {
    if (s.owner && !shortLinks.under.has(s.key)) s.flags.push({ code: 'strategic-without-short-term', subject: 'strategic', id: s.goal.id.trim(), text: s.goal.text, ...at(s.goal.row) });
  }

  const annualNode = (a: Indexed<AnnualGoal>): AnnualNode => ({ goal: a.goal, flags: a.flags, activities: a.owner ? byAnnual.get(a.key) ?? [] : [] });
  const shortNode = (k: Indexed<ShortTermGoal>): ShortTermNode => ({
    goal: k.goal,
    flags: k.flags,
    annual: k.owner ? (annualLinks.under.get(k.key) ?? []).map(annualNode) : [],
  });
  const strategicNodes = strategic.items.map(
    (s): StrategicNode => ({ goal: s.goal, flags: s.flags, shortTerm: s.owner ? (shortLinks.under.get(s.key) ?? []).map(shortNode) : [] }),
  );

  const flags = [...strategic.items, ...shortTerm.items, ...annual.items].flatMap((g) => g.flags).concat(activityNodes.flatMap((n) => n.flags));
  const goalCount = goals.strategic.length + goals.shortTerm.length + goals.annual.length;
  return {
    empty: goalCount === 0,
    strategic: strategicNodes,
    unlinkedShortTerm: shortLinks.unlinked.map(shortNode),
    unlinkedAnnual: annualLinks.unlinked.map(annualNode),
    activitiesWithoutGoal: withoutGoal,
    flags,
    counts: {
      strategic: goals.strategic.length,
      shortTerm: goals.shortTerm.length,
      annual: goals.annual.length,
      activities: activities.length,
      activitiesWithGoal: activities.length - withoutGoal.length,
      flags: flags.length,
    },
  };
}

/** The flags of one code, in graph order (the pane lists them by kind). */
export function flagsOf(graph: GoalGraph, code: GoalFlagCode): GoalFlag[] {
  return graph.flags.filter((f) => f.code === code);
}
