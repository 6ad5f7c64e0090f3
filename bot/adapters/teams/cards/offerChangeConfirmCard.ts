import template from './offerChangeConfirmCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

type ActionData = Record<string, string | number>;

/** The second step before a change that cannot be quietly undone: moving people back to the waitlist, or cancelling. */
export interface OfferChangeConfirmCardData {
  title: string;
  text: string;
  names: string[];
  confirmTitle: string;
  confirmVerb: string;
  confirmData: ActionData;
  confirmFallbackData: ActionData;
  backTitle: string;
  backVerb: string;
  backData: ActionData;
  backFallbackData: ActionData;
}

export function offerChangeConfirmCardData(input: {
  title: string;
  text: string;
  names?: string[];
  confirm: { title: string; verb: string; data: ActionData };
  back?: { title: string; verb: string; data: ActionData };
}): OfferChangeConfirmCardData {
  const back = input.back ?? { title: '', verb: '', data: {} };
  return {
    title: input.title,
    text: input.text,
    names: input.names ?? [],
    confirmTitle: input.confirm.title,
    confirmVerb: input.confirm.verb,
    confirmData: { cardVersion: 1, ...input.confirm.data },
    confirmFallbackData: { verb: input.confirm.verb, cardVersion: 1, ...input.confirm.data },
    backTitle: back.title,
    backVerb: back.verb,
    backData: { cardVersion: 1, ...back.data },
    backFallbackData: { verb: back.verb, cardVersion: 1, ...back.data },
  };
}

export function renderOfferChangeConfirmCard(data: OfferChangeConfirmCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
