import { Kysely } from 'kysely';
import { WorkPattern, WorkPatternStore } from '../../ports/workPatterns';
import { Database } from './schema';

export class SqlWorkPatternStore implements WorkPatternStore {
  constructor(private readonly db: Kysely<Database>) {}

  async workPatternOf(personId: string): Promise<WorkPattern | undefined> {
    const row = await this.db.selectFrom('work_patterns').selectAll().where('person_id', '=', personId).executeTakeFirst();
    return (
      row && {
        personId: row.person_id,
        ftePercent: Number(row.fte_percent),
        setBy: { id: row.set_by_id, name: row.set_by_name },
        setAt: new Date(row.set_at),
      }
    );
  }

  async saveWorkPattern(pattern: WorkPattern): Promise<void> {
    const values = { fte_percent: pattern.ftePercent, set_by_id: pattern.setBy.id, set_by_name: pattern.setBy.name, set_at: pattern.setAt.toISOString() };
    await this.db
      .insertInto('work_patterns')
      .values({ person_id: pattern.personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
  }
}
