import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { DirectoryPerson, PeopleDirectory } from '../../ports/peopleDirectory';

const user = z.object({ id: z.string().min(1), displayName: z.string().nullish() });

/** Lookups in flight at once: enough to import a school in seconds, few enough to stay clear of Graph's throttling. */
const defaultConcurrency = 4;

/**
 * Finds users by sign-in name with the app's own identity (`GET /users/{upn}`, application permission User.Read.All).
 * One request each, a few at a time: the client's retry handler then honours a 429's Retry-After per request, which a
 * `$batch` would leave to us for each inner response. Unknown (404) or malformed (400) addresses are null.
 */
export class GraphPeopleDirectory implements PeopleDirectory {
  constructor(private readonly options: { client: Client; concurrency?: number }) {}

  async findByEmails(emails: readonly string[], onProgress?: (done: number) => void): Promise<Map<string, DirectoryPerson | null>> {
    const wanted = [...new Set(emails)];
    const found = new Map<string, DirectoryPerson | null>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < wanted.length) {
        const email = wanted[next++]!;
        found.set(email, await this.findOne(email));
        onProgress?.(found.size);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? defaultConcurrency, wanted.length) }, worker));
    return found;
  }

  private async findOne(email: string): Promise<DirectoryPerson | null> {
    try {
      const body = user.parse(
        await this.options.client.api(`/users/${encodeURIComponent(email.trim())}`).select(['id', 'displayName', 'mail', 'userPrincipalName']).get(),
      );
      return { id: body.id, name: body.displayName?.trim() || email.trim(), email: email.trim() };
    } catch (error) {
      if (error instanceof GraphError && (error.statusCode === 404 || error.statusCode === 400)) return null;
      throw error;
    }
  }
}
