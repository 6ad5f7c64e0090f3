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
}

export interface ClplRecord {
  upcoming: { offerId: string; title: string; startsAt: string; endsAt: string; timeZone: string; location: string | null; onlineLink: string | null; standing: string; hours: number }[];
  activities: { id: string; kind: string; kindLabel: string; title: string; date: string; hours: number; reflection: string; goalId: string | null }[];
  hours: { year: string; targetHours: number; loggedHours: number; attendedHours: number; totalHours: number };
}

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
