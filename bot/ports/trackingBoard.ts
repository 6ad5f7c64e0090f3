import { TrackingView } from '../domain/reflections';
import { TrackingCard } from './reflectionStore';

/** The manager's tracking cards, redrawn in place in their 1:1 chat. */
export interface TrackingBoard {
  /** `loadView` is read once the update's turn in the rate budget has come, so it shows the newest state (null: skip). */
  update(card: TrackingCard, managerId: string, loadView: () => Promise<TrackingView | null>): Promise<void>;
}

/** A posted tracking card whose round has changed since the card was last drawn. */
export interface StaleTrackingCard extends TrackingCard {
  managerId: string;
  revision: number;
}

/**
 * Which tracking cards need redrawing, shared by every instance. A round's revision rises in the same transaction as
 * an answer or a prompt's delivery outcome (ReflectionStore does it); saving the card's position counts as drawing it.
 */
export interface TrackingCardLedger {
  /** Takes stale cards for redrawing: a claimed card is left alone by other instances until the lease ends. */
  claimStaleCards(now: Date, limit: number, leaseMs: number): Promise<StaleTrackingCard[]>;
  /** The round's revision now; read before the view, so a change after the read leaves the card stale. */
  revision(roundId: string): Promise<number | undefined>;
  /** Records what the card now shows (never lowering it) and releases the claim. */
  markShown(roundId: string, revision: number): Promise<void>;
}
