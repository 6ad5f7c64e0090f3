import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, createOfferThroughCard, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { channelCardAction, member, Member, personalCardAction, sendToBot } from '../support/teamsActivities';
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

/** Cards sent to a person 1:1: in the chat the bot opened, or (once they have used it) the chat they use. */
function proactiveCardsTo(bed: Testbed, person: Member): unknown[] {
  const conversations = bed.connector
    .conversationsCreated()
    .filter((c) => c.body?.members?.[0]?.id === person.teamsId)
    .map((c) => c.responseId as string);
  return [...conversations, `a:personal-${person.aadObjectId}`].flatMap((id) => bed.connector.sentTo(id)).map((c) => c.body?.attachments?.[0]?.content);
}

/** What the Bot Connector should answer for a reply under the card, while a test wants it to fail (else undefined). */
let threadAnswer: { status: number; body?: unknown } | undefined;
/** How long the Bot Connector takes to accept a reply under the card. */
let threadDelayMs = 0;
const isThreadPost = (c: { method: string; conversationId: string | null }) => c.method === 'POST' && (c.conversationId ?? '').includes(';messageid=');

describe('sharing learning back under the offer\'s card', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date());
  beforeEach(async () => {
    clock.set(new Date());
    threadAnswer = undefined;
    threadDelayMs = 0;
    bed = await startTestbed({
      clock,
      env: noQuietHours,
      connector: { intercept: (c) => (isThreadPost(c) ? threadAnswer : undefined), delayMs: (c) => (isThreadPost(c) ? threadDelayMs : 0) },
    });
  });
  afterEach(() => bed.close());

  /** Ailsa and Colin sign up; SLT (the facilitator) marks only Ailsa as attending; the session ended an hour ago. */
  async function endedSession() {
    const url = bed.server.url;
    await setUpSchool(bed);
    const { offerId, card } = await createOfferThroughCard(bed);
    for (const person of [ailsa, colin]) await sendToBot(url, channelCardAction(bed.world, person, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    const offer = (await bed.server.stores.offers.findOffer(offerId))!;
    clock.set(new Date(offer.startsAt.getTime() + 30 * 60_000));
    await sendToBot(url, personalCardAction(bed.world, slt, 'attendance.record.v1', { cardVersion: 1, offerId, attended_0: ailsa.aadObjectId, attended_1: '' }));
    clock.set(new Date(offer.endsAt.getTime() + HOUR));
    await bed.server.settle();
    return { url, offerId, offer, card, thread: `${clplChannel.id};messageid=${card.activityId}` };
  }
  const shareAction = (person: Member, offerId: string, summary: string, source = 'feedback') =>
    personalCardAction(bed.world, person, 'learning.share.v1', { cardVersion: 1, offerId, source, summary, resources: '' });
  /** Replies the Bot Connector accepted (a refused post is recorded too, without an id). */
  const repliesIn = (thread: string) => bed.connector.sentTo(thread).filter((c) => c.responseId !== undefined);

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
  it('the facilitator, asked for no feedback, is sent the share form after the session and shares from it; a stranger is refused', async () => {
    const { url, offerId, offer, thread } = await endedSession();
    const invites = proactiveCardsTo(bed, slt).filter((c) => text(c).includes('Thank you for facilitating'));
    expect(invites).toHaveLength(1);
    expectValidAdaptiveCard(invites[0]);
    expect(text(invites[0])).toContain(`It is posted in ${clplChannel.name} as a reply under the session's card`);
    expect(text(invites[0])).toContain('"verb":"learning.share.v1","data":{"cardVersion":1,"offerId":"' + offerId + '","source":"facilitator"}');
    // Attendees get their feedback card instead, which offers sharing itself.
    expect(proactiveCardsTo(bed, ailsa).filter((c) => text(c).includes('Thank you for facilitating'))).toHaveLength(0);

    const stranger = await sendToBot(url, shareAction(colin, offerId, 'I was not there', 'facilitator'));
    expect(text(stranger.body.value)).toContain('Sharing is for attendees');
    expect(text(stranger.body.value)).toContain('shared by the people who attended it, or its facilitator');
    expect(bed.connector.sentTo(thread)).toHaveLength(0);

    const shared = await sendToBot(url, shareAction(slt, offerId, 'Slides and the hinge question bank are below.', 'facilitator'));
    expect(text(shared.body.value)).toContain('Shared with colleagues');
    const replies = repliesIn(thread);
    expect(replies).toHaveLength(1);
    expect(text(replies[0]!.body.attachments[0].content)).toContain(`Morag SLT facilitated \\"${offer.title}\\" and shares:`);
    expect(await bed.server.stores.learningShares.find(offerId, slt.aadObjectId)).toMatchObject({ source: 'facilitator', activityId: replies[0]!.responseId });

    // The job running again (attendance corrected, a restart) does not invite twice.
    await sendToBot(url, personalCardAction(bed.world, slt, 'attendance.record.v1', { cardVersion: 1, offerId, attended_0: ailsa.aadObjectId, attended_1: colin.aadObjectId }));
    clock.set(new Date(clock.now().getTime() + HOUR));
    await bed.server.settle();
    expect(proactiveCardsTo(bed, slt).filter((c) => text(c).includes('Thank you for facilitating'))).toHaveLength(1);
  });

  it("a person's own view of the card (a refresh) shows the same share count as the channel's card", async () => {
    const { url, offerId, card, thread } = await endedSession();
    await sendToBot(url, shareAction(ailsa, offerId, 'Hinge questions work.'));
    expect(repliesIn(thread)).toHaveLength(1);
    await bed.server.settle();
    const channelCard = bed.connector.updatesOf(card.activityId).at(-1)?.body?.attachments?.[0]?.content;
    expect(text(channelCard)).toContain('1 colleague shared what they learnt: see the replies below.');

    const ownView = await sendToBot(url, channelCardAction(bed.world, ailsa, card, 'offer.refresh.v1', { cardVersion: 1, offerId }));
    expectValidAdaptiveCard(ownView.body.value);
    expect(text(ownView.body.value)).toContain('1 colleague shared what they learnt: see the replies below.');
    const someoneElse = await sendToBot(url, personalCardAction(bed.world, colin, 'offer.refresh.v1', { cardVersion: 1, offerId }));
    expect(text(someoneElse.body.value)).toContain('1 colleague shared what they learnt: see the replies below.');
  });

  it('two simultaneous presses of Share post one reply; the other press is told it is being shared', async () => {
    const { url, offerId, thread } = await endedSession();
    // A slow connector keeps the first post under way while the second press arrives.
    threadDelayMs = 300;
    const answers = await Promise.all([sendToBot(url, shareAction(ailsa, offerId, 'First press')), sendToBot(url, shareAction(ailsa, offerId, 'Second press'))]);
    expect(repliesIn(thread)).toHaveLength(1);
    const texts = answers.map((a) => text(a.body.value));
    expect(texts.filter((t) => t.includes('Shared with colleagues'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Being shared') || t.includes('Already shared'))).toHaveLength(1);
    const posted = repliesIn(thread)[0]!;
    expect(await bed.server.stores.learningShares.find(offerId, ailsa.aadObjectId)).toMatchObject({ activityId: posted.responseId });
    expect(text(posted.body)).toContain((await bed.server.stores.learningShares.find(offerId, ailsa.aadObjectId))!.summary);
  });

  it('a post the Bot Connector refuses is saved, not posted, with a message that says so; pressing Share again posts it once', async () => {
    const { url, offerId, card, thread } = await endedSession();
    // The channel cannot be reached (the app was removed from the team); a 5xx fails the same way after the SDK's retries.
    threadAnswer = { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };
    const updatesBefore = bed.connector.updatesOf(card.activityId).length;
    const failed = await sendToBot(url, shareAction(ailsa, offerId, 'Exit tickets every lesson.'));
    expectValidAdaptiveCard(failed.body.value);
    expect(text(failed.body.value)).toContain('Your summary is saved, but it could not be posted in the channel just now.');
    expect(text(failed.body.value)).not.toContain('Something went wrong');
    // The form again, as typed, so pressing Share is the retry.
    expect(text(failed.body.value)).toContain('Exit tickets every lesson.');
    expect(text(failed.body.value)).toContain('"verb":"learning.share.v1"');
    expect(bed.connector.sentTo(thread)).toHaveLength(1);
    expect(repliesIn(thread)).toHaveLength(0);
    expect(await bed.server.stores.learningShares.find(offerId, ailsa.aadObjectId)).toMatchObject({ summary: 'Exit tickets every lesson.', activityId: null });
    await bed.server.settle();
    expect(bed.connector.updatesOf(card.activityId)).toHaveLength(updatesBefore);

    // Opened again from the feedback card, the form brings back what was saved.
    const reopened = await sendToBot(url, personalCardAction(bed.world, ailsa, 'learning.shareForm.v1', { cardVersion: 1, offerId, source: 'feedback' }));
    expect(text(reopened.body.value)).toContain('Exit tickets every lesson.');
    expect(text(reopened.body.value)).toContain('Your summary is saved, but it could not be posted');

    threadAnswer = undefined;
    const retried = await sendToBot(url, shareAction(ailsa, offerId, 'Exit tickets every lesson.'));
    expect(text(retried.body.value)).toContain('Shared with colleagues');
    expect(repliesIn(thread)).toHaveLength(1);
    await bed.server.settle();
    expect(text(bed.connector.updatesOf(card.activityId).at(-1)?.body?.attachments?.[0]?.content)).toContain('1 colleague shared what they learnt');
  });
});
