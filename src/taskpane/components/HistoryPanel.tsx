import { useEffect, useState } from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import { describeIssue } from '../../i18n';
import type { CompareOutcome, FollowUpActions, FollowUpState, SaveOutcome } from '../followUp';
import type { Refusal } from '../model';
import { ComparisonView } from './ComparisonView';
import { RefusalBar } from './RefusalBar';
import { Section } from './Section';
import { useFollowUpText } from './useFollowUpText';

const useStyles = makeStyles({
  // A long option would widen the select past a 320 px pane: the field may shrink below its content.
  field: { minWidth: 0, maxWidth: '100%' },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  body: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, overflowWrap: 'normal' },
});

export interface HistoryPanelProps {
  readonly actions: Pick<FollowUpActions, 'save' | 'compareWith'>;
  readonly catalog: Catalog;
  readonly state: FollowUpState | null;
  /** Another follow-up action runs: the buttons wait. */
  readonly disabled: boolean;
  /** Says a result in the pane's live region. */
  readonly announce: (text: string) => void;
  readonly onBusy: (busy: boolean) => void;
  /** Something was written: read the saved measurements again, refresh the preview. */
  readonly onWritten: () => void;
  readonly onFailure: (error: unknown) => void;
}

type Message = { intent: 'success' | 'info' | 'error' | 'warning'; text: string };

/** "Spara mätning" and "Jämför med tidigare mätning" (issue 10). */
export function HistoryPanel({ actions, catalog, state, disabled, announce, onBusy, onWritten, onFailure }: HistoryPanelProps) {
  const s = useStyles();
  const { t, f, u, locale } = useFollowUpText();
  const [busy, setBusy] = useState<'saving' | 'comparing' | null>(null);
  const [replaceDate, setReplaceDate] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [compared, setCompared] = useState<Extract<CompareOutcome, { kind: 'compared' }> | null>(null);
  const comparable = (state?.saved ?? []).filter((m) => m.comparable);
  const [date, setDate] = useState('');
  // The latest comparable measurement is picked until the user picks another.
  useEffect(() => {
    if (!comparable.some((m) => m.date === date)) setDate(comparable.length ? comparable[comparable.length - 1].date : '');
  }, [comparable, date]);
  const level = (n: number | undefined) => (n === undefined ? '' : n === 0 ? t.result.belowLevel1 : f(t.result.level, { level: n }));

  const work = async <T,>(kind: 'saving' | 'comparing', fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(kind);
    onBusy(true);
    setMessage(null);
    setRefusal(null);
    announce(kind === 'saving' ? u.history.saving : u.history.comparing);
    try {
      return await fn();
    } catch (error) {
      announce('');
      onFailure(error);
      return undefined;
    } finally {
      setBusy(null);
      onBusy(false);
    }
  };

  const save = async (replace = false) => {
    setReplaceDate(null);
    const outcome: SaveOutcome | undefined = await work('saving', () => actions.save(replace));
    if (!outcome) return;
    if (outcome.kind === 'confirm-replace') {
      announce('');
      setReplaceDate(outcome.date);
    } else if (outcome.kind === 'refused') {
      announce('');
      setMessage({ intent: 'error', text: describeIssue(outcome.issue, locale) });
    } else if (outcome.kind === 'blocked') {
      announce('');
      setRefusal(outcome.refusal);
    } else {
      const text = f(outcome.replaced ? u.history.replacedSaved : u.history.saved, { date: outcome.date, row: outcome.row, level: level(outcome.level), points: outcome.totalPoints });
      setMessage({ intent: 'success', text });
      announce(text);
      onWritten();
    }
  };

  const compare = async () => {
    const outcome = await work('comparing', () => actions.compareWith(date));
    if (!outcome) return;
    if (outcome.kind === 'compared') {
      setCompared(outcome);
      setMessage({ intent: 'success', text: u.comparison.written });
      announce(`${f(u.comparison.announce, { date: outcome.fromDate, from: level(outcome.comparison.from.level), to: level(outcome.comparison.to.level) })} ${outcome.why}`);
      onWritten();
      return;
    }
    announce('');
    setCompared(null);
    if (outcome.kind === 'blocked') setRefusal(outcome.refusal);
    else if (outcome.kind === 'refused') setMessage({ intent: 'error', text: describeIssue(outcome.issue, locale) });
    else if (outcome.kind === 'mismatch') setMessage({ intent: 'error', text: f(u.history.mismatch, { from: outcome.from, to: outcome.to }) });
    else setMessage({ intent: 'error', text: f(u.history.missing, { date: outcome.date, saved: outcome.saved.join(', ') || '–' }) });
  };

  const off = disabled || busy !== null || replaceDate !== null;
  return (
    <Section title={u.history.title}>
      <Text className={s.body}>{u.history.body}</Text>
      <div className={s.actions}>
        <Button className={s.grow} appearance="secondary" onClick={() => void save()} disabledFocusable={off}>
          {u.history.save}
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={busy === 'saving' ? u.history.saving : u.history.comparing} />}
      {replaceDate && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{f(u.history.replaceQuestion, { date: replaceDate })}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" onClick={() => void save(true)}>
              {u.history.replace}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setReplaceDate(null);
                setMessage({ intent: 'info', text: u.history.cancelled });
                announce(u.history.cancelled);
              }}
            >
              {u.history.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {refusal && <RefusalBar refusal={refusal} />}
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {state && state.historyIssues.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{f(u.history.skippedRows, { cells: state.historyIssues.map((i) => `${i.sheet}!${i.cell}`).join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      {state && state.saved.length === 0 ? (
        <Text className={s.body}>{u.history.none}</Text>
      ) : (
        <>
          <Field className={s.field} label={u.history.picker}>
            <Select className={s.field} value={date} onChange={(_, data) => setDate(data.value)}>
              {(state?.saved ?? []).map((m) => (
                <option key={`${m.date}-${m.row}`} value={m.date} disabled={!m.comparable}>
                  {m.comparable
                    ? f(u.history.option, { date: m.date, level: level(m.level), points: m.totalPoints ?? '' })
                    : f(u.history.otherCatalog, { date: m.date, catalog: m.catalog })}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.actions}>
            <Button className={s.grow} appearance="secondary" onClick={() => void compare()} disabledFocusable={off || !date}>
              {u.history.compare}
            </Button>
          </div>
        </>
      )}
      {compared && <ComparisonView catalog={catalog} comparison={compared.comparison} fromDate={compared.fromDate} why={compared.why} />}
    </Section>
  );
}
