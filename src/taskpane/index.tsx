/**
 * The task pane's entry: the only Office.onReady. In Excel it wires the Office.js host; opened in
 * an ordinary browser (no host, or office.js not loaded) it runs the preview on the memory Excel.
 */
import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './App';
import { officeHost } from './officeHost';
import { environmentOf } from './theme';

function render(props: AppProps): void {
  document.documentElement.lang = props.locale ?? 'sv';
  createRoot(document.getElementById('container')!).render(<App {...props} />);
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
  // The preview (memory Excel + example answers) is its own chunk: Excel users never download it.
  const { createPreview } = await import(/* webpackChunkName: "preview" */ './preview');
  // ?workbook=empty starts from a new workbook (to try inserting), ?workbook=errors with input errors.
  const wanted = new URLSearchParams(window.location.search).get('workbook');
  const preview = await createPreview(wanted === 'empty' || wanted === 'errors' ? wanted : 'example');
  render({ host: preview.host, summary: preview.summary, ...env });
}

function fail(error: unknown): void {
  const boot = document.getElementById('boot');
  if (boot) boot.textContent = `Infosäkkollen kunde inte starta: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
}

if (typeof Office === 'undefined') {
  // office.js did not load (offline, blocked CDN): still useful as a preview.
  start(null).catch(fail);
} else {
  Office.onReady((info) => start(info.host)).catch(fail);
}
