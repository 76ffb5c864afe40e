import { Field, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import { NARROW_PANE } from '../theme';
import { useText } from './useText';

/**
 * A native select shows its chosen option on one line, so a long area name ("Analys och hantering av
 * informationssäkerhetsrisker") was cut off in a 320 px pane. The chosen name is drawn in a box
 * that wraps, with the native select stretched invisibly over it: the select still takes the
 * clicks, the keys, the focus and the screen reader, and its popup lists every name in full.
 */
const useStyles = makeStyles({
  box: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    minHeight: '32px',
    boxSizing: 'border-box',
    padding: `5px 32px 5px ${tokens.spacingHorizontalM}`,
    [NARROW_PANE]: { paddingLeft: tokens.spacingHorizontalS, paddingRight: '28px' },
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ':hover': { ...shorthands.borderColor(tokens.colorNeutralStroke1Hover), borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    // The select is invisible, so its box shows the focus: keyboard and mouse alike.
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  native: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: '100%',
    margin: 0,
    opacity: 0,
    cursor: 'pointer',
    font: 'inherit',
  },
  chevron: { position: 'absolute', right: tokens.spacingHorizontalS, top: '50%', marginTop: '-8px', pointerEvents: 'none' },
});

export interface AreaFilterProps {
  readonly catalog: Catalog;
  /** '' = all areas */
  readonly value: string;
  readonly onChange: (area: string) => void;
}

/** Filters the progress and the result's area list by work area (asked for by MSB). */
export function AreaFilter({ catalog, value, onChange }: AreaFilterProps) {
  const s = useStyles();
  const { t, locale } = useText();
  const shown = catalog.areas.find((a) => a.id === value)?.name[locale] ?? t.filter.all;
  return (
    <Field label={t.filter.label}>
      {(control) => (
        <div className={s.box}>
          {/* Drawn for the eye only: the select below says the same to assistive technology. */}
          <span aria-hidden>{shown}</span>
          <select {...control} className={s.native} value={value} onChange={(event) => onChange(event.target.value)}>
            <option value="">{t.filter.all}</option>
            {catalog.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name[locale]}
              </option>
            ))}
          </select>
          <svg className={s.chevron} width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.25" aria-hidden focusable="false">
            <path d="M4 6l4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
      )}
    </Field>
  );
}
