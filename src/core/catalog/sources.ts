/**
 * The shipped catalogs' pre-validated bundles (src/catalogs/generated/, written by
 * `npm run build:catalogs`), imported statically: the command line and the tests have every catalog
 * at hand synchronously. The task pane is built with sources.lazy.ts in this module's place
 * (webpack.config.js), which loads a catalog's bundle as a chunk of its own when it is needed.
 *
 * A new catalog: its data files in src/catalogs/, `npm run build:catalogs`, and one line here and one
 * in sources.lazy.ts (test/core/catalog/generated.test.ts names a missing one).
 */
import infosakkollen2023 from '../../catalogs/generated/infosakkollen-2023-v1.json';
import itsakkollen2023 from '../../catalogs/generated/itsakkollen-2023-msbfs2020-7-v1.json';
import { modelOfBundle, type BundleModel, type CatalogBundle } from './bundle';

const bundles = new Map<string, CatalogBundle>([
  ['infosakkollen-2023-v1', infosakkollen2023 as unknown as CatalogBundle],
  ['itsakkollen-2023-msbfs2020-7-v1', itsakkollen2023 as unknown as CatalogBundle],
]);

/** Every id with a bundle, in the order listed, with the model of its catalog. */
export const bundleModels: ReadonlyMap<string, BundleModel> = new Map([...bundles].map(([id, b]) => [id, modelOfBundle(b)]));

/** The bundle of a listed id (undefined for any other id; a Map, so "__proto__" is no id). */
export function bundleOf(id: string): CatalogBundle | undefined {
  return bundles.get(id);
}

/** Nothing to load: every bundle is here already. */
export function loadBundles(ids: readonly string[]): Promise<void> {
  void ids;
  return Promise.resolve();
}
