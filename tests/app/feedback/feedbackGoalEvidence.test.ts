import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { recordAttendance } from '../../../bot/app/attendance/recordAttendance';
import { sendFeedbackRequests } from '../../../bot/app/feedback/feedbackRequests';
import { feedbackForm, submitFeedback } from '../../../bot/app/feedback/submitFeedback';
import { Goal, GoalStatus, newGoal } from '../../../bot/domain/goals';
import { Offer } from '../../../bot/domain/offer';
import { GoalStore } from '../../../bot/ports/goalStore';
import { Stores } from '../../../bot/ports/stores';
import { buildAnswers, buildDependencies, buildOffer, buildPerson, buildSignUp, FakeClock, schoolId, testCatalogue } from '../../factories';

const facilitator = buildPerson({ name: 'Fiona Facilitator' });
const ann = buildPerson({ name: 'Ann' });
const bob = buildPerson({ name: 'Bob' });

describe('feedback names one of the person’s own goals, and becomes evidence on it', () => {
  let stores: Stores;
  let offer: Offer;
  const clock = new FakeClock(new Date('2026-12-01T18:00:00Z'));
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-feedback-goals-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Glenbrae Academy', tenantId: null });
    offer = buildOffer({
      title: 'Questioning for deeper learning',
      startsAt: new Date('2026-12-01T15:30:00Z'),
      endsAt: new Date('2026-12-01T17:00:00Z'),
      signUpsCloseAt: new Date('2026-11-30T12:00:00Z'),
      facilitator: { kind: 'staff', userId: facilitator.id, name: facilitator.name },
    });
    await stores.offers.transaction(async (tx) => {
      await tx.insertOffer(offer);
      await tx.saveSignUps([ann, bob].map((person, i) => buildSignUp({ offerId: offer.id, person, queueNumber: i + 1 })));
    });
    clock.set(new Date('2026-12-01T18:00:00Z'));
    await recordAttendance(deps(), { offerId: offer.id, recorder: facilitator, attendedIds: [ann.id, bob.id] });
  });
  afterEach(() => stores.close());

  const deps = (goals?: GoalStore) => buildDependencies(stores, { clock, ...(goals ? { reflections: { org: null, goals, trackingChanged: () => undefined } } : {}) });
  const addGoal = async (ownerId: string, title: string, status: GoalStatus = 'not_started'): Promise<Goal> => {
    const goal = newGoal({ id: `goal-${title}`, ownerId, draft: { title, successCriteria: '', standardArea: testCatalogue.standards[0]!, targetDate: null }, now: clock.now(), standardAreas: testCatalogue.standards });
    return stores.goals.createGoal({ ...goal, status });
  };
  const evidenceOn = async (goal: Goal) => (await stores.goals.findGoal(goal.ownerId, goal.id))!.evidence;

  it('the request and the form offer the person’s own open goals', async () => {
    const questioning = await addGoal(ann.id, 'Questioning');
    await addGoal(ann.id, 'Done already', 'achieved');
    await addGoal(bob.id, 'Bob’s goal');
    await sendFeedbackRequests(deps(), offer.id);
    const queued = await stores.outbox.claimDue(clock.now(), 10, 60_000);
    const toAnn = queued.find((n) => n.recipientId === ann.id)!.notice;
    expect(toAnn).toMatchObject({ kind: 'feedback_request', goals: [{ id: questioning.id, title: 'Questioning' }] });
    expect((await feedbackForm(deps(), { offerId: offer.id, personId: ann.id })).goalChoices).toEqual([{ id: questioning.id, title: 'Questioning' }]);
  });

  it('a submission naming someone else’s goal is refused with a clear message and nothing stored changes', async () => {
    const bobs = await addGoal(bob.id, 'Bob’s goal');
    await expect(submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: bobs.id }) })).rejects.toMatchObject({
      code: 'invalid_feedback',
      fieldErrors: { relatedGoal: 'Choose one of your own CLPL goals from the list, or leave it blank.' },
    });
    expect(await stores.evidence.findFeedback(offer.id, ann.id)).toBeUndefined();
    expect(await evidenceOn(bobs)).toEqual([]);
  });

  it('a submission naming an own goal links it as evidence once', async () => {
    const questioning = await addGoal(ann.id, 'Questioning');
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: questioning.id }) });
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: questioning.id, value: 5 }) });
    expect((await stores.evidence.findFeedback(offer.id, ann.id))?.relatedGoalId).toBe(questioning.id);
    expect(await evidenceOn(questioning)).toEqual([{ kind: 'feedback', ref: offer.id, label: 'Feedback: Questioning for deeper learning' }]);
  });

  it('editing the answer moves the link to the newly chosen goal, and choosing none removes it', async () => {
    const questioning = await addGoal(ann.id, 'Questioning');
    const outdoor = await addGoal(ann.id, 'Outdoor learning', 'in_progress');
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: questioning.id }) });
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: outdoor.id }) });
    expect(await evidenceOn(questioning)).toEqual([]);
    expect(await evidenceOn(outdoor)).toEqual([expect.objectContaining({ kind: 'feedback', ref: offer.id })]);
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: null }) });
    expect(await evidenceOn(outdoor)).toEqual([]);
  });

  it('a goal chosen before stays choosable after it is achieved', async () => {
    const questioning = await addGoal(ann.id, 'Questioning');
    await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: questioning.id }) });
    const current = (await stores.goals.findGoal(ann.id, questioning.id))!;
    await stores.goals.updateGoal({ ...current, status: 'achieved' }, current.version);
    const saved = await submitFeedback(deps(), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: questioning.id, value: 2 }) });
    expect(saved.existing).toMatchObject({ value: 2, relatedGoalId: questioning.id });
    expect(saved.goalChoices.map((g) => g.id)).toEqual([questioning.id]);
  });

  it('when the goal store fails the feedback is still saved, and the failure is reported for the log', async () => {
    const questioning = await addGoal(ann.id, 'Questioning');
    const failingWrites: GoalStore = { ...stores.goals, describe: 'failing', listGoals: (id) => stores.goals.listGoals(id), findGoal: (o, g) => stores.goals.findGoal(o, g), createGoal: (g) => stores.goals.createGoal(g), updateGoal: async () => Promise.reject(new Error('Graph unavailable')) };
    const saved = await submitFeedback(deps(failingWrites), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: questioning.id }) });
    expect(saved.goalLinkFailure).toContain('Graph unavailable');
    expect((await stores.evidence.findFeedback(offer.id, ann.id))?.relatedGoalId).toBe(questioning.id);

    const unreadable: GoalStore = { ...failingWrites, listGoals: async () => Promise.reject(new Error('Graph unavailable')) };
    const kept = await submitFeedback(deps(unreadable), { offerId: offer.id, person: ann, answers: buildAnswers({ relatedGoalId: 'goal-unknown', value: 1 }) });
    expect(kept.existing).toMatchObject({ value: 1, relatedGoalId: questioning.id });
    expect(kept.goalLinkFailure).toContain('Graph unavailable');
  });
});
