import { TrackingView } from '../domain/reflections';
import { TrackingCard } from './reflectionStore';

/** The manager's tracking cards, redrawn in place in their 1:1 chat. */
export interface TrackingBoard {
  /** `loadView` is read once the update's turn in the rate budget has come, so it shows the newest state (null: skip). */
  update(card: TrackingCard, managerId: string, loadView: () => Promise<TrackingView | null>): Promise<void>;
}
