import { startTestbed } from '../support/clplTestbed';
import { connector, describeGroupSafety } from './groupSafetySuite';

describe('groups of schools kept apart (SQLite)', () => {
  describeGroupSafety((clock, env) => startTestbed({ clock, env, connector }));
});
