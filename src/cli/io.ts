import { readFileSync } from 'node:fs';
import type { AnswerSet } from '../core/answers/types';
import { allCatalogIds, findAnyCatalog, type AnyCatalog } from '../core/catalog/models';
import { findCatalog } from '../core/catalog/registry';
import type { Catalog } from '../core/catalog/types';
import { describeIssue } from '../i18n';
import { modelUnsupported } from '../workbook/read';

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
    throw new FatalError(`Kan inte läsa ${path}: ${fsReason(e, true)}`);
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

/** A catalog of Infosäkkollen's model, for the commands only that model has (compare, benchmark): another model's is one clear line. */
export function catalogFor(id: string): Catalog {
  const catalog = findCatalog(id);
  if (catalog) return catalog;
  const other = findAnyCatalog(id);
  if (other) throw new FatalError(describeIssue(modelUnsupported(other)));
  throw unknownCatalog(id);
}

/** A catalog of any scoring model (issue 12), for template, fill, read and score. */
export function anyCatalogFor(id: string): AnyCatalog {
  const catalog = findAnyCatalog(id);
  if (!catalog) throw unknownCatalog(id);
  return catalog;
}

const unknownCatalog = (id: string) => new FatalError(`Okänd katalog "${id}". Kända kataloger: ${allCatalogIds.join(', ')}`);

/** Why a file-system call failed, in Swedish, with its code. */
export function fsReason(error: unknown, reading = false): string {
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOSPC: 'disken är full',
    EDQUOT: 'diskkvoten är slut',
    EACCES: 'behörighet saknas',
    EPERM: 'åtgärden är inte tillåten (behörighet saknas, eller filen är låst av ett annat program)',
    EBUSY: 'filen används av ett annat program',
    EROFS: 'filsystemet är skrivskyddat',
    ENOENT: reading ? 'filen finns inte' : 'mappen finns inte',
    ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
    EISDIR: 'det är en mapp',
    ENAMETOOLONG: 'namnet är för långt',
    EIO: 'in- eller utmatningsfel på disken',
    EMFILE: 'för många öppna filer',
    ENFILE: 'för många öppna filer',
    EFBIG: 'filen blir för stor för filsystemet',
    ERR_FS_FILE_TOO_LARGE: 'filen är för stor',
  };
  const reason = e?.code ? reasons[e.code] : undefined;
  if (reason) return `${reason} (${e.code})`;
  const message = String(e?.message ?? error).split('\n')[0];
  return e?.code && !message.includes(e.code) ? `${message} (${e.code})` : message;
}
