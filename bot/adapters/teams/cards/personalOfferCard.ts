import { calendarLinks } from '../../../app/calendar/calendarFeed';
import { AppDependencies } from '../../../app/dependencies';
import { OfferStandingView } from '../../../app/signUp';
import { offerCardData, renderOfferCard } from './offerCard';
import { AdaptiveCardJson } from './render';

/** The offer card as one person sees it; a confirmed person also gets "Add to calendar" (their own secret link). */
export async function renderPersonalOfferCard(app: AppDependencies, personId: string, view: OfferStandingView): Promise<AdaptiveCardJson> {
  const links = view.standing.kind === 'confirmed' && view.offer.status !== 'cancelled' ? await calendarLinks(app, personId) : null;
  return renderOfferCard(offerCardData(view, app.clock.now(), view.standing, links?.sessionUrl(view.offer.id) ?? ''));
}
