import { Caption1, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { WorkbookSummary } from '../host';
import { Section } from './Section';
import { useText } from './useText';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  sheet: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  withCharts: { ...shorthands.borderColor(tokens.colorBrandStroke2), backgroundColor: tokens.colorBrandBackground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Read-only: the in-memory workbook's sheets and charts, so a tester sees what a run wrote. */
export function WorkbookPreview({ summary }: { readonly summary: WorkbookSummary }) {
  const s = useStyles();
  const { t, f } = useText();
  const charts = summary.sheets.reduce((n, sh) => n + sh.charts.length, 0);
  return (
    <Section title={t.workbook.title}>
      <Caption1 className={s.muted}>
        {f(t.workbook.sheets, { count: summary.sheets.length })} · {charts === 0 ? t.workbook.noCharts : f(t.workbook.charts, { count: charts })}
        {summary.selection && <> · {f(t.workbook.selection, { cell: summary.selection })}</>}
      </Caption1>
      <ul className={s.list} aria-label={t.workbook.title}>
        {summary.sheets.map((sh) => (
          <li key={sh.name} className={mergeClasses(s.sheet, sh.charts.length > 0 && s.withCharts)}>
            {sh.name}
            {sh.charts.length > 0 && ` · ${f(t.workbook.charts, { count: sh.charts.length })}`}
          </li>
        ))}
      </ul>
    </Section>
  );
}
