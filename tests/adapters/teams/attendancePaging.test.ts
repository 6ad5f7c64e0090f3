import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { runCardAction } from '../../../bot/adapters/teams/cardActions';
import { ActionContext } from '../../../bot/adapters/teams/verbs/types';
import { Offer } from '../../../bot/domain/offer';
import { Person } from '../../../bot/domain/person';
import { Stores } from '../../../bot/ports/stores';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { buildDependencies, buildOffer, buildPerson, buildSignUp, FakeClock, schoolId } from '../../factories';

type Card = Record<string, unknown>;
type Toggle = { id: string; title: string; value: string; valueOn: string; valueOff: string };
type Button = { title: string; verb: string; data: Record<string, unknown> };

const facilitator = buildPerson({ name: 'Fiona Facilitator' });
const attendees = Array.from({ length: 100 }, (_, i) => buildPerson({ name: `Teacher ${String(i + 1).padStart(3, '0')}` }));
const startsAt = new Date('2026-12-01T15:30:00Z');

/**
 * Marking a 100-person session through the real verb routing and SQLite: each card is what the facilitator sees,
 * and pressing a button sends the button's data with every toggle's current value, as Teams does.
 */
describe('marking attendance page by page', () => {
  let stores: Stores;
  let offer: Offer;
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-attendance-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    offer = buildOffer({
      startsAt,
      endsAt: new Date('2026-12-01T17:00:00Z'),
      signUpsCloseAt: new Date('2026-11-30T12:00:00Z'),
      capacity: 100,
      facilitator: { kind: 'staff', userId: facilitator.id, name: facilitator.name },
    });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(offer);
      await tx.saveSignUps(attendees.map((person, i) => buildSignUp({ offerId: offer.id, person, queueNumber: i + 1 })));
    });
  });
  afterEach(() => stores.close());

  const contextFor = (person: Person): ActionContext => ({
    app: buildDependencies(stores, { clock: new FakeClock(new Date(startsAt.getTime() + 30 * 60_000)) }),
    logger: pino({ level: 'silent' }),
    timeZone: 'Europe/London',
    person,
    schoolId,
  });

  async function act(verb: string, data: Record<string, unknown>, by: Person = facilitator): Promise<Card> {
    const card = await runCardAction(contextFor(by), verb, data);
    expectValidAdaptiveCard(card);
    return card;
  }

  const toggles = (card: Card) => (card.body as Array<Record<string, unknown>>).filter((e) => e.type === 'Input.Toggle') as unknown as Toggle[];
  const ticked = (card: Card) => toggles(card).filter((t) => t.value === t.valueOn).map((t) => t.title);

  /** Switches on the named people, leaves the rest as shown, and presses the button. */
  function press(card: Card, title: string, tick: string[] = []): Promise<Card> {
    const button = (card.actions as Button[]).find((b) => b.title === title);
    if (!button) throw new Error(`no "${title}" button`);
    const inputs = Object.fromEntries(toggles(card).map((t) => [t.id, tick.includes(t.title) ? t.valueOn : t.value]));
    return act(button.verb, { ...button.data, ...inputs });
  }

  async function attendedNames(): Promise<string[]> {
    return (await stores.evidence.attendanceFor(offer.id)).filter((r) => r.attended).map((r) => r.person.name).sort();
  }

  it('keeps the ticks made on page 1 when moving to page 2, and marking page 2 leaves page 1 as it was', async () => {
    const page1 = await act('attendance.open.v1', { cardVersion: 1, offerId: offer.id });
    expect(JSON.stringify(page1)).toContain('Page 1 of 3 · people 1–40 of 100');

    const page2 = await press(page1, 'Next page', ['Teacher 001', 'Teacher 040']);
    expect(JSON.stringify(page2)).toContain('Page 2 of 3 · people 41–80 of 100');
    expect(JSON.stringify(page2)).toContain('Saved so far: 2 of 100 attended');
    expect(await attendedNames()).toEqual(['Teacher 001', 'Teacher 040']);

    const saved = await press(page2, 'Save this page', ['Teacher 041', 'Teacher 080']);
    expect(JSON.stringify(saved)).toContain('Page 2 of 3');
    expect(ticked(saved)).toEqual(['Teacher 041', 'Teacher 080']);
    expect(await attendedNames()).toEqual(['Teacher 001', 'Teacher 040', 'Teacher 041', 'Teacher 080']);

    const back = await press(saved, 'Previous page');
    expect(ticked(back)).toEqual(['Teacher 001', 'Teacher 040']);
    expect(await attendedNames()).toEqual(['Teacher 001', 'Teacher 040', 'Teacher 041', 'Teacher 080']);
  });

  it('a correction on one page changes only that page', async () => {
    const page1 = await act('attendance.open.v1', { cardVersion: 1, offerId: offer.id });
    const page2 = await press(page1, 'Next page', ['Teacher 001', 'Teacher 002']);
    await press(page2, 'Save this page', ['Teacher 050']);

    const reopened = await act('attendance.open.v1', { cardVersion: 1, offerId: offer.id });
    const unticked = { ...reopened, body: (reopened.body as Array<Record<string, unknown>>).map((e) => (e.title === 'Teacher 002' ? { ...e, value: e.valueOff } : e)) };
    await press(unticked, 'Save this page');
    expect(await attendedNames()).toEqual(['Teacher 001', 'Teacher 050']);
  });

  it('refuses a page from someone who is neither the facilitator nor SLT, recording nothing', async () => {
    const page1 = await act('attendance.open.v1', { cardVersion: 1, offerId: offer.id });
    const button = (page1.actions as Button[]).find((b) => b.title === 'Save this page')!;
    const inputs = Object.fromEntries(toggles(page1).map((t) => [t.id, t.valueOn]));
    const refused = await act(button.verb, { ...button.data, ...inputs }, attendees[0]!);
    expect(JSON.stringify(refused)).toContain('Only the facilitator or SLT');
    expect(await stores.evidence.attendanceFor(offer.id)).toEqual([]);
  });

  it('still saves a card from before paging (attendance.record.v1) as the whole list', async () => {
    const saved = await act('attendance.record.v1', { cardVersion: 1, offerId: offer.id, attended_0: attendees[0]!.id, attended_1: '' });
    expect(JSON.stringify(saved)).toContain('Saved: 1 of 100 attended');
    expect((await stores.evidence.attendanceFor(offer.id)).length).toBe(100);
  });
});
