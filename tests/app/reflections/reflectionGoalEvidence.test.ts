import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { myReflections, saveReflection } from '../../../bot/app/reflections/answerReflection';
import { sendReflectionPrompts } from '../../../bot/app/reflections/promptReflection';
import { Goal, GoalStatus, newGoal } from '../../../bot/domain/goals';
import { GoalProgressAnswer, ReflectionAnswers } from '../../../bot/domain/reflections';
import { GoalStore } from '../../../bot/ports/goalStore';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, leadershipOf, testCatalogue } from '../../factories';

const schoolId = 'school-1';
const mia = { id: 'mia', name: 'Mia Reid' };
const ailsa = { id: 'ailsa', name: 'Ailsa Brown' };

describe('a submitted PRD reflection is evidence on the goals it reports progress on', () => {
  let stores: Stores;
  const clock = new FakeClock(new Date('2026-11-24T10:00:00Z'));
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-reflect-goals-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Balerno High', tenantId: null });
    for (const person of [mia, ailsa]) await stores.schools.recordMember(schoolId, person);
    await stores.reflections.replaceLineManagement(schoolId, [{ schoolId, staffId: ailsa.id, managerId: mia.id }]);
    await stores.addresses.save({ kind: 'person', personId: ailsa.id }, JSON.stringify({ kind: 'conversation', reference: { conversation: { id: 'a:ailsa' } } }));
  });
  afterEach(() => stores.close());

  const app = (goals?: GoalStore) => {
    let n = 0;
    return buildDependencies(stores, {
      clock,
      leadership: leadershipOf('slt'),
      newId: () => `id-${++n}`,
      ...(goals ? { reflections: { org: null, goals, trackingChanged: () => undefined } } : {}),
    });
  };
  const addGoal = async (ownerId: string, title: string, status: GoalStatus = 'in_progress'): Promise<Goal> => {
    const goal = newGoal({ id: `goal-${title}`, ownerId, draft: { title, successCriteria: '', standardArea: testCatalogue.standards[0]!, targetDate: null }, now: clock.now(), standardAreas: testCatalogue.standards });
    return stores.goals.createGoal({ ...goal, status });
  };
  const evidenceOn = async (goal: Goal) => (await stores.goals.findGoal(goal.ownerId, goal.id))!.evidence;
  const answersWith = (goalProgress: GoalProgressAnswer[]): ReflectionAnswers => ({
    impactfulLearning: 'Questioning CLPL',
    howYouKnow: 'Exit tickets',
    goalProgress,
    nextYearFocus: ['Outdoor learning'],
    standardAreas: [testCatalogue.standards[0]!],
  });
  const promptFor = async () => {
    await sendReflectionPrompts(app(), { schoolId, manager: mia, staffIds: [ailsa.id], dueDate: '2026-12-01', message: null });
    return (await myReflections(app(), ailsa.id))[0]!.prompt.id;
  };

  it('submitting links the reflection to each own goal with progress written, and to no one else’s', async () => {
    const questioning = await addGoal(ailsa.id, 'Questioning');
    const quiet = await addGoal(ailsa.id, 'Quiet', 'not_started');
    const hers = await addGoal(mia.id, 'Mia’s goal');
    const promptId = await promptFor();
    const progress = [
      { goalId: questioning.id, goalTitle: 'Questioning', progress: 'Hinge questions most lessons.' },
      { goalId: quiet.id, goalTitle: 'Quiet', progress: '' },
      { goalId: hers.id, goalTitle: 'Not mine', progress: 'Sneaky' },
    ];
    const draft = await saveReflection(app(), { promptId, person: ailsa, answers: answersWith(progress), submit: false });
    expect(draft.goalLinkFailure).toBeNull();
    expect(await evidenceOn(questioning)).toEqual([]);

    await saveReflection(app(), { promptId, person: ailsa, answers: answersWith(progress), submit: true });
    expect(await evidenceOn(questioning)).toEqual([{ kind: 'reflection', ref: promptId, label: 'PRD reflection 2026/27' }]);
    expect(await evidenceOn(quiet)).toEqual([]);
    expect(await evidenceOn(hers)).toEqual([]);

    // Editing the submitted reflection moves the link with the progress written, once.
    const edited = [
      { ...progress[0]!, progress: '' },
      { ...progress[1]!, progress: 'Started.' },
    ];
    await saveReflection(app(), { promptId, person: ailsa, answers: answersWith(edited), submit: true });
    await saveReflection(app(), { promptId, person: ailsa, answers: answersWith(edited), submit: true });
    expect(await evidenceOn(questioning)).toEqual([]);
    expect(await evidenceOn(quiet)).toEqual([{ kind: 'reflection', ref: promptId, label: 'PRD reflection 2026/27' }]);
  });

  it('when the goal store fails the reflection is still submitted, and the failure is reported for the log', async () => {
    const questioning = await addGoal(ailsa.id, 'Questioning');
    const promptId = await promptFor();
    const failing: GoalStore = {
      describe: 'failing',
      listGoals: async () => Promise.reject(new Error('Graph unavailable')),
      findGoal: (o, g) => stores.goals.findGoal(o, g),
      createGoal: (g) => stores.goals.createGoal(g),
      updateGoal: async () => Promise.reject(new Error('Graph unavailable')),
    };
    const saved = await saveReflection(app(failing), {
      promptId,
      person: ailsa,
      answers: answersWith([{ goalId: questioning.id, goalTitle: 'Questioning', progress: 'Going well.' }]),
      submit: true,
    });
    expect(saved.reflection.status).toBe('submitted');
    expect(saved.goalLinkFailure).toContain('Graph unavailable');
    expect((await stores.reflections.findReflection(promptId))?.status).toBe('submitted');
  });

  it('when the goal store is down on submit, the reflection is kept and the focuses not added are reported, not thrown', async () => {
    const promptId = await promptFor();
    let created = 0;
    const downAfterOne: GoalStore = {
      describe: 'down after one',
      listGoals: (o) => stores.goals.listGoals(o),
      findGoal: (o, g) => stores.goals.findGoal(o, g),
      createGoal: async (g) => (created++ === 0 ? stores.goals.createGoal(g) : Promise.reject(new Error('SharePoint unavailable'))),
      updateGoal: (g, v) => stores.goals.updateGoal(g, v),
    };
    const answers = { ...answersWith([]), nextYearFocus: ['Outdoor learning', 'Digital literacy', 'Numeracy across learning'] };
    const saved = await saveReflection(app(downAfterOne), { promptId, person: ailsa, answers, submit: true });

    expect(saved.reflection.status).toBe('submitted');
    expect(saved.proposedGoals).toBe(1);
    expect(saved.proposedGoalsFailure).toEqual({ notAdded: ['Digital literacy', 'Numeracy across learning'], reason: 'SharePoint unavailable' });
    expect((await stores.reflections.findReflection(promptId))?.answers.nextYearFocus).toEqual(answers.nextYearFocus);
    expect((await stores.goals.listGoals(ailsa.id)).map((g) => [g.title, g.status])).toEqual([['Outdoor learning', 'proposed']]);
  });
});
