import { DateTime } from 'luxon';
import { expectValidAdaptiveCard } from '../support/adaptiveCardChecker';
import { clplChannel, noQuietHours, setUpSchool, slt, startTestbed, Testbed } from '../support/clplTestbed';
import { channelMention, member, Member, personalCardAction, personalMessage, sendToBot } from '../support/teamsActivities';
import { FakeClock } from '../factories';

const mia = member('mia', 'Mia Manager');
const ailsa = member('ailsa', 'Ailsa Reid');
const bea = member('bea', 'Bea Clark');
const cal = member('cal', 'Cal Unreachable');
const outsider = member('dan', 'Dan Elsewhere');
const text = (card: unknown) => JSON.stringify(card) ?? '';
const DAY = 86_400_000;

function startReflectionTestbed(clock: FakeClock): Promise<Testbed> {
  return startTestbed({
    clock,
    env: noQuietHours,
    connector: {
      // Cal has not installed the app and cannot be messaged: Teams refuses the 1:1 conversation.
      intercept: (call) =>
        call.path === '/v3/conversations' && call.body?.members?.[0]?.id === cal.teamsId ? { status: 403, body: { error: { code: 'Forbidden', message: 'app not installed' } } } : undefined,
    },
  });
}

function proactiveCardsTo(bed: Testbed, person: Member): unknown[] {
  const created = bed.connector
    .conversationsCreated()
    .filter((c) => c.body?.members?.[0]?.id === person.teamsId && c.responseId)
    .map((c) => c.responseId as string);
  return [...created, `a:personal-${person.aadObjectId}`].flatMap((id) => bed.connector.sentTo(id)).map((c) => c.body?.attachments?.[0]?.content);
}

const promptIdOf = (card: unknown): string => /"promptId":"([^"]+)"/.exec(text(card))![1]!;

function answers(promptId: string, submit: boolean, overrides: Record<string, string> = {}) {
  return {
    cardVersion: 1,
    promptId,
    submit: String(submit),
    goals: '[]',
    impactfulLearning: 'The questioning CLPL: hinge questions in every lesson.',
    howYouKnow: 'Exit tickets show more pupils explaining their reasoning.',
    nextYearFocus: 'Feedback in S1 maths\nOutdoor learning',
    standardAreas: '2',
    ...overrides,
  };
}

