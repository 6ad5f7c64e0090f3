import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { CalendarEntry } from '../../app/calendar/calendarEntries';

const statusOf: Record<CalendarEntry['status'], ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * Writes entries as an iCalendar (RFC 5545) document. Times are local wall-clock times with their TZID and a
 * VTIMEZONE for each zone used, so a session stays at 16:00 in Edinburgh whichever side of a clock change it falls on.
 * The library formats a plain Date in UTC whatever its TZID says, hence the zoned luxon DateTimes.
 */
export function renderIcs(entries: readonly CalendarEntry[], options: { name: string; refreshMinutes?: number }): string {
  // No calendar-wide zone (name null) so that DTSTAMP stays in UTC, as RFC 5545 requires; the generator still writes
  // a VTIMEZONE for every event's own zone.
  const calendar = ical({
    name: options.name,
    prodId: { company: 'CLPL for Microsoft Teams', product: 'CLPL', language: 'EN' },
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: (options.refreshMinutes ?? 60) * 60,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      start: DateTime.fromJSDate(entry.startsAt, { zone: entry.timeZone }),
      end: DateTime.fromJSDate(entry.endsAt, { zone: entry.timeZone }),
      timezone: entry.timeZone,
      summary: entry.title,
      description: entry.description,
      location: entry.location,
      url: entry.onlineLink,
      status: statusOf[entry.status],
    });
  }
  return calendar.toString();
}
