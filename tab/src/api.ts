export type GoalStatus = 'not_started' | 'in_progress' | 'achieved';

export interface Goal {
  id: string;
  title: string;
  successCriteria: string;
  standardArea: string;
  targetDate: string | null;
  status: GoalStatus;
  progressNotes: { date: string; text: string }[];
  evidence: { kind: string; ref: string; label: string }[];
  updatedAt: string;
  version: string;
}

export interface Me {
  person: { id: string; name: string };
  standardAreas: string[];
  activityKinds: { id: string; label: string }[];
  isSlt: boolean;
  /** Leads at least one group of schools: the tab then shows the partnership's report. */
  leadsGroups: boolean;
}

export interface ClplRecord {
  calendarFeedUrl: string | null;
  /** Share of full time, 10–100: the yearly target is pro rata. */
  ftePercent: number;
  upcoming: {
    offerId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    location: string | null;
    onlineLink: string | null;
    standing: string;
    hours: number;
    calendarUrl: string | null;
  }[];
  attended: { offerId: string; title: string; startsAt: string; timeZone: string; hours: number }[];
  awaitingFeedback: { offerId: string; title: string; startsAt: string; timeZone: string; closesAt: string }[];
  /** Their own practice follow-ups (not in a line manager's view). */
  followUps?: {
    offerId: string;
    title: string;
    startsAt: string;
    timeZone: string;
    used: 'yes' | 'partly' | 'no';
    practiceChange: string;
    pupilEffect: string;
    evidence: string;
    confidenceNow: number;
    updatedAt: string;
  }[];
  activities: { id: string; kind: string; kindLabel: string; title: string; date: string; hours: number; reflection: string; goalId: string | null }[];
  hours: { year: string; targetHours: number; loggedHours: number; attendedHours: number; totalHours: number };
}

export interface Mean {
  mean: number;
  n: number;
}

export interface Dashboard {
  school: { name: string };
  offers: {
    offerId: string;
    title: string;
    startsAt: string;
    timeZone: string;
    status: string;
    capacity: number;
    confirmed: number;
    waitlisted: number;
    impact: {
      attended: number;
      responses: number;
      responseRate: number | null;
      minResponses: number;
      breakdown: { value: Mean; change: Record<'knowledge' | 'understanding' | 'confidence', Mean> } | null;
      /** The practice follow-up weeks later; null when the session has none. */
      followUp: {
        opensAt: string;
        asked: number;
        responses: number;
        responseRate: number | null;
        breakdown: { applied: { share: number; n: number }; confidence: Record<'before' | 'after' | 'followUp' | 'sustainedChange', Mean> } | null;
      } | null;
    } | null;
    csvPath: string | null;
  }[];
  periods: { label: string; csvPath: string; followUpCsvPath: string }[];
}

export interface PartnershipChoices {
  groups: { id: string; name: string; kind: string }[];
  periods: { index: number; label: string }[];
}

export interface PartnershipRow {
  kind: 'total' | 'group' | 'school';
  id: string;
  name: string;
  groupKind: string | null;
  schools: number;
  sessions: number;
  placesTaken: number;
  attended: number;
  practitioners: number;
  hours: number;
  responses: number;
  responseRate: number | null;
  /** Null when there are no answers or they are withheld. */
  means: { value: Mean; meanChange: Mean; change: Record<'knowledge' | 'understanding' | 'confidence', Mean> } | null;
  withheld: 'too_few_responses' | 'protects_another_cell' | null;
}

export interface PartnershipReport {
  group: { id: string; name: string; kind: string };
  period: { index: number; label: string };
  minResponses: number;
  csvPath: string;
  rows: PartnershipRow[];
}

export interface StaffPattern {
  personId: string;
  name: string;
  ftePercent: number;
}

/** A CLPL record without the owner's own links (calendar, joining): what the record components render for anyone. */
export type RecordView = Omit<ClplRecord, 'calendarFeedUrl' | 'upcoming'> & { upcoming: Omit<ClplRecord['upcoming'][number], 'calendarUrl' | 'onlineLink'>[] };

/** A direct report's goals and CLPL record, as their line manager sees them: read-only. */
export interface ReportView {
  person: { id: string; name: string };
  goals: Omit<Goal, 'version'>[];
  record: RecordView;
}

