import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalGraph } from '../../core/goals/graph';
import type { PathCostSummary } from '../../workbook/plan/planRows';
import { GoalGraphPanel } from './GoalGraphPanel';
import { Section } from './Section';
import { usePlanText } from './usePlanText';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** "nivå 3" as the English pane says it; other goals (a group, the regulation) keep their Swedish names. */
const goalName = (goal: string, level: string) => {
  const m = /^nivå (\d)$/.exec(goal);
  return m ? level.replace('{level}', m[1]) : goal;
};

/** Issue 13: what the path costs according to Handlingsplan. */
export function PlanCostPanel({ cost }: { readonly cost: PathCostSummary }) {
  const { p, f, locale } = usePlanText();
  const s = useStyles();
  const number = (n: number) => n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 });
  const goal = goalName(cost.goal, p.cost.level);
  const estimated = cost.activitiesWithoutCost < cost.activities || cost.activitiesWithoutHours < cost.activities;
  return (
    <Section title={p.cost.title}>
      <Text data-testid="plan-cost">
        {estimated
          ? f(p.cost.line, { goal, count: cost.activities, cost: number(cost.costToNext), hours: number(cost.hoursToNext) })
          : f(p.cost.notEstimated, { goal, count: cost.activities })}
      </Text>
      {estimated && cost.activitiesWithoutCost > 0 && (
        <Text className={s.note}>{f(cost.activitiesWithoutCost === 1 ? p.cost.missingOne : p.cost.missing, { count: cost.activitiesWithoutCost })}</Text>
      )}
    </Section>
  );
}

/** The cost of the path and the målgraf, in one chunk loaded after a computation (the first load stays small). */
export function PlanPanels({ cost, graph }: { readonly cost?: PathCostSummary; readonly graph?: GoalGraph }) {
  return (
    <>
      {cost && cost.activities > 0 && <PlanCostPanel cost={cost} />}
      {graph && <GoalGraphPanel graph={graph} />}
    </>
  );
}
