/**
 * The task pane's entry: the only Office.onReady. In Excel it wires the Office.js host; opened in
 * an ordinary browser (no host, or office.js not loaded) it runs the preview on the memory Excel.
 * Every start-up failure (office.js, the host, the preview) reaches the failure bar.
 */
import { createRoot, type Root } from 'react-dom/client';
import { DEFAULT_CATALOG, loadCatalogs } from '../core/catalog/registry';
import { App, type AppProps } from './App';
import { StartFailure } from './components/StartFailure';
import { pickLocale } from './i18n';
import { officeHost } from './officeHost';
import { environmentOf } from './theme';

let root: Root | undefined;

function mount(): Root {
  root ??= createRoot(document.getElementById('container')!);
  return root;
}

function render(props: AppProps): void {
  document.documentElement.lang = props.locale ?? 'sv';
  mount().render(<App {...props} />);
}

/**
 * Outside Office, office.js (o15apptofilemappingtable.js) loads Microsoft's telemetry proxy page in a
 * hidden iframe 3 s after start (OSF.Logger.ulsEndpoint.loadProxyFrame, which only runs while its
 * proxyFrame is null). The preview promises that nothing leaves the machine, so it gets a stand-in
 * frame; the logger then only buffers (at most 128 lines, its own limit). In Excel nothing changes.
 */
function keepOfficeTelemetryFrameOut(): void {
  const endpoint = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown } | null } } }).OSF?.Logger?.ulsEndpoint;
  if (endpoint && endpoint.proxyFrame == null) endpoint.proxyFrame = document.createElement('iframe');
}

async function start(host: Office.HostType | null | undefined): Promise<void> {
  const office = typeof Office !== 'undefined' && host === Office.HostType.Excel ? Office.context : undefined;
  const env = environmentOf({
    displayLanguage: office?.displayLanguage,
    navigatorLanguage: navigator.language,
    officeBodyBackground: office?.officeTheme?.bodyBackgroundColor,
    prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches,
    search: window.location.search,
  });
  if (office) {
    render({ host: officeHost(), ...env });
    return;
  }
  keepOfficeTelemetryFrameOut();
  // The preview (memory Excel + example answers) is its own chunk: Excel users never download it.
  const { createPreview, previewWorkbookOf } = await import(/* webpackChunkName: "preview" */ './preview');
  // The example workbook is of the default catalog (already on its way, see below).
  await loadCatalogs([DEFAULT_CATALOG]);
  const preview = await createPreview(previewWorkbookOf(window.location.search));
  render({ host: preview.host, summary: preview.summary, ...env });
}

/** Shows the failure bar; if even React cannot render, the plain boot text says it. */
function fail(error: unknown): void {
  console.error(error);
  try {
    // Office.context itself may be what failed: the browser's language then.
    let language = navigator.language;
    try {
      language = (typeof Office !== 'undefined' && Office.context?.displayLanguage) || language;
    } catch {
      // keep the browser's
    }
    const locale = pickLocale(language);
    document.getElementById('boot')?.remove();
    mount().render(<StartFailure error={error} locale={locale} onRetry={() => window.location.reload()} />);
  } catch {
    const boot = document.getElementById('boot');
    if (boot) boot.textContent = `Infosäkkollen kunde inte starta: ${error instanceof Error ? error.message : String(error)}`;
  }
}

// Most workbooks use the default catalog: its chunk loads while office.js starts (issue 14). The
// pane waits for the catalog a workbook needs before reading it (actions.ts), so a failure here only
// means it is fetched again then.
loadCatalogs([DEFAULT_CATALOG]).catch(() => undefined);

if (typeof Office === 'undefined') {
  // office.js did not load (offline, blocked CDN): still useful as a preview.
  start(null).catch(fail);
} else {
  // The promise form, so that a failing start (not only a failing onReady) lands in catch.
  Office.onReady()
    .then((info) => start(info.host))
    .catch(fail);
}
