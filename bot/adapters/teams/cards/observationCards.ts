import { FieldErrors } from '../../../domain/errors';
import { maxReflectionLength, ObservationKind, ObservationReflection, PeerObservation } from '../../../domain/peerObservation';
import { Person } from '../../../domain/person';
import { TagCatalogue } from '../../../domain/tags';
import { ObservationNotice } from '../../../ports/observationNotices';
import { sessionTime } from './format';
import formTemplate from './observationFormCard.json';
import reflectionTemplate from './observationReflectionCard.json';
import cardTemplate from './observationCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

export const observationVerbs = {
  arrange: 'observation.arrange.v1',
  accept: 'observation.accept.v1',
  decline: 'observation.decline.v1',
  cancel: 'observation.cancel.v1',
  reflectForm: 'observation.reflectForm.v1',
  reflect: 'observation.reflect.v1',
  read: 'observation.read.v1',
} as const;

type Choice = { title: string; value: string };
type Fact = { title: string; value: string };

export interface ObservationFormValues {
  kind: string;
  colleague: string;
  focus: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
}

export interface ObservationFormCardData {
  formMessage: string;
  values: ObservationFormValues;
  errors: FieldErrors;
  colleagues: Choice[];
  focuses: Choice[];
}

/** Focus choices: `standard:<i>` and `priority:<i>`, indexes into the catalogue (its wording may be long). */
export function focusChoices(catalogue: TagCatalogue): Choice[] {
  return [
    ...catalogue.standards.map((label, i) => ({ title: `GTCS standard: ${label}`, value: `standard:${i}` })),
    ...catalogue.priorities.map((label, i) => ({ title: `Priority: ${label}`, value: `priority:${i}` })),
  ];
}

export const emptyObservationForm: ObservationFormValues = { kind: 'offer', colleague: '', focus: '', date: '', startTime: '', endTime: '', place: '' };

export function observationFormCardData(input: { colleagues: readonly Person[]; catalogue: TagCatalogue; values?: ObservationFormValues; errors?: FieldErrors; formMessage?: string }): ObservationFormCardData {
  return {
    formMessage: input.formMessage ?? '',
    values: input.values ?? emptyObservationForm,
    errors: input.errors ?? {},
    colleagues: input.colleagues.map((p) => ({ title: p.name, value: p.id })),
    focuses: focusChoices(input.catalogue),
  };
}

export function renderObservationFormCard(data: ObservationFormCardData): AdaptiveCardJson {
  return renderTemplate(formTemplate, data);
}

export interface ObservationReflectionCardData {
  observationId: string;
  summary: string;
  partnerName: string;
  formMessage: string;
  submitTitle: string;
  maxLength: number;
  values: { noticed: string; takeaway: string; goalId: string };
  errors: FieldErrors;
  goalChoices: Choice[];
}

type Visit = { kind: ObservationKind; focus: string; startsAt: Date; endsAt: Date; timeZone: string; place: string };

export function visitLine(visit: Visit, partnerName: string, observer: boolean): string {
  const what = observer ? `Your visit to ${partnerName}'s lesson` : `${partnerName}'s visit to your lesson`;
  return `${what} · ${sessionTime(visit)} · focus: ${visit.focus}`;
}

export function observationReflectionCardData(input: {
  observationId: string;
  visit: Visit;
  partnerName: string;
  observer: boolean;
  goalChoices: readonly { id: string; title: string }[];
  existing?: Pick<ObservationReflection, 'noticed' | 'takeaway' | 'goalId'>;
  values?: { noticed: string; takeaway: string; goalId: string };
  errors?: FieldErrors;
  formMessage?: string;
}): ObservationReflectionCardData {
  return {
    observationId: input.observationId,
    summary: visitLine(input.visit, input.partnerName, input.observer),
    partnerName: input.partnerName,
    formMessage: input.formMessage ?? '',
    submitTitle: input.existing ? 'Save my changes' : 'Save my reflection',
    maxLength: maxReflectionLength,
    values: input.values ?? { noticed: input.existing?.noticed ?? '', takeaway: input.existing?.takeaway ?? '', goalId: input.existing?.goalId ?? '' },
    errors: input.errors ?? {},
    goalChoices: input.goalChoices.map((g) => ({ title: g.title, value: g.id })),
  };
}

export function renderObservationReflectionCard(data: ObservationReflectionCardData): AdaptiveCardJson {
  return renderTemplate(reflectionTemplate, data);
}

export interface ObservationCardData {
  title: string;
  text: string;
  color: 'Default' | 'Good' | 'Warning' | 'Attention';
  facts: Fact[];
  sections: Array<{ heading: string; body: string }>;
  buttons: Array<{ title: string; verb: string; observationId: string }>;
}

export function renderObservationCard(data: ObservationCardData): AdaptiveCardJson {
  return renderTemplate(cardTemplate, data);
}

export function visitFacts(visit: Visit): Fact[] {
  return [
    { title: 'When', value: sessionTime(visit) },
    { title: 'Focus', value: visit.focus },
    ...(visit.place ? [{ title: 'Where', value: visit.place }] : []),
  ];
}

