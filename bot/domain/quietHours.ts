import { DateTime } from 'luxon';

/** When non-urgent messages may reach staff: not at night, not at weekends, in the school's time zone. */
export interface QuietHours {
  timeZone: string;
  /** Local "HH:mm" at which quiet time starts (e.g. 20:00) and ends (e.g. 07:00). */
  startsAt: string;
  endsAt: string;
  weekendsQuiet: boolean;
}

export const defaultQuietHours: QuietHours = { timeZone: 'Europe/London', startsAt: '20:00', endsAt: '07:00', weekendsQuiet: true };

/** The first moment at or after `at` outside quiet time. */
export function nextAllowedTime(at: Date, quiet: QuietHours): Date {
  let local: DateTime = DateTime.fromJSDate(at, { zone: quiet.timeZone });
  for (let guard = 0; guard < 10; guard++) {
    const weekend = quiet.weekendsQuiet && local.weekday >= 6;
    if (weekend) {
      local = startOfWindow(local.plus({ days: 8 - local.weekday }).startOf('day'), quiet);
      continue;
    }
    const minutes = local.hour * 60 + local.minute;
    const start = minutesOf(quiet.startsAt);
    const end = minutesOf(quiet.endsAt);
    const overnight = start > end;
    const inQuiet = overnight ? minutes >= start || minutes < end : minutes >= start && minutes < end;
    if (!inQuiet) return local.toJSDate();
    local = overnight && minutes >= start ? startOfWindow(local.plus({ days: 1 }).startOf('day'), quiet) : startOfWindow(local.startOf('day'), quiet);
  }
  return local.toJSDate();
}

/**
 * When a non-urgent message may go: once quiet time is over, unless waiting would take it past `deadline` (the start
 * of the session, the close of feedback), in which case at once: late news beats news after the fact.
 */
export function deliveryTimeBefore(now: Date, deadline: Date, quiet: QuietHours): Date {
  const allowed = nextAllowedTime(now, quiet);
  return allowed.getTime() < deadline.getTime() ? allowed : now;
}

function startOfWindow(day: DateTime, quiet: QuietHours): DateTime {
  const end = minutesOf(quiet.endsAt);
  return day.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
