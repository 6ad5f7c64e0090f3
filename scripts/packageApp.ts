// `npm run package -- <env>` (default `dev`): builds the Teams app package appPackage/build/appPackage.<env>.zip.
//
// 1. Reads env/.env.<env> and, if present, env/.env.<env>.user (git-ignored secrets), like the Agents Toolkit does.
// 2. Fills every ${{VAR}} in appPackage/manifest.json; stops with the list of placeholders it could not fill.
// 3. Validates the filled manifest against the JSON schema bundled in @microsoft/app-manifest (offline, no download),
//    plus a few rules the schema does not express (https only, validDomains, the SSO resource, icon sizes).
// 4. Zips manifest.json, color.png and outline.png at the root of the package.
//
// The functions are exported for tests/appPackage; the command-line part is at the bottom.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseDotenv } from 'dotenv';
import JSZip from 'jszip';

export const projectRoot = join(__dirname, '..');
export const appPackageDir = join(projectRoot, 'appPackage');
export const manifestTemplatePath = join(appPackageDir, 'manifest.json');

/** Placeholders the Agents Toolkit expands: `${{NAME}}` (spaces inside the braces allowed). */
const placeholderPattern = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may be filled with an empty string (the toolkit treats APP_NAME_SUFFIX the same way). */
const mayBeEmpty = new Set(['APP_NAME_SUFFIX']);

/** Exact pixel sizes Teams requires for the two icons. */
export const iconSizes = { color: { width: 192, height: 192 }, outline: { width: 32, height: 32 } } as const;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

export type EnvValues = Record<string, string>;

/** Reads env/.env.<env> and then env/.env.<env>.user (whose values win), as plain key/value pairs. */
export function readEnvironment(envName: string, root = projectRoot): EnvValues {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new PackageError([`"${envName}" is not an environment name (letters, digits, - and _).`]);
  const base = join(root, 'env', `.env.${envName}`);
  if (!existsSync(base)) throw new PackageError([`${base} does not exist: create it (see env/.env.dev) or pick another environment.`]);
  const values: EnvValues = { ...parseDotenv(readFileSync(base)) };
  const user = `${base}.user`;
  if (existsSync(user)) Object.assign(values, parseDotenv(readFileSync(user)));
  return values;
}

/** Every distinct placeholder name in a template, in order of first appearance. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(placeholderPattern)].map((m) => m[1]!))];
}

/**
 * Fills `${{VAR}}` placeholders in a JSON template. Values are JSON-escaped (they always sit inside a JSON string).
 * Throws a PackageError naming every placeholder that has no value (or an empty one, where that is not allowed).
 */
export function fillPlaceholders(template: string, values: EnvValues): string {
  const missing = placeholdersIn(template).filter((name) => {
    const value = values[name];
    return value === undefined || (value.trim() === '' && !mayBeEmpty.has(name));
  });
  if (missing.length > 0) {
    throw new PackageError(missing.map((name) => `\${{${name}}} has no value: set ${name} in env/.env.<env> (or env/.env.<env>.user).`));
  }
  return template.replace(placeholderPattern, (_match, name: string) => JSON.stringify(values[name]!.trim()).slice(1, -1));
}

export function schemaPathFor(manifestVersion: string): string {
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  return file;
}

const validators = new Map<string, ValidateFunction>();

/** The validator for a manifest version, from the schema file bundled in @microsoft/app-manifest (draft-04). */
export function schemaValidator(manifestVersion: string): ValidateFunction {
  const cached = validators.get(manifestVersion);
  if (cached) return cached;
  if (!/^1\.\d+$/.test(manifestVersion)) throw new PackageError([`manifestVersion "${manifestVersion}" is not a released 1.x version.`]);
  let schemaFile: string;
  try {
    schemaFile = schemaPathFor(manifestVersion);
  } catch {
    throw new PackageError([`No JSON schema for manifestVersion ${manifestVersion} is bundled in @microsoft/app-manifest.`]);
  }
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $schema?: string };
  if (!schema.$schema?.includes('draft-04')) throw new PackageError([`${schemaFile} is not a draft-04 schema; update scripts/packageApp.ts.`]);
  // The same settings @microsoft/app-manifest uses for its own (online) validation.
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validators.set(manifestVersion, validate);
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(manifest)' : error.instancePath;
  const details = error.keyword === 'enum' ? ` (allowed: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  const extra = error.keyword === 'additionalProperties' ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"` : '';
  return `${where} ${error.message ?? error.keyword}${extra}${details}`;
}

