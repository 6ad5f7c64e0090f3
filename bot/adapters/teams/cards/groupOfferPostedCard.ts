import { GroupOfferPostedNotice } from '../../../ports/groupOfferNotices';
import { messageCard } from './messageCard';
import { AdaptiveCardJson } from './render';

const because = { no_clpl_channel: 'No CLPL channel chosen yet', post_failed: 'Teams refused the post' } as const;
/** A card stays readable: past this many schools without a card, the rest are counted, not named. */
const namedAtMost = 15;

/** The author's 1:1 message once a group offer's cards are in the member schools' channels. */
export function groupOfferPostedCard(notice: GroupOfferPostedNotice): AdaptiveCardJson {
  const schools = (n: number) => `${n} ${n === 1 ? 'school' : 'schools'}`;
  const missing = notice.notPosted.length;
  const text =
    missing === 0
      ? `"${notice.offerTitle}" is in the CLPL channel of all ${schools(notice.postedCount)} of ${notice.groupName}.`
      : `"${notice.offerTitle}" is in the CLPL channel of ${schools(notice.postedCount)} of ${notice.groupName}; ${schools(missing)} did not get it.`;
  const facts: Array<{ title: string; value: string }> = notice.notPosted.slice(0, namedAtMost).map((s) => ({ title: s.name, value: because[s.reason] }));
  if (missing > namedAtMost) facts.push({ title: 'And', value: `${missing - namedAtMost} more schools` });
  if (notice.notPosted.some((s) => s.reason === 'no_clpl_channel')) {
    facts.push({ title: 'What now', value: 'A school gets cards once its SLT choose its CLPL channel ("use this channel").' });
  }
  return messageCard(missing === 0 ? 'Offer posted to every school' : 'Offer posted', text, missing === 0 ? 'Good' : 'Warning', facts);
}
