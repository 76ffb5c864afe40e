/**
 * A target as a person types it (`--target`, and the text the workbook remembers): "3" or
 * "nivå 3", a benchmark group id ("typkommun", "30-basta-kommuner"), "föreskrift" (MSBFS 2020:6),
 * or "nästa" for the next level (no chosen target).
 */
import { parseGroupId, type GroupId } from '../benchmark/groups';

export type TargetChoice =
  | { readonly kind: 'next' }
  | { readonly kind: 'level'; readonly level: number }
  | { readonly kind: 'regulation' }
  | { readonly kind: 'benchmark'; readonly group: GroupId };

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

export function parseTargetText(text: string, maxLevel = 4): TargetChoice | undefined {
  const t = fold(text);
  const level = /^(?:niva\s*)?(\d+)$/.exec(t);
  if (level) {
    const n = Number(level[1]);
    return n >= 1 && n <= maxLevel ? { kind: 'level', level: n } : undefined;
  }
  if (['foreskrift', 'foreskriften', 'msbfs', 'msbfs 2020:6', 'msbfs2020:6', 'regulation'].includes(t)) return { kind: 'regulation' };
  if (['nasta', 'nasta niva', 'next'].includes(t)) return { kind: 'next' };
  const group = parseGroupId(text);
  return group ? { kind: 'benchmark', group } : undefined;
}

/** The text that gives this choice back (what the workbook remembers). */
export function targetText(choice: TargetChoice): string {
  switch (choice.kind) {
    case 'next':
      return 'nästa';
    case 'level':
      return `nivå ${choice.level}`;
    case 'regulation':
      return 'föreskrift';
    case 'benchmark':
      return choice.group;
  }
}
