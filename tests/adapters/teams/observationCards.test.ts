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
import { myObservationsCardData, renderMyObservationsCard } from '../../../bot/adapters/teams/cards/myObservationsCard';
import { sessionTime } from '../../../bot/adapters/teams/cards/format';
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

describe('"my observations": the person’s own visits with what they can do now', () => {
  const after = new Date('2026-11-05T12:00:00Z');
  const pendingForBob: PeerObservation = { ...observation, id: 'observation-2', status: 'pending', decidedAt: null, revision: 1, startsAt: new Date('2026-11-10T10:00:00Z'), endsAt: new Date('2026-11-10T10:50:00Z'), place: 'Room 4' };
  const buttonsOf = (container: any) => (container.items.find((i: any) => i.type === 'ActionSet')?.actions ?? []).map((a: any) => [a.title, a.verb, a.data.observationId, a.fallback.data.verb]);
  const statusOf = (container: any) => container.items.find((i: any) => i.type === 'FactSet').facts.find((f: any) => f.title === 'Status').value;

  it('lists each visit with its standing and its buttons (Action.Execute with Submit fallbacks), counting the hours reflected', () => {
    const view = {
      yearLabel: '2026/27',
      now: after,
      visits: [
        { observation: pendingForBob, reflected: false, actions: ['accept', 'decline', 'cancel'] as const, countedMinutes: 0 },
        { observation, reflected: true, actions: ['reflect', 'read'] as const, countedMinutes: 50 },
      ].map((v) => ({ ...v, actions: [...v.actions] })),
    };
    const card = renderMyObservationsCard(myObservationsCardData(view, bob.id)) as any;
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('School year 2026/27: 2 visits, 1 reflected on (50 minutes toward your CLPL hours)');
    const [first, second] = card.body.filter((b: any) => b.type === 'Container');
    expect(first.items[0].text).toBe(`Your visit to ${ann.name}'s lesson · ${sessionTime(pendingForBob)} · focus: Closing the attainment gap`);
    expect(statusOf(first)).toBe(`${ann.name} asked you: accept or decline`);
    expect(buttonsOf(first)).toEqual([
      ['Accept', 'observation.accept.v1', 'observation-2', 'observation.accept.v1'],
      ['Decline', 'observation.decline.v1', 'observation-2', 'observation.decline.v1'],
      ['Cancel the visit', 'observation.cancel.v1', 'observation-2', 'observation.cancel.v1'],
    ]);
    expect(statusOf(second)).toBe('Reflected: 50 minutes toward your CLPL hours');
    expect(buttonsOf(second)).toEqual([
      ['Change my reflection', 'observation.reflectForm.v1', observation.id, 'observation.reflectForm.v1'],
      ['Read reflections', 'observation.read.v1', observation.id, 'observation.read.v1'],
    ]);
  });

  it('a cancelled visit has no buttons; with none at all, the card says how to arrange one', () => {
    const cancelled = renderMyObservationsCard(
      myObservationsCardData({ yearLabel: '2026/27', now: after, visits: [{ observation: { ...observation, status: 'cancelled' }, reflected: false, actions: [], countedMinutes: 0 }] }, ann.id),
    ) as any;
    expectValidAdaptiveCard(cancelled);
    const container = cancelled.body.find((b: any) => b.type === 'Container');
    expect(statusOf(container)).toBe('Cancelled');
    expect(container.items.some((i: any) => i.type === 'ActionSet')).toBe(false);
    const empty = renderMyObservationsCard(myObservationsCardData({ yearLabel: '2026/27', now: after, visits: [] }, ann.id));
    expectValidAdaptiveCard(empty);
    expect(text(empty)).toContain('No peer observations this school year. Type \\"observe\\"');
  });
});
