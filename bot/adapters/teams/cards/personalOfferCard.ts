import { calendarLinks } from '../../../app/calendar/calendarFeed';
import { AppDependencies } from '../../../app/dependencies';
import { PersonalOfferView } from '../../../app/signUp';
import { offerCardData, renderOfferCard } from './offerCard';
import { AdaptiveCardJson } from './render';

/**
 * The offer card as one person sees it; a confirmed person also gets "Add to calendar" (their own secret link).
 * Teams shows a card answered to a card action to that person alone, so it need refresh only for them, and only
 * while they hold a place (as the shared card refreshes for those signed up).
 */
export async function renderPersonalOfferCard(app: AppDependencies, personId: string, view: PersonalOfferView): Promise<AdaptiveCardJson> {
  const confirmed = view.standing.kind === 'confirmed' && view.offer.status !== 'cancelled';
  const links = !confirmed ? null : view.calendarLinks !== undefined ? view.calendarLinks : await calendarLinks(app, personId);
  const holdsPlace = view.standing.kind !== 'none' && view.standing.kind !== 'withdrawn';
  const shownTo = { ...view, signedUpIds: holdsPlace ? [personId] : [] };
  return renderOfferCard(offerCardData(shownTo, app.clock.now(), view.standing, links?.sessionUrl(view.offer.id) ?? ''));
}
