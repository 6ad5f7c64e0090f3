import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RunningServer } from '../../bot/server';
import { sltMember } from '../factories';
import { ailsa, seedSchoolWithSessions } from '../http/tabSeed';
import { describeWithBrowser } from '../support/browser';
import { openTabAs, startServerWithBuiltTab } from './tabInBrowser';

/** SLT's dashboard, goal editing and evidence, and the attendance in My CLPL, in the real build in headless Chromium. */
describeWithBrowser('the CLPL tab for SLT and for goal editing, in a browser', (browser) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServerWithBuiltTab({ CLPL_SLT_IDS: sltMember.id, CLPL_MIN_RESPONSES_TO_SHOW: '2' });
    await seedSchoolWithSessions(server);
  }, 120_000);
  afterAll(() => server?.close());

  const openAs = (personName: string, page: Page) => openTabAs(page, server, personName);

  it('SLT see sign-ups, attendance and impact per offer, download the CSV and set a part-timer\'s share; staff have no dashboard', async () => {
    const context = await browser().newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openAs(sltMember.name, page);
    await page.getByRole('tab', { name: 'Offers dashboard' }).click();
    const recent = page.getByRole('row', { name: 'Hinge questions' });
    await recent.getByText('3 of 3 confirmed, 1 waitlisted').waitFor();
    await recent.getByText('Too few responses to show', { exact: false }).waitFor();
    await page.getByRole('row', { name: 'Retrieval practice' }).getByText('Value 4.0/5', { exact: false }).waitFor();
    await page.getByRole('row', { name: 'Outdoor learning' }).getByText('Not started').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), recent.getByRole('button', { name: 'Download CSV for Hinge questions' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clpl-impact-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('counts,attended,2,');
    expect(csv).toContain('too few responses to show');

    await page.getByLabel('Member of staff').selectOption({ label: 'Dana Absent (100%)' });
    await page.getByRole('spinbutton', { name: 'Share of full time for Dana Absent' }).fill('80');
    await page.getByRole('form', { name: 'Share of full time for Dana Absent' }).getByRole('button', { name: 'Save share' }).click();
    await page.getByRole('option', { name: 'Dana Absent (80%)' }).waitFor({ state: 'attached' });
    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, 'dashboard.png'), fullPage: true });

    await openAs(ailsa.name, page);
    await page.getByRole('tab', { name: 'My CLPL' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Offers dashboard' }).count()).toBe(0);
    await context.close();
  });

  it('a person downloads their own record and MyPL entries from My CLPL, with their sign-in', async () => {
    const context = await browser().newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openAs(ailsa.name, page);
    await page.getByRole('tab', { name: 'My CLPL' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'MyPL entries (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^mypl-entries-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = readFileSync((await csv.path())!, 'utf8');
    expect(rows).toContain('Professional Standards');
    expect(rows).toContain('Retrieval practice');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Record as JSON' }).click()]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toMatchObject({ kind: 'clpl-personal-record', person: { id: ailsa.id } });
    await context.close();
  });

  it('a person edits a goal and adds an attended session and a link as evidence; My CLPL shows attendance, feedback due and a pro rata target', async () => {
    const context = await browser().newContext({ viewport: { width: 1100, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openAs(ailsa.name, page);
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('textbox', { name: 'Goal title' }).fill('Questioning');
    await page.getByRole('button', { name: 'Save goal' }).click();

    const goal = page.getByRole('listitem', { name: 'Questioning' });
    await goal.getByRole('button', { name: 'Edit goal' }).click();
    const form = page.getByRole('form', { name: 'Edit Questioning' });
    await form.getByRole('textbox', { name: 'Goal title' }).fill('Use hinge questions in every lesson');
    await form.getByLabel('What success looks like').fill('Every S2 lesson has a hinge question');
    await form.getByLabel('GTCS Professional Standards area').selectOption('Professional knowledge and understanding');
    await form.getByLabel('Target date').fill('2027-03-31');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const edited = page.getByRole('listitem', { name: 'Use hinge questions in every lesson' });
    await edited.getByText('Professional knowledge and understanding · Target 31 Mar 2027').waitFor();

    await edited.getByRole('button', { name: 'Add evidence' }).click();
    await edited.getByLabel('Kind of evidence').selectOption({ label: 'A session I attended' });
    // Attended sessions are listed latest first, after the "Choose a session" prompt.
    await edited.getByLabel('Session').selectOption({ index: 1 });
    await edited.getByRole('button', { name: 'Add evidence' }).click();
    await edited.getByText(/^Session .*: Hinge questions$/).waitFor();

    await edited.getByRole('button', { name: 'Add evidence' }).click();
    await edited.getByRole('textbox', { name: 'Web address' }).fill('https://example.sharepoint.com/enquiry.docx');
    await edited.getByRole('textbox', { name: 'Label' }).fill('My enquiry write-up');
    await edited.getByRole('button', { name: 'Add evidence' }).click();
    await edited.getByRole('link', { name: 'My enquiry write-up' }).waitFor();

    await page.reload();
    await page.getByText(`Signed in as ${ailsa.name}`).waitFor();
    await page.getByRole('listitem', { name: 'Use hinge questions in every lesson' }).getByRole('link', { name: 'My enquiry write-up' }).waitFor();

    await page.getByRole('tab', { name: 'My CLPL' }).click();
    await page.getByText('3.5 of 35 hours').waitFor();
    await page.getByRole('spinbutton', { name: 'My share of full time' }).fill('50');
    await page.getByRole('form', { name: 'My share of full time' }).getByRole('button', { name: 'Save share' }).click();
    await page.getByText('3.5 of 17.5 hours').waitFor();
    await page.getByRole('list', { name: 'Sessions awaiting feedback' }).getByText('Hinge questions', { exact: false }).waitFor();
    await page.getByRole('list', { name: 'Sessions attended' }).getByText('Retrieval practice (2 h)', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Add Outdoor learning to your calendar' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Your private calendar address' }).inputValue()).toMatch(/\/calendar\/.+\/clpl\.ics$/);
    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, 'clpl-attended.png'), fullPage: true });
    await context.close();
  });
});
