import type { Catalog, Text } from '../catalog/types';
import { normalizeAnswers, type NormalizedAnswer, type NormalizedAnswers } from '../answers/normalize';
import type { AnswerSet, Certainty, InputIssue, Organisation } from '../answers/types';
import { checkLevels, levelFrom, type LevelCheck, type ScoredItem } from './level';
import { computeNextLevel, type NextLevel, type PathQuestion } from './nextLevel';
import { maxPoints, possibleMeasures, scoreQuestion } from './points';

export interface QuestionResult {
  readonly number: number;
  readonly level: number;
  readonly area: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly measures: number;
  readonly answered: boolean;
  /** null for unanswered questions and questions with input errors. */
  readonly certainty: Certainty | null;
  readonly inputError: boolean;
  readonly selected: readonly string[];
}

export interface AreaResult {
  readonly id: string;
  readonly name: Text;
  /** Indicative area level 0–4 (project rule; certainty not applied). */
  readonly level: number;
  readonly points: number;
  readonly maxPoints: number;
  readonly measures: { readonly done: number; readonly possible: number };
  readonly questions: readonly number[];
  readonly checks: readonly LevelCheck[];
}

export interface ScoreResult {
  readonly catalog: string;
  readonly catalogRevision: number;
  readonly organisation: Organisation;
  readonly level: number;
  readonly totalPoints: number;
  readonly maxPoints: number;
  readonly measures: { readonly done: number; readonly possible: number };
  readonly answeredCount: number;
  readonly uncertainCount: number;
  readonly levelChecks: readonly LevelCheck[];
  readonly areas: readonly AreaResult[];
  readonly questions: readonly QuestionResult[];
  readonly nextLevel: NextLevel | null;
  /** Under level 1: questions answered u ("under utveckling"), for forward-looking feedback. */
  readonly forwardLooking: readonly number[];
  /** MSB: level 3 corresponds to MSBFS 2020:6 for state agencies. */
  readonly regulationIndicated: boolean;
  readonly resultattal: number;
  readonly validation: Readonly<Record<string, number>>;
  readonly errors: readonly InputIssue[];
  readonly warnings: readonly InputIssue[];
}

/** Scores an answer set (MODEL.md). Never throws on bad answers: they become located issues. */
export function score(catalog: Catalog, set: AnswerSet): ScoreResult {
  return scoreNormalized(catalog, set, normalizeAnswers(catalog, set));
}

/** score() of an answer set with normalizeAnswers' result for that very set (issue 14: not checked twice). */
export function scoreNormalized(catalog: Catalog, set: AnswerSet, normalized: NormalizedAnswers): ScoreResult {
  const cap = catalog.maxPointsPerQuestion;

  const answerOf = (n: number): NormalizedAnswer => normalized.byNumber.get(n)!;
  const questions: QuestionResult[] = catalog.questions.map((q) => {
    const answer = answerOf(q.number);
    const s = scoreQuestion(q, answer, cap);
    return {
      number: q.number,
      level: q.level,
      area: q.area,
      points: s.points,
      maxPoints: maxPoints(q, cap),
      measures: s.measures,
      answered: answer.state === 'answered',
      certainty: answer.certainty,
      inputError: answer.state === 'error',
      selected: answer.selected,
    };
  });
  const items: ScoredItem[] = questions.map((q) => ({
    number: q.number,
    level: q.level,
    points: q.points,
    uncertain: q.certainty === 'osäker',
  }));

  const totalPoints = questions.reduce((s, q) => s + q.points, 0);
  const levelChecks = checkLevels(items, catalog.maxLevel, catalog.uncertainShare);
  const level = levelFrom(levelChecks);

  const areas: AreaResult[] = catalog.areas.map((area) => {
    const inArea = questions.filter((q) => q.area === area.id);
    const checks = checkLevels(
      items.filter((i) => catalog.question(i.number)!.area === area.id),
      catalog.maxLevel,
      null,
    );
    return {
      id: area.id,
      name: area.name,
      level: levelFrom(checks),
      points: inArea.reduce((s, q) => s + q.points, 0),
      maxPoints: inArea.reduce((s, q) => s + q.maxPoints, 0),
      measures: {
        done: inArea.reduce((s, q) => s + q.measures, 0),
        possible: inArea.reduce((s, q) => s + possibleMeasures(catalog.question(q.number)!), 0),
      },
      questions: inArea.map((q) => q.number),
      checks,
    };
  });

  const pathItems: PathQuestion[] = catalog.questions.map((q, i) => ({
    question: q,
    answer: answerOf(q.number),
    points: questions[i].points,
    maxPoints: questions[i].maxPoints,
  }));
  const nextLevel = level < catalog.maxLevel ? computeNextLevel(pathItems, levelChecks, level, totalPoints) : null;

  const areaLevelSum = areas.reduce((s, a) => s + a.level, 0);
  const validation: Record<string, number> = {};
  for (const [k, v] of Object.entries(set.validation ?? {})) if (typeof v === 'number') validation[k] = v;

  return {
    catalog: catalog.id,
    catalogRevision: catalog.revision,
    organisation: set.organisation ?? {},
    level,
    totalPoints,
    maxPoints: questions.reduce((s, q) => s + q.maxPoints, 0),
    measures: {
      done: questions.reduce((s, q) => s + q.measures, 0),
      possible: catalog.questions.reduce((s, q) => s + possibleMeasures(q), 0),
    },
    answeredCount: questions.filter((q) => q.answered).length,
    uncertainCount: questions.filter((q) => q.certainty === 'osäker').length,
    levelChecks,
    areas,
    questions,
    nextLevel,
    forwardLooking:
      level === 0
        ? questions.filter((q) => q.answered && q.selected.includes('u')).map((q) => q.number)
        : [],
    regulationIndicated: level >= 3,
    resultattal: 100000 * level + 1000 * areaLevelSum + totalPoints,
    validation,
    errors: normalized.errors,
    warnings: normalized.warnings,
  };
}
