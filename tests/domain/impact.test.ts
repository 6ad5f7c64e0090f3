import { offerImpact, periodReport } from '../../bot/domain/impact';
import { defaultTerms, schoolYear, schoolYearStartOf, termsOf } from '../../bot/domain/terms';
import { buildAttendance, buildOffer, buildPerson, buildResponse, buildSignUps } from '../factories';

const offer = buildOffer({ capacity: 8 });
const signUps = buildSignUps(offer, 10);
const attendance = signUps.slice(0, 8).map((s, i) => buildAttendance({ offerId: offer.id, person: s.person, attended: i < 7 }));
const rating = (value: number, k: [number, number], u: [number, number], c: [number, number], anonymous: boolean, n: number, practiceChange: string) =>
  buildResponse({
    offerId: offer.id,
    person: buildPerson(n),
    value,
    before: { knowledge: k[0], understanding: u[0], confidence: c[0] },
    after: { knowledge: k[1], understanding: u[1], confidence: c[1] },
    anonymous,
    practiceChange,
    submittedAt: new Date(Date.UTC(2026, 8, 1, 12, n)),
  });

/** Six attendees answered; person 8 answered too but was not marked as attending, so does not count. */
const responses = [
  rating(5, [2, 4], [3, 4], [1, 4], false, 1, 'Use hinge questions'),
  rating(4, [3, 4], [3, 3], [2, 3], true, 2, 'Wait longer after asking'),
  rating(3, [3, 3], [2, 4], [3, 3], false, 3, 'Cold calling'),
  rating(5, [1, 4], [2, 3], [2, 5], true, 4, 'Mini whiteboards'),
  rating(4, [4, 5], [4, 5], [3, 4], false, 5, '=HYPERLINK("x")'),
  rating(2, [3, 2], [3, 3], [3, 3], false, 6, 'Not much'),
  rating(1, [5, 1], [5, 1], [5, 1], false, 8, 'Not counted'),
];

describe('the impact of one session (hand-checked)', () => {
  const impact = offerImpact({ offer, signUps, attendance, responses, minResponses: 5 });

  it('counts confirmed, attended and responses from attendees only', () => {
    expect([impact.confirmed, impact.attended, impact.responses]).toEqual([8, 7, 6]);
    expect(impact.responseRate).toBeCloseTo(6 / 7, 10);
  });

  it('means value and the change (after − before) on each scale, each with n', () => {
    const b = impact.breakdown!;
    expect(b.value.mean).toBeCloseTo(23 / 6, 10);
    expect(b.change.knowledge.mean).toBeCloseTo(6 / 6, 10);
    expect(b.change.understanding.mean).toBeCloseTo(5 / 6, 10);
    expect(b.change.confidence.mean).toBeCloseTo(8 / 6, 10);
    expect([b.value.n, b.change.knowledge.n, b.change.understanding.n, b.change.confidence.n]).toEqual([6, 6, 6, 6]);
  });

  it('lists what people will do differently, hiding the names of those who chose anonymity', () => {
    expect(impact.breakdown!.practiceChanges).toEqual([
      { text: 'Use hinge questions', name: 'Person 1' },
      { text: 'Wait longer after asking', name: null },
      { text: 'Cold calling', name: 'Person 3' },
      { text: 'Mini whiteboards', name: null },
      { text: '=HYPERLINK("x")', name: 'Person 5' },
      { text: 'Not much', name: 'Person 6' },
    ]);
  });

  it('shows no breakdown at all below the minimum number of responses', () => {
    const few = offerImpact({ offer, signUps, attendance, responses: responses.slice(0, 4), minResponses: 5 });
    expect(few).toMatchObject({ responses: 4, breakdown: null });
    expect(offerImpact({ offer, signUps, attendance, responses: responses.slice(0, 5), minResponses: 5 }).breakdown).not.toBeNull();
  });

  it('has no response rate when nobody attended', () => {
    expect(offerImpact({ offer, signUps, attendance: [], responses, minResponses: 5 })).toMatchObject({ attended: 0, responses: 0, responseRate: null });
  });
});

