import template from './periodReportCard.json';
import { PeriodReport } from '../../../domain/impact';
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
  };
}

export function renderPeriodReportCard(data: PeriodReportCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
