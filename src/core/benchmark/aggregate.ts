/**
 * The typical member of a group (MODEL.md "Benchmarks", project rule): how a general
 * representative of the group would have answered. Majorities are strict ("more than half"),
 * so a tie never ticks a box.
 */
import type { AnswerEntry, Certainty } from '../answers/types';
import type { Catalog, Question } from '../catalog/types';
import type { MemberQuestion, MemberRecord } from './member';

/** More than half of `of`: 2·count > of, in integers (no N/2 rounding surprises for odd N). */
export const isMajority = (count: number, of: number): boolean => 2 * count > of;

/** The median of whole numbers; for an even count the mean of the two middle values, rounded down. */
export function medianDown(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.floor((sorted[mid - 1] + sorted[mid]) / 2);
}

/**
 * What the benchmark ticks when it has no scoring option: `n` ("Nej", MODEL.md). A catalog whose
 * question lacks `n` gets `y`, then `u` (project choice: still "answered, 0 points").
 */
function zeroAnswer(question: Question): string[] | undefined {
  for (const id of ['n', 'y', 'u']) if (question.options.some((o) => o.id === id)) return [id];
  return undefined;
}

/** The benchmark's answer to one question, or undefined when at most half of the members answered it. */
export function benchmarkAnswer(question: Question, members: readonly MemberQuestion[]): AnswerEntry | undefined {
  const n = members.length;
  const answered = members.filter((m) => m.state === 'answered');
  if (!isMajority(answered.length, n)) return undefined;
  let selected: string[] | undefined;
  if (question.scoring === 'aspect') {
    // Over all N members: one who did not answer did not tick.
    selected = question.options
      .filter((o) => o.kind === 'aspect' && isMajority(answered.filter((m) => m.selected.includes(o.id)).length, n))
      .map((o) => o.id);
  } else {
    // Unanswered, erroneous, y, u and n all give 0 points here.
    const median = medianDown(members.map((m) => (m.state === 'answered' ? m.points : 0)));
    // The band worth the median; a catalog without such a band gets the best band below it.
    const band = question.options
      .filter((o) => o.kind === 'band' && o.points <= median && o.points > 0)
      .sort((a, b) => b.points - a.points)[0];
    selected = band ? [band.id] : [];
  }
  if (!selected.length) selected = zeroAnswer(question);
  if (!selected) return undefined;
  const certain = answered.filter((m) => m.certainty === 'säker').length;
  const certainty: Certainty = isMajority(certain, answered.length) ? 'säker' : 'osäker';
  return { selected, certainty };
}

/** The benchmark answer set's answers for a group of members (all of one catalog), keyed by question number. */
export function benchmarkAnswers(catalog: Catalog, members: readonly MemberRecord[]): Record<string, AnswerEntry> {
  const answers: Record<string, AnswerEntry> = {};
  catalog.questions.forEach((q, i) => {
    const entry = benchmarkAnswer(q, members.map((m) => m.questions[i]));
    if (entry) answers[String(q.number)] = entry;
  });
  return answers;
}
