import { PromptFormView } from '../../../app/reflections/promptReflection';
import template from './reflectionPromptFormCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface PromptFormValues {
  staffIds: string;
  dueDate: string;
  message: string;
}

export interface ReflectionPromptFormCardData {
  people: { title: string; value: string }[];
  selected: string;
  today: string;
  dueDate: string;
  message: string;
  formMessage: string;
  errors: Record<string, string>;
}

/** Direct reports first and ticked; for SLT, the rest of the school after them, not ticked. */
export function reflectionPromptFormCardData(view: PromptFormView, values?: PromptFormValues, errors: Record<string, string> = {}, formMessage = ''): ReflectionPromptFormCardData {
  const people = [...view.reports.map((p) => ({ title: p.name, value: p.id })), ...view.others.map((p) => ({ title: `${p.name} (not your direct report)`, value: p.id }))];
  return {
    people,
    selected: values?.staffIds ?? view.reports.map((p) => p.id).join(','),
    today: view.today,
    dueDate: values?.dueDate ?? '',
    message: values?.message ?? '',
    formMessage,
    errors,
  };
}

export function renderReflectionPromptFormCard(data: ReflectionPromptFormCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
