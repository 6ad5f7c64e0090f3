import { attendanceCandidates, decideAttendance, decidePartialAttendance, hoursProgress, sessionMinutes } from '../../bot/domain/attendance';
import { buildAttendance, buildOffer, buildPerson, buildSignUp, buildSignUps, shift, sltMember, testNow } from '../factories';

const facilitator = buildPerson({ name: 'Fiona Facilitator' });
const offer = buildOffer({
  facilitator: { kind: 'staff', userId: facilitator.id, name: facilitator.name },
  startsAt: shift(testNow, { days: -1 }),
  endsAt: shift(testNow, { days: -1, minutes: 90 }),
  signUpsCloseAt: shift(testNow, { days: -2 }),
  capacity: 3,
});
const signUps = buildSignUps(offer, 4);
const decide = (overrides: Partial<Parameters<typeof decideAttendance>[0]> = {}) =>
  decideAttendance({ offer, signUps, recorded: [], attendedIds: ['person-1', 'person-3'], recorder: facilitator, recorderIsSlt: false, now: testNow, ...overrides });

describe('marking attendance', () => {
  it('records every confirmed person, attended or not, with the session length in minutes', () => {
    const records = decide();
    expect(records.map((r) => [r.person.id, r.attended, r.minutes])).toEqual([
      ['person-1', true, 90],
      ['person-2', false, 90],
      ['person-3', true, 90],
    ]);
    expect(records.every((r) => r.recordedBy === facilitator && r.recordedAt === testNow)).toBe(true);
  });

  it('leaves out the waitlist and withdrawn people', () => {
    const withWithdrawn = [...signUps, buildSignUp({ offerId: offer.id, person: buildPerson(9), status: 'withdrawn', queueNumber: 9 })];
    expect(decide({ signUps: withWithdrawn }).map((r) => r.person.id)).toEqual(['person-1', 'person-2', 'person-3']);
  });

  it('keeps someone marked before who is no longer confirmed, so a correction loses no one', () => {
    const earlier = buildAttendance({ offerId: offer.id, person: buildPerson(7) });
    expect(attendanceCandidates(signUps, [earlier]).map((p) => p.id)).toEqual(['person-1', 'person-2', 'person-3', 'person-7']);
  });

  it('lets SLT mark a session they do not facilitate', () => {
    expect(decide({ recorder: sltMember, recorderIsSlt: true })).toHaveLength(3);
  });

  it('refuses anyone who is neither the facilitator nor SLT', () => {
    expect(() => decide({ recorder: buildPerson(1) })).toThrow(expect.objectContaining({ code: 'not_facilitator' }));
  });

  it('refuses an external facilitator name as a person', () => {
    const external = { ...offer, facilitator: { kind: 'external' as const, name: facilitator.name } };
    expect(() => decide({ offer: external })).toThrow(expect.objectContaining({ code: 'not_facilitator' }));
  });

  it('refuses before the session starts and for a cancelled session', () => {
    expect(() => decide({ now: shift(offer.startsAt, { minutes: -1 }) })).toThrow(expect.objectContaining({ code: 'session_not_started' }));
    expect(() => decide({ offer: { ...offer, status: 'cancelled' } })).toThrow(expect.objectContaining({ code: 'offer_cancelled' }));
  });

  it('refuses ids that are not on the list rather than ignoring them', () => {
    expect(() => decide({ attendedIds: ['person-1', 'person-4'] })).toThrow(expect.objectContaining({ code: 'invalid_attendance' }));
  });
});

describe('marking one page of a long list', () => {
  const decidePart = (attendedIds: string[], absentIds: string[]) =>
    decidePartialAttendance({ offer, signUps, recorded: [], attendedIds, absentIds, recorder: facilitator, recorderIsSlt: false, now: testNow });

  it('records only the people on the page, so other pages keep what they had', () => {
    expect(decidePart(['person-3'], ['person-2']).map((r) => [r.person.id, r.attended])).toEqual([
      ['person-2', false],
      ['person-3', true],
    ]);
  });

  it('refuses strangers on either side, and a person marked both ways', () => {
    expect(() => decidePart([], ['person-4'])).toThrow(expect.objectContaining({ code: 'invalid_attendance' }));
    expect(() => decidePart(['person-1'], ['person-1'])).toThrow(expect.objectContaining({ code: 'invalid_attendance' }));
  });

  it('refuses anyone who is neither the facilitator nor SLT, as for the whole list', () => {
    expect(() => decidePartialAttendance({ offer, signUps, recorded: [], attendedIds: [], absentIds: ['person-1'], recorder: buildPerson(1), recorderIsSlt: false, now: testNow })).toThrow(
      expect.objectContaining({ code: 'not_facilitator' }),
    );
  });
});

describe('hours', () => {
  it('a session counts its length', () => {
    expect(sessionMinutes({ startsAt: new Date('2026-09-01T15:30:00Z'), endsAt: new Date('2026-09-01T17:15:00Z') })).toBe(105);
  });

  it('progress against the yearly target is in hours and whole percent, capped at 100', () => {
    expect(hoursProgress(105, 35)).toEqual({ hours: 1.75, targetHours: 35, percent: 5 });
    expect(hoursProgress(40 * 60, 35)).toEqual({ hours: 40, targetHours: 35, percent: 100 });
  });
});
