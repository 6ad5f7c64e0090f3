import { checkMayPrompt, ReflectionError } from '../../domain/lineManagement';
import { Person } from '../../domain/person';
import { nextAllowedTime, QuietHours } from '../../domain/quietHours';
import { checkPromptRequest, promptsToNudge, PromptRound, ReflectionPrompt, trackingState, TrackingView } from '../../domain/reflections';
import { Stores } from '../../ports/stores';
import { ReflectionTransaction } from '../../ports/reflectionStore';
import { AppDependencies } from '../dependencies';
import { todayIn } from '../goals/goalDependencies';
import { directReportsOf } from './directReports';
import { reflectionServices } from './reflectionServices';
import { clplYearSummary } from './yearSummary';

export interface PromptFormView {
  reports: Person[];
  /** SLT may prompt anyone: the school's other members, not ticked. */
  others: Person[];
  today: string;
}

/** Keeps the form card well under Teams' message size in a large school. */
const maxOthersShown = 150;

/** The people a manager can prompt: their direct reports, and for SLT everyone else in the school too. */
export async function promptForm(app: AppDependencies, input: { schoolId: string; managerId: string }): Promise<PromptFormView> {
  const reports = await reportsOf(app, input.schoolId, input.managerId);
  const isSlt = app.leadership.isSlt(input.schoolId, input.managerId);
  const others = isSlt
    ? (await app.stores.schools.listMembers(input.schoolId)).filter((m) => m.id !== input.managerId && !reports.some((r) => r.id === m.id)).slice(0, maxOthersShown)
    : [];
  return { reports, others, today: todayIn(app.evidence.timeZone, app.clock.now()) };
}

function reportsOf(app: AppDependencies, schoolId: string, managerId: string): Promise<Person[]> {
  const services = reflectionServices(app);
  return directReportsOf({ org: services.org, reflections: app.stores.reflections, schools: app.stores.schools, onOrgError: services.onOrgError }, schoolId, managerId);
}

/**
 * Prompts each person: a prompt and its 1:1 notice are written in one transaction. Someone the bot has no address for
 * is recorded as unreachable (the app is not installed for them) rather than queued. Refused as a whole, writing
 * nothing, when anyone is outside the manager's team (SLT excepted), the due date is past or the message too long.
 */
export async function sendReflectionPrompts(
  app: AppDependencies,
  input: { schoolId: string; manager: Person; staffIds: readonly string[]; dueDate: string; message: string | null },
): Promise<PromptRound> {
  const now = app.clock.now();
  const request = checkPromptRequest({ dueDate: input.dueDate, message: input.message, staffIds: input.staffIds, today: todayIn(app.evidence.timeZone, now) });
  const reports = await reportsOf(app, input.schoolId, input.manager.id);
  const isSlt = app.leadership.isSlt(input.schoolId, input.manager.id);
  checkMayPrompt({ isSlt, directReportIds: reports.map((r) => r.id), staffIds: request.staffIds });
  const names = new Map([...(await app.stores.schools.listMembers(input.schoolId)), ...reports].map((p) => [p.id, p.name]));
  const round: PromptRound = { id: app.newId(), schoolId: input.schoolId, managerId: input.manager.id, managerName: input.manager.name, dueDate: request.dueDate, message: request.message, createdAt: now };
  const prompts = await Promise.all(
    request.staffIds.map(async (staffId): Promise<ReflectionPrompt> => ({
      id: app.newId(),
      roundId: round.id,
      schoolId: input.schoolId,
      managerId: input.manager.id,
      staffId,
      staffName: names.get(staffId) ?? staffId,
      dueDate: request.dueDate,
      message: request.message,
      delivery: (await isReachable(app, staffId)) ? 'sent' : 'unreachable',
      createdAt: now,
      lastPromptedAt: now,
    })),
  );
  const summaries = await summariesFor(app, prompts);
  await app.stores.reflections.transaction(async (tx) => {
    await tx.insertRound(round);
    for (const prompt of prompts) {
      await tx.savePrompt(prompt);
      if (prompt.delivery === 'sent') await queuePrompt(tx, round, prompt, summaries, false, now, app.quietHours, app.tagCatalogue.standards);
    }
  });
  app.afterCommit.noticesQueued();
  return round;
}

