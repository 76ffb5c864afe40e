import example from '../../examples/exempelkommun.answers.json';
import type { AnswerSet } from '../../core/answers/types';
import { score } from '../../core/scoring/score';
import type { ParsedArgs } from '../args';
import { summaryText } from '../format/summary';
import { catalogFor, EXIT_OK } from '../io';
import type { Output } from '../main';

/** `infosak demo`: the main job on the built-in Exempelkommun, no Excel needed. */
export async function demoCommand(_args: ParsedArgs, out: Output): Promise<number> {
  const set = example as AnswerSet;
  const catalog = catalogFor(set.catalog);
  out.stdout(summaryText(catalog, score(catalog, set)));
  return EXIT_OK;
}
