import { Person } from '../domain/person';

/** Someone found in the organisation's directory by the address SLT gave. */
export interface DirectoryPerson extends Person {
  email: string;
}

/** The organisation's directory (Microsoft Graph), to turn the email addresses SLT know into people. */
export interface PeopleDirectory {
  /**
   * Each address (as given) → the user whose sign-in name (UPN) it is, or null when there is none. `onProgress` hears
   * how many distinct addresses have been looked up so far, so a long import can say how far it has got.
   */
  findByEmails(emails: readonly string[], onProgress?: (done: number) => void): Promise<Map<string, DirectoryPerson | null>>;
}
