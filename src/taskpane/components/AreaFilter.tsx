import { Field, Select } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import { useText } from './useText';

export interface AreaFilterProps {
  readonly catalog: Catalog;
  /** '' = all areas */
  readonly value: string;
  readonly onChange: (area: string) => void;
}

/** Filters the progress and the result's area list by work area (asked for by MSB). */
export function AreaFilter({ catalog, value, onChange }: AreaFilterProps) {
  const { t, locale } = useText();
  return (
    <Field label={t.filter.label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
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
