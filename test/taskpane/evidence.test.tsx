/** @jest-environment jsdom */
/**
 * Issue 13, "Säker kräver underlag" in the pane: the result says whether it is on and how many
 * answers it affects, and its switch writes Ja / Nej into Start (through the write plan, in the same
 * write as the result computed with it) — also into a workbook made before the option existed.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { applyPlanOffice } from '../../src/adapters/officejs/applyPlan';
import { createMemoryExcel, type MemoryExcel } from '../../src/adapters/officejs/memory/memoryExcel';
import { findCatalog } from '../../src/core/catalog/registry';
import { App } from '../../src/taskpane/App';
import { paneActions } from '../../src/taskpane/actions';
import { officeHost } from '../../src/taskpane/officeHost';
import { EVIDENCE_LABEL, SHEETS } from '../../src/workbook/layout';
import { questionnairePlan } from '../../src/workbook/plan/questionnaire';
import { answersFromPoints, uniform } from '../helpers/answers';
import { CATALOG_ID } from '../helpers/spec';
import { polyfillDom, recordingHost } from './setup';

polyfillDom();
jest.setTimeout(30_000);

const catalog = findCatalog(CATALOG_ID)!;

/** Full marks, all säker with underlag except Q1–Q3 (säker, no underlag): level 4 off, level 3 on. */
async function threeWithoutEvidenceExcel(): Promise<MemoryExcel> {
  const set = answersFromPoints(catalog, uniform(5));
  for (const q of [1, 2, 3]) delete set.answers[String(q)].evidence;
  const excel = createMemoryExcel();
  await excel.run((context) => applyPlanOffice(context, questionnairePlan(catalog, set)));
  return excel;
}

const labelRow = (excel: MemoryExcel): number => excel.workbook.sheet(SHEETS.start).values().findIndex((r) => r[0] === EVIDENCE_LABEL) + 1;
const line = () => screen.findByTestId('evidence-line');

describe('the result view', () => {
  it('shows the option and its count; the switch writes Ja, recomputes, and back to Nej', async () => {
    const excel = await threeWithoutEvidenceExcel();
    const start = excel.workbook.sheet(SHEETS.start);
    const row = labelRow(excel);
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Beräkna resultat' }));
    expect((await line()).textContent).toBe('Säker kräver underlag: av · 3 svar påverkas');
    expect((await screen.findByTestId('result-level')).textContent).toBe('Nivå 4');
    const toggle = (await screen.findByRole('switch', { name: 'Säker kräver underlag' })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);

    toggle.focus();
    fireEvent.click(toggle);
    await waitFor(async () => expect((await line()).textContent).toBe('Säker kräver underlag: på · 3 svar påverkas'));
    // The same switch, focus kept: nothing was unmounted under the user.
    expect(document.activeElement).toBe(toggle);
    expect(screen.getByTestId('result-level').textContent).toBe('Nivå 3');
    expect((screen.getByRole('switch', { name: 'Säker kräver underlag' }) as HTMLInputElement).checked).toBe(true);
    expect(start.cell(`B${row}`).value).toBe('Ja');
    // Still protected, and the cell still the user's to change.
    expect(start.protection.protected).toBe(true);
    expect(start.cell(`B${row}`).format.locked).toBe(false);
    const resultat = excel.workbook.sheet(SHEETS.result).values().find((r) => r[0] === 'Säker kräver underlag');
    expect(resultat?.[1]).toBe('På – 3 svar räknas som osäkra (F1, F2, F3)');

    fireEvent.click(screen.getByRole('switch', { name: 'Säker kräver underlag' }));
    await waitFor(async () => expect((await line()).textContent).toBe('Säker kräver underlag: av · 3 svar påverkas'));
    expect(screen.getByTestId('result-level').textContent).toBe('Nivå 4');
    expect(start.cell(`B${row}`).value).toBe('Nej');
  });

  it('asked to confirm a dropped chart, "Skriv resultatet ändå" still writes the switch’s choice', async () => {
    const excel = await threeWithoutEvidenceExcel();
    const row = labelRow(excel);
    render(<App host={recordingHost(excel)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Beräkna resultat' }));
    await line();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEETS.result);
      sheet.charts.add('Pie', sheet.getRange('B5:B6'), 'Columns').name = 'Min graf';
      await context.sync();
    });
    fireEvent.click(screen.getByRole('switch', { name: 'Säker kräver underlag' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(excel.workbook.sheet(SHEETS.start).cell(`B${row}`).value).toBe('Nej');
    // Nothing written yet: the switch shows the result's rule again.
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Säker kräver underlag' }) as HTMLInputElement).checked).toBe(false));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Skriv resultatet ändå' }));
    await waitFor(async () => expect((await line()).textContent).toBe('Säker kräver underlag: på · 3 svar påverkas'));
    expect(excel.workbook.sheet(SHEETS.start).cell(`B${row}`).value).toBe('Ja');
  });

  it('in English', async () => {
    render(<App host={recordingHost(await threeWithoutEvidenceExcel())} locale="en" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Calculate result' }));
    expect((await line()).textContent).toBe('Certain requires evidence: off · 3 answers affected');
    expect(await screen.findByRole('switch', { name: 'Certain requires evidence' })).toBeTruthy();
  });
});

