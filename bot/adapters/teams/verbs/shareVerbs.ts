import { z } from 'zod';
import { shareForm, shareLearning } from '../../../app/shares/shareLearning';
import { errorSummary } from '../../../app/delivery/staleCardRefresher';
import { isDomainError } from '../../../domain/errors';
import { maxShareSummaryLength, resourcesOf, shareSources } from '../../../domain/learningShare';
import { renderShareFormCard, renderSharedCard, shareFormCardData, ShareFormValues } from '../cards/shareCards';
import { AdaptiveCardJson } from '../cards/render';
import { errorText } from '../errorText';
import { ActionContext, VerbHandler } from './types';

export const shareVerbNames = {
  open: 'learning.shareForm.v1',
  share: 'learning.share.v1',
} as const;

const shareTarget = z.object({ offerId: z.string().min(1).max(200), source: z.enum(shareSources).catch('feedback') });
const shareText = z.object({
  summary: z.unknown().transform((v) => (typeof v === 'string' ? v : '')).pipe(z.string().max(maxShareSummaryLength * 2)),
  resources: z.unknown().transform((v) => (typeof v === 'string' ? v : '')).pipe(z.string().max(3000)),
});

/** Sharing learning back under the offer's card: the opt-in form, then the post. */
export const shareVerbs: Record<string, VerbHandler> = {
  [shareVerbNames.open]: async (ctx, data) => {
    const { offerId, source } = shareTarget.parse(data);
    const { offer, channelName, unposted } = await shareForm(ctx.app, { offerId, personId: ctx.person.id });
    // A share saved but not posted comes back in the form, so sending it again is one press.
    const values = unposted ? { summary: unposted.summary, resources: unposted.resources.join('\n') } : undefined;
    const formMessage = unposted ? errorText.share_not_posted.text : undefined;
    return renderShareFormCard(shareFormCardData({ offer, source, channelName, values, formMessage }));
  },
  [shareVerbNames.share]: share,
};

async function share(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { offerId, source } = shareTarget.parse(data);
  const values: ShareFormValues = shareText.parse(data ?? {});
  try {
    const shared = await shareLearning(ctx.app, { offerId, person: ctx.person, summary: values.summary, resources: resourcesOf(values.resources), source });
    ctx.logger.info({ event: 'learning_shared', offerId, source: shared.share.source });
    return renderSharedCard(shared.channelName);
  } catch (error) {
    if (!isDomainError(error) || (error.code !== 'invalid_share' && error.code !== 'share_not_posted')) throw error;
    const { offer, channelName } = await shareForm(ctx.app, { offerId, personId: ctx.person.id });
    if (error.code === 'share_not_posted') {
      ctx.logger.warn({ event: 'learning_share_not_posted', offerId, err: errorSummary(error.cause) });
      // The form again, as typed, with the reason: pressing Share once more is the retry.
      return renderShareFormCard(shareFormCardData({ offer, source, channelName, values, formMessage: errorText.share_not_posted.text }));
    }
    return renderShareFormCard(shareFormCardData({ offer, source, channelName, values, errors: error.fieldErrors, formMessage: 'Please check the highlighted answers. Nothing has been shared yet.' }));
  }
}
