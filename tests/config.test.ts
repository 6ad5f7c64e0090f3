import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../bot/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('school approval holds a place 72 hours for SLT by default; the hold and the route are checked', () => {
    expect(loadConfig({ CLPL_LOCAL: '1' }).approval).toEqual({ holdMs: 72 * 3_600_000, route: 'slt' });
    expect(loadConfig({ CLPL_LOCAL: '1', CLPL_APPROVAL_HOLD_HOURS: '24', CLPL_APPROVAL_BY: 'line_manager' }).approval).toEqual({ holdMs: 24 * 3_600_000, route: 'line_manager' });
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_APPROVAL_HOLD_HOURS: '0' }).join()).toContain('CLPL_APPROVAL_HOLD_HOURS');
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_APPROVAL_HOLD_HOURS: 'soon' }).join()).toContain('CLPL_APPROVAL_HOLD_HOURS');
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_APPROVAL_BY: 'head' }).join()).toContain('CLPL_APPROVAL_BY');
  });

  it('retention defaults to 6 years for records and 90 days for leavers, and refuses what is not a whole period', () => {
    expect(loadConfig({ CLPL_LOCAL: '1' }).retention).toEqual({ recordYears: 6, leaverDays: 90 });
    expect(loadConfig({ CLPL_LOCAL: '1', CLPL_RETENTION_YEARS: '3', CLPL_LEAVER_RETENTION_DAYS: '0' }).retention).toEqual({ recordYears: 3, leaverDays: 0 });
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_RETENTION_YEARS: '0.5' }).join()).toContain('CLPL_RETENTION_YEARS');
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_LEAVER_RETENTION_DAYS: 'soon' }).join()).toContain('CLPL_LEAVER_RETENTION_DAYS');
  });

  it('runs locally on loopback with the embedded store when local mode is asked for', () => {
    const config = loadConfig({ CLPL_LOCAL: '1' });
    expect(config.localMode).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.database).toEqual({ kind: 'sqlite', file: './data/clpl.sqlite' });
    expect(config.timeZone).toBe('Europe/London');
  });

  it('refuses to start without a bot identity unless local mode is asked for', () => {
    expect(problemsOf({})).toEqual([expect.stringContaining('MicrosoftAppId is not set')]);
  });

  it('refuses local mode on an address other than loopback', () => {
    expect(problemsOf({ CLPL_LOCAL: '1', HOST: '0.0.0.0' })).toEqual([expect.stringContaining('only listens on a loopback address')]);
  });

  it('turns local mode off when a bot identity is configured, and listens on all addresses', () => {
    const config = loadConfig({ CLPL_LOCAL: '1', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant' });
    expect(config.localMode).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.botIdentity).toEqual({ kind: 'SingleTenant', appId: 'app', password: 'secret', tenantId: 'tenant' });
  });

  it('accepts a user-assigned managed identity without a password', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMsi', MicrosoftAppTenantId: 'tenant' });
    expect(config.botIdentity).toEqual({ kind: 'UserAssignedMsi', appId: 'app', tenantId: 'tenant' });
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ MicrosoftAppId: 'app', CLPL_TIME_ZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x' });
    expect(problems).toEqual([
      expect.stringContaining('MicrosoftAppTenantId is required'),
      expect.stringContaining('MicrosoftAppPassword is required'),
      expect.stringContaining('CLPL_TIME_ZONE'),
      expect.stringContaining('DATABASE_URL must start with postgres://'),
    ]);
  });

  it('rejects multi-tenant bots, which Azure no longer offers', () => {
    expect(problemsOf({ MicrosoftAppId: 'app', MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 'x' })).toEqual([
      expect.stringContaining('MultiTenant is not supported'),
    ]);
  });

  it('rejects a port that is not a number', () => {
    expect(problemsOf({ CLPL_LOCAL: '1', PORT: 'eighty' })[0]).toMatch(/^PORT/);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ CLPL_LOCAL: '1', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
  });

  it('reads SLT ids and the school priorities as lists', () => {
    const config = loadConfig({ CLPL_LOCAL: '1', CLPL_SLT_IDS: 'a, b,,c', CLPL_SCHOOL_PRIORITIES: 'Outdoor learning; Digital skills' });
    expect(config.sltIds).toEqual(['a', 'b', 'c']);
    expect(config.tagCatalogue.priorities.slice(-2)).toEqual(['Outdoor learning', 'Digital skills']);
  });

  it('reads several schools from a file, and explains a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clpl-config-'));
    const good = join(dir, 'schools.json');
    writeFileSync(good, JSON.stringify([{ id: 'team-1', name: 'Balerno High', sltIds: ['s1'], clplChannelId: '19:c' }]));
    expect(loadConfig({ CLPL_LOCAL: '1', CLPL_SCHOOLS_FILE: good }).schools).toEqual([{ id: 'team-1', name: 'Balerno High', sltIds: ['s1'], clplChannelId: '19:c' }]);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify([{ name: 'No id' }]));
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_SCHOOLS_FILE: broken })[0]).toContain('0.id');
  });

  it('gives a stop 20 s to finish unless told otherwise, and keeps it inside App Service\'s stop window when that is set', () => {
    expect(loadConfig({ CLPL_LOCAL: '1' }).shutdownGraceMs).toBe(20_000);
    expect(loadConfig({ CLPL_LOCAL: '1', CLPL_SHUTDOWN_GRACE_SECONDS: '8' }).shutdownGraceMs).toBe(8_000);
    expect(loadConfig({ CLPL_LOCAL: '1', WEBSITES_CONTAINER_STOP_TIME_LIMIT: '30' }).shutdownGraceMs).toBe(20_000);
    expect(problemsOf({ CLPL_LOCAL: '1', WEBSITES_CONTAINER_STOP_TIME_LIMIT: '5' })).toEqual([expect.stringContaining('CLPL_SHUTDOWN_GRACE_SECONDS (20) must be shorter than')]);
    expect(problemsOf({ CLPL_LOCAL: '1', CLPL_SHUTDOWN_GRACE_SECONDS: '0' })).toEqual([expect.stringContaining('CLPL_SHUTDOWN_GRACE_SECONDS')]);
  });
});
