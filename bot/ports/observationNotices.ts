import { ObservationKind, ObservationRole } from '../domain/peerObservation';

/** What every peer observation notice says about the visit (no reflection text ever travels in a notice). */
export interface ObservationNoticeVisit {
  observationId: string;
  observationKind: ObservationKind;
  focus: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
}

/** Notices of a peer observation, each to one of the two colleagues. */
export type ObservationNotice =
  /** To the colleague: accept or decline. */
  | (ObservationNoticeVisit & { kind: 'observation_invite'; initiatorName: string })
  /** To the person who asked: the colleague's answer. */
  | (ObservationNoticeVisit & { kind: 'observation_answered'; colleagueName: string; outcome: 'accepted' | 'declined' })
  /** To the other one of the two: it was called off. */
  | (ObservationNoticeVisit & { kind: 'observation_cancelled'; byName: string })
  /** To each of the two after the visit: the reflection form, with the goals it may be evidence for. */
  | (ObservationNoticeVisit & { kind: 'observation_reflection_request'; partnerName: string; role: ObservationRole; goals: { id: string; title: string }[] });
