import { attendanceCardData, attendancePageSize, renderAttendanceCard } from '../../../bot/adapters/teams/cards/attendanceCard';
import { attendancePageSubmission } from '../../../bot/adapters/teams/verbs/attendanceSchema';
import { AttendanceSheet } from '../../../bot/app/attendance/recordAttendance';
import { expectValidAdaptiveCard, TEAMS_MAX_CARD_BYTES } from '../../support/adaptiveCardChecker';
import { buildOffer, buildPerson } from '../../factories';

const offer = buildOffer({ id: 'offer-1', title: 'Questioning for deeper learning', startsAt: new Date('2026-12-03T15:45:00Z'), endsAt: new Date('2026-12-03T17:15:00Z') });
/** Entra object ids are GUIDs; names as long as a double-barrelled name with a role can be. */
const personNumber = (i: number) =>
  buildPerson({ id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, name: `Alexandra Montgomery-Fitzwilliam (Principal Teacher) ${i}` });
const sheetOf = (count: number, attended = (i: number) => i % 2 === 0): AttendanceSheet => ({
  offer,
  minutes: 90,
  recordedAt: null,
  people: Array.from({ length: count }, (_, i) => ({ person: personNumber(i), attended: attended(i) })),
});

type Element = Record<string, unknown>;
const toggles = (card: Record<string, unknown>) => (card.body as Element[]).filter((e) => e.type === 'Input.Toggle');
const buttons = (card: Record<string, unknown>) => (card.actions ?? []) as Array<{ title: string; verb: string; data: Record<string, unknown>; fallback: { data: Record<string, unknown> } }>;
const text = (card: unknown) => JSON.stringify(card);

describe('the paged attendance card', () => {
  it('splits 100 confirmed people into pages of 40, each a valid Adaptive Card 1.5 under 28 KB', () => {
    const sheet = sheetOf(100);
    const pages = [1, 2, 3].map((page) => renderAttendanceCard(attendanceCardData(sheet, { text: 'Saved so far: 50 of 100 attended.', color: 'Good' }, page)));
    for (const card of pages) {
      expectValidAdaptiveCard(card);
      expect(Buffer.byteLength(text(card), 'utf8')).toBeLessThan(TEAMS_MAX_CARD_BYTES);
    }
    expect(pages.map((card) => toggles(card).length)).toEqual([40, 40, 20]);
    expect(toggles(pages[1]!)[0]).toMatchObject({ title: personNumber(40).name });
  });

  it('keeps a full page of the longest names well under 28 KB, so a session of any size fits', () => {
    const sheet = sheetOf(attendancePageSize * 6);
    const card = renderAttendanceCard(attendanceCardData(sheet, { text: 'Saved so far: 120 of 240 attended; each gets 1.5 hours of CLPL and a feedback request after the session.', color: 'Good' }, 3));
    expectValidAdaptiveCard(card);
    expect(Buffer.byteLength(text(card), 'utf8')).toBeLessThan(TEAMS_MAX_CARD_BYTES * 0.75);
  });

  it('says which page this is and which people it shows', () => {
    const card = renderAttendanceCard(attendanceCardData(sheetOf(200), undefined, 2));
    expect(text(card)).toContain('Page 2 of 5 · people 41–80 of 200');
    expect(text(card)).toContain('Going to another page saves this one first.');
  });

  it('gives each toggle its person both ways: the id when on, absent:<id> when off, ticked where marked', () => {
    const card = renderAttendanceCard(attendanceCardData(sheetOf(100), undefined, 2));
    const [first, second] = toggles(card);
    expect(first).toMatchObject({ id: 'mark_0', valueOn: personNumber(40).id, valueOff: `absent:${personNumber(40).id}`, value: personNumber(40).id });
    expect(second).toMatchObject({ id: 'mark_1', valueOn: personNumber(41).id, value: `absent:${personNumber(41).id}` });
  });

  it('offers Previous page, Next page and Save this page on the new page verb, each with an Action.Submit fallback', () => {
    const sheet = sheetOf(100);
    const titles = (page: number) => buttons(renderAttendanceCard(attendanceCardData(sheet, undefined, page))).map((b) => [b.title, b.data.showPage]);
    expect(titles(1)).toEqual([['Next page', '2'], ['Save this page', '1']]);
    expect(titles(2)).toEqual([['Previous page', '1'], ['Next page', '3'], ['Save this page', '2']]);
    expect(titles(3)).toEqual([['Previous page', '2'], ['Save this page', '3']]);
    for (const button of buttons(renderAttendanceCard(attendanceCardData(sheet, undefined, 2)))) {
      expect(button.verb).toBe('attendance.page.v1');
      expect(button.data).toMatchObject({ cardVersion: 1, offerId: 'offer-1' });
      expect(button.fallback.data).toEqual({ verb: 'attendance.page.v1', ...button.data });
    }
  });

  it('shows a short list on one page with no page line and a single Save attendance', () => {
    const card = renderAttendanceCard(attendanceCardData(sheetOf(12), { text: 'Saved: 6 of 12 attended.', color: 'Good' }));
    expectValidAdaptiveCard(card);
    expect(toggles(card)).toHaveLength(12);
    expect(text(card)).not.toContain('Page 1 of');
    expect(text(card)).toContain('counts as 1.5 hours of CLPL');
    expect(buttons(card).map((b) => b.title)).toEqual(['Save attendance']);
  });

  it('shows the nearest page when asked for one past the end', () => {
    expect(text(renderAttendanceCard(attendanceCardData(sheetOf(50), undefined, 9)))).toContain('Page 2 of 2');
  });

  it('for a session nobody was confirmed for, says so and offers no button', () => {
    const card = renderAttendanceCard(attendanceCardData(sheetOf(0)));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Nobody was confirmed');
    expect(card.actions ?? []).toEqual([]);
  });
});

