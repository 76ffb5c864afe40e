import type { EvidenceRule } from '../../core/answers/strictEvidence';
import type { ScoreResult } from '../../core/scoring/score';
import { describeIssue, type Locale } from '../../i18n';

/** "Säker kräver underlag" (issue 13): on or off, how many answers it affects (or would), and which. */
export function evidenceJson(rule: EvidenceRule) {
  return { strictEvidence: rule.strict, affected: rule.affected.length, questions: [...rule.affected] };
}

/** The `--json` result: the documented fields (README), with issues worded; `evidence` when the rule is given. */
export function resultJson(result: ScoreResult, locale: Locale = 'sv', evidence?: EvidenceRule) {
  const word = (i: ScoreResult['errors'][number]) => ({
    code: i.code,
    question: i.question,
    ...(i.option !== undefined ? { option: i.option } : {}),
    message: describeIssue(i, locale),
  });
  return {
    catalog: result.catalog,
    organisation: result.organisation,
    level: result.level,
    totalPoints: result.totalPoints,
    maxPoints: result.maxPoints,
    measures: result.measures,
    answered: result.answeredCount,
    uncertain: result.uncertainCount,
    ...(evidence ? { evidence: evidenceJson(evidence) } : {}),
    levelChecks: result.levelChecks,
    areas: result.areas.map((a) => ({
      id: a.id,
      name: a.name[locale],
      level: a.level,
      points: a.points,
      maxPoints: a.maxPoints,
      measures: a.measures,
    })),
    questions: result.questions.map((q) => ({
      number: q.number,
      level: q.level,
      area: q.area,
      points: q.points,
      measures: q.measures,
      answered: q.answered,
      certainty: q.certainty,
      inputError: q.inputError,
    })),
    nextLevel: result.nextLevel,
    forwardLooking: result.forwardLooking,
    regulationIndicated: result.regulationIndicated,
    resultattal: result.resultattal,
    validation: result.validation,
    errors: result.errors.map(word),
    warnings: result.warnings.map(word),
  };
}
