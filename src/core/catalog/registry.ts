import type { FeedbackSpec } from '../feedback/schema';
import type { RegulationSpec } from '../regulation/schema';
import type { StammerCatalogData } from '../stammer/expand';
import index from '../../catalogs/generated/index.json';
import { catalogFromData, type BundleModel } from './bundle';
import { bundleModels, bundleOf, loadBundles } from './sources';
import type { Catalog, Text } from './types';

/**
 * Catalogs shipped with the product, of every model. A new MSB edition is new data files, not new
 * code: they are validated when they are built (scripts/build-catalogs.ts) and in the tests, never
 * at run time.
 */
export const shippedCatalogIds = (model: BundleModel): readonly string[] => [...bundleModels].filter(([, m]) => m === model).map(([id]) => id);

/** The leveled-points catalogs (MODEL.md), which findCatalog gives. */
export const catalogIds: readonly string[] = shippedCatalogIds('leveled-points-v1');
export const DEFAULT_CATALOG = 'infosakkollen-2023-v1';

const built = new Map<string, Catalog>();

/** What a list of catalogs shows before any is loaded (the task pane's picker). */
export interface CatalogSummary {
  readonly id: string;
  readonly model: BundleModel;
  readonly name: Text;
  /** Questions or statements. */
  readonly items: number;
  readonly areas: number;
}

/** Every shipped catalog, the leveled-points ones first (src/catalogs/generated/index.json: a few hundred bytes, no catalog loaded). */
export const catalogSummaries: readonly CatalogSummary[] = index.catalogs as readonly CatalogSummary[];

/**
 * Makes the catalogs of these ids (with their feedback and regulation mappings) available to
 * findCatalog and the other models' registries. The command line and the tests have them all
 * already; the task pane fetches each one's chunk the first time. Unknown ids are ignored.
 */
export function loadCatalogs(ids: readonly string[]): Promise<void> {
  return loadBundles(ids);
}

/** The leveled-points catalog with this id; undefined when the product has no such catalog. */
export function findCatalog(id: string): Catalog | undefined {
  if (bundleModels.get(id) !== 'leveled-points-v1') return undefined;
  let c = built.get(id);
  if (!c) {
    c = catalogFromData(bundleOf(id)!.catalog!);
    built.set(id, c);
  }
  return c;
}

/** The data of a stammer-mean catalog (src/core/stammer/registry.ts builds it); undefined for any other id. */
export function stammerDataOf(id: string): StammerCatalogData | undefined {
  return bundleModels.get(id) === 'stammer-mean-v1' ? bundleOf(id)!.stammer : undefined;
}

/** The feedback texts of a catalog (validated when built); undefined when it has none. */
export function feedbackSpecOf(id: string): FeedbackSpec | undefined {
  return bundleModels.has(id) ? bundleOf(id)!.feedback : undefined;
}

/** The regulation mappings made for a catalog (validated when built), in file-name order. */
export function regulationSpecsOf(id: string): readonly RegulationSpec[] {
  return bundleModels.has(id) ? bundleOf(id)!.regulations : [];
}
