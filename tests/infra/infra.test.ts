// No Bicep compiler or Azure here: these tests read the infrastructure files and check that they agree with each
// other, with the Agents Toolkit project files, and with what bot/config.ts accepts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../bot/config';
import { checkProblems, copyCommands, postgresPasswordProblem } from '../../scripts/toolkitEnv';
import { stageWebApp } from '../../scripts/stageWebApp';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const bicep = read('infra/azure.bicep');
const botBicep = read('infra/botRegistration/azurebot.bicep');
const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
const devEnv = parseDotenv(read('env/.env.dev'));

interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

/** `param name type [= default]` declarations (decorators sit on the lines before). */
function bicepParams(source: string): BicepParam[] {
  return [...source.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=.*)?$/gm)].map((m) => ({ name: m[1]!, type: m[2]!, hasDefault: m[3] !== undefined }));
}

function bicepOutputs(source: string): string[] {
  return [...source.matchAll(/^output\s+(\w+)\s+\w+\s*=/gm)].map((m) => m[1]!);
}

/** The web app's settings: every `name: '...'` / `value: ...` pair in the setting arrays of azure.bicep. */
function appSettings(source: string): Map<string, string> {
  const start = source.indexOf('var appSettings = [');
  const end = source.indexOf("resource webApp 'Microsoft.Web/sites");
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const block = source.slice(start, end);
  const settings = new Map<string, string>();
  for (const m of block.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*([^\n]+)/g)) settings.set(m[1]!, m[2]!.replace(/\s*\/\/.*$/, '').trim());
  return settings;
}

const settings = appSettings(bicep);

/** The value a setting gets: its literal when the bicep says so, else a realistic dummy. */
function dummyValue(name: string, expression: string): string {
  const literal = /^'([^'$]*)'$/.exec(expression);
  if (literal) return literal[1]!;
  switch (name) {
    case 'DATABASE_URL': {
      const template = /var databaseUrl = '([^']+)'/.exec(bicep)![1]!;
      return template
        .replace('${uriComponent(postgresAdminLogin)}', 'clpladmin')
        .replace('${uriComponent(postgresAdminPassword)}', encodeURIComponent('p@ss:w/rd#1'))
        .replace('${postgres.properties.fullyQualifiedDomainName}', 'clpldev01-pg.postgres.database.azure.com')
        .replace('${databaseName}', 'clpl');
    }
    case 'CLPL_SLT_IDS':
      return '11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222';
    case 'CLPL_TIME_ZONE':
      return 'Europe/London';
    case 'CLPL_CONTROLLER_CONTACT':
    case 'CLPL_DPO_CONTACT':
      return 'dataprotection@council.example';
    case 'CLPL_DATA_REGION':
      return 'uksouth';
    default:
      return `dummy-${name}`;
  }
}

