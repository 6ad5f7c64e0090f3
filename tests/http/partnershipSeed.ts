import { Offer } from '../../bot/domain/offer';
import { Person } from '../../bot/domain/person';
import { GroupDefinition } from '../../bot/domain/schoolGroups';
import { RunningServer } from '../../bot/server';
import { buildAttendance, buildOffer, buildResponse, buildSignUp, shift, sltMember, testNow } from '../factories';

export const authorityLead: Person = { id: 'fk-lead', name: 'Fiona Authority' };
export const northLead: Person = { id: 'north-lead', name: 'Niall North' };
export const stirlingLead: Person = { id: 'st-lead', name: 'Stuart Stirling' };
export const teacher: Person = { id: 'larbert-teacher-1', name: 'Larbert teacher 1' };

const group = (id: string, fields: Partial<GroupDefinition>): GroupDefinition => ({ id, name: id, kind: 'cluster', schools: [], groups: [], leads: [], ...fields });

/**
 * Falkirk Council (authority) with two clusters, and Stirling beside it. Yesterday the north cluster ran a session
 * from Larbert High: 3 of Larbert's staff and 4 of Carron's answered. Braes High ran its own: 2 answered of 3 who came
 * (fewer than the 3 needed to show answers). Wallace High is in Stirling, not Falkirk.
 */
export async function seedPartnership(server: RunningServer): Promise<{ clusterSession: Offer; braesSession: Offer }> {
  const { stores } = server;
  const schools = { larbert: 'Larbert High', carron: 'Carron Primary', braes: 'Braes High', wallace: 'Wallace High' };
  for (const [id, name] of Object.entries(schools)) await stores.schools.upsertSchool({ id, name, tenantId: null });
  // Local mode knows people by the schools they are staff of (with Teams SSO anyone signed in is known).
  for (const person of [authorityLead, northLead, teacher]) await stores.schools.recordMember('larbert', person);
  await stores.schools.recordMember('wallace', stirlingLead);
  await stores.groups.applyFile(
    [
      group('falkirk', { name: 'Falkirk Council', kind: 'authority', groups: ['falkirk-north', 'falkirk-south'], leads: [authorityLead.id] }),
      group('falkirk-north', { name: 'North cluster', schools: ['larbert', 'carron'], leads: [northLead.id] }),
      group('falkirk-south', { name: 'South cluster', schools: ['braes'] }),
      group('stirling', { name: 'Stirling Council', kind: 'authority', schools: ['wallace'], leads: [stirlingLead.id] }),
    ],
    'partnership-test',
    testNow,
  );
  const yesterday = { startsAt: shift(testNow, { hours: -30 }), endsAt: shift(testNow, { hours: -28 }), signUpsCloseAt: shift(testNow, { hours: -31 }) };
  const clusterSession = buildOffer({ ...yesterday, schoolId: 'larbert', groupId: 'falkirk-north', title: 'Cluster moderation', capacity: 20 });
  const braesSession = buildOffer({ ...yesterday, schoolId: 'braes', title: 'Braes reading', capacity: 20 });
  const wallaceSession = buildOffer({ ...yesterday, schoolId: 'wallace', title: 'Wallace numeracy', capacity: 20 });
  let queue = 0;
  const take = (offer: Offer, schoolId: string, count: number, answering: number) =>
    Array.from({ length: count }, (_, i) => {
      const person = i === 0 && schoolId === 'larbert' ? teacher : { id: `${schoolId}-teacher-${i + 1}`, name: `${schoolId} teacher ${i + 1}` };
      return {
        signUp: buildSignUp({ offerId: offer.id, person, schoolId, queueNumber: ++queue }),
        attendance: buildAttendance({ offerId: offer.id, person, minutes: 120, recordedBy: sltMember }),
        response: i < answering ? buildResponse({ offerId: offer.id, person, value: 4, before: { knowledge: 2, understanding: 2, confidence: 3 }, after: { knowledge: 4, understanding: 3, confidence: 4 } }) : null,
      };
    });
  const people = [...take(clusterSession, 'larbert', 4, 3), ...take(clusterSession, 'carron', 4, 4), ...take(braesSession, 'braes', 3, 2), ...take(wallaceSession, 'wallace', 5, 5)];
  await stores.evidence.transaction(async (tx) => {
    for (const offer of [clusterSession, braesSession, wallaceSession]) await tx.insertOffer(offer);
    await tx.saveSignUps(people.map((p) => p.signUp));
    await tx.saveAttendance(people.map((p) => p.attendance));
    for (const p of people) if (p.response) await tx.saveFeedback(p.response);
  });
  return { clusterSession, braesSession };
}
