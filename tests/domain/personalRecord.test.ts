import { hoursBySchoolYear, mayReadRecord, PeerObservationEntry, PersonalRecord, sessionSummaryOf, StoredPersonalData } from '../../bot/domain/personalRecord';
import { myplEntries } from '../../bot/domain/mypl';
import { buildOffer, buildResponse, sltMember } from '../factories';

const sltIdsOf = (schoolId: string) => (schoolId === 'school-a' ? ['slt-a'] : ['slt-b']);

describe('who may read a person’s record', () => {
  it('the person, and senior leaders of a school the person belongs to; nobody else', () => {
    const base = { subjectId: 'bea', subjectSchoolIds: ['school-a'], sltIdsOf };
    expect(mayReadRecord({ ...base, requesterId: 'bea' })).toBe(true);
    expect(mayReadRecord({ ...base, requesterId: 'slt-a' })).toBe(true);
    expect(mayReadRecord({ ...base, requesterId: 'slt-b' })).toBe(false);
    expect(mayReadRecord({ ...base, requesterId: 'colleague' })).toBe(false);
    expect(mayReadRecord({ ...base, subjectSchoolIds: [], requesterId: 'slt-a' })).toBe(false);
  });
});

const offerOn = (iso: string, title = 'Session') => sessionSummaryOf(buildOffer({ title, startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) }));
const attended = (iso: string, minutes: number, wasThere = true) => ({ session: offerOn(iso), attended: wasThere, minutes, recordedBy: sltMember, recordedAt: new Date(iso) });
/** A 50-minute visit in the person's record: accepted, and reflected on by them unless `reflected` is false. */
const visit = (iso: string, overrides: Partial<PeerObservationEntry> = {}, reflected = true): PeerObservationEntry => ({
  observationId: `obs-${iso}`,
  schoolId: 'school-a',
  role: 'observer',
  startedBy: 'me',
  colleague: { id: 'cal', name: 'Cal Host' },
  focus: 'Professional skills and abilities',
  focusKind: 'standard',
  startsAt: new Date(iso),
  endsAt: new Date(new Date(iso).getTime() + 50 * 60_000),
  timeZone: 'Europe/London',
  place: 'P6',
  status: 'accepted',
  reflection: reflected ? { noticed: 'Pupils waited before answering', takeaway: 'Longer wait time', goalId: null, submittedAt: new Date(iso), updatedAt: new Date(iso) } : null,
  ...overrides,
});
const activity = (date: string, minutes: number) => ({ id: `a-${date}`, ownerId: 'bea', kind: 'professional_reading' as const, title: `Reading ${date}`, date, minutes, reflection: `Reflection ${date}`, goalId: null, createdAt: new Date(date) });

describe('hours by school year', () => {
  it('adds attended sessions, peer observations reflected on and logged CLPL into the school year (1 August to 31 July) each falls in, latest first', () => {
    const years = hoursBySchoolYear({
      // 31 July 23:30 UTC is already 1 August in London (BST): the next school year.
      attendance: [attended('2025-07-31T23:30:00Z', 60), attended('2025-03-01T10:00:00Z', 90), attended('2025-03-02T10:00:00Z', 120, false)],
      activities: [activity('2025-08-01', 30), activity('2024-09-10', 45)],
      // As the tab counts them (countsTowardHours): accepted and reflected on by the person; nothing else.
      observations: [
        visit('2025-10-01T09:00:00Z'),
        visit('2025-10-02T09:00:00Z', {}, false),
        visit('2025-10-03T09:00:00Z', { status: 'cancelled' }),
        visit('2025-02-01T09:00:00Z', { role: 'observed' }),
      ],
      timeZone: 'Europe/London',
    });
    expect(years).toEqual([
      { year: '2025/26', attendedHours: 1, observedHours: 0.83, loggedHours: 0.5, totalHours: 2.33 },
      { year: '2024/25', attendedHours: 1.5, observedHours: 0.83, loggedHours: 0.75, totalHours: 3.08 },
    ]);
  });
});

