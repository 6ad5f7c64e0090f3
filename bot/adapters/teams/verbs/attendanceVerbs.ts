import { attendanceSheet, recordAttendance } from '../../../app/attendance/recordAttendance';
import { attendanceCardData, renderAttendanceCard } from '../cards/attendanceCard';
import { hoursText } from '../cards/hoursText';
import { attendanceSubmission } from './attendanceSchema';
import { offerActionData } from '../cardActionSchema';
import { VerbHandler } from './types';

export const attendanceVerbNames = {
  open: 'attendance.open.v1',
  record: 'attendance.record.v1',
} as const;

/** Marking attendance: open the list for a session, then save every toggle at once. */
export const attendanceVerbs: Record<string, VerbHandler> = {
  [attendanceVerbNames.open]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    return renderAttendanceCard(attendanceCardData(await attendanceSheet(ctx.app, { offerId, personId: ctx.person.id })));
  },
  [attendanceVerbNames.record]: async (ctx, data) => {
    const { offerId, attendedIds } = attendanceSubmission.parse(data);
    const sheet = await recordAttendance(ctx.app, { offerId, recorder: ctx.person, attendedIds });
    const attended = sheet.people.filter((p) => p.attended).length;
    const text = `Saved: ${attended} of ${sheet.people.length} attended; each gets ${hoursText(sheet.minutes)} of CLPL and a feedback request after the session.`;
    return renderAttendanceCard(attendanceCardData(sheet, { text, color: 'Good' }));
  },
};
