/**
 * The columns a programme CSV may have (README "Programme import"). Headers are matched without regard to case,
 * spaces, hyphens or underscores; any other column is a problem named in the report, never silently ignored.
 */
export const programmeColumns = {
  title: { required: true, aliases: [] },
  description: { required: false, aliases: [] },
  date: { required: true, aliases: ['session date'] },
  'start time': { required: true, aliases: ['start', 'from'] },
  'end time': { required: true, aliases: ['end', 'to'] },
  location: { required: false, aliases: ['room', 'where'] },
  'online link': { required: false, aliases: ['link', 'meeting link'] },
  capacity: { required: true, aliases: ['places'] },
  facilitator: { required: true, aliases: ['led by'] },
  'sign-ups close date': { required: false, aliases: ['closes date', 'close date'] },
  'sign-ups close time': { required: false, aliases: ['closes time', 'close time'] },
  standards: { required: false, aliases: ['standard areas', 'gtcs standards'] },
  priorities: { required: false, aliases: ['improvement priorities', 'nif priorities'] },
  'follow-up weeks': { required: false, aliases: [] },
  'publish date': { required: false, aliases: [] },
  'publish time': { required: false, aliases: [] },
  /** "this school" (or empty) or a group of schools the importer leads, as the offer form's "For whom". */
  for: { required: false, aliases: ['for whom', 'audience', 'group'] },
  'quota per school': { required: false, aliases: ['places per school', 'quota'] },
  /** The day unused places per school return to the shared pool (at its start, school time). */
  'quota released': { required: false, aliases: ['quota release date', 'quota released date', 'places released', 'unused places released'] },
} as const satisfies Record<string, { required: boolean; aliases: readonly string[] }>;

export type ProgrammeColumn = keyof typeof programmeColumns;

export const programmeColumnNames = Object.keys(programmeColumns) as ProgrammeColumn[];

const normalise = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

const byHeader = new Map<string, ProgrammeColumn>(
  programmeColumnNames.flatMap((column) => [column, ...programmeColumns[column].aliases].map((name) => [normalise(name), column] as const)),
);

export function columnOfHeader(header: string): ProgrammeColumn | undefined {
  return byHeader.get(normalise(header));
}

/** Which column reports each offer-draft field's problem (the domain names fields, the file names columns). */
export const columnOfDraftField: Record<string, ProgrammeColumn> = {
  title: 'title',
  description: 'description',
  capacity: 'capacity',
  followUpWeeks: 'follow-up weeks',
  endTime: 'end time',
  startDate: 'date',
  closesDate: 'sign-ups close date',
  location: 'location',
  standards: 'standards',
  priorities: 'priorities',
  publishDate: 'publish date',
  quotaPerSchool: 'quota per school',
  quotaReleasesAt: 'quota released',
};

/** The cells a domain rule reads: when one of them could not be read, its message would only repeat that problem. */
export const draftFieldInputs: Record<string, readonly ProgrammeColumn[]> = {
  endTime: ['date', 'start time', 'end time'],
  startDate: ['date', 'start time'],
  closesDate: ['date', 'start time', 'sign-ups close date', 'sign-ups close time'],
  publishDate: ['date', 'start time', 'sign-ups close date', 'sign-ups close time', 'publish date', 'publish time'],
  quotaPerSchool: ['quota per school', 'capacity', 'for'],
  quotaReleasesAt: ['quota released', 'quota per school', 'date', 'start time', 'for'],
};
