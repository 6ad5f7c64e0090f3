/** Who may lead CLPL (create offers, choose the channel) in a school: SLT, identified by Entra object id. */
export interface Leadership {
  isSlt(schoolId: string, personId: string): boolean;
  /** The configured SLT of a school (empty in local mode with no SLT configured), e.g. to ask for an approval. */
  sltIdsOf(schoolId: string): readonly string[];
}

export interface SchoolLeadershipConfig {
  /** SLT ids per school id; the `*` entry applies to every school (a deployment that serves one school). */
  sltBySchool: Record<string, readonly string[]>;
  /**
   * Local mode with no SLT configured: a school without SLT of its own (a team added from the Agents Playground) is
   * led by everyone in it, so a newcomer can try the whole journey. A school that names its SLT (the seeded demo
   * school) keeps real roles.
   */
  schoolsWithoutSltLedByEveryone: boolean;
}

export function leadershipFromConfig(config: SchoolLeadershipConfig): Leadership {
  const sltIdsOf = (schoolId: string) => [...new Set([...(config.sltBySchool[schoolId] ?? []), ...(config.sltBySchool['*'] ?? [])])];
  return {
    isSlt(schoolId, personId) {
      const ids = sltIdsOf(schoolId);
      return ids.length === 0 ? config.schoolsWithoutSltLedByEveryone : ids.includes(personId);
    },
    sltIdsOf,
  };
}