describe('what a page of the attendance card sends', () => {
  it('reads who was on the page, ticked and not, and the page to show next, ignoring everything else', () => {
    const data = { verb: 'attendance.page.v1', cardVersion: 1, offerId: ' offer-1 ', showPage: '2', mark_0: 'aad-1', mark_1: 'absent:aad-2', mark_2: 'aad-3', attended_0: 'aad-9', mark_x: 'aad-8' };
    expect(attendancePageSubmission.parse(data)).toEqual({ offerId: 'offer-1', showPage: 2, attendedIds: ['aad-1', 'aad-3'], absentIds: ['aad-2'] });
  });

  it('refuses a submission without its offer or page, or with a toggle that names no one', () => {
    expect(attendancePageSubmission.safeParse({ showPage: '1', mark_0: 'aad-1' }).success).toBe(false);
    expect(attendancePageSubmission.safeParse({ offerId: 'offer-1', mark_0: 'aad-1' }).success).toBe(false);
    expect(attendancePageSubmission.safeParse({ offerId: 'offer-1', showPage: 'two' }).success).toBe(false);
    expect(attendancePageSubmission.safeParse({ offerId: 'offer-1', showPage: '1', mark_0: '' }).success).toBe(false);
    expect(attendancePageSubmission.safeParse({ offerId: 'offer-1', showPage: '1', mark_0: 'absent:' }).success).toBe(false);
    expect(attendancePageSubmission.safeParse({ offerId: 'offer-1', showPage: '1', mark_0: 7 }).success).toBe(false);
  });

  it('refuses more toggles than one page holds', () => {
    const marks = Object.fromEntries(Array.from({ length: attendancePageSize + 1 }, (_, i) => [`mark_${i}`, `aad-${i}`]));
    expect(attendancePageSubmission.safeParse({ offerId: 'offer-1', showPage: '1', ...marks }).success).toBe(false);
  });
});
