import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { Person } from '../../domain/person';
import { OrgDirectory } from '../../ports/lineManagers';
import { relativeNextLink } from './graphClient';

const page = z.object({
  value: z.array(z.object({ '@odata.type': z.string().optional(), id: z.string(), displayName: z.string().nullish() })),
  '@odata.nextLink': z.string().optional(),
});

/** At most this many pages (of up to 999): a runaway next-link loop stops instead of hanging an invoke. */
const maxPages = 20;

/**
 * Direct reports from `/users/{id}/directReports` with the app's own identity (application permission User.Read.All;
 * the bot has no user token). Only users count (not org contacts). An empty list or an unknown manager means Graph
 * holds no relation for them: null, so the caller falls back to the app's map.
 */
export class GraphOrgDirectory implements OrgDirectory {
  constructor(private readonly options: { client: Client; baseUrl: string }) {}

  async directReportsOf(managerId: string): Promise<Person[] | null> {
    const reports: Person[] = [];
    try {
      let next: string | undefined;
      for (let n = 0; n < maxPages; n++) {
        const request = next
          ? this.options.client.api(relativeNextLink(next, this.options.baseUrl))
          : this.options.client.api(`/users/${encodeURIComponent(managerId)}/directReports`).select(['id', 'displayName']).top(999);
        const parsed = page.parse(await request.get());
        for (const entry of parsed.value) {
          if (entry['@odata.type'] && entry['@odata.type'] !== '#microsoft.graph.user') continue;
          reports.push({ id: entry.id, name: entry.displayName?.trim() || entry.id });
        }
        next = parsed['@odata.nextLink'];
        if (!next) break;
      }
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw error;
    }
    return reports.length > 0 ? reports : null;
  }
}
