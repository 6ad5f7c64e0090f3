import template from './erasurePreviewCard.json';
import { ErasurePreview } from '../../../app/privacy/erasePerson';
import { AdaptiveCardJson, renderTemplate } from './render';

/** The first step of an erasure: what goes, what stays, and *Erase*. */
export interface ErasurePreviewCardData {
  personId: string;
  name: string;
  detail: string;
  goes: Array<{ text: string }>;
  stays: Array<{ text: string }>;
}

export function erasurePreviewCardData(preview: ErasurePreview): ErasurePreviewCardData {
  return {
    personId: preview.person.id,
    name: preview.person.name,
    detail: preview.person.email ?? 'Email not known',
    goes: preview.goes.map((l) => ({ text: l.text })),
    stays: preview.stays.map((l) => ({ text: l.text })),
  };
}

export function renderErasurePreviewCard(data: ErasurePreviewCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
