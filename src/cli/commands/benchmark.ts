/**
 * `infosak benchmark <files and folders…> [--json] [-o benchmark.xlsx] [--save benchmark.json]`
 * (issue 11): typorganisationer from many organisations' answers. The rules are in
 * src/core/benchmark; this file finds and reads the files, picks the catalog, drops duplicates,
 * and writes what was asked for.
 */
import { latestPerOrganisation } from '../../core/benchmark/duplicates';
import { buildBenchmark, GROUP_LABELS, type Benchmark } from '../../core/benchmark/groups';
import type { MemberRecord } from '../../core/benchmark/member';
import { DEFAULT_CATALOG } from '../../core/catalog/registry';
import { describeIssue } from '../../i18n';
import { localToday } from '../../workbook/compute';
import { isIsoDate } from '../../workbook/history';
import { benchmarkWorkbookPlan } from '../../workbook/plan/benchmarkBook';
import { UsageError, type ParsedArgs } from '../args';
import { collectInputs, loadMember, type Loaded } from '../benchmarkInputs';
import { benchmarkFile, groupsJson } from '../format/benchmarkJson';
import { catalogFor, EXIT_INPUT_ERRORS, EXIT_OK, FatalError } from '../io';
import type { Output } from '../main';
import { applyOrFail, writeBytes } from './workbook';

type Member = Extract<Loaded, { kind: 'member' }>;
type Skipped = { readonly file: string; readonly message: string };

/** The catalog most inputs use (ties: the product's default, then the first id), unless --catalog names one. */
function chooseCatalog(members: readonly Member[], requested: string | undefined): string {
  if (requested) return catalogFor(requested).id;
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.record.catalog, (counts.get(m.record.catalog) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  const tied = [...counts.keys()].filter((id) => counts.get(id) === most).sort();
  return tied.includes(DEFAULT_CATALOG) || !tied.length ? DEFAULT_CATALOG : tied[0];
}

const levelText = (level: number) => (level === 0 ? 'under nivå 1' : `nivå ${level}`);

function summary(benchmark: Benchmark, skipped: readonly Skipped[], withErrors: number): string {
  const lines = [
    `Benchmark för ${benchmark.catalog} av ${benchmark.members} ${benchmark.members === 1 ? 'organisation' : 'organisationer'}` +
      (skipped.length ? ` (${skipped.length} ${skipped.length === 1 ? 'fil hoppades' : 'filer hoppades'} över)` : ''),
    '',
  ];
  const width = Math.max(...benchmark.groups.map((g) => GROUP_LABELS[g.id].sv.length));
  for (const g of benchmark.groups) {
    const label = GROUP_LABELS[g.id].sv.padEnd(width);
    if (g.refused || !g.result || !g.spread) {
      lines.push(`  ${label}  visas inte: ${g.reason ? describeIssue(g.reason) : ''}`);
      continue;
    }
    const t = g.spread.totalPoints;
    lines.push(`  ${label}  ${g.members} medlemmar · ${levelText(g.result.level)} · ${g.result.totalPoints} poäng · spridning p10 ${t.p10} · p50 ${t.p50} · p90 ${t.p90}`);
  }
  if (skipped.length) {
    lines.push('', 'Hoppades över:');
    for (const s of skipped) lines.push(`  ${s.file}: ${s.message}`);
  }
  if (withErrors) {
    lines.push('', `${withErrors} ${withErrors === 1 ? 'organisation hade' : 'organisationer hade'} fel i vissa svar; de frågorna räknas som obesvarade.`);
  }
  return lines.join('\n');
}

export async function benchmarkCommand(args: ParsedArgs, out: Output): Promise<number> {
  if (!args.positionals.length) {
    throw new UsageError('benchmark needs answers files or folders: infosak benchmark <filer och mappar…> [--json] [-o <benchmark.xlsx>] [--save <benchmark.json>]');
  }
  const workbookOut = args.options.get('output');
  const fileOut = args.options.get('save');
  const date = args.options.get('date') ?? localToday();
  if (!isIsoDate(date)) throw new FatalError(`Fel datum "${date}": skriv datumet som ÅÅÅÅ-MM-DD.`);
  const requested = args.options.get('catalog');
  if (requested) catalogFor(requested);

  const inputs = collectInputs(args.positionals, [workbookOut, fileOut].filter((p): p is string => !!p));
  const members: Member[] = [];
  const skipped: Skipped[] = [];
  for (const file of inputs) {
    const loaded = await loadMember(file);
    if (loaded.kind === 'member') members.push(loaded);
    else skipped.push({ file: loaded.file, message: loaded.message });
  }

  const catalogId = chooseCatalog(members, requested);
  const sameCatalog = members.filter((m) => {
    if (m.record.catalog === catalogId) return true;
    skipped.push({ file: m.source, message: `katalogen ${m.record.catalog}, men benchmarken gäller ${catalogId}` });
    return false;
  });
  // One organisation counts once: its latest measurement. The message never names the file kept (anonymity).
  const { kept, dropped } = latestPerOrganisation(sameCatalog);
  for (const d of dropped) {
    skipped.push({ file: d.item.source, message: 'samma organisation finns i en annan fil med en senare mätning; den senare används' });
  }
  skipped.sort((a, b) => inputs.indexOf(a.file) - inputs.indexOf(b.file));
  if (!kept.length) {
    const reasons = skipped.slice(0, 3).map((s) => `${s.file}: ${s.message}`).join('; ');
    throw new FatalError(
      inputs.length
        ? `Inga svar kunde användas (${skipped.length} ${skipped.length === 1 ? 'fil hoppades' : 'filer hoppades'} över${reasons ? `: ${reasons}${skipped.length > 3 ? '; …' : ''}` : ''}).`
        : `Inga svarsfiler (.json) eller arbetsböcker (.xlsx) hittades i ${args.positionals.join(', ')}.`,
    );
  }

  const catalog = catalogFor(catalogId);
  const records: MemberRecord[] = kept.map((m) => m.record);
  const benchmark = buildBenchmark(catalog, records);
  const source = args.options.get('source') ?? `infosak benchmark, ${benchmark.members} organisationer`;
  const file = benchmarkFile(benchmark, date, source);

  if (fileOut) writeBytes(fileOut, new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n'));
  if (workbookOut) writeBytes(workbookOut, (await applyOrFail(workbookOut, null, benchmarkWorkbookPlan(catalog, file))).bytes);

  if (args.flags.has('json')) {
    out.stdout(JSON.stringify({ catalog: benchmark.catalog, members: benchmark.members, skipped, groups: groupsJson(benchmark) }, null, 2));
  } else {
    out.stdout(summary(benchmark, skipped, records.filter((r) => r.hadInputErrors).length));
    if (fileOut) out.stdout(`\nBenchmarkfilen sparades i ${fileOut}`);
    if (workbookOut) out.stdout(`${fileOut ? '' : '\n'}Benchmarkarbetsboken skrevs till ${workbookOut}`);
  }
  return skipped.length ? EXIT_INPUT_ERRORS : EXIT_OK;
}

