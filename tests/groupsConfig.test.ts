import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';

const dir = mkdtempSync(join(tmpdir(), 'clpl-groups-'));
function fileWith(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const badGroups = {
  groups: [
    { id: 'ric', name: 'The RIC', kind: 'collaborative', groups: ['falkirk', 'ghost'], leads: ['lead@school.org'] },
    { id: 'falkirk', name: '', kind: 'authority', groups: ['ric'] },
    { id: 'falkirk', name: 'Again', kind: 'cluster' },
  ],
};

describe('the groups file (CLPL_GROUPS_FILE)', () => {
  it('is optional', () => {
    expect(loadConfig({ CLPL_LOCAL: '1' }).groups).toBeNull();
  });

  it('reads the example file in docs/', () => {
    const groups = loadConfig({ CLPL_LOCAL: '1', CLPL_GROUPS_FILE: resolve(__dirname, '../docs/groups.example.json') }).groups;
    expect(groups?.definitions.map((g) => g.id)).toEqual(['fvwl-ric', 'falkirk', 'stirling', 'larbert-cluster']);
    expect(groups?.definitions[2]).toEqual({ id: 'stirling', name: 'Stirling Council', kind: 'authority', schools: ['19:wallace-high-staff@thread.tacv2'], groups: [], leads: [] });
    expect(groups?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists every problem with a bad file, beside the other settings’ problems', () => {
    const problems = problemsOf({ CLPL_LOCAL: '1', CLPL_TIME_ZONE: 'Mars/Olympus', CLPL_GROUPS_FILE: fileWith('bad.json', badGroups) });
    expect(problems).toEqual([
      expect.stringContaining('CLPL_TIME_ZONE'),
      expect.stringMatching(/CLPL_GROUPS_FILE .*bad\.json: group "ric": the lead "lead@school\.org" is not a person's id/),
      expect.stringContaining('group "falkirk": the name is empty.'),
      expect.stringContaining('group "falkirk": the id is used by more than one group.'),
      expect.stringContaining('group "ric": contains the group "ghost", which is not defined.'),
      expect.stringContaining('groups contain one another in a cycle: falkirk → ric → falkirk.'),
    ]);
  });

  it('names misspelt keys, unknown kinds and a file that is not JSON', () => {
    const misspelt = problemsOf({ CLPL_LOCAL: '1', CLPL_GROUPS_FILE: fileWith('keys.json', { groups: [{ id: 'a', name: 'A', kind: 'region', school: ['x'] }] }) });
    expect(misspelt).toEqual([expect.stringContaining('groups.0.kind'), expect.stringContaining("Unrecognized key(s) in object: 'school'")]);
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_GROUPS_FILE: fileWith('broken.json', '{ "groups": [') })).toEqual([expect.stringContaining('cannot read it as JSON')]);
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_GROUPS_FILE: join(dir, 'missing.json') })).toEqual([expect.stringContaining('cannot read it as JSON')]);
  });

  it('a bad file stops the app before it starts, exiting 2 with every problem listed', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../bot/main.ts')], {
      cwd: resolve(__dirname, '..'),
      env: { PATH: process.env.PATH, DOTENV_CONFIG_PATH: join(dir, 'no.env'), CLPL_LOCAL: '1', PORT: '0', SQLITE_FILE: join(dir, 'never.sqlite'), CLPL_GROUPS_FILE: fileWith('stop.json', badGroups) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Configuration is not valid');
    for (const expected of ['is not a person\'s id', 'the name is empty', 'used by more than one group', '"ghost", which is not defined', 'in a cycle']) expect(run.stderr).toContain(expected);
    expect(run.stdout).not.toContain('CLPL is running');
  });
});
