import { shippedCatalogIds, stammerDataOf } from '../catalog/registry';
import { expandStammerCatalog } from './expand';
import { STAMMER_MODEL, type StammerCatalog } from './types';

/**
 * Catalogs of the stammer-mean-v1 model shipped with the product: their data files come, validated
 * when built, through the catalog registry (src/core/catalog/sources.ts; in the task pane a chunk
 * per catalog, issue 14). Another catalog of this model is a new data file, not new code. The data
 * files are also held to their schema by the tests (test/core/stammer/catalog.test.ts).
 */
const loaded = new Map<string, StammerCatalog>();

export const stammerCatalogIds: readonly string[] = shippedCatalogIds(STAMMER_MODEL);

/** The catalog with this id, built on first use; undefined when there is no such catalog of this model. */
export function findStammerCatalog(id: string): StammerCatalog | undefined {
  // A Map, so ids such as "__proto__" are unknown catalogs, not prototype members.
  const data = stammerDataOf(id);
  if (!data) return undefined;
  let c = loaded.get(id);
  if (!c) {
    c = expandStammerCatalog(data);
    loaded.set(id, c);
  }
  return c;
}
