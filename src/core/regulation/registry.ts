import msbfs from '../../catalogs/msbfs-2020-6.json';
import { RegulationSpec } from './schema';

const sources: unknown[] = [msbfs];
let parsed: RegulationSpec[] | undefined;

/** The regulation mapping for a catalog, validated on first use; undefined when the catalog has none. */
export function findRegulation(catalogId: string): RegulationSpec | undefined {
  parsed ??= sources.map((s) => RegulationSpec.parse(s));
  return parsed.find((r) => r.catalog === catalogId);
}
