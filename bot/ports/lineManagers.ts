import { Person } from '../domain/person';

/**
 * The organisation's own directory (Microsoft Graph): a manager's direct reports, or null when it holds no manager
 * data for them (common in shared tenants such as Glow) — then the app's own map decides.
 */
export interface OrgDirectory {
  directReportsOf(managerId: string): Promise<Person[] | null>;
}
