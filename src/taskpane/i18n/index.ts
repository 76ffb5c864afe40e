import { sv } from './sv';
import { en } from './en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type PaneMessages = Widen<typeof sv>;
export type PaneLocale = 'sv' | 'en';

export const paneMessages: Record<PaneLocale, PaneMessages> = { sv, en };

/** Fills {name} placeholders; unknown names stay visible so a missing parameter shows in review. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Swedish first: English only when the display language is English (Office.context.displayLanguage,
 * else navigator.language). The product's users are Swedish organisations, so any other language
 * (Finnish, German Excel, …) gets Swedish rather than a second guess.
 */
export function pickLocale(language: string | undefined | null): PaneLocale {
  return language && /^en\b/i.test(language) ? 'en' : 'sv';
}
