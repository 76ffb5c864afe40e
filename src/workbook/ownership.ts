/**
 * Whose a sheet is (issue 8): the product's own carry a mark; everything else is the user's and is
 * never renamed, replaced or deleted.
 */
import { lastFilledRow } from './headers';
import { RESULT_TITLES } from './layout';
import type { WorkbookGrid } from './plan/types';

export type Owner = { readonly kind: 'absent' } | { readonly kind: 'ours' | 'theirs'; readonly sheet: string };

/**
 * Whose the sheet called `name` (in any case, as Excel compares names) is. The product's own
 * carry its mark (OWNER_NAME); a sheet written before the mark existed is recognised by its exact
 * name and the exact title the product wrote in A1. Anything else is the user's and is never
 * renamed, replaced or deleted.
 */
export function ownerOf(grid: WorkbookGrid, name: string): Owner {
  const sheet = grid.sheetNames.find((n) => n.toLowerCase() === name.toLowerCase());
  if (sheet === undefined) return { kind: 'absent' };
  const mark = grid.owners?.get(sheet);
  if (mark !== undefined) return { kind: mark.toLowerCase() === name.toLowerCase() ? 'ours' : 'theirs', sheet };
  const content = grid.sheets.get(name);
  // An empty sheet (no values, no formulas, nothing drawn) loses nothing when the product takes it.
  const empty = content !== undefined && lastFilledRow(content) === 0 && !(grid.objects?.get(name)?.length);
  if (empty) return { kind: 'ours', sheet };
  const a1 = content?.values[0]?.[0];
  const title = RESULT_TITLES[name];
  const legacy = sheet === name && title !== undefined && typeof a1 === 'string' && (a1 === title || a1.startsWith(`${title} – `));
  return { kind: legacy ? 'ours' : 'theirs', sheet };
}
