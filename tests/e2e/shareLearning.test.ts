import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, createOfferThroughCard, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { channelCardAction, member, personalCardAction, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';

const ailsa = member('sh-a', 'Ailsa Sharer');
const colin = member('sh-c', 'Colin Absent');
const text = (card: unknown) => JSON.stringify(card) ?? '';
const HOUR = 3_600_000;

const feedback = {
  cardVersion: 1,
  value: '5',
  knowledgeBefore: '2',
  knowledgeAfter: '4',
  understandingBefore: '2',
  understandingAfter: '4',
  confidenceBefore: '2',
  confidenceAfter: '4',
  practiceChange: 'Hinge questions in every lesson.',
  relatedGoal: 'none',
  anonymous: 'true',
};

describe('sharing learning back under the offer\'s card', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date());
  beforeEach(async () => {
    clock.set(new Date());
    bed = await startTestbed({ clock, env: noQuietHours });
  });
  afterEach(() => bed.close());

  it('an attendee shares from their feedback card: a reply with their name goes under the card, which counts it', async () => {
    const url = bed.server.url;
    await setUpSchool(bed);
    const { offerId, card } = await createOfferThroughCard(bed);
    for (const person of [ailsa, colin]) await sendToBot(url, channelCardAction(bed.world, person, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    const offer = (await bed.server.stores.offers.findOffer(offerId))!;
    clock.set(new Date(offer.startsAt.getTime() + 30 * 60_000));
    await sendToBot(url, personalCardAction(bed.world, slt, 'attendance.record.v1', { cardVersion: 1, offerId, attended_0: ailsa.aadObjectId, attended_1: '' }));
    clock.set(new Date(offer.endsAt.getTime() + HOUR));
    await bed.server.settle();

    const thanked = await sendToBot(url, personalCardAction(bed.world, ailsa, 'feedback.submit.v1', { offerId, ...feedback }));
    expect(text(thanked.body.value)).toContain('"verb":"learning.shareForm.v1","data":{"cardVersion":1,"offerId":"' + offerId + '","source":"feedback"}');

    const form = await sendToBot(url, personalCardAction(bed.world, ailsa, 'learning.shareForm.v1', { cardVersion: 1, offerId, source: 'feedback' }));
    expectValidAdaptiveCard(form.body.value);
    expect(text(form.body.value)).toContain(`It is posted in ${clplChannel.name} as a reply under the session's card, with your name`);

    const thread = `${clplChannel.id};messageid=${card.activityId}`;
    const summary = 'Hinge questions: one multiple-choice question before moving on tells you who is ready.';
    const badLink = await sendToBot(url, personalCardAction(bed.world, ailsa, 'learning.share.v1', { cardVersion: 1, offerId, source: 'feedback', summary, resources: 'http://slides.example/hinge' }));
    expectValidAdaptiveCard(badLink.body.value);
    expect(text(badLink.body.value)).toContain('Each resource must be a https:// link, one per line.');
    expect(text(badLink.body.value)).toContain(summary);
    expect(bed.connector.sentTo(thread)).toHaveLength(0);

    const updatesBefore = bed.connector.updatesOf(card.activityId).length;
    const shared = await sendToBot(url, personalCardAction(bed.world, ailsa, 'learning.share.v1', { cardVersion: 1, offerId, source: 'feedback', summary, resources: 'https://slides.example/hinge\n' }));
    expectValidAdaptiveCard(shared.body.value);
    expect(text(shared.body.value)).toContain('Shared with colleagues');

    // The Bot Connector's thread reply: POST /v3/conversations/{channel};messageid={card}/activities.
    const replies = bed.connector.sentTo(thread);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!.body.attachments[0].content;
    expectValidAdaptiveCard(reply);
    expect(text(reply)).toContain(`Ailsa Sharer attended \\"${offer.title}\\" and shares:`);
    expect(text(reply)).toContain(summary);
    expect(text(reply)).toContain('[https://slides.example/hinge](https://slides.example/hinge)');
    expect(await bed.server.stores.learningShares.find(offerId, ailsa.aadObjectId)).toMatchObject({ activityId: replies[0]!.responseId, source: 'feedback' });

    await bed.server.settle();
    const redrawn = bed.connector.updatesOf(card.activityId).slice(updatesBefore).at(-1)?.body?.attachments?.[0]?.content;
    expectValidAdaptiveCard(redrawn);
    expect(text(redrawn)).toContain('1 colleague shared what they learnt: see the replies below.');

    const again = await sendToBot(url, personalCardAction(bed.world, ailsa, 'learning.share.v1', { cardVersion: 1, offerId, source: 'feedback', summary: 'Twice', resources: '' }));
    expect(text(again.body.value)).toContain('Already shared');
    const notAttendee = await sendToBot(url, personalCardAction(bed.world, colin, 'learning.shareForm.v1', { cardVersion: 1, offerId, source: 'feedback' }));
    expect(text(notAttendee.body.value)).toContain('Sharing is for attendees');
    expect(bed.connector.sentTo(thread)).toHaveLength(1);
  });
});
