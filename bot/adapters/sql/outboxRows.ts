import { Kysely } from 'kysely';
import { NewNotice } from '../../ports/outbox';
import { Database } from './schema';

/** Queues a notice in the outbox (once per idempotency key), inside whatever transaction `db` belongs to. */
export async function insertNotice(db: Kysely<Database>, notice: NewNotice, at: Date): Promise<void> {
  await noticeInsert(db, notice, at).execute();
}

/** The statement that queues a notice, to run where the caller chooses. */
export function noticeInsert(db: Kysely<Database>, notice: NewNotice, at: Date) {
  return db
    .insertInto('outbox')
    .values({
      idempotency_key: notice.idempotencyKey,
      school_id: notice.schoolId,
      recipient_id: notice.recipientId,
      notice: JSON.stringify(notice.notice),
      status: 'pending',
      attempts: 0,
      available_at: (notice.notBefore ?? at).toISOString(),
      last_error: null,
      created_at: at.toISOString(),
      sent_at: null,
      given_up_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing());
}
