import { channelMention, member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, offerFormValues, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';

const anyTime = { CLPL_QUIET_HOURS: '00:00-00:00', CLPL_QUIET_WEEKENDS: 'false' };
const text = (value: unknown) => JSON.stringify(value) ?? '';
const cardOf = (call: { body: any } | undefined) => call?.body?.attachments?.[0]?.content;
/** A senior leader in the configuration whom the bot has never met: it has no way to message them. */
const ghost = member('ghost', 'Gillian Away');
const teacher = member('teach', 'Alex Teacher');

describe('people the bot cannot reach 1:1', () => {
  let bed: Testbed;
  beforeEach(async () => {
    bed = await startTestbed({ env: { ...anyTime, CLPL_SLT_IDS: `${slt.aadObjectId},${ghost.aadObjectId}` } });
    await setUpSchool(bed);
    await sendToBot(bed.server.url, channelMention(bed.world, teacher, clplChannel, 'hello'));
  });
  afterEach(() => bed.close());

  async function askUnreachable(who = slt) {
    await sendToBot(bed.server.url, personalMessage(bed.world, who, 'unreachable'));
    const card = cardOf(bed.connector.sentTo(`a:personal-${who.aadObjectId}`).at(-1));
    expectValidAdaptiveCard(card);
    return text(card);
  }

  it('records someone with no address as unreachable with the reason, for SLT to see', async () => {
    expect(await askUnreachable()).toContain('Everyone can be reached');
    await sendToBot(bed.server.url, personalCardAction(bed.world, teacher, 'offer.create.v1', { ...offerFormValues() }));
    await bed.server.settle();

    const listed = await askUnreachable();
    expect(listed).toContain('1 person I cannot reach');
    expect(listed).toContain(`Not seen in a team yet (${ghost.aadObjectId})`);
    expect(listed).toContain('the app is not installed for this person');
    expect(listed).toContain('automatic installation is not configured');
    const [row] = await bed.server.stores.reachability.unreachableIn(bed.world.team.id);
    expect(row?.personId).toBe(ghost.aadObjectId);
  });

  it('takes someone off the list once a message reaches them', async () => {
    await sendToBot(bed.server.url, personalCardAction(bed.world, teacher, 'offer.create.v1', { ...offerFormValues() }));
    await bed.server.settle();
    // The app gets installed for them (a setup policy, or Graph): Teams sends the bot a personal-scope
    // installationUpdate carrying their 1:1 chat, and the next notice reaches them.
    const installed = { ...personalMessage(bed.world, ghost, ''), type: 'installationUpdate', action: 'add', text: undefined };
    expect((await sendToBot(bed.server.url, installed)).status).toBeLessThan(300);
    await sendToBot(bed.server.url, personalCardAction(bed.world, teacher, 'offer.create.v1', { ...offerFormValues({ title: 'Second idea' }) }));
    await bed.server.settle();
    expect(bed.connector.sentTo(`a:personal-${ghost.aadObjectId}`).some((c) => text(cardOf(c)).includes('Second idea'))).toBe(true);
    expect(await askUnreachable()).toContain('Everyone can be reached');
  });

  it('shows the list to SLT only', async () => {
    expect(await askUnreachable(teacher)).toContain('Only senior leaders can do that');
  });
});
