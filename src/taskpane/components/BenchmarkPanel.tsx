import { useId } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { BenchmarkComparison } from '../../core/benchmark/compare';
import { GROUP_IDS, GROUP_LABELS, type GroupId } from '../../core/benchmark/groups';
import type { Catalog } from '../../core/catalog/types';
import type { BenchmarkRead } from '../followUp';
import { Section } from './Section';
import { useFollowUpText } from './useFollowUpText';

const useStyles = makeStyles({
  // A long option would widen the select past a 320 px pane: the field may shrink below its content.
  field: { minWidth: 0, maxWidth: '100%' },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  body: { color: tokens.colorNeutralForeground2 },
  file: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  // The native file input keeps its keyboard and screen-reader behaviour; it only shrinks to the pane.
  input: { maxWidth: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, overflowWrap: 'normal' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface BenchmarkPanelProps {
  readonly loaded: Extract<BenchmarkRead, { kind: 'ok' }> | null;
  readonly group: string;
  readonly onGroupChange: (group: string) => void;
  /** The user picked a file on disk; the container reads it (FileReader). */
  readonly onFile: (file: File) => void;
  readonly onCompare: () => void;
  readonly disabled: boolean;
  readonly result: { readonly comparison: BenchmarkComparison; readonly insteadOf?: GroupId; readonly source: string; readonly date: string } | null;
  readonly catalog: Catalog;
}

/** "Jämför med benchmark" (issue 11): a benchmark file from disk, a group, and the comparison. */
export function BenchmarkPanel({ loaded, group, onGroupChange, onFile, onCompare, disabled, result, catalog }: BenchmarkPanelProps) {
  const s = useStyles();
  const { t, f, u, locale } = useFollowUpText();
  const inputId = useId();
  const level = (n: number) => (n === 0 ? t.result.belowLevel1 : f(t.result.level, { level: n }));
  const file = loaded?.benchmark.file;
  const shown = (id: GroupId) => {
    const g = file?.groups.find((x) => x.id === id);
    return !!g && !g.refused && !!g.answers;
  };
  return (
    <Section title={u.benchmark.title}>
      <Text className={s.body}>{u.benchmark.body}</Text>
      <div className={s.file}>
        <label htmlFor={inputId} className={s.label}>
          {u.benchmark.file}
        </label>
        <input
          id={inputId}
          className={s.input}
          type="file"
          accept=".json,application/json"
          disabled={disabled}
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0];
            if (picked) onFile(picked);
          }}
        />
      </div>
      {file && loaded && (
        <>
          <Text>{f(u.benchmark.loaded, { name: loaded.name, source: file.source, date: file.date, members: file.members })}</Text>
          <Field className={s.field} label={u.benchmark.group}>
            <Select className={s.field} value={group} onChange={(_, data) => onGroupChange(data.value)}>
              <option value="">{u.benchmark.ownGroup}</option>
              {GROUP_IDS.map((id) => (
                <option key={id} value={id} disabled={!shown(id)}>
                  {shown(id) ? GROUP_LABELS[id][locale] : f(u.benchmark.refusedGroup, { label: GROUP_LABELS[id][locale] })}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.actions}>
            <Button className={s.grow} appearance="secondary" onClick={onCompare} disabledFocusable={disabled}>
              {u.benchmark.compare}
            </Button>
          </div>
        </>
      )}
      {result && <BenchmarkView comparison={result.comparison} insteadOf={result.insteadOf} catalog={catalog} />}
    </Section>
  );
}

function BenchmarkView({ comparison: c, insteadOf }: { readonly comparison: BenchmarkComparison; readonly insteadOf?: GroupId; readonly catalog: Catalog }) {
  const s = useStyles();
  const { t, f, u, locale } = useFollowUpText();
  const level = (n: number) => (n === 0 ? t.result.belowLevel1 : f(t.result.level, { level: n }));
  const label = GROUP_LABELS[c.group as GroupId]?.[locale] ?? c.group;
  const ahead = c.ahead.slice(0, 12).map((q) => `F${q.number}`).join(', ') + (c.ahead.length > 12 ? ' …' : '');
  return (
    <div className={s.stack} data-testid="benchmark-result">
      {insteadOf && <Text as="p">{f(u.benchmark.insteadOf, { own: GROUP_LABELS[insteadOf][locale], used: label })}</Text>}
      <Text as="h3" className={s.heading}>
        {f(u.benchmark.resultTitle, { group: label, members: c.members })}
      </Text>
      <ul className={s.list}>
        <li>{f(u.benchmark.levelLine, { ours: level(c.level.organisation), theirs: level(c.level.group) })}</li>
        <li>{f(u.benchmark.rank, { below: c.levelRank.below, same: c.levelRank.same, above: c.levelRank.above })}</li>
        <li>{f(u.benchmark.pointsLine, { ours: c.totalPoints.organisation, theirs: c.totalPoints.group })}</li>
        <li>{f(u.benchmark.position, { position: u.benchmark.positions[c.totalPoints.position] })}</li>
        <li>{c.ahead.length ? f(u.benchmark.ahead, { count: c.ahead.length, questions: ahead }) : u.benchmark.aheadNone}</li>
      </ul>
    </div>
  );
}
