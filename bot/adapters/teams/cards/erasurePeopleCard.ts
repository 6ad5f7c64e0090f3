import template from './erasurePeopleCard.json';
import { SchoolPerson } from '../../../ports/personalData';
import { instantText } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

/** Leavers awaiting erasure, or the members matching `erase <name>`: each with *Review erasure*. */
export interface ErasurePeopleCardData {
  heading: string;
  intro: string;
  emptyText: string;
  people: Array<{ personId: string; name: string; detail: string }>;
}

export function erasurePeopleCardData(input: { heading: string; intro: string; emptyText: string; people: readonly SchoolPerson[]; timeZone: string }): ErasurePeopleCardData {
  return {
    heading: input.heading,
    intro: input.intro,
    emptyText: input.emptyText,
    people: input.people.map((p) => ({
      personId: p.id,
      name: p.name,
      detail: [p.email ?? 'email not known', p.leftAt ? `left the school's teams ${instantText(p.leftAt, input.timeZone)}` : 'still in a team of the school'].join(' · '),
    })),
  };
}

export function renderErasurePeopleCard(data: ErasurePeopleCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
