import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { offerFormValues, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { Member, member, personalCardAction, sendToBot } from '../support/teamsActivities';

const anyTime = { CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' };
const text = (value: unknown) => JSON.stringify(value) ?? '';

interface CardAction {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
  fallback?: { type: string; data: Record<string, unknown> };
}

describe('the "Offer posted" confirmation leads into editing and cancelling the offer', () => {
  let bed: Testbed;
  beforeEach(async () => {
    bed = await startTestbed({ env: anyTime });
    await setUpSchool(bed);
  });
  afterEach(() => bed.close());

  async function press(action: CardAction, by: Member = slt) {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, by, action.verb, action.data));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return response.body.value;
  }

  /** SLT submits the new-offer form; returns the confirmation card and the offer's id. */
  async function postOffer() {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, slt, 'offer.create.v1', offerFormValues()));
    const card = response.body.value;
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Offer posted');
    const offerId = actionOf(card, 'Edit offer').data.offerId as string;
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ title: 'Questioning for deeper learning', status: 'open' });
    return { card, offerId };
  }

  function actionOf(card: { actions: CardAction[] }, title: string): CardAction {
    const action = card.actions.find((a) => a.title === title);
    if (!action) throw new Error(`no "${title}" on ${text(card)}`);
    return action;
  }

  it('offers Edit offer and Cancel offer on the existing verbs, with an Action.Submit fallback for each', async () => {
    const { card, offerId } = await postOffer();
    expect(card.actions.map((a: CardAction) => [a.title, a.verb, a.data.offerId])).toEqual([
      ['Edit offer', 'offer.edit.v1', offerId],
      ['Cancel offer', 'offer.cancel.v1', offerId],
    ]);
    for (const action of card.actions as CardAction[]) expect(action.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: action.verb, offerId } });
  });

  it('Edit offer opens the edit form pre-filled with the offer, and saving it updates the offer', async () => {
    const { card, offerId } = await postOffer();
    const form = await press(actionOf(card, 'Edit offer'));
    expect(text(form)).toContain('Edit CLPL offer');
    expect(text(form)).toContain('Room 12');
    expect(text(form)).toContain('offer.update.v1');

    const saved = await press({ type: 'Action.Execute', title: 'Save', verb: 'offer.update.v1', data: { ...offerFormValues({ location: 'Library' }), offerId } });
    expect(text(saved)).toContain('Offer updated');
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ location: 'Library' });
  });

  it('Cancel offer asks for confirmation first, and only the confirmation cancels', async () => {
    const { card, offerId } = await postOffer();
    const ask = await press(actionOf(card, 'Cancel offer'));
    expect(text(ask)).toContain('Cancel \\"Questioning for deeper learning\\"?');
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ status: 'open' });

    const done = await press(actionOf(ask, 'Cancel the session'));
    expect(text(done)).toContain('Session cancelled');
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ status: 'cancelled' });
  });

  it('politely refuses a member of staff who is not SLT pressing either button, changing nothing', async () => {
    const { card, offerId } = await postOffer();
    const teacher = member('t', 'Tam Teacher');
    for (const title of ['Edit offer', 'Cancel offer']) {
      const refused = await press(actionOf(card, title), teacher);
      expect(text(refused)).toContain('Only senior leaders can do that');
      expect(text(refused)).not.toContain('Edit CLPL offer');
    }
    expect(await bed.server.stores.offers.findOffer(offerId)).toMatchObject({ status: 'open', title: 'Questioning for deeper learning' });
  });
});
