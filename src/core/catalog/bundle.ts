/**
 * What the product loads at run time for one catalog id, written by scripts/build-catalogs.ts after
 * validating every data file against its zod schema, so that run time never parses a schema (issue
 * 14: no zod in the task pane, none at the command line's start):
 * - a leveled-points catalog as loadCatalog returns it (option sets expanded) minus its lookup
 *   functions, with its feedback texts and regulation mappings;
 * - a stammer-mean catalog as its data file holds it (expandStammerCatalog builds it at run time).
 */
import type { FeedbackSpec } from '../feedback/schema';
import type { RegulationSpec } from '../regulation/schema';
import type { StammerCatalogData } from '../stammer/expand';
import type { Catalog } from './types';

/** A loaded catalog without its lookups: plain JSON. */
export type CatalogData = Omit<Catalog, 'question' | 'area'>;

/** The scoring models a bundle can hold (src/core/catalog/models.ts names them for the product). */
export type BundleModel = 'leveled-points-v1' | 'stammer-mean-v1';

export interface CatalogBundle {
  /** A catalog of the leveled-points model … */
  readonly catalog?: CatalogData;
  /** … or of the stammer-mean model. */
  readonly stammer?: StammerCatalogData;
  readonly feedback?: FeedbackSpec;
  readonly regulations: readonly RegulationSpec[];
}

export const modelOfBundle = (bundle: CatalogBundle): BundleModel => (bundle.stammer ? 'stammer-mean-v1' : 'leveled-points-v1');

/** The catalog from its pre-validated data: the lookups are the only thing built at run time. */
export function catalogFromData(data: CatalogData): Catalog {
  const byNumber = new Map(data.questions.map((q) => [q.number, q]));
  const byArea = new Map(data.areas.map((a) => [a.id, a]));
  return { ...data, question: (n) => byNumber.get(n), area: (id) => byArea.get(id) };
}
