import { emptyOfferForm, offerFormCardData, renderOfferFormCard } from '../../../bot/adapters/teams/cards/offerFormCard';
import { parseOfferForm } from '../../../bot/adapters/teams/offerFormSchema';
import { defaultTagCatalogue } from '../../../bot/domain/tags';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';

const author = { id: 'lead-1', name: 'Fiona Lead' };
const context = { author, timeZone: 'Europe/London', catalogue: defaultTagCatalogue, knownStaff: [], groupIds: ['balerno-cluster'] };
const valid = {
  title: 'Restorative practice',
  facilitatorIsMe: 'true',
  startDate: '2026-07-01',
  startTime: '15:45',
  endTime: '16:45',
  capacity: '12',
  closesDate: '2026-06-30',
  closesTime: '12:00',
};
const groups = [{ id: 'balerno-cluster', name: 'Balerno cluster' }];

describe('the offer form for a group of schools', () => {
  it('a group chosen under "For whom" carries places per school and the release date (start of that day, school time)', () => {
    const result = parseOfferForm({ ...valid, audience: 'balerno-cluster', quotaPerSchool: '4', quotaReleasesDate: '2026-06-24' }, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.groupId).toBe('balerno-cluster');
    expect(result.draft.quotaPerSchool).toBe(4);
    expect(result.draft.quotaReleasesAt?.toISOString()).toBe('2026-06-23T23:00:00.000Z');
  });

  it('this school is the default, and then places per school are refused with a message on the field', () => {
    const plain = parseOfferForm(valid, context);
    if (!plain.ok) throw new Error(JSON.stringify(plain.errors));
    expect(plain.groupId).toBeUndefined();
    expect(plain.values.audience).toBe('school');
    const result = parseOfferForm({ ...valid, audience: 'school', quotaPerSchool: '4', quotaReleasesDate: '2026-06-24' }, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.quotaPerSchool).toContain('only for an offer to a group of schools');
    expect(result.errors.quotaReleasesAt).toContain('only for an offer to a group of schools');
    expect(result.values.quotaPerSchool).toBe('4');
  });

  it('refuses a group the author does not lead, and places per school that are not a whole number', () => {
    const other = parseOfferForm({ ...valid, audience: 'someone-elses-cluster' }, context);
    expect(other.ok ? {} : other.errors).toEqual({ audience: 'Choose this school or a group of schools you lead.' });
    const fraction = parseOfferForm({ ...valid, audience: 'balerno-cluster', quotaPerSchool: '2.5' }, context);
    expect(fraction.ok ? {} : fraction.errors).toEqual({ quotaPerSchool: 'Places per school must be a whole number from 1 to 1000.' });
  });

  it('an edit keeps whom the offer is for, whatever the submission says', () => {
    const edit = parseOfferForm({ ...valid, audience: 'school', quotaPerSchool: '3' }, { ...context, groupIds: [], fixedGroupId: 'balerno-cluster' });
    expect(edit.ok && edit.groupId).toBe('balerno-cluster');
    const schoolEdit = parseOfferForm({ ...valid, audience: 'balerno-cluster', quotaPerSchool: '3' }, { ...context, fixedGroupId: null });
    expect(schoolEdit.ok).toBe(false);
  });

  it('the form shows "For whom" and the per-school fields only to a group lead, as a valid Adaptive Card 1.5', () => {
    const plain = renderOfferFormCard(offerFormCardData({ channelName: 'BAL-Staff CLPL', catalogue: defaultTagCatalogue }));
    expectValidAdaptiveCard(plain);
    expect(JSON.stringify(plain)).not.toContain('For whom');
    expect(JSON.stringify(plain)).not.toContain('quotaPerSchool');

    const lead = renderOfferFormCard(offerFormCardData({ channelName: 'BAL-Staff CLPL', catalogue: defaultTagCatalogue, groups, proposing: true }));
    expectValidAdaptiveCard(lead);
    const text = JSON.stringify(lead);
    expect(text).toContain('"label":"For whom"');
    expect(text).toContain('{"title":"This school (BAL-Staff CLPL)","value":"school"}');
    expect(text).toContain('{"title":"Balerno cluster: every member school\'s CLPL channel","value":"balerno-cluster"}');
    expect(text).toContain('"id":"quotaPerSchool"');
    expect(text).toContain('"id":"quotaReleasesDate"');
    expect(text).toContain('Submit offer');

    const withQuota = renderOfferFormCard(
      offerFormCardData({
        channelName: 'BAL-Staff CLPL',
        catalogue: defaultTagCatalogue,
        groups,
        values: { ...emptyOfferForm, audience: 'balerno-cluster', quotaPerSchool: '4', quotaReleasesDate: '2026-06-24' },
        errors: { quotaReleasesAt: 'Unused places must be released before the session starts.' },
      }),
    );
    expectValidAdaptiveCard(withQuota);
    const quotaText = JSON.stringify(withQuota);
    expect(quotaText).toContain('"id":"quotaPerSchool","label":"Places per school (group offers; leave empty for no limit)","min":1,"max":1000,"value":4');
    expect(quotaText).toContain('Unused places must be released before the session starts.');
    expect(quotaText).toContain('"value":"balerno-cluster"');
  });

  it('editing a group offer keeps the per-school fields but not the choice of whom it is for', () => {
    const card = renderOfferFormCard(
      offerFormCardData({ channelName: 'BAL-Staff CLPL', catalogue: defaultTagCatalogue, groups, editing: { offerId: 'o-1', submitVerb: 'offer.update.v1' }, editingGroupOffer: true }),
    );
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card)).not.toContain('For whom');
    expect(JSON.stringify(card)).toContain('"id":"quotaPerSchool"');
  });
});
