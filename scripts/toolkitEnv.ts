// Run by the Microsoft 365 Agents Toolkit (the `script` steps in m365agents.yml / m365agents.local.yml), which puts
// the environment's variables (env/.env.<env> + env/.env.<env>.user) into this process's environment.
//
//   tsx scripts/toolkitEnv.ts check azure|local   stops provisioning early, with every problem listed, when an input
//                                                  is missing (the toolkit passes an unset ${{VAR}} on literally, so
//                                                  an unset password would otherwise become the text "${{...}}").
//   tsx scripts/toolkitEnv.ts copy                 copies the ids the toolkit created into the variables that
//                                                  appPackage/manifest.json uses, printing `::set-teamsfx-env K=V`.
//
// Why copy: env/.env.dev holds GUID-shaped placeholders for TEAMS_APP_ID and AAD_APP_CLIENT_ID so the package builds
// offline. The toolkit's create actions treat a non-empty id as "already created", so they write to separate,
// initially empty variables (PROVISIONED_TEAMS_APP_ID, TAB_AAD_APP_CLIENT_ID, BOT_AAD_APP_CLIENT_ID) instead.

export type Env = Record<string, string | undefined>;

/** Manifest variable ← variable the toolkit writes when it creates the resource. */
export const copiedIds: ReadonlyArray<readonly [target: string, source: string]> = [
  ['TEAMS_APP_ID', 'PROVISIONED_TEAMS_APP_ID'],
  ['AAD_APP_CLIENT_ID', 'TAB_AAD_APP_CLIENT_ID'],
  ['BOT_ID', 'BOT_AAD_APP_CLIENT_ID'],
];

const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** A value that is missing, empty, or a `${{VAR}}` the toolkit could not fill. */
function unset(value: string | undefined): boolean {
  return value === undefined || value.trim() === '' || /\$\{\{/.test(value);
}

/** Azure Database for PostgreSQL password rules: 8–128 characters from at least three of four character classes. */
export function postgresPasswordProblem(password: string | undefined): string | null {
  if (unset(password)) return 'SECRET_POSTGRES_ADMIN_PASSWORD is not set: put it in env/.env.<env>.user (git-ignored).';
  const p = password!;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;
  if (p.length < 12 || p.length > 128 || classes < 3) {
    return 'SECRET_POSTGRES_ADMIN_PASSWORD must be 12–128 characters with at least three of: upper case, lower case, digits, symbols.';
  }
  return null;
}

export function checkProblems(profile: 'azure' | 'local', env: Env): string[] {
  const problems: string[] = [];
  if (profile === 'azure') {
    if (unset(env.RESOURCE_SUFFIX) || !/^[a-z0-9]{1,16}$/.test(env.RESOURCE_SUFFIX!)) {
      problems.push('RESOURCE_SUFFIX must be 1–16 lower-case letters or digits (it names the Azure resources, clpl<suffix>).');
    }
    if (env.BOT_APP_TYPE !== 'UserAssignedMSI' && env.BOT_APP_TYPE !== 'SingleTenant') {
      problems.push('BOT_APP_TYPE must be UserAssignedMSI or SingleTenant.');
    }
    if (unset(env.POSTGRES_ADMIN_LOGIN) || !/^[a-z_][a-z0-9_]{0,62}$/i.test(env.POSTGRES_ADMIN_LOGIN!) || /^(azure_|pg_)|^(admin|administrator|root|guest|public|postgres|azure_superuser|azure_pg_admin)$/i.test(env.POSTGRES_ADMIN_LOGIN!)) {
      problems.push('POSTGRES_ADMIN_LOGIN must be a plain name (letters, digits, _), not a reserved one such as admin, postgres or azure_*.');
    }
    const passwordProblem = postgresPasswordProblem(env.SECRET_POSTGRES_ADMIN_PASSWORD);
    if (passwordProblem) problems.push(passwordProblem);
    if (unset(env.CLPL_SLT_IDS)) {
      problems.push('CLPL_SLT_IDS is empty: set the Entra object ids of the senior leaders who may create offers (comma-separated).');
    }
    if (unset(env.CLPL_TIME_ZONE)) problems.push('CLPL_TIME_ZONE is empty (for example Europe/London).');
  } else {
    for (const name of ['BOT_DOMAIN', 'BOT_ENDPOINT', 'TAB_DOMAIN', 'TAB_ENDPOINT']) {
      if (unset(env[name])) problems.push(`${name} is not set: start a tunnel to port 3978 and put its host name/URL in env/.env.local.`);
    }
    if (!unset(env.BOT_ENDPOINT) && !env.BOT_ENDPOINT!.startsWith('https://')) problems.push('BOT_ENDPOINT must be an https:// URL.');
    if (unset(env.CLPL_SLT_IDS)) problems.push('CLPL_SLT_IDS is empty: set your own Entra object id (and any other senior leaders\') in env/.env.local.');
  }
  return problems;
}

/** The `::set-teamsfx-env` lines that copy created ids into the manifest's variables, and any problems. */
export function copyCommands(env: Env): { lines: string[]; problems: string[] } {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const [target, source] of copiedIds) {
    const value = env[source];
    if (unset(value)) continue;
    if (!guid.test(value!)) {
      problems.push(`${source} is "${value}", not a GUID.`);
      continue;
    }
    lines.push(`::set-teamsfx-env ${target}=${value}`);
  }
  if (env.BOT_APP_TYPE === 'SingleTenant' && (unset(env.BOT_AAD_APP_CLIENT_ID) || unset(env.SECRET_BOT_AAD_APP_CLIENT_SECRET))) {
    problems.push('BOT_APP_TYPE is SingleTenant but BOT_AAD_APP_CLIENT_ID / SECRET_BOT_AAD_APP_CLIENT_SECRET are empty: enable the bot aadApp/create step in m365agents.yml (see infra/DEPLOY.md).');
  }
  return { lines, problems };
}

function main(argv: string[], env: Env): number {
  const [command, profile] = argv;
  let problems: string[];
  if (command === 'check' && (profile === 'azure' || profile === 'local')) {
    problems = checkProblems(profile, env);
  } else if (command === 'copy') {
    const result = copyCommands(env);
    for (const line of result.lines) console.log(line);
    problems = result.problems;
  } else {
    console.error('usage: tsx scripts/toolkitEnv.ts check azure|local  |  tsx scripts/toolkitEnv.ts copy');
    return 2;
  }
  if (problems.length > 0) {
    console.error(`Cannot continue:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2), process.env));
