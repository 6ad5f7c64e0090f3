import { Reflection, ReflectionPrompt } from '../../domain/reflections';

/** One of the caller's reflections as the tab sees it: read-only, no ids of other people, dates as text. */
export function presentReflection(entry: { prompt: ReflectionPrompt; reflection: Reflection | undefined; open: boolean }) {
  const { prompt, reflection, open } = entry;
  return {
    promptId: prompt.id,
    dueDate: prompt.dueDate,
    message: prompt.message,
    promptedAt: prompt.createdAt.toISOString(),
    open,
    status: reflection?.status ?? ('not_started' as const),
    submittedAt: reflection?.submittedAt?.toISOString() ?? null,
    updatedAt: reflection?.updatedAt.toISOString() ?? null,
    answers: reflection
      ? {
          impactfulLearning: reflection.answers.impactfulLearning,
          howYouKnow: reflection.answers.howYouKnow,
          goalProgress: reflection.answers.goalProgress.map((g) => ({ goalTitle: g.goalTitle, progress: g.progress })),
          nextYearFocus: [...reflection.answers.nextYearFocus],
          standardAreas: [...reflection.answers.standardAreas],
        }
      : null,
  };
}

export type ReflectionView = ReturnType<typeof presentReflection>;
