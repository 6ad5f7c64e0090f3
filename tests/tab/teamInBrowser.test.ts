import type { Page } from 'playwright-core';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { RunningServer } from '../../bot/server';
import { schoolId, sltMember } from '../factories';
import { tabApi } from '../http/tabServer';
import { ailsa, callum, dana, seedSchoolWithSessions } from '../http/tabSeed';
import { describeWithBrowser } from '../support/browser';
import { openTabAs, startServerWithBuiltTab } from './tabInBrowser';
import { devUserHeader } from '../../bot/http/auth/identify';

/** A line manager reads a direct report's goals, hours and sessions in the real build; someone without reports has no "My team". */
describeWithBrowser("the tab's read-only My team view, in a browser", (browser) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServerWithBuiltTab({ CLPL_SLT_IDS: sltMember.id });
    await seedSchoolWithSessions(server);
    await server.stores.reflections.setLineManager(schoolId, ailsa.id, callum.id);
    const goal = { title: 'Use hinge questions', successCriteria: 'Every S2 lesson has one', standardArea: gtcsStandardAreas[2], targetDate: '2027-06-30' };
    expect((await tabApi(server.url, { [devUserHeader]: ailsa.id }).post('/api/tab/goals', goal)).status).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  const openAs = (personName: string, page: Page) => openTabAs(page, server, personName);

  it("the manager sees the report's goals, hours and sessions, with nothing to edit or withdraw; a person without reports has no My team", async () => {
    const context = await browser().newContext({ viewport: { width: 1100, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await openAs(callum.name, page);
    await page.getByRole('tab', { name: 'My team' }).click();
    await page.getByRole('listitem', { name: 'Use hinge questions' }).waitFor();
    await page.getByText('3.5 of 35 hours').waitFor();
    await page.getByRole('list', { name: 'Sessions attended' }).getByText('Retrieval practice', { exact: false }).waitFor();
    const upcoming = page.getByRole('list', { name: 'Upcoming sessions' }).getByRole('listitem', { name: 'Outdoor learning' });
    await upcoming.getByText('Place confirmed', { exact: false }).waitFor();
    await page.getByRole('list', { name: 'Sessions awaiting feedback' }).getByText('Hinge questions', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit goal' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /calendar/i }).count()).toBe(0);

    await openAs(dana.name, page);
    await page.getByRole('tab', { name: 'My CLPL' }).waitFor();
    expect(await page.getByRole('tab', { name: 'My team' }).count()).toBe(0);
    await context.close();
  });
});
