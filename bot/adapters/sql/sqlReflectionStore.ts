import { Kysely } from 'kysely';
import { LineManagement } from '../../domain/lineManagement';
import { PromptDelivery, PromptRound, Reflection, ReflectionPrompt } from '../../domain/reflections';
import { NewNotice } from '../../ports/outbox';
import { ReflectionStore, ReflectionTransaction, TrackingCard } from '../../ports/reflectionStore';
import { promptFromRow, promptToRow, reflectionFromRow, reflectionToRow, roundFromRow, roundToRow } from './reflectionRows';
import { Database, Dialect } from './schema';
import { inWriteTransaction } from './transactions';
import { insertNotice } from './outboxRows';

export class SqlReflectionStore implements ReflectionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  transaction<T>(work: (tx: ReflectionTransaction) => Promise<T>): Promise<T> {
    return inWriteTransaction(this.db, this.dialect, (trx) => work(new SqlReflectionTransaction(trx)));
  }

  async findRound(roundId: string): Promise<PromptRound | undefined> {
    const row = await this.db.selectFrom('reflection_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
    return row && roundFromRow(row);
  }

  async promptsOfRound(roundId: string): Promise<ReflectionPrompt[]> {
    const rows = await this.db.selectFrom('reflection_prompts').selectAll().where('round_id', '=', roundId).orderBy('staff_name').orderBy('id').execute();
    return rows.map(promptFromRow);
  }

  async reflectionsOfRound(roundId: string): Promise<Reflection[]> {
    const rows = await this.db
      .selectFrom('reflections')
      .innerJoin('reflection_prompts', 'reflection_prompts.id', 'reflections.prompt_id')
      .selectAll('reflections')
      .where('reflection_prompts.round_id', '=', roundId)
      .execute();
    return rows.map(reflectionFromRow);
  }

  async findPrompt(promptId: string): Promise<ReflectionPrompt | undefined> {
    const row = await this.db.selectFrom('reflection_prompts').selectAll().where('id', '=', promptId).executeTakeFirst();
    return row && promptFromRow(row);
  }

  async findReflection(promptId: string): Promise<Reflection | undefined> {
    const row = await this.db.selectFrom('reflections').selectAll().where('prompt_id', '=', promptId).executeTakeFirst();
    return row && reflectionFromRow(row);
  }

  async promptsFor(staffId: string): Promise<ReflectionPrompt[]> {
    const rows = await this.db.selectFrom('reflection_prompts').selectAll().where('staff_id', '=', staffId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(promptFromRow);
  }

  async saveTrackingCard(card: TrackingCard): Promise<void> {
    await this.db
      .updateTable('reflection_rounds')
      .set((eb) => ({
        tracking_conversation_id: card.conversationId,
        tracking_activity_id: card.activityId,
        tracking_shown_revision: eb.ref('tracking_revision'),
        tracking_claimed_until: null,
      }))
      .where('id', '=', card.roundId)
      .execute();
  }

  async findTrackingCard(roundId: string): Promise<TrackingCard | undefined> {
    const row = await this.db
      .selectFrom('reflection_rounds')
      .select(['tracking_conversation_id', 'tracking_activity_id'])
      .where('id', '=', roundId)
      .executeTakeFirst();
    if (!row?.tracking_conversation_id || !row.tracking_activity_id) return undefined;
    return { roundId, conversationId: row.tracking_conversation_id, activityId: row.tracking_activity_id };
  }

  async setPromptDelivery(promptId: string, delivery: PromptDelivery): Promise<ReflectionPrompt | undefined> {
    await inWriteTransaction(this.db, this.dialect, async (trx) => {
      await trx.updateTable('reflection_prompts').set({ delivery }).where('id', '=', promptId).execute();
      await markTrackingStale(trx, promptId);
    });
    return this.findPrompt(promptId);
  }

  async replaceLineManagement(schoolId: string, entries: readonly LineManagement[]): Promise<void> {
    await inWriteTransaction(this.db, this.dialect, async (trx) => {
      await trx.deleteFrom('line_management').where('school_id', '=', schoolId).execute();
      // Chunked: SQLite limits the number of bound parameters in one statement.
      for (let i = 0; i < entries.length; i += 200) {
        const chunk = entries.slice(i, i + 200).map((e) => ({ school_id: schoolId, staff_id: e.staffId, manager_id: e.managerId }));
        await trx.insertInto('line_management').values(chunk).execute();
      }
    });
  }

  async setLineManager(schoolId: string, staffId: string, managerId: string | null): Promise<void> {
    if (managerId === null) {
      await this.db.deleteFrom('line_management').where('school_id', '=', schoolId).where('staff_id', '=', staffId).execute();
      return;
    }
    await this.db
      .insertInto('line_management')
      .values({ school_id: schoolId, staff_id: staffId, manager_id: managerId })
      .onConflict((oc) => oc.columns(['school_id', 'staff_id']).doUpdateSet({ manager_id: managerId }))
      .execute();
  }

  async lineManagement(schoolId: string): Promise<LineManagement[]> {
    const rows = await this.db.selectFrom('line_management').selectAll().where('school_id', '=', schoolId).orderBy('manager_id').orderBy('staff_id').execute();
    return rows.map((r) => ({ schoolId: r.school_id, staffId: r.staff_id, managerId: r.manager_id }));
  }
}

class SqlReflectionTransaction implements ReflectionTransaction {
  constructor(private readonly db: Kysely<Database>) {}

  async insertRound(round: PromptRound): Promise<void> {
    await this.db.insertInto('reflection_rounds').values(roundToRow(round)).execute();
  }

  async savePrompt(prompt: ReflectionPrompt): Promise<void> {
    const row = promptToRow(prompt);
    await this.db
      .insertInto('reflection_prompts')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ delivery: row.delivery, last_prompted_at: row.last_prompted_at, due_date: row.due_date, message: row.message }))
      .execute();
  }

  async saveReflection(reflection: Reflection): Promise<void> {
    const row = reflectionToRow(reflection);
    await this.db
      .insertInto('reflections')
      .values(row)
      .onConflict((oc) => oc.column('prompt_id').doUpdateSet({ answers: row.answers, status: row.status, updated_at: row.updated_at, submitted_at: row.submitted_at }))
      .execute();
    await markTrackingStale(this.db, reflection.promptId);
  }

  enqueueNotice(notice: NewNotice, at: Date): Promise<void> {
    return insertNotice(this.db, notice, at);
  }
}

/** The prompt's round changed: its tracking card is stale until a redraw records this revision (sqlTrackingCardLedger.ts). */
async function markTrackingStale(db: Kysely<Database>, promptId: string): Promise<void> {
  await db
    .updateTable('reflection_rounds')
    .set((eb) => ({ tracking_revision: eb('tracking_revision', '+', 1) }))
    .where('id', 'in', db.selectFrom('reflection_prompts').select('round_id').where('id', '=', promptId))
    .execute();
}
