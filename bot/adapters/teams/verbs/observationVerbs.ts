import { DateTime } from 'luxon';
import { z } from 'zod';
import { arrangeObservation } from '../../../app/peerObservation/arrangeObservation';
import { answerObservation, cancelObservation } from '../../../app/peerObservation/answerObservation';
import { observationReflectionForm, readObservationReflections, reflectOnObservation } from '../../../app/peerObservation/reflectOnObservation';
import { schoolForPerson } from '../../../app/schools';
import { FieldErrors, isDomainError } from '../../../domain/errors';
import { ObservationFocus, partnerOf, PeerObservation, roleOf } from '../../../domain/peerObservation';
import { TagCatalogue } from '../../../domain/tags';
import {
  observationAnsweredCard,
  observationCancelledCard,
  observationFormCardData,
  ObservationFormValues,
  observationReadCard,
  observationReflectionCardData,
  observationReflectionSavedCard,
  observationSentCard,
  observationVerbs,
  renderObservationFormCard,
  renderObservationReflectionCard,
} from '../cards/observationCards';
import { AdaptiveCardJson } from '../cards/render';
import { ActionContext, VerbHandler } from './types';

/** Every card action about one observation names it; nothing else is trusted from the card. */
const target = z.object({ observationId: z.string().trim().min(1).max(200) });
const text = (max: number) => z.string().max(max).optional().default('');
const formSchema = z.object({
  kind: text(10),
  colleague: text(200),
  focus: text(20),
  date: text(10),
  startTime: text(5),
  endTime: text(5),
  place: text(400),
});
const reflectionSchema = z.object({ noticed: text(6000), takeaway: text(6000), goalId: text(200) });

/** The form, offering the school's members the app knows (seen in its teams or on its roster), not oneself. */
export async function observationForm(ctx: { app: ActionContext['app']; person: ActionContext['person'] }, schoolId: string, extra: { values?: ObservationFormValues; errors?: FieldErrors; formMessage?: string } = {}): Promise<AdaptiveCardJson> {
  const colleagues = (await ctx.app.stores.schools.listMembers(schoolId)).filter((p) => p.id !== ctx.person.id);
  return renderObservationFormCard(observationFormCardData({ colleagues, catalogue: ctx.app.tagCatalogue, ...extra }));
}

function focusOf(value: string, catalogue: TagCatalogue): ObservationFocus | null {
  const match = /^(standard|priority):(\d+)$/.exec(value.trim());
  if (!match) return null;
  const kind = match[1] as ObservationFocus['kind'];
  const label = (kind === 'standard' ? catalogue.standards : catalogue.priorities)[Number(match[2])];
  return label === undefined ? null : { kind, label };
}

function instant(date: string, time: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim()) || !/^\d{2}:\d{2}$/.test(time.trim())) return null;
  const at = DateTime.fromISO(`${date.trim()}T${time.trim()}`, { zone });
  return at.isValid ? at.toJSDate() : null;
}

async function arrange(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const values: ObservationFormValues = formSchema.parse(data);
  const school = ctx.schoolId ? { id: ctx.schoolId } : await schoolForPerson(ctx.app, ctx.person.id);
  const errors: FieldErrors = {};
  const kind = values.kind === 'offer' || values.kind === 'request' ? values.kind : null;
  if (!kind) errors.kind = 'Choose offer or ask.';
  const focus = focusOf(values.focus, ctx.app.tagCatalogue);
  if (!focus) errors.focus = 'Choose a focus from the list.';
  if (values.colleague.trim() === '') errors.colleague = 'Choose a colleague.';
  const startsAt = instant(values.date, values.startTime, ctx.timeZone);
  const endsAt = instant(values.date, values.endTime, ctx.timeZone);
  if (!startsAt) errors.startTime = 'Choose a date and a start time.';
  if (!endsAt) errors.endTime = 'Choose an end time.';
  const again = (fieldErrors: FieldErrors) => observationForm(ctx, school.id, { values, errors: fieldErrors, formMessage: 'Please check the highlighted answers. Nothing has been sent yet.' });
  if (!kind || !focus || !startsAt || !endsAt || Object.keys(errors).length > 0) return again(errors);
  try {
    const observation = await arrangeObservation(ctx.app, { schoolId: school.id, initiator: ctx.person, kind, colleagueId: values.colleague.trim(), focus, startsAt, endsAt, timeZone: ctx.timeZone, place: values.place });
    ctx.logger.info({ event: 'observation_arranged', observationId: observation.id, kind });
    return observationSentCard(observation);
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_observation') return again(error.fieldErrors);
    throw error;
  }
}

