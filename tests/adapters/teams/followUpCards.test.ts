import { followUpFormCardData, renderFollowUpFormCard, valuesOfFollowUp } from '../../../bot/adapters/teams/cards/followUpFormCard';
import { followUpSavedCardData, renderFollowUpSavedCard } from '../../../bot/adapters/teams/cards/followUpSavedCard';
import { impactReportCardData, renderImpactReportCard } from '../../../bot/adapters/teams/cards/impactReportCard';
import { offerFormCardData, renderOfferFormCard } from '../../../bot/adapters/teams/cards/offerFormCard';
import { periodReportCardData, renderPeriodReportCard } from '../../../bot/adapters/teams/cards/periodReportCard';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { parseOfferForm } from '../../../bot/adapters/teams/offerFormSchema';
import { FollowUpWindow } from '../../../bot/domain/followUp';
import { followUpsByTag, followUpSummary } from '../../../bot/domain/followUpImpact';
import { offerImpact, periodReport } from '../../../bot/domain/impact';
import { schoolYear } from '../../../bot/domain/terms';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';
import { offerFormValues } from '../../support/clplTestbed';
import { buildAttendance, buildFollowUp, buildOffer, buildPerson, buildResponse, buildSignUps, sltMember, testCatalogue } from '../../factories';

const offer = buildOffer({ id: 'offer-1', title: 'Assessment for learning', startsAt: new Date('2026-09-01T14:30:00Z'), endsAt: new Date('2026-09-01T16:00:00Z'), followUpWeeks: 4 });
const window: FollowUpWindow = { weeks: 4, opensAt: new Date('2026-09-29T16:00:00Z'), closesAt: new Date('2026-10-20T16:00:00Z') };
const text = (card: unknown) => JSON.stringify(card);

