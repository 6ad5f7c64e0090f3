import { LineManagementView } from '../../../app/reflections/lineManagementMap';
import template from './lineManagementCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Shown on the card; the rest is counted, to keep the card well under Teams' size limit. */
const maxShown = 150;
const maxProblemsShown = 30;

export interface LineManagementCardData {
  formMessage: string;
  formColor: string;
  problems: { text: string }[];
  countText: string;
  entries: { staff: string; manager: string }[];
  more: number;
  csv: string;
  staff: string;
  manager: string;
}

export function lineManagementCardData(
  view: LineManagementView,
  input: { message?: { text: string; color: string }; problems?: Record<string, string>; values?: { csv: string; staff: string; manager: string } } = {},
): LineManagementCardData {
  return {
    formMessage: input.message?.text ?? '',
    formColor: input.message?.color ?? 'Default',
    problems: problemLines(input.problems ?? {}),
    countText: view.entries.length === 0 ? 'The map is empty.' : `${view.entries.length} people have a line manager in the map (staff → line manager):`,
    entries: view.entries.slice(0, maxShown).map((e) => ({ staff: e.staff.name, manager: e.manager.name })),
    more: Math.max(0, view.entries.length - maxShown),
    csv: input.values?.csv ?? '',
    staff: input.values?.staff ?? '',
    manager: input.values?.manager ?? '',
  };
}

/** The first problems, and how many more, so a file with many bad lines still fits on the card. */
function problemLines(problems: Record<string, string>): { text: string }[] {
  const all = Object.entries(problems);
  const shown = all.slice(0, maxProblemsShown).map(([where, text]) => ({ text: `${where}: ${text}` }));
  return all.length > maxProblemsShown ? [...shown, { text: `…and ${all.length - maxProblemsShown} more lines to look at.` }] : shown;
}

export function renderLineManagementCard(data: LineManagementCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
