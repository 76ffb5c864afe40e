/** @jest-environment jsdom */
/**
 * The målgraf panel (issue 13): counts and the flagged goals and activities as lists under
 * headings, in Swedish and English; a plain line when no goal is filled in.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { goalGraph } from '../../src/core/goals/graph';
import { NO_GOALS, type Goals, type GraphActivity } from '../../src/core/goals/types';
import { GoalGraphPanel } from '../../src/taskpane/components/GoalGraphPanel';
import { TextProvider, textContext } from '../../src/taskpane/components/useText';
import type { PaneLocale } from '../../src/taskpane/i18n';
import { polyfillDom } from './setup';

polyfillDom();

const goals: Goals = {
  strategic: [
    { id: 'S1', text: 'Systematiskt arbete', row: 6 },
    { id: 'S2', text: 'Ökat förtroende', row: 7 },
  ],
  shortTerm: [{ id: 'K1', text: 'Alla system klassade', serves: ['S1'], row: 14 }],
  annual: [
    { id: 'Å1', text: 'Klassa verksamhetssystemen', serves: ['K1'], row: 27 },
    { id: 'Å2', text: 'Klassa e-tjänsterna', serves: ['K1'], row: 28 },
  ],
};
const activities: GraphActivity[] = [
  { row: 5, id: 'HP-F01', name: 'Inventera system', goals: ['Å1'] },
  { row: 6, id: 'HP-F02', name: 'Utbilda personalen', goals: [] },
  { row: 7, id: 'HP-F03', name: 'Skriv rutin', goals: ['Å9'] },
];

function show(graph = goalGraph(goals, activities), locale: PaneLocale = 'sv') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider value={textContext(locale)}>
        <GoalGraphPanel graph={graph} />
      </TextProvider>
    </FluentProvider>,
  );
}

/** The items of the list a heading names. */
const listUnder = (heading: RegExp) => {
  const h = screen.getByRole('heading', { name: heading });
  return within(screen.getByRole('list', { name: h.textContent! })).getAllByRole('listitem').map((li) => li.textContent);
};

describe('GoalGraphPanel', () => {
  it('shows the counts and each kind of gap as a list under its heading', () => {
    show();
    expect(screen.getByRole('region', { name: 'Mål och målgraf' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Mål och aktiviteter' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 strategiska mål',
      '1 kortsiktigt mål',
      '2 årliga mål',
      '1 av 3 aktiviteter har ett årligt mål',
      '4 anmärkningar',
    ]);
    expect(listUnder(/^Årliga mål utan aktivitet/)).toEqual(['Å2 – Klassa e-tjänsterna (Mål, rad 28)']);
    expect(listUnder(/^Aktiviteter utan mål/)).toEqual(['HP-F02 – Utbilda personalen (Handlingsplan, rad 6)']);
    expect(listUnder(/^Strategiska mål utan kortsiktigt mål/)).toEqual(['S2 – Ökat förtroende (Mål, rad 7)']);
    expect(listUnder(/^Okända mål-id/)).toEqual(['HP-F03 – Skriv rutin (Handlingsplan, rad 7): anger Å9, som inte finns bland målen']);
    expect(screen.queryByRole('heading', { name: /^Kortsiktiga mål utan årligt mål/ })).toBeNull();
    // Nothing is only in a hover title.
    expect(document.querySelectorAll('[title]')).toHaveLength(0);
  });

  it('speaks English when the pane does', () => {
    show(undefined, 'en');
    expect(screen.getByRole('region', { name: 'Goals and goal graph' })).toBeTruthy();
    expect(listUnder(/^Activities without a goal/)).toEqual(['HP-F02 – Utbilda personalen (Handlingsplan, row 6)']);
    expect(screen.getByText('1 of 3 activities have an annual goal')).toBeTruthy();
  });

  it('says so plainly when no goal is filled in', () => {
    show(goalGraph(NO_GOALS, activities));
    expect(screen.getByText(/^Inga mål ifyllda ännu – fyll i bladet Mål\./)).toBeTruthy();
    expect(screen.queryAllByRole('list')).toHaveLength(0);
  });

  it('says the chain holds when nothing is flagged', () => {
    show(goalGraph({ strategic: [goals.strategic[0]], shortTerm: goals.shortTerm, annual: [goals.annual[0]] }, [activities[0]]));
    expect(screen.getByText(/^Kedjan hänger ihop/)).toBeTruthy();
    expect(screen.getByText('0 anmärkningar')).toBeTruthy();
  });
});
