import { offerImpactReport, schoolPeriodReport } from '../../../app/reports/impactReports';
import { schoolForPerson } from '../../../app/schools';
import { offerActionData } from '../cardActionSchema';
import { impactReportCardData, renderImpactReportCard } from '../cards/impactReportCard';
import { periodReportCardData, renderPeriodReportCard } from '../cards/periodReportCard';
import { periodActionData } from './reportSchema';
import { VerbHandler } from './types';

export const reportVerbNames = {
  offer: 'report.offer.v1',
  period: 'report.period.v1',
} as const;

/** The impact report for SLT: one session's impact, or hours by person and tag over a year or term. */
export const reportVerbs: Record<string, VerbHandler> = {
  [reportVerbNames.offer]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    return renderImpactReportCard(impactReportCardData(await offerImpactReport(ctx.app, { offerId, personId: ctx.person.id })));
  },
  [reportVerbNames.period]: async (ctx, data) => {
    const { periodIndex } = periodActionData.parse(data);
    const schoolId = ctx.schoolId ?? (await schoolForPerson(ctx.app, ctx.person.id)).id;
    const report = await schoolPeriodReport(ctx.app, { schoolId, personId: ctx.person.id, periodIndex });
    return renderPeriodReportCard(periodReportCardData(report, ctx.app.evidence.yearlyTargetHours));
  },
};
