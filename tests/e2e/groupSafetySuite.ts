import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devUserHeader } from '../../bot/http/auth/identify';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, noQuietHours, offerFormValues, slt, team, Testbed } from '../support/clplTestbed';
import { botAddedToTeam, channelCardAction, channelMention, member, Member, membersAddedToTeam, personalCardAction, personalMessage, sendToBot, TeamsWorld } from '../support/teamsActivities';
import { buildDraft, buildResponse, FakeClock } from '../factories';

/**
 * Declared once for each database, each in its own test file: statements prepared by the stores are compiled for the
 * first database a process uses (bot/adapters/sql/prepared.ts), so one file must not start SQLite and PostgreSQL
 * servers both.
 *
 * Groups of schools kept apart, through the real endpoint: a lead of one group, a school's SLT, or a member of staff of
 * a school outside the group sends verbs and commands with the other group's ids (as a forged card would) and is told
 * so, and nothing in the store changes. Then what each may read of a group offer's reports.
 */
const schools = {
  balerno: { team, channel: clplChannel, slt },
  deanPark: { team: { id: '19:team-dean-park@thread.tacv2', name: 'Dean Park Primary Staff' }, channel: { id: '19:dean-park-clpl@thread.tacv2', name: 'DPP CLPL' }, slt: member('dean-slt', 'Dora Dean SLT') },
  currie: { team: { id: '19:team-currie@thread.tacv2', name: 'Currie Primary Staff' }, channel: { id: '19:currie-clpl@thread.tacv2', name: 'Currie CLPL' }, slt: member('currie-slt', 'Cory Currie SLT') },
};
type SchoolKey = keyof typeof schools;
/** Leads the Balerno cluster (Balerno and Dean Park); staff at Dean Park, so its offers are made from there. */
const leadA = member('lead-a', 'Cara Cluster');
/** Leads the authority that contains the Balerno cluster; in no school's team (an authority officer). */
const officer = member('officer', 'Orla Authority');
/** Leads the Currie cluster only. */
const leadB = member('lead-b', 'Ben Other');
const staff = { alex: member('alex', 'Alex Balerno'), amy: member('amy', 'Amy Balerno'), bea: member('bea', 'Bea Dean'), cal: member('cal', 'Cal Currie') };
const staffOf: Record<SchoolKey, Member[]> = { balerno: [staff.alex, staff.amy], deanPark: [staff.bea, leadA], currie: [staff.cal, leadB] };
const notLead = "Only the group's CLPL leads";
const text = (value: unknown) => JSON.stringify(value) ?? '';
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;

/** Each school names its own SLT, so being SLT of one school says nothing about another. */
function schoolsFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'clpl-schools-')), 'schools.json');
  writeFileSync(file, JSON.stringify(Object.values(schools).map((s) => ({ id: s.team.id, name: s.team.name, sltIds: [s.slt.aadObjectId] }))));
  return file;
}

/** Each team's roster as Teams lists it, so the bot knows everyone's school (and the tab's development identities). */
export const connector = {
  channels: Object.values(schools).flatMap((s) => [{ id: s.team.id }, { id: s.channel.id, name: s.channel.name }]),
  rosters: Object.fromEntries(
    (Object.keys(schools) as SchoolKey[]).map((key) => [
      schools[key].team.id,
      [schools[key].slt, ...staffOf[key]].map((p) => ({ id: p.teamsId, name: p.name, aadObjectId: p.aadObjectId, email: `${p.aadObjectId}@example.scot`, userPrincipalName: `${p.aadObjectId}@example.scot`, tenantId: 'tenant-1' })),
    ]),
  ),
};