function answer(outcome: 'accepted' | 'declined'): VerbHandler {
  return async (ctx, data) => {
    const { observationId } = target.parse(data);
    const observation = await answerObservation(ctx.app, { observationId, person: ctx.person, outcome });
    ctx.logger.info({ event: 'observation_answered', observationId, outcome });
    return observationAnsweredCard(observation);
  };
}

function reflectionFormCard(observation: PeerObservation, personId: string, goalChoices: { id: string; title: string }[], extra: Partial<Parameters<typeof observationReflectionCardData>[0]>): AdaptiveCardJson {
  const visit = { kind: observation.kind, focus: observation.focus.label, startsAt: observation.startsAt, endsAt: observation.endsAt, timeZone: observation.timeZone, place: observation.place };
  return renderObservationReflectionCard(
    observationReflectionCardData({ observationId: observation.id, visit, partnerName: partnerOf(observation, personId).name, observer: roleOf(observation, personId) === 'observer', goalChoices, ...extra }),
  );
}

async function reflect(ctx: ActionContext, data: unknown): Promise<AdaptiveCardJson> {
  const { observationId } = target.parse(data);
  const values = reflectionSchema.parse(data);
  const goalId = values.goalId.trim() === '' || values.goalId === 'none' ? null : values.goalId.trim();
  try {
    const saved = await reflectOnObservation(ctx.app, { observationId, person: ctx.person, answers: { noticed: values.noticed, takeaway: values.takeaway, goalId } });
    if (saved.goalLinkFailure) ctx.logger.warn({ event: 'observation_goal_link_failed', observationId, reason: saved.goalLinkFailure });
    ctx.logger.info({ event: 'observation_reflected', observationId });
    return observationReflectionSavedCard(saved.observation);
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'invalid_observation_reflection') throw error;
    const view = await observationReflectionForm(ctx.app, { observationId, personId: ctx.person.id });
    return reflectionFormCard(view.observation, ctx.person.id, view.goalChoices, { existing: view.existing, values, errors: error.fieldErrors, formMessage: 'Please check the highlighted answers. Nothing has been saved yet.' });
  }
}

/** Peer observation: arrange, answer, cancel, reflect and read (the two people only). */
export const observationVerbHandlers: Record<string, VerbHandler> = {
  [observationVerbs.arrange]: arrange,
  [observationVerbs.accept]: answer('accepted'),
  [observationVerbs.decline]: answer('declined'),
  [observationVerbs.cancel]: async (ctx, data) => {
    const { observationId } = target.parse(data);
    const observation = await cancelObservation(ctx.app, { observationId, person: ctx.person });
    return observationCancelledCard(observation, partnerOf(observation, ctx.person.id));
  },
  [observationVerbs.reflectForm]: async (ctx, data) => {
    const { observationId } = target.parse(data);
    const view = await observationReflectionForm(ctx.app, { observationId, personId: ctx.person.id });
    return reflectionFormCard(view.observation, ctx.person.id, view.goalChoices, { existing: view.existing });
  },
  [observationVerbs.reflect]: reflect,
  [observationVerbs.read]: async (ctx, data) => {
    const { observationId } = target.parse(data);
    const read = await readObservationReflections(ctx.app, { observationId, personId: ctx.person.id });
    return observationReadCard({ ...read, partner: partnerOf(read.observation, ctx.person.id), viewerId: ctx.person.id });
  },
};

