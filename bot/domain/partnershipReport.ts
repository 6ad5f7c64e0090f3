import { AttendanceRecord } from './attendance';
import { cellsToWithhold, Withheld } from './disclosureControl';
import { FeedbackResponse, feedbackScales } from './feedback';
import { enoughToShow, FeedbackMeans, feedbackMeans, hoursOf, Mean, meanOf } from './impact';
import { Offer } from './offer';
import { GroupGraph, GroupKind } from './schoolGroups';
import { SignUp } from './signUp';
import { Period } from './terms';

/**
 * The partnership's report: the impact of CLPL rolled up by school, by the groups inside a group, and for the group,
 * in the form of the West Partnership's indicator ("mean change in staff knowledge, understanding and confidence as a
 * result of the professional learning"), with the number of answers behind every mean.
 *
 * What counts for a school is its staff's CLPL, wherever it was offered: every session that started in the period
 * that someone took a place on or attended, attributed to the attendee's school — the school whose card they pressed
 * on a group offer, the offer's school otherwise. A group's row is the sum over its schools, each school once however
 * many of the group's sub-groups it is in. So a cluster session three schools went to counts once in each school's
 * row and once in the cluster's.
 */
export interface PartnershipEvidence {
  /** Sessions that started in the year, any school's, with everything recorded about them. */
  offers: readonly Offer[];
  signUps: readonly SignUp[];
  attendance: readonly AttendanceRecord[];
  feedback: readonly FeedbackResponse[];
}

export interface ImpactMeans extends FeedbackMeans {
  /** Mean over answers of the change (after − before) averaged over knowledge, understanding and confidence. */
  meanChange: Mean;
}

export interface ImpactCell {
  /** Distinct sessions attended. */
  sessions: number;
  /** Confirmed places held. */
  placesTaken: number;
  /** Attendances (one person at one session). */
  attended: number;
  /** Distinct people who attended at least one session. */
  practitioners: number;
  hours: number;
  /** Feedback answers from people marked as attending. */
  responses: number;
  /** responses ÷ attended; null when nobody attended. */
  responseRate: number | null;
  /** Null when there are no answers or they are withheld. */
  means: ImpactMeans | null;
  /** Why the means are not shown; null when shown or when there are none. */
  withheld: Withheld | null;
}

export type RowKind = 'total' | 'group' | 'school';

export interface PartnershipRow extends ImpactCell {
  kind: RowKind;
  id: string;
  name: string;
  /** The group's kind; null for a school. */
  groupKind: GroupKind | null;
  /** How many schools the row counts. */
  schools: number;
}

export interface PartnershipReport {
  group: { id: string; name: string; kind: GroupKind };
  period: Period;
  minResponses: number;
  /** The group itself, then the groups inside it, then its schools, each by name. */
  rows: PartnershipRow[];
}

/** One person's part in one session, counted for one school. */
interface Participation {
  offer: Offer;
  schoolId: string;
  personId: string;
  placeTaken: boolean;
  attendance: AttendanceRecord | null;
  response: FeedbackResponse | null;
}

/** The school a person's CLPL counts for: the one whose card they pressed on a group offer, else the offer's school. */
export function attendeeSchool(offer: Offer, signUp: Pick<SignUp, 'schoolId'> | undefined): string {
  return offer.groupId !== undefined && signUp?.schoolId ? signUp.schoolId : offer.schoolId;
}

function participationsOf(evidence: PartnershipEvidence): Participation[] {
  const key = (offerId: string, personId: string) => `${offerId}\n${personId}`;
  const signUps = new Map(evidence.signUps.map((s) => [key(s.offerId, s.person.id), s]));
  const attended = new Map(evidence.attendance.filter((a) => a.attended).map((a) => [key(a.offerId, a.person.id), a]));
  const answers = new Map(evidence.feedback.map((f) => [key(f.offerId, f.person.id), f]));
  // A cancelled session took no one's time: its places and any marks on it do not count.
  const offers = new Map(evidence.offers.filter((o) => o.status !== 'cancelled').map((o) => [o.id, o]));
  const people = new Set([...signUps.keys(), ...attended.keys()]);
  return [...people].flatMap((k) => {
    const [offerId, personId] = k.split('\n') as [string, string];
    const offer = offers.get(offerId);
    if (!offer) return [];
    const signUp = signUps.get(k);
    const attendance = attended.get(k) ?? null;
    const placeTaken = signUp?.status === 'confirmed';
    if (!placeTaken && !attendance) return [];
    return [{ offer, schoolId: attendeeSchool(offer, signUp), personId, placeTaken, attendance, response: attendance ? (answers.get(k) ?? null) : null }];
  });
}

const startsIn = (period: Period, offer: Offer) => offer.startsAt.getTime() >= period.from.getTime() && offer.startsAt.getTime() < period.to.getTime();

function cellOf(participations: readonly Participation[], minResponses: number): Omit<ImpactCell, 'withheld'> {
  const attended = participations.filter((p) => p.attendance !== null);
  const responses = participations.flatMap((p) => (p.response ? [p.response] : []));
  return {
    sessions: new Set(attended.map((p) => p.offer.id)).size,
    placesTaken: participations.filter((p) => p.placeTaken).length,
    attended: attended.length,
    practitioners: new Set(attended.map((p) => p.personId)).size,
    hours: hoursOf(attended.map((p) => ({ offer: p.offer, record: p.attendance! }))),
    responses: responses.length,
    responseRate: attended.length === 0 ? null : responses.length / attended.length,
    means: enoughToShow(responses.length, minResponses) ? impactMeans(responses) : null,
  };
}

