import { useId } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalFlag, GoalFlagCode, GoalGraph } from '../../core/goals/graph';
import type { PlanMessages } from '../i18n/plan';
import { Section } from './Section';
import { usePlanText } from './usePlanText';

const useStyles = makeStyles({
  counts: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  groupTitle: { margin: `${tokens.spacingVerticalS} 0 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: '2px', fontSize: tokens.fontSizeBase200 },
  // Names wrap in full, never cut off: the pane is narrow.
  item: { overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

type GoalTexts = PlanMessages['goals'];
type GroupKey = 'annualWithoutActivity' | 'shortTermWithoutAnnual' | 'strategicWithoutShortTerm' | 'activityWithoutGoal' | 'unknownId' | 'notServing' | 'badId';

/** The lists the panel shows, in the order a reader fixes them: gaps at the bottom of the chain first. */
const GROUPS: readonly { readonly key: GroupKey; readonly codes: readonly GoalFlagCode[] }[] = [
  { key: 'annualWithoutActivity', codes: ['annual-without-activity'] },
  { key: 'activityWithoutGoal', codes: ['activity-without-goal'] },
  { key: 'shortTermWithoutAnnual', codes: ['short-term-without-annual'] },
  { key: 'strategicWithoutShortTerm', codes: ['strategic-without-short-term'] },
  { key: 'unknownId', codes: ['unknown-annual-goal', 'unknown-short-term-goal', 'unknown-strategic-goal'] },
  { key: 'notServing', codes: ['short-term-without-strategic', 'annual-without-short-term'] },
  { key: 'badId', codes: ['duplicate-goal-id', 'goal-without-id'] },
];

/** One flag as a line: the goal or activity, where it is, and what is wrong when the heading does not say it. */
function flagText(flag: GoalFlag, t: GoalTexts, f: (template: string, params?: Record<string, string | number>) => string): string {
  const named = [flag.id, flag.text].filter(Boolean).join(' – ') || t.noText;
  const where = flag.row === undefined ? named : f(flag.subject === 'activity' ? t.activityAt : t.goalAt, { label: named, row: flag.row });
  switch (flag.code) {
    case 'unknown-annual-goal':
    case 'unknown-short-term-goal':
    case 'unknown-strategic-goal':
      return f(t.unknownRef, { label: where, ref: flag.ref ?? '' });
    case 'short-term-without-strategic':
      return f(t.noStrategic, { label: where });
    case 'annual-without-short-term':
      return f(t.noShortTerm, { label: where });
    case 'duplicate-goal-id':
      return f(t.duplicate, { label: where, firstRow: flag.firstRow ?? '?' });
    case 'goal-without-id':
      return f(t.withoutId, { label: where });
    default:
      return where;
  }
}

function FlagGroup({ title, lines }: { readonly title: string; readonly lines: readonly string[] }) {
  const s = useStyles();
  const id = useId();
  return (
    <>
      <Text as="h3" id={id} className={s.groupTitle}>
        {title} ({lines.length})
      </Text>
      <ul className={s.list} aria-labelledby={id}>
        {lines.map((line, i) => (
          <li key={i} className={s.item}>
            {line}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The målgraf in the pane (issue 13): how many goals of each level there are, how many activities
 * serve one, and every place the chain from strategic goal to activity breaks, as plain lists under
 * headings (no colour or hover needed to read them).
 */
export function GoalGraphPanel({ graph }: { readonly graph: GoalGraph }) {
  const s = useStyles();
  const { p, f } = usePlanText();
  const g = p.goals;
  const c = graph.counts;
  if (graph.empty) {
    return (
      <Section title={g.title}>
        <Text>{g.empty}</Text>
      </Section>
    );
  }
  return (
    <Section title={g.title}>
      <Text className={s.note}>{g.intro}</Text>
      <ul className={s.counts} aria-label={g.counts}>
        <li>{c.strategic === 1 ? g.strategicOne : f(g.strategic, { count: c.strategic })}</li>
        <li>{c.shortTerm === 1 ? g.shortTermOne : f(g.shortTerm, { count: c.shortTerm })}</li>
        <li>{c.annual === 1 ? g.annualOne : f(g.annual, { count: c.annual })}</li>
        <li>{f(g.activities, { linked: c.activitiesWithGoal, total: c.activities })}</li>
        <li>{c.flags === 1 ? g.flaggedOne : f(g.flagged, { count: c.flags })}</li>
      </ul>
      {c.flags === 0 ? (
        <Text>{g.allLinked}</Text>
      ) : (
        GROUPS.map((group) => {
          const lines = graph.flags.filter((flag) => group.codes.includes(flag.code)).map((flag) => flagText(flag, g, f));
          return lines.length ? <FlagGroup key={group.key} title={g[group.key]} lines={lines} /> : null;
        })
      )}
    </Section>
  );
}
