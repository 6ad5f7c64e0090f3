import { DateTime } from 'luxon';
import { defaultQuietHours, deliveryTimeBefore, nextAllowedTime } from '../../bot/domain/quietHours';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();
const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/London' }).toFormat("ccc yyyy-MM-dd HH:mm");

describe('quiet hours', () => {
  it('a weekday afternoon is allowed as it is', () => {
    expect(local(nextAllowedTime(london('2026-12-02T15:30'), defaultQuietHours))).toBe('Wed 2026-12-02 15:30');
  });

  it('a weekday evening waits until 07:00 the next morning', () => {
    expect(local(nextAllowedTime(london('2026-12-02T21:15'), defaultQuietHours))).toBe('Thu 2026-12-03 07:00');
  });

  it('the small hours wait until 07:00 the same day', () => {
    expect(local(nextAllowedTime(london('2026-12-03T03:00'), defaultQuietHours))).toBe('Thu 2026-12-03 07:00');
  });

  it('a Friday evening and the weekend wait until Monday 07:00', () => {
    expect(local(nextAllowedTime(london('2026-12-04T20:00'), defaultQuietHours))).toBe('Mon 2026-12-07 07:00');
    expect(local(nextAllowedTime(london('2026-12-06T12:00'), defaultQuietHours))).toBe('Mon 2026-12-07 07:00');
  });

  it('weekends can be allowed', () => {
    expect(local(nextAllowedTime(london('2026-12-05T12:00'), { ...defaultQuietHours, weekendsQuiet: false }))).toBe('Sat 2026-12-05 12:00');
  });

  it('07:00 in local time is kept across the clocks going back in October', () => {
    const allowed = nextAllowedTime(london('2026-10-24T22:00'), { ...defaultQuietHours, weekendsQuiet: false });
    expect(local(allowed)).toBe('Sun 2026-10-25 07:00');
    expect(allowed.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('a daytime quiet window (not overnight) is honoured too', () => {
    const lunch = { ...defaultQuietHours, startsAt: '12:00', endsAt: '13:00' };
    expect(local(nextAllowedTime(london('2026-12-02T12:30'), lunch))).toBe('Wed 2026-12-02 13:00');
    expect(local(nextAllowedTime(london('2026-12-02T13:30'), lunch))).toBe('Wed 2026-12-02 13:30');
  });
});

describe('delivery before a deadline', () => {
  it('waits for the morning when the deadline is later', () => {
    const at = deliveryTimeBefore(london('2026-12-02T21:00'), london('2026-12-03T15:45'), defaultQuietHours);
    expect(local(at)).toBe('Thu 2026-12-03 07:00');
  });

  it('goes at once when waiting would miss the deadline', () => {
    const now = london('2026-12-02T21:00');
    expect(deliveryTimeBefore(now, london('2026-12-03T06:30'), defaultQuietHours)).toEqual(now);
  });
});
