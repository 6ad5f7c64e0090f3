import { instantText } from '../../../bot/adapters/teams/cards/format';
import { programmeDecidedCard, programmeNoticeCard, programmePreviewCardData, programmeProblemsCard, previewOffersShown, problemsShown, renderProgrammePreviewCard } from '../../../bot/adapters/teams/cards/programmeCards';
import { programmeActionData } from '../../../bot/adapters/teams/verbs/programmeSchema';
import { ProgrammeImport, programmeLimits } from '../../../bot/domain/programme';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { buildDraft, shift, sltMember, testNow } from '../../factories/offers';

function programme(n: number, overrides: Partial<ProgrammeImport> = {}): ProgrammeImport {
  return {
    id: 'import-1',
    schoolId: 'school-1',
    importer: sltMember,
    fileName: 'term2.csv',
    items: Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      offerId: `offer-${i}`,
      draft: buildDraft({ title: `Session ${i + 1} with a fairly long title about questioning`, startsAt: shift(testNow, { days: 20 + i }) }),
      publishAt: i === 0 ? null : shift(testNow, { days: 5 + i }),
    })),
    status: 'pending',
    createdAt: testNow,
    decidedAt: null,
    ...overrides,
  };
}

const text = (card: unknown) => JSON.stringify(card);

describe('programme import cards', () => {
  it('previews what will be posted, with Schedule and Cancel as Action.Execute with Submit fallbacks', () => {
    const card = renderProgrammePreviewCard(programmePreviewCardData(programme(2), 'Staff CLPL', testNow)) as any;
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Session 1 with');
    expect(text(card)).toContain('As soon as scheduled');
    expect(card.body.filter((b: any) => b.type === 'Container')).toHaveLength(2);
    expect(card.actions.map((a: any) => [a.title, a.verb, a.data.importId, a.fallback.type, a.fallback.data.verb])).toEqual([
      ['Schedule these 2 offers', 'programme.schedule.v1', 'import-1', 'Action.Submit', 'programme.schedule.v1'],
      ['Cancel', 'programme.cancel.v1', 'import-1', 'Action.Submit', 'programme.cancel.v1'],
    ]);
  });

  it('says whom each offer is for once one is for a group, with its places per school and their release', () => {
    const plain = renderProgrammePreviewCard(programmePreviewCardData(programme(1), 'Staff CLPL', testNow)) as any;
    expect(text(plain)).not.toContain('"For"');
    const mixed = programme(2);
    const releasesAt = shift(testNow, { days: 15 });
    mixed.items[1] = { ...mixed.items[1]!, groupId: 'balerno-cluster', draft: { ...mixed.items[1]!.draft, capacity: 30, quotaPerSchool: 5, quotaReleasesAt: releasesAt } };
    const card = renderProgrammePreviewCard(programmePreviewCardData(mixed, 'Staff CLPL', testNow, new Map([['balerno-cluster', 'Balerno cluster']]))) as any;
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('or for a group to the CLPL channel of each of its schools');
    const facts = card.body.filter((b: any) => b.type === 'Container').map((c: any) => c.items[1].facts.map((f: any) => f.title));
    expect(facts).toEqual([
      ['When', 'For', 'Places', 'Posted'],
      ['When', 'For', 'Places', 'Places per school', 'Posted'],
    ]);
    const group = card.body.filter((b: any) => b.type === 'Container')[1].items[1].facts;
    expect(group.find((f: any) => f.title === 'For').value).toBe('Balerno cluster');
    expect(group.find((f: any) => f.title === 'Places per school').value).toBe(`At most 5, unused places back in the pool ${instantText(releasesAt, mixed.items[1]!.draft.timeZone)}`);
    expect(card.body.filter((b: any) => b.type === 'Container')[0].items[1].facts.find((f: any) => f.title === 'For').value).toBe('This school');
  });

  it('keeps a full-size programme well under Teams message size, counting the offers not listed', () => {
    const card = renderProgrammePreviewCard(programmePreviewCardData(programme(programmeLimits.maxRows), 'Staff CLPL', testNow)) as any;
    expectValidAdaptiveCard(card);
    expect(card.body.filter((b: any) => b.type === 'Container')).toHaveLength(previewOffersShown);
    expect(text(card)).toContain(`and ${programmeLimits.maxRows - previewOffersShown} more offers`);
    expect(Buffer.byteLength(text(card))).toBeLessThan(40_000);
  });

  it('lists each problem by line and column, and the file-wide ones as the file', () => {
    const card = programmeProblemsCard('term2.csv', [
      { line: 7, column: 'capacity', message: 'Capacity must be a whole number of at least 1.' },
      { line: 1, column: 'for', message: 'This is not a column the import knows.' },
      { line: null, column: null, message: 'The file is empty.' },
    ]) as any;
    expectValidAdaptiveCard(card);
    expect(card.body.find((b: any) => b.type === 'FactSet').facts).toEqual([
      { title: 'Line 7, capacity', value: 'Capacity must be a whole number of at least 1.' },
      { title: 'Line 1, for', value: 'This is not a column the import knows.' },
      { title: 'File', value: 'The file is empty.' },
    ]);
    const many = programmeProblemsCard('big.csv', Array.from({ length: problemsShown + 5 }, (_, i) => ({ line: i + 2, column: 'date', message: 'Use a date like 03/12/2026 or 2026-12-03.' }))) as any;
    expect(many.body.find((b: any) => b.type === 'FactSet').facts).toHaveLength(problemsShown);
    expect(text(many)).toContain(`${problemsShown + 5} problems`);
  });

  it('shows the outcome of Schedule and Cancel, and tells the importer of an offer not posted', () => {
    for (const card of [
      programmeDecidedCard(programme(3, { status: 'scheduled', decidedAt: testNow }), 'Staff CLPL', testNow, false),
      programmeDecidedCard(programme(3, { status: 'scheduled', decidedAt: testNow }), 'Staff CLPL', testNow, true),
      programmeDecidedCard(programme(3, { status: 'cancelled', decidedAt: testNow }), 'Staff CLPL', testNow, false),
      programmeNoticeCard({ kind: 'programme_offer_not_posted', importId: 'i', fileName: 'term2.csv', line: 4, offerTitle: 'T', code: 'invalid_offer', details: ['The session must start in the future.'] }),
    ]) {
      expectValidAdaptiveCard(card);
    }
  });

  it('refuses an action without an import id', () => {
    expect(programmeActionData.safeParse({ importId: '  ' }).success).toBe(false);
  });
});
