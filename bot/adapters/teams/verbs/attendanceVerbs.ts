import { attendanceSheet, AttendanceSheet, recordAttendance, recordPartialAttendance } from '../../../app/attendance/recordAttendance';
import { attendanceCardData, attendancePageCount, renderAttendanceCard } from '../cards/attendanceCard';
import { hoursText } from '../cards/hoursText';
import { attendancePageSubmission, attendanceSubmission } from './attendanceSchema';
import { offerActionData } from '../cardActionSchema';
import { VerbHandler } from './types';

export const attendanceVerbNames = {
  open: 'attendance.open.v1',
  /** The first, unpaged card: every toggle at once. Still answered for cards already in chats. */
  record: 'attendance.record.v1',
  /** The paged card: saves the page's marks, then shows the page asked for. */
  page: 'attendance.page.v1',
} as const;

/** Marking attendance: open the list for a session, then save it page by page (or, on an old card, all at once). */
export const attendanceVerbs: Record<string, VerbHandler> = {
  [attendanceVerbNames.open]: async (ctx, data) => {
    const { offerId } = offerActionData.parse(data);
    return renderAttendanceCard(attendanceCardData(await attendanceSheet(ctx.app, { offerId, personId: ctx.person.id })));
  },
  [attendanceVerbNames.record]: async (ctx, data) => {
    const { offerId, attendedIds } = attendanceSubmission.parse(data);
    const sheet = await recordAttendance(ctx.app, { offerId, recorder: ctx.person, attendedIds });
    return renderAttendanceCard(attendanceCardData(sheet, { text: savedText(sheet), color: 'Good' }));
  },
  [attendanceVerbNames.page]: async (ctx, data) => {
    const { offerId, showPage, attendedIds, absentIds } = attendancePageSubmission.parse(data);
    const sheet = await recordPartialAttendance(ctx.app, { offerId, recorder: ctx.person, attendedIds, absentIds });
    // Other pages may not be marked yet, so a long list reports a running total.
    const text = savedText(sheet, attendancePageCount(sheet) > 1 ? 'Saved so far' : 'Saved');
    return renderAttendanceCard(attendanceCardData(sheet, { text, color: 'Good' }, showPage));
  },
};

function savedText(sheet: AttendanceSheet, lead = 'Saved'): string {
  const attended = sheet.people.filter((p) => p.attended).length;
  return `${lead}: ${attended} of ${sheet.people.length} attended; each gets ${hoursText(sheet.minutes)} of CLPL and a feedback request after the session.`;
}
