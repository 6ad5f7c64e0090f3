import template from './periodReportCard.json';
import { FollowUpSummary } from '../../../domain/followUpImpact';
import { PeriodReport } from '../../../domain/impact';
import { meanText, percentText } from './impactReportCard';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Beyond this many people the card stays readable and small; the CSV export has everyone. */
export const maxPeopleOnCard = 60;

export interface PeriodReportCardData {
  label: string;
  summary: string;
  targetHours: number;
  people: Array<{ name: string; value: string }>;
  morePeople: string;
  tags: Array<{ tag: string; kind: string; value: string }>;
  /** All sessions first, then per tag: answers, share who applied it, confidence change sustained (n; anonymity threshold). */
  followUps: Array<{ tag: string; value: string }>;
}

const sessionsText = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;

export function periodReportCardData(report: PeriodReport, targetHours: number): PeriodReportCardData {
  const shown = report.people.slice(0, maxPeopleOnCard);
  const hidden = report.people.length - shown.length;
  return {
    label: report.period.label,
    summary:
      report.sessions === 0
        ? 'No attendance has been recorded for sessions in this period yet.'
        : `${sessionsText(report.sessions)} attended by ${report.people.length} ${report.people.length === 1 ? 'person' : 'people'}, ${report.hours} hours in all.`,
    targetHours,
    people: shown.map((p) => ({ name: p.person.name, value: `${sessionsText(p.sessions)} · ${p.hours} h` })),
    morePeople: hidden > 0 ? `and ${hidden} more: export the CSV for everyone.` : '',
    tags: report.byTag.map((t) => ({ tag: t.tag, kind: t.kind === 'standard' ? 'GTCS standard' : 'Improvement priority', value: `${sessionsText(t.sessions)} · ${t.hours} h attended` })),
    followUps:
      report.followUp && report.followUp.overall.asked > 0
        ? [{ tag: 'All sessions', value: followUpText(report.followUp.overall) }, ...report.followUp.byTag.map((t) => ({ tag: t.tag, value: followUpText(t.summary) }))]
        : [],
  };
}

function followUpText(summary: FollowUpSummary): string {
  const answered = `${summary.responses} of ${summary.asked} answered (${percentText(summary.responseRate)})`;
  const b = summary.breakdown;
  if (!b) return `${answered} · too few to show (fewer than ${summary.minResponses})`;
  const sustained = b.confidence.sustainedChange.n === 0 ? '' : ` · confidence change sustained ${meanText(b.confidence.sustainedChange, true)}`;
  return `${answered} · ${percentText(b.applied.share)} applied it${sustained}`;
}

export function renderPeriodReportCard(data: PeriodReportCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
