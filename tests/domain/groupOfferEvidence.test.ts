import { evidenceForReader, OfferEvidence } from '../../bot/domain/groupOfferEvidence';
import { buildAttendance, buildFollowUp, buildPerson, buildResponse, buildSignUp } from '../factories';

const [ann, bob, cat] = [1, 2, 3].map((n) => buildPerson(n));
/** Ann and Bob signed up from school A, Cat from school B; everyone attended and answered, with their names. */
const evidence: OfferEvidence = {
  signUps: [buildSignUp({ person: ann!, schoolId: 'school-a' }), buildSignUp({ person: bob!, schoolId: 'school-a', queueNumber: 2 }), buildSignUp({ person: cat!, schoolId: 'school-b', queueNumber: 3 })],
  attendance: [ann!, bob!, cat!].map((person) => buildAttendance({ person })),
  responses: [ann!, bob!, cat!].map((person) => buildResponse({ person, anonymous: false })),
  followUps: [ann!, bob!, cat!].map((person) => buildFollowUp({ person, anonymous: false })),
};
const ids = (list: ReadonlyArray<{ person: { id: string } }>) => list.map((item) => item.person.id);

describe('what each reader of a group offer’s report is given', () => {
  it('a school’s SLT gets only the people who signed up from their school', () => {
    const ours = evidenceForReader({ kind: 'school_slt', schoolIds: ['school-a'] }, evidence);
    for (const list of [ours.signUps, ours.attendance, ours.responses, ours.followUps]) expect(ids(list)).toEqual([ann!.id, bob!.id]);
    expect(ours.responses.every((r) => !r.anonymous)).toBe(true);
  });

  it('a sign-up with no school belongs to no school’s report', () => {
    const unknown = { ...evidence, signUps: evidence.signUps.map((s) => (s.person.id === cat!.id ? { ...s, schoolId: undefined } : s)) };
    expect(ids(evidenceForReader({ kind: 'school_slt', schoolIds: ['school-b'] }, unknown).responses)).toEqual([]);
  });

  it('a lead gets everyone, with every answer unnamed', () => {
    const all = evidenceForReader({ kind: 'group_lead' }, evidence);
    expect(ids(all.responses)).toEqual([ann!.id, bob!.id, cat!.id]);
    expect(all.responses.every((r) => r.anonymous) && all.followUps.every((f) => f.anonymous)).toBe(true);
    expect(all.attendance).toEqual(evidence.attendance);
  });
});
