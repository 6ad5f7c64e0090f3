import template from './messageCard.json';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface MessageCardData {
  title: string;
  text: string;
  color: 'Default' | 'Good' | 'Warning' | 'Attention';
  facts: Array<{ title: string; value: string }>;
}

export function renderMessageCard(data: MessageCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}

export function messageCard(title: string, text = '', color: MessageCardData['color'] = 'Default', facts: MessageCardData['facts'] = []) {
  return renderMessageCard({ title, text, color, facts });
}
