import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { cancelOffer } from '../../../bot/app/cancelOffer';
import { createOffer } from '../../../bot/app/createOffer';
import { OfferCardRefresher } from '../../../bot/app/delivery/offerCardRefresher';
import { editOffer } from '../../../bot/app/editOffer';
import { signUp } from '../../../bot/app/signUp';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, leadershipOf, TestDependencies } from '../../factories/dependencies';
import { buildDraft, buildPerson, testNow } from '../../factories/offers';

const lead = buildPerson({ id: 'lead-1', name: 'Fiona Lead' });
const sltOfB = buildPerson({ id: 'slt-b', name: 'Bob SLT' });
const schools = ['school-a', 'school-b', 'school-c', 'school-d'];

describe('one offer, many channels', () => {
  let stores: Stores;
  let deps: TestDependencies;
  let refresher: OfferCardRefresher;

  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-group-')), 'clpl.sqlite'));
    for (const id of schools) {
      await stores.schools.upsertSchool({ id, name: `School ${id.slice(-1).toUpperCase()}`, tenantId: 'tenant-1' });
      // School D has not chosen a CLPL channel yet.
      if (id !== 'school-d') await stores.schools.setClplChannel(id, { id: `channel-${id}`, name: `${id} CLPL` });
    }
    await stores.groups.applyFile([{ id: 'cluster-1', name: 'Balerno cluster', kind: 'cluster', schools, groups: [], leads: [lead.id] }], 'test', testNow);
    deps = buildDependencies(stores, { clock: new FakeClock(testNow), leadership: leadershipOf(sltOfB.id) });
    refresher = new OfferCardRefresher({ offers: stores.offers, offerCards: stores.offerCards, board: deps.board, learningShares: stores.learningShares, groups: stores.groups, logger: pino({ level: 'silent' }), settleMs: 0 });
  });
  afterEach(() => stores.close());

  const create = () => createOffer(deps, { schoolId: 'school-a', author: lead, draft: buildDraft({ capacity: 3, quotaPerSchool: 1 }), groupId: 'cluster-1' });

  it('a lead’s offer is posted once to each member school’s channel; a school without one is reported back', async () => {
    const created = await create();
    expect(deps.board.posted.map((p) => p.channelId)).toEqual(['channel-school-a', 'channel-school-b', 'channel-school-c']);
    expect(created.group).toEqual({ name: 'Balerno cluster', postedTo: ['School A', 'School B', 'School C'], skipped: [{ schoolId: 'school-d', name: 'School D', reason: 'no_clpl_channel' }] });
    expect(await stores.offerCards.postedCards(created.offer.id)).toHaveLength(3);
  });

  it('only a lead of the group may offer to it', async () => {
    await expect(createOffer(deps, { schoolId: 'school-b', author: sltOfB, draft: buildDraft(), groupId: 'cluster-1' })).rejects.toMatchObject({ code: 'not_group_lead' });
  });

  it('sign-ups from different schools share one pool and every card is redrawn to the same state', async () => {
    const { offer } = await create();
    await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-a' });
    await signUp(deps, { offerId: offer.id, person: buildPerson(2), schoolId: 'school-b' });
    const third = await signUp(deps, { offerId: offer.id, person: buildPerson(3), schoolId: 'school-b' }); // B's quota is used
    expect(third.standing).toEqual({ kind: 'waitlisted', position: 1 });
    await refresher.refreshNow();

    const latest = new Map(deps.board.updated.map((u) => [u.card.conversationId, u.view.seats]));
    expect([...latest.keys()].sort()).toEqual(['channel-school-a', 'channel-school-b', 'channel-school-c']);
    for (const seats of latest.values()) expect(seats).toEqual({ capacity: 3, confirmed: 2, awaiting: 0, seatsLeft: 1, waitlisted: 1 });
  });

  it('a card whose school left the group is no longer redrawn', async () => {
    const { offer } = await create();
    await stores.groups.changeGroup('cluster-1', lead.id, { kind: 'remove_school', schoolId: 'school-c' }, testNow);
    await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-a' });
    await refresher.refreshNow();
    expect(deps.board.updated.map((u) => u.card.conversationId).sort()).toEqual(['channel-school-a', 'channel-school-b']);
    await signUp(deps, { offerId: offer.id, person: buildPerson(2), schoolId: 'school-b' });
    await refresher.refreshNow();
    expect(deps.board.updated.filter((u) => u.card.conversationId === 'channel-school-c')).toEqual([]);
  });

  it('a member school’s SLT cannot edit or cancel a group offer; the lead’s edit reaches every card', async () => {
    const { offer } = await create();
    await expect(editOffer(deps, { offerId: offer.id, person: sltOfB, draft: buildDraft({ capacity: 3, location: 'Hall' }), acceptedDemotions: 0 })).rejects.toMatchObject({ code: 'not_group_lead' });
    await expect(cancelOffer(deps, { offerId: offer.id, person: sltOfB })).rejects.toMatchObject({ code: 'not_group_lead' });

    const edited = await editOffer(deps, { offerId: offer.id, person: lead, draft: buildDraft({ capacity: 3, quotaPerSchool: 1, location: 'Hall' }), acceptedDemotions: 0 });
    expect(edited.kind).toBe('saved');
    await refresher.refreshNow();
    expect(deps.board.updated.map((u) => [u.card.conversationId, u.view.offer.location]).sort()).toEqual([
      ['channel-school-a', 'Hall'],
      ['channel-school-b', 'Hall'],
      ['channel-school-c', 'Hall'],
    ]);
  });
});
