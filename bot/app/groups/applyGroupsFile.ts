import { Logger } from 'pino';
import { GroupsFileConfig } from '../../groupsConfig';
import { Stores } from '../../ports/stores';

/**
 * Applies the (already checked) groups file at start-up, in one transaction and only when it changed since last
 * applied, so leads' changes by command outlive restarts. A result that would not be valid (GroupsFileRejected,
 * every problem listed) stops start-up with the stores closed.
 */
export async function applyGroupsFile(stores: Stores, groups: GroupsFileConfig, at: Date, logger: Logger): Promise<{ applied: boolean }> {
  try {
    const { applied, groups: count } = await stores.groups.applyFile(groups.definitions, groups.fingerprint, at);
    logger.info({ event: applied ? 'groups_file_applied' : 'groups_file_unchanged', file: groups.file, groups: count });
    return { applied };
  } catch (error) {
    await stores.close();
    throw error;
  }
}
