import { flagsOf, goalGraph, type GoalGraph } from '../../../src/core/goals/graph';
import { NO_GOALS, type GraphActivity, type Goals } from '../../../src/core/goals/types';

const activity = (row: number, id: string, goals: string[], status?: string): GraphActivity => ({ row, id, name: `Aktivitet ${id}`, goals, ...(status ? { status } : {}) });

/** Two strategic goals, three short-term, three annual, four activities: one of each gap. */
function example(): { goals: Goals; activities: GraphActivity[] } {
  return {
    goals: {
      strategic: [
        { id: 'S1', text: 'Systematiskt arbete enligt ISO 27001', kind: 'resultatmål', horizon: 2030, row: 6 },
        { id: 'S2', text: 'Ökat förtroende hos invånarna', kind: 'effektmål', row: 7 },
      ],
      shortTerm: [
        { id: 'K1', text: 'Informationsklassning av alla system', serves: ['S1'], row: 14 },
        { id: 'K2', text: 'Utbildning för all personal', serves: ['s1', 'S1 '], row: 15 },
        { id: 'K3', text: 'Incidentrapportering', serves: [], row: 16 },
      ],
      annual: [
        { id: 'Å1', text: 'Klassa verksamhetssystemen', year: 2026, serves: ['K1'], row: 27 },
        { id: 'Å2', text: 'Klassa e-tjänsterna', year: 2026, serves: ['K1'], row: 28 },
        { id: 'Å3', text: 'Utbilda chefer', year: 2026, serves: ['K2'], row: 29 },
      ],
    },
    activities: [
      activity(5, 'HP-F01', ['Å1']),
      activity(6, 'HP-F02', [' å1', 'Å3'], 'Pågår'),
      activity(7, 'Egen-1', []),
      activity(8, 'HP-F03', ['Å9']),
    ],
  };
}

const codes = (g: GoalGraph) => g.flags.map((f) => `${f.code}:${f.id}${f.ref ? `→${f.ref}` : ''}`);

