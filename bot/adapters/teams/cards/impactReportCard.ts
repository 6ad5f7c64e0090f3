import template from './impactReportCard.json';
import { feedbackScales } from '../../../domain/feedback';
import { Mean, OfferImpact } from '../../../domain/impact';
import { facilitatorText, instantText, sessionTime } from './format';
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
  followUp: FollowUpSectionData;
}

export interface FollowUpSectionData {
  present: boolean;
  heading: string;
  status: string;
  facts: Array<{ title: string; value: string }>;
  tooFew: string;
  answers: Array<{ text: string; pupils: string; who: string; used: string }>;
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
    followUp: followUpSection(impact),
  };
}

const usedText = { yes: 'part of their practice now', partly: 'tried it', no: 'not yet' } as const;

/** Weeks later: response rate, share who applied it, and confidence at three points (before, after, weeks later). */
export function followUpSection(impact: OfferImpact): FollowUpSectionData {
  const none: FollowUpSectionData = { present: false, heading: '', status: '', facts: [], tooFew: '', answers: [] };
  const followUp = impact.followUp;
  if (!followUp) return none;
  const heading = 'Weeks later: practice follow-up';
  if (!followUp.window) return { ...none, present: true, heading, status: 'This session has no practice follow-up.' };
  const { summary, window } = followUp;
  const opens = instantText(window.opensAt, impact.offer.timeZone);
  if (summary.asked === 0) return { ...none, present: true, heading, status: `Attendees are asked ${window.weeks} weeks after the session, from ${opens}.` };
  const b = summary.breakdown;
  const c = b?.confidence;
  return {
    present: true,
    heading,
    status: `Asked from ${opens}; answers close ${instantText(window.closesAt, impact.offer.timeZone)}.`,
    facts: [
      { title: 'Follow-up answers', value: `${summary.responses} of ${summary.asked} (${percentText(summary.responseRate)})` },
      ...(b && c
        ? [
            { title: 'Applied it', value: `${percentText(b.applied.share)} (n = ${b.applied.n})` },
            ...(c.followUp.n === 0
              ? [{ title: 'Confidence', value: '— (no one answered both the feedback and the follow-up)' }]
              : [
                  { title: 'Confidence', value: `${c.before.mean.toFixed(2)} before → ${c.after.mean.toFixed(2)} after → ${c.followUp.mean.toFixed(2)} weeks later (n = ${c.followUp.n})` },
                  { title: 'Change sustained', value: `${meanText(c.sustainedChange, true)} since before` },
                ]),
          ]
        : []),
    ],
    tooFew: b ? '' : `Too few follow-up answers to show: they appear once at least ${summary.minResponses} attendees have answered.`,
    answers: b ? b.answers.map((a) => ({ text: a.practiceChange, pupils: a.pupilEffect, who: a.name ?? 'anonymous', used: usedText[a.used] })) : [],
  };
}

export function renderImpactReportCard(data: ImpactReportCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