/** One of the person's own reflections before a PRD meeting (read-only in the tab; answered in the bot's card). */
export interface MyReflection {
  promptId: string;
  dueDate: string;
  message: string | null;
  promptedAt: string;
  open: boolean;
  status: 'not_started' | 'draft' | 'submitted';
  submittedAt: string | null;
  updatedAt: string | null;
  answers: { impactfulLearning: string; howYouKnow: string; goalProgress: { goalTitle: string; progress: string }[]; nextYearFocus: string[]; standardAreas: string[] } | null;
}

export type EvidenceInput = { kind: 'link'; ref: string; label: string } | { kind: 'session'; ref: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** How each request proves who is asking: the Teams SSO token, or (local mode only) a development identity. */
export type Credentials = () => Promise<Record<string, string>>;

export function createApi(credentials: Credentials) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { ...(await credentials()), Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; fields?: Record<string, string> } };
    if (!res.ok) throw new ApiError(res.status, json.error?.code ?? 'http_error', json.error?.message ?? `The server answered ${res.status}.`, json.error?.fields);
    return json as T;
  };
  return {
    me: () => call<Me>('GET', '/api/tab/me'),
    goals: () => call<{ goals: Goal[] }>('GET', '/api/tab/goals'),
    addGoal: (goal: { title: string; successCriteria: string; standardArea: string; targetDate: string | null }) => call<{ goal: Goal }>('POST', '/api/tab/goals', goal),
    editGoal: (id: string, changes: Record<string, unknown> & { version: string }) => call<{ goal: Goal }>('PATCH', `/api/tab/goals/${encodeURIComponent(id)}`, changes),
    addProgress: (id: string, note: { version: string; text: string; date?: string; achieved?: boolean }) =>
      call<{ goal: Goal }>('POST', `/api/tab/goals/${encodeURIComponent(id)}/progress`, note),
    record: () => call<ClplRecord>('GET', '/api/tab/clpl'),
    logActivity: (entry: { kind: string; title: string; date: string; hours: number; reflection: string; goalId: string | null }) =>
      call<{ goal: Goal | null }>('POST', '/api/tab/clpl/activities', entry),
    addEvidence: (id: string, evidence: EvidenceInput & { version: string }) => call<{ goal: Goal }>('POST', `/api/tab/goals/${encodeURIComponent(id)}/evidence`, evidence),
    dashboard: () => call<Dashboard>('GET', '/api/tab/dashboard'),
    setMyWorkPattern: (ftePercent: number) => call<ClplRecord>('PUT', '/api/tab/clpl/work-pattern', { ftePercent }),
    staff: () => call<{ staff: StaffPattern[] }>('GET', '/api/tab/staff'),
    setStaffWorkPattern: (personId: string, ftePercent: number) =>
      call<{ person: StaffPattern }>('PUT', `/api/tab/staff/${encodeURIComponent(personId)}/work-pattern`, { ftePercent }),
    /** A CSV export: fetched with the same credentials as every call (a plain link could not carry them). */
    download: async (path: string): Promise<{ blob: Blob; name: string }> => {
      const res = await fetch(path, { headers: await credentials() });
      if (!res.ok) {
        const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
        throw new ApiError(res.status, json.error?.code ?? 'http_error', json.error?.message ?? `The server answered ${res.status}.`);
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'clpl.csv';
      return { blob: await res.blob(), name };
    },
    partnershipChoices: () => call<PartnershipChoices>('GET', '/api/tab/partnership'),
    partnershipReport: (groupId: string, periodIndex: number) =>
      call<PartnershipReport>('GET', `/api/tab/partnership/${encodeURIComponent(groupId)}/periods/${periodIndex}`),
    reflections: () => call<{ reflections: MyReflection[] }>('GET', '/api/tab/reflections'),
    team: () => call<{ reports: { id: string; name: string }[] }>('GET', '/api/tab/team'),
    teamMember: (personId: string) => call<ReportView>('GET', `/api/tab/team/${encodeURIComponent(personId)}`),
    withdraw: (offerId: string) => call<ClplRecord>('POST', `/api/tab/sessions/${encodeURIComponent(offerId)}/withdraw`),
  };
}

export type Api = ReturnType<typeof createApi>;

export async function sessionInfo(): Promise<{ localMode: boolean }> {
  const res = await fetch('/api/tab/session');
  return res.ok ? ((await res.json()) as { localMode: boolean }) : { localMode: false };
}

export async function devPeople(): Promise<{ id: string; name: string }[]> {
  const res = await fetch('/api/tab/dev-people');
  return res.ok ? ((await res.json()) as { people: { id: string; name: string }[] }).people : [];
}
