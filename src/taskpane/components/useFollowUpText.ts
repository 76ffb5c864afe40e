import { followUpMessages, type FollowUpMessages } from '../i18n/followUp';
import { useText } from './useText';

/** The follow-up panels' texts in the pane's locale, with the pane's own texts and format. */
export function useFollowUpText(): ReturnType<typeof useText> & { readonly u: FollowUpMessages } {
  const text = useText();
  return { ...text, u: followUpMessages[text.locale] };
}
