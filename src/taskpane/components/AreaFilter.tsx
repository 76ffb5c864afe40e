import { Field, Select, makeStyles } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import { useText } from './useText';

const useStyles = makeStyles({
  // A native select sizes to its longest option: keep it inside the pane and let the text ellipsize.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%', maxWidth: '100%' },
  control: { minWidth: 0, textOverflow: 'ellipsis' },
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
  return (
    <Field label={t.filter.label} className={s.field}>
      <Select className={s.select} select={{ className: s.control }} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t.filter.all}</option>
        {catalog.areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name[locale]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
