import type { AnswerSet } from '../answers/types';
import type { Progress } from '../scoring/progress';
import { scoreStammer } from './score';
import type { StammerCatalog } from './types';

/**
 * How far a form of statements is filled in (issue 12), in the shape the task pane already shows
 * for Infosäkkollen: valid answers per work area; there are no levels of questions here.
 */
export function stammerProgressOf(catalog: StammerCatalog, set: AnswerSet): Progress & { readonly answeredStatements: readonly string[] } {
  const result = scoreStammer(catalog, set);
  return {
    answered: result.answered,
    total: result.total,
    byLevel: [],
    byArea: result.areas.map((a) => ({ key: a.id, answered: a.answered, total: a.total })),
    answeredQuestions: [],
    answeredStatements: result.statements.filter((s) => s.state === 'answered').map((s) => s.id),
  };
}
