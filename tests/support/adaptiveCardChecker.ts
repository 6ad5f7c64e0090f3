import type * as AdaptiveCards from "adaptivecards";

type Library = typeof AdaptiveCards;
type JsonObject = Record<string, unknown>;

/**
 * Teams rejects a bot message larger than about 28 KB, and the card travels inside that
 * message, so a card at or above this size can never be posted.
 */
export const TEAMS_MAX_CARD_BYTES = 28 * 1024;

/** Action limit of the Teams host config (the library's default host allows only 5). */
const TEAMS_MAX_ACTIONS = 6;

/**
 * Required by the 1.5 schema but not enforced by the adaptivecards library, which silently
 * renders nothing instead. `verb` is not required by the schema, but without it a bot
 * cannot tell one Action.Execute from another.
 */
const REQUIRED_PROPERTIES: Record<string, readonly string[]> = {
  TextBlock: ["text"],
  TextRun: ["text"],
  RichTextBlock: ["inlines"],
  Image: ["url"],
  ImageSet: ["images"],
  Media: ["sources"],
  FactSet: ["facts"],
  Container: ["items"],
  TableCell: ["items"],
  ActionSet: ["actions"],
  "Input.Toggle": ["title"],
  "Action.ToggleVisibility": ["targetElements"],
  "Action.Execute": ["verb"],
};

/** Child collections the library parses by hand, so they are missing from its property schemas. */
const CHILD_COLLECTIONS: Record<string, readonly string[]> = {
  AdaptiveCard: ["body", "actions"],
  Container: ["items"],
  Column: ["items"],
  TableCell: ["items"],
  ColumnSet: ["columns"],
  ActionSet: ["actions"],
  RichTextBlock: ["inlines"],
  Table: ["rows"],
  TableRow: ["cells"],
};

/**
 * Other valid properties missing from the library's schemas: Teams extensions (card width and
 * mentions, click-to-expand images) and the hand-parsed card of Action.ShowCard.
 */
const EXTRA_PROPERTIES: Record<string, readonly string[]> = {
  AdaptiveCard: ["msteams"],
  Image: ["msTeams"],
  "Action.ShowCard": ["card"],
};

/** Keys of Adaptive Card Templating that only make sense before the template is expanded. */
const TEMPLATE_DIRECTIVES = new Set(["$data", "$when"]);
const TEMPLATE_EXPRESSION = /\$\{[^}]*\}/;

/** Problems in the card as Teams (schema 1.5, Teams host config) would see it; empty when valid. */
export function adaptiveCardProblems(card: unknown): string[] {
  let json: unknown;
  let serialized: string;
  try {
    serialized = JSON.stringify(card);
    // Round-trip so we check exactly what would be sent (undefined values vanish, dates become strings).
    json = JSON.parse(serialized);
  } catch (error) {
    return [`card is not JSON-serializable: ${errorMessage(error)}`];
  }
  if (!isObject(json)) {
    return ["card must be a JSON object"];
  }

  const lib = loadLibrary();
  const problems: string[] = [];
  const bytes = Buffer.byteLength(serialized, "utf8");
  if (bytes >= TEAMS_MAX_CARD_BYTES) {
    problems.push(`card is ${bytes} bytes, Teams needs it under ${TEAMS_MAX_CARD_BYTES}`);
  }
  if (json.type !== "AdaptiveCard") {
    problems.push(`$.type must be "AdaptiveCard", got ${JSON.stringify(json.type)}`);
  }
  const version = checkVersion(lib, json.version, problems);

  findTemplateLeftovers(json, "$", problems);
  const parsed = parseWithLibrary(lib, json, version, problems);
  checkObjectShapes(lib, version, json, "$", problems);
  // Without a parsed card the ids are unknown and rendering would only fail again.
  if (parsed !== undefined) {
    checkToggleTargets(json, "$", parsed.ids, problems);
    renderUnderJsdom(parsed.card, problems);
  }
  return problems;
}

