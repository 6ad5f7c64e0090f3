import * as ACData from 'adaptivecards-templating';

export type AdaptiveCardJson = Record<string, unknown>;

/** Parsing a template's expressions is most of the cost of rendering it; each template is parsed once. */
const parsedTemplates = new WeakMap<object, ACData.Template>();

/** Binds a versioned JSON template to its data; each card module pairs a template with a typed data model. */
export function renderTemplate<Data extends object>(template: object, data: Data): AdaptiveCardJson {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed.expand({ $root: data }) as AdaptiveCardJson;
}
