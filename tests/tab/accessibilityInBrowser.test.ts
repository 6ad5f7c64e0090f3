import { join } from 'node:path';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { devUserHeader } from '../../bot/http/auth/identify';
import { gtcsStandardAreas } from '../../bot/domain/tags';
import { RunningServer } from '../../bot/server';
import { schoolId, sltMember } from '../factories';
import { tabApi } from '../http/tabServer';
import { ailsa, seedSchoolWithSessions } from '../http/tabSeed';
import { describeWithBrowser } from '../support/browser';
import { openTabAs, startServerWithBuiltTab } from './tabInBrowser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const axeSource: string = require('axe-core').source;

/**
 * Elements left out of every rule, each a documented false positive rather than a barrier for a person:
 * - `[data-tabster-dummy]`: Fluent UI's focus manager (Tabster) puts `<i tabindex="0" aria-hidden="true">` at the ends
 *   of the section bar; such an element hands the focus on at once, and is hidden so screen readers do not announce it.
 *   axe reports it as aria-hidden-focus (microsoft/fluentui#25133 and #27517, closed "by design"; Accessibility
 *   Insights suppresses it, microsoft/accessibility-insights-web#7605). Only these elements are left out: the rule
 *   still runs on everything else.
 */
const falsePositives = ['[data-tabster-dummy]'];

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/** axe-core's WCAG 2.x A/AA rules and best practices on the whole page, as it is now. */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(
      { include: [['body']], exclude: exclude.map((selector) => [selector]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    );
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, falsePositives);
}

/** Waits until `locator` has the keyboard focus; fails with what has it instead. */
async function expectFocused(page: Page, locator: Locator): Promise<void> {
  const element = await locator.elementHandle();
  try {
    await page.waitForFunction((el) => el === document.activeElement, element, { timeout: 3000 });
  } catch {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `<${el.tagName.toLowerCase()}> ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? ''}` : 'nothing';
    });
    throw new Error(`expected ${locator} to have the focus, but ${focused} has it`);
  }
}

/** The views, each with something on screen that says it has loaded. */
const goalsLoaded = (page: Page) => page.getByRole('button', { name: 'Add goal' });
const views: { tab: string; loaded: (page: Page) => Locator }[] = [
  { tab: 'My goals', loaded: goalsLoaded },
  { tab: 'My CLPL', loaded: (page) => page.getByRole('button', { name: 'Log other CLPL' }) },
  { tab: 'My reflections', loaded: (page) => page.getByText('No reflections yet', { exact: false }) },
  { tab: 'Offers dashboard', loaded: (page) => page.getByRole('row', { name: 'Hinge questions' }) },
  { tab: 'My team', loaded: (page) => page.getByRole('listitem', { name: 'Use hinge questions' }) },
];

async function openView(page: Page, tab: string, loaded: (page: Page) => Locator): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await loaded(page).first().waitFor();
}

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const headerBackground = (page: Page) => page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);

/**
 * The tab for keyboard, screen-reader, small-screen and dark-mode users, in the real build in headless Chromium: SLT
 * who line-manage Ailsa see every view (My goals, My CLPL, My reflections, Offers dashboard, My team).
 */
