import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  messageBarBodyClassNames,
  messageBarClassNames,
  tokens,
} from '@fluentui/react-components';
import { DismissIcon, RefreshIcon } from './icons';
import { describeIssue } from '../../i18n';
import type { WorkbookSummary } from '../host';
import type { PaneLocale } from '../i18n';
import type { LocatedIssue } from '../../workbook/read';
import { PaneError, type Computed, type ComputeStep, type PaneActions, type Refusal, type Stage, type WorkbookState } from '../model';
import { AboutCatalog } from './AboutCatalog';
import { AreaFilter } from './AreaFilter';
import { AreaProgressPanel } from './AreaProgressPanel';
import { CatalogPicker } from './CatalogPicker';
import { ExportMenu } from './ExportMenu';
import { StammerResultView } from './StammerResultView';
import { ConfirmBar } from './ConfirmBar';
import { FailureBar, type Failure } from './FailureBar';
// The follow-up panels are opened on demand: their code loads with them, not with the pane (issue 14).
const FollowUpPanels = lazy(() => import(/* webpackChunkName: "followup" */ './FollowUpPanels').then((m) => ({ default: m.FollowUpPanels })));
// The switch of "Säker kräver underlag" (issue 13) shows only with a result: its code loads with it.
// Issue 13: the path's cost and the målgraf, shown after a computation only.
const PlanPanels = lazy(() => import(/* webpackChunkName: "plan-panels" */ './PlanPanels').then((m) => ({ default: m.PlanPanels })));
const EvidenceSetting = lazy(() => import(/* webpackChunkName: "evidence" */ './EvidenceSetting').then((m) => ({ default: m.EvidenceSetting })));
import type { FollowUpActions } from '../followUp';
import { Header } from './Header';
import { IssueList } from './IssueList';
import { ProgressPanel } from './ProgressPanel';
import { RefusalBar } from './RefusalBar';
import { ResultView } from './ResultView';
import { Section } from './Section';
import { useText } from './useText';
import { formatHundredths } from '../../core/stammer/rounding';
import { WorkbookPreview } from './WorkbookPreview';
import { NARROW_PANE } from '../theme';

const useStyles = makeStyles({
  // Swedish compounds (informationssäkerhetsarbete) break at the pane's edge rather than push it wider
  // than 320 px or a 200 % zoomed pane: hyphenated where the browser has a dictionary for <html lang>.
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: 'anywhere',
    hyphens: 'auto',
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    [NARROW_PANE]: {
      padding: tokens.spacingHorizontalS,
      // A message bar's icon and paddings left its text 54 px at 200 % zoom: the text keeps the
      // width, the intent is still said by the text and the bar's colour and border.
      [`& .${messageBarClassNames.root}`]: { paddingLeft: tokens.spacingHorizontalS },
      [`& .${messageBarClassNames.icon}`]: { display: 'none' },
      [`& .${messageBarBodyClassNames.root}`]: { paddingRight: 0 },
    },
  },
  hint: { color: tokens.colorNeutralForeground3 },
  actionBlock: { display: 'flex', flexDirection: 'column' },
  // The refresh button goes below rather than squeeze "Beräkna resultat" into broken words.
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'stretch' },
  primary: { flexGrow: 1, overflowWrap: 'normal' },
  status: { paddingTop: tokens.spacingVerticalS },
  // Read by screen readers, not shown: the visible spinner and the result say the same to the eye.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    border: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  // tabIndex -1: where focus goes when the control that had it is gone and no action button is left.
  focusTarget: { ':focus': { outline: 'none' } },
  notice: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  body: { color: tokens.colorNeutralForeground2 },
});

type Busy = 'loading' | 'inserting' | ComputeStep;
// 'said': a text the follow-up panels word themselves (issues 10, 11), said in this one region.
type Announcement = Busy | 'computed' | 'reread' | 'inserted' | 'cancelled' | 'said';
type Notice = { kind: 'inserted' } | { kind: 'written'; sheets: readonly string[] } | { kind: 'cancelled' };

