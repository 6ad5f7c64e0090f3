import template from './attendanceCard.json';
import { AttendanceSheet } from '../../../app/attendance/recordAttendance';
import { hoursText } from './hoursText';
import { sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Toggle ids of the first, unpaged card (attendance.record.v1): positions in the whole list. */
export const attendanceInputPrefix = 'attended_';

/**
 * Toggle ids of the paged card (attendance.page.v1): positions on the page, not person ids (ids are opaque
 * strings). Each toggle sends its person either way, so a page's submission says who was on it, ticked or not.
 */
export const attendanceMarkPrefix = 'mark_';
export const absentValuePrefix = 'absent:';

/** Teams refuses a card over about 28 KB; 40 toggles with long names and ids stay well inside it. */
export const attendancePageSize = 40;

export interface AttendanceCardData {
  offerId: string;
  title: string;
  when: string;
  hoursText: string;
  message: string;
  messageColor: 'Good' | 'Attention' | 'Default';
  instructions: string;
  /** "Page 2 of 5 · people 41–80 of 200", or empty when everyone fits on one page. */
  pageLine: string;
  people: Array<{ inputId: string; name: string; value: string; valueOn: string; valueOff: string }>;
  buttons: Array<{ title: string; style: 'default' | 'positive'; showPage: string }>;
}

export function attendancePageCount(sheet: AttendanceSheet): number {
  return Math.max(1, Math.ceil(sheet.people.length / attendancePageSize));
}

/** One page of the sheet (1-based; out of range shows the nearest page, as the list may have shrunk since). */
export function attendanceCardData(
  sheet: AttendanceSheet,
  message: { text: string; color: AttendanceCardData['messageColor'] } = { text: '', color: 'Default' },
  page = 1,
): AttendanceCardData {
  const pages = attendancePageCount(sheet);
  const current = Math.min(Math.max(1, Math.trunc(page)), pages);
  const first = (current - 1) * attendancePageSize;
  const onPage = sheet.people.slice(first, first + attendancePageSize);
  const paged = pages > 1;
  return {
    offerId: sheet.offer.id,
    title: sheet.offer.title,
    when: sessionTime(sheet.offer),
    hoursText: hoursText(sheet.minutes),
    message: message.text,
    messageColor: message.color,
    instructions: paged ? 'Switch on everyone who attended. Going to another page saves this one first.' : 'Switch on everyone who attended, then save once.',
    pageLine: paged ? `Page ${current} of ${pages} · people ${first + 1}–${first + onPage.length} of ${sheet.people.length}` : '',
    people: onPage.map(({ person, attended }, index) => ({
      inputId: `${attendanceMarkPrefix}${index}`,
      name: person.name,
      value: attended ? person.id : `${absentValuePrefix}${person.id}`,
      valueOn: person.id,
      valueOff: `${absentValuePrefix}${person.id}`,
    })),
    buttons: onPage.length === 0 ? [] : buttonsFor(current, pages),
  };
}

function buttonsFor(page: number, pages: number): AttendanceCardData['buttons'] {
  return [
    ...(page > 1 ? [{ title: 'Previous page', style: 'default' as const, showPage: String(page - 1) }] : []),
    ...(page < pages ? [{ title: 'Next page', style: 'default' as const, showPage: String(page + 1) }] : []),
    { title: pages > 1 ? 'Save this page' : 'Save attendance', style: 'positive' as const, showPage: String(page) },
  ];
}

export function renderAttendanceCard(data: AttendanceCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
