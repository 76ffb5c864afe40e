import infosakkollen2023 from '../../catalogs/infosakkollen-2023-v1.json';
import { loadCatalog } from './load';
import type { Catalog } from './types';

/** Catalogs shipped with the product. A new MSB edition is a new data file listed here, not new code. */
const sources = new Map<string, unknown>([['infosakkollen-2023-v1', infosakkollen2023]]);

const loaded = new Map<string, Catalog>();

export const catalogIds: readonly string[] = [...sources.keys()];
export const DEFAULT_CATALOG = 'infosakkollen-2023-v1';

/** The catalog with this id, validated on first use; undefined when the product has no such catalog. */
export function findCatalog(id: string): Catalog | undefined {
  // A Map, so ids such as "constructor" or "__proto__" are unknown catalogs, not prototype members.
  if (!sources.has(id)) return undefined;
  let c = loaded.get(id);
  if (!c) {
    c = loadCatalog(sources.get(id));
    loaded.set(id, c);
  }
  return c;
}