export interface TaskPaneProps {
  readonly actions: PaneActions;
  readonly onLocaleChange: (locale: PaneLocale) => void;
  /** Preview only: what the in-memory workbook holds now. */
  readonly summary?: () => WorkbookSummary;
  /** Saved measurements, benchmark and target (issues 10, 11); the panels are left out without it. */
  readonly followUp?: FollowUpActions;
}

function toFailure(error: unknown, fallback: Stage, retry?: () => void): Failure & { retry?: () => void } {
  return error instanceof PaneError ? { stage: error.stage, error: error.cause, retry } : { stage: fallback, error, retry };
}

/** The whole pane: inspects the workbook, then offers insert or compute, and shows the outcome. */
export function TaskPane({ actions, onLocaleChange, summary, followUp }: TaskPaneProps) {
  const s = useStyles();
  const { t, f, locale } = useText();
  // What the polite live region says: always in the DOM (a region added together with its text is
  // often not read), and it keeps the outcome after the work ends, so the result is heard.
  const [announcement, setAnnouncement] = useState<{ key: Announcement; params?: Record<string, string | number> } | null>(null);
  // Focus: the action button, or <main>, takes it when the element that had it is removed (a closed
  // message bar, the confirm bar after a choice, the insert button once the questionnaire is there).
  const primaryRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    const lost = lastFocused.current !== null && !lastFocused.current.isConnected;
    if (!lost || (document.activeElement && document.activeElement !== document.body)) return;
    lastFocused.current = null;
    (primaryRef.current ?? mainRef.current)?.focus();
  });
  const [state, setState] = useState<WorkbookState | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<(Failure & { retry?: () => void }) | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The write would drop the user's objects: the pane asks before writing (nothing written yet).
  const [confirm, setConfirm] = useState<readonly LocatedIssue[] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [area, setArea] = useState('');
  // The catalog "Infoga frågeformulär" inserts ('' = the first offered, the default).
  const [picked, setPicked] = useState('');
  const [snapshot, setSnapshot] = useState<WorkbookSummary | null>(() => summary?.() ?? null);
  const refreshSummary = useCallback(() => setSnapshot(summary?.() ?? null), [summary]);

  const inspect = useCallback(async (again = false) => {
    setBusy('loading');
    setFailure(null);
    if (again) setAnnouncement({ key: 'loading' });
    try {
      const next = await actions.inspect();
      setState(next);
      if (again) setAnnouncement(next.kind === 'questionnaire' ? { key: 'reread', params: { answered: next.progress.answeredQuestions.length } } : null);
    } catch (error) {
      setAnnouncement(null);
      setFailure(toFailure(error, 'read', () => void inspect(again)));
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
    setAnnouncement({ key: 'inserting' });
    try {
      const outcome = await actions.insertQuestionnaire(picked || undefined);
      // A refusal or a conflict is said by its own bar (role alert, or read with the page).
      setAnnouncement(null);
      if (outcome.kind === 'blocked') {
        setRefusal(outcome.refusal);
      } else if (outcome.kind === 'conflict') {
        setState((prev) => ({ kind: 'conflict', sheetNames: prev?.sheetNames ?? [], conflicting: outcome.conflicting }));
      } else {
        setState(outcome.state);
        setComputed(null);
        setNotice({ kind: 'inserted' });
        setAnnouncement({ key: 'inserted' });
      }
    } catch (error) {
      setAnnouncement(null);
      setFailure(toFailure(error, 'insert', () => void insert()));
    } finally {
      setBusy(null);
      refreshSummary();
    }
  };

  // The switch's choice the confirm bar is asking about, so "Skriv resultatet ändå" keeps it.
  const confirmEvidence = useRef<boolean | undefined>(undefined);
  const compute = async (allowDropped?: readonly LocatedIssue[], strictEvidence?: boolean) => {
    setBusy('reading');
    setFailure(null);
    setNotice(null);
    setConfirm(null);
    setRefusal(null);
    setAnnouncement({ key: 'reading' });
    try {
      const outcome = await actions.compute(
        (step) => {
          setBusy(step);
          setAnnouncement({ key: step });
        },
        { allowDropped, strictEvidence },
      );
      setAnnouncement(null);
      if (outcome.kind === 'confirm') {
        confirmEvidence.current = strictEvidence;
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
        const errors = outcome.issues.filter((i) => i.severity === 'error').length;
        if (outcome.model === 'stammer-mean-v1') {
          const { valueHundredths, level } = outcome.result;
          setAnnouncement({ key: 'computed', params: { errors, ...(valueHundredths === null || level === null ? {} : { value: valueHundredths, level }) } });
        } else {
          const { level, totalPoints, maxPoints } = outcome.result;
          setAnnouncement({ key: 'computed', params: { level, points: totalPoints, max: maxPoints, errors } });
        }
      }
    } catch (error) {
      setAnnouncement(null);
      setFailure(toFailure(error, 'read', () => void compute(allowDropped, strictEvidence)));
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

  const busyTexts = { loading: t.start.loading, inserting: t.start.inserting, reading: t.compute.reading, computing: t.compute.computing, writing: t.compute.writing };
  const busyText = busy === null ? null : busyTexts[busy];
  const insertedText = state?.kind === 'questionnaire' && state.model === 'stammer-mean-v1' ? t.catalog.insertedStatements : t.start.inserted;
  // Worded at render, so a language switch rewords it too.
  const announced = (() => {
    if (!announcement) return '';
    const p = announcement.params ?? {};
    switch (announcement.key) {
      case 'computed': {
        if (state?.kind === 'questionnaire' && state.model === 'stammer-mean-v1') {
          const errorsText = p.errors === 0 ? '' : ` ${p.errors === 1 ? t.issues.errorsOne : f(t.issues.errors, { count: p.errors })}.`;
          const info = state.catalog.levels.find((l) => l.level === p.level);
          const said =
            p.value === undefined || !info
              ? t.statements.announceNone
              : f(t.statements.announce, { value: formatHundredths(Number(p.value)), level: f(t.statements.levelName, { level: info.level, name: info.name[locale] }) });
          return `${said}${errorsText}`;
        }
        const level = p.level === 0 ? t.result.belowLevel1 : f(t.result.level, { level: p.level });
        const errors = p.errors === 0 ? '' : ` ${p.errors === 1 ? t.issues.errorsOne : f(t.issues.errors, { count: p.errors })}.`;
        // Short: the level first; which sheets were written is in the message bar for whoever wants it.
        return `${f(t.compute.announce, { level, points: p.points, max: p.max })}${errors}`;
      }
      case 'reread':
        return f(state?.kind === 'questionnaire' && state.model === 'stammer-mean-v1' ? t.statements.reread : t.progress.reread, {
          answered: p.answered,
          total: state?.kind === 'questionnaire' ? state.progress.total : 0,
        });
      case 'inserted':
        return insertedText;
      case 'cancelled':
        return t.confirm.cancelled;
      case 'said':
        return String(p.text ?? '');
      default:
        return busyTexts[announcement.key];
    }
  })();
  // The visible spinner is not live: the hidden region below says the same once.
  const status = busyText ? (
    <div className={s.status}>
      <Spinner size="tiny" labelPosition="after" label={busyText} />
    </div>
  ) : null;
  // disabledFocusable, not disabled, while the pane works: a disabled button drops focus to <body>.
  const refresh = (
    // Named by aria-label rather than a Tooltip: the tooltip's positioning code cost 13 kB of the first load (issue 14).
    <Button
      appearance="secondary"
      size="large"
      icon={<RefreshIcon />}
      aria-label={t.progress.refresh}
      onClick={() => void inspect(true)}
      disabledFocusable={busy !== null}
    />
  );

  return (
    <div
      className={s.root}
      onFocus={(event) => {
        lastFocused.current = event.target;
      }}
    >
      <Header preview={actions.mode === 'preview'} onLocaleChange={onLocaleChange} />
      <main className={mergeClasses(s.main, s.focusTarget)} ref={mainRef} tabIndex={-1}>
        <div className={s.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
          {announced}
        </div>
        {actions.mode === 'preview' && <Caption1 className={s.hint}>{t.app.previewHint}</Caption1>}
        {failure && <FailureBar failure={failure} onRetry={failure.retry} onDismiss={() => setFailure(null)} />}
        {refusal && <RefusalBar refusal={refusal} />}

        {state === null && status}

        {state?.kind === 'empty' && (
          <Section title={t.start.emptyTitle}>
            {state.catalogs && state.catalogs.length > 1 ? (
              <>
                <Text className={s.body}>{t.catalog.emptyBody}</Text>
                <CatalogPicker catalogs={state.catalogs} value={picked || state.catalogs[0].id} onChange={setPicked} disabled={busy !== null} />
              </>
            ) : (
              <Text className={s.body}>{f(t.start.emptyBody, { questions: state.questions })}</Text>
            )}
            <Button ref={primaryRef} appearance="primary" size="large" onClick={() => void insert()} disabledFocusable={busy !== null}>
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
                <Button
                  ref={primaryRef}
                  className={s.primary}
                  appearance="primary"
                  size="large"
                  onClick={() => void compute()}
                  disabledFocusable={busy !== null || confirm !== null}
                >
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
                onProceed={() => void compute(confirm, confirmEvidence.current)}
                onCancel={() => {
                  setConfirm(null);
                  setNotice({ kind: 'cancelled' });
                  setAnnouncement({ key: 'cancelled' });
                }}
              />
            )}
            {notice && (
              <MessageBar intent={notice.kind === 'cancelled' ? 'info' : 'success'} layout="multiline">
                <MessageBarBody className={s.notice}>
                  {notice.kind === 'inserted'
                    ? insertedText
                    : notice.kind === 'cancelled'
                      ? t.confirm.cancelled
                      : f(t.compute.written, { sheets: notice.sheets.join(', ') })}
                </MessageBarBody>
                <MessageBarActions
                  containerAction={<Button size="small" appearance="transparent" icon={<DismissIcon />} aria-label={t.failure.dismiss} onClick={() => setNotice(null)} />}
                />
              </MessageBar>
            )}
            {state.model === 'stammer-mean-v1' ? (
              <>
                <IssueList issues={computed ? computed.issues : state.issues} onSelect={select} />
                {computed?.model === 'stammer-mean-v1' && <StammerResultView catalog={computed.catalog} result={computed.result} />}
                <AreaProgressPanel catalog={state.catalog} progress={computed ? computed.progress : state.progress} />
                <AboutCatalog catalog={state.catalog} />
              </>
            ) : (
              <>
                <AreaFilter catalog={state.catalog} value={area} onChange={setArea} />
                <IssueList issues={computed ? computed.issues : state.issues} onSelect={select} />
                {computed?.model === 'leveled-points-v1' && (
                  <ResultView
                    catalog={computed.catalog}
                    result={computed.result}
                    area={area}
                    evidenceSetting={
                      <Suspense fallback={null}>
                        <EvidenceSetting evidence={computed.evidence} busy={busy !== null} onChange={(strict) => void compute(undefined, strict)} />
                      </Suspense>
                    }
                  />
                )}
                {computed?.model === 'leveled-points-v1' && (computed.actionPlan || computed.goalGraph) && (
                  <Suspense fallback={null}>
                    <PlanPanels cost={computed.actionPlan} graph={computed.goalGraph} />
                  </Suspense>
                )}
                <ProgressPanel catalog={state.catalog} progress={computed ? computed.progress : state.progress} area={area} />
                {followUp && (
                  <Suspense fallback={null}>
                    <FollowUpPanels
                      actions={followUp}
                      catalog={state.catalog}
                      onWritten={refreshSummary}
                      announce={(text) => setAnnouncement(text ? { key: 'said', params: { text } } : null)}
                    />
                  </Suspense>
                )}
              </>
            )}
            {computed && (
              <ExportMenu
                catalogName={computed.catalog.name[locale]}
                onExport={computed.model === 'leveled-points-v1' ? (format) => actions.exportResult(computed, format) : undefined}
                disabled={busy !== null}
              />
            )}
          </>
        )}

        {snapshot && <WorkbookPreview summary={snapshot} />}
      </main>
    </div>
  );
}
