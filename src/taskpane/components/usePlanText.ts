import { planMessages, type PlanMessages } from '../i18n/plan';
import { useText } from './useText';

/** The texts of the cost and målgraf panels in the pane's locale, with the pane's own texts and format. */
export function usePlanText(): ReturnType<typeof useText> & { readonly p: PlanMessages } {
  const text = useText();
  return { ...text, p: planMessages[text.locale] };
}
