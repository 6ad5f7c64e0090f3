import {
  TEAMS_MAX_CARD_BYTES,
  adaptiveCardProblems,
  expectValidAdaptiveCard,
} from "./adaptiveCardChecker";

type Json = Record<string, unknown>;

/** A card using most of what the bot needs; every other test breaks exactly one thing in it. */
function wellFormedCard(): Json {
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.5",
    msteams: { width: "Full" },
    body: [
      { type: "TextBlock", text: "Leading Learning", size: "Large", weight: "Bolder", style: "heading", wrap: true },
      { type: "Image", url: "https://example.org/banner.png", altText: "Banner", msTeams: { allowExpand: true } },
      {
        type: "ColumnSet",
        columns: [
          { type: "Column", width: "auto", items: [{ type: "TextBlock", text: "When" }] },
          { type: "Column", width: "stretch", items: [{ type: "TextBlock", text: "Monday", wrap: true }] },
        ],
      },
      { type: "FactSet", facts: [{ title: "Where", value: "Room 4" }] },
      { type: "Container", id: "details", isVisible: false, items: [{ type: "TextBlock", text: "Bring a laptop." }] },
      { type: "Input.Text", id: "note", label: "Note", isMultiline: true, maxLength: 200 },
      {
        type: "Input.ChoiceSet",
        id: "slot",
        label: "Session",
        isRequired: true,
        errorMessage: "Pick a session",
        choices: [{ title: "Morning", value: "am" }],
      },
      {
        type: "Table",
        columns: [{ width: 1 }],
        rows: [{ type: "TableRow", cells: [{ type: "TableCell", items: [{ type: "TextBlock", text: "Places: 12" }] }] }],
      },
    ],
    actions: [
      { type: "Action.Execute", title: "Sign up", verb: "signUp", data: { offerId: "offer-1" } },
      { type: "Action.ToggleVisibility", title: "Details", targetElements: ["details"] },
      {
        type: "Action.ShowCard",
        title: "Ask a question",
        card: { type: "AdaptiveCard", body: [{ type: "Input.Text", id: "question", label: "Question" }] },
      },
      { type: "Action.OpenUrl", title: "Website", url: "https://example.org/offer-1" },
    ],
  };
}

function body(card: Json): Json[] {
  return card.body as Json[];
}

function actions(card: Json): Json[] {
  return card.actions as Json[];
}

