/** @jest-environment jsdom */
/**
 * "Beräkna resultat" as a user meets it when the workbook cannot simply take the result (issue 9):
 * refusals name the sheet and change nothing, dropping the user's objects is asked first, and the
 * user's own rows in Handlingsplan survive recomputing.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { SHEETS } from '../../src/workbook/layout';
import { App } from '../../src/taskpane/App';
import { paneActions } from '../../src/taskpane/actions';
import { officeHost } from '../../src/taskpane/officeHost';
import { USER_ROW, computeOnce, exampleExcel, exampleWithProtectedPlanExcel, exampleWithUserRowExcel } from '../../src/taskpane/preview';
import { polyfillDom, recordingHost } from './setup';

polyfillDom();
jest.setTimeout(30_000);

const computeButton = () => screen.findByRole('button', { name: 'Beräkna resultat' });

describe('refusals: one clear message naming the sheet, nothing written', () => {
  it('a Handlingsplan protected with a password', async () => {
    const excel = await exampleWithProtectedPlanExcel();
    const before = JSON.stringify(excel.workbook.snapshot());
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await computeButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Resultatet kunde inte skrivas');
    expect(alert.textContent).toContain('Bladet Handlingsplan är skyddat med lösenord.');
    expect(alert.textContent).toContain('Inget har ändrats i arbetsboken.');
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });

  it('the same in English, on Excel on the web (which reports the password at once)', async () => {
    const protectedExcel = await exampleWithProtectedPlanExcel();
    const excel = createMemoryExcel({ workbook: protectedExcel.workbook, online: true });
    render(<App host={recordingHost(excel)} locale="en" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Calculate result' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The sheet Handlingsplan is protected with a password.');
    expect(alert.textContent).toContain('Nothing has been changed in the workbook.');
  });

  it('a protected workbook structure when the result sheets must be added', async () => {
    const excel = await exampleExcel();
    excel.workbook.protection = { protected: true };
    const before = JSON.stringify(excel.workbook.snapshot());
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await computeButton());
    const alert = await screen.findByRole('alert');
    // Mål (issue 13) is the first sheet the first computation adds.
    expect(alert.textContent).toContain('Arbetsbokens struktur är skyddad, så bladet Mål kan inte läggas till.');
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });

  it('inserting the questionnaire into a protected structure', async () => {
    const excel = createMemoryExcel();
    excel.workbook.protection = { protected: true };
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Infoga frågeformulär' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bladet Start kan inte läggas till');
    expect(excel.workbook.sheetNames()).toEqual(['Blad1']);
  });
});

describe('a chart of the user on a result sheet', () => {
  async function withUserChart() {
    const excel = await exampleExcel();
    await computeOnce(excel);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.result);
      sheet.charts.add('Pie', sheet.getRange('B5:B6'), 'Columns').name = 'Min graf';
      await context.sync();
    });
    return excel;
  }

  it('is named before anything is written; Avbryt writes nothing', async () => {
    const excel = await withUserChart();
    const before = JSON.stringify(excel.workbook.snapshot());
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await computeButton());
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Något du lagt till skrivs över');
    expect(dialog.textContent).toContain('"Min graf" på bladet "Resultat"');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await within(screen.getByRole('status')).findByText('Inget har skrivits i arbetsboken.');
    expect(JSON.stringify(excel.workbook.snapshot())).toBe(before);
  });

  it('goes only when the user says so, and the result is written', async () => {
    const excel = await withUserChart();
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await computeButton());
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Skriv resultatet ändå' }));
    await screen.findByTestId('result-level');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(excel.workbook.sheet(SHEETS.result).chartViews().map((c) => c.name)).not.toContain('Min graf');
  });
});

describe('the user row in Handlingsplan', () => {
  it('with a link, a date, a formula, a fill and a blank row above it, survives five recomputes unchanged', async () => {
    const { excel, row } = await exampleWithUserRowExcel();
    const plan = excel.workbook.sheet(SHEETS.actionPlan);
    const rowCells = () => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => JSON.stringify(plan.cell(`${c}${row}`)));
    const blank = () => plan.values(`A${row - 1}:L${row - 1}`)[0];
    const before = rowCells();
    expect(plan.cell(`C${row}`).hyperlink).toEqual({ address: USER_ROW.link.address, textToDisplay: USER_ROW.link.text });
    const actions = paneActions(officeHost(excel));
    for (let run = 1; run <= 5; run++) {
      const outcome = await actions.compute();
      expect([run, outcome.kind]).toEqual([run, 'computed']);
      expect([run, rowCells()]).toEqual([run, before]);
      expect([run, blank().every((v) => v === null)]).toEqual([run, true]);
    }
    // Nothing was appended twice: each suggested activity appears once.
    const ids = plan.values().map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^HP-F\d+$/.test(v));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('start-up', () => {
  const g = globalThis as unknown as { Office?: unknown };
  let logged: jest.SpyInstance;
  beforeEach(() => {
    // index.tsx logs the start-up error for support; the test looks at what the user sees.
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    delete g.Office;
    document.body.innerHTML = '';
  });

  async function boot(office: unknown): Promise<HTMLElement> {
    document.body.innerHTML = '<div id="container"><div id="boot">Infosäkkollen laddas…</div></div>';
    g.Office = office;
    jest.isolateModules(() => {
      require('../../src/taskpane/index');
    });
    return screen.findByRole('alert', {}, { timeout: 5000 });
  }

  it('a failing Office.onReady reaches the failure bar', async () => {
    const alert = await boot({ onReady: () => Promise.reject(new Error('office.js kunde inte nå Excel')), HostType: { Excel: 'Excel' }, context: { displayLanguage: 'sv-SE' } });
    expect(alert.textContent).toContain('Infosäkkollen kunde inte starta.');
    expect(alert.textContent).toContain('office.js kunde inte nå Excel');
    expect(document.getElementById('boot')).toBeNull();
  });

  it('a start that fails after onReady reaches it too', async () => {
    const office = {
      onReady: () => Promise.resolve({ host: 'Excel' }),
      HostType: { Excel: 'Excel' },
      get context(): never {
        throw new Error('Office.context saknas');
      },
    };
    const alert = await boot(office);
    // Office.context is what failed, so the browser's language (English in jsdom) is used.
    await waitFor(() => expect(alert.textContent).toContain('Infosäkkollen could not start.'));
    expect(alert.textContent).toContain('Office.context saknas');
  });
});



