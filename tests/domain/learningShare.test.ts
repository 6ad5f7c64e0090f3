import { decideShare, resourcesOf, shareProblems } from '../../bot/domain/learningShare';
import { buildAttendance, buildOffer, buildPerson } from '../factories';

describe('sharing learning back', () => {
  const fiona = buildPerson({ name: 'Fiona Facilitator' });
  const ann = buildPerson({ name: 'Ann' });
  const offer = buildOffer({ startsAt: new Date('2026-09-01T14:30:00Z'), endsAt: new Date('2026-09-01T16:00:00Z'), facilitator: { kind: 'staff', userId: fiona.id, name: fiona.name } });
  const attendance = [buildAttendance({ offerId: offer.id, person: ann, attended: true })];
  const after = new Date('2026-09-02T09:00:00Z');
  const share = (overrides: Partial<Parameters<typeof decideShare>[0]> = {}) =>
    decideShare({ offer, attendance, existing: undefined, person: ann, summary: ' Useful. ', resources: [], source: 'feedback', now: after, ...overrides });

  it('is for attendees and the facilitator, after the session, once', () => {
    expect(share()).toMatchObject({ summary: 'Useful.', source: 'feedback', activityId: null });
    expect(share({ person: fiona, source: 'feedback' }).source).toBe('facilitator');
    expect(() => share({ person: buildPerson({ name: 'Stranger' }) })).toThrow(expect.objectContaining({ code: 'share_not_allowed' }));
    expect(() => share({ now: new Date('2026-09-01T15:00:00Z') })).toThrow(expect.objectContaining({ code: 'share_not_allowed' }));
    expect(() => share({ existing: { ...share(), activityId: 'reply-1' } })).toThrow(expect.objectContaining({ code: 'already_shared' }));
    // A share that never reached the channel may be sent again.
    expect(share({ existing: share() }).summary).toBe('Useful.');
  });

  it('needs a summary and at most three https links, one per line', () => {
    expect(resourcesOf(' https://a.example \n\n https://b.example\r\n')).toEqual(['https://a.example', 'https://b.example']);
    expect(shareProblems('', ['http://a.example'])).toEqual({ summary: 'Write a short summary of what you learnt.', resources: 'Each resource must be a https:// link, one per line.' });
    expect(shareProblems('x', ['https://a', 'https://b', 'https://c', 'https://d'])).toEqual({ resources: 'Share at most 3 links.' });
    expect(shareProblems('x'.repeat(601), [])).toEqual({ summary: 'Keep the summary to 600 characters.' });
  });
});
