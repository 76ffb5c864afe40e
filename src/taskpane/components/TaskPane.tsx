import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { RefreshIcon } from './icons';
import { describeIssue } from '../../i18n';
import type { WorkbookSummary } from '../host';
import type { PaneLocale } from '../i18n';
import type { LocatedIssue } from '../../workbook/read';
import { PaneError, type Computed, type ComputeStep, type PaneActions, type Refusal, type Stage, type WorkbookState } from '../model';
import { AreaFilter } from './AreaFilter';
import { ConfirmBar } from './ConfirmBar';
import { FailureBar, type Failure } from './FailureBar';
import { Header } from './Header';
import { IssueList } from './IssueList';
import { ProgressPanel } from './ProgressPanel';
import { RefusalBar } from './RefusalBar';
import { ResultView } from './ResultView';
import { Section } from './Section';
import { useText } from './useText';
import { WorkbookPreview } from './WorkbookPreview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3 },
  actionBlock: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'stretch' },
  primary: { flexGrow: 1 },
  // Always in the DOM (a live region must exist before it speaks), taking space only when it has text.
  status: { ':not(:empty)': { paddingTop: tokens.spacingVerticalS } },
  notice: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  body: { color: tokens.colorNeutralForeground2 },
});

type Busy = 'loading' | 'inserting' | ComputeStep;
type Notice = { kind: 'inserted' } | { kind: 'written'; sheets: readonly string[] } | { kind: 'cancelled' };

export interface TaskPaneProps {
  readonly actions: PaneActions;
  readonly onLocaleChange: (locale: PaneLocale) => void;
  /** Preview only: what the in-memory workbook holds now. */
  readonly summary?: () => WorkbookSummary;
}

function toFailure(error: unknown, fallback: Stage, retry?: () => void): Failure & { retry?: () => void } {
  return error instanceof PaneError ? { stage: error.stage, error: error.cause, retry } : { stage: fallback, error, retry };
}

