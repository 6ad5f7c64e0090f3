import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RunningServer } from '../../bot/server';
import { authorityLead, seedPartnership, teacher } from '../http/partnershipSeed';
import { describeWithBrowser } from '../support/browser';
import { openTabAs, startServerWithBuiltTab } from './tabInBrowser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const axeSource: string = require('axe-core').source;

/** axe-core's WCAG 2.x A/AA rules on the page as it is now (Fluent's focus-trap dummies left out, as in accessibilityInBrowser). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** A group lead's Partnership view in the real build in headless Chromium. */
describeWithBrowser('the partnership report in the tab, in a browser', (browser) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServerWithBuiltTab({ CLPL_MIN_RESPONSES_TO_SHOW: '3' });
    await seedPartnership(server);
  }, 120_000);
  afterAll(() => server?.close());

  it('a lead sees the table and a chart with its numbers in words, changes the group and downloads the CSV; staff have no Partnership tab', async () => {
    const context = await browser().newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openTabAs(page, server, authorityLead.name);
    await page.getByRole('tab', { name: 'Partnership' }).click();

    const braes = page.getByRole('row', { name: 'Braes High' });
    await braes.getByText('Withheld: fewer than 3 responses').waitFor();
    await page.getByRole('row', { name: 'Falkirk Council' }).getByText('+1.33').first().waitFor();
    const chart = page.getByRole('img', { name: /Mean change in staff knowledge, understanding and confidence/ });
    const alternative = (await chart.getAttribute('aria-label')) ?? '';
    expect(alternative).toContain('Falkirk Council +1.33 (n=9)');
    expect(alternative).toContain('Braes High Withheld: fewer than 3 responses');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clpl-partnership-falkirk-.+\.csv$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('withheld: fewer than 3 responses');

    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, 'partnership.png'), fullPage: true });
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'North cluster (cluster)' });
    await page.getByRole('heading', { name: /^Partnership: North cluster/ }).waitFor();
    expect(await page.getByRole('row', { name: 'Braes High' }).count()).toBe(0);

    await openTabAs(page, server, teacher.name);
    await page.getByRole('tab', { name: 'My CLPL' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Partnership' }).count()).toBe(0);
    await context.close();
  });

  it('fits a 360 px wide screen (Teams mobile) in the dark theme, the table scrolling inside its own region', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openTabAs(page, server, authorityLead.name);
    await page.getByRole('tab', { name: 'Partnership' }).click();
    await page.getByRole('row', { name: 'Braes High' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, '360-partnership.png'), fullPage: true });
    await context.close();
  });
});