describe('MyPL entries', () => {
  it('one per session attended, peer observation reflected on, CLPL logged and reflection submitted, oldest first, with the person’s own words on impact', () => {
    const session = attended('2025-10-01T15:00:00Z', 90);
    const missed = attended('2025-10-02T15:00:00Z', 90, false);
    const empty: StoredPersonalData = {
      personId: 'bea', memberships: [], signUps: [], attendance: [], feedback: [], activities: [], reflections: [], lineManagers: [], directReports: [], promptRoundsSent: [],
      workPattern: null, calendarFeed: null, conversationAddress: null, reachability: null, proposals: [], proposalDecisions: [], offersCreated: [], sessionsFacilitated: [],
      attendanceRecorded: [], notices: [], downloads: [], downloadsMade: [], databaseGoals: [], followUps: [], learningShares: [], peerObservations: [], leftSchools: [], erasuresCarriedOut: [], groupsLed: [], groupLeadsAdded: [],
    };
    const stored: StoredPersonalData = {
      ...empty,
      attendance: [session, missed],
      feedback: [{ session: session.session, response: buildResponse({ offerId: session.session.offerId, practiceChange: 'Exit tickets daily' }) }],
      activities: [{ ...activity('2025-09-15', 45), goalId: 'g1' }],
      peerObservations: [
        visit('2025-10-03T09:00:00Z', { role: 'observed', focusKind: 'priority', focus: 'Closing the attainment gap' }),
        visit('2025-09-20T09:00:00Z', { reflection: { noticed: 'Paired talk', takeaway: '', goalId: 'g1', submittedAt: new Date(), updatedAt: new Date() } }),
        visit('2025-10-04T09:00:00Z', {}, false),
      ],
    };
    const record: PersonalRecord = {
      person: { id: 'bea', name: 'Bea' }, requestedBy: { id: 'bea', name: 'Bea' }, generatedAt: new Date(), stored, hoursByYear: [], timeZone: 'Europe/London', goalsKeptIn: 'the app database',
      goals: [{ id: 'g1', ownerId: 'bea', title: 'Goal', successCriteria: '', standardArea: 'Professional Values and Personal Commitment', targetDate: null, status: 'in_progress', progressNotes: [], evidence: [], createdAt: new Date(), updatedAt: new Date(), version: '1' }],
    };
    expect(myplEntries(record).map((e) => [e.date, e.kind, e.hours, e.standards, e.impact])).toEqual([
      ['2025-09-15', 'Professional reading', 0.75, ['Professional Values and Personal Commitment'], 'Reflection 2025-09-15'],
      // The focus (a standard) and the goal's standard area; the person's own words only.
      ['2025-09-20', 'Peer observation (visiting a colleague’s lesson)', 0.83, ['Professional skills and abilities', 'Professional Values and Personal Commitment'], 'Paired talk'],
      ['2025-10-01', 'CLPL session', 1.5, session.session.standards, 'Exit tickets daily'],
      // A priority is not a standard; the visit not yet reflected on is not an entry.
      ['2025-10-03', 'Peer observation (a colleague visiting my lesson)', 0.83, [], 'Pupils waited before answering\nWhat I take away: Longer wait time'],
    ]);
    const entry = myplEntries(record).find((e) => e.source.kind === 'observation')!;
    expect([entry.title, entry.provider]).toEqual(['Peer observation: Professional skills and abilities', 'Cal Host']);
    // The export's hours and the entries agree: every counted visit is an entry, with the same hours.
    const counted = hoursBySchoolYear({ attendance: stored.attendance, activities: stored.activities, observations: stored.peerObservations, timeZone: 'Europe/London' });
    const entryHours = myplEntries(record).filter((e) => e.source.kind === 'observation').reduce((sum, e) => sum + (e.hours ?? 0), 0);
    expect(counted[0]!.observedHours).toBeCloseTo(entryHours, 1);
  });
});
