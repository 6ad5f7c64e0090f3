import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string | null;
  tzid: string | null;
  /** Wall-clock time as written, e.g. "2026-10-25T16:00:00". */
  localStart: string;
  localEnd: string;
  /** The instant, resolved through the document's own VTIMEZONE. */
  start: Date;
  end: Date;
}

/** Reads an iCalendar document with ical.js (Mozilla's RFC 5545 parser), resolving times through its VTIMEZONEs. */
export function parseIcs(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  try {
    const events = calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        sequence: event.sequence,
        status: (component.getFirstPropertyValue('status') as string | null) ?? null,
        summary: event.summary,
        location: event.location || null,
        tzid: (component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
        localStart: event.startDate.toString(),
        localEnd: event.endDate.toString(),
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
      };
    });
    return { name: (calendar.getFirstPropertyValue('x-wr-calname') as string | null) ?? null, events };
  } finally {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
  }
}
