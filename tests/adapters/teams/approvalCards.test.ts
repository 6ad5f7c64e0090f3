import { approvalNoticeCard, approvalRequestCardData, approvalResultCard, renderApprovalRequestCard } from '../../../bot/adapters/teams/cards/approvalCards';
import { offerCardData, renderOfferCard } from '../../../bot/adapters/teams/cards/offerCard';
import { emptyOfferForm, offerFormCardData, renderOfferFormCard } from '../../../bot/adapters/teams/cards/offerFormCard';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { parseOfferForm } from '../../../bot/adapters/teams/offerFormSchema';
import { approvalDecisionData } from '../../../bot/adapters/teams/verbs/approvalSchema';
import { defaultTagCatalogue } from '../../../bot/domain/tags';
import { ApprovalNotice } from '../../../bot/ports/approvalNotices';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { buildOffer } from '../../factories/offers';

const about = { offerId: 'offer-1', offerTitle: 'Supporting pupils with ASN', startsAt: '2026-12-03T10:00:00.000Z', timeZone: 'Europe/London' };
const request: Extract<ApprovalNotice, { kind: 'approval_request' }> = {
  kind: 'approval_request',
  ...about,
  personId: 'aad-alex',
  personName: 'Alex Teacher',
  queueNumber: 3,
  endsAt: '2026-12-03T12:00:00.000Z',
  location: 'Currie Community High, Room 4',
  onlineLink: null,
  expiresAt: '2026-11-20T09:00:00.000Z',
};
const text = (card: unknown) => JSON.stringify(card);

describe('school approval cards', () => {
  it('asks the approver 1:1 with Approve and Decline (Action.Execute with a Submit fallback) naming the hold', () => {
    const card = renderApprovalRequestCard(approvalRequestCardData(request)) as any;
    expectValidAdaptiveCard(card);
    expect(card.actions.map((a: any) => [a.type, a.verb, a.fallback.type, a.fallback.data.verb])).toEqual([
      ['Action.Execute', 'approval.approve.v1', 'Action.Submit', 'approval.approve.v1'],
      ['Action.Execute', 'approval.decline.v1', 'Action.Submit', 'approval.decline.v1'],
    ]);
    expect(card.actions[0].data).toEqual({ cardVersion: 1, offerId: 'offer-1', personId: 'aad-alex', queueNumber: 3 });
    expect(text(card)).toContain('Alex Teacher asks to attend CLPL in the school day');
    expect(text(card)).toContain('Fri 20 Nov 2026, 09:00');
    // The same card is what the outbox sends.
    expect(noticeCard(request)).toEqual(card);
  });

  it.each<ApprovalNotice>([
    { kind: 'approval_held', ...about, expiresAt: request.expiresAt },
    { kind: 'approval_answered', ...about, outcome: 'approved', deciderName: 'Morag SLT' },
    { kind: 'approval_answered', ...about, outcome: 'declined', deciderName: 'Morag SLT' },
    { kind: 'approval_lapsed', ...about, personName: 'Alex Teacher', toApprover: false },
    { kind: 'approval_lapsed', ...about, personName: 'Alex Teacher', toApprover: true },
  ])('tells people what happened ($kind)', (notice) => {
    const card = approvalNoticeCard(notice);
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain(about.offerTitle);
  });

  it('the answers read differently: approved, not approved, released, and the approver’s own note', () => {
    expect(text(approvalNoticeCard({ kind: 'approval_answered', ...about, outcome: 'approved', deciderName: 'Morag' }))).toContain('You are confirmed');
    expect(text(approvalNoticeCard({ kind: 'approval_answered', ...about, outcome: 'declined', deciderName: 'Morag' }))).toContain('did not approve');
    expect(text(approvalNoticeCard({ kind: 'approval_lapsed', ...about, personName: 'Alex', toApprover: false }))).toContain('did not answer in time');
    expect(text(approvalNoticeCard({ kind: 'approval_lapsed', ...about, personName: 'Alex', toApprover: true }))).toContain('Alex has been told');
  });

  it('shows the approver a valid result card once answered', () => {
    for (const outcome of ['approved', 'declined'] as const) {
      for (const promoted of [0, 1]) expectValidAdaptiveCard(approvalResultCard({ outcome, personName: 'Alex', title: 'T', promoted }));
    }
    expect(text(approvalResultCard({ outcome: 'declined', personName: 'Alex', title: 'T', promoted: 1 }))).toContain('next person waiting');
  });

  it('refuses an answer without an offer or person, and reads the queue number from a fallback submit', () => {
    expect(approvalDecisionData.safeParse({ offerId: 'o', personId: ' ' }).success).toBe(false);
    expect(approvalDecisionData.parse({ offerId: 'o', personId: 'p', queueNumber: '3' })).toEqual({ offerId: 'o', personId: 'p', queueNumber: 3 });
  });
});

describe('offer cards for an offer that needs school approval', () => {
  const offer = buildOffer({ needsApproval: true, capacity: 3 });
  const seats = { capacity: 3, confirmed: 1, awaiting: 2, seatsLeft: 0, waitlisted: 1 };
  const view = { offer, seats, sharedCount: 0, signedUpIds: ['aad-alex'] };
  const now = new Date(offer.createdAt.getTime() + 60_000);

  it('the channel card says places are approved by the school and counts those awaiting', () => {
    const card = renderOfferCard(offerCardData(view, now));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('your school approves each place');
    expect(text(card)).toContain('Full (3 places) · 2 awaiting school approval · 1 on the waitlist');
  });

  it('the person’s own view says their place awaits their school’s approval, with Withdraw and no Sign up or calendar', () => {
    const card = renderOfferCard(offerCardData(view, now, { kind: 'awaiting_approval' }, 'https://clpl.example/calendar/x.ics')) as any;
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain("A place is held for you, awaiting your school's approval.");
    const verbs = card.actions.map((a: any) => a.verb ?? a.type);
    expect(verbs).toContain('offer.withdraw.v1');
    expect(verbs).not.toContain('offer.signUp.v1');
    expect(text(card)).not.toContain('x.ics');
  });

  it('the offer form has a "Needs school approval" toggle on a new offer (not when editing), which reaches the draft', () => {
    const form = renderOfferFormCard(offerFormCardData({ channelName: 'BAL-Staff CLPL', catalogue: defaultTagCatalogue, values: { ...emptyOfferForm, needsApproval: 'true' } }));
    expectValidAdaptiveCard(form);
    expect(text(form)).toContain('"id":"needsApproval"');
    expect(text(form)).toContain('"value":"true"');
    const editing = renderOfferFormCard(offerFormCardData({ channelName: 'C', catalogue: defaultTagCatalogue, editing: { offerId: 'o', submitVerb: 'offer.update.v1' } }));
    expect(text(editing)).not.toContain('needsApproval');

    const submitted = { title: 'Cover: ASN', facilitatorIsMe: 'true', startDate: '2026-07-01', startTime: '10:00', endTime: '12:00', capacity: '12', closesDate: '2026-06-30', closesTime: '12:00', location: 'Hall' };
    const context = { author: { id: 'a', name: 'A' }, timeZone: 'Europe/London', catalogue: defaultTagCatalogue, knownStaff: [] };
    const on = parseOfferForm({ ...submitted, needsApproval: 'true' }, context);
    const off = parseOfferForm({ ...submitted, needsApproval: 'false' }, context);
    expect(on.ok && on.draft.needsApproval).toBe(true);
    expect(off.ok && off.draft.needsApproval).toBeUndefined();
  });
});