describe('goalGraph', () => {
  const { goals, activities } = example();
  const graph = goalGraph(goals, activities);

  it('builds the chain strategic → short-term → annual → activities in sheet order', () => {
    expect(graph.empty).toBe(false);
    expect(graph.strategic.map((s) => s.goal.id)).toEqual(['S1', 'S2']);
    const [s1, s2] = graph.strategic;
    expect(s1.shortTerm.map((k) => k.goal.id)).toEqual(['K1', 'K2']);
    expect(s1.shortTerm[0].annual.map((a) => a.goal.id)).toEqual(['Å1', 'Å2']);
    expect(s1.shortTerm[0].annual[0].activities.map((n) => n.activity.id)).toEqual(['HP-F01', 'HP-F02']);
    expect(s1.shortTerm[1].annual.map((a) => a.goal.id)).toEqual(['Å3']);
    expect(s1.shortTerm[1].annual[0].activities.map((n) => n.activity.id)).toEqual(['HP-F02']);
    expect(s2.shortTerm).toEqual([]);
  });

  it('flags every gap and broken link, in sheet order', () => {
    expect(codes(graph)).toEqual([
      'strategic-without-short-term:S2',
      'short-term-without-strategic:K3',
      'short-term-without-annual:K3',
      'annual-without-activity:Å2',
      'activity-without-goal:Egen-1',
      'unknown-annual-goal:HP-F03→Å9',
    ]);
    expect(flagsOf(graph, 'annual-without-activity')).toEqual([{ code: 'annual-without-activity', subject: 'annual', id: 'Å2', text: 'Klassa e-tjänsterna', row: 28 }]);
    expect(flagsOf(graph, 'unknown-annual-goal')).toEqual([{ code: 'unknown-annual-goal', subject: 'activity', id: 'HP-F03', text: 'Aktivitet HP-F03', row: 8, ref: 'Å9' }]);
  });

  it('lists goals outside the chain and activities without a goal', () => {
    expect(graph.unlinkedShortTerm.map((k) => k.goal.id)).toEqual(['K3']);
    expect(graph.unlinkedAnnual).toEqual([]);
    expect(graph.activitiesWithoutGoal.map((n) => [n.activity.id, n.flags.map((f) => f.code)])).toEqual([
      ['Egen-1', ['activity-without-goal']],
      ['HP-F03', ['unknown-annual-goal']],
    ]);
    expect(graph.counts).toEqual({ strategic: 2, shortTerm: 3, annual: 3, activities: 4, activitiesWithGoal: 2, flags: 6 });
  });

  it('flags broken links between goals and keeps the goal outside the chain', () => {
    const g = goalGraph(
      {
        strategic: [{ id: 'S1', text: 'Mål' }],
        shortTerm: [{ id: 'K1', text: 'Kort', serves: ['S7'] }],
        annual: [{ id: 'Å1', text: 'Årligt', serves: ['K1', 'K4'] }, { id: 'Å2', text: 'Årligt 2', serves: ['k9'] }],
      },
      [activity(3, 'A', ['Å1']), activity(4, 'B', ['Å2'])],
    );
    expect(codes(g)).toEqual([
      'strategic-without-short-term:S1',
      'unknown-strategic-goal:K1→S7',
      'unknown-short-term-goal:Å1→K4',
      'unknown-short-term-goal:Å2→k9',
    ]);
    expect(g.unlinkedShortTerm.map((k) => [k.goal.id, k.annual.map((a) => a.goal.id)])).toEqual([['K1', ['Å1']]]);
    expect(g.unlinkedAnnual.map((a) => [a.goal.id, a.activities.map((n) => n.activity.id)])).toEqual([['Å2', ['B']]]);
    expect(g.counts.activitiesWithGoal).toBe(2);
  });

  it('flags duplicate and missing ids; links go to the first goal with the id', () => {
    const g = goalGraph(
      {
        strategic: [{ id: 'S1', text: 'Först', row: 6 }, { id: ' s1', text: 'Sedan', row: 8 }],
        shortTerm: [{ id: 'K1', text: 'Kort', serves: ['S1'], row: 14 }, { id: '', text: 'Utan id', serves: ['S1'], row: 15 }],
        annual: [{ id: 'Å1', text: 'Årligt', serves: ['K1'], row: 27 }],
      },
      [activity(5, 'A', ['Å1'])],
    );
    expect(g.flags).toEqual([
      { code: 'duplicate-goal-id', subject: 'strategic', id: 's1', text: 'Sedan', row: 8, firstRow: 6 },
      { code: 'goal-without-id', subject: 'shortTerm', id: '', text: 'Utan id', row: 15 },
    ]);
    expect(g.strategic[0].shortTerm.map((k) => k.goal.text)).toEqual(['Kort', 'Utan id']);
    expect(g.strategic[1].shortTerm).toEqual([]);
  });

  it('puts a goal that serves several goals under each, and keeps activities in row order', () => {
    const g = goalGraph(
      {
        strategic: [{ id: 'S1', text: 'a' }, { id: 'S2', text: 'b' }],
        shortTerm: [{ id: 'K1', text: 'k', serves: ['S2', 'S1'] }],
        annual: [{ id: 'Å1', text: 'å', serves: ['K1'] }],
      },
      [activity(9, 'late', ['Å1']), activity(4, 'early', ['Å1'])],
    );
    expect(g.strategic.map((s) => s.shortTerm.map((k) => k.goal.id))).toEqual([['K1'], ['K1']]);
    expect(g.strategic[0].shortTerm[0].annual[0].activities.map((n) => n.activity.id)).toEqual(['early', 'late']);
    expect(g.flags).toEqual([]);
  });

  it('is empty without goals, and still says which activities have none', () => {
    const g = goalGraph(NO_GOALS, [activity(5, 'A', []), activity(6, 'B', ['Å1'])]);
    expect(g.empty).toBe(true);
    expect(codes(g)).toEqual(['activity-without-goal:A', 'unknown-annual-goal:B→Å1']);
    expect(g.counts).toEqual({ strategic: 0, shortTerm: 0, annual: 0, activities: 2, activitiesWithGoal: 0, flags: 2 });
  });
});