export function describeGroupSafety(open: (clock: FakeClock, env: Record<string, string>) => Promise<Testbed>) {
  let bed: Testbed;
  const clock = new FakeClock(new Date());
  const worldOf = (key: SchoolKey): TeamsWorld => ({ ...bed.world, team: schools[key].team });
  const send = (activity: object) => sendToBot(bed.server.url, activity);

  beforeEach(async () => {
    clock.set(new Date());
    bed = await open(clock, { ...noQuietHours, CLPL_SLT_IDS: '', CLPL_SCHOOLS_FILE: schoolsFile(), CLPL_MIN_RESPONSES_TO_SHOW: '2' });
    for (const key of Object.keys(schools) as SchoolKey[]) {
      const school = schools[key];
      await send(botAddedToTeam(worldOf(key), school.slt));
      await send(channelMention(worldOf(key), school.slt, school.channel, 'use this channel'));
      await send(membersAddedToTeam(worldOf(key), school.slt, [school.slt, ...staffOf[key]]));
    }
    await bed.server.stores.groups.applyFile(
      [
        { id: 'balerno-cluster', name: 'Balerno cluster', kind: 'cluster', schools: [schools.balerno.team.id, schools.deanPark.team.id], groups: [], leads: [leadA.aadObjectId] },
        { id: 'currie-cluster', name: 'Currie cluster', kind: 'cluster', schools: [schools.currie.team.id], groups: [], leads: [leadB.aadObjectId] },
        { id: 'edinburgh', name: 'City of Edinburgh', kind: 'authority', schools: [], groups: ['balerno-cluster'], leads: [officer.aadObjectId] },
      ],
      'test',
      new Date(),
    );
  });
  afterEach(() => bed.close());

  /** A card action in the person's 1:1 chat: answered with a valid card, whose text is returned. */
  async function personal(by: Member, verb: string, data: Record<string, unknown>): Promise<string> {
    const response = await send(personalCardAction(bed.world, by, verb, { cardVersion: 1, ...data }));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return text(response.body.value);
  }

  async function say(by: Member, words: string): Promise<string> {
    await send(personalMessage(bed.world, by, words));
    const reply = cardOf(bed.connector.sentTo(`a:personal-${by.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(reply);
    return text(reply);
  }

  const cardsIn = (key: SchoolKey) => bed.connector.sentTo(schools[key].channel.id).filter((c) => cardOf(c));

  /** Lead A offers a session to the Balerno cluster from the form; returns it and its card in each member's channel. */
  async function leadAPosts(overrides: Record<string, string> = {}) {
    expect(await personal(leadA, 'offer.create.v1', offerFormValues({ audience: 'balerno-cluster', capacity: '4', ...overrides }))).toContain('Offer saved');
    // The cards are posted by a job that the answer does not wait for.
    await bed.server.settle();
    const cardIn = (key: 'balerno' | 'deanPark') => {
      const sent = cardsIn(key);
      expect(sent).toHaveLength(1);
      return { channelId: schools[key].channel.id, channelName: schools[key].channel.name, activityId: sent[0]!.responseId! };
    };
    const cards = { balerno: cardIn('balerno'), deanPark: cardIn('deanPark') };
    const offerId = cardOf(cardsIn('balerno')[0]).actions.find((a: { verb?: string }) => a.verb === 'offer.signUp.v1').data.offerId as string;
    return { offerId, cards };
  }

  /** Everything a forged verb could touch: the offer, its sign-ups, attendance and feedback, and the groups. */
  async function snapshot(offerId: string) {
    const { stores } = bed.server;
    return {
      offer: await stores.offers.findOffer(offerId),
      signUps: await stores.offers.signUpsForOffer(offerId),
      attendance: await stores.evidence.attendanceFor(offerId),
      feedback: await stores.evidence.feedbackFor(offerId),
      groups: await stores.groups.definitions(),
      cards: (await stores.offerCards.postedCards(offerId)).length,
    };
  }

  it('a lead of another group cannot post to, edit, cancel, mark or read the reports of this group’s offer, nor change the group', async () => {
    const { offerId } = await leadAPosts();
    const before = await snapshot(offerId);

    // Posting to a group they do not lead: the form says so and nothing is posted anywhere.
    const posted = await personal(leadB, 'offer.create.v1', offerFormValues({ audience: 'balerno-cluster', title: 'Forged offer' }));
    expect(posted).toContain('Choose this school or a group of schools you lead.');
    expect(posted).not.toContain('Offer saved');
    await bed.server.settle();
    for (const key of Object.keys(schools) as SchoolKey[]) expect(cardsIn(key)).toHaveLength(key === 'currie' ? 0 : 1);

    for (const [verb, data] of [
      ['offer.edit.v1', { offerId }],
      ['offer.update.v1', { ...offerFormValues({ capacity: '40', location: 'Forged hall' }), offerId }],
      ['offer.cancel.v1', { offerId }],
      ['offer.cancel.confirm.v1', { offerId }],
      ['report.offer.v1', { offerId }],
    ] as const) {
      const answer = await personal(leadB, verb, data);
      expect(answer).toContain(notLead);
      expect(answer).not.toMatch(/at \w+ \(|Error:/);
    }
    expect((await fetch(`${bed.server.url}/api/reports/offers/${offerId}.csv`, { headers: { [devUserHeader]: leadB.aadObjectId } })).status).toBe(403);

    // The session has started: B may neither open nor save its register.
    const offer = before.offer!;
    clock.set(new Date(offer.startsAt.getTime() + 10 * 60_000));
    expect(await personal(leadB, 'attendance.open.v1', { offerId })).toContain('Only the facilitator or SLT');
    expect(await personal(leadB, 'attendance.record.v1', { offerId, attended_0: leadB.aadObjectId })).toContain('Only the facilitator or SLT');
    expect(await personal(leadB, 'attendance.page.v1', { offerId, showPage: '0', mark_0: leadB.aadObjectId })).toContain('Only the facilitator or SLT');

    // The group itself: B may not look at it or change its schools or leads.
    for (const command of ['group balerno-cluster', `group balerno-cluster add school ${schools.currie.team.name}`, `group balerno-cluster remove school ${schools.deanPark.team.name}`, 'group balerno-cluster remove lead aad-lead-a']) {
      const reply = await say(leadB, command);
      expect(reply).toContain(notLead);
      expect(reply).not.toContain(schools.deanPark.team.name);
    }
    expect(await snapshot(offerId)).toEqual(before);
  });

  it('a member school’s SLT cannot edit or cancel the group’s offer (not even the school it was made from), and it is not in their list to manage', async () => {
    const { offerId } = await leadAPosts();
    const before = await snapshot(offerId);
    expect(before.offer?.schoolId).toBe(schools.deanPark.team.id);
    for (const who of [schools.deanPark.slt, schools.balerno.slt]) {
      expect(await personal(who, 'offer.edit.v1', { offerId })).toContain(notLead);
      expect(await personal(who, 'offer.update.v1', { ...offerFormValues({ location: 'Forged hall' }), offerId })).toContain(notLead);
      expect(await personal(who, 'offer.cancel.confirm.v1', { offerId })).toContain(notLead);
    }
    expect(await say(schools.deanPark.slt, 'manage offers')).not.toContain(offerId);
    expect(await snapshot(offerId)).toEqual(before);
  });

  it('a sign-up from a school outside the group takes no seat, forged from its channel or pressed in a 1:1 chat', async () => {
    const { offerId } = await leadAPosts();
    const before = await snapshot(offerId);
    const forgedCard = { channelId: schools.currie.channel.id, channelName: schools.currie.channel.name, activityId: 'forged-card-1' };
    for (const activity of [channelCardAction(worldOf('currie'), staff.cal, forgedCard, 'offer.signUp.v1', { cardVersion: 1, offerId }), personalCardAction(bed.world, staff.cal, 'offer.signUp.v1', { cardVersion: 1, offerId }),
      // The school named in the data is not read: the school is the team the card is in, or the person's own.
      channelCardAction(worldOf('currie'), staff.cal, forgedCard, 'offer.signUp.v1', { cardVersion: 1, offerId, schoolId: schools.balerno.team.id })]) {
      const response = await send(activity);
      expect(response.status).toBe(200);
      expectValidAdaptiveCard(response.body.value);
      expect(text(response.body.value)).toContain('Not offered to your school');
    }
    await bed.server.settle();
    expect(await snapshot(offerId)).toEqual(before);
  });

  it('once a school has left the group its card takes no sign-up and is no longer redrawn; the others carry on', async () => {
    const { offerId, cards } = await leadAPosts();
    expect(await say(leadA, `group balerno-cluster remove school ${schools.deanPark.team.name}`)).toContain('removed from Balerno cluster');

    const refused = await send(channelCardAction(worldOf('deanPark'), staff.bea, cards.deanPark, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    expect(text(refused.body.value)).toContain('Not offered to your school');
    expect(await bed.server.stores.offers.signUpsForOffer(offerId)).toEqual([]);

    for (const who of [staff.alex, staff.amy]) {
      const accepted = await send(channelCardAction(worldOf('balerno'), who, cards.balerno, 'offer.signUp.v1', { cardVersion: 1, offerId }));
      expect(text(accepted.body.value)).toContain("You're confirmed");
      await bed.server.settle();
    }
    expect(text(cardOf(bed.connector.updatesOf(cards.balerno.activityId).at(-1)))).toContain('2 of 4 places left');
    // Dean Park's card stays as it was when the school left: retired, never redrawn.
    expect(bed.connector.updatesOf(cards.deanPark.activityId)).toEqual([]);
  });

  it('a programme imported by one school cannot be scheduled or cancelled by another school’s SLT or a group’s lead', async () => {
    const programme = {
      id: 'programme-balerno-1',
      schoolId: schools.balerno.team.id,
      importer: { id: slt.aadObjectId, name: slt.name },
      fileName: 'autumn.csv',
      items: [{ line: 2, draft: buildDraft(), publishAt: null, offerId: 'programme-offer-1' }],
      status: 'pending' as const,
      createdAt: clock.now(),
      decidedAt: null,
    };
    await bed.server.stores.programmeImports.save(programme);
    for (const who of [schools.currie.slt, schools.deanPark.slt, leadA]) {
      for (const verb of ['programme.schedule.v1', 'programme.cancel.v1']) expect(await personal(who, verb, { importId: programme.id })).toContain('Only senior leaders and group CLPL leads can import a programme');
    }
    expect(await bed.server.stores.programmeImports.find(programme.id)).toMatchObject({ status: 'pending', decidedAt: null });

    // A lead's programme with a line for their cluster: another group's lead, or a member school's SLT, cannot decide it.
    const forCluster = { ...programme, id: 'programme-cluster-1', schoolId: schools.deanPark.team.id, importer: { id: leadA.aadObjectId, name: leadA.name }, items: [{ ...programme.items[0]!, groupId: 'balerno-cluster', offerId: 'programme-offer-2' }] };
    await bed.server.stores.programmeImports.save(forCluster);
    for (const who of [leadB, schools.deanPark.slt, schools.balerno.slt]) {
      for (const verb of ['programme.schedule.v1', 'programme.cancel.v1']) expect(await personal(who, verb, { importId: forCluster.id })).toContain('Only senior leaders and group CLPL leads can import a programme');
    }
    expect(await bed.server.stores.programmeImports.find(forCluster.id)).toMatchObject({ status: 'pending', decidedAt: null });
    await bed.server.settle();
    for (const offerId of ['programme-offer-1', 'programme-offer-2']) expect(await bed.server.stores.offers.findOffer(offerId)).toBeUndefined();
  });

  describe('after the session: who reads what', () => {
    /** Alex and Amy from Balerno and Bea from Dean Park attend and answer; the lead marks the register. */
    async function heldSession() {
      const { offerId, cards } = await leadAPosts();
      for (const [who, key] of [[staff.alex, 'balerno'], [staff.amy, 'balerno'], [staff.bea, 'deanPark']] as const) {
        expect(text((await send(channelCardAction(worldOf(key), who, cards[key], 'offer.signUp.v1', { cardVersion: 1, offerId }))).body.value)).toContain("You're confirmed");
      }
      const offer = (await bed.server.stores.offers.findOffer(offerId))!;
      clock.set(new Date(offer.startsAt.getTime() + 10 * 60_000));
      // Dean Park's SLT may not mark a group's register, though the offer was made from their school.
      expect(await personal(schools.deanPark.slt, 'attendance.open.v1', { offerId })).toContain('Only the facilitator or SLT');
      expect(await say(leadA, 'attendance')).toContain(offer.title);
      const register = await personal(leadA, 'attendance.open.v1', { offerId });
      for (const who of [staff.alex, staff.amy, staff.bea]) expect(register).toContain(who.name);
      expect(await personal(leadA, 'attendance.record.v1', { offerId, attended_0: staff.alex.aadObjectId, attended_1: staff.amy.aadObjectId, attended_2: staff.bea.aadObjectId })).toContain('Saved: 3 of 3 attended');
      clock.set(new Date(offer.endsAt.getTime() + 60 * 60_000));
      await bed.server.stores.evidence.transaction(async (tx) => {
        for (const [who, change] of [[staff.alex, 'Alex will plan hinge questions'], [staff.amy, 'Amy will use exit tickets'], [staff.bea, 'Bea will try think-pair-share']] as const) {
          await tx.saveFeedback(buildResponse({ offerId, person: { id: who.aadObjectId, name: who.name }, practiceChange: change, anonymous: false, submittedAt: clock.now(), updatedAt: clock.now() }));
        }
      });
      return offer;
    }

    it('the lead reads the whole session, with no one named; each school’s SLT reads their own people only, or nothing under the threshold', async () => {
      const offer = await heldSession();
      const offerId = offer.id;

      const lead = await personal(leadA, 'report.offer.v1', { offerId });
      expect(lead).toContain('3 of 3 (100%)');
      for (const change of ['Alex will plan hinge questions', 'Amy will use exit tickets', 'Bea will try think-pair-share']) expect(lead).toContain(change);
      for (const who of [staff.alex, staff.amy, staff.bea]) expect(lead).not.toContain(who.name);
      expect(await say(leadA, 'report')).toContain(offer.title);
      // A lead of the authority containing the cluster, in no school's team, finds the session and reads it the same way.
      expect(await say(officer, 'report')).toContain(offer.title);
      expect(await say(officer, 'attendance')).toContain(offer.title);
      expect(await personal(officer, 'report.offer.v1', { offerId })).toEqual(lead);

      const balerno = await personal(schools.balerno.slt, 'report.offer.v1', { offerId });
      expect(balerno).toContain('2 of 2 (100%)');
      expect(balerno).toContain('Alex will plan hinge questions');
      expect(balerno).toContain(staff.alex.name);
      expect(balerno).not.toContain('Bea will try think-pair-share');
      expect(balerno).not.toContain(staff.bea.name);

      // One answer from Dean Park is under the threshold of 2: counts only.
      const deanPark = await personal(schools.deanPark.slt, 'report.offer.v1', { offerId });
      expect(deanPark).toContain('1 of 1 (100%)');
      expect(deanPark).toContain('Too few responses to show');
      expect(deanPark).not.toContain('think-pair-share');
      expect(deanPark).not.toContain('hinge questions');

      expect(await personal(schools.currie.slt, 'report.offer.v1', { offerId })).toContain(notLead);
      const csv = (who: Member) => fetch(`${bed.server.url}/api/reports/offers/${offerId}.csv`, { headers: { [devUserHeader]: who.aadObjectId } });
      expect((await csv(schools.currie.slt)).status).toBe(403);
      const balernoCsv = await (await csv(schools.balerno.slt)).text();
      expect(balernoCsv).toContain('counts,attended,2,');
      expect(balernoCsv).not.toContain('think-pair-share');
      expect(await (await csv(leadA)).text()).toContain('counts,attended,3,');
    });

    it('each school’s hours, follow-ups and dashboard count the group session for its own staff, whichever school it was made from', async () => {
      const offer = await heldSession();
      const periodCsv = async (who: Member, kind: 'periods' | 'follow-ups') => {
        const response = await fetch(`${bed.server.url}/api/reports/${kind}/0.csv`, { headers: { [devUserHeader]: who.aadObjectId } });
        expect(response.status).toBe(200);
        return response.text();
      };
      const balernoHours = await periodCsv(schools.balerno.slt, 'periods');
      expect(balernoHours).toContain(`${staff.alex.aadObjectId},${staff.alex.name},all,all,1,1`);
      expect(balernoHours).toContain(staff.amy.name);
      expect(balernoHours).not.toContain(staff.bea.name);
      const deanHours = await periodCsv(schools.deanPark.slt, 'periods');
      expect(deanHours).toContain(`${staff.bea.aadObjectId},${staff.bea.name},all,all,1,1`);
      expect(deanHours).not.toContain(staff.alex.name);
      expect(await periodCsv(schools.currie.slt, 'periods')).not.toContain(offer.title);

      const period = await personal(schools.balerno.slt, 'report.period.v1', { periodIndex: '0' });
      expect(period).toContain(staff.alex.name);
      expect(period).not.toContain(staff.bea.name);

      const dashboard = async (who: Member) => {
        const response = await fetch(`${bed.server.url}/api/tab/dashboard`, { headers: { [devUserHeader]: who.aadObjectId } });
        expect(response.status).toBe(200);
        return (await response.json()) as { offers: Array<{ offerId: string; confirmed: number; impact: { attended: number; responses: number } | null }> };
      };
      expect((await dashboard(schools.balerno.slt)).offers.find((o) => o.offerId === offer.id)).toMatchObject({ confirmed: 2, impact: { attended: 2, responses: 2 } });
      expect((await dashboard(schools.deanPark.slt)).offers.find((o) => o.offerId === offer.id)).toMatchObject({ confirmed: 1, impact: { attended: 1, responses: 1 } });
      expect((await dashboard(schools.currie.slt)).offers.find((o) => o.offerId === offer.id)).toBeUndefined();
    });
  });
}

