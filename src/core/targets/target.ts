/**
 * Paths to a chosen target (MODEL.md "Targets"; MSB's Benchmark tool, seed 004 §2.4): a level,
 * a benchmark's answer set, or the regulation (MSBFS 2020:6 is indicated at level 3). Each gives
 * the boxes to tick question by question, the smallest number of additional åtgärder, and the
 * osäker answers to make säker (never an åtgärd).
 */
import type { NormalizedAnswer } from '../answers/normalize';
import type { AnswerEntry, AnswerSet } from '../answers/types';
import type { Catalog } from '../catalog/types';
import { indicateRegulation, type ParagraphStatus } from '../regulation/indication';
import type { RegulationSpec } from '../regulation/schema';
import { boxesToReach, cheapestTargets, measuresToReach, type PathQuestion, type PathStep } from '../scoring/nextLevel';
import { score, type ScoreResult } from '../scoring/score';

/** MSB: level 3 corresponds to the requirements of MSBFS 2020:6 (MODEL.md). */
export const REGULATION_LEVEL = 3;

export type TargetSpec =
  | { readonly kind: 'level'; readonly level: number }
  | { readonly kind: 'regulation' }
  /** A typorganisation: its group id and the benchmark answer set's answers. */
  | { readonly kind: 'benchmark'; readonly group: string; readonly answers: Readonly<Record<string, AnswerEntry>> };

/** A path step; 'belowBenchmark': the question is under the benchmark's points for it. */
export interface TargetStep extends Omit<PathStep, 'reason'> {
  readonly reason: PathStep['reason'] | 'belowBenchmark';
}

export interface TargetPath {
  readonly kind: TargetSpec['kind'];
  /** The level aimed at (level and regulation targets). */
  readonly level?: number;
  /** The benchmark group (benchmark targets). */
  readonly group?: string;
  /** Benchmark targets: the level the group's answer set reaches. */
  readonly groupLevel?: number;
  /** Level targets: Kn; the total-points gap alone; the questions under the minimum. */
  readonly pointsRequired?: number;
  readonly missingPoints?: number;
  readonly belowMinimum?: readonly { readonly number: number; readonly points: number; readonly required: number }[];
  /** False when adding åtgärder cannot reach it (a question that cannot give the minimum). */
  readonly reachable: boolean;
  /** Nothing to tick and nothing to make säker: the target is met. */
  readonly reached: boolean;
  readonly cheapestAdditionalMeasures: number;
  /** Level targets: osäker answers that must become säker (the levels' certainty rule). */
  readonly uncertainOverLimit?: number;
  /** Questions whose osäker answer should become säker. */
  readonly makeCertain: readonly number[];
  readonly steps: readonly TargetStep[];
  /** Regulation target: paragraphs the path turns to "met", and those still not met after it. */
  readonly paragraphs?: { readonly closed: readonly string[]; readonly open: readonly string[] };
}

function pathItems(catalog: Catalog, result: ScoreResult): PathQuestion[] {
  return result.questions.map((q) => {
    const answer: NormalizedAnswer = {
      number: q.number,
      state: q.inputError ? 'error' : q.answered ? 'answered' : 'unanswered',
      selected: q.answered ? q.selected : [],
      certainty: q.certainty,
    };
    return { question: catalog.question(q.number)!, answer, points: q.points, maxPoints: q.maxPoints };
  });
}

function stepFor(item: PathQuestion, to: number, reason: TargetStep['reason']): TargetStep {
  return {
    number: item.question.number,
    level: item.question.level,
    area: item.question.area,
    reason,
    fromPoints: item.points,
    toPoints: to,
    measures: measuresToReach(item, to),
    ...boxesToReach(item.question, item.answer.state === 'answered' ? item.answer.selected : [], item.points, to),
    hasInputError: item.answer.state === 'error',
  };
}

/**
 * Level n: rules 2–3 of level n with the next-level path's breadth-first choice, plus the osäker
 * answers over the limit. Reaching n needs the levels below it too (rule 1), so every level k ≤ n
 * keeps its own certainty limit; for the next level that is the spec's number. Making the
 * lowest-level osäker answers säker first lowers every one of those counts at once, so it needs
 * the fewest changes.
 */
