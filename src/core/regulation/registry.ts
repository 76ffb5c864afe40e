import { regulationSpecsOf } from '../catalog/registry';
import type { RegulationSpec } from './schema';

/** The regulation mapping for a catalog (validated when built); undefined when the catalog has none. */
export function findRegulation(catalogId: string): RegulationSpec | undefined {
  return regulationSpecsOf(catalogId)[0];
}