describe('paneActions.compute with the switch', () => {
  it('on a workbook made before the option: label and value go in the first empty row below A:B', async () => {
    const excel = await threeWithoutEvidenceExcel();
    const start = excel.workbook.sheet(SHEETS.start);
    const row = labelRow(excel);
    // As before issue 13: no option row, no help text.
    start.setValues(`A${row}:B${row + 1}`, [
      ['', ''],
      ['', ''],
    ]);
    const rows = start.values();
    const filled = (v: unknown) => v !== null && v !== '';
    const last = rows.length - [...rows].reverse().findIndex((r) => filled(r[0]) || filled(r[1]));
    expect(last).toBe(row - 2); // Källa, above the blank row
    const actions = paneActions(officeHost(excel));
    const first = await actions.compute();
    expect(first.kind === 'computed' && first.model === 'leveled-points-v1' && first.evidence).toEqual({ strict: false, affected: [1, 2, 3] });

    const on = await actions.compute(undefined, { strictEvidence: true });
    expect(on.kind === 'computed' && on.model === 'leveled-points-v1' && [on.result.level, on.evidence.strict]).toEqual([3, true]);
    const at = last + 1;
    expect(start.values(`A${at}:B${at}`)).toEqual([[EVIDENCE_LABEL, 'Ja']]);
    expect(start.cell(`B${at}`).format.locked).toBe(false);
    expect(start.protection.protected).toBe(true);

    // The workbook now keeps it: a plain recompute is strict, and the switch finds the new row.
    const again = await actions.compute();
    expect(again.kind === 'computed' && again.model === 'leveled-points-v1' && again.evidence.strict).toBe(true);
    await actions.compute(undefined, { strictEvidence: false });
    expect(start.values(`A${at}:B${at}`)).toEqual([[EVIDENCE_LABEL, 'Nej']]);
    expect(start.values(`A${at + 1}:B${at + 1}`)[0].some(filled)).toBe(false);
  });

  it('a value that is neither Ja nor Nej is a warning until the switch replaces it', async () => {
    const excel = await threeWithoutEvidenceExcel();
    const start = excel.workbook.sheet(SHEETS.start);
    const row = labelRow(excel);
    start.setValues(`B${row}`, [['Kanske']]);
    const actions = paneActions(officeHost(excel));
    const before = await actions.compute();
    expect(before.kind === 'computed' && before.issues.filter((i) => i.code === 'bad-evidence-setting').map((i) => `${i.sheet}!${i.cell}`)).toEqual([`Start!B${row}`]);
    const after = await actions.compute(undefined, { strictEvidence: false });
    expect(after.kind === 'computed' && after.issues.some((i) => i.code === 'bad-evidence-setting')).toBe(false);
    expect(start.cell(`B${row}`).value).toBe('Nej');
  });
});
