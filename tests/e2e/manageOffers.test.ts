import { channelCardAction, Member, member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, offerFormValues, PostedOffer, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';

/** Quiet hours off so that notices go out whenever the test runs. */
const anyTime = { CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' };
const text = (value: unknown) => JSON.stringify(value) ?? '';
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;

describe('SLT editing and cancelling an offer from cards', () => {
  let bed: Testbed;
  beforeEach(async () => {
    bed = await startTestbed({ env: anyTime });
    await setUpSchool(bed);
  });
  afterEach(() => bed.close());

  async function signUp(posted: PostedOffer, who: Member) {
    await sendToBot(bed.server.url, channelCardAction(bed.world, who, posted.card, 'offer.signUp.v1', { cardVersion: 1, offerId: posted.offerId }));
  }

  /** The cards the bot sent to a person 1:1, as text (notices arrive in conversations it created). */
  function noticesTo(who: Member): string[] {
    const chats = bed.connector.conversationsCreated().filter((c) => c.body.members?.[0]?.id === who.teamsId);
    return chats.flatMap((chat) => bed.connector.sentTo(chat.responseId!).map((call) => { expectValidAdaptiveCard(cardOf(call)); return text(cardOf(call)); }));
  }

  function latestChannelCard(posted: PostedOffer) {
    const card = cardOf(bed.connector.updatesOf(posted.card.activityId).at(-1));
    expectValidAdaptiveCard(card);
    return text(card);
  }

  async function personalAction(verb: string, data: Record<string, unknown>, by: Member = slt) {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, by, verb, { cardVersion: 1, ...data }));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return response.body.value;
  }

  it('lists the offers, edits the room from a pre-filled form, redraws the channel card and tells those confirmed', async () => {
    const posted = await createOfferThroughCard(bed, { capacity: '1' });
    const alex = member('alex', 'Alex Teacher');
    const bea = member('bea', 'Bea Teacher');
    await signUp(posted, alex);
    await signUp(posted, bea);

    await sendToBot(bed.server.url, personalMessage(bed.world, slt, 'manage offers'));
    const list = cardOf(bed.connector.sentTo(`a:personal-${slt.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(list);
    expect(text(list)).toContain('Questioning for deeper learning');
    expect(text(list)).toContain('offer.edit.v1');

    const form = await personalAction('offer.edit.v1', { offerId: posted.offerId });
    expect(text(form)).toContain('Edit CLPL offer');
    expect(text(form)).toContain('Room 12');
    expect(text(form)).toContain('offer.update.v1');

    const saved = await personalAction('offer.update.v1', { ...offerFormValues({ capacity: '1', location: 'Library' }), offerId: posted.offerId });
    expect(text(saved)).toContain('Offer updated');
    await bed.server.settle();

    expect(latestChannelCard(posted)).toContain('Library');
    expect(noticesTo(alex).find((n) => n.includes('Changed: Questioning for deeper learning'))).toContain('Library (was Room 12)');
    expect(noticesTo(bea).some((n) => n.includes('Changed:'))).toBe(false);
  });

  it('re-shows the edit form with the problem when the new details are not valid, changing nothing', async () => {
    const posted = await createOfferThroughCard(bed);
    const form = await personalAction('offer.update.v1', { ...offerFormValues({ endTime: '15:00' }), offerId: posted.offerId });
    expect(text(form)).toContain('Edit CLPL offer');
    expect(text(form)).toContain('The session must end after it starts.');
    expect((await bed.server.stores.offers.findOffer(posted.offerId))?.revision).toBe(1);
  });

  it('warns before lowering capacity below those confirmed, and moves the latest back only once confirmed', async () => {
    const posted = await createOfferThroughCard(bed, { capacity: '2' });
    const first = member('first', 'Fiona First');
    const second = member('second', 'Sam Second');
    await signUp(posted, first);
    await signUp(posted, second);

    const warning = await personalAction('offer.update.v1', { ...offerFormValues({ capacity: '1' }), offerId: posted.offerId });
    expect(text(warning)).toContain('Move 1 person back to the waitlist?');
    expect(text(warning)).toContain('Sam Second');
    expect((await bed.server.stores.offers.signUpsForOffer(posted.offerId)).every((s) => s.status === 'confirmed')).toBe(true);

    const confirm = warning.actions.find((a: { verb?: string }) => a.verb === 'offer.update.v1');
    const saved = await personalAction('offer.update.v1', confirm.data);
    expect(text(saved)).toContain('Offer updated');
    await bed.server.settle();

    expect((await bed.server.stores.offers.signUpsForOffer(posted.offerId)).map((s) => [s.person.name, s.status])).toEqual([
      ['Fiona First', 'confirmed'],
      ['Sam Second', 'waitlisted'],
    ]);
    expect(noticesTo(second).some((n) => n.includes('Back on the waitlist'))).toBe(true);
    expect(latestChannelCard(posted)).toContain('Full (1 place) · 1 on the waitlist');
  });

  it('cancels after a confirmation step: the card shows Cancelled and everyone signed up or waitlisted is told', async () => {
    const posted = await createOfferThroughCard(bed, { capacity: '1' });
    const confirmed = member('c1', 'Cara Confirmed');
    const waiting = member('w1', 'Will Waiting');
    await signUp(posted, confirmed);
    await signUp(posted, waiting);

    const ask = await personalAction('offer.cancel.v1', { offerId: posted.offerId });
    expect(text(ask)).toContain('Cancel \\"Questioning for deeper learning\\"?');
    expect(await bed.server.stores.offers.findOffer(posted.offerId)).toMatchObject({ status: 'open' });

    const done = await personalAction('offer.cancel.confirm.v1', { offerId: posted.offerId });
    expect(text(done)).toContain('Session cancelled');
    await bed.server.settle();

    const card = latestChannelCard(posted);
    expect(card).toContain('Cancelled');
    expect(card).not.toContain('offer.signUp.v1');
    expect(noticesTo(confirmed).some((n) => n.includes('your place is no longer needed'))).toBe(true);
    expect(noticesTo(waiting).some((n) => n.includes('the waitlist is closed'))).toBe(true);

    const again = await personalAction('offer.cancel.confirm.v1', { offerId: posted.offerId });
    expect(text(again)).toContain('This session can no longer change');
  });

  it('refuses a member of staff who is not SLT, whatever card they press', async () => {
    const posted = await createOfferThroughCard(bed);
    const teacher = member('t', 'Tam Teacher');
    for (const verb of ['offer.edit.v1', 'offer.cancel.v1', 'offer.cancel.confirm.v1']) {
      expect(text(await personalAction(verb, { offerId: posted.offerId }, teacher))).toContain('Only senior leaders can do that');
    }
    const update = await personalAction('offer.update.v1', { ...offerFormValues({ title: 'Hijacked' }), offerId: posted.offerId }, teacher);
    expect(text(update)).toContain('Only senior leaders can do that');
    expect(await bed.server.stores.offers.findOffer(posted.offerId)).toMatchObject({ status: 'open', title: 'Questioning for deeper learning' });
  });
});
