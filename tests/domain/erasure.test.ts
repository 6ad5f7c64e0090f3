import { erasurePreview, leaverCutoff, mentionsAny, noTraces, pseudonymFor, retentionCutoff } from '../../bot/domain/erasure';

describe('erasure decisions', () => {
  it('the preview lists only what the person has, split into what goes and what the school keeps without them', () => {
    const preview = erasurePreview({ ...noTraces(), goals: 1, upcomingSignUps: 2, attendance: 4 });
    expect(preview.goes.map((l) => l.kind)).toEqual(['goals', 'upcomingSignUps']);
    expect(preview.goes[0]!.text).toMatch(/^1 goal with/);
    expect(preview.stays.map((l) => [l.kind, l.count])).toEqual([['attendance', 4]]);
  });

  it('peer observations: their own reflections and visits still to come go, past visits stay for the colleague', () => {
    const preview = erasurePreview({ ...noTraces(), observationReflections: 2, upcomingObservations: 1, peerObservations: 3 });
    expect(preview.goes.map((l) => l.text)).toEqual([
      "2 reflections on peer observations, in their own words (the colleague's reflection on the same visit is the colleague's own and stays)",
      '1 peer observation still to come: cancelled, and the colleague is told',
    ]);
    expect(preview.stays.map((l) => [l.kind, l.count])).toEqual([['peerObservations', 3]]);
    expect(preview.stays[0]!.text).toMatch(/^3 peer observations with a colleague .*kept for the colleague's own record and hours, with "Former member of staff" in their place$/);
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
