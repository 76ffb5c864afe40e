/**
 * Change over time (MODEL.md "Change over time"): two scored measurements of the same catalog,
 * their deltas, and why the level changed. Pure; the CLI and the workbook layer word it.
 */
import type { ScoreResult } from '../scoring/score';

export interface Side {
  readonly result: ScoreResult;
  /** The date of a saved measurement (YYYY-MM-DD); null for current answers or an answers file. */
  readonly date: string | null;
}

export type LevelReason =
  | {
      readonly rule: 'minimum';
      readonly questions: readonly { readonly number: number; readonly pointsFrom: number; readonly pointsTo: number; readonly required: number }[];
    }
  | { readonly rule: 'points'; readonly totalFrom: number; readonly totalTo: number; readonly required: number }
  | { readonly rule: 'certainty'; readonly uncertainFrom: number; readonly uncertainTo: number; readonly allowed: number };

export interface LevelChange {
  readonly from: number;
  readonly to: number;
  /** The level that explains the change: the first level one side reaches and the other does not. */
  readonly level: number;
  readonly reasons: readonly LevelReason[];
}

export interface Comparison {
  readonly catalog: string;
  readonly from: SideSummary;
  readonly to: SideSummary;
  readonly areas: readonly { readonly id: string; readonly levelFrom: number; readonly levelTo: number; readonly pointsFrom: number; readonly pointsTo: number }[];
  readonly questions: readonly {
    readonly number: number;
    readonly pointsFrom: number;
    readonly pointsTo: number;
    readonly ticked: readonly string[];
    readonly unticked: readonly string[];
    readonly certaintyFrom: string | null;
    readonly certaintyTo: string | null;
  }[];
  readonly validation: readonly { readonly id: string; readonly from: number | null; readonly to: number | null }[];
  readonly levelChange: LevelChange | null;
}

export interface SideSummary {
  readonly level: number;
  readonly totalPoints: number;
  readonly measures: number;
  readonly answered: number;
  readonly uncertain: number;
  readonly date: string | null;
}

export class CatalogMismatchError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`The measurements use different catalogs (${from}, ${to}); they cannot be compared question by question.`);
    this.name = 'CatalogMismatchError';
  }
}

const summary = (side: Side): SideSummary => ({
  level: side.result.level,
  totalPoints: side.result.totalPoints,
  measures: side.result.measures.done,
  answered: side.result.answeredCount,
  uncertain: side.result.uncertainCount,
  date: side.date,
});

/** Compares an earlier and a later measurement of the same catalog. */
export function compareMeasurements(earlier: Side, later: Side): Comparison {
  const a = earlier.result;
  const b = later.result;
  if (a.catalog !== b.catalog) throw new CatalogMismatchError(a.catalog, b.catalog);
  const areasB = new Map(b.areas.map((x) => [x.id, x]));
  const questionsB = new Map(b.questions.map((q) => [q.number, q]));
  const validationIds = [...new Set([...Object.keys(a.validation), ...Object.keys(b.validation)])].sort(naturalId);
  return {
    catalog: a.catalog,
    from: summary(earlier),
    to: summary(later),
    areas: a.areas.map((x) => {
      const y = areasB.get(x.id)!;
      return { id: x.id, levelFrom: x.level, levelTo: y.level, pointsFrom: x.points, pointsTo: y.points };
    }),
    questions: a.questions.map((q) => {
      const r = questionsB.get(q.number)!;
      // An input error counts as unanswered: its selection is empty on that side.
      const before = new Set(q.inputError ? [] : q.selected);
      const after = new Set(r.inputError ? [] : r.selected);
      return {
        number: q.number,
        pointsFrom: q.points,
        pointsTo: r.points,
        ticked: [...after].filter((o) => !before.has(o)),
        unticked: [...before].filter((o) => !after.has(o)),
        certaintyFrom: q.certainty,
        certaintyTo: r.certainty,
      };
    }),
    validation: validationIds.map((id) => ({ id, from: a.validation[id] ?? null, to: b.validation[id] ?? null })),
    levelChange: levelChange(a, b),
  };
}

/**
 * Why the level differs: the rules of level m = min + 1 that the side not reaching it fails
 * (rule 1, level m − 1, holds on both sides by construction).
 */
export function levelChange(a: ScoreResult, b: ScoreResult): LevelChange | null {
  if (a.level === b.level) return null;
  const m = Math.min(a.level, b.level) + 1;
  const failing = a.level < b.level ? a : b;
  const check = failing.levelChecks.find((c) => c.level === m)!;
  const pointsOf = (r: ScoreResult) => new Map(r.questions.map((q) => [q.number, q.points]));
  const pa = pointsOf(a);
  const pb = pointsOf(b);
  const reasons: LevelReason[] = [];
  if (!check.minimumMet) {
    reasons.push({
      rule: 'minimum',
      questions: check.belowMinimum.map((n) => ({ number: n, pointsFrom: pa.get(n)!, pointsTo: pb.get(n)!, required: m })),
    });
  }
  if (!check.totalMet) reasons.push({ rule: 'points', totalFrom: a.totalPoints, totalTo: b.totalPoints, required: check.pointsRequired });
  if (!check.certaintyMet) {
    const uncertainAt = (r: ScoreResult) => r.levelChecks.find((c) => c.level === m)!.uncertain;
    reasons.push({ rule: 'certainty', uncertainFrom: uncertainAt(a), uncertainTo: uncertainAt(b), allowed: check.uncertainAllowed ?? 0 });
  }
  return { from: a.level, to: b.level, level: m, reasons };
}

function naturalId(x: string, y: string): number {
  return x.localeCompare(y, 'sv', { numeric: true });
}

/** "Nivån sjönk från 3 till 2: F23 föll under minimikravet (3 → 2 p); 6 osäkra svar på nivå 1–3 (högst 5)". */
export function levelChangeText(change: LevelChange): string {
  const verb = change.to > change.from ? 'steg' : 'sjönk';
  const rose = change.to > change.from;
  const parts = change.reasons.map((r) => {
    if (r.rule === 'minimum') {
      const list = r.questions.map((q) => `F${q.number} (${q.pointsFrom} → ${q.pointsTo} p)`).join(', ');
      return rose
        ? `${list.includes(',') ? 'frågorna' : 'frågan'} ${list} nådde minimikravet ${r.questions[0]?.required ?? change.level} p`
        : `${list} föll under minimikravet ${r.questions[0]?.required ?? change.level} p`;
    }
    if (r.rule === 'points') return `totalpoängen ${r.totalFrom} → ${r.totalTo} (krav ${r.required} p för nivå ${change.level})`;
    const span = change.level === 1 ? 'nivå 1' : `nivå 1–${change.level}`;
    return `osäkra svar på ${span}: ${r.uncertainFrom} → ${r.uncertainTo} (högst ${r.allowed})`;
  });
  return `Nivån ${verb} från ${change.from} till ${change.to}${parts.length ? `: ${parts.join('; ')}` : ''}.`;
}
