import { GoalStore } from '../../ports/goalStore';
import { OrgDirectory } from '../../ports/lineManagers';
import { PeopleDirectory } from '../../ports/peopleDirectory';
import type { AppDependencies } from '../dependencies';

/** What PRD reflection needs beyond the common dependencies. */
export interface ReflectionServices {
  /** Microsoft Graph's org chart; null in local mode (the app's map alone). */
  org: OrgDirectory | null;
  /** Microsoft Graph's users, to find people SLT name by email; absent in local mode (school members alone). */
  people?: PeopleDirectory | null;
  /** The goal store the tab uses, where proposed goals go. */
  goals: GoalStore;
  /** A round's answers changed: redraw its tracking card (coalesced, after commit). */
  trackingChanged(roundId: string): void;
  onOrgError?(error: unknown): void;
}

export function reflectionServices(app: AppDependencies): ReflectionServices {
  return app.reflections ?? { org: null, goals: app.stores.goals, trackingChanged: () => undefined };
}
