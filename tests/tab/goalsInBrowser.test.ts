import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RunningServer } from '../../bot/server';
import { describeWithBrowser } from '../support/browser';
import { openTabAs, startServerWithBuiltTab } from './tabInBrowser';

/** The tab as a person uses it: the real build, served by the real server in local mode, in headless Chromium. */
describeWithBrowser('the CLPL tab in a browser', (browser) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServerWithBuiltTab();
  }, 120_000);
  afterAll(() => server?.close());

  const openAs = (personName: string, page: Page) => openTabAs(page, server, personName);

  it('adds a goal, sees it listed, updates its progress, and it is still there after a reload; another person does not see it', async () => {
    const context = await browser().newContext({ viewport: { width: 1100, height: 800 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openAs('Ailsa Brown (demo)', page);
    await page.getByText('No goals yet').waitFor();

    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('textbox', { name: 'Goal title' }).fill('Use questioning to deepen thinking');
    await page.getByLabel('What success looks like').fill('Pupils explain their reasoning in pairs');
    await page.getByLabel('GTCS Professional Standards area').selectOption('Professional skills and abilities');
    await page.getByLabel('Target date').fill('2027-06-30');
    await page.getByRole('button', { name: 'Save goal' }).click();

    const goal = page.getByRole('listitem', { name: 'Use questioning to deepen thinking' });
    await goal.getByText('Not started').waitFor();
    await goal.getByText('Professional skills and abilities').waitFor();

    await goal.getByRole('button', { name: 'Update progress' }).click();
    // Keyboard: the note field has focus; type, then tab through to the submit button.
    await page.keyboard.type('Tried think-pair-share with S2; more pupils answered.');
    await goal.getByRole('button', { name: 'Save progress' }).click();
    await goal.getByText('In progress').waitFor();
    await goal.getByText('Tried think-pair-share with S2; more pupils answered.').waitFor();
    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, 'goals.png'), fullPage: true });

    await page.reload();
    await page.getByText('Signed in as Ailsa Brown (demo)').waitFor();
    const reloaded = page.getByRole('listitem', { name: 'Use questioning to deepen thinking' });
    await reloaded.getByText('In progress').waitFor();
    await reloaded.getByText('Tried think-pair-share with S2; more pupils answered.').waitFor();

    await openAs('Callum Reid (demo)', page);
    await page.getByText('No goals yet').waitFor();
    expect(await page.getByText('Use questioning to deepen thinking').count()).toBe(0);
    await context.close();
  });

  it('logs other CLPL and shows the hours against the yearly target', async () => {
    const context = await browser().newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openAs('Morag Campbell (demo SLT)', page);
    await page.getByRole('tab', { name: 'My CLPL' }).click();
    await page.getByText('You have no upcoming sessions.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Log other CLPL' }).click();
    await page.getByLabel('Kind of CLPL').selectOption({ label: 'Peer observation' });
    await page.getByLabel('What was it?').fill('Observed a colleague\'s S1 science lesson');
    await page.getByRole('spinbutton', { name: 'Hours' }).fill('1.5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('1.5 of 35 hours').waitFor();
    await page.getByText('Peer observation: Observed a colleague\'s S1 science lesson (1.5 h)', { exact: false }).waitFor();
    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, 'clpl.png'), fullPage: true });
    await context.close();
  });
});
