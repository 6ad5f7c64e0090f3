import { ClplActivity } from '../domain/clplRecord';

/** CLPL a person logged themselves (courses, observations, reading, enquiry). Every call names the owner. */
export interface ClplActivityStore {
  addActivity(activity: ClplActivity): Promise<void>;
  /** The person's activities dated in [from, to] (YYYY-MM-DD, inclusive), newest first. */
  activitiesOf(ownerId: string, range?: { from: string; to: string }): Promise<ClplActivity[]>;
}
