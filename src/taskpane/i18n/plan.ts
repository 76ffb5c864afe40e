/**
 * The texts of the panels shown after a computation (issue 13): the cost of the path and the
 * målgraf. Kept out of sv.ts/en.ts so they load with those panels, not with the pane (issue 14's
 * first-load budget); the same {name} placeholders and parity rule (test/taskpane/planCostPanel.test.tsx).
 */
const sv = {
  cost: {
    title: 'Handlingsplanens kostnad',
    level: 'nivå {level}',
    line: 'Att nå {goal}: {count} åtgärder, uppskattat {cost} kr och {hours} timmar.',
    notEstimated: 'Att nå {goal}: {count} åtgärder. Ingen kostnad uppskattad ännu – fyll i Kostnad (kr) och Tid (timmar) i Handlingsplan.',
    missing: '{count} aktiviteter saknar kostnad.',
    missingOne: '1 aktivitet saknar kostnad.',
  },
  goals: {
    title: 'Mål och målgraf',
    intro: 'Kedjan strategiska mål → kortsiktiga mål → årliga mål → aktiviteter i Handlingsplan. Hela målgrafen finns på bladet Målgraf.',
    empty: 'Inga mål ifyllda ännu – fyll i bladet Mål. Kedjan visas här när resultatet beräknas.',
    counts: 'Mål och aktiviteter',
    strategic: '{count} strategiska mål',
    strategicOne: '1 strategiskt mål',
    shortTermOne: '1 kortsiktigt mål',
    annualOne: '1 årligt mål',
    shortTerm: '{count} kortsiktiga mål',
    annual: '{count} årliga mål',
    activities: '{linked} av {total} aktiviteter har ett årligt mål',
    flagged: '{count} anmärkningar',
    flaggedOne: '1 anmärkning',
    allLinked: 'Kedjan hänger ihop: varje mål har något under sig och varje aktivitet har ett mål.',
    annualWithoutActivity: 'Årliga mål utan aktivitet',
    shortTermWithoutAnnual: 'Kortsiktiga mål utan årligt mål',
    strategicWithoutShortTerm: 'Strategiska mål utan kortsiktigt mål',
    activityWithoutGoal: 'Aktiviteter utan mål',
    unknownId: 'Okända mål-id',
    notServing: 'Mål som inte bidrar till något mål ovanför',
    badId: 'Id som saknas eller finns två gånger',
    goalAt: '{label} (Mål, rad {row})',
    activityAt: '{label} (Handlingsplan, rad {row})',
    noText: '(utan text)',
    unknownRef: '{label}: anger {ref}, som inte finns bland målen',
    noStrategic: '{label}: bidrar inte till något strategiskt mål',
    noShortTerm: '{label}: bidrar inte till något kortsiktigt mål',
    duplicate: '{label}: id:t finns redan på rad {firstRow}, kopplingarna går till det första',
    withoutId: '{label}: saknar id och kan inte kopplas',
  },
};

export type PlanMessages = typeof sv;

const en: PlanMessages = {
  cost: {
    title: 'Cost of the action plan',
    level: 'level {level}',
    line: 'To reach {goal}: {count} actions, estimated at {cost} kr and {hours} hours.',
    notEstimated: 'To reach {goal}: {count} actions. No cost estimated yet – fill in Kostnad (kr) and Tid (timmar) in Handlingsplan.',
    missing: '{count} activities have no cost.',
    missingOne: '1 activity has no cost.',
  },
  goals: {
    title: 'Goals and goal graph',
    intro: 'The chain strategic goals → short-term goals → annual goals → activities in Handlingsplan (the action plan). The whole goal graph is on the Målgraf sheet.',
    empty: 'No goals filled in yet – fill in the Mål (goals) sheet. The chain is shown here when the result is computed.',
    counts: 'Goals and activities',
    strategic: '{count} strategic goals',
    strategicOne: '1 strategic goal',
    shortTermOne: '1 short-term goal',
    annualOne: '1 annual goal',
    shortTerm: '{count} short-term goals',
    annual: '{count} annual goals',
    activities: '{linked} of {total} activities have an annual goal',
    flagged: '{count} remarks',
    flaggedOne: '1 remark',
    allLinked: 'The chain holds: every goal has something below it and every activity has a goal.',
    annualWithoutActivity: 'Annual goals without an activity',
    shortTermWithoutAnnual: 'Short-term goals without an annual goal',
    strategicWithoutShortTerm: 'Strategic goals without a short-term goal',
    activityWithoutGoal: 'Activities without a goal',
    unknownId: 'Unknown goal ids',
    notServing: 'Goals that serve no goal above them',
    badId: 'Ids missing or used twice',
    goalAt: '{label} (Mål, row {row})',
    activityAt: '{label} (Handlingsplan, row {row})',
    noText: '(no text)',
    unknownRef: '{label}: names {ref}, which is not among the goals',
    noStrategic: '{label}: serves no strategic goal',
    noShortTerm: '{label}: serves no short-term goal',
    duplicate: '{label}: the id is already used on row {firstRow}; links go to the first',
    withoutId: '{label}: has no id and cannot be linked',
  },
};

export const planMessages: Readonly<Record<'sv' | 'en', PlanMessages>> = { sv, en };
