import { ClplActivityStore } from '../../ports/clplActivityStore';
import { Clock } from '../../ports/clock';
import { GoalStore } from '../../ports/goalStore';
import { OfferStore } from '../../ports/offerStore';

/** What the goal and CLPL-record use cases need; smaller than AppDependencies so the tab API can be tested alone. */
export interface GoalDependencies {
  goals: GoalStore;
  activities: ClplActivityStore;
  offers: Pick<OfferStore, 'upcomingSignUpsOf'>;
  clock: Clock;
  newId(): string;
  standardAreas: readonly string[];
  /** The school's time zone: "today" and note dates are calendar dates there. */
  timeZone: string;
}

export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
