import { Reflection, ReflectionPrompt } from '../../../domain/reflections';
import template from './reflectionReadCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface ReflectionReadCardData {
  heading: string;
  subheading: string;
  notice: string;
  hasAnswers: boolean;
  impactfulLearning: string;
  howYouKnow: string;
  goalProgress: { goalTitle: string; progress: string }[];
  focus: string;
  areas: string;
  canEdit: boolean;
  promptId: string;
}

const orDash = (text: string) => (text.trim() === '' ? '—' : text);

export function reflectionReadCardData(input: { prompt: ReflectionPrompt; reflection: Reflection | undefined; ownView: boolean; open: boolean; notice?: string }): ReflectionReadCardData {
  const a = input.reflection?.answers;
  const status = input.reflection?.status === 'submitted' ? 'Submitted' : input.reflection ? 'Draft' : 'Not started';
  return {
    heading: input.ownView ? 'Your PRD reflection' : `${input.prompt.staffName}'s PRD reflection`,
    subheading: `${status} · due ${input.prompt.dueDate}${input.ownView ? ' · visible to you and your line manager only' : ''}`,
    notice: input.notice ?? '',
    hasAnswers: a !== undefined,
    impactfulLearning: orDash(a?.impactfulLearning ?? ''),
    howYouKnow: orDash(a?.howYouKnow ?? ''),
    goalProgress: (a?.goalProgress ?? []).map((g) => ({ goalTitle: g.goalTitle, progress: orDash(g.progress) })),
    focus: orDash((a?.nextYearFocus ?? []).map((f) => `• ${f}`).join('\n')),
    areas: orDash((a?.standardAreas ?? []).join('; ')),
    canEdit: input.ownView && input.open,
    promptId: input.prompt.id,
  };
}

export function renderReflectionReadCard(data: ReflectionReadCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
