// `npm run bench:tab`: the tab's budget. Builds the tab, then measures
//   1. JS + CSS shipped, gzipped (budget 250 KB);
//   2. navigation → goals visible in headless Chromium, median of 15 loads with 20 goals (budget 1 s);
//   3. Graph requests to load 200 goals from the SharePoint list (budget: one).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createGraphClient } from '../bot/adapters/graph/graphClient';
import { GraphGoalStore } from '../bot/adapters/graph/graphGoalStore';
import { gtcsStandardAreas } from '../bot/domain/tags';
import { buildTab } from '../scripts/buildTab';
import { chromiumArgs, chromiumPath } from '../tests/support/browser';
import { GraphStandIn } from '../tests/support/graphStandIn';
import { startTabServer, tabApi } from '../tests/http/tabServer';

const budget = { gzipKb: 250, medianMs: 1000, graphRequests: 1 };

async function main(): Promise<void> {
  const dist = await buildTab({ outDir: join(mkdtempSync(join(tmpdir(), 'clpl-tab-bench-')), 'tab'), quiet: true });
  const assets = readdirSync(join(dist, 'assets')).filter((f) => ['.js', '.css'].includes(extname(f)));
  const gzipKb = assets.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0) / 1024;

  const graph = await new GraphStandIn().start();
  for (let i = 0; i < 200; i++) graph.seed({ Title: `Goal ${i}`, OwnerId: 'bench-owner', StandardArea: gtcsStandardAreas[0], GoalStatus: 'In progress' });
  const client = createGraphClient({ baseUrl: graph.url, getToken: async () => graph.token });
  const store = new GraphGoalStore({ client, siteId: graph.siteId, listId: graph.listId, baseUrl: graph.url });
  graph.calls.length = 0;
  const loaded = await store.listGoals('bench-owner');
  const graphRequests = graph.calls.length;
  await graph.stop();

  let medianMs = NaN;
  const executablePath = chromiumPath();
  if (executablePath) {
    const server = await startTabServer({ TAB_DIST_DIR: dist });
    const api = tabApi(server.url, { 'X-CLPL-Dev-User': 'demo-ailsa' });
    for (let i = 0; i < 20; i++) await api.post('/api/tab/goals', { title: `Goal ${i}`, successCriteria: 'Measured', standardArea: gtcsStandardAreas[1], targetDate: '2027-06-30' });
    const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const times: number[] = [];
    for (let i = 0; i < 16; i++) {
      const context = await browser.newContext();
      await context.addInitScript(() => localStorage.setItem('clpl.devUser', 'demo-ailsa'));
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.url}/tab/index.html`);
      await page.getByRole('listitem', { name: 'Goal 19' }).waitFor();
      if (i > 0) times.push(Date.now() - started); // the first load warms the browser
      await context.close();
    }
    await browser.close();
    await server.close();
    times.sort((a, b) => a - b);
    medianMs = times[Math.floor(times.length / 2)]!;
  } else {
    console.log('navigation timing skipped: no Chromium found (apt-get install -y chromium)');
  }

  const rows = [
    ['tab JS+CSS gzip', `${gzipKb.toFixed(1)} KB`, `≤ ${budget.gzipKb} KB`, gzipKb <= budget.gzipKb],
    ['navigation → goals visible (median of 15)', `${medianMs} ms`, `≤ ${budget.medianMs} ms`, Number.isNaN(medianMs) || medianMs <= budget.medianMs],
    [`Graph requests for ${loaded.length} goals`, String(graphRequests), `≤ ${budget.graphRequests}`, graphRequests <= budget.graphRequests],
  ] as const;
  for (const [what, measured, limit, ok] of rows) console.log(`${ok ? 'ok  ' : 'OVER'} ${what.padEnd(44)} ${measured.padStart(10)}  (budget ${limit})`);
  if (rows.some((r) => !r[3])) process.exitCode = 1;
}

void main();
