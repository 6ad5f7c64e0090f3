import { z } from 'zod';
import { cancelOffer } from '../../../app/cancelOffer';
import { editOffer } from '../../../app/editOffer';
import { offerToChange } from '../../../app/manageOffers';
import { Offer } from '../../../domain/offer';
import { offerEditProblems } from '../../../domain/offerChanges';
import { offerActionData } from '../cardActionSchema';
import { messageCard } from '../cards/messageCard';
import { offerChangeConfirmCardData, renderOfferChangeConfirmCard } from '../cards/offerChangeConfirmCard';
import { OfferFormValues, offerFormCardData, renderOfferFormCard } from '../cards/offerFormCard';
import { AdaptiveCardJson } from '../cards/render';
import { carriedFormValues, offerFormValuesOf } from '../offerEditForm';
import { parseOfferForm } from '../offerFormSchema';
import { ActionContext, VerbHandler } from './types';

/** Public contract, like every verb (see cardActionSchema.ts): never changed in place. */
export const manageVerbs = {
  edit: 'offer.edit.v1',
  update: 'offer.update.v1',
  cancel: 'offer.cancel.v1',
  confirmCancel: 'offer.cancel.confirm.v1',
} as const;

/** How many people the author agreed to move back to the waitlist (a string from our own card; 0 when absent). */
const updateData = offerActionData.extend({ acceptedDemotions: z.string().regex(/^\d{1,4}$/).transform(Number).optional() });

export const manageOfferVerbs: Record<string, VerbHandler> = {
  [manageVerbs.edit]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const { offer } = await offerToChange(ctx.app, { offerId, person: ctx.person });
    return editForm(ctx, offer, carriedFormValues(data) ?? offerFormValuesOf(offer, ctx.app.tagCatalogue, ctx.person.id));
  },
  [manageVerbs.update]: saveEdit,
  [manageVerbs.cancel]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const { offer, seats } = await offerToChange(ctx.app, { offerId, person: ctx.person });
    return renderOfferChangeConfirmCard(
      offerChangeConfirmCardData({
        title: `Cancel "${offer.title}"?`,
        text: `${people(seats.confirmed)} confirmed and ${seats.waitlisted} on the waitlist will be told, and the card in the channel will show "Cancelled". This cannot be undone.`,
        confirm: { title: 'Cancel the session', verb: manageVerbs.confirmCancel, data: { offerId } },
      }),
    );
  },
  [manageVerbs.confirmCancel]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const outcome = await cancelOffer(ctx.app, { offerId, person: ctx.person });
    const told = outcome.told === 0 ? 'No one had signed up.' : `${people(outcome.told)} will be told${outcome.urgent ? ' straight away' : ''}.`;
    return messageCard('Session cancelled', `"${outcome.offer.title}" is cancelled. ${told}`, 'Good');
  },
};

async function saveEdit(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { offerId, acceptedDemotions } = updateData.parse(data);
  const { offer } = await offerToChange(ctx.app, { offerId, person: ctx.person });
  const catalogue = ctx.app.tagCatalogue;
  const knownStaff = await ctx.app.stores.schools.listMembers(offer.schoolId);
  const form = parseOfferForm(data, { author: ctx.person, timeZone: offer.timeZone, catalogue, knownStaff, fixedGroupId: offer.groupId ?? null });
  if (!form.ok) return editForm(ctx, offer, form.values, form.errors);
  // The form only shows the facilitator's name: the same name keeps who they are (a colleague stays a colleague).
  const sameFacilitator = form.draft.facilitator.name.toLowerCase() === offer.facilitator.name.toLowerCase();
  const withFacilitator = sameFacilitator ? { ...form.draft, facilitator: offer.facilitator } : form.draft;
  // The form shows only the release date: the same date keeps the exact time it was set for (a programme may set one).
  const sameRelease = form.values.quotaReleasesDate !== '' && form.values.quotaReleasesDate === offerFormValuesOf(offer, catalogue, ctx.person.id).quotaReleasesDate;
  const draft = sameRelease && offer.quotaReleasesAt ? { ...withFacilitator, quotaReleasesAt: offer.quotaReleasesAt } : withFacilitator;
  const problems = offerEditProblems(offer, draft, ctx.app.clock.now(), catalogue);
  if (Object.keys(problems).length > 0) return editForm(ctx, offer, form.values, problems);

  const outcome = await editOffer(ctx.app, { offerId, person: ctx.person, draft, acceptedDemotions: acceptedDemotions ?? 0 });
  switch (outcome.kind) {
    case 'unchanged':
      return messageCard('Nothing changed', `"${offer.title}" is as it was.`);
    case 'needs_confirmation': {
      const moved = outcome.demoted.length;
      return renderOfferChangeConfirmCard(
        offerChangeConfirmCardData({
          title: `Move ${people(moved)} back to the waitlist?`,
          text:
            draft.quotaPerSchool === undefined
              ? `With ${draft.capacity} places, the last ${moved === 1 ? 'person' : `${moved} people`} to be confirmed would move back to the front of the waitlist, and be told:`
              : `With ${draft.capacity} places and at most ${draft.quotaPerSchool} per school, the last ${moved === 1 ? 'person' : `${moved} people`} to be confirmed (overall, or from a school over its limit) would move back to the front of the waitlist, and be told:`,
          names: outcome.demoted.map((p) => p.name),
          confirm: { title: `Save and move ${people(moved)}`, verb: manageVerbs.update, data: { ...form.values, offerId, acceptedDemotions: String(moved) } },
          back: { title: 'Change the details', verb: manageVerbs.edit, data: { ...form.values, offerId } },
        }),
      );
    }
    case 'saved': {
      const facts = [
        { title: 'Changed', value: outcome.changes.map((c) => changeLabel[c.field]).join(', ') },
        { title: 'Told', value: outcome.told === 0 ? 'No one (nothing changed for those attending)' : `${people(outcome.told)} confirmed` },
        ...(outcome.demoted > 0 ? [{ title: 'Moved to the waitlist', value: people(outcome.demoted) }] : []),
        ...(outcome.promoted > 0 ? [{ title: 'Given a place', value: people(outcome.promoted) }] : []),
      ];
      return messageCard('Offer updated', `"${outcome.offer.title}" is updated; its card in the channel will follow in a moment.`, 'Good', facts);
    }
  }
}

async function editForm(ctx: ActionContext, offer: Offer, values: OfferFormValues, errors?: Record<string, string>): Promise<AdaptiveCardJson> {
  const school = await ctx.app.stores.schools.findSchool(offer.schoolId);
  return renderOfferFormCard(
    offerFormCardData({
      channelName: school?.clplChannel?.name ?? 'the CLPL channel',
      catalogue: ctx.app.tagCatalogue,
      values,
      errors,
      formMessage: errors ? 'Please check the highlighted details.' : undefined,
      editing: { offerId: offer.id, submitVerb: manageVerbs.update },
      editingGroupOffer: offer.groupId !== undefined,
      defaultFollowUpWeeks: ctx.app.evidence.followUp.defaultWeeks,
    }),
  );
}

const changeLabel = {
  title: 'title',
  description: 'description',
  facilitator: 'facilitator',
  time: 'time',
  location: 'place',
  onlineLink: 'online link',
  capacity: 'places',
  signUpsCloseAt: 'closing time',
  tags: 'tags',
  followUpWeeks: 'practice follow-up',
  quotaPerSchool: 'places per school',
  quotaReleasesAt: 'release of unused places',
} as const;

function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}
