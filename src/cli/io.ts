import { readFileSync } from 'node:fs';
import type { AnswerSet } from '../core/answers/types';
import { findCatalog, catalogIds } from '../core/catalog/registry';
import type { Catalog } from '../core/catalog/types';

/** Something that stops a command before anything could be scored: exit code 2, one line on stderr. */
export class FatalError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FATAL = 2;
export const EXIT_INPUT_ERRORS = 3;

export function readAnswersFile(path: string): AnswerSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FatalError(`Kan inte läsa ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FatalError(`${path} är inte giltig JSON: ${(e as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new FatalError(`${path}: förväntade ett JSON-objekt med "catalog" och "answers"`);
  const set = data as Partial<AnswerSet>;
  if (typeof set.catalog !== 'string') throw new FatalError(`${path}: fältet "catalog" saknas (t.ex. "infosakkollen-2023-v1")`);
  if (set.answers !== undefined && (typeof set.answers !== 'object' || set.answers === null || Array.isArray(set.answers)))
    throw new FatalError(`${path}: "answers" ska vara ett objekt med frågenummer som nycklar`);
  return { ...set, answers: set.answers ?? {} } as AnswerSet;
}

export function catalogFor(id: string): Catalog {
  const catalog = findCatalog(id);
  if (!catalog) throw new FatalError(`Okänd katalog "${id}". Kända kataloger: ${catalogIds.join(', ')}`);
  return catalog;
}
