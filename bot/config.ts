import { ApprovalSettings } from './app/approval/approvalSettings';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { optionalText } from './settings';
import { QuietHours } from './domain/quietHours';
import { RetentionPolicy } from './domain/erasure';
import { defaultTagCatalogue, TagCatalogue } from './domain/tags';
import { EvidenceSettings } from './app/evidenceSettings';
import { evidenceEnvironment, evidenceSettingsFrom } from './evidenceConfig';
import { loadTabConfig, TabConfig } from './http/tabConfig';
import { AppInstallConfig, loadAppInstallConfig } from './adapters/graph/appInstallConfig';
import { loadOrgDirectoryConfig, OrgDirectoryConfig } from './adapters/graph/orgDirectoryConfig';
import { loadPrivacySettings, PrivacySettings } from './privacyConfig';
import { ChannelAuthConfig, loadChannelAuthConfig } from './adapters/teams/inbound/channelAuthConfig';
import { GroupsFileConfig, loadGroupsFile } from './groupsConfig';

export type BotIdentity =
  | { kind: 'none' }
  | { kind: 'SingleTenant'; appId: string; password: string; tenantId: string }
  | { kind: 'UserAssignedMsi'; appId: string; tenantId: string };

export interface SchoolConfig {
  id: string;
  name?: string;
  sltIds: string[];
  clplChannelId?: string;
}

export interface Config {
  port: number;
  host: string;
  localMode: boolean;
  botIdentity: BotIdentity;
  /** Where inbound Bot Framework tokens are checked against (public cloud unless overridden for tests or sovereign clouds). */
  channelAuth: ChannelAuthConfig;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** SLT for every school (`CLPL_SLT_IDS`, a one-school deployment) or per school (`CLPL_SCHOOLS_FILE`). */
  sltIds: string[];
  schools: SchoolConfig[];
  /** All teams belong to this school instead of each team being one. */
  fixedSchoolId: string | null;
  clplChannelId: string | null;
  timeZone: string;
  tagCatalogue: TagCatalogue;
  logLevel: string;
  /** The companion tab: SSO token validation, where goals are kept (bot/http/tabConfig.ts). */
  tab: TabConfig;
  /** Installing the app through Graph for people the bot cannot reach; null records them as unreachable only. */
  appInstall: AppInstallConfig | null;
  /** Direct reports from Microsoft Graph for PRD reflection; null uses the app's own line-management map alone. */
  orgDirectory: OrgDirectoryConfig | null;
  quietHours: QuietHours;
  reminderLeadMs: number;
  /** School approval of places on offers that need it (CLPL_APPROVAL_HOLD_HOURS, CLPL_APPROVAL_BY). */
  approval: ApprovalSettings;
  /** Attendance, feedback and the impact report (bot/evidenceConfig.ts). */
  evidence: EvidenceSettings;
  /**
   * How long a worker holds a notice it took: past this, one not yet sent goes to another worker, and one still marked
   * as sending belongs to a worker that died mid-send (recorded as uncertain, not repeated).
   */
  outboxLeaseMs: number;
  outboxPollMs: number;
  /**
   * How long a stop (SIGTERM, SIGINT) may take: requests in flight are answered and background work already taken is
   * finished within it, then the process exits (bot/shutdown.ts). Kept inside the platform's stop window.
   */
  shutdownGraceMs: number;
  /** Where browsers and calendar apps reach this server (calendar links); null: the listening address in local mode, else none. */
  publicUrl: string | null;
  /** Retention periods (README, "Retention"): event records in years, a leaver's data in days after they left. */
  retention: RetentionPolicy;
  /** Who the data controller and DPO are, and the data's region, for the privacy notice at /privacy (privacyConfig.ts). */
  privacy: PrivacySettings;
  /** Groups of schools and their leads from CLPL_GROUPS_FILE (groupsConfig.ts), applied to the database at start-up; null: none. */
  groups: GroupsFileConfig | null;
}

