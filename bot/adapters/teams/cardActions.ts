import { Logger } from 'pino';
import { createOffer } from '../../app/createOffer';
import { AppDependencies } from '../../app/dependencies';
import { schoolForPerson } from '../../app/schools';
import { signUp, viewOffer } from '../../app/signUp';
import { withdraw } from '../../app/withdraw';
import { isDomainError } from '../../domain/errors';
import { offerDraftProblems } from '../../domain/offer';
import { Person } from '../../domain/person';
import { offerActionData, verbs } from './cardActionSchema';
import { messageCard } from './cards/messageCard';
import { offerCardData, renderOfferCard } from './cards/offerCard';
import { offerFormCardData, renderOfferFormCard } from './cards/offerFormCard';
import { AdaptiveCardJson } from './cards/render';
import { errorText, unexpectedErrorText } from './errorText';
import { parseOfferForm } from './offerFormSchema';

export interface ActionContext {
  app: AppDependencies;
  logger: Logger;
  timeZone: string;
  person: Person;
  /** The school of the team the card is in; null in a 1:1 chat. */
  schoolId: string | null;
}

type VerbHandler = (ctx: ActionContext, data: unknown) => Promise<AdaptiveCardJson>;

/** `Action.Execute` verbs (and their `Action.Submit` fallbacks) route here by name. */
const handlers: Record<string, VerbHandler> = {
  [verbs.signUp]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await signUp(ctx.app, { offerId, person: ctx.person });
    return renderOfferCard(offerCardData(view, ctx.app.clock.now(), view.standing));
  },
  [verbs.withdraw]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await withdraw(ctx.app, { offerId, personId: ctx.person.id });
    return renderOfferCard(offerCardData(view, ctx.app.clock.now(), view.standing));
  },
  [verbs.refresh]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    const view = await viewOffer(ctx.app, { offerId, personId: ctx.person.id });
    return renderOfferCard(offerCardData(view, ctx.app.clock.now(), view.standing));
  },
  [verbs.createOffer]: submitOfferForm,
};

async function submitOfferForm(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const school = ctx.schoolId ? { id: ctx.schoolId } : await schoolForPerson(ctx.app, ctx.person.id);
  const found = await ctx.app.stores.schools.findSchool(school.id);
  const channelName = found?.clplChannel?.name ?? 'the CLPL channel';
  const catalogue = ctx.app.tagCatalogue;
  const form = parseOfferForm(data, { author: ctx.person, timeZone: ctx.timeZone, catalogue, knownStaff: await ctx.app.stores.schools.listMembers(school.id) });
  if (!form.ok) {
    return renderOfferFormCard(offerFormCardData({ channelName, catalogue, values: form.values, errors: form.errors, formMessage: 'Please check the highlighted details.' }));
  }
  const problems = offerDraftProblems(form.draft, ctx.app.clock.now(), catalogue);
  if (Object.keys(problems).length > 0) {
    return renderOfferFormCard(offerFormCardData({ channelName, catalogue, values: form.values, errors: problems, formMessage: 'Please check the highlighted details.' }));
  }
  const created = await createOffer(ctx.app, { schoolId: school.id, author: ctx.person, draft: form.draft });
  return messageCard('Offer posted', `"${created.offer.title}" is now in ${created.channelName} for staff to sign up.`, 'Good');
}

/** Runs one card action; every outcome is a card for the person, never a stack trace. */
export async function runCardAction(ctx: ActionContext, verb: string, data: unknown): Promise<AdaptiveCardJson> {
  const handler = handlers[verb];
  if (!handler) {
    return messageCard('That button is out of date', 'I do not recognise this action. Type "my clpl" to see your sessions.', 'Warning');
  }
  try {
    return await handler(ctx, data);
  } catch (error) {
    return cardForError(ctx.logger, verb, error);
  }
}

export function cardForError(logger: Logger, verb: string, error: unknown): AdaptiveCardJson {
  if (isDomainError(error)) {
    const text = errorText[error.code];
    return messageCard(text.title, text.text, 'Warning');
  }
  if (isZodError(error)) {
    return messageCard('That card is incomplete', 'This card did not send what I need. Type "my clpl" to see your sessions.', 'Warning');
  }
  logger.error({ event: 'card_action_failed', verb, err: error instanceof Error ? error.stack : String(error) });
  return messageCard(unexpectedErrorText.title, unexpectedErrorText.text, 'Attention');
}

function isZodError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ZodError';
}