describe('line managers prompt PRD reflection from Teams', () => {
  let bed: Testbed;
  const clock = new FakeClock(new Date('2026-11-24T10:00:00Z'));
  beforeEach(async () => {
    clock.set(new Date('2026-11-24T10:00:00Z'));
    bed = await startReflectionTestbed(clock);
  });
  afterEach(() => bed.close());

  it('manager prompts 3 reports (one unreachable), two reflect, the tracking card follows, nudge reaches only the one left, outsiders refused', async () => {
    const url = bed.server.url;
    await setUpSchool(bed);
    // Everyone is seen in the staff team, so the school knows their names.
    for (const person of [mia, ailsa, bea, cal, outsider]) await sendToBot(url, channelMention(bed.world, person, clplChannel, 'help'));

    // SLT imports the line-management map from CSV, by name.
    const refusedImport = await sendToBot(url, personalCardAction(bed.world, slt, 'lineManagement.import.v1', { cardVersion: 1, csv: 'staff,line manager\nNobody Known,Mia Manager' }));
    expectValidAdaptiveCard(refusedImport.body.value);
    expect(text(refusedImport.body.value)).toContain('Nothing was changed');
    const imported = await sendToBot(
      url,
      personalCardAction(bed.world, slt, 'lineManagement.import.v1', { cardVersion: 1, csv: 'staff,line manager\nAilsa Reid,Mia Manager\nbea clark,Mia Manager\nCal Unreachable,Mia Manager\nDan Elsewhere,Morag SLT' }),
    );
    expectValidAdaptiveCard(imported.body.value);
    expect(text(imported.body.value)).toContain('Imported 4 line-management pairs.');

    // The manager asks for the form: her three reports, all ticked.
    await sendToBot(url, personalMessage(bed.world, mia, 'prompt reflection'));
    const formCall = bed.connector.sentTo(`a:personal-${mia.aadObjectId}`).at(-1)!;
    const form = formCall.body.attachments[0].content;
    expectValidAdaptiveCard(form);
    const choices = form.body.find((e: { id?: string }) => e.id === 'staffIds');
    expect(choices.choices.map((c: { title: string }) => c.title)).toEqual(['Ailsa Reid', 'Bea Clark', 'Cal Unreachable']);
    expect(choices.value).toBe([ailsa, bea, cal].map((p) => p.aadObjectId).join(','));

    const dueDate = DateTime.fromJSDate(clock.now()).setZone('Europe/London').plus({ days: 10 }).toISODate()!;
    const promptData = { cardVersion: 1, staffIds: choices.value, dueDate, message: 'Before our PRD meetings, please.' };
    const onForm = (verb: string, data: Record<string, unknown>, by: Member = mia) => ({ ...personalCardAction(bed.world, by, verb, data), replyToId: formCall.responseId });

    // Someone outside her team, smuggled into the submission: refused, nothing sent.
    const outside = await sendToBot(url, onForm('reflection.prompt.v1', { ...promptData, staffIds: `${choices.value},${outsider.aadObjectId}` }));
    expectValidAdaptiveCard(outside.body.value);
    expect(text(outside.body.value)).toContain('You can only prompt your own direct reports to reflect. Nothing has been sent.');
    const pastDate = await sendToBot(url, onForm('reflection.prompt.v1', { ...promptData, dueDate: '2020-01-01' }));
    expect(text(pastDate.body.value)).toContain('The due date cannot be in the past.');
    await bed.server.settle();
    expect(proactiveCardsTo(bed, ailsa)).toHaveLength(0);

    const sent = await sendToBot(url, onForm('reflection.prompt.v1', promptData));
    expectValidAdaptiveCard(sent.body.value);
    expect(text(sent.body.value)).toContain('PRD reflection: who is ready');
    await bed.server.settle();

    // Each reachable report gets a 1:1 reflection card with their year's summary; Cal cannot be reached.
    const ailsaCard = proactiveCardsTo(bed, ailsa).at(-1);
    expectValidAdaptiveCard(ailsaCard);
    expect(text(ailsaCard)).toContain('Mia Manager asks you to reflect');
    expect(text(ailsaCard)).toContain('0 of 35');
    expect(proactiveCardsTo(bed, bea)).toHaveLength(1);
    expect(proactiveCardsTo(bed, cal)).toHaveLength(0);
    // As soon as Teams refuses Cal's message, the tracking card (which replaced the form) is redrawn to say so.
    const afterDelivery = bed.connector.updatesOf(formCall.responseId!).at(-1)!.body.attachments[0].content;
    expect(text(afterDelivery)).toContain("Couldn't reach — app not installed");
    expect(text(afterDelivery)).toContain('0 of 3 reflected');
    const ailsaPrompt = promptIdOf(ailsaCard);
    const beaPrompt = promptIdOf(proactiveCardsTo(bed, bea).at(-1));

    // Ailsa saves a draft first (incomplete is fine), then submits; a submission missing answers is refused.
    const draft = await sendToBot(url, personalCardAction(bed.world, ailsa, 'reflection.save.v1', answers(ailsaPrompt, false, { howYouKnow: '', nextYearFocus: '' })));
    expectValidAdaptiveCard(draft.body.value);
    expect(text(draft.body.value)).toContain('Draft saved.');
    const incomplete = await sendToBot(url, personalCardAction(bed.world, bea, 'reflection.save.v1', answers(beaPrompt, true, { howYouKnow: ' ' })));
    expect(text(incomplete.body.value)).toContain('Say how you know it made a difference.');
    const notHers = await sendToBot(url, personalCardAction(bed.world, bea, 'reflection.save.v1', answers(ailsaPrompt, true)));
    expect(text(notHers.body.value)).toContain('That reflection is not yours.');
    const submitted = await sendToBot(url, personalCardAction(bed.world, ailsa, 'reflection.save.v1', answers(ailsaPrompt, true)));
    expectValidAdaptiveCard(submitted.body.value);
    expect(text(submitted.body.value)).toContain('Reflection submitted');
    expect(text(submitted.body.value)).toContain('2 proposed goals added to My goals');
    await sendToBot(url, personalCardAction(bed.world, bea, 'reflection.save.v1', answers(beaPrompt, true)));
    await bed.server.settle();

    // Proposed goals appear in Ailsa's goals, marked as proposed.
    const goals = await bed.server.stores.goals.listGoals(ailsa.aadObjectId);
    expect(goals.map((g) => [g.title, g.status]).sort()).toEqual([
      ['Feedback in S1 maths', 'proposed'],
      ['Outdoor learning', 'proposed'],
    ]);

    // The tracking card was redrawn in place: two reflected, Cal unreachable.
    const updates = bed.connector.updatesOf(formCall.responseId!);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    const tracking = updates.at(-1)!.body.attachments[0].content;
    expectValidAdaptiveCard(tracking);
    expect(text(tracking)).toContain('2 of 3 reflected');
    const states = tracking.body.filter((e: { type: string }) => e.type === 'ColumnSet').map((c: any) => [c.columns[0].items[0].text, c.columns[1].items[0].text]);
    expect(states).toEqual([
      ['Ailsa Reid', 'Reflected'],
      ['Bea Clark', 'Reflected'],
      ['Cal Unreachable', "Couldn't reach — app not installed"],
    ]);

    // The manager (and Ailsa) can read the submission; nobody else can.
    const read = await sendToBot(url, personalCardAction(bed.world, mia, 'reflection.read.v1', { cardVersion: 1, promptId: ailsaPrompt }));
    expectValidAdaptiveCard(read.body.value);
    expect(text(read.body.value)).toContain('Exit tickets show more pupils');
    const snooping = await sendToBot(url, personalCardAction(bed.world, outsider, 'reflection.read.v1', { cardVersion: 1, promptId: ailsaPrompt }));
    expect(text(snooping.body.value)).not.toContain('Exit tickets');

    // Cal installs the app. A nudge the same day is held back; the next day it reaches only Cal.
    await sendToBot(url, personalMessage(bed.world, cal, 'help'));
    const roundId = /"roundId":"([^"]+)"/.exec(text(tracking))![1]!;
    const tooSoon = await sendToBot(url, onForm('reflection.nudge.v1', { cardVersion: 1, roundId }));
    expect(text(tooSoon.body.value)).toContain('already prompted in the last day');
    clock.advance(DAY);
    const nudged = await sendToBot(url, onForm('reflection.nudge.v1', { cardVersion: 1, roundId }));
    expectValidAdaptiveCard(nudged.body.value);
    expect(text(nudged.body.value)).toContain('Nudged Cal Unreachable.');
    await bed.server.settle();
    const calCards = proactiveCardsTo(bed, cal).filter((c) => text(c).includes('reflect before your PRD meeting'));
    expect(calCards).toHaveLength(1);
    expectValidAdaptiveCard(calCards[0]);
    expect(text(calCards[0])).toContain('Reminder: reflect before your PRD meeting');
    expect(proactiveCardsTo(bed, ailsa)).toHaveLength(1);
    expect(proactiveCardsTo(bed, bea)).toHaveLength(1);
    const afterNudge = bed.connector.updatesOf(formCall.responseId!).at(-1)!.body.attachments[0].content;
    expect(text(afterNudge)).not.toContain("Couldn't reach");
    expect(text(afterNudge)).toContain('2 of 3 reflected');
    const again = await sendToBot(url, onForm('reflection.nudge.v1', { cardVersion: 1, roundId }));
    expect(text(again.body.value)).toContain('already prompted in the last day');

    // Another manager's round is not hers to track or nudge.
    const foreign = await sendToBot(url, personalCardAction(bed.world, outsider, 'reflection.nudge.v1', { cardVersion: 1, roundId }));
    expect(text(foreign.body.value)).toContain('not one you sent');
  });
});