/** Re-prompts those in the round who have not submitted, at most once a day each; returns who was nudged. */
export async function nudgeRound(app: AppDependencies, input: { roundId: string; managerId: string }): Promise<{ nudged: ReflectionPrompt[]; waiting: number }> {
  const round = await ownRound(app, input.roundId, input.managerId);
  const now = app.clock.now();
  const [prompts, reflections] = await Promise.all([app.stores.reflections.promptsOfRound(round.id), app.stores.reflections.reflectionsOfRound(round.id)]);
  const due = promptsToNudge(prompts, reflections, now, todayIn(app.evidence.timeZone, now));
  const nudged = await Promise.all(due.map(async (p): Promise<ReflectionPrompt> => ({ ...p, lastPromptedAt: now, delivery: (await isReachable(app, p.staffId)) ? 'sent' : 'unreachable' })));
  const summaries = await summariesFor(app, nudged);
  await app.stores.reflections.transaction(async (tx) => {
    for (const prompt of nudged) {
      await tx.savePrompt(prompt);
      if (prompt.delivery === 'sent') await queuePrompt(tx, round, prompt, summaries, true, now, app.quietHours, app.tagCatalogue.standards);
    }
  });
  app.afterCommit.noticesQueued();
  const waiting = prompts.filter((p) => !reflections.some((r) => r.promptId === p.id && r.status === 'submitted')).length - nudged.length;
  return { nudged: nudged.filter((p) => p.delivery === 'sent'), waiting };
}

/** What the manager's tracking card shows; only the manager who sent the round may see it. */
export async function trackingView(app: AppDependencies, input: { roundId: string; managerId: string }): Promise<TrackingView> {
  const round = await ownRound(app, input.roundId, input.managerId);
  return trackingViewOf(app.stores, round);
}

export async function trackingViewOf(stores: Pick<Stores, 'reflections' | 'reachability'>, round: PromptRound): Promise<TrackingView> {
  const [prompts, reflections, unreachable] = await Promise.all([
    stores.reflections.promptsOfRound(round.id),
    stores.reflections.reflectionsOfRound(round.id),
    stores.reachability.unreachableIn(round.schoolId),
  ]);
  return {
    round,
    people: prompts.map((p) => {
      // A prompt queued but then refused by Teams (the person removed the app) shows as unreachable too.
      const failedSince = unreachable.find((u) => u.personId === p.staffId && u.since.getTime() >= p.lastPromptedAt.getTime());
      const prompt: ReflectionPrompt = failedSince ? { ...p, delivery: 'unreachable' } : p;
      return { promptId: p.id, name: p.staffName, state: trackingState(prompt, reflections.find((r) => r.promptId === p.id)) };
    }),
  };
}

async function ownRound(app: AppDependencies, roundId: string, managerId: string): Promise<PromptRound> {
  const round = await app.stores.reflections.findRound(roundId);
  if (!round || round.managerId !== managerId) throw new ReflectionError('prompt_not_found', 'That reflection round is not one you sent.');
  return round;
}

async function isReachable(app: AppDependencies, personId: string): Promise<boolean> {
  return (await app.stores.addresses.find({ kind: 'person', personId })) !== undefined;
}

async function summariesFor(app: AppDependencies, prompts: readonly ReflectionPrompt[]) {
  const reachable = prompts.filter((p) => p.delivery === 'sent');
  return new Map(await Promise.all(reachable.map(async (p) => [p.staffId, await clplYearSummary(app, p.staffId)] as const)));
}

async function queuePrompt(
  tx: ReflectionTransaction,
  round: PromptRound,
  prompt: ReflectionPrompt,
  summaries: Map<string, Awaited<ReturnType<typeof clplYearSummary>>>,
  nudge: boolean,
  now: Date,
  quietHours: QuietHours,
  standardAreas: readonly string[],
): Promise<void> {
  const summary = summaries.get(prompt.staffId);
  if (!summary) throw new Error(`no summary for ${prompt.staffId}`);
  await tx.enqueueNotice(
    {
      idempotencyKey: `reflection_prompt:${prompt.id}:${now.toISOString()}`,
      schoolId: round.schoolId,
      recipientId: prompt.staffId,
      notice: { kind: 'reflection_prompt', promptId: prompt.id, managerName: round.managerName, dueDate: round.dueDate, message: round.message, nudge, summary, standardAreas: [...standardAreas] },
      notBefore: nextAllowedTime(now, quietHours),
    },
    now,
  );
}