export function levelTarget(catalog: Catalog, result: ScoreResult, n: number): TargetPath {
  if (!Number.isInteger(n) || n < 1 || n > catalog.maxLevel) throw new RangeError(`no level ${n} in ${catalog.id}`);
  const items = pathItems(catalog, result);
  const check = result.levelChecks[n - 1];
  const targets = cheapestTargets(items, n, check.pointsRequired);
  const steps: TargetStep[] = [];
  if (targets) {
    items.forEach((it, i) => {
      if (targets[i] <= it.points) return;
      steps.push(stepFor(it, targets[i], it.question.level <= n && it.points < n ? 'belowMinimum' : 'morePoints'));
    });
  }
  const rank = (s: TargetStep) => (s.reason === 'belowMinimum' ? 0 : 1);
  steps.sort((a, b) => rank(a) - rank(b) || a.level - b.level || a.number - b.number);
  const over = Math.max(0, ...result.levelChecks.slice(0, n).map((c) => (c.uncertainAllowed === null ? 0 : c.uncertain - c.uncertainAllowed)));
  const makeCertain = result.questions
    .filter((q) => q.level <= n && q.certainty === 'osäker')
    .sort((a, b) => a.level - b.level || a.number - b.number)
    .slice(0, over)
    .map((q) => q.number);
  const cheapest = steps.reduce((s, x) => s + x.measures, 0);
  return {
    kind: 'level',
    level: n,
    pointsRequired: check.pointsRequired,
    missingPoints: Math.max(0, check.pointsRequired - result.totalPoints),
    belowMinimum: items.filter((it) => it.question.level <= n && it.points < n).map((it) => ({ number: it.question.number, points: it.points, required: n })),
    reachable: targets !== null,
    reached: targets !== null && cheapest === 0 && over === 0,
    cheapestAdditionalMeasures: cheapest,
    uncertainOverLimit: over,
    makeCertain,
    steps,
  };
}

/**
 * A benchmark: every question to at least the benchmark's points (Σ max(0, p_bench − p)), and
 * every question säker in the benchmark but osäker here made säker. An unanswered question has
 * no certainty (MODEL.md), so it is raised but not listed as "make säker".
 */
export function benchmarkTarget(catalog: Catalog, result: ScoreResult, group: string, answers: Readonly<Record<string, AnswerEntry>>): TargetPath {
  const bench = score(catalog, { catalog: catalog.id, answers: { ...answers } });
  const items = pathItems(catalog, result);
  const steps = items
    .map((it, i) => ({ it, to: bench.questions[i].points }))
    .filter(({ it, to }) => to > it.points)
    .map(({ it, to }) => stepFor(it, to, 'belowBenchmark'))
    .sort((a, b) => a.level - b.level || a.number - b.number);
  const makeCertain = result.questions.filter((q, i) => q.certainty === 'osäker' && bench.questions[i].certainty === 'säker').map((q) => q.number);
  const cheapest = steps.reduce((s, x) => s + x.measures, 0);
  return {
    kind: 'benchmark',
    group,
    groupLevel: bench.level,
    reachable: true,
    reached: cheapest === 0 && makeCertain.length === 0,
    cheapestAdditionalMeasures: cheapest,
    makeCertain,
    steps,
  };
}

/** The answers after a path: steps ticked and unticked, the listed answers made säker. */
export function answersAfter(result: ScoreResult, path: TargetPath): AnswerSet {
  const answers: Record<string, AnswerEntry> = {};
  for (const q of result.questions) {
    if (q.answered) answers[String(q.number)] = { selected: [...q.selected], certainty: q.certainty ?? 'osäker', evidence: q.certainty === 'säker' ? 'x' : '' };
  }
  for (const s of path.steps) {
    const before = answers[String(s.number)];
    const kept = (before?.selected ?? []).filter((id) => !s.untick.includes(id));
    // A question answered for the first time is assumed documented: certainty changes are not åtgärder.
    answers[String(s.number)] = { selected: [...kept, ...s.tick.filter((id) => !kept.includes(id))], certainty: before?.certainty ?? 'säker' };
  }
  for (const n of path.makeCertain) {
    const a = answers[String(n)];
    if (a) answers[String(n)] = { ...a, certainty: 'säker' };
  }
  return { catalog: result.catalog, organisation: result.organisation, answers };
}

/**
 * The regulation: level 3 (MSB), with the per-paragraph view of REGULATION.md before and after
 * the path, so the paragraphs it closes can be named.
 */
export function regulationTarget(catalog: Catalog, result: ScoreResult, spec: RegulationSpec | undefined): TargetPath {
  const path = levelTarget(catalog, result, Math.min(REGULATION_LEVEL, catalog.maxLevel));
  if (!spec) return { ...path, kind: 'regulation' };
  const before = indicateRegulation(catalog, result, spec);
  const after = indicateRegulation(catalog, score(catalog, answersAfter(result, path)), spec);
  const status = new Map<string, ParagraphStatus>(before.paragraphs.map((p) => [p.id, p.status]));
  return {
    ...path,
    kind: 'regulation',
    paragraphs: {
      closed: after.paragraphs.filter((p) => p.status === 'met' && status.get(p.id) !== 'met').map((p) => p.id),
      open: after.paragraphs.filter((p) => p.status !== 'met' && p.status !== 'notAssessable').map((p) => p.id),
    },
  };
}

/** The path to any kind of target. */
export function targetPath(catalog: Catalog, result: ScoreResult, target: TargetSpec, regulation?: RegulationSpec): TargetPath {
  switch (target.kind) {
    case 'level':
      return levelTarget(catalog, result, target.level);
    case 'regulation':
      return regulationTarget(catalog, result, regulation);
    case 'benchmark':
      return benchmarkTarget(catalog, result, target.group, target.answers);
  }
}
