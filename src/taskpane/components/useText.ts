import { createContext, useContext } from 'react';
import { format, paneMessages, type PaneLocale, type PaneMessages } from '../i18n';

export interface TextContext {
  readonly locale: PaneLocale;
  readonly t: PaneMessages;
  readonly f: typeof format;
}

const Texts = createContext<TextContext>({ locale: 'sv', t: paneMessages.sv, f: format });

export const TextProvider = Texts.Provider;

export function textContext(locale: PaneLocale): TextContext {
  return { locale, t: paneMessages[locale], f: format };
}

/** The current locale's texts; components never pick a locale themselves. */
export function useText(): TextContext {
  return useContext(Texts);
}
