import pino from 'pino';
import { RosterAccount } from '../support/botConnectorStandIn';
import { clplChannel, setUpSchool, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { botAddedToTeam, channelMention, Member, member, membersAddedToTeam, personalCardAction, sendToBot } from '../support/teamsActivities';

const mia = member('mia', 'Mia Manager');
const ailsa = member('ailsa', 'Ailsa Reid');
const bea = member('bea', 'Bea Clark');
const cal = member('cal', 'Cal Ross');
const newcomer = member('new', 'Nina Newcomer');
const text = (value: unknown) => JSON.stringify(value) ?? '';

/** A staff member as the team's roster lists them: Teams gives an email and a sign-in name, not always both. */
function account(person: Member, email: { email?: string; userPrincipalName?: string }): RosterAccount {
  const [givenName, surname] = person.name.split(' ');
  return { id: person.teamsId, name: person.name, aadObjectId: person.aadObjectId, givenName, surname, tenantId: 'tenant-1', userRole: 'user', ...email };
}

const roster: RosterAccount[] = [
  account(slt, { email: 'morag.slt@balerno.scot', userPrincipalName: 'morag.slt@balerno.scot' }),
  account(mia, { email: 'Mia.Manager@balerno.scot', userPrincipalName: 'mmanager@balerno.scot' }),
  account(ailsa, { email: 'ailsa.reid@balerno.scot', userPrincipalName: 'ailsa.reid@balerno.scot' }),
  // No mailbox: the sign-in name is the address SLT will use.
  account(bea, { userPrincipalName: 'bea.clark@balerno.scot' }),
  account(cal, { email: 'cal.ross@balerno.scot' }),
  // A bot in the team has no Entra user and is not a member of staff.
  { id: '28:other-bot', name: 'Other bot' },
];

const everyEmail = [
  { id: ailsa.aadObjectId, name: ailsa.name, email: 'ailsa.reid@balerno.scot' },
  { id: bea.aadObjectId, name: bea.name, email: 'bea.clark@balerno.scot' },
  { id: cal.aadObjectId, name: cal.name, email: 'cal.ross@balerno.scot' },
  { id: mia.aadObjectId, name: mia.name, email: 'mia.manager@balerno.scot' },
  { id: slt.aadObjectId, name: slt.name, email: 'morag.slt@balerno.scot' },
];

describe('the team roster gives the school its members with their emails', () => {
  let bed: Testbed;
  afterEach(() => bed.close());

  it('installing the app in a team with a 3-page roster records every member with their email, following the continuation tokens', async () => {
    // Six on the roster, and Teams serving two a page (fewer than the bot asks for, which Teams may do).
    bed = await startTestbed({ connector: { rosters: { [team.id]: roster }, rosterPageLimit: 2 } });
    await sendToBot(bed.server.url, botAddedToTeam(bed.world, slt));

    const pages = bed.connector.rosterPagesRead(team.id);
    expect(pages.map((p) => p.query.pageSize)).toEqual(['500', '500', '500']);
    expect(pages[0]!.query.continuationToken).toBeUndefined();
    expect(pages.slice(1).every((p) => p.query.continuationToken)).toBe(true);
    expect(await bed.server.stores.schools.listMembersWithEmails(team.id)).toEqual(everyEmail);
    // Being on the roster is not being seen: the person who installed the app was, and their school is this one.
    expect((await bed.server.stores.schools.schoolsOf(slt.aadObjectId)).map((s) => s.id)).toEqual([team.id]);
  });

  it('an SLT line managers CSV by email in the default map mode resolves the people on the team roster, without Graph', async () => {
    bed = await startTestbed({ connector: { rosters: { [team.id]: roster }, rosterPageLimit: 2 } });
    await setUpSchool(bed);

    const csv = 'staff,line manager\nAilsa.Reid@balerno.scot,mia.manager@balerno.scot\nbea.clark@balerno.scot,mia.manager@balerno.scot\ncal.ross@balerno.scot,Morag.SLT@balerno.scot';
    const imported = await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'lineManagement.import.v1', { cardVersion: 1, csv }));
    expect(text(imported.body.value)).toContain('Imported 3 line-management pairs.');
    expect(await bed.server.stores.reflections.lineManagement(team.id)).toEqual(
      expect.arrayContaining([
        { schoolId: team.id, staffId: ailsa.aadObjectId, managerId: mia.aadObjectId },
        { schoolId: team.id, staffId: bea.aadObjectId, managerId: mia.aadObjectId },
        { schoolId: team.id, staffId: cal.aadObjectId, managerId: slt.aadObjectId },
      ]),
    );
  });

  it('a colleague added to the team later is recorded with their email', async () => {
    const rosters = { [team.id]: [...roster] };
    bed = await startTestbed({ connector: { rosters } });
    await setUpSchool(bed);
    rosters[team.id]!.push(account(newcomer, { email: 'nina.newcomer@balerno.scot' }));
    await sendToBot(bed.server.url, membersAddedToTeam(bed.world, slt, [newcomer]));

    expect(bed.connector.calls.filter((c) => c.method === 'GET' && c.path === `/v3/conversations/${encodeURIComponent(team.id)}/members/${encodeURIComponent(newcomer.teamsId)}`)).toHaveLength(1);
    expect((await bed.server.stores.schools.listMembersWithEmails(team.id)).find((m) => m.id === newcomer.aadObjectId)).toEqual({
      id: newcomer.aadObjectId,
      name: newcomer.name,
      email: 'nina.newcomer@balerno.scot',
    });
  });

  it('a roster call that fails still installs the app, logs a warning, and people seen later are still recorded', async () => {
    const logged: Array<{ level: number; event?: string; teamId?: string }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    bed = await startTestbed({
      logger,
      connector: {
        rosters: { [team.id]: roster },
        intercept: (call) => (call.path.endsWith('/pagedmembers') ? { status: 500, body: { error: { code: 'ServiceError', message: 'roster unavailable' } } } : undefined),
      },
    });
    await setUpSchool(bed);

    expect(await bed.server.stores.schools.findSchool(team.id)).toMatchObject({ id: team.id, clplChannel: { id: clplChannel.id, name: clplChannel.name } });
    expect(text(bed.connector.sentTo(clplChannel.id).at(-1)?.body)).toContain('CLPL offers will now be posted in BAL-Staff CLPL');
    expect(logged.filter((l) => l.event === 'team_roster_unavailable')).toEqual([expect.objectContaining({ level: 40, teamId: team.id })]);

    await sendToBot(bed.server.url, channelMention(bed.world, mia, clplChannel, 'help'));
    expect((await bed.server.stores.schools.listMembers(team.id)).map((m) => m.id)).toEqual(expect.arrayContaining([mia.aadObjectId, slt.aadObjectId]));
  });
});
