import { OffersDashboard } from '../../app/reports/offersDashboard';
import { feedbackScales } from '../../domain/feedback';
import { Mean, OfferFollowUp } from '../../domain/impact';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The dashboard as the tab sees it. The breakdown is null below the minimum number of responses (impactReports.ts
 * withholds it); what people will do differently stays in the report card and CSV, not in this overview.
 */
export function presentDashboard(dashboard: OffersDashboard) {
  return {
    school: { name: dashboard.school.name },
    offers: dashboard.offers.map(({ offer, confirmed, waitlisted, impact }) => ({
      offerId: offer.id,
      title: offer.title,
      startsAt: offer.startsAt.toISOString(),
      timeZone: offer.timeZone,
      status: offer.status,
      capacity: offer.capacity,
      confirmed,
      waitlisted,
      impact: impact && {
        attended: impact.attended,
        responses: impact.responses,
        responseRate: impact.responseRate === null ? null : round2(impact.responseRate),
        minResponses: impact.minResponses,
        breakdown: impact.breakdown && {
          value: { mean: round2(impact.breakdown.value.mean), n: impact.breakdown.value.n },
          change: Object.fromEntries(feedbackScales.map((s) => [s, { mean: round2(impact.breakdown!.change[s].mean), n: impact.breakdown!.change[s].n }])),
        },
        followUp: presentFollowUp(impact.followUp),
      },
      csvPath: impact ? `/api/reports/offers/${encodeURIComponent(offer.id)}.csv` : null,
    })),
    periods: dashboard.periods.map((period, index) => ({
      label: period.label,
      csvPath: `/api/reports/periods/${index}.csv`,
      followUpCsvPath: `/api/reports/follow-ups/${index}.csv`,
    })),
  };
}

const mean = (m: Mean) => ({ mean: round2(m.mean), n: m.n });

/** Weeks later: null when the session has no follow-up; the breakdown null below the anonymity threshold. */
function presentFollowUp(followUp: OfferFollowUp | undefined) {
  if (!followUp?.window) return null;
  const { summary, window } = followUp;
  const b = summary.breakdown;
  return {
    opensAt: window.opensAt.toISOString(),
    asked: summary.asked,
    responses: summary.responses,
    responseRate: summary.responseRate === null ? null : round2(summary.responseRate),
    breakdown: b && {
      applied: { share: round2(b.applied.share), n: b.applied.n },
      confidence: { before: mean(b.confidence.before), after: mean(b.confidence.after), followUp: mean(b.confidence.followUp), sustainedChange: mean(b.confidence.sustainedChange) },
    },
  };
}
