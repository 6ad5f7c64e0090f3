import { Kysely } from 'kysely';
import { Job, JobQueue, NewJob, QueuedJob } from '../../ports/jobs';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';

export class SqlJobQueue implements JobQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** Leases due jobs by moving their due time forward (see SqlOutbox.claimDue: the same pattern). */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<QueuedJob[]> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      let query = trx
        .selectFrom('scheduled_jobs')
        .selectAll()
        .where('status', '=', 'pending')
        .where('due_at', '<=', now.toISOString())
        .orderBy('due_at')
        .limit(limit);
      if (this.dialect === 'postgres') query = query.forUpdate().skipLocked();
      const rows = await query.execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('scheduled_jobs')
        .set((eb) => ({ due_at: new Date(now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({ id: Number(r.id), key: r.job_key, dueAt: new Date(r.due_at), job: JSON.parse(r.job) as Job, attempts: Number(r.attempts) + 1 }));
    });
  }

  async markDone(id: number, now: Date): Promise<void> {
    await this.db.updateTable('scheduled_jobs').set({ status: 'done', finished_at: now.toISOString(), last_error: null }).where('id', '=', id).execute();
  }

  async retryLater(id: number, reason: string, at: Date): Promise<void> {
    await this.db.updateTable('scheduled_jobs').set({ due_at: at.toISOString(), last_error: reason }).where('id', '=', id).execute();
  }

  async markFailed(id: number, reason: string, now: Date): Promise<void> {
    await this.db.updateTable('scheduled_jobs').set({ status: 'failed', last_error: reason, finished_at: now.toISOString() }).where('id', '=', id).execute();
  }

  async scheduleIfAbsent(job: NewJob, now: Date): Promise<void> {
    await this.db
      .insertInto('scheduled_jobs')
      .values({ job_key: job.key, job: JSON.stringify(job.job), status: 'pending', due_at: job.dueAt.toISOString(), attempts: 0, last_error: null, created_at: now.toISOString(), finished_at: null })
      .onConflict((oc) => oc.column('job_key').doNothing())
      .execute();
  }

  async cancel(key: string): Promise<void> {
    await this.db.updateTable('scheduled_jobs').set({ status: 'cancelled' }).where('job_key', '=', key).where('status', '=', 'pending').execute();
  }
}
