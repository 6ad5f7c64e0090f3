/** Who may lead CLPL (create offers, choose the channel) in a school: SLT, identified by Entra object id. */
export interface Leadership {
  isSlt(schoolId: string, personId: string): boolean;
  /** The configured SLT of a school (empty in local mode with no SLT configured), e.g. to ask for an approval. */
  sltIdsOf(schoolId: string): readonly string[];
}

export interface SchoolLeadershipConfig {
  /** SLT ids per school id; the `*` entry applies to every school (a deployment that serves one school). */
  sltBySchool: Record<string, readonly string[]>;
  /** Local mode with no SLT configured: everyone may lead, so a newcomer can try the whole journey. */
  everyoneIsSlt: boolean;
}

export function leadershipFromConfig(config: SchoolLeadershipConfig): Leadership {
  return {
    isSlt(schoolId, personId) {
      if (config.everyoneIsSlt) return true;
      const ids = [...(config.sltBySchool[schoolId] ?? []), ...(config.sltBySchool['*'] ?? [])];
      return ids.includes(personId);
    },
    sltIdsOf(schoolId) {
      return [...new Set([...(config.sltBySchool[schoolId] ?? []), ...(config.sltBySchool['*'] ?? [])])];
    },
  };
}
