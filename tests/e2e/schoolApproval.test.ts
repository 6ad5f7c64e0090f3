import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { createOfferThroughCard, noQuietHours, PostedOffer, setUpSchool, slt, startTestbed, team, Testbed } from '../support/clplTestbed';
import { channelCardAction, Member, member, personalCardAction, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';

const text = (value: unknown) => JSON.stringify(value) ?? '';
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;
/** SLT of another school (Dean Park), who must not answer for Balerno's staff. */
const otherSlt = member('dean-park-slt', 'Dora DeanPark');
const [alex, bea, cal, dan] = ['alex', 'bea', 'cal', 'dan'].map((n) => member(n, `${n[0]!.toUpperCase()}${n.slice(1)} Balerno`)) as [Member, Member, Member, Member];
const holdHours = 48;

describe('a session in the school day that needs the school’s approval (supply cover)', () => {
  let bed: Testbed;
  let clock: FakeClock;

  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clpl-approval-'));
    const schoolsFile = join(dir, 'schools.json');
    writeFileSync(
      schoolsFile,
      JSON.stringify([
        { id: team.id, name: team.name, sltIds: [slt.aadObjectId] },
        { id: '19:team-dean-park@thread.tacv2', name: 'Dean Park Primary Staff', sltIds: [otherSlt.aadObjectId] },
      ]),
    );
    clock = new FakeClock(new Date());
    bed = await startTestbed({ clock, env: { ...noQuietHours, CLPL_SLT_IDS: '', CLPL_SCHOOLS_FILE: schoolsFile, CLPL_APPROVAL_HOLD_HOURS: String(holdHours) } });
    await setUpSchool(bed);
  });
  afterEach(() => bed.close());

  /** Cards the bot sent 1:1 on its own initiative, in chats it created with this person. */
  function noticesTo(who: Member): any[] {
    const chats = bed.connector.conversationsCreated().filter((c) => c.body.members?.[0]?.id === who.teamsId).map((c) => c.responseId!);
    return [...chats, `a:personal-${who.aadObjectId}`].flatMap((chat) => bed.connector.sentTo(chat).map((call) => cardOf(call)));
  }

  /** The approval request about `about` that `approver` got, checked as a valid card. */
  function requestFor(approver: Member, about: Member): any {
    const cards = noticesTo(approver).filter((card) => text(card).includes('approval.approve.v1') && card.actions[0].data.personId === about.aadObjectId);
    expect(cards).toHaveLength(1);
    expectValidAdaptiveCard(cards[0]);
    return cards[0];
  }

  async function signUpFromChannel(who: Member, offer: PostedOffer): Promise<string> {
    const response = await sendToBot(bed.server.url, channelCardAction(bed.world, who, offer.card, 'offer.signUp.v1', { cardVersion: 1, offerId: offer.offerId }));
    expectValidAdaptiveCard(response.body.value);
    return text(response.body.value);
  }

  /** Presses a button of a 1:1 card as Teams sends it: the card's own data, or data a forger chose. */
  async function press(who: Member, verb: string, data: Record<string, unknown>): Promise<string> {
    const response = await sendToBot(bed.server.url, personalCardAction(bed.world, who, verb, data));
    expect(response.status).toBe(200);
    expectValidAdaptiveCard(response.body.value);
    return text(response.body.value);
  }

  const statusOf = async (offerId: string) => Object.fromEntries((await bed.server.stores.offers.signUpsForOffer(offerId)).map((s) => [s.person.name, s.status]));

  it('held → approver’s card → approve confirms; decline promotes the waitlist; an unanswered hold runs out and is released', async () => {
    const offer = await createOfferThroughCard(bed, { capacity: '2', needsApproval: 'true', title: 'ASN in the classroom (cover needed)' });

    expect(await signUpFromChannel(alex, offer)).toContain("A place is held for you, awaiting your school's approval.");
    expect(await signUpFromChannel(bea, offer)).toContain('awaiting your school');
    expect(await signUpFromChannel(cal, offer)).toContain('1st on the waitlist');
    expect(await signUpFromChannel(dan, offer)).toContain('2nd on the waitlist');
    await bed.server.settle();

    // The channel card counts the held places as taken.
    const channelCard = cardOf(bed.connector.updatesOf(offer.card.activityId).at(-1));
    expectValidAdaptiveCard(channelCard);
    expect(text(channelCard)).toContain('Full (2 places) · 2 awaiting school approval · 2 on the waitlist');
    expect(text(noticesTo(alex).at(-1))).toContain('Awaiting your school’s approval');

    // Approve: Alex is confirmed and told; the approver's card is replaced by the result.
    const alexRequest = requestFor(slt, alex);
    expect(text(alexRequest)).toContain('Alex Balerno asks to attend CLPL in the school day');
    const approved = await press(slt, 'approval.approve.v1', alexRequest.actions[0].data);
    expect(approved).toContain('Approved');
    expect(approved).toContain('Alex Balerno is confirmed');
    await bed.server.settle();
    expect(text(noticesTo(alex).at(-1))).toContain('Approved: you have a place');
    // Pressed again (a stale card): nothing changes, and the approver is told why.
    expect(await press(slt, 'approval.decline.v1', alexRequest.actions[0].data)).toContain('Already answered');

    // Another school's SLT forging the verb with Balerno's ids changes nothing and is told so.
    const beaRequest = requestFor(slt, bea);
    expect(await press(otherSlt, 'approval.approve.v1', beaRequest.actions[0].data)).toContain('Not one of your staff');
    expect(await press(otherSlt, 'approval.decline.v1', { ...beaRequest.actions[0].data, schoolId: '19:team-dean-park@thread.tacv2' })).toContain('Not one of your staff');
    expect(await statusOf(offer.offerId)).toMatchObject({ 'Bea Balerno': 'awaiting_approval' });

    // Decline: Bea is told; Cal, first on the waitlist, is held in turn and the school is asked about Cal.
    expect(await press(slt, 'approval.decline.v1', beaRequest.actions[0].data)).toContain('Declined');
    await bed.server.settle();
    expect(text(noticesTo(bea).at(-1))).toContain('Not approved');
    expect(await statusOf(offer.offerId)).toEqual({ 'Alex Balerno': 'confirmed', 'Bea Balerno': 'withdrawn', 'Cal Balerno': 'awaiting_approval', 'Dan Balerno': 'waitlisted' });
    requestFor(slt, cal);
    expect(text(noticesTo(cal).at(-1))).toContain('Awaiting your school’s approval');

    // Nobody answers for Cal: once the hold time has passed, the job releases the place to Dan.
    clock.advance((holdHours - 1) * 3_600_000);
    await bed.server.settle();
    expect(await statusOf(offer.offerId)).toMatchObject({ 'Cal Balerno': 'awaiting_approval' });
    clock.advance(2 * 3_600_000);
    await bed.server.settle();
    expect(await statusOf(offer.offerId)).toEqual({ 'Alex Balerno': 'confirmed', 'Bea Balerno': 'withdrawn', 'Cal Balerno': 'withdrawn', 'Dan Balerno': 'awaiting_approval' });
    expect(text(noticesTo(cal).at(-1))).toContain('Your held place was released');
    expect(noticesTo(slt).map(text).filter((t) => t.includes('Approval request ran out') && t.includes('Cal Balerno'))).toHaveLength(1);
    requestFor(slt, dan);
    // The request card about Cal can no longer answer.
    expect(await press(slt, 'approval.approve.v1', requestFor(slt, cal).actions[0].data)).toContain('Already answered');
  });
});
