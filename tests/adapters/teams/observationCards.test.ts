import {
  observationAnsweredCard,
  observationCancelledCard,
  observationFormCardData,
  observationNoticeCard,
  observationReadCard,
  observationReflectionSavedCard,
  observationSentCard,
  renderObservationFormCard,
} from '../../../bot/adapters/teams/cards/observationCards';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { PeerObservation } from '../../../bot/domain/peerObservation';
import { defaultTagCatalogue } from '../../../bot/domain/tags';
import { ObservationNoticeVisit } from '../../../bot/ports/observationNotices';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';

const ann = { id: 'ann', name: 'Ann Host' };
const bob = { id: 'bob', name: 'Bob Visitor [S3]' };
const observation: PeerObservation = {
  id: 'observation-1',
  schoolId: 'school-1',
  kind: 'offer',
  initiator: ann,
  colleague: bob,
  focus: { kind: 'priority', label: 'Closing the attainment gap' },
  startsAt: new Date('2026-11-05T10:00:00Z'),
  endsAt: new Date('2026-11-05T10:50:00Z'),
  timeZone: 'Europe/London',
  place: '',
  status: 'accepted',
  createdAt: new Date('2026-11-01T10:00:00Z'),
  decidedAt: new Date('2026-11-02T10:00:00Z'),
  revision: 2,
};
const visit: ObservationNoticeVisit = { observationId: observation.id, observationKind: 'offer', focus: 'Closing the attainment gap', startsAt: '2026-11-05T10:00:00Z', endsAt: '2026-11-05T10:50:00Z', timeZone: 'Europe/London', place: 'Room 4' };
const text = (card: unknown) => JSON.stringify(card);

describe('peer observation cards are valid Adaptive Cards 1.5', () => {
  it('the form offers colleagues and every focus, and keeps what was typed with what to fix', () => {
    const card = renderObservationFormCard(
      observationFormCardData({
        colleagues: [bob],
        catalogue: defaultTagCatalogue,
        values: { kind: 'request', colleague: 'bob', focus: 'priority:9', date: '2026-11-05', startTime: '10:00', endTime: '09:00', place: 'Room 4' },
        errors: { endTime: 'The visit must end after it starts.' },
        formMessage: 'Please check',
      }),
    );
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('{"title":"Bob Visitor [S3]","value":"bob"}');
    expect(text(card)).toContain('"value":"standard:2"');
    expect(text(card)).toContain('The visit must end after it starts.');
  });

  it('every notice renders, the same through the messenger', () => {
    const notices = [
      { kind: 'observation_invite' as const, ...visit, initiatorName: ann.name },
      { kind: 'observation_answered' as const, ...visit, colleagueName: bob.name, outcome: 'accepted' as const },
      { kind: 'observation_answered' as const, ...visit, colleagueName: bob.name, outcome: 'declined' as const },
      { kind: 'observation_cancelled' as const, ...visit, byName: bob.name },
      { kind: 'observation_reflection_request' as const, ...visit, partnerName: bob.name, role: 'observed' as const, goals: [] },
      { kind: 'observation_reflection_request' as const, ...visit, partnerName: ann.name, role: 'observer' as const, goals: [{ id: 'g1', title: 'Questioning' }] },
    ];
    for (const notice of notices) {
      expectValidAdaptiveCard(observationNoticeCard(notice));
      expect(noticeCard(notice)).toEqual(observationNoticeCard(notice));
    }
    expect(text(observationNoticeCard(notices[0]!))).toContain('Ann Host invites you to visit their lesson');
    expect(text(observationNoticeCard(notices[5]!))).toContain('{"title":"Questioning","value":"g1"}');
  });

  it('the answers to the person who acted render, and the read card shows both reflections or says what is missing', () => {
    for (const card of [
      observationSentCard({ ...observation, status: 'pending' }),
      observationAnsweredCard(observation),
      observationAnsweredCard({ ...observation, status: 'declined' }),
      observationCancelledCard({ ...observation, status: 'cancelled' }, bob),
      observationReflectionSavedCard(observation),
    ]) {
      expectValidAdaptiveCard(card);
    }
    const reflection = (person: typeof ann, noticed: string) => ({ observationId: observation.id, person, noticed, takeaway: '', goalId: null, submittedAt: observation.endsAt, updatedAt: observation.endsAt });
    const none = observationReadCard({ observation, reflections: [], partner: bob, partnerHasWritten: true, viewerId: 'ann' });
    expectValidAdaptiveCard(none);
    expect(text(none)).toContain('Write your own reflection first');
    const both = observationReadCard({ observation, reflections: [reflection(ann, 'Calm start'), reflection(bob, 'Clear routines')], partner: bob, partnerHasWritten: true, viewerId: 'ann' });
    expectValidAdaptiveCard(both);
    expect(text(both)).toContain('Your reflection');
    expect(text(both)).toContain("Bob Visitor [S3]'s reflection");
  });
});
