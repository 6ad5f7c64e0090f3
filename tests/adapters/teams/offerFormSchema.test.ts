import { parseOfferForm } from '../../../bot/adapters/teams/offerFormSchema';
import { defaultTagCatalogue } from '../../../bot/domain/tags';

const author = { id: 'slt-1', name: 'Morag SLT' };
const context = { author, timeZone: 'Europe/London', catalogue: defaultTagCatalogue, knownStaff: [{ id: 'aad-7', name: 'Jamie Maths' }] };
const valid = {
  title: ' Restorative practice ',
  description: 'Sharing what works.',
  facilitator: 'jamie maths',
  facilitatorIsMe: 'false',
  startDate: '2026-07-01',
  startTime: '15:45',
  endTime: '16:45',
  location: 'Library',
  onlineLink: '',
  capacity: '12',
  closesDate: '2026-06-30',
  closesTime: '12:00',
  standards: '0,2',
  priorities: '',
};

describe('the offer form submission', () => {
  it('becomes a typed draft with local times converted from the school time zone (BST in summer)', () => {
    const result = parseOfferForm(valid, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.draft.startsAt.toISOString()).toBe('2026-07-01T14:45:00.000Z');
    expect(result.draft.endsAt.toISOString()).toBe('2026-07-01T15:45:00.000Z');
    expect(result.draft.signUpsCloseAt.toISOString()).toBe('2026-06-30T11:00:00.000Z');
    expect(result.draft.title).toBe('Restorative practice');
    expect(result.draft.capacity).toBe(12);
    expect(result.draft.tags.standards).toEqual(['Professional values and personal commitment', 'Professional skills and abilities']);
    expect(result.draft.location).toBe('Library');
    expect(result.draft.onlineLink).toBeNull();
  });

  it('recognises a colleague as a staff facilitator, and anyone else as external', () => {
    const staff = parseOfferForm(valid, context);
    const external = parseOfferForm({ ...valid, facilitator: 'Education Scotland' }, context);
    expect(staff.ok && staff.draft.facilitator).toEqual({ kind: 'staff', userId: 'aad-7', name: 'Jamie Maths' });
    expect(external.ok && external.draft.facilitator).toEqual({ kind: 'external', name: 'Education Scotland' });
  });

  it('"I am facilitating" makes the author the facilitator', () => {
    const result = parseOfferForm({ ...valid, facilitator: '', facilitatorIsMe: 'true' }, context);
    expect(result.ok && result.draft.facilitator).toEqual({ kind: 'staff', userId: 'slt-1', name: 'Morag SLT' });
  });

  it('reports each bad field and keeps what was typed', () => {
    const result = parseOfferForm({ ...valid, title: '   ', capacity: '2.5', startTime: '25:99', onlineLink: 'ftp://x', standards: '9' }, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['capacity', 'onlineLink', 'standards', 'startTime', 'title']);
    expect(result.values.capacity).toBe('2.5');
  });

  it('refuses a payload of the wrong shape without throwing', () => {
    const result = parseOfferForm({ title: 42, capacity: ['1'] }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.title).toBeDefined();
  });

  it('refuses over-long text', () => {
    const result = parseOfferForm({ ...valid, title: 'x'.repeat(121) }, context);
    expect(!result.ok && result.errors.title).toBe('Keep this under 120 characters.');
  });
});