/** The whole pane: inspects the workbook, then offers insert or compute, and shows the outcome. */
export function TaskPane({ actions, onLocaleChange, summary }: TaskPaneProps) {
  const s = useStyles();
  const { t, f, locale } = useText();
  const [state, setState] = useState<WorkbookState | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<(Failure & { retry?: () => void }) | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The write would drop the user's objects: the pane asks before writing (nothing written yet).
  const [confirm, setConfirm] = useState<readonly LocatedIssue[] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [area, setArea] = useState('');
  const [snapshot, setSnapshot] = useState<WorkbookSummary | null>(() => summary?.() ?? null);
  const refreshSummary = useCallback(() => setSnapshot(summary?.() ?? null), [summary]);

  const inspect = useCallback(async () => {
    setBusy('loading');
    setFailure(null);
    try {
      setState(await actions.inspect());
    } catch (error) {
      setFailure(toFailure(error, 'read', () => void inspect()));
    } finally {
      setBusy(null);
      refreshSummary();
    }
  }, [actions, refreshSummary]);

  useEffect(() => {
    void inspect();
  }, [inspect]);

  const insert = async () => {
    setBusy('inserting');
    setFailure(null);
    setNotice(null);
    setRefusal(null);
    try {
      const outcome = await actions.insertQuestionnaire();
      if (outcome.kind === 'blocked') {
        setRefusal(outcome.refusal);
      } else if (outcome.kind === 'conflict') {
        setState((prev) => ({ kind: 'conflict', sheetNames: prev?.sheetNames ?? [], conflicting: outcome.conflicting }));
      } else {
        setState(outcome.state);
        setComputed(null);
        setNotice({ kind: 'inserted' });
      }
    } catch (error) {
      setFailure(toFailure(error, 'insert', () => void insert()));
    } finally {
      setBusy(null);
      refreshSummary();
    }
  };

  const compute = async (allowDropped?: readonly LocatedIssue[]) => {
    setBusy('reading');
    setFailure(null);
    setNotice(null);
    setConfirm(null);
    setRefusal(null);
    try {
      const outcome = await actions.compute((step) => setBusy(step), { allowDropped });
      if (outcome.kind === 'confirm') {
        setConfirm(outcome.dropped);
      } else if (outcome.kind === 'blocked') {
        setRefusal(outcome.refusal);
      } else if (outcome.kind === 'foreign') {
        setState((prev) => ({ kind: 'foreign', sheetNames: prev?.sheetNames ?? [], issue: outcome.issue }));
        setComputed(null);
      } else {
        setComputed(outcome);
        setState((prev) => (prev?.kind === 'questionnaire' ? { ...prev, progress: outcome.progress, issues: outcome.issues } : prev));
        setNotice({ kind: 'written', sheets: outcome.written });
      }
    } catch (error) {
      setFailure(toFailure(error, 'read', () => void compute(allowDropped)));
    } finally {
      setBusy(null);
      refreshSummary();
    }
  };

  const select = (sheet: string, cell: string) => {
    actions
      .select(sheet, cell)
      .then(refreshSummary)
      .catch((error: unknown) => setFailure({ ...toFailure(error, 'select'), stage: 'select', sheet, cell }));
  };

  const busyText =
    busy === null
      ? null
      : { loading: t.start.loading, inserting: t.start.inserting, reading: t.compute.reading, computing: t.compute.computing, writing: t.compute.writing }[busy];
  const status = (
    <div className={s.status} role="status" aria-live="polite">
      {busyText && <Spinner size="tiny" labelPosition="after" label={busyText} />}
    </div>
  );
  const refresh = (
    <Tooltip content={t.progress.refresh} relationship="label" withArrow>
      <Button appearance="secondary" size="large" icon={<RefreshIcon />} onClick={() => void inspect()} disabled={busy !== null} />
    </Tooltip>
  );

  return (
    <div className={s.root}>
      <Header preview={actions.mode === 'preview'} onLocaleChange={onLocaleChange} />
      <main className={s.main} aria-busy={busy !== null}>
        {actions.mode === 'preview' && <Caption1 className={s.hint}>{t.app.previewHint}</Caption1>}
        {failure && <FailureBar failure={failure} onRetry={failure.retry} onDismiss={() => setFailure(null)} />}
        {refusal && <RefusalBar refusal={refusal} />}

        {state === null && status}

        {state?.kind === 'empty' && (
          <Section title={t.start.emptyTitle}>
            <Text className={s.body}>{f(t.start.emptyBody, { questions: state.questions })}</Text>
            <Button appearance="primary" size="large" onClick={() => void insert()} disabled={busy !== null}>
              {t.start.insert}
            </Button>
            {status}
          </Section>
        )}

        {state?.kind === 'conflict' && (
          <>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t.start.emptyTitle}</MessageBarTitle>
                {f(t.start.conflict, { sheets: state.conflicting.join(', ') })}
              </MessageBarBody>
            </MessageBar>
            <div className={s.actions}>{refresh}</div>
            {status}
          </>
        )}

        {state?.kind === 'foreign' && (
          <>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{describeIssue(state.issue, locale)}</MessageBarBody>
            </MessageBar>
            <div className={s.actions}>{refresh}</div>
            {status}
          </>
        )}

        {state?.kind === 'questionnaire' && (
          <>
            <div className={s.actionBlock}>
              <div className={s.actions}>
                <Button className={s.primary} appearance="primary" size="large" onClick={() => void compute()} disabled={busy !== null || confirm !== null}>
                  {t.compute.button}
                </Button>
                {refresh}
              </div>
              {status}
            </div>
            {confirm && (
              <ConfirmBar
                dropped={confirm}
                disabled={busy !== null}
                onProceed={() => void compute(confirm)}
                onCancel={() => {
                  setConfirm(null);
                  setNotice({ kind: 'cancelled' });
                }}
              />
            )}
            {notice && (
              <MessageBar intent={notice.kind === 'cancelled' ? 'info' : 'success'} layout="multiline">
                <MessageBarBody className={s.notice}>
                  {notice.kind === 'inserted'
                    ? t.start.inserted
                    : notice.kind === 'cancelled'
                      ? t.confirm.cancelled
                      : f(t.compute.written, { sheets: notice.sheets.join(', ') })}
                </MessageBarBody>
                <MessageBarActions containerAction={<Button size="small" appearance="transparent" aria-label={t.failure.dismiss} onClick={() => setNotice(null)}>×</Button>} />
              </MessageBar>
            )}
            <AreaFilter catalog={state.catalog} value={area} onChange={setArea} />
            <IssueList issues={computed ? computed.issues : state.issues} onSelect={select} />
            {computed && <ResultView catalog={computed.catalog} result={computed.result} area={area} />}
            <ProgressPanel catalog={state.catalog} progress={computed ? computed.progress : state.progress} area={area} />
          </>
        )}

        {snapshot && <WorkbookPreview summary={snapshot} />}
      </main>
    </div>
  );
}
