import { useId } from 'react';
import { ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import type { Progress } from '../../core/scoring/progress';
import { Section } from './Section';
import { useText } from './useText';

const useStyles = makeStyles({
  total: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  groupTitle: {
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  // Name beside its bar, or above it when the pane is too narrow (200 % zoom): names wrap in full,
  // never squeezed to a few letters a line nor cut off with an ellipsis.
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    fontSize: tokens.fontSizeBase200,
  },
  label: { flex: '1 1 120px', minWidth: 0 },
  meter: { flex: '0 0 112px', marginLeft: 'auto', display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
  ratio: { flexShrink: 0, minWidth: '40px', textAlign: 'right', fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
});

interface Group {
  readonly key: string;
  readonly label: string;
  readonly answered: number;
  readonly total: number;
}

export interface ProgressPanelProps {
  readonly catalog: Catalog;
  readonly progress: Progress;
  /** '' = all areas */
  readonly area: string;
}

/** Answered questions per level and per work area, within the selected work area. */
export function ProgressPanel({ catalog, progress, area }: ProgressPanelProps) {
  const s = useStyles();
  const { t, f, locale } = useText();
  const answered = new Set(progress.answeredQuestions);
  const inScope = catalog.questions.filter((q) => !area || q.area === area);
  const group = (key: string, label: string, pick: (q: (typeof inScope)[number]) => boolean): Group => {
    const qs = inScope.filter(pick);
    return { key, label, answered: qs.filter((q) => answered.has(q.number)).length, total: qs.length };
  };
  const levels = [...new Set(catalog.questions.map((q) => q.level))].sort((a, b) => a - b);
  const byLevel = levels.map((l) => group(`level-${l}`, f(t.progress.level, { level: l }), (q) => q.level === l)).filter((g) => g.total > 0);
  const byArea = catalog.areas
    .filter((a) => !area || a.id === area)
    .map((a) => group(`area-${a.id}`, a.name[locale], (q) => q.area === a.id));
  const done = inScope.filter((q) => answered.has(q.number)).length;
  const totalId = useId();
  // The bars carry counts (answered of total) as their values, and the same words as the text beside them.
  const values = (answeredCount: number, total: number) => ({
    value: answeredCount,
    max: Math.max(total, 1),
    'aria-valuetext': f(t.progress.answered, { answered: answeredCount, total }),
  });

  const rows = (groups: readonly Group[], title: string) => (
    <>
      <Text as="h3" className={s.groupTitle}>
        {title}
      </Text>
      <ul className={s.rows} aria-label={title}>
        {groups.map((g) => (
          <li key={g.key} className={s.row}>
            <span className={s.label}>{g.label}</span>
            <span className={s.meter}>
              <ProgressBar
                {...values(g.answered, g.total)}
                className={s.bar}
                thickness="large"
                color={g.answered === g.total ? 'success' : 'brand'}
                aria-label={g.label}
              />
              <span className={s.ratio}>{f(t.progress.ratio, { answered: g.answered, total: g.total })}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );

  return (
    <Section title={t.progress.title}>
      <div className={s.total}>
        <Text id={totalId}>{f(t.progress.answered, { answered: done, total: inScope.length })}</Text>
        <ProgressBar {...values(done, inScope.length)} thickness="large" aria-labelledby={totalId} />
      </div>
      {rows(byLevel, t.progress.byLevel)}
      {rows(byArea, t.progress.byArea)}
    </Section>
  );
}