const list = z
  .string()
  .optional()
  .transform((text) => (text ?? '').split(/[,;]/).map((s) => s.trim()).filter((s) => s !== ''));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  CLPL_LOCAL: z.enum(['0', '1', 'true', 'false', '']).optional(),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMsi', 'MultiTenant']).optional(),
  MicrosoftAppTenantId: optionalText,
  DATABASE_URL: optionalText,
  SQLITE_FILE: z.string().default('./data/clpl.sqlite'),
  CLPL_SLT_IDS: list,
  CLPL_SCHOOLS_FILE: optionalText,
  CLPL_SCHOOL_ID: optionalText,
  CLPL_CHANNEL_ID: optionalText,
  CLPL_TIME_ZONE: z.string().default('Europe/London'),
  CLPL_STANDARD_AREAS: list,
  CLPL_IMPROVEMENT_PRIORITIES: list,
  CLPL_SCHOOL_PRIORITIES: list,
  CLPL_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'use HH:mm-HH:mm, for example 20:00-07:00')
    .default('20:00-07:00'),
  CLPL_QUIET_WEEKENDS: z.enum(['true', 'false']).default('true'),
  CLPL_OUTBOX_LEASE_SECONDS: z.coerce.number().min(1).max(86_400).default(120),
  CLPL_OUTBOX_POLL_SECONDS: z.coerce.number().min(0.05).max(3_600).default(5),
  // 20 s fits the 30 s stop window infra/azure.bicep gives App Service (WEBSITES_CONTAINER_STOP_TIME_LIMIT; at most 120).
  CLPL_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(120).default(20),
  /** App Service's stop window in seconds (SIGTERM to SIGKILL; 5 unless set, at most 120), when the deployment sets it. */
  WEBSITES_CONTAINER_STOP_TIME_LIMIT: optionalText,
  CLPL_PUBLIC_URL: z.string().trim().url('use a full address such as https://clpl.example.org').optional(),
  /** Set by Azure App Service: the app's default host name, used when CLPL_PUBLIC_URL is not. */
  WEBSITE_HOSTNAME: optionalText,
  CLPL_REMINDER_HOURS_BEFORE: z.coerce.number().min(0).max(24 * 14).default(24),
  // A place held for a school's approval (offers that need it) is released to the waitlist after this long unanswered.
  CLPL_APPROVAL_HOLD_HOURS: z.coerce.number().min(1, 'hold a place for at least 1 hour').max(24 * 28, 'hold a place for at most 4 weeks (672 hours)').default(72),
  CLPL_APPROVAL_BY: z.enum(['slt', 'line_manager'], { message: 'use slt or line_manager' }).default('slt'),
  CLPL_RETENTION_YEARS: z.coerce.number().int('use whole years').min(1).max(100).default(6),
  CLPL_LEAVER_RETENTION_DAYS: z.coerce.number().int('use whole days').min(0).max(36_500).default(90),
  ...evidenceEnvironment,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const schoolsFileSchema = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    sltIds: z.array(z.string().min(1)).default([]),
    clplChannelId: z.string().min(1).optional(),
  }),
);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the whole configuration once; every problem is reported together, not one per restart. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const localMode = e.CLPL_LOCAL === '1' || e.CLPL_LOCAL === 'true';

  const botIdentity = readBotIdentity(e, problems) ?? { kind: 'none' };
  if (botIdentity.kind === 'none' && !e.MicrosoftAppId) {
    if (!localMode) {
      problems.push('MicrosoftAppId is not set. Set the bot identity (MicrosoftAppId, MicrosoftAppType, ...), or set CLPL_LOCAL=1 to run locally without authentication.');
    } else if (e.HOST && !isLoopback(e.HOST)) {
      problems.push(`Local mode (no bot authentication) only listens on a loopback address; HOST is ${e.HOST}. Use HOST=127.0.0.1, or configure the bot identity.`);
    }
  }

  if (!isValidTimeZone(e.CLPL_TIME_ZONE)) problems.push(`CLPL_TIME_ZONE: "${e.CLPL_TIME_ZONE}" is not a time zone (for example Europe/London).`);
  const schools = e.CLPL_SCHOOLS_FILE ? readSchoolsFile(e.CLPL_SCHOOLS_FILE, problems) : [];

  let database: Config['database'] = { kind: 'sqlite', file: e.SQLITE_FILE };
  if (e.DATABASE_URL) {
    if (/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) database = { kind: 'postgres', url: e.DATABASE_URL };
    else problems.push('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite file).');
  }

  const tab = loadTabConfig(env, problems);
  const channelAuth = loadChannelAuthConfig(env, problems);
  const appInstall = loadAppInstallConfig(env, problems);
  const orgDirectory = loadOrgDirectoryConfig(env, localMode, problems);
  const evidence = evidenceSettingsFrom(e, e.CLPL_TIME_ZONE, problems);
  const stopWindowSeconds = Number(e.WEBSITES_CONTAINER_STOP_TIME_LIMIT);
  if (e.WEBSITES_CONTAINER_STOP_TIME_LIMIT && Number.isFinite(stopWindowSeconds) && e.CLPL_SHUTDOWN_GRACE_SECONDS >= stopWindowSeconds) {
    problems.push(
      `CLPL_SHUTDOWN_GRACE_SECONDS (${e.CLPL_SHUTDOWN_GRACE_SECONDS}) must be shorter than App Service's stop window WEBSITES_CONTAINER_STOP_TIME_LIMIT (${stopWindowSeconds}), or a restart kills requests still being answered.`,
    );
  }
  const privacy = loadPrivacySettings(env, problems);
  const groups = loadGroupsFile(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST ?? (botIdentity.kind === 'none' ? '127.0.0.1' : '0.0.0.0'),
    localMode: localMode && botIdentity.kind === 'none',
    botIdentity,
    channelAuth,
    database,
    sltIds: e.CLPL_SLT_IDS,
    schools,
    fixedSchoolId: e.CLPL_SCHOOL_ID ?? null,
    clplChannelId: e.CLPL_CHANNEL_ID ?? null,
    timeZone: e.CLPL_TIME_ZONE,
    tagCatalogue: {
      standards: e.CLPL_STANDARD_AREAS.length > 0 ? e.CLPL_STANDARD_AREAS : defaultTagCatalogue.standards,
      priorities: [...(e.CLPL_IMPROVEMENT_PRIORITIES.length > 0 ? e.CLPL_IMPROVEMENT_PRIORITIES : defaultTagCatalogue.priorities), ...e.CLPL_SCHOOL_PRIORITIES],
    },
    logLevel: e.LOG_LEVEL,
    tab,
    appInstall,
    orgDirectory,
    evidence,
    quietHours: {
      timeZone: e.CLPL_TIME_ZONE,
      startsAt: e.CLPL_QUIET_HOURS.split('-')[0] as string,
      endsAt: e.CLPL_QUIET_HOURS.split('-')[1] as string,
      weekendsQuiet: e.CLPL_QUIET_WEEKENDS === 'true',
    },
    reminderLeadMs: e.CLPL_REMINDER_HOURS_BEFORE * 3_600_000,
    approval: { holdMs: e.CLPL_APPROVAL_HOLD_HOURS * 3_600_000, route: e.CLPL_APPROVAL_BY },
    outboxLeaseMs: e.CLPL_OUTBOX_LEASE_SECONDS * 1000,
    outboxPollMs: e.CLPL_OUTBOX_POLL_SECONDS * 1000,
    shutdownGraceMs: e.CLPL_SHUTDOWN_GRACE_SECONDS * 1000,
    publicUrl: e.CLPL_PUBLIC_URL ?? (e.WEBSITE_HOSTNAME ? `https://${e.WEBSITE_HOSTNAME}` : null),
    retention: { recordYears: e.CLPL_RETENTION_YEARS, leaverDays: e.CLPL_LEAVER_RETENTION_DAYS },
    privacy,
    groups,
  };
}

