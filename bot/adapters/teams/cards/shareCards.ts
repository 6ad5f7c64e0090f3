import formTemplate from './shareFormCard.json';
import replyTemplate from './shareReplyCard.json';
import sharedTemplate from './sharedCard.json';
import { LearningShare, maxShareResources, maxShareSummaryLength, ShareSource } from '../../../domain/learningShare';
import { Offer } from '../../../domain/offer';
import { ShareInviteNotice } from '../../../ports/outbox';
import { sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface ShareFormValues {
  summary: string;
  resources: string;
}

export interface ShareFormCardData {
  offerId: string;
  source: ShareSource;
  heading: string;
  summaryLabel: string;
  title: string;
  when: string;
  intro: string;
  formMessage: string;
  values: ShareFormValues;
  errors: Record<string, string>;
  summaryMax: number;
  resourcesMax: number;
}

/** The opt-in form: nothing is posted until the person presses "Share in the channel". */
export function shareFormCardData(input: {
  offer: Pick<Offer, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone'>;
  source: ShareSource;
  channelName: string;
  values?: ShareFormValues;
  errors?: Record<string, string>;
  formMessage?: string;
}): ShareFormCardData {
  const facilitating = input.source === 'facilitator';
  return {
    offerId: input.offer.id,
    source: input.source,
    heading: facilitating ? 'Thank you for facilitating: share it with colleagues' : 'Share what you learnt with colleagues',
    summaryLabel: facilitating ? 'A short summary: the key ideas, and what colleagues could try in class' : 'A short summary: what you learnt, and what you are trying in class',
    title: input.offer.title,
    when: sessionTime(input.offer),
    intro: `It is posted in ${input.channelName} as a reply under the session's card, with your name, for colleagues to learn from.`,
    formMessage: input.formMessage ?? '',
    values: input.values ?? { summary: '', resources: '' },
    errors: input.errors ?? {},
    summaryMax: maxShareSummaryLength,
    resourcesMax: maxShareResources,
  };
}

export function renderShareFormCard(data: ShareFormCardData): AdaptiveCardJson {
  return renderTemplate(formTemplate, data);
}

/** The facilitator's invitation after the session is the share form itself, so sharing takes one step. */
export function shareInviteCard(notice: ShareInviteNotice): AdaptiveCardJson {
  const offer = { id: notice.offerId, title: notice.offerTitle, startsAt: new Date(notice.startsAt), endsAt: new Date(notice.endsAt), timeZone: notice.timeZone };
  return renderShareFormCard(shareFormCardData({ offer, source: 'facilitator', channelName: notice.channelName }));
}

export interface ShareReplyCardData {
  heading: string;
  summary: string;
  resources: Array<{ label: string; url: string }>;
}

export function shareReplyCardData(share: LearningShare, offerTitle: string): ShareReplyCardData {
  const role = share.source === 'facilitator' ? 'facilitated' : 'attended';
  return {
    heading: `${share.person.name} ${role} "${offerTitle}" and shares:`,
    summary: share.summary,
    // Markdown link text must not close the bracket early.
    resources: share.resources.map((url) => ({ label: url.replace(/[[\]]/g, ''), url: url.replace(/[() ]/g, (c) => urlEscapes[c] ?? c) })),
  };
}

/** Characters that would end a Markdown link target early (encodeURIComponent leaves brackets as they are). */
const urlEscapes: Record<string, string> = { '(': '%28', ')': '%29', ' ': '%20' };

export function renderShareReplyCard(data: ShareReplyCardData): AdaptiveCardJson {
  return renderTemplate(replyTemplate, data);
}

export function renderSharedCard(channelName: string): AdaptiveCardJson {
  return renderTemplate(sharedTemplate, { text: `Thank you: your summary is in ${channelName}, under the session's card, with your name.` });
}