describe('practice follow-up cards are valid Adaptive Cards 1.5', () => {
  it('the request is the form itself, with the person\'s goals and their earlier confidence', () => {
    const card = noticeCard({
      kind: 'follow_up_request',
      offerId: offer.id,
      offerTitle: offer.title,
      startsAt: offer.startsAt.toISOString(),
      endsAt: offer.endsAt.toISOString(),
      timeZone: 'Europe/London',
      closesAt: window.closesAt.toISOString(),
      reminder: true,
      goals: [{ id: 'goal-1', title: 'Feedback that moves learning on' }],
      feedbackConfidence: { before: 2, after: 4 },
    });
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('A reminder: has it changed your practice?');
    expect(text(card)).toContain('After the session you rated your confidence 4 out of 5 (before it: 2).');
    expect(text(card)).toContain('{"title":"Feedback that moves learning on","value":"goal-1"}');
    expect(text(card)).toContain('You can change your answers until Tue 20 Oct 2026, 17:00.');
  });

  it('a refused answer comes back with every value and the messages beside the fields', () => {
    const values = { ...valuesOfFollowUp(buildFollowUp({ practiceChange: 'Kept typing this', evidence: 'http://x.example' })), confidenceNow: '' };
    const card = renderFollowUpFormCard(
      followUpFormCardData({ offer, closesAt: window.closesAt, values, errors: { confidenceNow: 'Rate your confidence now, from 1 to 5.', evidence: 'Evidence links must be https:// addresses.' }, formMessage: 'Please check' }),
    );
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Kept typing this');
    expect(text(card)).toContain('Rate your confidence now, from 1 to 5.');
    expect(text(card)).toContain('Evidence links must be https:// addresses.');
    expect(text(card)).not.toContain('After the session you rated');
  });

  it('the saved card shows confidence at three points and offers a change', () => {
    const feedback = buildResponse({ before: { knowledge: 2, understanding: 2, confidence: 1 }, after: { knowledge: 4, understanding: 4, confidence: 4 } });
    const saved = { offer, window, existing: buildFollowUp({ used: 'partly', confidenceNow: 3 }), feedback, goalChoices: [], goalLinkFailure: 'goal store down' };
    const card = renderFollowUpSavedCard(followUpSavedCardData(saved));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('1 before → 4 after → 3 now (out of 5)');
    expect(text(card)).toContain('I have tried it');
    expect(text(card)).toContain('the goal link may not show yet');
    expect((card.actions as Array<{ verb: string }>).map((a) => a.verb)).toEqual(['followUp.edit.v1', 'learning.shareForm.v1']);
    const withoutFeedback = renderFollowUpSavedCard(followUpSavedCardData({ ...saved, feedback: undefined, goalLinkFailure: null }));
    expectValidAdaptiveCard(withoutFeedback);
    expect(text(withoutFeedback)).toContain('3 out of 5 now');
  });

  describe('the impact card\'s follow-up section', () => {
    const signUps = buildSignUps(offer, 4);
    const attendance = signUps.map((s) => buildAttendance({ offerId: offer.id, person: s.person }));
    const impact = offerImpact({ offer, signUps, attendance, responses: [], minResponses: 2 });
    const asked = signUps.map((s) => ({ offerId: offer.id, personId: s.person.id }));

    it('says when attendees will be asked, or that the session has none', () => {
      const notYet = renderImpactReportCard(impactReportCardData({ ...impact, followUp: { window, summary: followUpSummary({ asked: [], feedback: [], followUps: [], minResponses: 2 }) } }));
      expectValidAdaptiveCard(notYet);
      expect(text(notYet)).toContain('Attendees are asked 4 weeks after the session, from Tue 29 Sep 2026, 17:00.');
      const none = renderImpactReportCard(impactReportCardData({ ...impact, followUp: { window: null, summary: followUpSummary({ asked: [], feedback: [], followUps: [], minResponses: 2 }) } }));
      expectValidAdaptiveCard(none);
      expect(text(none)).toContain('This session has no practice follow-up.');
    });

    it('withholds answers below the threshold and shows them, names hidden where anonymous, above it', () => {
      const one = [buildFollowUp({ offerId: offer.id, person: signUps[0]!.person, practiceChange: 'Secret change' })];
      const few = renderImpactReportCard(impactReportCardData({ ...impact, followUp: { window, summary: followUpSummary({ asked, feedback: [], followUps: one, minResponses: 2 }) } }));
      expectValidAdaptiveCard(few);
      expect(text(few)).toContain('Too few follow-up answers to show');
      expect(text(few)).not.toContain('Secret change');
      const two = [...one, buildFollowUp({ offerId: offer.id, person: signUps[1]!.person, anonymous: true, used: 'no', practiceChange: 'No time yet' })];
      const shown = renderImpactReportCard(impactReportCardData({ ...impact, followUp: { window, summary: followUpSummary({ asked, feedback: [], followUps: two, minResponses: 2 }) } }));
      expectValidAdaptiveCard(shown);
      expect(text(shown)).toContain('"title":"Follow-up answers","value":"2 of 4 (50%)"');
      expect(text(shown)).toContain('"title":"Applied it","value":"50% (n = 2)"');
      expect(text(shown)).toContain('"title":"Confidence","value":"— (no one answered both the feedback and the follow-up)"');
      expect(text(shown)).not.toContain('Change sustained');
      expect(text(shown)).toContain(`— ${signUps[0]!.person.name}, part of their practice now`);
      expect(text(shown)).toContain('— anonymous, not yet');
    });
  });

  it('the period card sums follow-ups up overall and per tag', () => {
    const people = [buildPerson(1), buildPerson(2)];
    const tagged = buildOffer({ id: 'o1', tags: { standards: [], priorities: ['Numeracy'] } });
    const report = periodReport(schoolYear(2026, 'Europe/London'), []);
    const followUp = followUpsByTag({
      offers: [tagged],
      asked: people.map((p) => ({ offerId: 'o1', personId: p.id })),
      feedback: people.map((person) => buildResponse({ offerId: 'o1', person })),
      followUps: people.map((person) => buildFollowUp({ offerId: 'o1', person, confidenceNow: 3 })),
      minResponses: 2,
    });
    const card = renderPeriodReportCard(periodReportCardData({ ...report, followUp }, 35));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Weeks later: practice follow-up');
    expect(text(card)).toContain('"text":"Numeracy"');
    expect(text(card)).toContain('2 of 2 answered (100%) · 100% applied it · confidence change sustained +1.00 (n = 2)');
  });
});

describe('the offer form\'s follow-up setting', () => {
  const context = { author: sltMember, timeZone: 'Europe/London', catalogue: testCatalogue, knownStaff: [] };

  it('starts at the school default and keeps a chosen number of weeks', () => {
    const card = renderOfferFormCard(offerFormCardData({ channelName: 'BAL-Staff CLPL', catalogue: testCatalogue, defaultFollowUpWeeks: 8 }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('"id":"followUpWeeks"');
    expect(text(card)).toContain('school default 8');
    expect(text(card)).toMatch(/"id":"followUpWeeks"[^}]*"value":8/);
    const parsed = parseOfferForm(offerFormValues({ followUpWeeks: '3' }), context);
    expect(parsed.ok && parsed.draft.followUpWeeks).toBe(3);
    const left = parseOfferForm(offerFormValues({ followUpWeeks: '' }), context);
    expect(left.ok && 'followUpWeeks' in left.draft).toBe(false);
  });

  it('refuses weeks that are not a whole number from 0 to 26', () => {
    for (const followUpWeeks of ['27', '-1', '2.5', 'six']) {
      const parsed = parseOfferForm(offerFormValues({ followUpWeeks }), context);
      expect(parsed).toMatchObject({ ok: false, errors: { followUpWeeks: 'Follow up after a whole number of weeks from 0 (no follow-up) to 26.' } });
    }
  });
});
