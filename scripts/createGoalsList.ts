// `npx tsx scripts/createGoalsList.ts` (with GRAPH_SITE_ID and the app identity in the environment, as for the server):
// creates the SharePoint list that keeps staff goals when GOALS_STORE=graph, and prints its id for GRAPH_GOALS_LIST_ID.
// The app needs Sites.Selected with the `manage` role on the site for this one step (`write` is enough afterwards);
// infra/DEPLOY.md says how to grant it.
import 'dotenv/config';
import { appTokenSource } from '../bot/adapters/graph/appCredential';
import { createGraphClient } from '../bot/adapters/graph/graphClient';
import { loadTabConfig } from '../bot/http/tabConfig';

export const goalsListDefinition = {
  displayName: 'CLPL goals',
  list: { template: 'genericList' },
  columns: [
    // The owner's Entra object id. Indexed: every read filters on it.
    { name: 'OwnerId', text: {}, indexed: true, required: true },
    { name: 'SuccessCriteria', text: { allowMultipleLines: true, linesForEditing: 6 } },
    { name: 'StandardArea', text: {} },
    { name: 'TargetDate', dateTime: { format: 'dateOnly' } },
    { name: 'GoalStatus', choice: { choices: ['Not started', 'In progress', 'Achieved'] } },
    { name: 'ProgressNotes', text: { allowMultipleLines: true, linesForEditing: 6 } },
    { name: 'EvidenceLinks', text: { allowMultipleLines: true, linesForEditing: 6 } },
  ],
};

async function main(): Promise<void> {
  const problems: string[] = [];
  const config = loadTabConfig({ ...process.env, GOALS_STORE: 'graph', GRAPH_GOALS_LIST_ID: 'to-be-created' }, problems);
  if (config.goals.kind !== 'graph') throw new Error(problems.join('\n'));
  const { siteId, baseUrl, identity } = config.goals;
  const client = createGraphClient({ baseUrl, getToken: appTokenSource(identity, baseUrl) });
  const list = (await client.api(`/sites/${encodeURIComponent(siteId)}/lists`).post(goalsListDefinition)) as { id: string; webUrl: string };
  console.log(`Created "${goalsListDefinition.displayName}" (${list.webUrl}).\nSet GRAPH_GOALS_LIST_ID=${list.id}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
