// `npm run build:tab`: builds the companion tab (tab/, React + Fluent UI v9 + teams-js) into dist/tab, which the
// server serves under /tab. Run by `prestart`, by the browser test's set-up and before staging the web app.
import { resolve } from 'node:path';

export const tabRoot = resolve(__dirname, '..', 'tab');
export const tabOutDir = resolve(__dirname, '..', 'dist', 'tab');

export async function buildTab(options: { outDir?: string; quiet?: boolean } = {}): Promise<string> {
  // vite is ESM-only: loaded with a real dynamic import, which TypeScript's CommonJS output would otherwise rewrite.
  const vite = (await new Function('m', 'return import(m)')('vite')) as typeof import('vite');
  const outDir = options.outDir ?? tabOutDir;
  // A production build whatever the caller's NODE_ENV (jest sets `test`, which would select React's development JSX).
  process.env.NODE_ENV = 'production';
  await vite.build({
    configFile: false,
    root: tabRoot,
    base: '/tab/',
    logLevel: options.quiet ? 'warn' : 'info',
    esbuild: { jsx: 'automatic' },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1024, reportCompressedSize: !options.quiet,
      rollupOptions: {
        // Fluent UI marks its modules "use client" (a React Server Components hint that means nothing to a static tab).
        onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)),
      },
    },
  });
  return outDir;
}

/** Builds in a child process (for callers such as jest that cannot import an ES module); returns the folder. */
export function buildTabInChildProcess(outDir: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const tsx = resolve(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  execFileSync(process.execPath, [tsx, __filename, '--out-dir', outDir, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  return outDir;
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  buildTab({ outDir: arg('--out-dir'), quiet: process.argv.includes('--quiet') }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
