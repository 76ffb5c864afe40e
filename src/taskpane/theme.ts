import type { PaneLocale } from './i18n';
import { pickLocale } from './i18n';

/** '#RRGGBB' → dark when its relative luminance is below the middle grey. */
export function isDarkColor(color: string | undefined | null): boolean {
  const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim()) : null;
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Locale and theme from what the host reports (index.tsx reads Office and the browser and calls this). */
export function environmentOf(input: {
  readonly displayLanguage?: string | null;
  readonly navigatorLanguage?: string | null;
  readonly officeBodyBackground?: string | null;
  readonly prefersDark?: boolean;
  readonly search?: string;
}): { locale: PaneLocale; theme: 'light' | 'dark' } {
  // ?lang=en / ?theme=dark override, for testers and screenshots.
  const params = new URLSearchParams(input.search ?? '');
  const lang = params.get('lang');
  const themeParam = params.get('theme');
  const locale = lang === 'sv' || lang === 'en' ? lang : pickLocale(input.displayLanguage || input.navigatorLanguage);
  const theme =
    themeParam === 'dark' || themeParam === 'light'
      ? themeParam
      : input.officeBodyBackground
        ? isDarkColor(input.officeBodyBackground)
          ? 'dark'
          : 'light'
        : input.prefersDark
          ? 'dark'
          : 'light';
  return { locale, theme };
}

/**
 * A task pane of 320–360 px at 200 % zoom has 160–180 CSS px: nested paddings then take a fifth of
 * the width, so they shrink there (WCAG 1.4.10, reflow without sideways scrolling).
 */
export const NARROW_PANE = '@media (max-width: 240px)';
