import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { decideProposal } from '../../../bot/app/proposals/decideProposal';
import { proposeOffer } from '../../../bot/app/proposals/proposeOffer';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, buildDraft, buildPerson, leadershipOf, schoolId, sltMember } from '../../factories';

const teacher = buildPerson({ name: 'Alex Teacher' });
const depute = { id: 'slt-2', name: 'Hamish Depute' };

describe('proposing and deciding an offer', () => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-proposals-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    await stores.schools.setClplChannel(schoolId, { id: 'channel-1', name: 'BAL-Staff CLPL' });
  });
  afterEach(() => stores.close());

  const deps = () => buildDependencies(stores, { leadership: leadershipOf(sltMember.id, depute.id) });

  it('lets exactly one of two senior leaders deciding at once win, and posts the offer once', async () => {
    const app = deps();
    const { proposal, approvers } = await proposeOffer(app, { schoolId, proposer: teacher, draft: buildDraft() });
    expect(approvers).toBe(2);
    const results = await Promise.allSettled([
      decideProposal(app, { proposalId: proposal.id, decider: sltMember, outcome: 'approved' }),
      decideProposal(app, { proposalId: proposal.id, decider: depute, outcome: 'declined' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'proposal_already_decided' } });
    const decided = await stores.proposals.findProposal(proposal.id);
    expect(app.board.posted.length).toBe(decided?.status === 'approved' ? 1 : 0);
  });

  it('makes the proposer the author of the approved offer, with the decision recorded', async () => {
    const app = deps();
    const { proposal } = await proposeOffer(app, { schoolId, proposer: teacher, draft: buildDraft() });
    const decided = await decideProposal(app, { proposalId: proposal.id, decider: sltMember, outcome: 'approved', reason: ' ' });
    expect(decided.offer?.createdBy).toEqual(teacher);
    expect(decided.proposal.decision).toMatchObject({ outcome: 'approved', by: sltMember, reason: null, offerId: decided.offer?.id });
    expect(await stores.offers.findOffer(decided.offer!.id)).toBeDefined();
  });

  it('refuses a proposal when no senior leader could approve it', async () => {
    const app = buildDependencies(stores, { leadership: leadershipOf() });
    await expect(proposeOffer(app, { schoolId, proposer: teacher, draft: buildDraft() })).rejects.toMatchObject({ code: 'not_slt' });
  });

  it('refuses an invalid draft with the field problems', async () => {
    await expect(proposeOffer(deps(), { schoolId, proposer: teacher, draft: buildDraft({ capacity: 0 }) })).rejects.toMatchObject({
      code: 'invalid_offer',
      fieldErrors: { capacity: expect.any(String) },
    });
  });

  it('says so when the proposal does not exist', async () => {
    await expect(decideProposal(deps(), { proposalId: 'proposal-missing', decider: sltMember, outcome: 'approved' })).rejects.toMatchObject({ code: 'proposal_not_found' });
  });
});
