import type { Catalog } from '../catalog/types';
import type { RegulationSpec } from '../regulation/schema';
import { paragraphsBlockedBy } from '../regulation/indication';
import { boxesToReach } from '../scoring/nextLevel';
import type { ScoreResult } from '../scoring/score';
import type { TargetPath } from '../targets/target';

/** A suggested action-plan activity: one per question that needs raising, with a stable id. */
export interface SuggestedActivity {
  /** Stable across recomputations: the same question always gives the same id. */
  readonly id: string;
  readonly question: number;
  readonly area: string;
  /** 1: below the next level's minimum; 2: extra points needed for the next level; 3: later levels. */
  readonly priority: 1 | 2 | 3;
  readonly name: string;
  readonly fromPoints: number;
  readonly toPoints: number;
  readonly targetLevel: number;
  /** Set when the activity comes from a benchmark target (issue 11): the group whose points it reaches. */
  readonly targetGroup?: string;
  readonly tick: readonly string[];
  readonly untick: readonly string[];
  /** Paragraphs of the regulation the question blocks while under 3 p, e.g. ["6", "13"]. */
  readonly paragraphs: readonly string[];
}

export const activityId = (question: number): string => `HP-F${String(question).padStart(2, '0')}`;

/**
 * Activities from the next-level gap, breadth first (MODEL.md "Action plan"): the shortfalls
 * below the next level's minimum, then the extra points, then what later levels require. With a
 * chosen target (MODEL.md "Targets") its path takes the next level's place: priority 1 under the
 * target's minimum (or the group's points), 2 extra points.
 */
export function suggestActivities(catalog: Catalog, result: ScoreResult, regulation?: RegulationSpec, target?: TargetPath): SuggestedActivity[] {
  const out: SuggestedActivity[] = [];
  const taken = new Set<number>();
  const tags = (q: number, points: number) => (regulation && points < 3 ? paragraphsBlockedBy(regulation, q) : []);
  const next = result.nextLevel;
  const steps = target ? target.steps : (next?.steps ?? []);
  const targetLevel = target ? (target.level ?? target.groupLevel ?? result.level) : (next?.level ?? result.level);
  for (const s of steps) {
    taken.add(s.number);
    out.push({
      id: activityId(s.number),
      question: s.number,
      area: s.area,
      priority: s.reason === 'morePoints' ? 2 : 1,
      name: catalog.question(s.number)!.activity.sv,
      fromPoints: s.fromPoints,
      toPoints: s.toPoints,
      targetLevel,
      ...(target?.kind === 'benchmark' && target.group ? { targetGroup: target.group } : {}),
      tick: s.tick,
      untick: s.untick,
      paragraphs: tags(s.number, s.fromPoints),
    });
  }
  // Later levels: every question needs catalog.maxLevel points for the top level.
  const top = catalog.maxLevel;
  for (const q of result.questions) {
    if (taken.has(q.number) || q.points >= Math.min(top, q.maxPoints)) continue;
    const question = catalog.question(q.number)!;
    out.push({
      id: activityId(q.number),
      question: q.number,
      area: q.area,
      priority: 3,
      name: question.activity.sv,
      fromPoints: q.points,
      toPoints: top,
      targetLevel: top,
      ...boxesToReach(question, q.selected, q.points, top),
      paragraphs: tags(q.number, q.points),
    });
  }
  return out.sort((a, b) => a.priority - b.priority || catalog.question(a.question)!.level - catalog.question(b.question)!.level || a.question - b.question);
}
