/** @jest-environment jsdom */
/**
 * The pane's accessibility behaviour that jsdom can see (issue 15): the language follows to <html lang>,
 * the result is said in a live region that was there before, focus is never dropped to <body>, progress
 * bars carry their values, and nothing is only in a hover title. axe, layout and visible focus are
 * checked in a real browser (test/e2e/a11y.e2e.ts).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { exampleExcel, exampleWithErrorsExcel, exampleWithUserPictureExcel } from '../../src/taskpane/preview';
import { polyfillDom, recordingHost } from './setup';

polyfillDom();
jest.setTimeout(20_000);

const computeButton = () => screen.findByRole('button', { name: 'Beräkna resultat' });
const idle = () => waitFor(() => expect(screen.getByRole('button', { name: 'Beräkna resultat' }).getAttribute('aria-disabled')).not.toBe('true'));

afterEach(() => {
  document.documentElement.lang = '';
});

describe('task pane accessibility', () => {
  it('<html lang> follows the language switch; the buttons are named from what they show', async () => {
    render(<App host={recordingHost(await exampleExcel())} />);
    await computeButton();
    expect(document.documentElement.lang).toBe('sv');
    // WCAG 2.5.3: the accessible name starts with the visible "EN".
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'EN – English' }));
    });
    await screen.findByRole('button', { name: 'Calculate result' });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'EN – English' }).getAttribute('aria-pressed')).toBe('true');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'SV – Svenska' }));
    });
    expect(document.documentElement.lang).toBe('sv');
  });

  it('says the result in the live region that existed before "Beräkna resultat", and keeps focus on the button', async () => {
    render(<App host={recordingHost(await exampleExcel())} />);
    const button = await computeButton();
    await idle();
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    button.focus();
    fireEvent.click(button);
    // While busy the button stays focusable (aria-disabled), so focus does not fall to <body>.
    expect(document.activeElement).toBe(button);
    const level = (await screen.findByTestId('result-level')).textContent!;
    await idle();
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toContain(`Resultatet är klart: ${level}`);
    expect(document.activeElement).toBe(button);
  });

  it('closing the message moves focus to "Beräkna resultat", not <body>', async () => {
    render(<App host={recordingHost(await exampleExcel())} />);
    fireEvent.click(await computeButton());
    await screen.findByTestId('result-level');
    await idle();
    const close = screen.getByRole('button', { name: 'Stäng' });
    close.focus();
    fireEvent.click(close);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stäng' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Beräkna resultat' })));
  });

  it('the confirm bar takes focus on Avbryt, and Avbryt gives it back to "Beräkna resultat"', async () => {
    render(<App host={recordingHost(await exampleWithUserPictureExcel())} />);
    fireEvent.click(await computeButton());
    const dialog = await screen.findByRole('alertdialog');
    const cancel = within(dialog).getByRole('button', { name: 'Avbryt' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Beräkna resultat' })));
    expect(screen.getByRole('status').textContent).toBe('Inget har skrivits i arbetsboken.');
  });

  it('progress bars carry answered and total as values; no text only in a title; headings in order with the error list', async () => {
    const { container } = render(<App host={recordingHost(await exampleWithErrorsExcel())} />);
    fireEvent.click(await computeButton());
    await screen.findByTestId('result-level');
    await idle();
    const bars = screen.getAllByRole('progressbar');
    expect(bars.length).toBeGreaterThan(1);
    for (const bar of bars) {
      const now = Number(bar.getAttribute('aria-valuenow'));
      const max = Number(bar.getAttribute('aria-valuemax'));
      expect(bar.getAttribute('aria-valuemin')).toBe('0');
      expect(now).toBeGreaterThanOrEqual(0);
      expect(now).toBeLessThanOrEqual(max);
      expect(bar.getAttribute('aria-valuetext')).toMatch(/^\d+ av \d+ frågor besvarade$/);
      expect(bar.getAttribute('aria-label') ?? bar.getAttribute('aria-labelledby')).toBeTruthy();
    }
    expect(screen.getByRole('heading', { name: '2 fel i svaren' }).tagName).toBe('H2');
    expect(container.querySelectorAll('[title]')).toHaveLength(0);
    const levels = Array.from(container.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.tagName[1]));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });
});
