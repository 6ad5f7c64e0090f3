import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { cancelOffer } from '../../../bot/app/cancelOffer';
import { createOffer, postNewOffer } from '../../../bot/app/createOffer';
import { runJob } from '../../../bot/app/jobs/registry';
import { OfferCardRefresher } from '../../../bot/app/delivery/offerCardRefresher';
import { editOffer } from '../../../bot/app/editOffer';
import { changeGroup } from '../../../bot/app/groups/changeGroup';
import { postAfterGroupsFileChanged } from '../../../bot/app/groupOffers/postGroupOffer';
import { signUp } from '../../../bot/app/signUp';
import { recordAttendance } from '../../../bot/app/attendance/recordAttendance';
import { shareLearning } from '../../../bot/app/shares/shareLearning';
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

  /** What the job runner does: every job due now, run once. */
  async function runDueJobs(): Promise<void> {
    for (const queued of await stores.jobs.claimDue(deps.clock.now(), 50, 60_000)) {
      await runJob(deps, queued.job);
      await stores.jobs.markDone(queued.id, deps.clock.now());
    }
  }

  const saveOnly = () => createOffer(deps, { schoolId: 'school-a', author: lead, draft: buildDraft({ capacity: 3, quotaPerSchool: 1 }), groupId: 'cluster-1' });
  const create = async () => {
    const created = await saveOnly();
    await runDueJobs();
    return created;
  };

  it('a lead’s offer is saved at once; its posting job then puts one card in each member school’s channel and tells the lead which school has none', async () => {
    const created = await saveOnly();
    expect(created.group).toEqual({ name: 'Balerno cluster', posting: 3, skipped: [{ schoolId: 'school-d', name: 'School D', reason: 'no_clpl_channel' }] });
    expect(deps.board.posted).toEqual([]);
    expect(deps.afterCommit.jobsDueCalls).toBe(1);

    await runDueJobs();
    expect(deps.board.posted.map((p) => p.channelId)).toEqual(['channel-school-a', 'channel-school-b', 'channel-school-c']);
    expect(await stores.offerCards.postedCards(created.offer.id)).toHaveLength(3);
    const told = await stores.outbox.claimDue(deps.clock.now(), 10, 60_000);
    expect(told.map((n) => [n.recipientId, n.notice])).toEqual([
      [lead.id, { kind: 'group_offer_posted', offerId: created.offer.id, offerTitle: created.offer.title, groupName: 'Balerno cluster', postedCount: 3, notPosted: [{ name: 'School D', reason: 'no_clpl_channel' }] }],
    ]);
    // Sign-ups may have come while it posted: the cards are redrawn if so.
    expect(deps.afterCommit.changedOffers).toContain(created.offer.id);
  });

  it('a posting job that stopped part-way posts, when run again, only to the schools still without a card', async () => {
    const { offer } = await saveOnly();
    await postNewOffer(deps, offer, 'channel-school-a', 'school-a');
    await runDueJobs();
    expect(deps.board.posted.map((p) => p.channelId)).toEqual(['channel-school-a', 'channel-school-b', 'channel-school-c']);
    const [notice] = await stores.outbox.claimDue(deps.clock.now(), 10, 60_000);
    expect(notice?.notice).toMatchObject({ postedCount: 3 });
  });

  it('a school whose post Teams refuses is named to the lead; the other schools get their cards', async () => {
    const board = deps.board;
    const post = board.post.bind(board);
    board.post = async (channelId, view) => {
      if (channelId === 'channel-school-b') throw Object.assign(new Error('Forbidden'), { statusCode: 403 });
      return post(channelId, view);
    };
    const { offer } = await create();
    expect(board.posted.map((p) => p.channelId)).toEqual(['channel-school-a', 'channel-school-c']);
    const [notice] = await stores.outbox.claimDue(deps.clock.now(), 10, 60_000);
    expect(notice?.notice).toMatchObject({ offerId: offer.id, postedCount: 2, notPosted: [{ name: 'School D', reason: 'no_clpl_channel' }, { name: 'School B', reason: 'post_failed' }] });
  });

  it('a group offer cancelled before its posting job ran is not posted at all', async () => {
    const { offer } = await saveOnly();
    await cancelOffer(deps, { offerId: offer.id, person: lead });
    await runDueJobs();
    expect(deps.board.posted).toEqual([]);
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

  it('an authority’s many cards are redrawn several at a time, sharing one read of the sign-ups per revision', async () => {
    const many = Array.from({ length: 16 }, (_, i) => `school-${String(i + 10)}`);
    for (const id of many) {
      await stores.schools.upsertSchool({ id, name: `School ${id}`, tenantId: 'tenant-1' });
      await stores.schools.setClplChannel(id, { id: `channel-${id}`, name: `${id} CLPL` });
    }
    await stores.groups.applyFile([{ id: 'cluster-1', name: 'Balerno cluster', kind: 'cluster', schools: [...schools, ...many], groups: [], leads: [lead.id] }], 'test-2', testNow);
    const { offer } = await create();
    expect(await stores.offerCards.postedCards(offer.id)).toHaveLength(19);
    await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-a' });

    let inFlight = 0;
    let most = 0;
    const update = deps.board.update.bind(deps.board);
    deps.board.update = async (card, loadView) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 10));
      await update(card, loadView);
      inFlight -= 1;
    };
    const reads = jest.spyOn(stores.offers, 'signUpsForOffer');
    await refresher.refreshNow();

    expect(new Set(deps.board.updated.map((u) => u.card.conversationId)).size).toBe(19);
    for (const u of deps.board.updated) expect(u.view.seats).toMatchObject({ confirmed: 1 });
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('an attendee shares their learning under their own school’s card, not the card of the school the offer was made from', async () => {
    const { offer } = await create();
    const bea = buildPerson({ id: 'bea', name: 'Bea from B' });
    await signUp(deps, { offerId: offer.id, person: bea, schoolId: 'school-b' });
    (deps.clock as FakeClock).set(new Date(offer.endsAt.getTime() + 60 * 60_000));
    await recordAttendance(deps, { offerId: offer.id, recorder: lead, attendedIds: [bea.id] });
    const shared = await shareLearning(deps, { offerId: offer.id, person: bea, summary: 'Hinge questions work.', resources: [], source: 'feedback' });
    expect(deps.board.replies.map((r) => r.card.conversationId)).toEqual(['channel-school-b']);
    expect(shared.channelName).toBe('school-b CLPL');
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

  it('a school that joins the group gets the group’s open offers in its channel, not those cancelled', async () => {
    const { offer } = await create();
    const cancelled = await create();
    await cancelOffer(deps, { offerId: cancelled.offer.id, person: lead });
    await stores.schools.upsertSchool({ id: 'school-e', name: 'School E', tenantId: 'tenant-1' });
    await stores.schools.setClplChannel('school-e', { id: 'channel-school-e', name: 'school-e CLPL' });
    expect(deps.board.posted.filter((p) => p.channelId === 'channel-school-e')).toEqual([]);

    await changeGroup(deps, { groupId: 'cluster-1', actor: lead, command: { action: 'add', what: 'school', school: 'School E' } });
    await runDueJobs();
    expect(deps.board.posted.filter((p) => p.channelId === 'channel-school-e').map((p) => p.view.offer.id)).toEqual([offer.id]);
    // The schools that had it already are not posted to again.
    expect(deps.board.posted.filter((p) => p.view.offer.id === offer.id)).toHaveLength(4);
  });

  it('a school added by a changed groups file gets the open offers once the file is applied at start-up', async () => {
    const { offer } = await create();
    await stores.schools.upsertSchool({ id: 'school-e', name: 'School E', tenantId: 'tenant-1' });
    await stores.schools.setClplChannel('school-e', { id: 'channel-school-e', name: 'school-e CLPL' });
    await stores.groups.applyFile([{ id: 'cluster-1', name: 'Balerno cluster', kind: 'cluster', schools: [...schools, 'school-e'], groups: [], leads: [lead.id] }], 'file-2', testNow);

    expect(await postAfterGroupsFileChanged(deps)).toBe(1);
    await runDueJobs();
    expect(deps.board.posted.filter((p) => p.view.offer.id === offer.id).map((p) => p.channelId)).toEqual(['channel-school-a', 'channel-school-b', 'channel-school-c', 'channel-school-e']);
  });

  it('a school that left and came back has its old card redrawn again, not a second card', async () => {
    const { offer } = await create();
    await changeGroup(deps, { groupId: 'cluster-1', actor: lead, command: { action: 'remove', what: 'school', school: 'school-c' } });
    await signUp(deps, { offerId: offer.id, person: buildPerson(1), schoolId: 'school-a' });
    await refresher.refreshNow(); // school C's card is retired here
    await changeGroup(deps, { groupId: 'cluster-1', actor: lead, command: { action: 'add', what: 'school', school: 'school-c' } });
    await runDueJobs();
    await refresher.refreshNow();

    expect(deps.board.posted.filter((p) => p.channelId === 'channel-school-c')).toHaveLength(1);
    const lastOfC = deps.board.updated.filter((u) => u.card.conversationId === 'channel-school-c').at(-1);
    expect(lastOfC?.view.seats).toMatchObject({ confirmed: 1 });
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
