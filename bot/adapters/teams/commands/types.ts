import { Logger } from 'pino';
import { AppDependencies } from '../../../app/dependencies';
import { Person } from '../../../domain/person';
import { Channel } from '../../../ports/schoolDirectory';
import { AdaptiveCardJson } from '../cards/render';

export interface CommandContext {
  app: AppDependencies;
  logger: Logger;
  person: Person;
  /** What the person wrote, @mentions removed, as typed (for commands that take a name or email). */
  text: string;
  /** The channel the command was said in (by @mention), or null in a 1:1 chat. */
  channel: Channel | null;
  /** The school of the team the command was said in, or null in a 1:1 chat. */
  teamSchoolId: string | null;
  /** The person's school, wherever they asked from; throws `school_unknown` when it cannot be told. */
  schoolId(): Promise<string>;
  replyCard(card: AdaptiveCardJson): Promise<void>;
  replyText(text: string): Promise<void>;
  /** Keeps this conversation's address for the channel, so the bot can post there later. */
  rememberChannel(channelId: string): Promise<void>;
}

export interface TextCommand {
  name: string;
  /** Matched against the message with @mentions removed, lower-cased, trailing punctuation dropped. */
  phrases: RegExp;
  /**
   * For the help card; `forSlt` entries are shown only to senior leaders, and to a group's CLPL leads as well when
   * `forGroupLeads` (what they may do for their groups' offers).
   */
  help: { title: string; text: string; forSlt: boolean; forGroupLeads?: boolean };
  run(ctx: CommandContext): Promise<void>;
}