function impactMeans(responses: readonly FeedbackResponse[]): ImpactMeans {
  const across = responses.map((r) => feedbackScales.reduce((sum, scale) => sum + r.after[scale] - r.before[scale], 0) / feedbackScales.length);
  return { ...feedbackMeans(responses), meanChange: meanOf(across) };
}

interface Unit {
  kind: RowKind;
  id: string;
  name: string;
  groupKind: GroupKind | null;
  schools: ReadonlySet<string>;
}

/**
 * The report of one group for one of `periods` (the year and its terms). Withholding is decided over every group
 * the app knows and every period at once (disclosureControl.ts), not per report: a lead of an authority can also
 * ask for each of its clusters, and for each term as well as the year, and no combination of those may give away a
 * cell any of them withholds.
 */
export function partnershipReport(input: {
  graph: GroupGraph;
  groupId: string;
  periods: readonly Period[];
  periodIndex: number;
  evidence: PartnershipEvidence;
  schoolNames: ReadonlyMap<string, string>;
  minResponses: number;
}): PartnershipReport {
  const { graph, periods, minResponses } = input;
  const group = graph.group(input.groupId);
  const period = periods[input.periodIndex];
  if (!group || !period) throw new RangeError('partnershipReport: unknown group or period');

  const units = new Map<string, Unit>();
  for (const g of graph.all()) units.set(`group:${g.id}`, { kind: 'group', id: g.id, name: g.name, groupKind: g.kind, schools: new Set(graph.schoolsIn(g.id)) });
  const everySchool = new Set([...units.values()].flatMap((u) => [...u.schools]));
  for (const id of everySchool) units.set(`school:${id}`, { kind: 'school', id, name: input.schoolNames.get(id) ?? id, groupKind: null, schools: new Set([id]) });

  const participations = participationsOf(input.evidence).filter((p) => everySchool.has(p.schoolId) && periods.some((per) => startsIn(per, p.offer)));
  const bySchool = new Map<string, Participation[]>();
  // An atom: one school's answers on sessions that fall in exactly the same periods (for example the year and autumn).
  const atomsBySchool = new Map<string, Map<string, { periods: Set<number>; responses: number }>>();
  for (const p of participations) {
    const own = bySchool.get(p.schoolId) ?? [];
    own.push(p);
    bySchool.set(p.schoolId, own);
    if (!p.response) continue;
    const inPeriods = periods.flatMap((per, i) => (startsIn(per, p.offer) ? [i] : []));
    const atoms = atomsBySchool.get(p.schoolId) ?? new Map<string, { periods: Set<number>; responses: number }>();
    const atomKey = `${p.schoolId}\n${inPeriods.join(',')}`;
    const atom = atoms.get(atomKey) ?? { periods: new Set(inPeriods), responses: 0 };
    atom.responses += 1;
    atoms.set(atomKey, atom);
    atomsBySchool.set(p.schoolId, atoms);
  }
  const atomResponses = new Map([...atomsBySchool.values()].flatMap((atoms) => [...atoms].map(([key, atom]) => [key, atom.responses] as const)));
  const atomsOf = (unit: Unit, index: number) => [...unit.schools].flatMap((id) => [...(atomsBySchool.get(id) ?? [])].flatMap(([key, atom]) => (atom.periods.has(index) ? [key] : [])));
  const inCell = (unit: Unit, index: number) => [...unit.schools].flatMap((id) => bySchool.get(id) ?? []).filter((p) => startsIn(periods[index]!, p.offer));
  const cellKey = (unitKey: string, index: number) => `${unitKey}@${index}`;
  // Kept longest: the year's figures (index 0; the indicator is yearly), then within a period the rows counting more schools.
  const weightOf = (unit: Unit, index: number) => (index === 0 ? 1_000_000 : 0) + unit.schools.size;
  const withheld = cellsToWithhold(
    [...units.entries()].flatMap(([unitKey, unit]) => periods.map((_, index) => ({ key: cellKey(unitKey, index), atoms: atomsOf(unit, index), weight: weightOf(unit, index) }))),
    atomResponses,
    minResponses,
  );

  const rowOf = (unitKey: string, kind: RowKind): PartnershipRow => {
    const unit = units.get(unitKey)!;
    const cell = cellOf(inCell(unit, input.periodIndex), minResponses);
    const reason = withheld.get(cellKey(unitKey, input.periodIndex)) ?? null;
    return { kind, id: unit.id, name: unit.name, groupKind: unit.groupKind, schools: unit.schools.size, ...cell, means: reason ? null : cell.means, withheld: reason };
  };
  const byName = (a: PartnershipRow, b: PartnershipRow) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const subGroups = graph.groupsWithin(group.id).filter((id) => id !== group.id);
  return {
    group: { id: group.id, name: group.name, kind: group.kind },
    period,
    minResponses,
    rows: [
      rowOf(`group:${group.id}`, 'total'),
      ...subGroups.map((id) => rowOf(`group:${id}`, 'group')).sort(byName),
      ...graph.schoolsIn(group.id).map((id) => rowOf(`school:${id}`, 'school')).sort(byName),
    ],
  };
}
