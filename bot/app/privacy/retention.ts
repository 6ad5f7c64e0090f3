import { DateTime } from 'luxon';
import { leaverCutoff, pseudonymFor, retentionCutoff } from '../../domain/erasure';
import { NewJob } from '../../ports/jobs';
import { RetentionOutcome } from '../../ports/personalData';
import { AppDependencies } from '../dependencies';
import { eraseEverywhere } from './erasePerson';
import { defaultRetentionPolicy } from './privacyServices';

/** Who the audit names for erasures the retention job makes. */
export const retentionActor = 'retention';

/** The daily retention job of a given day (school time zone): one key per day, so each day's run is its own job. */
export function retentionJob(now: Date, timeZone: string, dayOffset = 0): NewJob {
  const day = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').plus({ days: dayOffset });
  // 02:30, out of school hours, and clear of the clock change at 01:00.
  const dueAt = day.set({ hour: 2, minute: 30 }).toJSDate();
  return { key: `privacy_retention:${day.toISODate()}`, dueAt, job: { kind: 'privacy_retention', day: day.toISODate()! } };
}

export interface RetentionRun {
  records: RetentionOutcome;
  leaversErased: number;
}

/**
 * The scheduled retention run: records of events older than the retention period are anonymised or deleted by the
 * erasure rules, and leavers past their own period are erased whole (goals in SharePoint too). Then tomorrow's run is
 * scheduled. A failure (Graph down) fails the job, which the job runner retries with backoff; what was done stays done.
 */
export async function runRetention(deps: AppDependencies): Promise<RetentionRun> {
  const policy = deps.privacy?.retention ?? defaultRetentionPolicy;
  const now = deps.clock.now();
  const pseudonyms = new Map<string, string>();
  const records = await deps.stores.personalData.applyRetention({
    before: retentionCutoff(now, policy.recordYears, deps.quietHours.timeZone),
    at: now,
    pseudonymFor: (personId) => {
      const existing = pseudonyms.get(personId);
      if (existing) return existing;
      const made = pseudonymFor(deps.newId());
      pseudonyms.set(personId, made);
      return made;
    },
  });
  let leaversErased = 0;
  for (const leaver of await deps.stores.personalData.leaversBefore(leaverCutoff(now, policy.leaverDays))) {
    const outcome = await eraseEverywhere(deps, { schoolId: leaver.schoolId, personId: leaver.personId, erasedById: retentionActor, reason: 'retention' });
    if (outcome.erased) leaversErased += 1;
  }
  return { records, leaversErased };
}

/** The job handler: runs retention, then makes sure tomorrow's run is queued. */
export async function retentionJobHandler(deps: AppDependencies): Promise<void> {
  await runRetention(deps);
  await deps.stores.jobs.scheduleIfAbsent(retentionJob(deps.clock.now(), deps.quietHours.timeZone, 1), deps.clock.now());
}
