import { StaleCardRefresher } from '../../../bot/app/delivery/staleCardRefresher';

interface Card {
  id: string;
  revision: number;
}

/** Stale cards in memory; each redraw waits until the test lets it finish. */
class CardsInMemory extends StaleCardRefresher<Card> {
  readonly stale: Card[] = [];
  readonly drawn: string[] = [];
  claims = 0;
  private release: () => void = () => undefined;
  private readonly redrawsMayFinish = new Promise<void>((resolve) => (this.release = resolve));

  letRedrawsFinish(): void {
    this.release();
  }

  protected async claim(_now: Date, limit: number): Promise<Card[]> {
    this.claims++;
    return this.stale.splice(0, limit);
  }

  protected idOf(card: Card): string {
    return card.id;
  }

  protected async redraw(card: Card): Promise<void> {
    await this.redrawsMayFinish;
    this.drawn.push(card.id);
  }

  protected failed(): void {}
}

describe('a card refresher told to stop (the instance is shutting down)', () => {
  it('redraws the cards it already holds, then claims no more, whatever changes meanwhile', async () => {
    const cards = new CardsInMemory(1);
    cards.stale.push({ id: 'a', revision: 2 }, { id: 'b', revision: 5 });
    const run = cards.refreshNow();
    while (cards.claims === 0) await new Promise((r) => setImmediate(r));

    cards.stop();
    cards.stale.push({ id: 'c', revision: 1 });
    cards.changed();
    void cards.refreshNow();
    cards.letRedrawsFinish();
    await run;
    await cards.idle();
    await new Promise((r) => setTimeout(r, 20));

    expect(cards.drawn).toEqual(['a', 'b']);
    expect(cards.claims).toBe(1);
    expect(cards.stale.map((c) => c.id)).toEqual(['c']);
  });
});
