import { Kysely } from 'kysely';
import { ProgrammeImport } from '../../domain/programme';
import { NewJob } from '../../ports/jobs';
import { ProgrammeImportStore } from '../../ports/programmeImports';
import { programmeFromRow, programmeToRow } from './programmeRows';
import { Database, Dialect } from './schema';
import { hotQueries, HotQueries, kyselyTarget, SqlOfferTransaction } from './sqlOfferStore';
import { inWriteTransaction } from './transactions';

export class SqlProgrammeImportStore implements ProgrammeImportStore {
  private readonly queries: HotQueries;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {
    this.queries = hotQueries(dialect);
  }

  async save(programme: ProgrammeImport): Promise<void> {
    await this.db.insertInto('programme_imports').values(programmeToRow(programme)).execute();
  }

  async find(importId: string): Promise<ProgrammeImport | undefined> {
    const row = await this.db.selectFrom('programme_imports').selectAll().where('id', '=', importId).executeTakeFirst();
    return row && programmeFromRow(row);
  }

  /** The conditional update decides: of two confirmations at once, one changes the row and queues the jobs. */
  schedule(importId: string, jobs: readonly NewJob[], now: Date): Promise<boolean> {
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      if (!(await this.decide(trx, importId, 'scheduled', now))) return false;
      const tx = new SqlOfferTransaction(kyselyTarget(trx), this.queries, this.dialect);
      for (const job of jobs) await tx.scheduleJob(job, now);
      return true;
    });
  }

  cancel(importId: string, now: Date): Promise<boolean> {
    return this.decide(this.db, importId, 'cancelled', now);
  }

  private async decide(db: Kysely<Database>, importId: string, status: 'scheduled' | 'cancelled', now: Date): Promise<boolean> {
    const result = await db
      .updateTable('programme_imports')
      .set({ status, decided_at: now.toISOString() })
      .where('id', '=', importId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
