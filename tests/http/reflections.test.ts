import { devUserHeader } from '../../bot/http/auth/identify';
import { newGoal } from '../../bot/domain/goals';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { Person } from '../../bot/domain/person';
import { Reflection, ReflectionPrompt } from '../../bot/domain/reflections';
import { RunningServer } from '../../bot/server';
import { schoolId, sltMember, testNow } from '../factories';
import { ailsa, callum, dana, seedSchoolWithSessions } from './tabSeed';
import { startTabServer, tabApi } from './tabServer';

const prompt = (id: string, staff: Person): ReflectionPrompt => ({
  id,
  roundId: 'round-1',
  schoolId,
  managerId: callum.id,
  staffId: staff.id,
  staffName: staff.name,
  dueDate: '2099-06-30',
  message: 'Before our PRD meeting',
  delivery: 'sent',
  createdAt: testNow,
  lastPromptedAt: testNow,
});

const reflection = (promptId: string, staff: Person, status: Reflection['status'], learning: string): Reflection => ({
  promptId,
  staffId: staff.id,
  answers: { impactfulLearning: learning, howYouKnow: 'Exit tickets', goalProgress: [], nextYearFocus: ['Outdoor learning'], standardAreas: [] },
  status,
  updatedAt: testNow,
  submittedAt: status === 'submitted' ? testNow : null,
});

describe('"My reflections" through the real server', () => {
  let server: RunningServer;
  const as = (person: Person) => tabApi(server.url, { [devUserHeader]: person.id });

  beforeAll(async () => {
    server = await startTabServer({ CLPL_SLT_IDS: sltMember.id });
    await seedSchoolWithSessions(server);
    await server.stores.reflections.transaction(async (tx) => {
      await tx.insertRound({ id: 'round-1', schoolId, managerId: callum.id, managerName: callum.name, dueDate: '2099-06-30', message: 'Before our PRD meeting', createdAt: testNow });
      await tx.savePrompt(prompt('prompt-ailsa', ailsa));
      await tx.savePrompt(prompt('prompt-dana', dana));
      await tx.saveReflection(reflection('prompt-ailsa', ailsa, 'submitted', 'Hinge questions by Ailsa'));
      await tx.saveReflection(reflection('prompt-dana', dana, 'draft', 'Retrieval practice by Dana'));
    });
  });
  afterAll(() => server.close());

  it('a person sees their own submitted reflection, and only theirs', async () => {
    const res = await as(ailsa).get('/api/tab/reflections');
    expect(res.status).toBe(200);
    expect(res.body.reflections).toEqual([
      expect.objectContaining({ promptId: 'prompt-ailsa', status: 'submitted', open: true, answers: expect.objectContaining({ impactfulLearning: 'Hinge questions by Ailsa' }) }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/Dana/);
  });

  it('a draft is shown to its author', async () => {
    const res = await as(dana).get('/api/tab/reflections');
    expect(res.body.reflections).toEqual([expect.objectContaining({ promptId: 'prompt-dana', status: 'draft', submittedAt: null })]);
    expect(JSON.stringify(res.body)).not.toMatch(/Ailsa/);
  });

  it('someone never prompted gets an empty list, even their line manager', async () => {
    expect(await as(callum).get('/api/tab/reflections')).toMatchObject({ status: 200, body: { reflections: [] } });
    expect(await as(sltMember).get('/api/tab/reflections')).toMatchObject({ status: 200, body: { reflections: [] } });
  });

  it('a goal proposed in a reflection can be accepted with the goal update the tab already uses', async () => {
    const { goals } = server.stores;
    const draft = { title: 'Outdoor learning', successCriteria: '', standardArea: gtcsStandardAreas[0] as string, targetDate: null };
    const goal = await goals.createGoal({ ...newGoal({ id: 'proposed-1', ownerId: ailsa.id, draft, now: testNow, standardAreas: gtcsStandardAreas }), status: 'proposed' });
    const listed = (await as(ailsa).get('/api/tab/goals')).body.goals.find((g: { id: string }) => g.id === goal.id);
    expect(listed).toMatchObject({ status: 'proposed' });
    const res = await as(ailsa).patch(`/api/tab/goals/${goal.id}`, { version: listed.version, status: 'not_started' });
    expect(res).toMatchObject({ status: 200, body: { goal: { id: goal.id, status: 'not_started' } } });
  });

  it('needs an identity', async () => {
    expect((await tabApi(server.url, {}).get('/api/tab/reflections')).status).toBe(401);
  });
});
