// `npm run stage:webapp` (after `npm run build`): lays out dist/webapp/, the folder `atk deploy` zips and uploads to
// App Service, which runs it read-only (WEBSITE_RUN_FROM_PACKAGE=1) with `npm run start:prod`:
//   dist/webapp/package.json, package-lock.json   the start script and the exact dependency versions
//   dist/webapp/dist/bot/**                        the compiled server (node dist/bot/main.js)
//   dist/webapp/node_modules/**                    production dependencies only (npm ci --omit=dev)
//
// Install scripts are skipped (--ignore-scripts): the package then holds no native binaries built for this machine,
// so it can be staged on Windows or macOS and still run on Linux. The only production dependencies with install
// scripts are better-sqlite3 (the embedded store, which is never used on App Service: DATABASE_URL is always set
// there, and better-sqlite3 loads its binary only when a SQLite database is opened) and restify's optional
// dtrace-provider.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface StageOptions {
  root: string;
  outDir: string;
  /** Run `npm ci --omit=dev` in the staged folder (off in tests: it needs the registry). */
  install: boolean;
}

export const npmCiArgs = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];

/** Copies what the web app needs into outDir (emptied first) and returns the top-level entries. */
export function stageWebApp({ root, outDir, install }: StageOptions): string[] {
  const compiled = join(root, 'dist', 'bot', 'main.js');
  if (!existsSync(compiled)) throw new Error(`${compiled} does not exist: run \`npm run build\` first.`);
  for (const file of ['package.json', 'package-lock.json']) {
    if (!existsSync(join(root, file))) throw new Error(`${join(root, file)} does not exist.`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(outDir, 'package.json'));
  cpSync(join(root, 'package-lock.json'), join(outDir, 'package-lock.json'));
  cpSync(join(root, 'dist', 'bot'), join(outDir, 'dist', 'bot'), { recursive: true });
  // The companion tab's static build (`npm run build` runs `build:tab`), served under /tab.
  if (existsSync(join(root, 'dist', 'tab'))) cpSync(join(root, 'dist', 'tab'), join(outDir, 'dist', 'tab'), { recursive: true });
  if (install) {
    const result = spawnSync('npm', npmCiArgs, { cwd: outDir, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error(`npm ${npmCiArgs.join(' ')} failed in ${outDir}.`);
  }
  return readdirSync(outDir).sort();
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const outDir = join(root, 'dist', 'webapp');
  try {
    stageWebApp({ root, outDir, install: true });
    console.log(`Staged the web app in ${outDir}.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
