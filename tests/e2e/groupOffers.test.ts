import { DateTime } from 'luxon';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, noQuietHours, offerFormValues, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { botAddedToTeam, channelCardAction, channelMention, member, Member, membersAddedToTeam, personalCardAction, personalMessage, sendToBot, TeamsWorld } from '../support/teamsActivities';

const schools = [
  { team, channel: clplChannel },
  { team: { id: '19:team-dean-park@thread.tacv2', name: 'Dean Park Primary Staff' }, channel: { id: '19:dean-park-clpl@thread.tacv2', name: 'DPP CLPL' } },
  { team: { id: '19:team-currie@thread.tacv2', name: 'Currie Primary Staff' }, channel: { id: '19:currie-clpl@thread.tacv2', name: 'Currie CLPL' } },
] as const;
const [balerno, deanPark] = schools;
/** The cluster's CLPL lead: staff at Dean Park, not SLT of any school. */
const lead = member('cluster-lead', 'Cara Cluster');
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;
const text = (value: unknown) => JSON.stringify(value) ?? '';

describe('a group offer made from the form, across three schools’ channels', () => {
  let bed: Testbed;
  const worldOf = (school: (typeof schools)[number]): TeamsWorld => ({ ...bed.world, team: school.team });

  beforeEach(async () => {
    bed = await startTestbed({
      env: noQuietHours,
      connector: { channels: schools.flatMap((s) => [{ id: s.team.id }, { id: s.channel.id, name: s.channel.name }]) },
    });
    // Each school installs the app in its team and chooses its own CLPL channel.
    for (const school of schools) {
      await sendToBot(bed.server.url, botAddedToTeam(worldOf(school), slt));
      await sendToBot(bed.server.url, channelMention(worldOf(school), slt, school.channel, 'use this channel'));
    }
    await sendToBot(bed.server.url, membersAddedToTeam(worldOf(deanPark), slt, [lead]));
    await bed.server.stores.groups.applyFile(
      [{ id: 'balerno-cluster', name: 'Balerno cluster', kind: 'cluster', schools: schools.map((s) => s.team.id), groups: [], leads: [lead.aadObjectId] }],
      'test',
      new Date(),
    );
  });
  afterEach(() => bed.close());

  async function personalAction(by: Member, verb: string, data: Record<string, unknown>) {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, by, verb, { cardVersion: 1, ...data }));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return text(response.body.value);
  }

  /** The lead submits the form for the cluster; returns the offer and its card in each school's channel. */
  async function leadPostsToCluster(overrides: Record<string, string> = {}) {
    const posted = await personalAction(lead, 'offer.create.v1', offerFormValues({ audience: 'balerno-cluster', capacity: '3', quotaPerSchool: '1', ...overrides }));
    // The cards are posted by a job that the answer does not wait for.
    await bed.server.settle();
    const cards = schools.map((school) => {
      const sent = bed.connector.sentTo(school.channel.id).filter((c) => cardOf(c));
      expect(sent).toHaveLength(1);
      expectValidAdaptiveCard(cardOf(sent[0]));
      return { school, card: { channelId: school.channel.id, channelName: school.channel.name, activityId: sent[0]!.responseId! } };
    });
    const offerId = cardOf(bed.connector.sentTo(balerno.channel.id).find((c) => cardOf(c)))
      .actions.find((a: { verb?: string }) => a.verb === 'offer.signUp.v1').data.offerId as string;
    return { posted, cards, offerId };
  }

  it('a lead who is not SLT opens the form with "For whom", and a quota for the cluster posts one card per school’s channel', async () => {
    await sendToBot(bed.server.url, personalMessage(bed.world, lead, 'new offer'));
    const form = cardOf(bed.connector.sentTo(`a:personal-${lead.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(form);
    expect(text(form)).toContain('"label":"For whom"');
    expect(text(form)).toContain('"value":"balerno-cluster"');
    expect(text(form)).toContain('"id":"quotaPerSchool"');

    const { posted, offerId } = await leadPostsToCluster();
    expect(posted).toContain('Offer saved');
    expect(posted).toContain('is now offered to Balerno cluster');
    expect(posted).toContain("Posting it to 3 schools' channels now");
    expect(posted).not.toContain('Not posted to');
    // Once every card is up, the lead is told so, 1:1.
    const told = cardOf(bed.connector.sentTo(`a:personal-${lead.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(told);
    expect(text(told)).toContain('Offer posted to every school');
    expect(text(told)).toContain('is in the CLPL channel of all 3 schools of Balerno cluster.');
    const offer = await bed.server.stores.offers.findOffer(offerId);
    expect(offer).toMatchObject({ groupId: 'balerno-cluster', capacity: 3, quotaPerSchool: 1 });
  });

  it('sign-ups from different schools’ cards share one pool and respect the quota; every card is redrawn the same', async () => {
    const { cards, offerId } = await leadPostsToCluster();
    const [a, b, c] = cards;
    const signUp = async (who: Member, at: (typeof cards)[number]) =>
      text((await sendToBot(bed.server.url, channelCardAction(worldOf(at.school), who, at.card, 'offer.signUp.v1', { cardVersion: 1, offerId }))).body.value);

    expect(await signUp(member('alex', 'Alex Balerno'), a!)).toContain("You're confirmed");
    expect(await signUp(member('bea', 'Bea Dean'), b!)).toContain("You're confirmed");
    // Dean Park's one place is taken, though the pool still has places.
    const cal = await signUp(member('cal', 'Cal Dean'), b!);
    expect(cal).toContain('waitlist');
    expect(cal).not.toContain("You're confirmed");
    expect(await signUp(member('dan', 'Dan Currie'), c!)).toContain("You're confirmed");
    await bed.server.settle();

    const latest = cards.map(({ card }) => cardOf(bed.connector.updatesOf(card.activityId).at(-1)));
    for (const card of latest) expectValidAdaptiveCard(card);
    expect(text(latest[0])).toContain('Full (3 places) · 1 on the waitlist');
    expect(text(latest[1])).toEqual(text(latest[0]));
    expect(text(latest[2])).toEqual(text(latest[0]));
  });

  it('a lead who is not SLT finds "manage offers" and "report" in help, and manages the group’s offers from the 1:1 chat', async () => {
    const { offerId } = await leadPostsToCluster();
    const lastTo = (who: Member) => text(cardOf(bed.connector.sentTo(`a:personal-${who.aadObjectId}`).at(-1)));

    await sendToBot(bed.server.url, personalMessage(bed.world, lead, 'help'));
    expect(lastTo(lead)).toContain('"title":"manage offers"');
    expect(lastTo(lead)).toContain('"title":"report"');
    expect(lastTo(lead)).not.toContain('"title":"unreachable"');
    const colleague = member('dean-teacher', 'Dee Teacher');
    await sendToBot(bed.server.url, membersAddedToTeam(worldOf(deanPark), slt, [colleague]));
    await sendToBot(bed.server.url, personalMessage(bed.world, colleague, 'help'));
    expect(lastTo(colleague)).not.toContain('"title":"manage offers"');

    await sendToBot(bed.server.url, personalMessage(bed.world, lead, 'manage offers'));
    const manage = cardOf(bed.connector.sentTo(`a:personal-${lead.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(manage);
    expect(text(manage)).toContain('Questioning for deeper learning');
    expect(text(manage)).toContain(`"offerId":"${offerId}"`);
    await sendToBot(bed.server.url, personalMessage(bed.world, colleague, 'manage offers'));
    expect(lastTo(colleague)).toContain('Only senior leaders');
  });

  it('a member school’s SLT cannot edit or cancel the group offer: they are told so and nothing changes', async () => {
    const { offerId } = await leadPostsToCluster();
    const notLead = 'Only the group\'s CLPL leads';
    expect(await personalAction(slt, 'offer.edit.v1', { offerId })).toContain(notLead);
    expect(await personalAction(slt, 'offer.update.v1', { ...offerFormValues({ capacity: '3', location: 'Hall' }), offerId })).toContain(notLead);
    expect(await personalAction(slt, 'offer.cancel.v1', { offerId })).toContain(notLead);
    expect(await personalAction(slt, 'offer.cancel.confirm.v1', { offerId })).toContain(notLead);
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ revision: 1, status: 'open', location: 'Room 12' });

    // The lead's edit form carries the places per school, so saving another change keeps them.
    const form = await personalAction(lead, 'offer.edit.v1', { offerId });
    expect(form).toContain('"id":"quotaPerSchool","label":"Places per school (group offers; leave empty for no limit)","min":1,"max":1000,"value":1');
    expect(form).not.toContain('For whom');
    expect(await personalAction(lead, 'offer.update.v1', { ...offerFormValues({ capacity: '3', quotaPerSchool: '1', location: 'Hall' }), offerId })).toContain('Offer updated');
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ revision: 2, location: 'Hall', quotaPerSchool: 1 });
  });

  it('the release date is entered as a day (the start of it, school time); an edit on that same day keeps an exact time set elsewhere', async () => {
    const releaseDay = offerFormValues().closesDate as string;
    const { offerId } = await leadPostsToCluster({ quotaReleasesDate: releaseDay });
    const offer = (await bed.server.stores.offers.findOffer(offerId))!;
    expect(offer.quotaReleasesAt?.toISOString()).toBe(DateTime.fromISO(releaseDay, { zone: 'Europe/London' }).toJSDate().toISOString());

    // As a programme or a use case might: released at 12:30 that day rather than at midnight.
    const noon = DateTime.fromISO(`${releaseDay}T12:30`, { zone: 'Europe/London' }).toJSDate();
    await bed.server.stores.offers.transaction((tx) => tx.updateOffer({ ...offer, quotaReleasesAt: noon }));
    const saved = await personalAction(lead, 'offer.update.v1', { ...offerFormValues({ capacity: '3', quotaPerSchool: '1', quotaReleasesDate: releaseDay, location: 'Hall' }), offerId });
    expect(saved).toContain('Offer updated');
    expect(saved).not.toContain('release of unused places');
    expect((await bed.server.stores.offers.findOffer(offerId))?.quotaReleasesAt?.toISOString()).toBe(noon.toISOString());
  });

  it('places per school on an offer for one school are refused on the form, and nothing is posted', async () => {
    const form = await personalAction(slt, 'offer.create.v1', offerFormValues({ quotaPerSchool: '2' }));
    expect(form).toContain('New CLPL offer');
    expect(form).toContain('Places per school is only for an offer to a group of schools');
    for (const school of schools) expect(bed.connector.sentTo(school.channel.id).filter((c) => cardOf(c))).toHaveLength(0);
  });
});
