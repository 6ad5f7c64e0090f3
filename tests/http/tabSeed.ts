import { Offer } from '../../bot/domain/offer';
import { Person } from '../../bot/domain/person';
import { RunningServer } from '../../bot/server';
import { buildAttendance, buildOffer, buildResponse, buildSignUp, schoolId, shift, sltMember, testNow } from '../factories';

export const ailsa: Person = { id: 'ailsa', name: 'Ailsa Brown' };
export const callum: Person = { id: 'callum', name: 'Callum Reid' };
export const dana: Person = { id: 'dana', name: 'Dana Absent' };

/**
 * The real server in local mode with one school: a session that ended recently (Ailsa and Callum attended, only
 * Callum answered, below the two responses needed to show answers), one from yesterday both answered, and an
 * upcoming one Ailsa holds a place on and Callum is waitlisted for.
 */
export async function seedSchoolWithSessions(server: RunningServer) {
  const { stores } = server;
  await stores.schools.upsertSchool({ id: schoolId, name: 'Balerno High School', tenantId: null });
  for (const person of [sltMember, ailsa, callum, dana]) await stores.schools.recordMember(schoolId, person);
  const recent = buildOffer({ title: 'Hinge questions', startsAt: shift(testNow, { hours: -5 }), capacity: 3 });
  const yesterday = buildOffer({ title: 'Retrieval practice', startsAt: shift(testNow, { hours: -30 }), endsAt: shift(testNow, { hours: -28 }) });
  const upcoming = buildOffer({ title: 'Outdoor learning', startsAt: shift(testNow, { days: 3 }), capacity: 1 });
  const signUp = (offer: Offer, person: Person, queueNumber: number, status: 'confirmed' | 'waitlisted' = 'confirmed') => buildSignUp({ offerId: offer.id, person, queueNumber, status });
  await stores.evidence.transaction(async (tx) => {
    for (const offer of [recent, yesterday, upcoming]) await tx.insertOffer(offer);
    await tx.saveSignUps([signUp(recent, ailsa, 1), signUp(recent, callum, 2), signUp(recent, dana, 3), signUp(recent, sltMember, 4, 'waitlisted')]);
    await tx.saveSignUps([signUp(yesterday, ailsa, 1), signUp(yesterday, callum, 2)]);
    await tx.saveSignUps([signUp(upcoming, ailsa, 1), signUp(upcoming, callum, 2, 'waitlisted')]);
    await tx.saveAttendance([
      buildAttendance({ offerId: recent.id, person: ailsa, minutes: 90 }),
      buildAttendance({ offerId: recent.id, person: callum, minutes: 90 }),
      buildAttendance({ offerId: recent.id, person: dana, attended: false, minutes: 90 }),
      buildAttendance({ offerId: yesterday.id, person: ailsa, minutes: 120 }),
      buildAttendance({ offerId: yesterday.id, person: callum, minutes: 120 }),
    ]);
    await tx.saveFeedback(buildResponse({ offerId: recent.id, person: callum, practiceChange: 'Callum will use hinge questions' }));
    await tx.saveFeedback(buildResponse({ offerId: yesterday.id, person: ailsa, anonymous: true }));
    await tx.saveFeedback(buildResponse({ offerId: yesterday.id, person: callum }));
  });
  return { recent, yesterday, upcoming };
}
