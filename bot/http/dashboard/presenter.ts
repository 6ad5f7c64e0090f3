import { OffersDashboard } from '../../app/reports/offersDashboard';
import { feedbackScales } from '../../domain/feedback';

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
      },
      csvPath: impact ? `/api/reports/offers/${encodeURIComponent(offer.id)}.csv` : null,
    })),
    periods: dashboard.periods.map((period, index) => ({ label: period.label, csvPath: `/api/reports/periods/${index}.csv` })),
  };
}