/** The bot's identity, or null when what is configured cannot work (the reasons are added to `problems`). */
function readBotIdentity(e: z.infer<typeof environmentSchema>, problems: string[]): BotIdentity | null {
  if (!e.MicrosoftAppId) {
    if (e.MicrosoftAppPassword || e.MicrosoftAppType) problems.push('MicrosoftAppId is required when MicrosoftAppPassword or MicrosoftAppType is set.');
    return { kind: 'none' };
  }
  const type = e.MicrosoftAppType ?? 'SingleTenant';
  if (type === 'MultiTenant') {
    problems.push('MicrosoftAppType MultiTenant is not supported (Azure no longer offers new multi-tenant bots): use SingleTenant or UserAssignedMsi.');
    return null;
  }
  if (!e.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId is required for MicrosoftAppType ${type}.`);
  if (type === 'SingleTenant') {
    if (!e.MicrosoftAppPassword) problems.push('MicrosoftAppPassword is required for MicrosoftAppType SingleTenant.');
    return { kind: 'SingleTenant', appId: e.MicrosoftAppId, password: e.MicrosoftAppPassword ?? '', tenantId: e.MicrosoftAppTenantId ?? '' };
  }
  return { kind: 'UserAssignedMsi', appId: e.MicrosoftAppId, tenantId: e.MicrosoftAppTenantId ?? '' };
}

function readSchoolsFile(file: string, problems: string[]): SchoolConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`CLPL_SCHOOLS_FILE: cannot read ${file} as JSON (${(error as Error).message}).`);
    return [];
  }
  const parsed = schoolsFileSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `CLPL_SCHOOLS_FILE ${file}: ${i.path.join('.')}: ${i.message}`));
    return [];
  }
  return parsed.data;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
