import { makeRecordLinks } from '../../../app/privacy/recordLinks';
import { recordLinksUnavailableCard, renderRecordLinksCard } from '../cards/recordLinksCard';
import { TextCommand } from './types';

/** Subject access from the chat: short-lived links to the person's own record, never posted where others can see. */
export const myRecord: TextCommand = {
  name: 'myRecord',
  phrases: /^(my record|my data|download my record|my mypl|mypl)$/,
  help: { title: 'my record', text: 'Download everything the app keeps about you, and your MyPL entries for Professional Update.', forSlt: false },
  async run(ctx) {
    if (ctx.channel) {
      await ctx.replyText('Say "my record" to me in our 1:1 chat: your download links are just for you.');
      return;
    }
    const links = await makeRecordLinks({ downloads: ctx.app.stores.recordDownloads, clock: ctx.app.clock, publicUrl: ctx.app.publicUrl }, ctx.person.id);
    if (!links) {
      await ctx.replyCard(recordLinksUnavailableCard());
      return;
    }
    const expiresAt = new Intl.DateTimeFormat('en-GB', { timeZone: ctx.app.quietHours.timeZone, hour: '2-digit', minute: '2-digit' }).format(links.expiresAt);
    ctx.logger.info({ event: 'record_links_made', personId: ctx.person.id });
    await ctx.replyCard(
      renderRecordLinksCard({ recordHtml: links.urls['record.html'], recordJson: links.urls['record.json'], myplCsv: links.urls['mypl.csv'], myplHtml: links.urls['mypl.html'], expiresAt }),
    );
  },
};
