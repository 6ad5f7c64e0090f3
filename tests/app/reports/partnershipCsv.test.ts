import { parse } from 'csv-parse/sync';
import { partnershipCsv } from '../../../bot/app/reports/partnershipCsv';
import { partnershipReport } from '../../../bot/domain/partnershipReport';
import { GroupGraph } from '../../../bot/domain/schoolGroups';
import { schoolYear } from '../../../bot/domain/terms';
import { buildAttendance, buildOffer, buildPerson, buildResponse, buildSignUp } from '../../factories';

const rows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

describe('partnership report CSV', () => {
  const graph = new GroupGraph([{ id: 'cluster', name: 'Cluster', kind: 'cluster', schools: ['a', 'b'], groups: [], leads: [] }]);
  const period = schoolYear(2026, 'Europe/London');
  const session = buildOffer({ schoolId: 'a', groupId: 'cluster', startsAt: new Date('2026-09-10T15:30:00Z') });
  const people = [...Array(6).keys()].map((i) => ({ person: buildPerson(i + 1), school: i < 5 ? 'a' : 'b' }));
  const evidence = {
    offers: [session],
    signUps: people.map((p, i) => buildSignUp({ offerId: session.id, person: p.person, schoolId: p.school, queueNumber: i + 1 })),
    attendance: people.map((p) => buildAttendance({ offerId: session.id, person: p.person })),
    feedback: people.map((p) => buildResponse({ offerId: session.id, person: p.person })),
  };
  const report = partnershipReport({ graph, groupId: 'cluster', periods: [period], periodIndex: 0, evidence, schoolNames: new Map([['a', '=Alpha Academy'], ['b', 'Beta Primary']]), minResponses: 3 });

  it('one row per group and school, means beside their n, a note where withheld, names safe for a spreadsheet', () => {
    const table = rows(partnershipCsv(report));
    expect(table.map((r) => [r.row, r.name])).toEqual([
      ['total', 'Cluster'],
      ['school', "'=Alpha Academy"],
      ['school', 'Beta Primary'],
    ]);
    expect(table[2]).toMatchObject({ 'feedback responses': '1', 'mean value (1-5)': '', note: 'withheld: fewer than 3 responses' });
    // Cluster minus Alpha would be Beta's one answer, so one of them is withheld too.
    expect(table.filter((r) => r.note === 'withheld: with the other rows it would show a withheld one')).toHaveLength(1);
    const shown = table.find((r) => r.note === '')!;
    expect(shown).toMatchObject({ 'mean value (1-5)': '4', 'mean change in knowledge, understanding and confidence': '2', 'mean change in knowledge': '2' });
    expect(Number(shown['n (responses behind the means)'])).toBeGreaterThanOrEqual(3);
  });
});
