import { channelMention, Member, member, personalCardAction, sendToBot } from '../support/teamsActivities';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, offerFormValues, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';

const anyTime = { CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' };
const text = (value: unknown) => JSON.stringify(value) ?? '';
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;
const secondSlt = member('slt2', 'Hamish Depute');
const teacher = member('teach', 'Alex Teacher');

describe('staff proposing an offer that SLT approve or decline', () => {
  let bed: Testbed;
  beforeEach(async () => {
    bed = await startTestbed({ env: { ...anyTime, CLPL_SLT_IDS: `${slt.aadObjectId},${secondSlt.aadObjectId}` } });
    await setUpSchool(bed);
    for (const who of [secondSlt, teacher]) await sendToBot(bed.server.url, channelMention(bed.world, who, clplChannel, 'hello'));
  });
  afterEach(() => bed.close());

  /** Cards the bot sent 1:1 on its own initiative: in chats it created, or in the person's own chat with it. */
  function noticesTo(who: Member): any[] {
    const chats = bed.connector.conversationsCreated().filter((c) => c.body.members?.[0]?.id === who.teamsId).map((c) => c.responseId!);
    return [...chats, `a:personal-${who.aadObjectId}`].flatMap((chat) => bed.connector.sentTo(chat).map((call) => cardOf(call)));
  }

  function offerCardsInChannel(): any[] {
    return bed.connector.sentTo(clplChannel.id).map(cardOf).filter((card) => text(card).includes('offer.signUp.v1'));
  }

  async function act(who: Member, verb: string, data: Record<string, unknown>) {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, who, verb, { cardVersion: 1, ...data }));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return response.body.value;
  }

  async function propose(): Promise<string> {
    const answer = await act(teacher, 'offer.create.v1', offerFormValues({ title: 'Retrieval practice in science' }));
    expect(text(answer)).toContain('Sent for approval');
    await bed.server.settle();
    const request = noticesTo(slt).find((card) => text(card).includes('proposal.approve.v1'));
    expectValidAdaptiveCard(request);
    return request.actions[0].data.proposalId as string;
  }

  it('asks every SLT member, posts only once approved and tells the proposer', async () => {
    const proposalId = await propose();
    expect(offerCardsInChannel()).toHaveLength(0);
    for (const leader of [slt, secondSlt]) {
      const request = noticesTo(leader).find((card) => text(card).includes('proposal.approve.v1'));
      expect(text(request)).toContain('Alex Teacher proposes a CLPL session');
      expect(text(request)).toContain('Retrieval practice in science');
    }

    const approved = await act(secondSlt, 'proposal.approve.v1', { proposalId, reason: '  Great idea  ' });
    expect(text(approved)).toContain('Approved and posted');
    await bed.server.settle();

    expect(offerCardsInChannel().map(text).filter((t) => t.includes('Retrieval practice in science'))).toHaveLength(1);
    const outcome = noticesTo(teacher).at(-1);
    expectValidAdaptiveCard(outcome);
    expect(text(outcome)).toContain('Your offer was approved');
    expect(text(outcome)).toContain('Great idea');
  });

  it('refuses a second decision with a clear message and posts nothing more', async () => {
    const proposalId = await propose();
    await act(slt, 'proposal.decline.v1', { proposalId, reason: 'Clashes with parents evening' });
    const second = await act(secondSlt, 'proposal.approve.v1', { proposalId });
    expect(text(second)).toContain('Already decided');
    await bed.server.settle();
    expect(offerCardsInChannel()).toHaveLength(0);
    const outcome = noticesTo(teacher).at(-1);
    expect(text(outcome)).toContain('Your offer was not approved');
    expect(text(outcome)).toContain('Clashes with parents evening');
  });

  it('lets only SLT decide', async () => {
    const proposalId = await propose();
    const refused = await act(teacher, 'proposal.approve.v1', { proposalId });
    expect(text(refused)).toContain('Only senior leaders can do that');
    await bed.server.settle();
    expect(offerCardsInChannel()).toHaveLength(0);
  });

  it('posts an SLT member’s own offer directly, with no approval asked', async () => {
    const answer = await act(slt, 'offer.create.v1', offerFormValues());
    expect(text(answer)).toContain('Offer posted');
    await bed.server.settle();
    expect(offerCardsInChannel()).toHaveLength(1);
    expect(noticesTo(secondSlt)).toHaveLength(0);
  });

  it('keeps the staff form open with messages when the proposal has mistakes', async () => {
    const answer = await act(teacher, 'offer.create.v1', offerFormValues({ title: '  ', capacity: '0' }));
    expect(text(answer)).toContain('Send for approval');
    expect(text(answer)).toContain('Give the session a title.');
    await bed.server.settle();
    expect(noticesTo(slt)).toHaveLength(0);
  });
});
