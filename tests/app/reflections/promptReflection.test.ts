import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { myReflections, saveReflection } from '../../../bot/app/reflections/answerReflection';
import { sendReflectionPrompts, trackingView } from '../../../bot/app/reflections/promptReflection';
import { openSqliteStores } from '../../../bot/adapters/sqlite/openSqliteStores';
import { ReflectionError } from '../../../bot/domain/lineManagement';
import { Stores } from '../../../bot/ports/stores';
import { buildDependencies, FakeClock, leadershipOf } from '../../factories';

const schoolId = 'school-1';
const mia = { id: 'mia', name: 'Mia Reid' };
const ailsa = { id: 'ailsa', name: 'Ailsa Brown' };
const noApp = { id: 'no-app', name: 'Nell Noapp' };

describe('sending reflection prompts', () => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await openSqliteStores(join(mkdtempSync(join(tmpdir(), 'clpl-reflect-')), 'clpl.sqlite'));
    await stores.schools.upsertSchool({ id: schoolId, name: 'Balerno High', tenantId: null });
    for (const person of [mia, ailsa, noApp]) await stores.schools.recordMember(schoolId, person);
    await stores.reflections.replaceLineManagement(schoolId, [
      { schoolId, staffId: ailsa.id, managerId: mia.id },
      { schoolId, staffId: noApp.id, managerId: mia.id },
    ]);
    await stores.addresses.save({ kind: 'person', personId: ailsa.id }, JSON.stringify({ kind: 'conversation', reference: { conversation: { id: 'a:ailsa' } } }));
  });
  afterEach(() => stores.close());

  const app = () => {
    let n = 0;
    return buildDependencies(stores, { clock: new FakeClock(new Date('2026-11-24T10:00:00Z')), leadership: leadershipOf('slt'), newId: () => `id-${++n}` });
  };

  it('someone the bot has no address for is shown as unreachable at once and nothing is queued for them', async () => {
    const deps = app();
    const round = await sendReflectionPrompts(deps, { schoolId, manager: mia, staffIds: [ailsa.id, noApp.id], dueDate: '2026-12-01', message: null });
    const view = await trackingView(deps, { roundId: round.id, managerId: mia.id });
    expect(view.people.map((p) => [p.name, p.state])).toEqual([
      ['Ailsa Brown', 'sent'],
      ['Nell Noapp', 'unreachable'],
    ]);
    const queued = await stores.outbox.claimDue(new Date('2026-11-30T10:00:00Z'), 10, 60_000);
    expect(queued.map((q) => [q.recipientId, q.notice.kind])).toEqual([[ailsa.id, 'reflection_prompt']]);
  });

  it('a manager naming someone outside their team changes nothing; SLT may prompt anyone', async () => {
    const deps = app();
    await expect(sendReflectionPrompts(deps, { schoolId, manager: ailsa, staffIds: [mia.id], dueDate: '2026-12-01', message: null })).rejects.toBeInstanceOf(ReflectionError);
    expect(await stores.reflections.promptsFor(mia.id)).toEqual([]);
    await sendReflectionPrompts(deps, { schoolId, manager: { id: 'slt', name: 'Morag' }, staffIds: [mia.id], dueDate: '2026-12-01', message: null });
    expect(await stores.reflections.promptsFor(mia.id)).toHaveLength(1);
  });

  it('only the manager who sent a round may track it', async () => {
    const deps = app();
    const round = await sendReflectionPrompts(deps, { schoolId, manager: mia, staffIds: [ailsa.id], dueDate: '2026-12-01', message: null });
    await expect(trackingView(deps, { roundId: round.id, managerId: ailsa.id })).rejects.toMatchObject({ code: 'prompt_not_found' });
  });

  it('a person sees their own reflections, drafts included, and nobody else\'s', async () => {
    const deps = app();
    await sendReflectionPrompts(deps, { schoolId, manager: mia, staffIds: [ailsa.id], dueDate: '2026-12-01', message: 'Before PRD' });
    const [mine] = await myReflections(deps, ailsa.id);
    await saveReflection(deps, { promptId: mine!.prompt.id, person: ailsa, answers: { impactfulLearning: 'A', howYouKnow: '', goalProgress: [], nextYearFocus: [], standardAreas: [] }, submit: false });
    expect((await myReflections(deps, ailsa.id)).map((r) => [r.prompt.message, r.reflection?.status, r.open])).toEqual([['Before PRD', 'draft', true]]);
    expect(await myReflections(deps, mia.id)).toEqual([]);
  });
});