describe('infra/azure.bicep and infra/azure.parameters.json', () => {
  const params = bicepParams(bicep);
  const names = params.map((p) => p.name);

  it('supplies only parameters the template declares, and every parameter without a default', () => {
    expect(params.length).toBeGreaterThan(5);
    for (const name of Object.keys(parameters.parameters)) expect(names).toContain(name);
    for (const param of params.filter((p) => !p.hasDefault)) expect(Object.keys(parameters.parameters)).toContain(param.name);
  });

  it('fills every parameter from a variable that exists by the time arm/deploy runs', () => {
    const yml = parseYaml(read('m365agents.yml')) as { provision: Action[] };
    const armIndex = yml.provision.findIndex((a) => a.uses === 'arm/deploy');
    const writtenBefore = new Set(yml.provision.slice(0, armIndex).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {})));
    const optionalForMsi = new Set(['BOT_AAD_APP_CLIENT_ID', 'SECRET_BOT_AAD_APP_CLIENT_SECRET']); // SingleTenant only
    for (const [name, { value }] of Object.entries(parameters.parameters)) {
      for (const m of String(value).matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)) {
        const variable = m[1]!;
        const known = variable in devEnv || writtenBefore.has(variable) || optionalForMsi.has(variable) || variable === 'SECRET_POSTGRES_ADMIN_PASSWORD';
        if (!known) throw new Error(`parameter ${name} uses \${{${variable}}}, which nothing provides`);
      }
    }
  });

  it('keeps secrets in secure parameters that come from SECRET_ variables', () => {
    const secure = [...bicep.matchAll(/@secure\(\)\s*\n(?:@[^\n]*\n)*param\s+(\w+)/g)].map((m) => m[1]!);
    expect(secure.sort()).toEqual(['botAadAppClientSecret', 'postgresAdminLogin', 'postgresAdminPassword', 'tabAadAppClientSecret']);
    for (const name of ['botAadAppClientSecret', 'postgresAdminPassword', 'tabAadAppClientSecret']) {
      expect(parameters.parameters[name]!.value).toMatch(/^\$\{\{SECRET_\w+\}\}$/);
    }
    for (const output of bicepOutputs(bicep)) expect(output).not.toMatch(/SECRET|PASSWORD/);
  });

  it('runs the server on Linux with Node 22 LTS, Always On, https only, from the package, started with start:prod', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toMatch(/kind: 'linux'[\s\S]*reserved: true/);
    expect(bicep).toContain('alwaysOn: true');
    expect(bicep).toContain('httpsOnly: true');
    expect(bicep).toContain("appCommandLine: 'npm run start:prod'");
    expect(packageJson.scripts['start:prod']).toBe('node dist/bot/main.js');
    expect(settings.get('WEBSITE_RUN_FROM_PACKAGE')).toBe("'1'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
  });

  it('sets every variable bot/config.ts requires in production, and no local-only ones', () => {
    for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'MicrosoftAppPassword', 'DATABASE_URL', 'HOST', 'CLPL_SLT_IDS', 'CLPL_TIME_ZONE']) {
      expect([...settings.keys()]).toContain(name);
    }
    for (const name of ['CLPL_LOCAL', 'SQLITE_FILE', 'PORT', 'WEBSITES_PORT']) expect([...settings.keys()]).not.toContain(name);
    expect(settings.get('HOST')).toBe("'0.0.0.0'");
    // The password setting exists only for a SingleTenant bot.
    expect(bicep).toMatch(/var botPasswordSetting = isMsi \? \[\] : \[\s*\{\s*name: 'MicrosoftAppPassword'/);
    expect(bicep).toContain('appSettings: concat(appSettings, botPasswordSetting)');
  });

  it("gives the server's graceful stop room inside App Service's stop window, and points the Health check at /healthz", () => {
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    const windowSeconds = Number(/^'(\d+)'$/.exec(settings.get('WEBSITES_CONTAINER_STOP_TIME_LIMIT') ?? '')?.[1]);
    // App Service's documented bounds: 5 s unless set, at most 120.
    expect(windowSeconds).toBeGreaterThan(5);
    expect(windowSeconds).toBeLessThanOrEqual(120);
    expect(loadConfig({ CLPL_LOCAL: '1', WEBSITES_CONTAINER_STOP_TIME_LIMIT: String(windowSeconds) }).shutdownGraceMs).toBeLessThan(windowSeconds * 1000);
  });

  it('builds DATABASE_URL from the PostgreSQL server FQDN, URL-encoded credentials and verified TLS', () => {
    expect(settings.get('DATABASE_URL')).toBe('databaseUrl');
    const template = /var databaseUrl = '([^']+)'/.exec(bicep)![1]!;
    expect(template).toMatch(/^postgres:\/\/\$\{uriComponent\(postgresAdminLogin\)\}:\$\{uriComponent\(postgresAdminPassword\)\}@\$\{postgres\.properties\.fullyQualifiedDomainName\}:5432\/\$\{databaseName\}\?sslmode=(require|verify-full)$/);
    expect(bicep).toContain("var databaseName = 'clpl'");
    expect(bicep).toMatch(/resource postgres 'Microsoft\.DBforPostgreSQL\/flexibleServers@[\d-]+'/);
    expect(bicep).toMatch(/flexibleServers\/databases@[\d-]+' = \{\s*parent: postgres\s*name: databaseName/);
    expect(bicep).toMatch(/firewallRules@[\d-]+' = \{\s*parent: postgres\s*name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'\s*properties: \{\s*startIpAddress: '0\.0\.0\.0'\s*endIpAddress: '0\.0\.0\.0'/);
    expect(bicep).toMatch(/backupRetentionDays: postgresBackupRetentionDays/);
  });

  it('produces settings the server accepts, for both bot identities, with PostgreSQL', () => {
    const env: Record<string, string> = {};
    for (const [name, expression] of settings) env[name] = dummyValue(name, expression);
    env.PORT = '8080'; // App Service sets PORT
    // MicrosoftAppPassword is only in the settings of a SingleTenant bot (botPasswordSetting).
    expect(env.MicrosoftAppPassword).toBe('dummy-MicrosoftAppPassword');
    delete env.MicrosoftAppPassword;
    const msiType = /name: 'MicrosoftAppType'\s*\n\s*value: isMsi \? '(\w+)' : '(\w+)'/.exec(bicep)!;

    const msi = loadConfig({ ...env, MicrosoftAppType: msiType[1]! });
    expect(msi.botIdentity).toEqual({ kind: 'UserAssignedMsi', appId: env.MicrosoftAppId, tenantId: env.MicrosoftAppTenantId });
    expect(msi.database).toEqual({ kind: 'postgres', url: env.DATABASE_URL });
    expect(new URL(env.DATABASE_URL!).password).toBe(encodeURIComponent('p@ss:w/rd#1'));
    expect(msi).toMatchObject({ host: '0.0.0.0', port: 8080, localMode: false, timeZone: 'Europe/London' });
    expect(msi.sltIds).toHaveLength(2);

    const singleTenant = loadConfig({ ...env, MicrosoftAppType: msiType[2]!, MicrosoftAppPassword: 'client-secret' });
    expect(singleTenant.botIdentity).toEqual({ kind: 'SingleTenant', appId: env.MicrosoftAppId, password: 'client-secret', tenantId: env.MicrosoftAppTenantId });
    expect(() => loadConfig({ ...env, MicrosoftAppType: msiType[2]! })).toThrow(/MicrosoftAppPassword is required/);
  });

  it('registers an Azure Bot (UserAssignedMSI or SingleTenant) at https://<web app>/api/messages, on Teams', () => {
    expect(bicep).toMatch(/module azureBotRegistration '\.\/botRegistration\/azurebot\.bicep'/);
    expect(existsSync(join(root, 'infra/botRegistration/azurebot.bicep'))).toBe(true);
    expect(botBicep).toContain("kind: 'azurebot'");
    expect(botBicep).toContain("endpoint: 'https://${botAppDomain}/api/messages'");
    expect(botBicep).toMatch(/@allowed\(\[\s*'SingleTenant'\s*'UserAssignedMSI'\s*\]\)\s*param msaAppType string/);
    expect(botBicep).toContain("msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMSIResourceId : null");
    expect(botBicep).toMatch(/name: 'MsTeamsChannel'\s*properties: \{\s*channelName: 'MsTeamsChannel'/);
    // Every module parameter without a default is passed, and nothing else.
    const moduleParams = /module azureBotRegistration[^{]*\{[\s\S]*?params: \{([\s\S]*?)\n {2}\}/.exec(bicep)![1]!;
    const passed = [...moduleParams.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]!);
    const declared = bicepParams(botBicep);
    for (const name of passed) expect(declared.map((p) => p.name)).toContain(name);
    for (const p of declared.filter((d) => !d.hasDefault)) expect(passed).toContain(p.name);
  });

  it('outputs what the toolkit and the manifest need', () => {
    expect(bicepOutputs(bicep)).toEqual(expect.arrayContaining(['AZURE_WEB_APP_RESOURCE_ID', 'BOT_ID', 'BOT_DOMAIN', 'TAB_DOMAIN', 'TAB_ENDPOINT']));
  });

  it('uses only Bicep syntax that the pinned Bicep CLI (v0.9.1) understands: no single-line comma arrays', () => {
    for (const source of [bicep, botBicep]) {
      expect(source).not.toMatch(/\[[^\]\n]*'[^'\n]*'\s*,[^\]\n]*\]/);
    }
  });
});

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