export function expectValidAdaptiveCard(card: unknown): void {
  const problems = adaptiveCardProblems(card);
  if (problems.length > 0) {
    throw new Error(`Invalid Adaptive Card:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

let library: Library | undefined;

/**
 * The package's `main` is untranspiled ESM with extensionless imports, which neither Node's
 * require nor ts-jest can load, so we use the self-contained UMD bundle it also ships.
 */
function loadLibrary(): Library {
  if (library === undefined) {
    const lib = require("adaptivecards/dist/adaptivecards.js") as Library;
    // Without a markdown processor the renderer console.warns (a function, not a message).
    lib.AdaptiveCard.onProcessMarkdown = () => undefined;
    library = lib;
  }
  return library;
}

/**
 * Parsing and validation need no DOM; only rendering does, and it reads these as bare
 * globals. Each call gets a fresh jsdom window, set as globals (never over existing ones,
 * e.g. a jsdom test environment's) only for the call and closed afterwards: a window left
 * open keeps jsdom's load-event callbacks pending past the end of the test file.
 */
function withDomGlobals<T>(run: () => T): T {
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const { window } = new JSDOM("<!doctype html><html><body></body></html>");
  const domGlobals: JsonObject = {
    window,
    document: window.document,
    HTMLElement: window.HTMLElement,
    HTMLInputElement: window.HTMLInputElement,
    HTMLSelectElement: window.HTMLSelectElement,
    HTMLButtonElement: window.HTMLButtonElement,
  };
  const scope = globalThis as unknown as JsonObject;
  const installed = Object.keys(domGlobals).filter((name) => !(name in scope));
  for (const name of installed) {
    scope[name] = domGlobals[name];
  }
  try {
    return run();
  } finally {
    for (const name of installed) {
      delete scope[name];
    }
    window.close();
  }
}

/** Reports version problems and returns the version to parse against (capped at 1.5). */
function checkVersion(lib: Library, raw: unknown, problems: string[]): AdaptiveCards.Version {
  // Teams renders schema versions up to 1.5; a newer card shows only its fallbackText.
  const teamsMax = lib.Versions.v1_5;
  if (raw === undefined) {
    problems.push(`$.version is missing (Teams supports up to ${teamsMax.toString()})`);
    return teamsMax;
  }
  const version = typeof raw === "string" ? lib.Version.parse(raw, new lib.SerializationContext()) : undefined;
  if (version === undefined || !version.isValid) {
    problems.push(`$.version must be a "major.minor" string, got ${JSON.stringify(raw)}`);
    return teamsMax;
  }
  if (version.compareTo(teamsMax) > 0) {
    problems.push(`$.version ${version.toString()} is newer than ${teamsMax.toString()}, the highest Teams supports`);
    return teamsMax;
  }
  return version;
}

function findTemplateLeftovers(value: unknown, path: string, problems: string[]): void {
  if (typeof value === "string") {
    const match = TEMPLATE_EXPRESSION.exec(value);
    if (match) {
      problems.push(`${path}: unbound template expression ${match[0]}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findTemplateLeftovers(item, `${path}[${i}]`, problems));
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (TEMPLATE_DIRECTIVES.has(key) || TEMPLATE_EXPRESSION.test(key)) {
        problems.push(`${path}: template directive "${key}" left in the card`);
      }
      findTemplateLeftovers(child, `${path}.${key}`, problems);
    }
  }
}

/**
 * Library events that our own checks already report more precisely, or that are only
 * style hints (e.g. mixing weighted and stretched columns).
 */
function isReportedElsewhere(lib: Library, event: AdaptiveCards.ValidationEvent): boolean {
  return (
    event === lib.ValidationEvent.Hint ||
    event === lib.ValidationEvent.MissingCardType ||
    event === lib.ValidationEvent.UnsupportedCardVersion
  );
}

/**
 * Parsing against the declared version makes the library flag types and properties that
 * version does not have yet (e.g. Action.Execute in a 1.2 card). Returns the card, with
 * the element ids it declares, only if it parsed.
 */
function parseWithLibrary(
  lib: Library,
  json: JsonObject,
  version: AdaptiveCards.Version,
  problems: string[],
): { card: AdaptiveCards.AdaptiveCard; ids: ReadonlySet<string> } | undefined {
  const card = new lib.AdaptiveCard();
  card.hostConfig = new lib.HostConfig({ supportsInteractivity: true, actions: { maxActions: TEAMS_MAX_ACTIONS } });
  const context = new lib.SerializationContext(version);
  let parseError: unknown;
  try {
    card.parse(json, context);
  } catch (error) {
    parseError = error;
  }

  const events: AdaptiveCards.IValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push(context.getEventAt(i));
  }
  // A half-parsed card would only produce misleading validation results.
  const validation = parseError === undefined ? card.validateProperties() : undefined;
  events.push(...(validation?.validationEvents ?? []));
  for (const event of events) {
    if (!isReportedElsewhere(lib, event.event)) {
      problems.push(`${describeSource(lib, event.source)}: ${event.message}`);
    }
  }
  if (parseError !== undefined) {
    problems.push(`adaptivecards could not parse the card: ${errorMessage(parseError)}`);
  }
  return validation && { card, ids: new Set(Object.keys(validation.allIds)) };
}

function describeSource(lib: Library, source: AdaptiveCards.SerializableObject | undefined): string {
  if (source instanceof lib.CardObject) {
    const id = source.id ? ` "${source.id}"` : "";
    return `${source.getJsonTypeName()}${id}`;
  }
  return "card";
}

const schemaCache = new Map<string, Map<string, AdaptiveCards.PropertyDefinition> | undefined>();

/**
 * Property definitions of a type, from the library's own schema for it. Undefined for types
 * the library does not know at this version: it already reports those itself.
 */
