import { myAttendedHours } from '../../../app/attendance/myHours';
import { sessionsToMark } from '../../../app/attendance/recordAttendance';
import { reportableOffers, reportPeriods } from '../../../app/reports/impactReports';
import { groupOffersToReport } from '../../../app/reports/groupOfferReaders';
import { DomainError } from '../../../domain/errors';
import { myHoursCardData, renderMyHoursCard } from '../cards/myHoursCard';
import { offerListCardData, renderOfferListCard } from '../cards/offerListCard';
import { attendanceVerbNames } from '../verbs/attendanceVerbs';
import { reportVerbNames } from '../verbs/reportVerbs';
import { TextCommand } from './types';

export const attendance: TextCommand = {
  name: 'attendance',
  phrases: /^(attendance|mark attendance|register|take the register)$/,
  help: { title: 'attendance', text: 'Mark who attended a session you facilitated (or any session, for SLT).', forSlt: false },
  async run(ctx) {
    // A group's lead may belong to no school the bot knows (an authority officer): they still mark their groups' sessions.
    const leadsGroups = (await ctx.app.stores.groups.groupsLedBy(ctx.person.id)).length > 0;
    const schoolId = leadsGroups ? await ctx.schoolId().catch(() => null) : await ctx.schoolId();
    const offers = await sessionsToMark(ctx.app, { schoolId, personId: ctx.person.id });
    await ctx.replyCard(
      renderOfferListCard(
        offerListCardData({
          heading: 'Mark attendance',
          intro: 'Sessions from the last 60 days that you can mark.',
          emptyText: 'There are no recent sessions for you to mark. Attendance is marked by the facilitator or a senior leader once the session has started.',
          buttonTitle: 'Mark attendance',
          verb: attendanceVerbNames.open,
          offers,
        }),
      ),
    );
  },
};

export const report: TextCommand = {
  name: 'report',
  phrases: /^(report|impact report|impact|clpl report)$/,
  help: { title: 'report', text: 'The impact of CLPL this school year: per session, or hours by person and tag (a group lead: your groups\' sessions).', forSlt: true, forGroupLeads: true },
  async run(ctx) {
    // A group's CLPL lead (who may be SLT nowhere, or belong to no school the bot knows) gets their groups' sessions.
    const groupOffers = await groupOffersToReport(ctx.app, ctx.person.id);
    const leadsGroups = groupOffers.length > 0 || (await ctx.app.stores.groups.groupsLedBy(ctx.person.id)).length > 0;
    const schoolId = leadsGroups ? await ctx.schoolId().catch(() => null) : await ctx.schoolId();
    const isSlt = schoolId !== null && ctx.app.leadership.isSlt(schoolId, ctx.person.id);
    if (!isSlt && !leadsGroups) throw new DomainError('not_slt');
    const ofSchool = isSlt ? await reportableOffers(ctx.app, { schoolId, personId: ctx.person.id }) : [];
    const offers = [...new Map([...ofSchool, ...groupOffers].map((o) => [o.id, o])).values()].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
    await ctx.replyCard(
      renderOfferListCard(
        offerListCardData({
          heading: 'CLPL impact report',
          intro: isSlt ? 'Choose a session for its attendance and feedback, or a period for hours by person and tag.' : 'Choose a session of a group you lead for its attendance and feedback.',
          emptyText: 'No sessions have taken place yet this school year.',
          buttonTitle: 'Impact report',
          verb: reportVerbNames.offer,
          offers,
          ...(isSlt ? { periods: reportPeriods(ctx.app) } : {}),
        }),
      ),
    );
  },
};

export const myHours: TextCommand = {
  name: 'myHours',
  phrases: /^(my hours|my clpl hours|hours)$/,
  help: { title: 'my hours', text: 'Your CLPL hours this school year against the yearly target.', forSlt: false },
  async run(ctx) {
    await ctx.replyCard(renderMyHoursCard(myHoursCardData(await myAttendedHours(ctx.app, ctx.person.id))));
  },
};
