import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '../../core/benchmark/groups';
import type { Catalog } from '../../core/catalog/types';
import { parseTargetText, targetText } from '../../core/targets/parse';
import type { TargetPath } from '../../core/targets/target';
import { Section } from './Section';
import { useFollowUpText } from './useFollowUpText';

const useStyles = makeStyles({
  // A long option would widen the select past a 320 px pane: the field may shrink below its content.
  field: { minWidth: 0, maxWidth: '100%' },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, overflowWrap: 'normal' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: { color: tokens.colorNeutralForeground2 },
});

/** The picker's value for a target text: "nästa", "nivå 3", a group id or "föreskrift" (as the workbook remembers it). */
export function targetValue(text: string | undefined, maxLevel: number): string {
  const choice = text ? parseTargetText(text, maxLevel) : undefined;
  return choice ? targetText(choice) : 'nästa';
}

export interface TargetPickerProps {
  readonly catalog: Catalog;
  /** The chosen target as text (see targetValue). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Groups whose answers are at hand (the picked benchmark file, or the Benchmark sheet). */
  readonly groups: readonly GroupId[];
  readonly onShow: () => void;
  readonly disabled: boolean;
  readonly path: { readonly path: TargetPath; readonly label: string; readonly note?: string } | null;
  /** The target the workbook remembers, said once when it is restored. */
  readonly remembered?: string;
}

/** "Mål: nivå 3 · som typkommun · 30 bästa kommunerna · MSBFS 2020:6" and the path to it (issue 11). */
export function TargetPicker({ catalog, value, onChange, groups, onShow, disabled, path, remembered }: TargetPickerProps) {
  const s = useStyles();
  const { f, u, locale } = useFollowUpText();
  const levels = Array.from({ length: catalog.maxLevel }, (_, i) => i + 1);
  return (
    <Section title={u.target.title}>
      {remembered && <Text className={s.body}>{f(u.target.remembered, { target: remembered })}</Text>}
      <Field className={s.field} label={u.target.picker}>
        <Select className={s.field} value={value} onChange={(_, data) => onChange(data.value)}>
          <option value="nästa">{u.target.next}</option>
          {levels.map((n) => (
            <option key={n} value={`nivå ${n}`}>
              {f(u.target.level, { level: n })}
            </option>
          ))}
          {GROUP_IDS.map((id) => (
            <option key={id} value={id} disabled={!groups.includes(id) && value !== id}>
              {f(groups.includes(id) ? u.target.group : u.target.groupNeedsFile, { group: GROUP_LABELS[id][locale].toLowerCase() })}
            </option>
          ))}
          <option value="föreskrift">{u.target.regulation}</option>
        </Select>
      </Field>
      <div className={s.actions}>
        <Button className={s.grow} appearance="secondary" onClick={onShow} disabledFocusable={disabled}>
          {u.target.show}
        </Button>
      </div>
      {path && <TargetPathView {...path} />}
    </Section>
  );
}

function TargetPathView({ path: p, label, note }: { readonly path: TargetPath; readonly label: string; readonly note?: string }) {
  const s = useStyles();
  const { f, u } = useFollowUpText();
  const numbers = (list: readonly (number | string)[]) => list.map((n) => (typeof n === 'number' ? `F${n}` : `${n} §`)).join(', ');
  return (
    <div className={s.stack} data-testid="target-path">
      <Text as="h3" className={s.heading}>
        {f(u.target.pathTitle, { target: label })}
      </Text>
      {note && <Text as="p">{note}</Text>}
      {!p.reachable ? (
        <Text as="p">{u.target.unreachable}</Text>
      ) : p.reached ? (
        <Text as="p">{u.target.reached}</Text>
      ) : (
        <Text as="p" data-testid="target-summary">
          {f(u.target.summary, { measures: p.cheapestAdditionalMeasures, questions: p.steps.length })}
        </Text>
      )}
      {p.steps.length > 0 && (
        <>
          <Text as="h4" className={s.heading}>
            {u.target.steps}
          </Text>
          <ul className={s.list}>
            {p.steps.map((step) => (
              <li key={step.number}>
                {[
                  f(u.target.step, { number: step.number, from: step.fromPoints, to: step.toPoints }),
                  step.untick.length ? f(u.target.untick, { options: step.untick.join(', ') }) : '',
                  step.tick.length ? f(u.target.tick, { options: step.tick.join(', ') }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.makeCertain.length > 0 && <Text as="p">{f(u.target.makeCertain, { questions: numbers(p.makeCertain) })}</Text>}
      {p.paragraphs && p.paragraphs.closed.length > 0 && <Text as="p">{f(u.target.closed, { paragraphs: numbers(p.paragraphs.closed) })}</Text>}
      {p.paragraphs && p.paragraphs.open.length > 0 && <Text as="p">{f(u.target.open, { paragraphs: numbers(p.paragraphs.open) })}</Text>}
    </div>
  );
}
