import template from './offerFormCard.json';
import { TagCatalogue } from '../../../domain/tags';
import { AdaptiveCardJson, renderTemplate } from './render';

/** What the person typed, echoed back as strings so a form with a mistake keeps every value. */
export interface OfferFormValues {
  title: string;
  description: string;
  facilitator: string;
  facilitatorIsMe: string;
  startDate: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineLink: string;
  capacity: string;
  closesDate: string;
  closesTime: string;
  standards: string;
  priorities: string;
  /** Weeks until the practice follow-up; empty for the school's default. */
  followUpWeeks: string;
  /** "school" (the author's own school) or the id of a group the author leads. */
  audience: string;
  /** Group offers: most confirmed places per school; empty for no limit. */
  quotaPerSchool: string;
  /** Group offers: the local date unused places per school return to the shared pool; empty for never. */
  quotaReleasesDate: string;
  /** "true" when each place needs the person's school to approve it (sessions in the school day); set on creation only. */
  needsApproval: string;
}

export interface OfferFormCardData {
  channelName: string;
  heading: string;
  intro: string;
  submitTitle: string;
  submitVerb: string;
  /** Empty for a new offer; the offer being edited otherwise. */
  offerId: string;
  formMessage: string;
  values: OfferFormValues;
  errors: Record<string, string>;
  capacityValue: number;
  followUpWeeksValue: number;
  followUpLabel: string;
  standardChoices: Choice[];
  priorityChoices: Choice[];
  /** "For whom": shown only to someone who leads a group of schools. */
  showAudience: boolean;
  audienceChoices: Choice[];
  /** The places-per-school fields: for a group lead's new offer, or when editing a group offer. */
  showQuota: boolean;
  /** 0 when no limit is set (the field is then shown empty). */
  quotaValue: number;
  /** "Needs school approval": chosen when the offer is made; an edit keeps it, so the edit form does not show it. */
  showNeedsApproval: boolean;
}

/**
 * Choice values are positions in the configured list: a multi-select answers with values joined by commas, and the
 * labels themselves contain commas.
 */
export interface Choice {
  label: string;
  value: string;
}

export function choicesOf(labels: readonly string[]): Choice[] {
  return labels.map((label, index) => ({ label, value: String(index) }));
}

export const emptyOfferForm: OfferFormValues = {
  title: '',
  description: '',
  facilitator: '',
  facilitatorIsMe: 'false',
  startDate: '',
  startTime: '',
  endTime: '',
  location: '',
  onlineLink: '',
  capacity: '20',
  closesDate: '',
  closesTime: '',
  standards: '',
  priorities: '',
  followUpWeeks: '',
  audience: 'school',
  quotaPerSchool: '',
  quotaReleasesDate: '',
  needsApproval: 'false',
};

/** The same form edits an existing offer: `editing` names it and the verb that saves it. */
export function offerFormCardData(input: {
  channelName: string;
  catalogue: TagCatalogue;
  values?: OfferFormValues;
  errors?: Record<string, string>;
  formMessage?: string;
  editing?: { offerId: string; submitVerb: string };
  /** Staff who are not SLT propose: a senior leader approves before anything is posted. */
  proposing?: boolean;
  /** CLPL_FOLLOW_UP_WEEKS: what the follow-up field starts at. */
  defaultFollowUpWeeks?: number;
  /** Groups the author leads (a new offer may go to one of them instead of the author's school). */
  groups?: ReadonlyArray<{ id: string; name: string }>;
  /** Editing an offer made for a group: its places-per-school fields stay on the form. */
  editingGroupOffer?: boolean;
}): OfferFormCardData {
  const groups = input.editing ? [] : (input.groups ?? []);
  const quota = /^\d+$/.test(input.values?.quotaPerSchool?.trim() ?? '') ? Number(input.values!.quotaPerSchool.trim()) : 0;
  const defaultWeeks = input.defaultFollowUpWeeks ?? 6;
  const chosenWeeks = /^\d+$/.test(input.values?.followUpWeeks?.trim() ?? '') ? Number(input.values!.followUpWeeks.trim()) : defaultWeeks;
  return {
    channelName: input.channelName,
    heading: input.editing ? 'Edit CLPL offer' : 'New CLPL offer',
    intro: input.editing
      ? input.editingGroupOffer
        ? 'Its card in every school of the group is updated, and everyone confirmed is told what changed.'
        : `The card in ${input.channelName} is updated, and everyone confirmed is told what changed.`
      : groups.length > 0
        ? input.proposing
          ? `For this school, a senior leader is asked to approve it before it is posted to ${input.channelName}; for a group you lead, it is posted to every member school's CLPL channel straight away.`
          : `It will be posted to ${input.channelName}, or, for a group you lead, to every member school's CLPL channel.`
        : input.proposing
        ? `A senior leader is asked to approve it; once approved it is posted to ${input.channelName} for staff to sign up.`
        : `It will be posted to ${input.channelName} for staff to sign up.`,
    submitTitle: input.editing ? 'Save changes' : input.proposing ? (groups.length > 0 ? 'Submit offer' : 'Send for approval') : 'Post offer',
    submitVerb: input.editing?.submitVerb ?? 'offer.create.v1',
    offerId: input.editing?.offerId ?? '',
    formMessage: input.formMessage ?? '',
    values: input.values ?? emptyOfferForm,
    errors: input.errors ?? {},
    capacityValue: Number.parseInt(input.values?.capacity ?? '', 10) || 20,
    followUpWeeksValue: chosenWeeks,
    followUpLabel: `Ask attendees what changed in their practice after how many weeks? (0 for no follow-up; school default ${defaultWeeks})`,
    standardChoices: choicesOf(input.catalogue.standards),
    priorityChoices: choicesOf(input.catalogue.priorities),
    showAudience: groups.length > 0,
    audienceChoices: [
      { label: `This school (${input.channelName})`, value: 'school' },
      ...groups.map((g) => ({ label: `${g.name}: every member school's CLPL channel`, value: g.id })),
    ],
    showQuota: groups.length > 0 || input.editingGroupOffer === true,
    quotaValue: quota,
    showNeedsApproval: !input.editing,
  };
}

export function renderOfferFormCard(data: OfferFormCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
