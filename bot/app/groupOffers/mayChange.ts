import { DomainError } from '../../domain/errors';
import { Offer } from '../../domain/offer';
import { AppDependencies } from '../dependencies';

/**
 * Who may edit or cancel an offer: a group offer only its group's CLPL leads (not the SLT of a member school, nor of
 * the school it was created from); a school's own offer its SLT. Checked before the offer's transaction, since the
 * group store may read the same database; an offer's group never changes, so the check cannot go stale.
 */
export async function assertMayChange(deps: AppDependencies, offer: Pick<Offer, 'schoolId' | 'groupId'>, personId: string, action: string): Promise<void> {
  if (offer.groupId !== undefined) {
    if (!(await deps.stores.groups.isLead(offer.groupId, personId))) {
      throw new DomainError('not_group_lead', `Only a CLPL lead of the group can ${action} this offer.`);
    }
    return;
  }
  if (!deps.leadership.isSlt(offer.schoolId, personId)) throw new DomainError('not_slt', `Only senior leaders can ${action} CLPL offers.`);
}

/** The pre-check for a use case that locks the offer afterwards: a missing offer is left for the locked read to report. */
export async function assertMayChangeOffer(deps: AppDependencies, offerId: string, personId: string, action: string): Promise<void> {
  const offer = await deps.stores.offers.findOffer(offerId);
  if (offer) await assertMayChange(deps, offer, personId, action);
}