const visitOfNotice = (n: ObservationNotice): Visit => ({ kind: n.observationKind, focus: n.focus, startsAt: new Date(n.startsAt), endsAt: new Date(n.endsAt), timeZone: n.timeZone, place: n.place });
export const visitOfObservation = (o: PeerObservation): Visit => ({ kind: o.kind, focus: o.focus.label, startsAt: o.startsAt, endsAt: o.endsAt, timeZone: o.timeZone, place: o.place });

/** The 1:1 cards the bot sends on its own about a peer observation. */
export function observationNoticeCard(notice: ObservationNotice): AdaptiveCardJson {
  const visit = visitOfNotice(notice);
  const id = notice.observationId;
  switch (notice.kind) {
    case 'observation_invite':
      return renderObservationCard({
        title: notice.observationKind === 'offer' ? `${notice.initiatorName} invites you to visit their lesson` : `${notice.initiatorName} asks to visit your lesson`,
        text: 'A peer observation is a learning visit: afterwards you each write a short reflection that only the two of you can read. It counts toward your CLPL hours.',
        color: 'Default',
        facts: visitFacts(visit),
        sections: [],
        buttons: [
          { title: 'Accept', verb: observationVerbs.accept, observationId: id },
          { title: 'Decline', verb: observationVerbs.decline, observationId: id },
        ],
      });
    case 'observation_answered':
      return renderObservationCard({
        title: notice.outcome === 'accepted' ? `${notice.colleagueName} accepted your peer observation` : `${notice.colleagueName} declined your peer observation`,
        text: notice.outcome === 'accepted' ? 'It is in your calendar feed ("my calendar"). After the visit you will both be asked for a short reflection.' : 'Nothing more will happen. You could ask another colleague with "observe".',
        color: notice.outcome === 'accepted' ? 'Good' : 'Default',
        facts: visitFacts(visit),
        sections: [],
        buttons: notice.outcome === 'accepted' ? [{ title: 'Cancel the visit', verb: observationVerbs.cancel, observationId: id }] : [],
      });
    case 'observation_cancelled':
      return renderObservationCard({ title: 'Peer observation cancelled', text: `${notice.byName} called off this visit.`, color: 'Warning', facts: visitFacts(visit), sections: [], buttons: [] });
    case 'observation_reflection_request':
      return renderObservationReflectionCard(
        observationReflectionCardData({ observationId: id, visit, partnerName: notice.partnerName, observer: notice.role === 'observer', goalChoices: notice.goals }),
      );
  }
}

/** What the colleague sees in place of the invitation once they have answered. */
export function observationAnsweredCard(observation: PeerObservation): AdaptiveCardJson {
  const accepted = observation.status === 'accepted';
  return renderObservationCard({
    title: accepted ? 'Accepted' : 'Declined',
    text: accepted
      ? `${observation.initiator.name} has been told. The visit is in your calendar feed ("my calendar"); afterwards you will both be asked for a short reflection.`
      : `${observation.initiator.name} has been told.`,
    color: accepted ? 'Good' : 'Default',
    facts: visitFacts(visitOfObservation(observation)),
    sections: [],
    buttons: accepted ? [{ title: 'Cancel the visit', verb: observationVerbs.cancel, observationId: observation.id }] : [],
  });
}

export function observationSentCard(observation: PeerObservation): AdaptiveCardJson {
  return renderObservationCard({
    title: `Sent to ${observation.colleague.name}`,
    text: 'You will hear when they accept or decline.',
    color: 'Good',
    facts: visitFacts(visitOfObservation(observation)),
    sections: [],
    buttons: [{ title: 'Cancel', verb: observationVerbs.cancel, observationId: observation.id }],
  });
}

export function observationCancelledCard(observation: PeerObservation, partner: Person): AdaptiveCardJson {
  return renderObservationCard({ title: 'Cancelled', text: `${partner.name} has been told.`, color: 'Default', facts: visitFacts(visitOfObservation(observation)), sections: [], buttons: [] });
}

export function observationReflectionSavedCard(observation: PeerObservation): AdaptiveCardJson {
  return renderObservationCard({
    title: 'Thank you: your reflection is saved',
    text: 'Only you and your colleague can read it. The visit now counts toward your CLPL hours.',
    color: 'Good',
    facts: visitFacts(visitOfObservation(observation)),
    sections: [],
    buttons: [
      { title: 'Read our reflections', verb: observationVerbs.read, observationId: observation.id },
      { title: 'Change my reflection', verb: observationVerbs.reflectForm, observationId: observation.id },
    ],
  });
}

export function observationReadCard(input: { observation: PeerObservation; reflections: readonly ObservationReflection[]; partner: Person; partnerHasWritten: boolean; viewerId: string }): AdaptiveCardJson {
  const sections = input.reflections.map((r) => ({
    heading: r.person.id === input.viewerId ? 'Your reflection' : `${r.person.name}'s reflection`,
    body: r.takeaway ? `${r.noticed}\n\nTaking away: ${r.takeaway}` : r.noticed,
  }));
  const waiting = input.reflections.length === 0 ? `Write your own reflection first; then you can read ${input.partner.name}'s too.` : input.partnerHasWritten ? '' : `${input.partner.name} has not written theirs yet.`;
  return renderObservationCard({
    title: 'Peer observation reflections',
    text: waiting,
    color: 'Default',
    facts: visitFacts(visitOfObservation(input.observation)),
    sections,
    buttons: [],
  });
}
