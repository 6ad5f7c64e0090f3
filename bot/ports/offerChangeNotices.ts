import { OfferChange } from '../domain/offerChanges';

/** Notices about an offer that SLT edited or cancelled (see app/editOffer.ts and app/cancelOffer.ts). */
export type OfferChangeNotice =
  | { kind: 'offer_changed'; offerId: string; offerTitle: string; startsAt: string; timeZone: string; changes: OfferChange[] }
  | { kind: 'moved_to_waitlist'; offerId: string; offerTitle: string; startsAt: string; timeZone: string }
  | { kind: 'offer_cancelled'; offerId: string; offerTitle: string; startsAt: string; timeZone: string; wasConfirmed: boolean };
