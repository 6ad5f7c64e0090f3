/** The text commands the bot understands, after @mentions are removed. */
export type Command = 'help' | 'newOffer' | 'myClpl' | 'useThisChannel' | 'unknown';

const phrases: Array<[Command, RegExp]> = [
  ['help', /^(help|\?|what can you do)$/],
  ['newOffer', /^(new offer|create offer|new clpl( offer)?)$/],
  ['myClpl', /^(my clpl|my sessions|my sign-?ups)$/],
  ['useThisChannel', /^(use this channel|set clpl channel|set channel)$/],
];

export function parseCommand(text: string): Command {
  const normalised = text.replace(/<at>.*?<\/at>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase().replace(/[.!]+$/, '');
  return phrases.find(([, pattern]) => pattern.test(normalised))?.[0] ?? 'unknown';
}
