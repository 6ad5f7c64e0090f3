import template from './attendanceCard.json';
import { AttendanceSheet } from '../../../app/attendance/recordAttendance';
import { hoursText } from './hoursText';
import { sessionTime } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Toggle ids are positions, not person ids (ids are opaque strings); each toggle's valueOn carries the person id. */
export const attendanceInputPrefix = 'attended_';

export interface AttendanceCardData {
  offerId: string;
  title: string;
  when: string;
  hoursText: string;
  message: string;
  messageColor: 'Good' | 'Attention' | 'Default';
  people: Array<{ inputId: string; personId: string; name: string; value: string }>;
}

export function attendanceCardData(sheet: AttendanceSheet, message: { text: string; color: AttendanceCardData['messageColor'] } = { text: '', color: 'Default' }): AttendanceCardData {
  return {
    offerId: sheet.offer.id,
    title: sheet.offer.title,
    when: sessionTime(sheet.offer),
    hoursText: hoursText(sheet.minutes),
    message: message.text,
    messageColor: message.color,
    people: sheet.people.map(({ person, attended }, index) => ({
      inputId: `${attendanceInputPrefix}${index}`,
      personId: person.id,
      name: person.name,
      value: attended ? person.id : '',
    })),
  };
}

export function renderAttendanceCard(data: AttendanceCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