describe('hours per person and per tag over a year and its terms (hand-checked)', () => {
  const zone = 'Europe/London';
  const ann = buildPerson({ name: 'Ann' });
  const bob = buildPerson({ name: 'Bob' });
  const cat = buildPerson({ name: 'Cat' });
  const session = (startsAt: string, minutes: number, standards: string[], priorities: string[]) => {
    const start = new Date(startsAt);
    return buildOffer({ startsAt: start, endsAt: new Date(start.getTime() + minutes * 60_000), tags: { standards, priorities } });
  };
  const a = session('2026-09-10T15:30:00Z', 90, ['S1'], ['P1']);
  const b = session('2026-11-05T16:00:00Z', 60, ['S1', 'S2'], []);
  const c = session('2027-02-01T16:00:00Z', 120, ['S2'], ['P1']);
  const attended = (offer: typeof a, person: typeof ann, yes = true) => ({ offer, record: buildAttendance({ offerId: offer.id, person, attended: yes, minutes: (offer.endsAt.getTime() - offer.startsAt.getTime()) / 60_000 }) });
  const sessions = [attended(a, ann), attended(a, bob), attended(b, ann), attended(b, cat, false), attended(c, ann), attended(c, cat)];
  const year = schoolYear(2026, zone);
  const [autumn, spring, summer] = termsOf(2026, defaultTerms, zone);

  it('the school year runs from 1 August to 31 July in the school time zone', () => {
    expect(year).toEqual({ label: '2026/27', from: new Date('2026-07-31T23:00:00Z'), to: new Date('2027-07-31T23:00:00Z') });
    expect(schoolYearStartOf(new Date('2027-06-30T12:00:00Z'), zone)).toBe(2026);
    expect(schoolYearStartOf(new Date('2026-07-31T23:30:00Z'), zone)).toBe(2026);
    expect(autumn).toEqual({ label: 'Autumn 2026/27', from: new Date('2026-07-31T23:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
    expect(summer!.to).toEqual(year.to);
  });

  it('over the year: sessions and hours per person, unattended records left out', () => {
    const report = periodReport(year, sessions);
    expect([report.sessions, report.hours]).toEqual([3, 8]);
    expect(report.people.map((p) => [p.person.name, p.sessions, p.hours])).toEqual([
      ['Ann', 3, 4.5],
      ['Bob', 1, 1.5],
      ['Cat', 1, 2],
    ]);
    expect(report.people[0]!.byTag).toEqual([
      { kind: 'priority', tag: 'P1', sessions: 2, hours: 3.5 },
      { kind: 'standard', tag: 'S1', sessions: 2, hours: 2.5 },
      { kind: 'standard', tag: 'S2', sessions: 2, hours: 3 },
    ]);
  });

  it('over the year: per tag, the sessions with it and the person-hours attended on them', () => {
    expect(periodReport(year, sessions).byTag).toEqual([
      { kind: 'priority', tag: 'P1', sessions: 2, hours: 7 },
      { kind: 'standard', tag: 'S1', sessions: 2, hours: 4 },
      { kind: 'standard', tag: 'S2', sessions: 2, hours: 5 },
    ]);
  });

  it('per term: only the sessions that started in it', () => {
    expect(periodReport(autumn!, sessions).people.map((p) => [p.person.name, p.hours])).toEqual([
      ['Ann', 2.5],
      ['Bob', 1.5],
    ]);
    expect(periodReport(spring!, sessions).people.map((p) => [p.person.name, p.hours])).toEqual([
      ['Ann', 2],
      ['Cat', 2],
    ]);
    expect(periodReport(summer!, sessions)).toMatchObject({ sessions: 0, hours: 0, people: [], byTag: [] });
  });
});
