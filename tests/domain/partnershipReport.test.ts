import { Offer } from '../../bot/domain/offer';
import { attendeeSchool, PartnershipEvidence, partnershipReport, PartnershipRow } from '../../bot/domain/partnershipReport';
import { GroupDefinition, GroupGraph } from '../../bot/domain/schoolGroups';
import { defaultTerms, schoolYear, termsOf } from '../../bot/domain/terms';
import { buildAttendance, buildOffer, buildPerson, buildResponse, buildSignUp } from '../factories';

const zone = 'Europe/London';
/** 2026/27, then Autumn, Spring and Summer. */
const periods = [schoolYear(2026, zone), ...termsOf(2026, defaultTerms, zone)];
const autumn = new Date('2026-10-06T15:30:00Z');
const spring = new Date('2027-02-09T15:30:00Z');

const group = (id: string, fields: Partial<GroupDefinition> = {}): GroupDefinition => ({ id, name: `Group ${id}`, kind: 'cluster', schools: [], groups: [], leads: [], ...fields });
/** An authority with two clusters; St Mary's is in both. */
const graph = new GroupGraph([
  group('falkirk', { name: 'Falkirk Council', kind: 'authority', groups: ['north', 'south'] }),
  group('north', { name: 'North cluster', schools: ['larbert', 'st-marys'] }),
  group('south', { name: 'South cluster', schools: ['braes', 'st-marys'] }),
  group('elsewhere', { name: 'Elsewhere', schools: ['other'] }),
]);
const schoolNames = new Map([
  ['larbert', 'Larbert High'],
  ['st-marys', "St Mary's Primary"],
  ['braes', 'Braes High'],
]);

let person = 0;
/**
 * People from `schoolId` on `offer`: `answers` of them attended and gave feedback with the given change on every
 * scale (and value), `silent` attended without answering, `absent` held a place and did not come.
 */
function staff(offer: Offer, schoolId: string, counts: { answers?: number; change?: number; value?: number; silent?: number; absent?: number }): PartnershipEvidence {
  const out: PartnershipEvidence & { signUps: any[]; attendance: any[]; feedback: any[] } = { offers: [], signUps: [], attendance: [], feedback: [] };
  const add = (attends: boolean, answers: boolean) => {
    const who = buildPerson(++person);
    out.signUps.push(buildSignUp({ offerId: offer.id, person: who, schoolId }));
    out.attendance.push(buildAttendance({ offerId: offer.id, person: who, attended: attends, minutes: 60 }));
    const change = counts.change ?? 1;
    if (answers) {
      out.feedback.push(
        buildResponse({ offerId: offer.id, person: who, value: counts.value ?? 4, before: { knowledge: 2, understanding: 2, confidence: 2 }, after: { knowledge: 2 + change, understanding: 2 + change, confidence: 2 + change } }),
      );
    }
  };
  for (let i = 0; i < (counts.answers ?? 0); i++) add(true, true);
  for (let i = 0; i < (counts.silent ?? 0); i++) add(true, false);
  for (let i = 0; i < (counts.absent ?? 0); i++) add(false, false);
  return out;
}

function evidenceOf(offers: Offer[], ...parts: PartnershipEvidence[]): PartnershipEvidence {
  return { offers, signUps: parts.flatMap((p) => p.signUps), attendance: parts.flatMap((p) => p.attendance), feedback: parts.flatMap((p) => p.feedback) };
}

const reportOf = (evidence: PartnershipEvidence, groupId = 'falkirk', periodIndex = 0, minResponses = 3) =>
  partnershipReport({ graph, groupId, periods, periodIndex, evidence, schoolNames, minResponses });
const row = (rows: PartnershipRow[], id: string) => rows.find((r) => r.id === id)!;

describe('whose CLPL a session counts as', () => {
  it("a group offer counts for the school whose card was pressed; a school's own offer for that school", () => {
    const groupOffer = buildOffer({ schoolId: 'larbert', groupId: 'falkirk' });
    const ownOffer = buildOffer({ schoolId: 'larbert' });
    expect(attendeeSchool(groupOffer, { schoolId: 'braes' })).toBe('braes');
    expect(attendeeSchool(groupOffer, undefined)).toBe('larbert');
    expect(attendeeSchool(ownOffer, { schoolId: 'braes' })).toBe('larbert');
  });
});

