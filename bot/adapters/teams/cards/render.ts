import * as ACData from 'adaptivecards-templating';

export type AdaptiveCardJson = Record<string, unknown>;

/** Binds a versioned JSON template to its data; each card module pairs a template with a typed data model. */
export function renderTemplate<Data extends object>(template: object, data: Data): AdaptiveCardJson {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
}