describeWithBrowser('the CLPL tab is accessible, in a browser', (browser) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServerWithBuiltTab({ CLPL_SLT_IDS: sltMember.id, CLPL_MIN_RESPONSES_TO_SHOW: '2' });
    await seedSchoolWithSessions(server);
    await server.stores.reflections.setLineManager(schoolId, ailsa.id, sltMember.id);
    const goal = { title: 'Use hinge questions', successCriteria: 'Every S2 lesson has one', standardArea: gtcsStandardAreas[2], targetDate: '2027-06-30' };
    for (const person of [ailsa, sltMember]) expect((await tabApi(server.url, { [devUserHeader]: person.id }).post('/api/tab/goals', goal)).status).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  const newPage = async (options: BrowserContextOptions) => {
    const context = await browser().newContext(options);
    context.setDefaultTimeout(10_000);
    return { context, page: await context.newPage() };
  };

  it.each(['light', 'dark'] as const)('axe finds no violations on any view in the %s theme', async (colorScheme) => {
    const { context, page } = await newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
    await openTabAs(page, server, sltMember.name);
    const found: Record<string, Violation[]> = {};
    for (const { tab, loaded } of views) {
      await openView(page, tab, loaded);
      const violations = await axeViolations(page);
      if (violations.length > 0) found[tab] = violations;
    }
    // The forms too, open: their fields and labels.
    await openView(page, 'My goals', goalsLoaded);
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.getByRole('button', { name: 'Update progress' }).click();
    await page.getByRole('form', { name: 'Progress on Use hinge questions' }).waitFor();
    const goalForms = await axeViolations(page);
    if (goalForms.length > 0) found['My goals, forms open'] = goalForms;
    await openView(page, 'My CLPL', views[1]!.loaded);
    await page.getByRole('button', { name: 'Log other CLPL' }).click();
    const logForm = await axeViolations(page);
    if (logForm.length > 0) found['My CLPL, form open'] = logForm;
    expect(found).toEqual({});
    await context.close();
  });

  it('follows the system colour scheme outside Teams, and a change to it while open', async () => {
    const { context, page } = await newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'dark' });
    await openTabAs(page, server, sltMember.name);
    expect(luminance(await headerBackground(page))).toBeLessThan(0.1);
    if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, 'dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('header')!).backgroundColor === 'rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('header')!).backgroundColor !== 'rgb(255, 255, 255)');
    expect(luminance(await headerBackground(page))).toBeLessThan(0.1);
    await context.close();
  });

  it('keeps the focus: opening a form moves it into the form, closing it (Cancel, Save, Escape) returns it to the button that opened it', async () => {
    const { context, page } = await newPage({ viewport: { width: 1100, height: 900 } });
    await openTabAs(page, server, ailsa.name);
    const addGoal = page.getByRole('button', { name: 'Add goal' });

    await addGoal.focus();
    await page.keyboard.press('Enter');
    await expectFocused(page, page.getByRole('textbox', { name: 'Goal title' }));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expectFocused(page, addGoal);

    await page.keyboard.press('Enter');
    await expectFocused(page, page.getByRole('textbox', { name: 'Goal title' }));
    await page.keyboard.press('Escape');
    await expectFocused(page, addGoal);

    await page.keyboard.press('Enter');
    await page.keyboard.type('Plan outdoor lessons');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await page.getByRole('listitem', { name: 'Plan outdoor lessons' }).waitFor();
    await expectFocused(page, addGoal);

    const goal = page.getByRole('listitem', { name: 'Plan outdoor lessons' });
    const updateProgress = goal.getByRole('button', { name: 'Update progress' });
    await updateProgress.focus();
    await page.keyboard.press('Enter');
    await expectFocused(page, goal.getByRole('textbox', { name: 'Progress note' }));
    await page.keyboard.press('Escape');
    await expectFocused(page, updateProgress);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Planned two lessons in the school garden.');
    await goal.getByRole('button', { name: 'Save progress' }).click();
    await goal.getByText('Planned two lessons in the school garden.').waitFor();
    await expectFocused(page, updateProgress);

    const editGoal = goal.getByRole('button', { name: 'Edit goal' });
    await editGoal.click();
    await expectFocused(page, goal.getByRole('textbox', { name: 'Goal title' }));
    await goal.getByRole('button', { name: 'Cancel' }).click();
    await expectFocused(page, editGoal);

    // Mark achieved removes its own button: the focus moves to the goal's first action, not to the page.
    await goal.getByRole('button', { name: 'Mark achieved' }).click();
    await goal.getByText('Achieved', { exact: true }).waitFor();
    await expectFocused(page, updateProgress);

    await page.getByRole('tab', { name: 'My CLPL' }).click();
    const logOther = page.getByRole('button', { name: 'Log other CLPL' });
    await logOther.click();
    await expectFocused(page, page.getByLabel('Kind of CLPL'));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expectFocused(page, logOther);
    await page.keyboard.press('Enter');
    await page.getByLabel('What was it?').fill('Read "Visible Learning" chapter 3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Read "Visible Learning" chapter 3', { exact: false }).waitFor();
    await expectFocused(page, logOther);
    await context.close();
  });

  it('fits a 360 px wide screen (Teams mobile) on every view: no horizontal scrolling', async () => {
    const { context, page } = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await openTabAs(page, server, sltMember.name);
    const overflow: Record<string, number> = {};
    for (const { tab, loaded } of views) {
      await openView(page, tab, loaded);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflow[tab] = width;
      if (process.env.CLPL_SCREENSHOTS) await page.screenshot({ path: join(process.env.CLPL_SCREENSHOTS, `360-${tab.replace(/\W+/g, '-')}.png`), fullPage: true });
    }
    expect(overflow).toEqual({});
    await context.close();
  });
});