describe('the partnership report, rolled up by school, cluster and authority', () => {
  const clusterSession = buildOffer({ schoolId: 'larbert', groupId: 'falkirk', startsAt: autumn, endsAt: new Date(autumn.getTime() + 3_600_000) });
  const braesOwn = buildOffer({ schoolId: 'braes', startsAt: spring });
  const cancelled = buildOffer({ schoolId: 'braes', startsAt: autumn, status: 'cancelled' });
  const outside = buildOffer({ schoolId: 'other', startsAt: autumn });
  const evidence = evidenceOf(
    [clusterSession, braesOwn, cancelled, outside],
    staff(clusterSession, 'larbert', { answers: 3, change: 2, value: 5, silent: 1, absent: 1 }),
    staff(clusterSession, 'st-marys', { answers: 3, change: 1, value: 4 }),
    staff(clusterSession, 'braes', { answers: 4, change: 0, value: 3 }),
    staff(braesOwn, 'braes', { answers: 3, change: 1, value: 4, absent: 2 }),
    staff(cancelled, 'braes', { answers: 5 }),
    staff(outside, 'other', { answers: 5 }),
  );
  const { rows, group, period } = reportOf(evidence);

  it('has the group, then its clusters, then its schools by name', () => {
    expect(group).toEqual({ id: 'falkirk', name: 'Falkirk Council', kind: 'authority' });
    expect(period.label).toBe('2026/27');
    expect(rows.map((r) => [r.kind, r.name, r.schools])).toEqual([
      ['total', 'Falkirk Council', 3],
      ['group', 'North cluster', 2],
      ['group', 'South cluster', 2],
      ['school', 'Braes High', 1],
      ['school', 'Larbert High', 1],
      ['school', "St Mary's Primary", 1],
    ]);
  });

  it('counts a school’s sessions, places, attendance and answers; a cancelled session and other groups’ schools count nothing', () => {
    const braes = row(rows, 'braes');
    expect([braes.sessions, braes.placesTaken, braes.attended, braes.practitioners, braes.responses]).toEqual([2, 9, 7, 7, 7]);
    const larbert = row(rows, 'larbert');
    expect([larbert.sessions, larbert.placesTaken, larbert.attended, larbert.responses, larbert.hours]).toEqual([1, 5, 4, 3, 4]);
    expect(larbert.responseRate).toBeCloseTo(3 / 4, 10);
  });

  it('a group row is the sum over its schools, a school in two clusters counted once in the authority', () => {
    const total = row(rows, 'falkirk');
    expect([total.sessions, total.placesTaken, total.attended, total.responses]).toEqual([2, 17, 14, 13]);
    const south = row(rows, 'south');
    expect([south.sessions, south.attended, south.responses]).toEqual([2, 10, 10]);
  });

  it('shows the mean value and the mean change in knowledge, understanding and confidence, each with n', () => {
    const total = row(rows, 'falkirk');
    // Changes: 3×2, 3×1, 4×0, 3×1 → 12/13; values 3×5, 3×4, 4×3, 3×4 → 51/13.
    expect(total.means!.meanChange.n).toBe(13);
    expect(total.means!.meanChange.mean).toBeCloseTo(12 / 13, 10);
    expect(total.means!.change.knowledge).toEqual({ mean: expect.closeTo(12 / 13, 10), n: 13 });
    expect(total.means!.value.mean).toBeCloseTo(51 / 13, 10);
    expect(row(rows, 'larbert').means!.meanChange).toEqual({ mean: 2, n: 3 });
  });

  it('per term: only the sessions that started in it', () => {
    const springRows = reportOf(evidence, 'falkirk', 2).rows;
    expect(row(springRows, 'falkirk')).toMatchObject({ sessions: 1, attended: 3, responses: 3 });
    expect(row(springRows, 'larbert')).toMatchObject({ sessions: 0, attended: 0, responses: 0, responseRate: null, means: null, withheld: null });
  });
});