describe("adaptiveCardProblems", () => {
  test("a well-formed 1.5 card with Action.Execute passes", () => {
    expect(adaptiveCardProblems(wellFormedCard())).toEqual([]);
  });

  test("something that is not a JSON object is reported", () => {
    expect(adaptiveCardProblems("AdaptiveCard")).toEqual(["card must be a JSON object"]);
    expect(adaptiveCardProblems([wellFormedCard()])).toEqual(["card must be a JSON object"]);
  });

  test("a wrong root type is reported", () => {
    const card = { ...wellFormedCard(), type: "MessageCard" };
    expect(adaptiveCardProblems(card)).toEqual(['$.type must be "AdaptiveCard", got "MessageCard"']);
  });

  test("a card declaring version 1.6 is reported", () => {
    const card = { ...wellFormedCard(), version: "1.6" };
    expect(adaptiveCardProblems(card)).toEqual([expect.stringContaining("$.version 1.6 is newer than 1.5")]);
  });

  test("a card without a version is reported", () => {
    const { version: _omitted, ...card } = wellFormedCard();
    expect(adaptiveCardProblems(card)).toEqual([expect.stringContaining("$.version is missing")]);
  });

  test("a feature newer than the declared version is reported", () => {
    // Action.Execute and TextBlock style "heading" are both unknown to a 1.3 renderer.
    const card = { ...wellFormedCard(), version: "1.3" };
    expect(adaptiveCardProblems(card)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Unknown action type "Action.Execute"'),
        expect.stringContaining('Property "style" is supported in version 1.5, but you are using version 1.3'),
      ]),
    );
  });

  test("an unknown element type is reported", () => {
    const card = wellFormedCard();
    body(card).push({ type: "Carousel", pages: [] });
    expect(adaptiveCardProblems(card)).toEqual([expect.stringContaining('Unknown element type "Carousel"')]);
  });

  test("a misspelled action type is reported", () => {
    const card = wellFormedCard();
    actions(card).push({ type: "Action.Sumbit", title: "Send" });
    expect(adaptiveCardProblems(card)).toEqual([expect.stringContaining('Unknown action type "Action.Sumbit"')]);
  });

  test("an element in a place where it is not allowed is reported", () => {
    const card = wellFormedCard();
    body(card)[4]!.selectAction = { type: "Action.ShowCard", title: "Nested", card: { type: "AdaptiveCard" } };
    expect(adaptiveCardProblems(card)).toEqual([
      expect.stringContaining('Action type "Action.ShowCard" is not allowed in this context'),
    ]);
  });

  test("a card the library cannot parse at all is reported", () => {
    const card = wellFormedCard();
    body(card).push({ type: "RichTextBlock", inlines: [{ type: "TextBlock", text: "not an inline" }] });
    expect(adaptiveCardProblems(card)).toEqual([
      expect.stringContaining("adaptivecards could not parse the card: RichTextBlock.addInline"),
    ]);
  });

  test("an Input.Text without an id is reported", () => {
    const card = wellFormedCard();
    delete body(card)[5]!.id;
    expect(adaptiveCardProblems(card)).toEqual(["Input.Text: All inputs must have a unique Id."]);
  });

  test("duplicate input ids are reported, also across a ShowCard", () => {
    const card = wellFormedCard();
    body(card)[5]!.id = "question";
    expect(adaptiveCardProblems(card)).toEqual(['Input.Text "question": Duplicate Id "question".']);
  });

  test("an Action.Execute without a verb is reported", () => {
    const card = wellFormedCard();
    delete actions(card)[0]!.verb;
    expect(adaptiveCardProblems(card)).toEqual(['$.actions[0]: Action.Execute is missing required property "verb"']);
  });

  test("an Action.Execute without a verb is reported inside a selectAction too", () => {
    const card = wellFormedCard();
    body(card)[4]!.selectAction = { type: "Action.Execute", title: "Open" };
    expect(adaptiveCardProblems(card)).toEqual([
      '$.body[4].selectAction: Action.Execute is missing required property "verb"',
    ]);
  });

  test("a leftover ${placeholder} is reported", () => {
    const card = wellFormedCard();
    body(card)[0]!.text = "Hello ${teacher.name}";
    expect(adaptiveCardProblems(card)).toEqual(["$.body[0].text: unbound template expression ${teacher.name}"]);
  });

  test("a leftover placeholder in action data or a $when directive is reported", () => {
    const card = wellFormedCard();
    actions(card)[0]!.data = { offerId: "${offer.id}" };
    body(card)[1]!.$when = "${showBanner}";
    expect(adaptiveCardProblems(card)).toEqual([
      '$.body[1]: template directive "$when" left in the card',
      "$.body[1].$when: unbound template expression ${showBanner}",
      "$.actions[0].data.offerId: unbound template expression ${offer.id}",
    ]);
  });

  test("an invalid enum value (TextBlock size: 'gigantic') is reported", () => {
    const card = wellFormedCard();
    body(card)[0]!.size = "gigantic";
    expect(adaptiveCardProblems(card)).toEqual(['TextBlock: Invalid value "gigantic" for property "size".']);
  });

  test("an invalid column width is reported", () => {
    const card = wellFormedCard();
    ((body(card)[2]!.columns as Json[])[0] as Json).width = "wide";
    expect(adaptiveCardProblems(card)).toEqual([expect.stringContaining('Invalid column width "wide"')]);
  });

  test("a misspelled property is reported", () => {
    const card = wellFormedCard();
    body(card)[0]!.colour = "Accent";
    expect(adaptiveCardProblems(card)).toEqual(['$.body[0]: unknown property "colour" on TextBlock']);
  });

  test("a required property the library does not enforce is reported", () => {
    const card = wellFormedCard();
    delete body(card)[0]!.text;
    delete body(card)[1]!.url;
    expect(adaptiveCardProblems(card)).toEqual([
      '$.body[0]: TextBlock is missing required property "text"',
      '$.body[1]: Image is missing required property "url"',
    ]);
  });

  test("a value of the wrong JSON type is reported", () => {
    const card = wellFormedCard();
    body(card)[0]!.wrap = "true";
    body(card)[5]!.maxLength = "200";
    body(card)[4]!.items = { type: "TextBlock", text: "not in an array" };
    expect(adaptiveCardProblems(card)).toEqual([
      "$.body[0].wrap must be a boolean, got string",
      "$.body[4].items must be an array",
      "$.body[5].maxLength must be a number, got string",
    ]);
  });

  test("a ShowCard without its card is reported", () => {
    const card = wellFormedCard();
    delete actions(card)[2]!.card;
    expect(adaptiveCardProblems(card)).toEqual([
      expect.stringContaining('Action.ShowCard must have its "card" property set'),
    ]);
  });

  test("more actions than Teams shows is reported", () => {
    const card = wellFormedCard();
    actions(card).push(
      { type: "Action.OpenUrl", title: "Five", url: "https://example.org/5" },
      { type: "Action.OpenUrl", title: "Six", url: "https://example.org/6" },
    );
    expect(adaptiveCardProblems(card)).toEqual([]);
    actions(card).push({ type: "Action.OpenUrl", title: "Seven", url: "https://example.org/7" });
    expect(adaptiveCardProblems(card)).toEqual(["AdaptiveCard: Maximum number of actions exceeded (6)."]);
  });

  test("a toggle target that names no element is reported", () => {
    const card = wellFormedCard();
    actions(card)[1]!.targetElements = ["detials"];
    expect(adaptiveCardProblems(card)).toEqual(['$.actions[1]: toggle target "detials" matches no element id']);
  });

  test("a card over the Teams size budget is reported", () => {
    const card = wellFormedCard();
    body(card).push({ type: "TextBlock", text: "x".repeat(TEAMS_MAX_CARD_BYTES), wrap: true });
    expect(adaptiveCardProblems(card)).toEqual([expect.stringMatching(/^card is \d+ bytes, Teams needs it under 28672$/)]);
  });

  test("a card that cannot be serialized is reported", () => {
    const card = wellFormedCard();
    card.self = card;
    expect(adaptiveCardProblems(card)).toEqual([expect.stringContaining("card is not JSON-serializable")]);
  });
});

describe("expectValidAdaptiveCard", () => {
  test("accepts a valid card", () => {
    expect(() => expectValidAdaptiveCard(wellFormedCard())).not.toThrow();
  });

  test("throws listing every problem", () => {
    const card = wellFormedCard();
    body(card)[0]!.size = "gigantic";
    delete actions(card)[0]!.verb;
    expect(() => expectValidAdaptiveCard(card)).toThrow(
      [
        "Invalid Adaptive Card:",
        '  - TextBlock: Invalid value "gigantic" for property "size".',
        '  - $.actions[0]: Action.Execute is missing required property "verb"',
      ].join("\n"),
    );
  });
});