/** Actions of the v1.11 project schema used here, with the `with` keys that schema requires. */
const knownActions: Record<string, string[]> = {
  'teamsApp/create': ['name'],
  'teamsApp/validateManifest': ['manifestPath'],
  'teamsApp/zipAppPackage': ['manifestPath', 'outputZipPath', 'outputFolder'],
  'teamsApp/validateAppPackage': ['appPackagePath'],
  'teamsApp/update': ['appPackagePath'],
  'teamsApp/publishAppPackage': ['appPackagePath'],
  'aadApp/create': ['name', 'generateClientSecret', 'signInAudience'],
  'aadApp/update': ['manifestPath', 'outputFilePath'],
  'arm/deploy': ['subscriptionId', 'resourceGroupName', 'templates'],
  'botFramework/create': ['botId', 'name', 'messagingEndpoint'],
  'cli/runNpmCommand': ['args'],
  'azureAppService/zipDeploy': ['artifactFolder', 'resourceId'],
  'file/createOrUpdateEnvironmentFile': ['envs', 'target'],
  script: ['run'],
};

type ProjectFile = { version: string; provision: Action[]; deploy: Action[]; publish?: Action[] };
const projectFile = (file: string) => parseYaml(read(file)) as ProjectFile;

function checkProjectFile(file: string): void {
  const yml = projectFile(file);
  expect(yml.version).toBe('v1.11');
  expect(read(file)).toContain('$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
  const all = [...yml.provision, ...yml.deploy, ...(yml.publish ?? [])];
  for (const action of all) {
    const required = knownActions[action.uses];
    if (!required) throw new Error(`${file}: unknown action ${action.uses}`);
    for (const key of required) expect(action.with).toHaveProperty(key);
    for (const name of Object.values(action.writeToEnvironmentFile ?? {})) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    if (action.uses === 'aadApp/create' && action.with?.generateClientSecret) expect(action.writeToEnvironmentFile?.clientSecret).toMatch(/^SECRET_/);
    // Files the actions read must exist; npm scripts they run must be defined.
    for (const key of ['manifestPath']) {
      if (typeof action.with?.[key] === 'string') expect(existsSync(join(root, action.with[key] as string))).toBe(true);
    }
    if (action.uses === 'arm/deploy') {
      for (const t of action.with!.templates as { path: string; parameters: string }[]) {
        expect(existsSync(join(root, t.path))).toBe(true);
        expect(existsSync(join(root, t.parameters))).toBe(true);
      }
    }
    if (action.uses === 'cli/runNpmCommand') {
      const run = /^run (\S+)/.exec(action.with!.args as string);
      if (run) expect(packageJson.scripts).toHaveProperty(run[1]!);
    }
    if (action.uses === 'script') {
      const script = /tsx (scripts\/\S+\.ts)/.exec(action.with!.run as string);
      expect(script).not.toBeNull();
      expect(existsSync(join(root, script![1]!))).toBe(true);
    }
    for (const key of ['outputZipPath', 'appPackagePath', 'outputFilePath', 'outputFolder']) {
      if (typeof action.with?.[key] === 'string') expect(action.with[key]).toMatch(/^\.\/appPackage\/build(\/|$)/); // git-ignored
    }
  }
}

describe('m365agents.yml', () => {
  const yml = projectFile('m365agents.yml');

  it('uses schema v1.11 actions with their required inputs, and files and npm scripts that exist', () => {
    checkProjectFile('m365agents.yml');
  });

  it('provisions, deploys and publishes with the right files', () => {
    const uses = (stage: Action[]) => stage.map((a) => a.uses);
    expect(uses(yml.provision)).toEqual(expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/update']));
    expect(uses(yml.provision).indexOf('aadApp/update')).toBeGreaterThan(uses(yml.provision).indexOf('arm/deploy')); // needs TAB_DOMAIN
    expect(uses(yml.provision).indexOf('arm/deploy')).toBeGreaterThan(uses(yml.provision).indexOf('aadApp/create'));
    const arm = yml.provision.find((a) => a.uses === 'arm/deploy')!;
    expect(arm.with!.templates).toEqual([expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' })]);
    const manifestPaths = yml.provision.filter((a) => a.with?.manifestPath && a.uses.startsWith('teamsApp/')).map((a) => a.with!.manifestPath);
    expect(new Set(manifestPaths)).toEqual(new Set(['./appPackage/manifest.json']));
    expect(yml.provision.find((a) => a.uses === 'aadApp/update')!.with!.manifestPath).toBe('./infra/aad.manifest.json');

    expect(uses(yml.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    const zipDeploy = yml.deploy.find((a) => a.uses === 'azureAppService/zipDeploy')!;
    expect(zipDeploy.with).toEqual({ artifactFolder: './dist/webapp', resourceId: '${{AZURE_WEB_APP_RESOURCE_ID}}' });
    expect(bicepOutputs(bicep)).toContain('AZURE_WEB_APP_RESOURCE_ID');

    expect(uses(yml.publish!)).toContain('teamsApp/publishAppPackage');
  });

  it('writes the created ids to variables that start empty, and copies them to the manifest variables', () => {
    const create = yml.provision.find((a) => a.uses === 'teamsApp/create')!;
    expect(create.writeToEnvironmentFile).toEqual({ teamsAppId: 'PROVISIONED_TEAMS_APP_ID' });
    const tabApp = yml.provision.find((a) => a.uses === 'aadApp/create')!;
    expect(tabApp.writeToEnvironmentFile!.clientId).toBe('TAB_AAD_APP_CLIENT_ID');
    expect(tabApp.with!.signInAudience).toBe('AzureADMyOrg');
    for (const name of ['PROVISIONED_TEAMS_APP_ID', 'TAB_AAD_APP_CLIENT_ID', 'BOT_AAD_APP_CLIENT_ID']) expect(devEnv[name]).toBe('');
    const copyIndex = yml.provision.findIndex((a) => a.uses === 'script' && String(a.with!.run).includes('toolkitEnv.ts copy'));
    expect(copyIndex).toBeGreaterThan(yml.provision.indexOf(tabApp));
    expect(copyIndex).toBeLessThan(yml.provision.findIndex((a) => a.uses === 'aadApp/update'));
    expect(yml.provision[0]!.with!.run).toBe('npx tsx scripts/toolkitEnv.ts check azure');
  });
});

describe('m365agents.local.yml', () => {
  const yml = projectFile('m365agents.local.yml');

  it('uses schema v1.11 actions with their required inputs, and files and npm scripts that exist', () => {
    checkProjectFile('m365agents.local.yml');
  });

  it('registers a single-tenant bot at the tunnel and writes the server settings to a git-ignored file', () => {
    const botApp = yml.provision.find((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'BOT_AAD_APP_CLIENT_ID')!;
    expect(botApp.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true, generateClientSecret: true });
    expect(yml.provision.find((a) => a.uses === 'botFramework/create')!.with!.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    const settingsFile = yml.deploy.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!;
    expect(settingsFile.with!.target).toMatch(/\.user$/); // *.user is git-ignored
    expect(read('.gitignore')).toMatch(/^\*\.user$/m);
    expect(packageJson.scripts['start:teams']).toContain(`--env-file=${String(settingsFile.with!.target).replace(/^\.\//, '')}`);
    const envs = settingsFile.with!.envs as Record<string, string>;
    const config = loadConfig({ ...envs, MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant', CLPL_SLT_IDS: 'slt' });
    expect(config.botIdentity.kind).toBe('SingleTenant');
    expect(config.host).toBe('127.0.0.1');
  });
});

describe('infra/aad.manifest.json (tab SSO app)', () => {
  const aad = JSON.parse(read('infra/aad.manifest.json'));
  const manifest = JSON.parse(read('appPackage/manifest.json'));

  it('exposes access_as_user at api://<tab domain>/<client id>, pre-authorised for the Teams clients', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(manifest.webApplicationInfo.resource).toBe(aad.identifierUris[0]);
    expect(manifest.webApplicationInfo.id).toBe(aad.appId);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    const [scope] = aad.api.oauth2PermissionScopes;
    expect(scope).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true });
    const preAuthorized = aad.api.preAuthorizedApplications as { appId: string; delegatedPermissionIds: string[] }[];
    expect(preAuthorized.map((p) => p.appId).sort()).toEqual(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']);
    for (const p of preAuthorized) expect(p.delegatedPermissionIds).toEqual([scope.id]);
  });

  it('uses the object id the toolkit wrote when it created the app', () => {
    const yml = parseYaml(read('m365agents.yml')) as { provision: Action[] };
    const tabApp = yml.provision.find((a) => a.uses === 'aadApp/create')!;
    expect(aad.id).toBe(`\${{${tabApp.writeToEnvironmentFile!.objectId}}}`);
  });
});

describe('scripts/toolkitEnv.ts', () => {
  const good = { RESOURCE_SUFFIX: 'dev01', BOT_APP_TYPE: 'UserAssignedMSI', POSTGRES_ADMIN_LOGIN: 'clpladmin', SECRET_POSTGRES_ADMIN_PASSWORD: 'Correct-Horse-7', CLPL_SLT_IDS: 'a,b', CLPL_TIME_ZONE: 'Europe/London' };

  it('passes complete inputs and lists every missing one', () => {
    expect(checkProblems('azure', good)).toEqual([]);
    const problems = checkProblems('azure', { ...good, SECRET_POSTGRES_ADMIN_PASSWORD: '${{SECRET_POSTGRES_ADMIN_PASSWORD}}', CLPL_SLT_IDS: '', POSTGRES_ADMIN_LOGIN: 'admin', RESOURCE_SUFFIX: 'Dev-01' });
    expect(problems).toHaveLength(4);
    expect(postgresPasswordProblem('short1A!')).toMatch(/12–128/);
    expect(postgresPasswordProblem('alllowercaseletters')).toMatch(/three of/);
    expect(checkProblems('local', { BOT_DOMAIN: 'x.devtunnels.ms', BOT_ENDPOINT: 'http://x', TAB_DOMAIN: 'x', TAB_ENDPOINT: 'https://x', CLPL_SLT_IDS: 'me' })).toEqual(['BOT_ENDPOINT must be an https:// URL.']);
  });

  it('the committed env/.env.dev passes once the git-ignored password and the SLT ids are added', () => {
    expect(checkProblems('azure', { ...devEnv, SECRET_POSTGRES_ADMIN_PASSWORD: 'Correct-Horse-7', CLPL_SLT_IDS: 'a' })).toEqual([]);
  });

  it('copies only the ids that were created', () => {
    const id = '6f1c2a3b-1111-4222-8333-944455556666';
    expect(copyCommands({ PROVISIONED_TEAMS_APP_ID: id, TAB_AAD_APP_CLIENT_ID: '', BOT_AAD_APP_CLIENT_ID: '${{BOT_AAD_APP_CLIENT_ID}}' })).toEqual({ lines: [`::set-teamsfx-env TEAMS_APP_ID=${id}`], problems: [] });
    expect(copyCommands({ TAB_AAD_APP_CLIENT_ID: 'oops' }).problems).toEqual(['TAB_AAD_APP_CLIENT_ID is "oops", not a GUID.']);
    expect(copyCommands({ BOT_APP_TYPE: 'SingleTenant' }).problems).toHaveLength(1);
  });
});

describe('scripts/stageWebApp.ts', () => {
  it('stages package.json, the lock file and the compiled server, and refuses before a build', () => {
    const fake = mkdtempSync(join(tmpdir(), 'clpl-stage-'));
    writeFileSync(join(fake, 'package.json'), '{}');
    writeFileSync(join(fake, 'package-lock.json'), '{}');
    const out = join(fake, 'dist', 'webapp');
    expect(() => stageWebApp({ root: fake, outDir: out, install: false })).toThrow(/npm run build/);
    mkdirSync(join(fake, 'dist', 'bot', 'adapters'), { recursive: true });
    writeFileSync(join(fake, 'dist', 'bot', 'main.js'), '');
    writeFileSync(join(fake, 'dist', 'bot', 'adapters', 'x.json'), '{}');
    expect(stageWebApp({ root: fake, outDir: out, install: false })).toEqual(['dist', 'package-lock.json', 'package.json']);
    expect(existsSync(join(out, 'dist', 'bot', 'main.js'))).toBe(true);
    expect(existsSync(join(out, 'dist', 'bot', 'adapters', 'x.json'))).toBe(true);
    expect(existsSync(join(out, 'dist', 'webapp'))).toBe(false);
  });
});

describe('env files and docs', () => {
  it('each env file starts with a comment saying what it is', () => {
    for (const file of ['env/.env.dev', 'env/.env.local']) expect(read(file).split('\n')[0]).toMatch(/^# Environment "\w+" for the Microsoft 365 Agents Toolkit/);
  });

  it('infra/DEPLOY.md gives the toolkit commands and the manual alternative', () => {
    const doc = read('infra/DEPLOY.md').toLowerCase();
    for (const text of ['atk provision --env dev', 'atk deploy --env dev', 'atk publish --env dev', 'npm run package -- dev', 'UserAssignedMSI', 'SingleTenant', 'point-in-time restore', 'setup polic']) {
      expect(doc).toContain(text.toLowerCase());
    }
  });
});
