import { CatalogError } from '../catalog/load';
import { StammerCatalogSpec } from './schema';
import type { ScaleStep, StammerCatalog, Statement } from './types';

/**
 * Parses and checks a stammer-mean-v1 catalog (ITSAK.md), then expands each statement's option
 * set. A broken catalog fails here with every problem and its path, never later in scoring.
 */
export function loadStammerCatalog(data: unknown): StammerCatalog {
  const parsed = StammerCatalogSpec.safeParse(data);
  if (!parsed.success) {
    throw new CatalogError(
      'The catalog does not match its schema',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const spec = parsed.data;
  const problems: string[] = [];
  const areaIds = new Set(spec.areas.map((a) => a.id));
  const ids = new Set<string>();
  const unique = (id: string, where: string) => {
    if (ids.has(id)) problems.push(`${where}: id ${id} repeats (ids are unique across statements, context questions and areas)`);
    ids.add(id);
  };
  for (const a of spec.areas) unique(a.id, `areas.${a.id}`);

  for (const [name, steps] of Object.entries(spec.optionSets)) {
    // The scale is ordered: its values are 1, 2, … in order, so a mean of values is meaningful.
    steps.forEach((s, i) => s.value !== i + 1 && problems.push(`optionSets.${name}.${i}: values must be 1, 2, 3 … in order`));
    if (new Set(steps.map((s) => s.id)).size !== steps.length) problems.push(`optionSets.${name}: option ids repeat`);
  }
  const statements: Statement[] = spec.statements.map((s, index) => {
    const where = `statements.${index} (${s.id})`;
    unique(s.id, where);
    if (!areaIds.has(s.area)) problems.push(`${where}: unknown work area ${s.area}`);
    const scale: ScaleStep[] | undefined = spec.optionSets[s.optionSet];
    if (!scale) problems.push(`${where}: unknown option set ${s.optionSet}`);
    return {
      id: s.id,
      area: s.area,
      text: s.text,
      help: s.help,
      msbfs: s.msbfs.map((r) => ({ regulation: r.regulation ?? spec.regulation, ref: r.ref, basis: r.basis })),
      scale: scale ?? [],
    };
  });
  // Areas are listed in the order of their statements, so a sheet per area reads in id order.
  for (const a of spec.areas) if (!statements.some((s) => s.area === a.id)) problems.push(`areas.${a.id}: the work area has no statement`);
  if (new Set(spec.areas.map((a) => a.sheet.toLowerCase())).size !== spec.areas.length) problems.push('areas: sheet names repeat (Excel ignores case)');
  for (const c of spec.context) {
    unique(c.id, `context.${c.id}`);
    if (new Set(c.options.map((o) => o.id)).size !== c.options.length) problems.push(`context.${c.id}: option ids repeat`);
  }
  const maxValue = Math.max(...Object.values(spec.optionSets).map((steps) => steps.length));
  const levels = [...spec.levels].sort((a, b) => a.level - b.level);
  // Level = floor of the value (ITSAK.md §4): one named level per step of the scale.
  if (levels.length !== maxValue || levels.some((l, i) => l.level !== i + 1)) problems.push(`levels: must be 1 … ${maxValue} once each`);
  if (problems.length) throw new CatalogError(`Catalog ${spec.id} is inconsistent`, problems);

  const byId = new Map(statements.map((s) => [s.id, s]));
  const byArea = new Map(spec.areas.map((a) => [a.id, a]));
  const byContext = new Map(spec.context.map((c) => [c.id, c]));
  return {
    model: spec.model,
    id: spec.id,
    revision: spec.revision,
    name: spec.name,
    shortName: spec.shortName,
    source: spec.source,
    published: spec.published,
    regulation: spec.regulation,
    about: spec.about,
    footer: spec.footer,
    levels,
    areas: spec.areas,
    statements,
    context: spec.context,
    statement: (id) => byId.get(id),
    area: (id) => byArea.get(id),
    contextQuestion: (id) => byContext.get(id),
  };
}
