import { parse } from 'csv-parse/sync';
import { offerImpactCsv, periodReportCsv } from '../../../bot/app/reports/impactCsv';
import { offerImpact, periodReport } from '../../../bot/domain/impact';
import { schoolYear } from '../../../bot/domain/terms';
import { buildAttendance, buildOffer, buildPerson, buildResponse, buildSignUps } from '../../factories';

const offer = buildOffer({ title: 'Questioning, "deeper"', startsAt: new Date('2026-09-10T15:30:00Z'), endsAt: new Date('2026-09-10T17:00:00Z'), tags: { standards: ['S1'], priorities: ['P1'] } });
const signUps = buildSignUps(offer, 5);
const attendance = signUps.map((s) => buildAttendance({ offerId: offer.id, person: s.person }));
const rows = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { bom: true }) as string[][];

describe('impact report CSV', () => {
  it('one session: counts, means with n, and answers with anonymous names hidden, quoted safely', () => {
    const responses = signUps.map((s, i) => buildResponse({ offerId: offer.id, person: s.person, anonymous: i === 1, practiceChange: i === 2 ? '=SUM(A1), with "quotes"' : `Plan ${i}` }));
    const table = rows(offerImpactCsv(offerImpact({ offer, signUps, attendance, responses, minResponses: 5 })));
    expect(table[0]).toEqual(['section', 'measure', 'value', 'n']);
    expect(table).toContainEqual(['session', 'title', 'Questioning, "deeper"', '']);
    expect(table).toContainEqual(['counts', 'response rate', '1', '5']);
    expect(table).toContainEqual(['means', 'value (1-5)', '4', '5']);
    expect(table).toContainEqual(['mean change (after - before)', 'knowledge', '2', '5']);
    expect(table).toContainEqual(['what I will do differently', 'anonymous', 'Plan 1', '']);
    expect(table).toContainEqual(['what I will do differently', 'Person 3', `'=SUM(A1), with "quotes"`, '']);
  });

  it('one session with too few responses: counts only, and a note', () => {
    const responses = signUps.slice(0, 2).map((s) => buildResponse({ offerId: offer.id, person: s.person, practiceChange: 'Secret' }));
    const csv = offerImpactCsv(offerImpact({ offer, signUps, attendance, responses, minResponses: 5 }));
    expect(csv).not.toContain('Secret');
    expect(rows(csv)).toContainEqual(['note', 'too few responses to show', 'fewer than 5 responses', '2']);
  });

  it('a period: one row per person in total and per tag', () => {
    const ann = buildPerson({ name: 'Ann' });
    const table = rows(periodReportCsv(periodReport(schoolYear(2026, 'Europe/London'), [{ offer, record: buildAttendance({ offerId: offer.id, person: ann, minutes: 90 }) }])));
    expect(table).toEqual([
      ['period', 'person id', 'person', 'tag kind', 'tag', 'sessions', 'hours'],
      ['2026/27', ann.id, 'Ann', 'all', 'all', '1', '1.5'],
      ['2026/27', ann.id, 'Ann', 'priority', 'P1', '1', '1.5'],
      ['2026/27', ann.id, 'Ann', 'standard', 'S1', '1', '1.5'],
    ]);
  });
});
