import { channelCardAction, channelMention, member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, offerFormValues, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';

const staffA = member('a', 'Alex Teacher');
const staffB = member('b', 'Bea Teacher');

function textOf(card: unknown): string {
  return JSON.stringify(card) ?? '';
}

function cardOf(call: { body: any }): any {
  return call.body?.attachments?.[0]?.content;
}

describe('an offer posted to the CLPL channel, signed up for from its card', () => {
  let bed: Testbed;
  beforeEach(async () => {
    bed = await startTestbed();
  });
  afterEach(async () => bed.close());

  const setUpSchoolWithChannel = () => setUpSchool(bed);
  const offerForm = (overrides: Record<string, string> = {}) => offerFormValues({ capacity: '1', ...overrides });

  it('takes an offer from the SLT form to the channel, through sign-up, waitlist, withdrawal and promotion', async () => {
    await setUpSchoolWithChannel();
    expect(textOf(bed.connector.sentTo(clplChannel.id).at(-1)?.body)).toContain('CLPL offers will now be posted in BAL-Staff CLPL');

    await sendToBot(bed.server.url, personalMessage(bed.world, slt, 'new offer'));
    const form = cardOf(bed.connector.sentTo(`a:personal-${slt.aadObjectId}`).at(-1)!);
    expectValidAdaptiveCard(form);
    expect(textOf(form)).toContain('New CLPL offer');

    const created = await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'offer.create.v1', offerForm()));
    expect(created.status).toBe(200);
    expect(textOf(created.body.value)).toContain('Offer posted');

    const posted = bed.connector.sentTo(clplChannel.id).find((c) => textOf(cardOf(c)).includes('Questioning for deeper learning'));
    expect(posted).toBeDefined();
    const offerCard = cardOf(posted!);
    expectValidAdaptiveCard(offerCard);
    expect(textOf(offerCard)).toContain('1 of 1 place left');
    const cardRef = { channelId: clplChannel.id, channelName: clplChannel.name, activityId: posted!.responseId! };
    const offerId = offerCard.actions.find((a: any) => a.verb === 'offer.signUp.v1').data.offerId as string;

    const a = await sendToBot(bed.server.url, channelCardAction(bed.world, staffA, cardRef, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    expect(a.status).toBe(200);
    expect(a.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(a.body.value)).toContain("You're confirmed.");

    const b = await sendToBot(bed.server.url, channelCardAction(bed.world, staffB, cardRef, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    expect(textOf(b.body.value)).toContain("You're 1st on the waitlist.");
    // Each answer is that person's own view of the card, so it refreshes for them alone.
    expect(a.body.value.refresh.userIds).toEqual([staffA.aadObjectId]);
    expect(b.body.value.refresh.userIds).toEqual([staffB.aadObjectId]);

    const withdrawn = await sendToBot(bed.server.url, channelCardAction(bed.world, staffA, cardRef, 'offer.withdraw.v1', { cardVersion: 1, offerId }));
    expect(textOf(withdrawn.body.value)).toContain('You have withdrawn.');
    expect(withdrawn.body.value.refresh.userIds).toEqual([]);

    await bed.server.settle();

    const toldB = bed.connector.conversationsCreated().find((c) => c.body.members?.[0]?.id === staffB.teamsId);
    expect(toldB).toBeDefined();
    const promotion = bed.connector.sentTo(toldB!.responseId!);
    expect(promotion).toHaveLength(1);
    expect(textOf(cardOf(promotion[0]!))).toContain('you are now confirmed for \\"Questioning for deeper learning\\"');

    const updates = bed.connector.updatesOf(cardRef.activityId);
    expect(updates.length).toBeGreaterThan(0);
    const finalCard = cardOf(updates.at(-1)!);
    expectValidAdaptiveCard(finalCard);
    expect(textOf(finalCard)).toContain('Full (1 place)');
    expect(textOf(finalCard)).not.toContain('waitlist');

    const signUps = await bed.server.stores.offers.signUpsForOffer(offerId);
    expect(signUps.map((s) => [s.person.id, s.status])).toEqual([
      [staffA.aadObjectId, 'withdrawn'],
      [staffB.aadObjectId, 'confirmed'],
    ]);
  });

  it('gives someone who is not SLT the offer form to send for approval instead of posting', async () => {
    await setUpSchoolWithChannel();
    await sendToBot(bed.server.url, channelMention(bed.world, staffA, clplChannel, 'hello'));
    await sendToBot(bed.server.url, personalMessage(bed.world, staffA, 'new offer'));
    const reply = cardOf(bed.connector.sentTo(`a:personal-${staffA.aadObjectId}`).at(-1)!);
    expectValidAdaptiveCard(reply);
    expect(textOf(reply)).toContain('Send for approval');
  });

  it('re-shows the form with the values kept and a message per field when the offer has mistakes', async () => {
    await setUpSchoolWithChannel();
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'offer.create.v1', offerForm({ title: '   ', capacity: '0', endTime: '15:00' })));
    const card = response.body.value;
    expectValidAdaptiveCard(card);
    const text = textOf(card);
    expect(text).toContain('Give the session a title.');
    expect(text).toContain('Places must be a whole number from 1 to 1000.');
    expect(text).toContain('Room 12');
    expect(bed.connector.sentTo(clplChannel.id).filter((c) => cardOf(c))).toHaveLength(0);
  });

  it('answers an unknown verb, a malformed payload and a vanished offer with a friendly card, changing nothing', async () => {
    await setUpSchoolWithChannel();
    const cardRef = { channelId: clplChannel.id, channelName: clplChannel.name, activityId: 'act-old' };
    const unknown = await sendToBot(bed.server.url, channelCardAction(bed.world, staffA, cardRef, 'offer.teleport.v9', { offerId: 'x' }));
    expect(textOf(unknown.body.value)).toContain('That button is out of date');
    const malformed = await sendToBot(bed.server.url, channelCardAction(bed.world, staffA, cardRef, 'offer.signUp.v1', { offerId: 42 }));
    expect(textOf(malformed.body.value)).toContain('That card is incomplete');
    const vanished = await sendToBot(bed.server.url, channelCardAction(bed.world, staffA, cardRef, 'offer.signUp.v1', { offerId: 'no-such-offer' }));
    expect(textOf(vanished.body.value)).toContain('Session not found');
    for (const response of [unknown, malformed, vanished]) {
      expect(response.status).toBe(200);
      expect(textOf(response.body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
