import { erasurePreview, leaverCutoff, mentionsAny, noTraces, pseudonymFor, retentionCutoff } from '../../bot/domain/erasure';

describe('erasure decisions', () => {
  it('the preview lists only what the person has, split into what goes and what the school keeps without them', () => {
    const preview = erasurePreview({ ...noTraces(), goals: 1, upcomingSignUps: 2, attendance: 4 });
    expect(preview.goes.map((l) => l.kind)).toEqual(['goals', 'upcomingSignUps']);
    expect(preview.goes[0]!.text).toMatch(/^1 goal with/);
    expect(preview.stays.map((l) => [l.kind, l.count])).toEqual([['attendance', 4]]);
  });

  it('a pseudonym is made from a random id and never from the person', () => {
    expect(pseudonymFor('3f1c')).toBe('erased:3f1c');
  });

  it('the retention cutoff is whole years back in the school time zone, also across 29 February', () => {
    expect(retentionCutoff(new Date('2030-03-01T12:00:00Z'), 6, 'Europe/London').toISOString()).toBe('2024-03-01T12:00:00.000Z');
    expect(retentionCutoff(new Date('2028-02-29T12:00:00Z'), 1, 'Europe/London').toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(leaverCutoff(new Date('2030-03-31T00:00:00Z'), 30).toISOString()).toBe('2030-03-01T00:00:00.000Z');
  });

  it('finds a person named in free text, ignoring case and too-short needles', () => {
    expect(mentionsAny('{"kind":"external","name":"Dr AILSA Brown"}', ['Ailsa Brown'])).toBe(true);
    expect(mentionsAny('Alison Grey', ['Al'])).toBe(false);
  });
});
