/** Someone the bot cannot message 1:1, and why, for SLT to follow up. */
export interface UnreachablePerson {
  personId: string;
  /** As last seen in the school's teams; null when the bot has never seen them there. */
  name: string | null;
  reason: string;
  since: Date;
}

/** Who could not be reached 1:1, and whether the app was already installed for them to make them reachable. */
export interface ReachabilityLog {
  recordUnreachable(input: { personId: string; schoolId: string; reason: string }, now: Date): Promise<void>;
  /** Remembers that the app was installed for this person; returns false when that was already done (install once). */
  recordInstallRequested(input: { personId: string; schoolId: string }, now: Date): Promise<boolean>;
  installRequestedAt(personId: string): Promise<Date | null>;
  /** A message reached them: they are off the list, and a later failure may try installing again. */
  recordReached(personId: string): Promise<void>;
  unreachableIn(schoolId: string): Promise<UnreachablePerson[]>;
}

/** Installs the Teams app for a person (personal scope) so the bot receives their conversation reference. */
export interface AppInstaller {
  install(personId: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}
