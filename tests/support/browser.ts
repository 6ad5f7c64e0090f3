import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where the Debian chromium package puts the browser (`apt-get install -y chromium`); CHROMIUM_PATH overrides. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/**
 * `describe` for browser tests: run when Chromium is installed, required when CI=true (a missing browser then fails
 * the suite), otherwise skipped with a one-line notice.
 */
export function describeWithBrowser(name: string, suite: (browser: () => Browser) => void): void {
  const path = chromiumPath();
  const required = process.env.CI === 'true' || process.env.CI === '1';
  if (!path && !required) {
    process.stderr.write(`${name} skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
    describe.skip(name, () => suite(() => undefined as unknown as Browser));
    return;
  }
  let browser: Browser | undefined;
  describe(name, () => {
    beforeAll(async () => {
      if (!path) throw new Error('Browser tests are required when CI=true, but no Chromium was found: apt-get install -y chromium');
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: path, args: chromiumArgs, headless: true });
    });
    afterAll(async () => {
      await browser?.close();
    });
    suite(() => {
      if (!browser) throw new Error('browser not launched');
      return browser;
    });
  });
}