function schemaFor(
  lib: Library,
  typeName: string,
  version: AdaptiveCards.Version,
): Map<string, AdaptiveCards.PropertyDefinition> | undefined {
  const cacheKey = `${typeName}@${version.toString()}`;
  if (!schemaCache.has(cacheKey)) {
    const standalone: Record<string, () => AdaptiveCards.SerializableObject> = {
      AdaptiveCard: () => new lib.AdaptiveCard(),
      Column: () => new lib.Column(),
      TableRow: () => new lib.TableRow(),
      TableCell: () => new lib.TableCell(),
    };
    const instance =
      standalone[typeName]?.() ??
      lib.GlobalRegistry.elements.createInstance(typeName, version) ??
      lib.GlobalRegistry.actions.createInstance(typeName, version);
    let properties: Map<string, AdaptiveCards.PropertyDefinition> | undefined;
    if (instance !== undefined) {
      const schema = instance.getSchema();
      properties = new Map();
      for (let i = 0; i < schema.getCount(); i++) {
        const property = schema.getItemAt(i);
        properties.set(property.name, property);
      }
    }
    schemaCache.set(cacheKey, properties);
  }
  return schemaCache.get(cacheKey);
}

/**
 * The library ignores unknown properties and quietly drops values of the wrong JSON type
 * (`"wrap": "yes"`, `"text": 5`), so a typo renders as a silently different card.
 */
function checkObjectShapes(
  lib: Library,
  version: AdaptiveCards.Version,
  value: unknown,
  path: string,
  problems: string[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkObjectShapes(lib, version, item, `${path}[${i}]`, problems));
    return;
  }
  if (!isObject(value)) {
    return;
  }
  const typeName = typeof value.type === "string" ? value.type : undefined;
  const schema = typeName === undefined ? undefined : schemaFor(lib, typeName, version);
  if (typeName !== undefined && schema !== undefined) {
    const known = new Set([
      ...schema.keys(),
      ...(CHILD_COLLECTIONS[typeName] ?? []),
      ...(EXTRA_PROPERTIES[typeName] ?? []),
      "fallback",
    ]);
    for (const key of Object.keys(value)) {
      if (!known.has(key) && !TEMPLATE_DIRECTIVES.has(key)) {
        problems.push(`${path}: unknown property "${key}" on ${typeName}`);
      }
    }
    for (const key of REQUIRED_PROPERTIES[typeName] ?? []) {
      const v = value[key];
      if (v === undefined || v === null || v === "") {
        problems.push(`${path}: ${typeName} is missing required property "${key}"`);
      }
    }
    for (const key of CHILD_COLLECTIONS[typeName] ?? []) {
      if (value[key] !== undefined && !Array.isArray(value[key])) {
        problems.push(`${path}.${key} must be an array`);
      }
    }
    for (const [key, property] of schema) {
      const expected = expectedJsonType(lib, property);
      if (key in value && expected !== undefined && jsonType(value[key]) !== expected) {
        problems.push(`${path}.${key} must be ${expected === "array" ? "an" : "a"} ${expected}, got ${jsonType(value[key])}`);
      }
    }
  }
  for (const [key, child] of Object.entries(value)) {
    // Action data is an opaque payload for the bot, whatever shape it has.
    if (key !== "data") {
      checkObjectShapes(lib, version, child, `${path}.${key}`, problems);
    }
  }
}

function expectedJsonType(lib: Library, property: AdaptiveCards.PropertyDefinition): string | undefined {
  if (property instanceof lib.StringProperty) return "string";
  if (property instanceof lib.BoolProperty) return "boolean";
  if (property instanceof lib.NumProperty) return "number";
  if (property instanceof lib.StringArrayProperty) return "array";
  if (property instanceof lib.SerializableObjectCollectionProperty) return "array";
  if (property instanceof lib.SerializableObjectProperty) return "object";
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** The library accepts toggle targets that name no element; Teams then does nothing on click. */
function checkToggleTargets(value: unknown, path: string, ids: ReadonlySet<string>, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkToggleTargets(item, `${path}[${i}]`, ids, problems));
    return;
  }
  if (!isObject(value)) {
    return;
  }
  if (value.type === "Action.ToggleVisibility" && Array.isArray(value.targetElements)) {
    for (const target of value.targetElements) {
      const id = isObject(target) ? target.elementId : target;
      if (typeof id !== "string" || !ids.has(id)) {
        problems.push(`${path}: toggle target ${JSON.stringify(id)} matches no element id`);
      }
    }
  }
  for (const [key, child] of Object.entries(value)) {
    checkToggleTargets(child, `${path}.${key}`, ids, problems);
  }
}

/** The library's HTML renderer is the nearest stand-in we have for Teams drawing the card. */
function renderUnderJsdom(card: AdaptiveCards.AdaptiveCard, problems: string[]): void {
  try {
    if (withDomGlobals(() => card.render()) === undefined) {
      problems.push("the card renders to nothing");
    }
  } catch (error) {
    problems.push(`rendering the card threw: ${errorMessage(error)}`);
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
