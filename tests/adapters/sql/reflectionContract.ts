import pino from 'pino';
import { TrackingCardRefresher } from '../../../bot/app/reflections/trackingCardRefresher';
import { emptyAnswers, PromptRound, ReflectionPrompt, TrackingView } from '../../../bot/domain/reflections';
import { Stores } from '../../../bot/ports/stores';
import { TrackingBoard } from '../../../bot/ports/trackingBoard';
import type { StoreFixture } from './storeContract';

const now = new Date('2026-11-24T10:00:00Z');
const round: PromptRound = { id: 'r1', schoolId: 'school-1', managerId: 'mia', managerName: 'Mia Reid', dueDate: '2026-12-05', message: 'Before PRD', createdAt: now };
const promptFor = (staffId: string, overrides: Partial<ReflectionPrompt> = {}): ReflectionPrompt => ({
  id: `p-${staffId}`,
  roundId: 'r1',
  schoolId: 'school-1',
  managerId: 'mia',
  staffId,
  staffName: staffId.toUpperCase(),
  dueDate: '2026-12-05',
  message: 'Before PRD',
  delivery: 'sent',
  createdAt: now,
  lastPromptedAt: now,
  ...overrides,
});

/** PRD reflection prompts, answers and the line-management map (ports/reflectionStore.ts), for every database. */
export function describeReflectionContract(db: StoreFixture): void {
  describe('reflections', () => {
    it('a round, its prompts and their notices are written together and read back', async () => {
      const stores = await db.open();
      await stores.reflections.transaction(async (tx) => {
        await tx.insertRound(round);
        for (const staff of ['bea', 'ailsa']) {
          await tx.savePrompt(promptFor(staff));
          await tx.enqueueNotice({ idempotencyKey: `reflection:${staff}`, schoolId: 'school-1', recipientId: staff, notice: { kind: 'session_reminder', offerId: 'o', offerTitle: 't', startsAt: now.toISOString(), timeZone: 'Europe/London', location: null, onlineLink: null } }, now);
        }
      });
      expect(await stores.reflections.findRound('r1')).toEqual(round);
      expect((await stores.reflections.promptsOfRound('r1')).map((p) => p.staffId)).toEqual(['ailsa', 'bea']);
      expect(await stores.reflections.findPrompt('p-bea')).toEqual(promptFor('bea'));
      expect((await stores.outbox.claimDue(now, 10, 60_000)).map((n) => n.recipientId).sort()).toEqual(['ailsa', 'bea']);
    });

    it('a failed transaction leaves nothing behind', async () => {
      const stores = await db.open();
      await expect(
        stores.reflections.transaction(async (tx) => {
          await tx.insertRound(round);
          await tx.savePrompt(promptFor('bea'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await stores.reflections.findRound('r1')).toBeUndefined();
      expect(await stores.reflections.promptsFor('bea')).toEqual([]);
    });

    it('keeps one reflection per prompt, replaced on each save, and marks prompts unreachable or re-prompted', async () => {
      const stores = await db.open();
      await stores.reflections.transaction(async (tx) => {
        await tx.insertRound(round);
        await tx.savePrompt(promptFor('bea'));
      });
      const draft = { promptId: 'p-bea', staffId: 'bea', answers: { ...emptyAnswers, howYouKnow: 'Work' }, status: 'draft' as const, updatedAt: now, submittedAt: null };
      await stores.reflections.transaction((tx) => tx.saveReflection(draft));
      const later = new Date(now.getTime() + 60_000);
      const submitted = { ...draft, answers: { ...draft.answers, nextYearFocus: ['Maths'], goalProgress: [{ goalId: 'g', goalTitle: 'G', progress: 'ok' }] }, status: 'submitted' as const, updatedAt: later, submittedAt: later };
      await stores.reflections.transaction((tx) => tx.saveReflection(submitted));
      expect(await stores.reflections.findReflection('p-bea')).toEqual(submitted);
      expect(await stores.reflections.reflectionsOfRound('r1')).toEqual([submitted]);

      expect((await stores.reflections.setPromptDelivery('p-bea', 'unreachable'))?.delivery).toBe('unreachable');
      expect((await stores.reflections.findPrompt('p-bea'))?.delivery).toBe('unreachable');
      expect(await stores.reflections.setPromptDelivery('p-nobody', 'sent')).toBeUndefined();
      await stores.reflections.transaction((tx) => tx.savePrompt(promptFor('bea', { delivery: 'sent', lastPromptedAt: later })));
      expect(await stores.reflections.findPrompt('p-bea')).toMatchObject({ delivery: 'sent', lastPromptedAt: later });
    });

    it('remembers where the tracking card was posted', async () => {
      const stores = await db.open();
      await stores.reflections.transaction((tx) => tx.insertRound(round));
      expect(await stores.reflections.findTrackingCard('r1')).toBeUndefined();
      await stores.reflections.saveTrackingCard({ roundId: 'r1', conversationId: 'a:mia', activityId: 'act-1' });
      expect(await stores.reflections.findTrackingCard('r1')).toEqual({ roundId: 'r1', conversationId: 'a:mia', activityId: 'act-1' });
    });

    describe('tracking card claims', () => {
      const lease = 60_000;
      const card = { roundId: 'r1', conversationId: 'a:mia', activityId: 'act-1' };
      const stale = (revision: number) => [{ ...card, managerId: 'mia', revision }];
      const answer = { promptId: 'p-bea', staffId: 'bea', answers: emptyAnswers, status: 'draft' as const, updatedAt: now, submittedAt: null };

      async function postedRound() {
        const stores = await db.open();
        await stores.reflections.transaction(async (tx) => {
          await tx.insertRound(round);
          await tx.savePrompt(promptFor('bea'));
        });
        await stores.reflections.saveTrackingCard(card);
        return stores;
      }

      it('a freshly posted card is not stale; an answer or a delivery outcome raises the round\'s revision and makes it so', async () => {
        const stores = await postedRound();
        expect(await stores.trackingCards.claimStaleCards(now, 10, lease)).toEqual([]);
        await stores.reflections.transaction((tx) => tx.saveReflection(answer));
        expect(await stores.trackingCards.revision('r1')).toBe(1);
        await stores.reflections.setPromptDelivery('p-bea', 'unreachable');
        expect(await stores.trackingCards.claimStaleCards(now, 10, lease)).toEqual(stale(2));
      });

      it('an answer rolled back with its transaction leaves the revision as it was', async () => {
        const stores = await postedRound();
        await expect(
          stores.reflections.transaction(async (tx) => {
            await tx.saveReflection(answer);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await stores.trackingCards.revision('r1')).toBe(0);
      });

      it('a claimed card is not claimed again, by this or another instance, until its lease ends', async () => {
        const stores = await postedRound();
        const other = await db.open();
        await stores.reflections.setPromptDelivery('p-bea', 'sent');
        expect(await stores.trackingCards.claimStaleCards(now, 10, lease)).toEqual(stale(1));
        expect(await other.trackingCards.claimStaleCards(now, 10, lease)).toEqual([]);
        expect(await other.trackingCards.claimStaleCards(new Date(now.getTime() + lease - 1), 10, lease)).toEqual([]);
        expect(await other.trackingCards.claimStaleCards(new Date(now.getTime() + lease), 10, lease)).toEqual(stale(1));
      });

      it('two instances claiming at the same moment: one of them gets the card', async () => {
        const stores = await postedRound();
        const other = await db.open();
        await stores.reflections.setPromptDelivery('p-bea', 'sent');
        const claims = await Promise.all([stores.trackingCards.claimStaleCards(now, 10, lease), other.trackingCards.claimStaleCards(now, 10, lease)]);
        expect(claims.flat()).toEqual(stale(1));
      });

      it('once the revision is marked shown the card is released and no longer stale, until the next change', async () => {
        const stores = await postedRound();
        await stores.reflections.setPromptDelivery('p-bea', 'sent');
        await stores.trackingCards.claimStaleCards(now, 10, lease);
        await stores.trackingCards.markShown('r1', 1);
        expect(await stores.trackingCards.claimStaleCards(new Date(now.getTime() + lease), 10, lease)).toEqual([]);
        await stores.reflections.transaction((tx) => tx.saveReflection(answer));
        expect(await stores.trackingCards.claimStaleCards(now, 10, lease)).toEqual(stale(2));
      });

      it('marking shown never lowers the shown revision (a slow, older redraw finishing late)', async () => {
        const stores = await postedRound();
        await stores.reflections.setPromptDelivery('p-bea', 'sent');
        await stores.reflections.setPromptDelivery('p-bea', 'sent');
        await stores.trackingCards.markShown('r1', 2);
        await stores.trackingCards.markShown('r1', 1);
        expect(await stores.trackingCards.claimStaleCards(now, 10, lease)).toEqual([]);
      });

      it('two instances\' refreshers after a burst of answers: one redraw, showing the last answer', async () => {
        const stores = await postedRound();
        const other = await db.open();
        const drawn: (TrackingView | null)[] = [];
        let drawing = 0;
        let overlapped = false;
        const board: TrackingBoard = {
          async update(_card, _managerId, loadView) {
            overlapped ||= ++drawing > 1;
            await new Promise((r) => setTimeout(r, 50));
            drawn.push(await loadView());
            drawing--;
          },
        };
        const refresherOn = (s: Stores) =>
          new TrackingCardRefresher({ reflections: s.reflections, reachability: s.reachability, trackingCards: s.trackingCards, board, logger: pino({ level: 'silent' }) }, 10);
        const refreshers = [refresherOn(stores), refresherOn(other)];
        for (let i = 0; i < 6; i++) {
          const submit = i === 5;
          const saved = { ...answer, answers: { ...emptyAnswers, howYouKnow: `take ${i}` }, status: submit ? ('submitted' as const) : ('draft' as const), submittedAt: submit ? now : null };
          await [stores, other][i % 2]!.reflections.transaction((tx) => tx.saveReflection(saved));
        }
        // The second instance wakes while the first is redrawing, after its claim has committed.
        refreshers[0]!.changed();
        await new Promise((r) => setTimeout(r, 30));
        refreshers[1]!.changed();
        await Promise.all(refreshers.map((r) => r.idle()));
        expect(overlapped).toBe(false);
        expect(drawn).toHaveLength(1);
        expect(drawn[0]?.people).toEqual([{ promptId: 'p-bea', name: 'BEA', state: 'reflected' }]);
        expect(await stores.trackingCards.claimStaleCards(new Date(Date.now() + lease), 10, lease)).toEqual([]);
      });

      it('a round whose card position is not known is never claimed', async () => {
        const stores = await db.open();
        await stores.reflections.transaction(async (tx) => {
          await tx.insertRound(round);
          await tx.savePrompt(promptFor('bea'));
        });
        await stores.reflections.setPromptDelivery('p-bea', 'sent');
        expect(await stores.trackingCards.claimStaleCards(now, 10, lease)).toEqual([]);
        expect(await stores.trackingCards.revision('nope')).toBeUndefined();
      });
    });

    it('an import replaces the school\'s map; one person\'s manager can be changed or removed', async () => {
      const stores = await db.open();
      await stores.reflections.setLineManager('school-1', 'old', 'mia');
      await stores.reflections.setLineManager('school-2', 'elsewhere', 'mia');
      await stores.reflections.replaceLineManagement('school-1', [
        { schoolId: 'school-1', staffId: 'ailsa', managerId: 'mia' },
        { schoolId: 'school-1', staffId: 'bea', managerId: 'mia' },
      ]);
      await stores.reflections.setLineManager('school-1', 'bea', 'tom');
      await stores.reflections.setLineManager('school-1', 'cal', 'mia');
      await stores.reflections.setLineManager('school-1', 'cal', null);
      expect(await stores.reflections.lineManagement('school-1')).toEqual([
        { schoolId: 'school-1', staffId: 'ailsa', managerId: 'mia' },
        { schoolId: 'school-1', staffId: 'bea', managerId: 'tom' },
      ]);
      expect(await stores.reflections.lineManagement('school-2')).toHaveLength(1);
    });
  });
}
