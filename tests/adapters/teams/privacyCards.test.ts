import { erasurePeopleCardData, renderErasurePeopleCard } from '../../../bot/adapters/teams/cards/erasurePeopleCard';
import { erasurePreviewCardData, renderErasurePreviewCard } from '../../../bot/adapters/teams/cards/erasurePreviewCard';
import { erasurePreview, noTraces } from '../../../bot/domain/erasure';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';

const person = { id: 'aad-1', name: 'Ailsa Brown', email: null, leftAt: new Date('2030-03-01T10:00:00Z') };

describe('erasure cards', () => {
  it('the leavers card, empty and with people, is a valid Adaptive Card 1.5 with Review erasure per person', () => {
    const empty = renderErasurePeopleCard(erasurePeopleCardData({ heading: 'Leavers', intro: 'i', emptyText: 'No one has left.', people: [], timeZone: 'Europe/London' }));
    expectValidAdaptiveCard(empty);
    expect(JSON.stringify(empty)).toContain('No one has left.');
    const listed = renderErasurePeopleCard(erasurePeopleCardData({ heading: 'Leavers', intro: 'i', emptyText: '', people: [person], timeZone: 'Europe/London' }));
    expectValidAdaptiveCard(listed);
    expect(JSON.stringify(listed)).toContain('email not known');
    expect(JSON.stringify(listed)).toContain('"personId":"aad-1"');
  });

  it('the preview card with nothing to keep, and with both lists, is valid and asks before erasing', () => {
    const bare = renderErasurePreviewCard(erasurePreviewCardData({ person, ...erasurePreview({ ...noTraces(), membership: 1 }) }));
    expectValidAdaptiveCard(bare);
    expect(JSON.stringify(bare)).toContain('Nothing: they left no attendance');
    const full = renderErasurePreviewCard(erasurePreviewCardData({ person, ...erasurePreview({ ...noTraces(), membership: 1, goals: 2, attendance: 3, feedback: 1 }) }));
    expectValidAdaptiveCard(full);
    expect(JSON.stringify(full)).toContain('2 goals');
    expect(JSON.stringify(full)).toContain('privacy.erase.confirm.v1');
  });
});
