/**
 * The task pane's version of sources.ts (webpack.config.js puts it in that module's place): each
 * catalog's bundle is a chunk of its own, fetched when a workbook needs that catalog (issue 14: only
 * the catalog in use is loaded). Same exports as sources.ts; bundleOf fails for a listed id that was
 * not loaded first, which is a bug in the caller (src/taskpane/actions.ts loads before it reads).
 */
import type { BundleModel, CatalogBundle } from './bundle';

type Loader = () => Promise<{ default: unknown }>;

/** Each catalog's model (known before its chunk is fetched) and its chunk. */
const loaders = new Map<string, { readonly model: BundleModel; readonly load: Loader }>([
  [
    'infosakkollen-2023-v1',
    { model: 'leveled-points-v1', load: () => import(/* webpackChunkName: "catalog-infosakkollen-2023-v1" */ '../../catalogs/generated/infosakkollen-2023-v1.json') },
  ],
  [
    'itsakkollen-2023-msbfs2020-7-v1',
    {
      model: 'stammer-mean-v1',
      load: () => import(/* webpackChunkName: "catalog-itsakkollen-2023-msbfs2020-7-v1" */ '../../catalogs/generated/itsakkollen-2023-msbfs2020-7-v1.json'),
    },
  ],
]);

const loaded = new Map<string, CatalogBundle>();
const loading = new Map<string, Promise<void>>();

export const bundleModels: ReadonlyMap<string, BundleModel> = new Map([...loaders].map(([id, l]) => [id, l.model]));

export function bundleOf(id: string): CatalogBundle | undefined {
  if (!loaders.has(id)) return undefined;
  const bundle = loaded.get(id);
  if (!bundle) throw new Error(`The catalog ${id} is not loaded yet (call loadCatalogs first).`);
  return bundle;
}

/** Fetches the bundles of these ids that are not here yet (unknown ids are ignored); a failed fetch can be retried. */
export function loadBundles(ids: readonly string[]): Promise<void> {
  return Promise.all(
    ids.map((id) => {
      const loader = loaders.get(id);
      if (!loader || loaded.has(id)) return undefined;
      let pending = loading.get(id);
      if (!pending) {
        pending = loader.load().then(
          (module) => {
            loaded.set(id, module.default as CatalogBundle);
            loading.delete(id);
          },
          (error: unknown) => {
            loading.delete(id);
            throw error;
          },
        );
        loading.set(id, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}
