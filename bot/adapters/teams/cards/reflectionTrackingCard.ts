import { TrackingState, TrackingView } from '../../../domain/reflections';
import template from './reflectionTrackingCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

export const trackingStateText: Record<TrackingState, { text: string; color: string }> = {
  sent: { text: 'Sent', color: 'Default' },
  unreachable: { text: "Couldn't reach — app not installed", color: 'Warning' },
  reflected: { text: 'Reflected', color: 'Good' },
};

export interface ReflectionTrackingCardData {
  roundId: string;
  dueDate: string;
  summary: string;
  notice: string;
  noticeColor: string;
  waiting: number;
  people: { name: string; stateText: string; color: string }[];
  reflected: { name: string; promptId: string }[];
}

export function reflectionTrackingCardData(view: TrackingView, notice: { text: string; color: string } = { text: '', color: 'Default' }): ReflectionTrackingCardData {
  const count = (state: TrackingState) => view.people.filter((p) => p.state === state).length;
  return {
    roundId: view.round.id,
    dueDate: view.round.dueDate,
    summary: `${count('reflected')} of ${view.people.length} reflected`,
    notice: notice.text,
    noticeColor: notice.color,
    waiting: view.people.length - count('reflected'),
    people: view.people.map((p) => ({ name: p.name, stateText: trackingStateText[p.state].text, color: trackingStateText[p.state].color })),
    reflected: view.people.filter((p) => p.state === 'reflected').map((p) => ({ name: p.name, promptId: p.promptId })),
  };
}

export function renderReflectionTrackingCard(data: ReflectionTrackingCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
