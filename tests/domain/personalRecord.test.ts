import { hoursBySchoolYear, mayReadRecord, PersonalRecord, sessionSummaryOf, StoredPersonalData } from '../../bot/domain/personalRecord';
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
const activity = (date: string, minutes: number) => ({ id: `a-${date}`, ownerId: 'bea', kind: 'professional_reading' as const, title: `Reading ${date}`, date, minutes, reflection: `Reflection ${date}`, goalId: null, createdAt: new Date(date) });

describe('hours by school year', () => {
  it('adds attended sessions and logged CLPL into the school year (1 August to 31 July) each falls in, latest first', () => {
    const years = hoursBySchoolYear({
      // 31 July 23:30 UTC is already 1 August in London (BST): the next school year.
      attendance: [attended('2025-07-31T23:30:00Z', 60), attended('2025-03-01T10:00:00Z', 90), attended('2025-03-02T10:00:00Z', 120, false)],
      activities: [activity('2025-08-01', 30), activity('2024-09-10', 45)],
      timeZone: 'Europe/London',
    });
    expect(years).toEqual([
      { year: '2025/26', attendedHours: 1, loggedHours: 0.5, totalHours: 1.5 },
      { year: '2024/25', attendedHours: 1.5, loggedHours: 0.75, totalHours: 2.25 },
    ]);
  });
});

describe('MyPL entries', () => {
  it('one per session attended, CLPL logged and reflection submitted, oldest first, with the person’s own words on impact', () => {
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
    };
    const record: PersonalRecord = {
      person: { id: 'bea', name: 'Bea' }, requestedBy: { id: 'bea', name: 'Bea' }, generatedAt: new Date(), stored, hoursByYear: [], timeZone: 'Europe/London', goalsKeptIn: 'the app database',
      goals: [{ id: 'g1', ownerId: 'bea', title: 'Goal', successCriteria: '', standardArea: 'Professional Values and Personal Commitment', targetDate: null, status: 'in_progress', progressNotes: [], evidence: [], createdAt: new Date(), updatedAt: new Date(), version: '1' }],
    };
    expect(myplEntries(record).map((e) => [e.date, e.kind, e.hours, e.standards, e.impact])).toEqual([
      ['2025-09-15', 'Professional reading', 0.75, ['Professional Values and Personal Commitment'], 'Reflection 2025-09-15'],
      ['2025-10-01', 'CLPL session', 1.5, session.session.standards, 'Exit tickets daily'],
    ]);
  });
});
