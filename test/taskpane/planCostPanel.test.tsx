/** @jest-environment jsdom */
/**
 * The cost of the path in the pane (issue 13): the sums from Handlingsplan and how many activities
 * lack an estimate, in Swedish and English; a plain request to estimate when nothing is.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { PlanPanels } from '../../src/taskpane/components/PlanPanels';
import { planMessages } from '../../src/taskpane/i18n/plan';
import { TextProvider, textContext } from '../../src/taskpane/components/useText';
import type { PaneLocale } from '../../src/taskpane/i18n';
import type { PathCostSummary } from '../../src/workbook/plan/planRows';
import { polyfillDom } from './setup';

polyfillDom();

const cost = (over: Partial<PathCostSummary> = {}): PathCostSummary => ({
  activities: 8,
  costToNext: 450000,
  hoursToNext: 620,
  activitiesWithoutCost: 3,
  activitiesWithoutHours: 3,
  goal: 'nivå 3',
  ...over,
});

function show(c: PathCostSummary | undefined, locale: PaneLocale = 'sv') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider value={textContext(locale)}>
        <PlanPanels cost={c} />
      </TextProvider>
    </FluentProvider>,
  );
}
const text = () => (screen.queryByTestId('plan-cost')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

test('Swedish: the sums and the activities without cost', () => {
  show(cost());
  expect(screen.getByRole('heading', { name: 'Handlingsplanens kostnad' })).toBeTruthy();
  expect(text()).toBe('Att nå nivå 3: 8 åtgärder, uppskattat 450 000 kr och 620 timmar.');
  expect(screen.getByText('3 aktiviteter saknar kostnad.')).toBeTruthy();
});

test('English: the level in English, the group target in its own name', () => {
  show(cost({ activitiesWithoutCost: 1 }), 'en');
  expect(text()).toBe('To reach level 3: 8 actions, estimated at 450,000 kr and 620 hours.');
  expect(screen.getByText('1 activity has no cost.')).toBeTruthy();
});

test('nothing estimated yet: asks for the estimates instead of saying 0 kr', () => {
  show(cost({ costToNext: 0, hoursToNext: 0, activitiesWithoutCost: 8, activitiesWithoutHours: 8 }));
  expect(text()).toMatch(/^Att nå nivå 3: 8 åtgärder\. Ingen kostnad uppskattad ännu/);
  expect(text()).not.toContain('0 kr');
});

test('no path (the top level): no cost section', () => {
  show(cost({ activities: 0, activitiesWithoutCost: 0, activitiesWithoutHours: 0 }));
  expect(screen.queryByTestId('plan-cost')).toBeNull();
});

test('the panels\' texts have the same keys and placeholders in Swedish and English', () => {
  const shape = (o: object): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${k}:${[...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',')}`] : shape(v).map((s) => `${k}.${s}`)));
  expect(shape(planMessages.en)).toEqual(shape(planMessages.sv));
});
