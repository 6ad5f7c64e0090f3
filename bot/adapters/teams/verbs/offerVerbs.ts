import { createOffer } from '../../../app/createOffer';
import { proposeOffer } from '../../../app/proposals/proposeOffer';
import { schoolForPerson } from '../../../app/schools';
import { signUp, viewOffer } from '../../../app/signUp';
import { withdraw } from '../../../app/withdraw';
import { offerDraftProblems } from '../../../domain/offer';
import { offerActionData, verbs } from '../cardActionSchema';
import { messageCard } from '../cards/messageCard';
import { offerPostedCardData, renderOfferPostedCard } from '../cards/offerPostedCard';
import { renderPersonalOfferCard } from '../cards/personalOfferCard';
import { OfferFormValues, offerFormCardData, renderOfferFormCard } from '../cards/offerFormCard';
import { AdaptiveCardJson } from '../cards/render';
import { parseOfferForm } from '../offerFormSchema';
import { ActionContext, VerbHandler } from './types';

export const offerVerbs: Record<string, VerbHandler> = {
  [verbs.signUp]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    // The school whose channel card was clicked; in a 1:1 chat, the person's own (a group offer's quota counts it).
    const schoolId = ctx.schoolId ?? (await ctx.app.stores.schools.schoolsOf(ctx.person.id))[0]?.id;
    const view = await signUp(ctx.app, { offerId, person: ctx.person, ...(schoolId === undefined ? {} : { schoolId }) });
    return renderPersonalOfferCard(ctx.app, ctx.person.id, view);
  },
  [verbs.withdraw]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await withdraw(ctx.app, { offerId, personId: ctx.person.id });
    return renderPersonalOfferCard(ctx.app, ctx.person.id, view);
  },
  [verbs.refresh]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await viewOffer(ctx.app, { offerId, personId: ctx.person.id });
    return renderPersonalOfferCard(ctx.app, ctx.person.id, view);
  },
  [verbs.createOffer]: submitOfferForm,
};

async function submitOfferForm(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  // A group lead may belong to no school the bot can tell (an authority officer): their offer can only go to a group.
  const groups = await ctx.app.stores.groups.groupsLedBy(ctx.person.id);
  const school = ctx.schoolId ? { id: ctx.schoolId } : await schoolForPerson(ctx.app, ctx.person.id).catch((error: unknown) => {
    if (groups.length > 0) return null;
    throw error;
  });
  const found = school ? await ctx.app.stores.schools.findSchool(school.id) : undefined;
  const channelName = found?.clplChannel?.name ?? 'the CLPL channel';
  const catalogue = ctx.app.tagCatalogue;
  const knownStaff = school ? await ctx.app.stores.schools.listMembers(school.id) : [];
  const proposing = !school || !ctx.app.leadership.isSlt(school.id, ctx.person.id);
  const form = parseOfferForm(data, { author: ctx.person, timeZone: ctx.timeZone, catalogue, knownStaff, groupIds: groups.map((g) => g.id) });
  const again = (values: OfferFormValues, errors: Record<string, string>) =>
    renderOfferFormCard(offerFormCardData({ channelName, catalogue, values, errors, formMessage: 'Please check the highlighted details.', proposing, groups, defaultFollowUpWeeks: ctx.app.evidence.followUp.defaultWeeks }));
  if (!form.ok) return again(form.values, form.errors);
  const problems = offerDraftProblems(form.draft, ctx.app.clock.now(), catalogue);
  if (Object.keys(problems).length > 0) return again(form.values, problems);
  if (form.groupId !== undefined) {
    const created = await createOffer(ctx.app, { schoolId: school?.id ?? null, author: ctx.person, draft: form.draft, groupId: form.groupId });
    return renderOfferPostedCard(offerPostedCardData(created.offer, created.channelName, created.group));
  }
  if (!school) return again(form.values, { audience: 'I could not tell which school you are in: choose a group you lead.' });
  if (proposing) {
    const { proposal } = await proposeOffer(ctx.app, { schoolId: school.id, proposer: ctx.person, draft: form.draft });
    return messageCard('Sent for approval', `"${proposal.draft.title}" has gone to your senior leadership team. You will be told when it is approved and posted in ${channelName}.`, 'Good');
  }
  const created = await createOffer(ctx.app, { schoolId: school.id, author: ctx.person, draft: form.draft });
  return renderOfferPostedCard(offerPostedCardData(created.offer, created.channelName));
}
