/**
 * The inputs of `infosak benchmark` (issue 11): answers files and questionnaire workbooks, folders
 * walked recursively, each read into a small member record or a reason it was skipped. One file
 * at a time, so a thousand workbooks never sit in memory together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NotAWorkbookError, readXlsxGrid } from '../adapters/xlsx/readGrid';
import { organisationKey } from '../core/benchmark/duplicates';
import { memberRecord, type MemberRecord } from '../core/benchmark/member';
import { ORGANISATION_TYPES, type AnswerSet, type OrganisationType } from '../core/answers/types';
import { catalogIds, findCatalog } from '../core/catalog/registry';
import { score } from '../core/scoring/score';
import { describeIssue } from '../i18n';
import { QUESTIONNAIRE_SHEETS } from '../workbook/layout';
import { readWorkbook } from '../workbook/read';
import { fsReason } from './io';

export type Loaded =
  | {
      readonly kind: 'member';
      readonly record: MemberRecord;
      /** Who it is about (organisation number, else type and name): duplicates share it. */
      readonly key: string | undefined;
      readonly date: string | undefined;
      readonly modified: number;
      readonly source: string;
    }
  | { readonly kind: 'skipped'; readonly file: string; readonly message: string };

/** In folders: answers files and workbooks. Named files are read whatever their extension. */
const INPUT_EXTENSIONS = /\.(json|xlsx|xlsm)$/i;
/** Hidden files and Excel's lock files ("~$bok.xlsx", left while a workbook is open) are not answers. */
const IGNORED = /^(\.|~\$)/;

/**
 * Every input file, folders walked recursively in name order (so runs are repeatable); `exclude`
 * holds the command's own output files, which must not be read back as inputs. A path that does
 * not exist is returned too: reading it gives the reason it is skipped.
 */
export function collectInputs(paths: readonly string[], exclude: readonly string[] = []): string[] {
  const excluded = new Set(exclude.map((p) => resolve(p)));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const abs = resolve(path);
    if (excluded.has(abs) || seen.has(abs)) return;
    seen.add(abs);
    out.push(path);
  };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      add(dir);
      return;
    }
    for (const name of names) {
      if (IGNORED.test(name)) continue;
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // A broken link: reading it says why.
      }
      if (isDir) walk(path);
      else if (INPUT_EXTENSIONS.test(name)) add(path);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // Missing: listed, and skipped with its reason when read.
    }
    if (isDir) walk(p);
    else add(p);
  }
  return out;
}

const isZip = (data: Uint8Array) => data.length >= 2 && data[0] === 0x50 && data[1] === 0x4b;

/** An answers file's set, or why it cannot be used (no path in the message: the caller has it). */
function answersFrom(data: Uint8Array): AnswerSet | string {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return `ogiltig JSON (${(e as Error).message})`;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return 'ingen svarsfil: förväntade ett JSON-objekt med "catalog" och "answers"';
  const set = json as Partial<AnswerSet>;
  if (typeof set.catalog !== 'string') return 'ingen svarsfil: fältet "catalog" saknas';
  if (set.answers !== undefined && (typeof set.answers !== 'object' || set.answers === null || Array.isArray(set.answers)))
    return '"answers" ska vara ett objekt med frågenummer som nycklar';
  return { ...set, answers: set.answers ?? {} } as AnswerSet;
}

/** Reads one file into a member record (scored with its own catalog), or the reason it is skipped. */
export async function loadMember(file: string): Promise<Loaded> {
  const skip = (message: string): Loaded => ({ kind: 'skipped', file, message });
  let data: Uint8Array;
  let modified = 0;
  try {
    modified = statSync(file).mtimeMs;
    data = readFileSync(file);
  } catch (e) {
    return skip(`kan inte läsas: ${fsReason(e, true)}`);
  }
  let set: AnswerSet;
  if (isZip(data) || /\.xls[xm]$/i.test(file)) {
    let grid;
    try {
      grid = await readXlsxGrid(data, QUESTIONNAIRE_SHEETS);
    } catch (e) {
      if (e instanceof NotAWorkbookError) return skip(`ingen läsbar Excel-arbetsbok: ${e.message.replace(/^Not (?:a|an) [^:]*:\s*/, '')}`);
      return skip(`kan inte läsas: ${(e as Error).message.split('\n')[0]}`);
    }
    const read = readWorkbook(grid);
    if (read.kind === 'foreign') return skip(describeIssue(read.issue));
    set = read.answers;
  } else {
    const got = answersFrom(data);
    if (typeof got === 'string') return skip(got);
    set = got;
  }
  const catalog = findCatalog(set.catalog);
  if (!catalog) return skip(`okänd katalog "${set.catalog}" (kända: ${catalogIds.join(', ')})`);
  const type = set.organisation?.type;
  if (!ORGANISATION_TYPES.includes(type as OrganisationType)) {
    return skip(
      type === undefined || type === ''
        ? 'organisationstyp saknas (kommun, region, myndighet eller annan), så svaren hör inte till någon grupp'
        : `okänd organisationstyp "${String(type)}" (kommun, region, myndighet eller annan)`,
    );
  }
  const result = score(catalog, set);
  const periodEnd = set.organisation?.periodEnd;
  return {
    kind: 'member',
    record: memberRecord(result, type as OrganisationType, file),
    key: organisationKey(set.organisation),
    date: typeof periodEnd === 'string' ? periodEnd : undefined,
    modified,
    source: file,
  };
}
