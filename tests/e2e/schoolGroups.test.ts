import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { RosterAccount } from '../support/botConnectorStandIn';
import { noQuietHours, setUpSchool, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { member, Member, personalMessage, sendToBot } from '../support/teamsActivities';

const clusterLead = member('cluster-lead', 'Cara Cluster');
const authorityLead = member('fk-lead', 'Fergus Falkirk');
const otherLead = member('other-lead', 'Olive Other');
const deputy = member('deputy', 'Dana Deputy');
const account = (m: Member, email: string): RosterAccount => ({ id: m.teamsId, name: m.name, aadObjectId: m.aadObjectId, email, tenantId: 'tenant-1', userRole: 'user' });

const groupsFile = {
  groups: [
    { id: 'falkirk', name: 'Falkirk Council', kind: 'authority', groups: ['larbert-cluster', 'grangemouth-cluster'], leads: [authorityLead.aadObjectId] },
    { id: 'larbert-cluster', name: 'Larbert cluster', kind: 'cluster', schools: ['carron-primary'], leads: [clusterLead.aadObjectId] },
    { id: 'grangemouth-cluster', name: 'Grangemouth cluster', kind: 'cluster', leads: [otherLead.aadObjectId] },
  ],
};

describe('groups of schools and their leads, in Teams', () => {
  let bed: Testbed;
  beforeEach(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clpl-groups-')), 'groups.json');
    writeFileSync(file, JSON.stringify(groupsFile));
    bed = await startTestbed({
      env: { ...noQuietHours, CLPL_GROUPS_FILE: file },
      connector: { rosters: { [team.id]: [account(slt, 'morag.slt@balerno.scot'), account(deputy, 'Dana.Deputy@balerno.scot')] } },
    });
    await setUpSchool(bed);
  });
  afterEach(() => bed.close());

  async function say(who: Member, text: string): Promise<string> {
    await sendToBot(bed.server.url, personalMessage(bed.world, who, text));
    const card = bed.connector.sentTo(`a:personal-${who.aadObjectId}`).at(-1)?.body?.attachments?.[0]?.content;
    expectValidAdaptiveCard(card);
    return JSON.stringify(card);
  }

  it('the file is applied at start-up, and a lead sees the groups they lead, those inside them included', async () => {
    const listed = await say(authorityLead, 'groups');
    expect(listed).toContain('You lead 3 groups of schools');
    expect(listed).toContain('Larbert cluster (larbert-cluster)');
    expect(listed).toContain('Cluster; 1 school: carron-primary');
    expect(await say(clusterLead, 'my groups')).toContain('You lead 1 group of schools');
    expect(await say(slt, 'groups')).toContain('You lead no groups of schools');
  });

  it('a lead adds a school by its name and a lead by email; the new lead may then change the group', async () => {
    const added = await say(clusterLead, `group larbert-cluster add school ${team.name}`);
    expect(added).toContain(`${team.name} added to Larbert cluster`);
    expect(await bed.server.stores.groups.schoolsIn('falkirk')).toEqual([team.id, 'carron-primary']);

    expect(await say(clusterLead, 'group larbert-cluster add lead dana.deputy@balerno.scot')).toContain('Dana Deputy (dana.deputy@balerno.scot) added to Larbert cluster');
    expect(await bed.server.stores.groups.isLead('larbert-cluster', deputy.aadObjectId)).toBe(true);
    expect(await say(deputy, 'group larbert-cluster remove school carron-primary')).toContain('carron-primary removed from Larbert cluster');

    const shown = await say(deputy, 'group larbert-cluster');
    // A lead the bot has not seen in a school's team is shown by id.
    expect(shown).toContain(clusterLead.aadObjectId);
    expect(shown).toContain('Dana Deputy (dana.deputy@balerno.scot)');
    expect(shown).toContain(`1: ${team.name}`);
  });

  it('refuses a lead of another group, and a school\'s SLT, with a clear message and nothing changed', async () => {
    expect(await say(otherLead, 'group larbert-cluster add lead morag.slt@balerno.scot')).toContain('Only the group\'s CLPL leads');
    expect(await say(clusterLead, 'group falkirk add school carron-primary')).toContain('Only the group\'s CLPL leads');
    expect(await say(slt, 'group larbert-cluster')).toContain('Only the group\'s CLPL leads');
    expect(await bed.server.stores.groups.isLead('larbert-cluster', slt.aadObjectId)).toBe(false);
    expect(await bed.server.stores.groups.schoolsIn('falkirk')).toEqual(['carron-primary']);
  });

  it('explains an unknown group, school or email, and the last lead stepping down', async () => {
    expect(await say(clusterLead, 'group nowhere add school x')).toContain('No such group');
    expect(await say(clusterLead, 'group larbert-cluster add school Hogwarts')).toContain('No such school');
    expect(await say(clusterLead, 'group larbert-cluster add lead nobody@balerno.scot')).toContain('No colleague with that email');
    expect(await say(otherLead, `group grangemouth-cluster remove lead ${otherLead.aadObjectId}`)).toContain(`${otherLead.aadObjectId} removed from Grangemouth cluster`);
    expect(await say(authorityLead, 'group falkirk remove lead ' + authorityLead.aadObjectId)).toContain('The group needs a lead');
    expect(await say(clusterLead, 'group larbert-cluster frobnicate')).toContain('Which group, and what change?');
  });
});
