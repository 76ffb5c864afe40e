import { CatalogError } from '../catalog/load';
import { expandStammerCatalog } from './expand';
import { StammerCatalogSpec } from './schema';
import type { StammerCatalog } from './types';

/**
 * Parses a stammer-mean-v1 catalog against its schema (ITSAK.md), then builds it. A broken catalog
 * fails here with every problem and its path, never later in scoring. The product itself builds
 * its shipped catalogs with expandStammerCatalog (no schema at run time); the tests hold every
 * shipped data file to this schema.
 */
export function loadStammerCatalog(data: unknown): StammerCatalog {
  const parsed = StammerCatalogSpec.safeParse(data);
  if (!parsed.success) {
    throw new CatalogError(
      'The catalog does not match its schema',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return expandStammerCatalog(parsed.data);
}
