import template from './impactReportCard.json';
import { feedbackScales } from '../../../domain/feedback';
import { Mean, OfferImpact } from '../../../domain/impact';
import { facilitatorText, sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface ImpactReportCardData {
  title: string;
  when: string;
  facilitator: string;
  counts: Array<{ title: string; value: string }>;
  shown: boolean;
  tooFewText: string;
  means: Array<{ title: string; value: string }>;
  practiceChanges: Array<{ text: string; who: string }>;
}

const scaleTitles = { knowledge: 'Knowledge', understanding: 'Understanding', confidence: 'Confidence' } as const;

/** "+0.83 (n = 6)"; two decimals are as precise as 1–5 ratings from a staff room deserve. */
export function meanText(mean: Mean, signed = false): string {
  const value = mean.mean.toFixed(2);
  return `${signed && mean.mean > 0 ? '+' : ''}${value} (n = ${mean.n})`;
}

export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export function impactReportCardData(impact: OfferImpact): ImpactReportCardData {
  const breakdown = impact.breakdown;
  return {
    title: impact.offer.title,
    when: sessionTime(impact.offer),
    facilitator: facilitatorText(impact.offer.facilitator),
    counts: [
      { title: 'Confirmed', value: String(impact.confirmed) },
      { title: 'Attended', value: String(impact.attended) },
      { title: 'Feedback', value: `${impact.responses} of ${impact.attended} (${percentText(impact.responseRate)})` },
      ...(breakdown ? [{ title: 'Mean value', value: `${meanText(breakdown.value)} out of 5` }] : []),
    ],
    shown: breakdown !== null,
    tooFewText: `Too few responses to show: answers and means appear once at least ${impact.minResponses} attendees have answered, so no one can be identified.`,
    means: breakdown ? feedbackScales.map((scale) => ({ title: scaleTitles[scale], value: meanText(breakdown.change[scale], true) })) : [],
    practiceChanges: breakdown ? breakdown.practiceChanges.map((p) => ({ text: p.text, who: p.name ?? 'anonymous' })) : [],
  };
}

export function renderImpactReportCard(data: ImpactReportCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
