import { useId } from 'react';
import { ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../../core/scoring/progress';
import type { StammerCatalog } from '../../core/stammer/types';
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
  // As ProgressPanel: the name beside its bar, or above it when the pane is narrow; names wrap in full.
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: '2px', fontSize: tokens.fontSizeBase200 },
  label: { flex: '1 1 120px', minWidth: 0 },
  meter: { flex: '0 0 112px', marginLeft: 'auto', display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
  ratio: { flexShrink: 0, minWidth: '40px', textAlign: 'right', fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
});

/** How far a form of statements is filled in (issue 12): per work area, there are no levels of questions. */
export function AreaProgressPanel({ catalog, progress }: { readonly catalog: StammerCatalog; readonly progress: Progress }) {
  const s = useStyles();
  const { t, f, locale } = useText();
  const totalId = useId();
  const values = (answered: number, total: number) => ({
    value: answered,
    max: Math.max(total, 1),
    'aria-valuetext': f(t.statements.answered, { answered, total }),
  });
  return (
    <Section title={t.progress.title}>
      <div className={s.total}>
        <Text id={totalId}>{f(t.statements.answered, { answered: progress.answered, total: progress.total })}</Text>
        <ProgressBar {...values(progress.answered, progress.total)} thickness="large" aria-labelledby={totalId} />
      </div>
      <Text as="h3" className={s.groupTitle}>
        {t.progress.byArea}
      </Text>
      <ul className={s.rows} aria-label={t.progress.byArea}>
        {progress.byArea.map((g) => {
          const label = catalog.area(g.key)?.name[locale] ?? g.key;
          return (
            <li key={g.key} className={s.row}>
              <span className={s.label}>{label}</span>
              <span className={s.meter}>
                <ProgressBar {...values(g.answered, g.total)} className={s.bar} thickness="large" color={g.answered === g.total ? 'success' : 'brand'} aria-label={label} />
                <span className={s.ratio}>{f(t.progress.ratio, { answered: g.answered, total: g.total })}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
