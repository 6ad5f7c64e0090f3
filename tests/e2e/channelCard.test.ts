import { channelCardAction, member, sendToBot } from '../support/teamsActivities';
import { createOfferThroughCard, setUpSchool, startTestbed, Testbed } from '../support/clplTestbed';

function cardText(call: { body: any }): string {
  return JSON.stringify(call.body?.attachments?.[0]?.content ?? {});
}

describe('the shared offer card in the channel', () => {
  let bed: Testbed | undefined;
  afterEach(async () => bed?.close());

  it('after a burst of sign-ups shows the final state, with far fewer updates than clicks', async () => {
    bed = await startTestbed();
    await setUpSchool(bed);
    const { offerId, card } = await createOfferThroughCard(bed, { capacity: '5' });
    const people = Array.from({ length: 30 }, (_, i) => member(`burst-${i}`));

    const responses = await Promise.all(
      people.map((p) => sendToBot(bed!.server.url, channelCardAction(bed!.world, p, card, 'offer.signUp.v1', { cardVersion: 1, offerId }))),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await bed.server.settle();

    const updates = bed.connector.updatesOf(card.activityId);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.length).toBeLessThan(10);
    expect(cardText(updates.at(-1)!)).toContain('Full (5 places) · 25 on the waitlist');
  });

  it('lists the people signed up so their own view refreshes, up to the 60 Teams allows', async () => {
    bed = await startTestbed();
    await setUpSchool(bed);
    const { offerId, card } = await createOfferThroughCard(bed, { capacity: '100' });
    const people = Array.from({ length: 65 }, (_, i) => member(`many-${i}`));
    for (const p of people) await sendToBot(bed.server.url, channelCardAction(bed.world, p, card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    await bed.server.settle();

    const finalCard = bed.connector.updatesOf(card.activityId).at(-1)!.body.attachments[0].content;
    expect(finalCard.refresh.userIds).toHaveLength(60);
    expect(finalCard.refresh.userIds[0]).toBe('aad-many-0');
    expect(finalCard.refresh.action.verb).toBe('offer.refresh.v1');
  });

  it('waits out a 429 Retry-After from Teams and still lands the update', async () => {
    let throttled = 0;
    bed = await startTestbed({
      connector: {
        intercept: (call) => {
          if (call.method === 'PUT' && throttled === 0) {
            throttled++;
            return { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled' } } };
          }
          return undefined;
        },
      },
    });
    await setUpSchool(bed);
    const { offerId, card } = await createOfferThroughCard(bed, { capacity: '3' });
    await sendToBot(bed.server.url, channelCardAction(bed.world, member('x'), card, 'offer.signUp.v1', { cardVersion: 1, offerId }));
    await bed.server.settle();

    const updates = bed.connector.updatesOf(card.activityId);
    expect(throttled).toBe(1);
    expect(updates).toHaveLength(2);
    expect(cardText(updates[1]!)).toContain('2 of 3 places left');
  });
});
