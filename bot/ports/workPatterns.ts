import { Person } from '../domain/person';

/** A part-time member of staff's share of a full-time contract, which scales their yearly CLPL hours. */
export interface WorkPattern {
  personId: string;
  /** Whole percent of full time, 10–100. */
  ftePercent: number;
  setBy: Person;
  setAt: Date;
}

/** Work patterns kept by the app itself (no HR system is reached): the person or SLT sets them. */
export interface WorkPatternStore {
  /** Undefined for anyone never set: they count as full time. */
  workPatternOf(personId: string): Promise<WorkPattern | undefined>;
  saveWorkPattern(pattern: WorkPattern): Promise<void>;
}
