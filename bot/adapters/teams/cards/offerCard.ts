import template from './offerCard.json';
import { Offer } from '../../../domain/offer';
import { Standing } from '../../../domain/signUp';
import { OfferCardView } from '../../../ports/offerBoard';
import { facilitatorText, instantText, placeText, seatsText, sessionTime, standingText } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Teams refreshes a card automatically for at most 60 listed people. */
export const maxRefreshUserIds = 60;

export interface OfferCardData {
  offerId: string;
  title: string;
  description: string;
  statusLine: string;
  when: string;
  where: string;
  onlineLink: string;
  facilitator: string;
  standards: string;
  priorities: string;
  closes: string;
  seatsLine: string;
  /** On an offer that needs school approval: that a place is held until the person's school approves it. */
  approvalLine: string;
  /** "3 colleagues shared what they learnt: see the replies below."; empty when no one has. */
  sharedLine: string;
  personalLine: string;
  personalColor: string;
  canSignUp: boolean;
  canWithdraw: boolean;
  refreshUserIds: string[];
  /** "Add to calendar" on a confirmed person's own view; empty otherwise. */
  calendarUrl: string;
}

/**
 * The card as everyone in the channel sees it (`standing` absent) or as one person sees it; `calendarUrl` is that
 * person's own link to the session's calendar file, shown only while they are confirmed.
 */
export function offerCardData(view: OfferCardView, now: Date, standing?: Standing, calendarUrl = ''): OfferCardData {
  const { offer } = view;
  const open = offer.status === 'open' && now.getTime() < offer.signUpsCloseAt.getTime();
  const started = now.getTime() >= offer.startsAt.getTime();
  const personal = standing ? standingText(standing) : null;
  const holdsPlace = standing?.kind === 'confirmed' || standing?.kind === 'awaiting_approval' || standing?.kind === 'waitlisted';
  return {
    offerId: offer.id,
    title: offer.title,
    description: offer.description,
    statusLine: statusLine(offer, now),
    when: sessionTime(offer),
    where: placeText(offer),
    onlineLink: offer.onlineLink ?? '',
    facilitator: facilitatorText(offer.facilitator),
    standards: offer.tags.standards.join('; ') || '—',
    priorities: offer.tags.priorities.join('; ') || '—',
    closes: instantText(offer.signUpsCloseAt, offer.timeZone),
    seatsLine: seatsText(view.seats),
    approvalLine: offer.needsApproval ? "In the school day: your school approves each place (it is held for you meanwhile)." : '',
    sharedLine: sharedText(view.sharedCount),
    personalLine: personal?.line ?? '',
    personalColor: personal?.color ?? 'Default',
    canSignUp: open && !holdsPlace,
    canWithdraw: offer.status !== 'cancelled' && !started && (standing === undefined || holdsPlace),
    refreshUserIds: view.signedUpIds.slice(0, maxRefreshUserIds),
    calendarUrl: standing?.kind === 'confirmed' && offer.status !== 'cancelled' && !started ? calendarUrl : '',
  };
}

function statusLine(offer: Offer, now: Date): string {
  if (offer.status === 'cancelled') return 'Cancelled';
  if (now.getTime() >= offer.startsAt.getTime()) return 'This session has started.';
  if (offer.status === 'closed' || now.getTime() >= offer.signUpsCloseAt.getTime()) return 'Sign-ups have closed.';
  return '';
}

export function renderOfferCard(data: OfferCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

function sharedText(count: number): string {
  if (count === 0) return '';
  return `${count} ${count === 1 ? 'colleague' : 'colleagues'} shared what they learnt: see the replies below.`;
}
