import {
  Activity,
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  BotAdapter,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import { Logger } from 'pino';
import { AppDependencies } from '../../app/dependencies';
import { registerSchool, schoolForPerson } from '../../app/schools';
import { memberJoinedTeam, memberLeftTeam } from '../../app/privacy/leavers';
import { isDomainError } from '../../domain/errors';
import { Channel } from '../../ports/schoolDirectory';
import { channelOf, isPersonalChat, personOf, teamOf, tenantOf } from './activityContext';
import { serialiseAddress } from './addresses';
import { updateCardInPlace } from './cardUpdates';
import { cardForError, runCardAction } from './cardActions';
import { submitFallbackValue } from './cardActionSchema';
import { messageCard } from './cards/messageCard';
import { AdaptiveCardJson } from './cards/render';
import { parseCommand } from './commands/registry';
import { PeopleSeen } from './peopleSeen';
import { receivedFilesOf, ReceivedFile } from './fileDownload';
import { programmeUploadCard } from './programmeUpload';
import { readAddedMembers, readTeamRoster, RosterMember } from './teamRoster';
import { SendBudgets } from './throttling';
import { ActionContext } from './verbs/types';

/** Set once a turn has registered its team: the first sighting and the install event may both ask in one turn. */
const teamRegistered = Symbol('teamRegistered');

export interface ClplBotOptions {
  app: AppDependencies;
  logger: Logger;
  botAppId: string;
  timeZone: string;
  /** One school for every team (configuration), instead of each team being its own school. */
  fixedSchoolId: string | null;
  /** The CLPL channel set by configuration for a school, if any. */
  presetClplChannelId(schoolId: string): string | null;
  /** Replies count against Teams' limits like any other message, so they draw on the same budgets. */
  budgets: SendBudgets;
}

/** Teams events and messages in, use cases out. The only place (with its siblings) that knows about botbuilder. */
export class ClplBot extends TeamsActivityHandler {
  private readonly rememberedMembers = new Set<string>();
  private readonly knownSchools = new Set<string>();
  private readonly knownTeams = new Set<string>();
  private readonly peopleSeen: PeopleSeen;

  constructor(private readonly options: ClplBotOptions) {
    super();
    this.peopleSeen = new PeopleSeen(options.app.stores);
    this.onTurn(async (context, next) => {
      this.logActivity(context);
      context.onSendActivities(async (ctx, activities, sendNext) => {
        const conversationId = (ctx.activity.conversation?.id ?? '').split(';messageid=')[0] ?? '';
        const tenantId = tenantOf(ctx.activity);
        const slots = [];
        for (const activity of activities) {
          // An invoke's answer travels back in the HTTP response; it is not a message Teams counts.
          if (activity.type === 'invokeResponse') continue;
          slots.push(await this.options.budgets.conversations.acquire(conversationId));
          slots.push(await this.options.budgets.tenants.acquire(`tenant:${tenantId ?? 'default'}`));
        }
        try {
          return await sendNext();
        } finally {
          await Promise.all(slots.map((slot) => slot.finish()));
        }
      });
      await this.remember(context);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === context.activity.recipient.id)) await this.registerTeam(context);
      // A team first met in this turn has just had its whole roster read.
      else if (added.length > 0 && !context.turnState.get(teamRegistered)) await this.recordAddedMembers(context, added.map((m) => m.id));
      const removed = (context.activity.membersRemoved ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (removed.length > 0) await this.recordLeavers(context, removed);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      if (teamOf(context.activity)) await this.registerTeam(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      const files = isPersonalChat(context.activity) ? receivedFilesOf(context.activity.attachments) : [];
      if (context.activity.value !== undefined && context.activity.value !== null) await this.handleSubmitFallback(context);
      else if (files.length > 0) await this.handleFiles(context, files);
      else await this.handleCommand(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue?.action?.verb ?? '';
    const card = await runCardAction(this.actionContext(context, true), verb, invokeValue?.action?.data ?? {});
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }

  private async handleSubmitFallback(context: TurnContext): Promise<void> {
    const parsed = submitFallbackValue.safeParse(context.activity.value);
    const card = parsed.success
      ? await runCardAction(this.actionContext(context), parsed.data.verb, parsed.data)
      : messageCard('That card is out of date', 'I could not read what this card sent. Type "help" to see what I can do.', 'Warning');
    await sendCard(context, card);
  }

  /** Files reach a bot only in a 1:1 chat; the one file it takes is a programme of offers to import. */
  private async handleFiles(context: TurnContext, files: ReceivedFile[]): Promise<void> {
    const ctx = { app: this.options.app, logger: this.options.logger, person: personOf(context.activity), timeZone: this.options.timeZone, schoolId: () => this.schoolIdFor(context) };
    await sendCard(context, await programmeUploadCard(ctx, files));
  }

  private async handleCommand(context: TurnContext): Promise<void> {
    TurnContext.removeRecipientMention(context.activity);
    const command = parseCommand(context.activity.text ?? '');
    if (!command) {
      await context.sendActivity('Sorry, I did not understand that. Type "help" to see what I can do.');
      return;
    }
    try {
      await command.run({
        app: this.options.app,
        logger: this.options.logger,
        person: personOf(context.activity),
        text: (context.activity.text ?? '').replace(/<at>.*?<\/at>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
        channel: channelOf(context.activity),
        teamSchoolId: this.teamSchoolId(context),
        schoolId: () => this.schoolIdFor(context),
        replyCard: (card) => sendCard(context, card),
        replyText: async (text) => {
          await context.sendActivity(text);
        },
        rememberChannel: (channelId) => this.saveChannelAddress(context, channelId),
      });
    } catch (error) {
      if (!isDomainError(error)) this.options.logger.error({ event: 'command_failed', command: command.name, err: (error as Error).stack });
      await sendCard(context, cardForError(this.options.logger, command.name, error));
    }
  }

  private async registerTeam(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    if (!team || context.turnState.get(teamRegistered)) return;
    context.turnState.set(teamRegistered, true);
    const schoolId = this.options.fixedSchoolId ?? team.id;
    const channels = await this.teamChannels(context, team.id);
    const presetId = this.options.presetClplChannelId(schoolId);
    const preset = presetId ? (channels.find((c) => c.id === presetId) ?? { id: presetId, name: 'CLPL channel' }) : null;
    await registerSchool(this.options.app, { schoolId, name: team.name, tenantId: tenantOf(context.activity), channels, presetClplChannel: preset });
    await this.options.app.stores.personalData.recordTeam(schoolId, team.id);
    for (const channel of channels) await this.saveChannelAddress(context, channel.id);
    this.options.logger.info({ event: 'school_registered', schoolId, channels: channels.length });
    await this.recordRoster(team.id, schoolId, (onPage) => readTeamRoster(context, team.id, onPage));
  }

  private async recordAddedMembers(context: TurnContext, userIds: string[]): Promise<void> {
    const team = teamOf(context.activity);
    const schoolId = this.teamSchoolId(context);
    if (!team || !schoolId) return;
    const aadIds = (context.activity.membersAdded ?? []).flatMap((m) => (m.aadObjectId ? [m.aadObjectId] : []));
    await memberJoinedTeam(this.options.app, { schoolId, personIds: aadIds });
    await this.recordRoster(team.id, schoolId, (onPage) => readAddedMembers(context, team.id, userIds, onPage));
  }

  /**
   * People removed from a team: a leaver of the school once they are in none of its other teams (asked of Teams one
   * by one; a team that cannot be asked leaves them unmarked, to be safe). SLT then see them under `leavers`.
   */
  private async recordLeavers(context: TurnContext, removed: ReadonlyArray<{ id: string; aadObjectId?: string }>): Promise<void> {
    const team = teamOf(context.activity);
    const schoolId = this.teamSchoolId(context);
    if (!team || !schoolId) return;
    for (const member of removed) {
      const personId = member.aadObjectId;
      if (!personId) continue;
      const outcome = await memberLeftTeam(this.options.app, {
        schoolId,
        teamId: team.id,
        personId,
        stillIn: async (teamId) => {
          try {
            await TeamsInfo.getTeamMember(context, teamId, member.id);
            return true;
          } catch (error) {
            const status = (error as { statusCode?: number }).statusCode;
            if (status === 404 || /not ?found/i.test((error as Error).message)) return false;
            this.options.logger.warn({ event: 'team_membership_unknown', teamId, err: (error as Error).message });
            return null;
          }
        },
      });
      this.options.logger.info({ event: 'member_removed', schoolId, teamId: team.id, outcome });
    }
  }

  /**
   * Records team members with their email, so SLT can name staff by address without Graph. Like the channel list,
   * the roster is a nicety: if Teams will not give it, the app still installs and those seen later are still recorded.
   */
  private async recordRoster(teamId: string, schoolId: string, read: (onPage: (members: RosterMember[]) => Promise<void>) => Promise<number>): Promise<void> {
    try {
      const members = await read((page) => this.options.app.stores.schools.recordMembersFromDirectory(schoolId, page));
      this.options.logger.info({ event: 'team_roster_recorded', schoolId, members });
    } catch (error) {
      this.options.logger.warn({ event: 'team_roster_unavailable', teamId, err: (error as Error).message });
    }
  }

  private async teamChannels(context: TurnContext, teamId: string): Promise<Channel[]> {
    try {
      const channels = await TeamsInfo.getTeamChannels(context, teamId);
      // The General channel comes back without a name; its id is the team's id.
      return channels.filter((c) => c.id).map((c) => ({ id: c.id as string, name: c.name || 'General' }));
    } catch (error) {
      this.options.logger.warn({ event: 'team_channels_unavailable', teamId, err: (error as Error).message });
      return [{ id: teamId, name: 'General' }];
    }
  }

  private async saveChannelAddress(context: TurnContext, channelId: string): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const address = serialiseAddress({
      kind: 'conversation',
      reference: { ...reference, activityId: undefined, conversation: { ...reference.conversation!, id: channelId, conversationType: 'channel', isGroup: true } },
    });
    await this.options.app.stores.addresses.save({ kind: 'channel', channelId }, address);
  }

  /** Keeps what is needed to reach this person later and which school they belong to; once per process per person. */
  private async remember(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const person = personOf(activity);
    if (person.id === 'unknown' || activity.from?.id === activity.recipient?.id) return;
    const schoolId = this.teamSchoolId(context);
    const key = `${schoolId ?? 'personal'}:${person.id}`;
    if (isPersonalChat(activity)) {
      const reference = TurnContext.getConversationReference(activity);
      if (!this.rememberedMembers.has(key)) {
        await this.options.app.stores.addresses.save({ kind: 'person', personId: person.id }, serialiseAddress({ kind: 'conversation', reference: { ...reference, activityId: undefined } }));
      }
    } else if (schoolId && !this.rememberedMembers.has(key)) {
      if (!this.knownSchools.has(schoolId)) {
        if (!(await this.options.app.stores.schools.findSchool(schoolId))) await this.registerTeam(context);
        this.knownSchools.add(schoolId);
      }
      // Teams installed before leavers were tracked are learnt as they are used, so leaving one team of several is told apart.
      const team = teamOf(activity);
      if (team && !this.knownTeams.has(team.id)) {
        await this.options.app.stores.personalData.recordTeam(schoolId, team.id);
        this.knownTeams.add(team.id);
      }
      const address =
        activity.serviceUrl && activity.from?.id
          ? serialiseAddress({ kind: 'teamMember', serviceUrl: activity.serviceUrl, tenantId: tenantOf(activity), userId: activity.from.id, botId: activity.recipient.id })
          : null;
      await this.peopleSeen.record({ schoolId, person, address });
    }
    this.rememberedMembers.add(key);
  }

  private teamSchoolId(context: TurnContext): string | null {
    const team = teamOf(context.activity);
    return team ? (this.options.fixedSchoolId ?? team.id) : null;
  }

  private async schoolIdFor(context: TurnContext): Promise<string> {
    return this.teamSchoolId(context) ?? this.options.fixedSchoolId ?? (await schoolForPerson(this.options.app, personOf(context.activity).id)).id;
  }

  /** `invoked`: an `Action.Execute`, whose answer replaces the clicked card, so later updates of that card follow it. */
  private actionContext(context: TurnContext, invoked = false): ActionContext {
    const { replyToId, conversation } = context.activity;
    return {
      app: this.options.app,
      logger: this.options.logger,
      timeZone: this.options.timeZone,
      person: personOf(context.activity),
      schoolId: this.teamSchoolId(context),
      card: replyToId ? { conversationId: conversation.id, activityId: replyToId } : undefined,
      updateCard: invoked && replyToId ? this.cardUpdater(context.activity, context.adapter, replyToId) : undefined,
    };
  }

  /** Updates of the clicked card after the turn; the reference is built only when one is made (rarely, off the hot path). */
  private cardUpdater(activity: Activity, adapter: BotAdapter, activityId: string): NonNullable<ActionContext['updateCard']> {
    const deps = { adapter, botAppId: this.options.botAppId, budgets: this.options.budgets };
    return (render) => updateCardInPlace(deps, { ...TurnContext.getConversationReference(activity), conversation: activity.conversation }, activityId, render);
  }

  private logActivity(context: TurnContext): void {
    const a = context.activity;
    const verb = (a.value as { action?: { verb?: string } } | undefined)?.action?.verb;
    this.options.logger.info({ event: 'activity', activityId: a.id, conversationId: a.conversation?.id, type: a.type, name: a.name, verb });
  }
}

async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
