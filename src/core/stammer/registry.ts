import itsakkollen2023 from '../../catalogs/itsakkollen-2023-msbfs2020-7-v1.json';
import { expandStammerCatalog, type StammerCatalogData } from './expand';
import type { StammerCatalog } from './types';

/**
 * Catalogs of the stammer-mean-v1 model shipped with the product. Another catalog of this model is a
 * new data file listed here, not new code. The data files are held to their schema by the tests
 * (test/core/stammer/catalog.test.ts), so nothing parses a schema at run time.
 */
const sources = new Map<string, StammerCatalogData>([['itsakkollen-2023-msbfs2020-7-v1', itsakkollen2023 as unknown as StammerCatalogData]]);
const loaded = new Map<string, StammerCatalog>();

export const stammerCatalogIds: readonly string[] = [...sources.keys()];

/** The catalog with this id, built on first use; undefined when there is no such catalog of this model. */
export function findStammerCatalog(id: string): StammerCatalog | undefined {
  // A Map, so ids such as "__proto__" are unknown catalogs, not prototype members.
  const data = sources.get(id);
  if (!data) return undefined;
  let c = loaded.get(id);
  if (!c) {
    c = expandStammerCatalog(data);
    loaded.set(id, c);
  }
  return c;
}
