import { LineManagement } from '../domain/lineManagement';
import { PromptDelivery, PromptRound, Reflection, ReflectionPrompt } from '../domain/reflections';
import { NewNotice } from './outbox';

/** Where the manager's tracking card was posted, so it can be redrawn in place as answers come in. */
export interface TrackingCard {
  roundId: string;
  conversationId: string;
  activityId: string;
}

/** Writes that belong together (a prompt and its notice, a reflection and the tracking card's refresh) in one transaction. */
export interface ReflectionTransaction {
  insertRound(round: PromptRound): Promise<void>;
  /** Creates or replaces the prompt (delivery state, when last prompted). */
  savePrompt(prompt: ReflectionPrompt): Promise<void>;
  /** Creates or replaces the person's one reflection on a prompt; its round's tracking card becomes stale. */
  saveReflection(reflection: Reflection): Promise<void>;
  enqueueNotice(notice: NewNotice, now: Date): Promise<void>;
}

/** PRD reflection prompts and answers, and the app's own line-management map. */
export interface ReflectionStore {
  transaction<T>(work: (tx: ReflectionTransaction) => Promise<T>): Promise<T>;
  findRound(roundId: string): Promise<PromptRound | undefined>;
  promptsOfRound(roundId: string): Promise<ReflectionPrompt[]>;
  reflectionsOfRound(roundId: string): Promise<Reflection[]>;
  findPrompt(promptId: string): Promise<ReflectionPrompt | undefined>;
  findReflection(promptId: string): Promise<Reflection | undefined>;
  /** The person's prompts, newest first. */
  promptsFor(staffId: string): Promise<ReflectionPrompt[]>;
  /** Where the card was posted; the caller draws it from a read after this, so it counts as showing the round now. */
  saveTrackingCard(card: TrackingCard): Promise<void>;
  findTrackingCard(roundId: string): Promise<TrackingCard | undefined>;
  /** Records whether the prompt's 1:1 card reached the person (the outbox's outcome), staling the tracking card; returns the prompt. */
  setPromptDelivery(promptId: string, delivery: PromptDelivery): Promise<ReflectionPrompt | undefined>;
  /** Replaces the school's whole map (an import). */
  replaceLineManagement(schoolId: string, entries: readonly LineManagement[]): Promise<void>;
  /** Sets (or, with a null manager, removes) one person's line manager. */
  setLineManager(schoolId: string, staffId: string, managerId: string | null): Promise<void>;
  lineManagement(schoolId: string): Promise<LineManagement[]>;
}
