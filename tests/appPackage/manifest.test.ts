import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/drawIcons';
import {
  appPackageDir,
  buildAppPackage,
  fillPlaceholders,
  iconProblems,
  iconSizes,
  Manifest,
  manifestTemplatePath,
  PackageError,
  placeholdersIn,
  pngSize,
  readEnvironment,
  ruleProblems,
  schemaPathFor,
  schemaProblems,
} from '../../scripts/packageApp';

const template = readFileSync(manifestTemplatePath, 'utf8');
const devEnv = readEnvironment('dev');
const filledText = fillPlaceholders(template, devEnv);
const filled = JSON.parse(filledText) as Manifest & Record<string, any>;

/** A fresh, deep copy of the filled manifest to break. */
const copy = (): Record<string, any> => JSON.parse(filledText);

function errorOf(fn: () => unknown): PackageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error('expected a PackageError');
}

describe('app manifest template', () => {
  it('uses a manifest schema of 1.19 or later whose JSON schema is bundled in @microsoft/app-manifest', () => {
    const [major, minor] = filled.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(schemaPathFor(filled.manifestVersion)).toMatch(/@microsoft[\\/]app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.\d+[\\/]MicrosoftTeams\.schema\.json$/);
    expect(filled.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${filled.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('uses exactly the Agents Toolkit placeholders the environments provide', () => {
    expect(placeholdersIn(template).sort()).toEqual(['AAD_APP_CLIENT_ID', 'APP_NAME_SUFFIX', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID']);
  });

  it('is completely filled from env/.env.dev, with GUID-shaped ids and an https tab endpoint', () => {
    expect(placeholdersIn(filledText)).toEqual([]);
    expect(filledText).not.toContain('${{');
    const guid = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
    expect(filled.id).toMatch(guid);
    expect(filled.bots[0].botId).toMatch(guid);
    expect(filled.webApplicationInfo.id).toMatch(guid);
    expect(devEnv.TAB_ENDPOINT).toBe(`https://${devEnv.TAB_DOMAIN}`);
  });

  it('is valid against the official schema and the extra rules', () => {
    expect(schemaProblems(filled)).toEqual([]);
    expect(ruleProblems(filled)).toEqual([]);
    expect(iconProblems(filled)).toEqual([]);
  });

  it('also builds for the local environment', () => {
    const local = JSON.parse(fillPlaceholders(template, readEnvironment('local')));
    expect(schemaProblems(local)).toEqual([]);
    expect(ruleProblems(local)).toEqual([]);
  });

  it('declares the bot in personal and team scope with a command list for each', () => {
    expect(filled.bots).toHaveLength(1);
    const bot = filled.bots[0];
    expect([...bot.scopes].sort()).toEqual(['personal', 'team']);
    // Senior leaders send a programme CSV in the 1:1 chat (bot/adapters/teams/programmeUpload.ts).
    expect(bot.supportsFiles).toBe(true);
    expect(bot.isNotificationOnly).toBe(false);
    const commands = (scope: string) => bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes(scope)).commands.map((c: { title: string }) => c.title);
    expect(commands('personal')).toEqual(['help', 'my clpl', 'new offer']);
    expect(commands('team')).toEqual(['help', 'use this channel']);
  });

  it('has the personal "My CLPL" tab, tab SSO and only the permissions it needs', () => {
    expect(filled.staticTabs).toEqual([
      {
        entityId: 'myclpl',
        name: 'My CLPL',
        contentUrl: `${devEnv.TAB_ENDPOINT}/tab/index.html`,
        websiteUrl: `${devEnv.TAB_ENDPOINT}/tab/index.html`,
        scopes: ['personal'],
      },
    ]);
    expect(filled.validDomains).toEqual([devEnv.TAB_DOMAIN]);
    expect(filled.webApplicationInfo).toEqual({ id: devEnv.AAD_APP_CLIENT_ID, resource: `api://${devEnv.TAB_DOMAIN}/${devEnv.AAD_APP_CLIENT_ID}` });
    expect(filled.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(filled.name.short).toBe(`CLPL${devEnv.APP_NAME_SUFFIX}`);
    expect(filled.description.full).toMatch(/Scottish schools/);
    expect(filled.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
  });
});

describe('the validator catches mistakes', () => {
  it('rejects a bot scope that does not exist', () => {
    const broken = copy();
    broken.bots[0].scopes = ['personal', 'everywhere'];
    expect(schemaProblems(broken)).toEqual(expect.arrayContaining([expect.stringContaining('/bots/0/scopes/1')]));
  });

  it('rejects a manifest missing a required field', () => {
    const broken = copy();
    delete broken.developer;
    expect(schemaProblems(broken)).toEqual(expect.arrayContaining([expect.stringMatching(/developer/)]));
  });

  it('rejects an app id that is not a GUID and an unknown property', () => {
    const broken = copy();
    broken.id = 'not-a-guid';
    broken.botCommands = [];
    const problems = schemaProblems(broken);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('/id'), expect.stringContaining('botCommands')]));
  });

  it('rejects a short name over 30 characters', () => {
    const broken = copy();
    broken.name.short = 'Career-Long Professional Learning';
    expect(schemaProblems(broken)).toEqual(expect.arrayContaining([expect.stringContaining('/name/short')]));
  });

  it('rejects a manifest version with no bundled schema', () => {
    const broken = copy();
    broken.manifestVersion = '1.99';
    expect(() => schemaProblems(broken)).toThrow(/No JSON schema for manifestVersion 1.99/);
  });

  it('rejects http URLs, a tab outside validDomains, and an SSO resource that does not match', () => {
    const broken = copy();
    broken.staticTabs[0].contentUrl = 'http://elsewhere.example.org/tab/index.html';
    broken.developer.privacyUrl = 'http://www.example.org/privacy';
    broken.webApplicationInfo.resource = `api://${devEnv.TAB_DOMAIN}/00000000-0000-4000-8000-000000000000`;
    broken.validDomains = [`https://${devEnv.TAB_DOMAIN}`];
    const problems = ruleProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('staticTabs[0].contentUrl: "http://elsewhere.example.org/tab/index.html" must use https'),
        expect.stringContaining('the host elsewhere.example.org is not in validDomains'),
        expect.stringContaining('developer.privacyUrl'),
        expect.stringContaining('must end with webApplicationInfo.id'),
        expect.stringContaining('must be a host name only'),
      ]),
    );
  });

  it('names every placeholder left unfilled', () => {
    const values = { ...devEnv };
    delete values.TAB_DOMAIN;
    values.BOT_ID = '  ';
    const error = errorOf(() => fillPlaceholders(template, values));
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain('${{BOT_ID}}');
    expect(error.message).toContain('${{TAB_DOMAIN}}');
  });

  it('lets APP_NAME_SUFFIX be empty (a production name), like the Agents Toolkit', () => {
    const manifest = JSON.parse(fillPlaceholders(template, { ...devEnv, APP_NAME_SUFFIX: '' }));
    expect(manifest.name.short).toBe('CLPL');
  });

  it('escapes values so they cannot break the JSON', () => {
    const manifest = JSON.parse(fillPlaceholders(template, { ...devEnv, APP_NAME_SUFFIX: ' "dev"\\' }));
    expect(manifest.name.short).toBe('CLPL"dev"\\');
  });
});

describe('icons', () => {
  const color = readFileSync(join(appPackageDir, 'color.png'));
  const outline = readFileSync(join(appPackageDir, 'outline.png'));

  it('are exactly 192×192 (colour) and 32×32 (outline)', () => {
    expect(pngSize(color)).toEqual(iconSizes.color);
    expect(pngSize(outline)).toEqual(iconSizes.outline);
    expect(PNG.sync.read(color).width).toBe(192);
    expect(PNG.sync.read(outline).height).toBe(32);
  });

  it('outline icon has only white or fully transparent pixels, and some of each', () => {
    const png = PNG.sync.read(outline);
    let white = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(white).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(50);
  });

  it('colour icon is opaque and in colour', () => {
    const png = PNG.sync.read(color);
    const colours = new Set<string>();
    let notOpaque = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] !== 255) notOpaque++;
      colours.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
    }
    expect(notOpaque).toBe(0);
    expect(colours.size).toBeGreaterThan(3);
  });

  it('are what scripts/drawIcons.ts draws (run `npm run icons` after changing it)', () => {
    expect(PNG.sync.read(drawColorIcon()).data.equals(PNG.sync.read(color).data)).toBe(true);
    expect(PNG.sync.read(drawOutlineIcon()).data.equals(PNG.sync.read(outline).data)).toBe(true);
  });

  it('a wrong size is reported', () => {
    expect(iconProblems({ ...filled, icons: { color: 'outline.png', outline: 'color.png' } })).toEqual([
      'icons.color: outline.png is 32×32, Teams needs 192×192.',
      'icons.outline: color.png is 192×192, Teams needs 32×32.',
    ]);
    expect(() => pngSize(Buffer.from('not a png at all, not at all'))).toThrow(PackageError);
  });
});

describe('app package zip', () => {
  it('contains exactly manifest.json, color.png and outline.png at the root', async () => {
    const built = await buildAppPackage(devEnv);
    const zip = await JSZip.loadAsync(built.zip);
    const files = Object.values(zip.files).map((f) => (f.dir ? `${f.name} (folder)` : f.name));
    expect(files.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toEqual(filled);
    expect((await zip.file('color.png')!.async('nodebuffer')).equals(readFileSync(join(appPackageDir, 'color.png')))).toBe(true);
  });

  it('is not built when the manifest is invalid, and says why', async () => {
    await expect(buildAppPackage({ ...devEnv, TEAMS_APP_ID: 'clpl' })).rejects.toThrow(/\/id must match pattern/);
  });
});
