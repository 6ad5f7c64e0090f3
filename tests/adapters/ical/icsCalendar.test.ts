import { DateTime } from 'luxon';
import { calendarEntryOf } from '../../../bot/app/calendar/calendarEntries';
import { renderIcs } from '../../../bot/adapters/ical/icsCalendar';
import { buildOffer } from '../../factories';
import { parseIcs } from '../../support/icsParser';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();

describe('the iCalendar file of a session', () => {
  it('keeps local wall-clock times either side of the October clock change (last Sunday of October 2026)', () => {
    const beforeChange = buildOffer({ startsAt: london('2026-10-24T16:00'), endsAt: london('2026-10-24T17:30'), signUpsCloseAt: london('2026-10-23T12:00') });
    const afterChange = buildOffer({ startsAt: london('2026-10-25T16:00'), endsAt: london('2026-10-25T17:30'), signUpsCloseAt: london('2026-10-24T12:00') });

    const { events } = parseIcs(renderIcs([beforeChange, afterChange].map((offer) => calendarEntryOf({ offer, status: 'confirmed' })), { name: 'CLPL sessions' }));

    expect(events.map((e) => [e.tzid, e.localStart, e.localEnd])).toEqual([
      ['Europe/London', '2026-10-24T16:00:00', '2026-10-24T17:30:00'],
      ['Europe/London', '2026-10-25T16:00:00', '2026-10-25T17:30:00'],
    ]);
    expect(events[0]!.start.toISOString()).toBe('2026-10-24T15:00:00.000Z');
    expect(events[1]!.start.toISOString()).toBe('2026-10-25T16:00:00.000Z');
  });

  it('keeps local wall-clock times on the day the clocks go forward (last Sunday of March 2027)', () => {
    const offer = buildOffer({ startsAt: london('2027-03-28T10:00'), endsAt: london('2027-03-28T11:00'), signUpsCloseAt: london('2027-03-27T10:00') });
    const [event] = parseIcs(renderIcs([calendarEntryOf({ offer, status: 'confirmed' })], { name: 'x' })).events;
    expect(event!.localStart).toBe('2027-03-28T10:00:00');
    expect(event!.start.toISOString()).toBe('2027-03-28T09:00:00.000Z');
  });

  it('has one stable UID per offer and the revision as SEQUENCE, so a newer version replaces the older one', () => {
    const offer = buildOffer({ revision: 3 });
    const first = parseIcs(renderIcs([calendarEntryOf({ offer, status: 'confirmed' })], { name: 'x' })).events[0]!;
    const later = parseIcs(renderIcs([calendarEntryOf({ offer: { ...offer, title: 'Renamed', revision: 4 }, status: 'confirmed' })], { name: 'x' })).events[0]!;
    expect(later.uid).toBe(first.uid);
    expect(later.uid).toContain(offer.id);
    expect(later.sequence).toBeGreaterThan(first.sequence);
  });

  it('marks a cancelled session CANCELLED and a waitlist place TENTATIVE', () => {
    const cancelled = calendarEntryOf({ offer: buildOffer({ status: 'cancelled' }), status: 'confirmed' });
    const waitlisted = calendarEntryOf({ offer: buildOffer(), status: 'waitlisted' });
    const { events } = parseIcs(renderIcs([cancelled, waitlisted], { name: 'x' }));
    expect(events.map((e) => e.status)).toEqual(['CANCELLED', 'TENTATIVE']);
    expect(events[0]!.summary).toMatch(/^Cancelled: /);
  });

  it('escapes text so a comma, semicolon or new line in a title or room cannot break the file', () => {
    const offer = buildOffer({ title: 'Reading; writing, and\nnumeracy', location: 'Room 1, Block B; upstairs' });
    const [event] = parseIcs(renderIcs([calendarEntryOf({ offer, status: 'confirmed' })], { name: 'x' })).events;
    expect(event!.summary).toBe('Reading; writing, and\nnumeracy');
    expect(event!.location).toBe('Room 1, Block B; upstairs');
  });
});
