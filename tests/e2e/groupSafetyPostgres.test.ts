import { startTestbed } from '../support/clplTestbed';
import { describeWithPostgres, TestSchema } from '../support/postgres';
import { connector, describeGroupSafety } from './groupSafetySuite';

describeWithPostgres('groups of schools kept apart (PostgreSQL)', (database) => {
  let schema: TestSchema | null = null;
  afterEach(async () => {
    await schema?.drop();
    schema = null;
  });
  describeGroupSafety(async (clock, env) => {
    schema = await database.createSchema();
    return startTestbed({ clock, env: { ...env, DATABASE_URL: schema.url }, connector });
  });
});