describe('the anonymity threshold in every cell', () => {
  it('a school with too few answers shows its counts but no means, and says why', () => {
    const session = buildOffer({ schoolId: 'larbert', groupId: 'falkirk', startsAt: autumn });
    const evidence = evidenceOf([session], staff(session, 'larbert', { answers: 2, silent: 2 }), staff(session, 'braes', { answers: 5 }), staff(session, 'st-marys', { answers: 6 }));
    const larbert = row(reportOf(evidence).rows, 'larbert');
    expect(larbert).toMatchObject({ attended: 4, responses: 2, responseRate: 0.5, means: null, withheld: 'too_few_responses' });
  });

  it('the authority minus its shown schools never gives a withheld school: a second school is withheld with it', () => {
    const session = buildOffer({ schoolId: 'larbert', groupId: 'falkirk', startsAt: autumn });
    const evidence = evidenceOf([session], staff(session, 'larbert', { answers: 2 }), staff(session, 'braes', { answers: 5 }), staff(session, 'st-marys', { answers: 9 }));
    const { rows } = reportOf(evidence);
    const shown = rows.filter((r) => r.means !== null);
    expect(row(rows, 'larbert').withheld).toBe('too_few_responses');
    // Every way of taking shown rows from a shown row that contains them leaves none or at least 3 answers.
    const total = row(rows, 'falkirk');
    if (total.means) {
      const shownSchools = shown.filter((r) => r.kind === 'school');
      const rest = total.responses - shownSchools.reduce((sum, r) => sum + r.responses, 0);
      expect(rest === 0 || rest >= 3).toBe(true);
    }
    for (const cluster of shown.filter((r) => r.kind === 'group')) {
      const members = graph.schoolsIn(cluster.id);
      const rest = cluster.responses - shown.filter((r) => r.kind === 'school' && members.includes(r.id)).reduce((sum, r) => sum + r.responses, 0);
      expect(rest === 0 || rest >= 3).toBe(true);
      const restOfTotal = total.responses - cluster.responses - shown.filter((r) => r.kind === 'school' && !members.includes(r.id)).reduce((sum, r) => sum + r.responses, 0);
      if (total.means) expect(restOfTotal === 0 || restOfTotal >= 3).toBe(true);
    }
    expect(rows.filter((r) => r.withheld === 'protects_another_cell').length).toBeGreaterThan(0);
  });

  it('a year minus its shown terms never gives a withheld term; the term goes rather than the year', () => {
    const inAutumn = buildOffer({ schoolId: 'braes', startsAt: autumn });
    const inSpring = buildOffer({ schoolId: 'braes', startsAt: spring });
    const evidence = evidenceOf([inAutumn, inSpring], staff(inAutumn, 'braes', { answers: 2 }), staff(inSpring, 'braes', { answers: 6 }));
    const year = row(reportOf(evidence, 'south', 0).rows, 'braes');
    const autumnRow = row(reportOf(evidence, 'south', 1).rows, 'braes');
    const springRow = row(reportOf(evidence, 'south', 2).rows, 'braes');
    expect(autumnRow.withheld).toBe('too_few_responses');
    // Year (8) and spring (6) both shown would give autumn's 2 answers; the year, the indicator's period, is kept.
    expect(year.means !== null && springRow.means !== null).toBe(false);
    expect(year.means).not.toBeNull();
    expect(springRow.withheld).toBe('protects_another_cell');
  });

  it('what one report withholds to protect a cell, the report of a group inside it withholds too', () => {
    const session = buildOffer({ schoolId: 'larbert', groupId: 'falkirk', startsAt: autumn });
    const evidence = evidenceOf([session], staff(session, 'larbert', { answers: 2 }), staff(session, 'braes', { answers: 5 }), staff(session, 'st-marys', { answers: 9 }));
    const authority = reportOf(evidence, 'falkirk').rows;
    expect(reportOf(evidence, 'north').rows.some((r) => r.withheld === 'protects_another_cell')).toBe(true);
    for (const clusterId of ['north', 'south']) {
      for (const r of reportOf(evidence, clusterId).rows) expect(r.withheld).toBe(row(authority, r.id).withheld);
    }
  });
});
