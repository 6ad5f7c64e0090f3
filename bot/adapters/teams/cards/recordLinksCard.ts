import template from './recordLinksCard.json';
import { messageCard } from './messageCard';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface RecordLinksCardData {
  recordHtml: string;
  recordJson: string;
  myplCsv: string;
  myplHtml: string;
  /** When the links stop working, as the person reads the time (e.g. "15:45"). */
  expiresAt: string;
}

export function renderRecordLinksCard(data: RecordLinksCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

export function recordLinksUnavailableCard(): AdaptiveCardJson {
  return messageCard('Download your record from the tab', 'This server has no public address set (CLPL_PUBLIC_URL), so I cannot give you download links here. Open the My CLPL tab: your record and MyPL entries are under "Your record".', 'Warning');
}
