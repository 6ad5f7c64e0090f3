import { MyObservationsThisYear } from '../../../app/peerObservation/myObservations';
import { ObservationAction, PeerObservation, roleOf, partnerOf } from '../../../domain/peerObservation';
import { hoursText } from './hoursText';
import template from './myObservationsCard.json';
import { observationVerbs, visitFacts, visitLine, visitOfObservation } from './observationCards';
import { AdaptiveCardJson, renderTemplate } from './render';

/** A year of visits is rarely more; the rest are counted, so the card stays small. */
export const visitsShown = 30;

type Button = { title: string; verb: string; observationId: string };

export interface MyObservationsCardData {
  heading: string;
  intro: string;
  emptyText: string;
  visits: Array<{ summary: string; facts: Array<{ title: string; value: string }>; buttons: Button[] }>;
  more: string;
}

const buttonOf: Record<ObservationAction, { title: (reflected: boolean) => string; verb: string }> = {
  accept: { title: () => 'Accept', verb: observationVerbs.accept },
  decline: { title: () => 'Decline', verb: observationVerbs.decline },
  cancel: { title: () => 'Cancel the visit', verb: observationVerbs.cancel },
  reflect: { title: (reflected) => (reflected ? 'Change my reflection' : 'Write my reflection'), verb: observationVerbs.reflectForm },
  read: { title: () => 'Read reflections', verb: observationVerbs.read },
};

/** Where the visit stands for this person, in their words. */
function standing(observation: PeerObservation, personId: string, reflected: boolean, countedMinutes: number, now: Date): string {
  const partner = partnerOf(observation, personId);
  const started = now.getTime() >= observation.startsAt.getTime();
  switch (observation.status) {
    case 'pending':
      if (started) return 'Not answered in time';
      return observation.colleague.id === personId ? `${partner.name} asked you: accept or decline` : `Waiting for ${partner.name} to answer`;
    case 'declined':
      return 'Declined';
    case 'cancelled':
      return 'Cancelled';
    case 'accepted':
      if (now.getTime() < observation.endsAt.getTime()) return 'Accepted';
      return reflected ? `Reflected: ${hoursText(countedMinutes)} toward your CLPL hours` : 'Visited: write your reflection to count it toward your hours';
  }
}

export function myObservationsCardData(view: MyObservationsThisYear, personId: string): MyObservationsCardData {
  const counted = view.visits.filter((v) => v.countedMinutes > 0);
  const minutes = counted.reduce((sum, v) => sum + v.countedMinutes, 0);
  const n = view.visits.length;
  const hidden = n - visitsShown;
  return {
    heading: 'My peer observations',
    intro:
      n === 0
        ? `School year ${view.yearLabel}.`
        : `School year ${view.yearLabel}: ${n} ${n === 1 ? 'visit' : 'visits'}, ${counted.length} reflected on (${hoursText(minutes)} toward your CLPL hours). Only you and your colleague see each one.`,
    emptyText: 'No peer observations this school year. Type "observe" to offer your lesson for a colleague to visit, or to ask to visit theirs.',
    visits: view.visits.slice(0, visitsShown).map(({ observation, reflected, actions, countedMinutes }) => ({
      summary: visitLine(visitOfObservation(observation), partnerOf(observation, personId).name, roleOf(observation, personId) === 'observer'),
      facts: [...visitFacts(visitOfObservation(observation)), { title: 'Status', value: standing(observation, personId, reflected, countedMinutes, view.now) }],
      buttons: actions.map((action) => ({ title: buttonOf[action].title(reflected), verb: buttonOf[action].verb, observationId: observation.id })),
    })),
    more: hidden > 0 ? `…and ${hidden} earlier ${hidden === 1 ? 'visit' : 'visits'} this year.` : '',
  };
}

export function renderMyObservationsCard(data: MyObservationsCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
