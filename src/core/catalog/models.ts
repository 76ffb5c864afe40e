/**
 * The scoring models (issue 12) and every catalog of every model. A catalog names its model in its
 * data (`model`); code that works for any catalog switches on it here and in one place per layer,
 * never on a catalog's id.
 */
import { findStammerCatalog, stammerCatalogIds } from '../stammer/registry';
import type { StammerCatalog } from '../stammer/types';
import { catalogIds, findCatalog } from './registry';
import type { Catalog } from './types';

export type AnyCatalog = Catalog | StammerCatalog;
export type CatalogModel = AnyCatalog['model'];
export const CATALOG_MODELS: readonly CatalogModel[] = ['leveled-points-v1', 'stammer-mean-v1'];

/** Every catalog the product has, of any model. */
export const allCatalogIds: readonly string[] = [...catalogIds, ...stammerCatalogIds];

/** The catalog with this id, of whatever model; undefined when the product has no such catalog. */
export function findAnyCatalog(id: string): AnyCatalog | undefined {
  return findCatalog(id) ?? findStammerCatalog(id);
}

export const isStammerCatalog = (c: AnyCatalog): c is StammerCatalog => c.model === 'stammer-mean-v1';
