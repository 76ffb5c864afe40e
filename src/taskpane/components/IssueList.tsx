import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { describeIssue } from '../../i18n';
import type { LocatedIssue } from '../../workbook/read';
import { useText } from './useText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  heading: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  dot: { width: '8px', height: '8px', borderRadius: '50%', flexShrink: 0 },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: {
    display: 'flex',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
    flexDirection: 'column',
    rowGap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '3px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  errorItem: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warningItem: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  where: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  details: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

export interface IssueListProps {
  readonly issues: readonly LocatedIssue[];
  /** Selects the offending cell in the workbook. */
  readonly onSelect: (sheet: string, cell: string) => void;
}

/** Input errors (open) and warnings (folded), each a button that selects its cell when it has one. */
export function IssueList({ issues, onSelect }: IssueListProps) {
  const s = useStyles();
  const { t, f, locale } = useText();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (issues.length === 0) return null;

  const items = (list: readonly LocatedIssue[], kind: 'error' | 'warning') => (
    <ul className={s.list}>
      {list.map((issue, i) => {
        // Worded without the place: the place is shown apart, as the link target.
        const text = describeIssue({ ...issue, cell: undefined }, locale);
        const tone = kind === 'error' ? s.errorItem : s.warningItem;
        const { sheet, cell } = issue;
        return (
          <li key={`${issue.code}-${issue.sheet}-${issue.cell}-${i}`}>
            {sheet && cell ? (
              <button
                type="button"
                className={mergeClasses(s.item, s.clickable, tone)}
                onClick={() => onSelect(sheet, cell)}
              >
                <span className={s.where}>
                  {sheet}!{cell}
                </span>
                <span>{text}</span>
              </button>
            ) : (
              <div className={mergeClasses(s.item, tone)}>{text}</div>
            )}
          </li>
        );
      })}
    </ul>
  );

  const count = (n: number, one: string, many: string) => (n === 1 ? one : f(many, { count: n }));
  return (
    <div className={s.root}>
      {errors.length > 0 && (
        <>
          {/* h2: the list sits directly in <main>, beside the sections, after the h1 of the header. */}
          <Text as="h2" className={s.heading}>
            <span className={mergeClasses(s.dot, s.error)} aria-hidden />
            {count(errors.length, t.issues.errorsOne, t.issues.errors)}
          </Text>
          <Caption1 className={s.hint}>
            {t.issues.countedAsUnanswered} {t.issues.clickHint}
          </Caption1>
          {items(errors, 'error')}
        </>
      )}
      {warnings.length > 0 && (
        <details className={s.details} open={errors.length === 0 && warnings.length <= 3}>
          <summary className={s.summary}>
            <span className={mergeClasses(s.dot, s.warning)} style={{ display: 'inline-block', marginRight: 8 }} aria-hidden />
            {count(warnings.length, t.issues.warningsOne, t.issues.warnings)}
          </summary>
          {items(warnings, 'warning')}
        </details>
      )}
    </div>
  );
}