export interface Manifest {
  manifestVersion: string;
  icons: { color: string; outline: string };
  [key: string]: unknown;
}

/** Problems found by the official JSON schema for the manifest's own manifestVersion. */
export function schemaProblems(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing.'];
  const validate = schemaValidator(version);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(describe);
}

/** Rules the schema does not check (its URL pattern even accepts http://). */
export function ruleProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const domains = Array.isArray(manifest.validDomains) ? (manifest.validDomains as unknown[]).map(String) : [];
  for (const domain of domains) {
    if (/[/:]/.test(domain.replace(/^\*\./, ''))) problems.push(`validDomains: "${domain}" must be a host name only (no https://, port or path).`);
  }
  const checkUrl = (where: string, value: unknown, mustBeInValidDomains: boolean) => {
    if (typeof value !== 'string') return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${where}: "${value}" is not a URL.`);
      return;
    }
    if (url.protocol !== 'https:') problems.push(`${where}: "${value}" must use https.`);
    if (mustBeInValidDomains && !domains.includes(url.host)) problems.push(`${where}: the host ${url.host} is not in validDomains.`);
  };
  const developer = (manifest.developer ?? {}) as Record<string, unknown>;
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) checkUrl(`developer.${key}`, developer[key], false);
  const tabs = Array.isArray(manifest.staticTabs) ? (manifest.staticTabs as Record<string, unknown>[]) : [];
  tabs.forEach((tab, i) => {
    checkUrl(`staticTabs[${i}].contentUrl`, tab.contentUrl, true);
    checkUrl(`staticTabs[${i}].websiteUrl`, tab.websiteUrl, false);
  });
  const sso = manifest.webApplicationInfo as { id?: string; resource?: string } | undefined;
  if (sso?.resource !== undefined) {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource);
    if (!match) problems.push(`webApplicationInfo.resource "${sso.resource}" must be api://<tab domain>/<client id>.`);
    else {
      if (!domains.includes(match[1]!)) problems.push(`webApplicationInfo.resource: ${match[1]} is not in validDomains.`);
      if (match[2] !== sso.id) problems.push('webApplicationInfo.resource must end with webApplicationInfo.id (the tab SSO app client id).');
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk (the first chunk of every valid PNG). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new PackageError(['not a PNG file']);
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function iconProblems(manifest: Manifest, dir = appPackageDir): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = manifest.icons?.[kind];
    if (typeof file !== 'string' || file.includes('/') || file.includes('\\')) {
      problems.push(`icons.${kind} must name a file next to manifest.json.`);
      continue;
    }
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`icons.${kind}: ${path} does not exist (run npm run icons).`);
      continue;
    }
    try {
      const { width, height } = pngSize(readFileSync(path));
      const want = iconSizes[kind];
      if (width !== want.width || height !== want.height) problems.push(`icons.${kind}: ${file} is ${width}×${height}, Teams needs ${want.width}×${want.height}.`);
    } catch {
      problems.push(`icons.${kind}: ${file} is not a PNG file.`);
    }
  }
  return problems;
}

export interface BuiltPackage {
  manifest: Manifest;
  manifestText: string;
  zip: Buffer;
}

/** Fills, validates and zips. Throws a PackageError listing every problem found. */
export async function buildAppPackage(values: EnvValues, dir = appPackageDir): Promise<BuiltPackage> {
  const manifestText = fillPlaceholders(readFileSync(join(dir, 'manifest.json'), 'utf8'), values);
  const manifest = JSON.parse(manifestText) as Manifest;
  const problems = [...schemaProblems(manifest), ...ruleProblems(manifest), ...iconProblems(manifest, dir)];
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  // A fixed date keeps the zip the same for the same input.
  const date = new Date('2020-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file(manifest.icons.color, readFileSync(join(dir, manifest.icons.color)), { date });
  zip.file(manifest.icons.outline, readFileSync(join(dir, manifest.icons.outline)), { date });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { manifest, manifestText, zip: buffer };
}

export function packagePathFor(envName: string, root = projectRoot): string {
  return join(root, 'appPackage', 'build', `appPackage.${envName}.zip`);
}

async function main(argv: string[]): Promise<number> {
  const envName = argv[0] ?? 'dev';
  try {
    const built = await buildAppPackage(readEnvironment(envName));
    const out = packagePathFor(envName);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, built.zip);
    console.log(`Teams app package for "${envName}" (manifest ${built.manifest.manifestVersion}, valid): ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
