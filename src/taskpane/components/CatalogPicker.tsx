import { Field, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { CatalogChoice } from '../model';
import { useText } from './useText';

const useStyles = makeStyles({
  // The label wraps in full at 320 px: a catalog's name is long ("It-säkkollen – egen tolkning efter MSBFS 2020:7").
  label: { display: 'flex', flexDirection: 'column' },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface CatalogPickerProps {
  readonly catalogs: readonly CatalogChoice[];
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly disabled?: boolean;
}

/** "Infoga frågeformulär" lets the user pick the catalog (issue 12): one radio per catalog, with its size in words. */
export function CatalogPicker({ catalogs, value, onChange, disabled }: CatalogPickerProps) {
  const s = useStyles();
  const { t, f, locale } = useText();
  return (
    <Field label={t.catalog.pick}>
      <RadioGroup value={value} onChange={(_, data) => onChange(data.value)} disabled={disabled}>
        {catalogs.map((c) => (
          <Radio
            key={c.id}
            value={c.id}
            label={
              <span className={s.label}>
                <span>{c.name[locale]}</span>
                <span className={s.detail}>
                  {c.model === 'stammer-mean-v1' ? f(t.catalog.statements, { count: c.items, areas: c.areas }) : f(t.catalog.questions, { count: c.items })}
                </span>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </Field>
  );
}
