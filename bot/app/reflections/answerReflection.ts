import { GoalDraft, newGoal } from '../../domain/goals';
import { Person } from '../../domain/person';
import { ReflectionError } from '../../domain/lineManagement';
import { decideReflection, isOpen, mayRead, proposedGoalTitles, Reflection, ReflectionAnswers, ReflectionPrompt } from '../../domain/reflections';
import { schoolYear, schoolYearStartOf } from '../../domain/terms';
import { AppDependencies } from '../dependencies';
import { todayIn } from '../goals/goalDependencies';
import { evidenceLabel, placeEvidence } from '../goals/goalEvidence';
import { reflectionServices } from './reflectionServices';

export interface ReflectionFormView {
  prompt: ReflectionPrompt;
  existing: Reflection | undefined;
  open: boolean;
}

/** The person's own prompt and what they have written so far. */
export async function reflectionForm(app: AppDependencies, input: { promptId: string; personId: string }): Promise<ReflectionFormView> {
  const prompt = await app.stores.reflections.findPrompt(input.promptId);
  if (!prompt || prompt.staffId !== input.personId) throw new ReflectionError('prompt_not_found', 'That reflection is not yours.');
  const existing = await app.stores.reflections.findReflection(prompt.id);
  return { prompt, existing, open: isOpen(prompt, todayIn(app.evidence.timeZone, app.clock.now())) };
}

/** Next-year focuses that did not become proposed goals because the goal store failed, and why (for the log). */
export interface ProposedGoalsFailure {
  notAdded: string[];
  reason: string;
}

/**
 * Saves a draft or submits. The first submission adds each next-year focus to the person's goals as proposed, for the
 * PRD meeting; a submitted reflection is evidence on each goal the person wrote progress for. The goal store may be
 * SharePoint, so goals change after the reflection is committed, and a failure there does not lose the reflection
 * (`proposedGoalsFailure` and `goalLinkFailure` say what was not done, to tell the person and the log). The tracking
 * card is redrawn.
 */
export async function saveReflection(
  app: AppDependencies,
  input: { promptId: string; person: Person; answers: ReflectionAnswers; submit: boolean },
): Promise<{ prompt: ReflectionPrompt; reflection: Reflection; proposedGoals: number; proposedGoalsFailure: ProposedGoalsFailure | null; goalLinkFailure: string | null }> {
  const view = await reflectionForm(app, { promptId: input.promptId, personId: input.person.id });
  const now = app.clock.now();
  const reflection = decideReflection({
    prompt: view.prompt,
    existing: view.existing,
    personId: input.person.id,
    answers: input.answers,
    submit: input.submit,
    today: todayIn(app.evidence.timeZone, now),
    now,
    standardAreas: app.tagCatalogue.standards,
  });
  await app.stores.reflections.transaction((tx) => tx.saveReflection(reflection));
  const services = reflectionServices(app);
  let proposedGoals = 0;
  let proposedGoalsFailure: ProposedGoalsFailure | null = null;
  if (reflection.status === 'submitted' && view.existing?.status !== 'submitted') {
    const standardArea = reflection.answers.standardAreas[0] ?? app.tagCatalogue.standards[0] ?? '';
    const titles = proposedGoalTitles(reflection);
    try {
      for (const title of titles) {
        const draft: GoalDraft = { title, successCriteria: '', standardArea, targetDate: null };
        const goal = newGoal({ id: app.newId(), ownerId: input.person.id, draft, now, standardAreas: app.tagCatalogue.standards });
        await services.goals.createGoal({ ...goal, status: 'proposed', evidence: [{ kind: 'reflection', ref: view.prompt.id, label: 'Proposed in PRD reflection' }] });
        proposedGoals++;
      }
    } catch (error) {
      proposedGoalsFailure = { notAdded: titles.slice(proposedGoals), reason: error instanceof Error ? error.message : String(error) };
    }
  }
  const goalLinkFailure = reflection.status === 'submitted' ? await linkProgressEvidence(app, view.prompt, reflection) : null;
  services.trackingChanged(view.prompt.roundId);
  return { prompt: view.prompt, reflection, proposedGoals, proposedGoalsFailure, goalLinkFailure };
}

/** A reflection, for the person who wrote it or their line manager only. */
export async function readReflection(app: AppDependencies, input: { promptId: string; viewerId: string }): Promise<{ prompt: ReflectionPrompt; reflection: Reflection | undefined }> {
  const prompt = await app.stores.reflections.findPrompt(input.promptId);
  if (!prompt || !mayRead(prompt, input.viewerId)) throw new ReflectionError('prompt_not_found', 'That reflection is not yours to read.');
  const reflection = await app.stores.reflections.findReflection(prompt.id);
  // The manager sees it once submitted; a draft is the person's own.
  if (input.viewerId !== prompt.staffId && reflection?.status !== 'submitted') return { prompt, reflection: undefined };
  return { prompt, reflection };
}

/** A person's own prompts, newest first, each with what they have written (for the tab's "My reflections"). */
export async function myReflections(app: AppDependencies, personId: string): Promise<{ prompt: ReflectionPrompt; reflection: Reflection | undefined; open: boolean }[]> {
  const today = todayIn(app.evidence.timeZone, app.clock.now());
  const prompts = await app.stores.reflections.promptsFor(personId);
  return Promise.all(prompts.map(async (prompt) => ({ prompt, reflection: await app.stores.reflections.findReflection(prompt.id), open: isOpen(prompt, today) })));
}

/**
 * Links the reflection to the goals it reports progress on; a goal whose progress was cleared on an edit loses the
 * link. Only goals the answers name are touched (proposed goals carry the same ref), and only the person's own.
 */
async function linkProgressEvidence(app: AppDependencies, prompt: ReflectionPrompt, reflection: Reflection): Promise<string | null> {
  const named = reflection.answers.goalProgress;
  if (named.length === 0) return null;
  const year = schoolYear(schoolYearStartOf(reflection.submittedAt ?? reflection.updatedAt, app.evidence.timeZone), app.evidence.timeZone);
  try {
    await placeEvidence(
      { goals: reflectionServices(app).goals, clock: app.clock },
      {
        ownerId: prompt.staffId,
        link: { kind: 'reflection', ref: prompt.id, label: evidenceLabel(`PRD reflection ${year.label}`) },
        goalIds: named.filter((g) => g.progress !== '').map((g) => g.goalId),
        scope: named.map((g) => g.goalId),
      },
    );
    return null;
  } catch (error) {
    return `goal evidence not updated: ${error instanceof Error ? error.message : String(error)}`;
  }
}
