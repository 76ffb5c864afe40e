import itsakkollen2023 from '../../catalogs/itsakkollen-2023-msbfs2020-7-v1.json';
import { loadStammerCatalog } from './load';
import type { StammerCatalog } from './types';

/**
 * Catalogs of the stammer-mean-v1 model shipped with the product. Another catalog of this model is a
 * new data file listed here, not new code.
 */
const sources = new Map<string, unknown>([['itsakkollen-2023-msbfs2020-7-v1', itsakkollen2023]]);
const loaded = new Map<string, StammerCatalog>();

export const stammerCatalogIds: readonly string[] = [...sources.keys()];

/** The catalog with this id, validated on first use; undefined when there is no such catalog of this model. */
export function findStammerCatalog(id: string): StammerCatalog | undefined {
  if (!sources.has(id)) return undefined;
  let c = loaded.get(id);
  if (!c) {
    c = loadStammerCatalog(sources.get(id));
    loaded.set(id, c);
  }
  return c;
}
