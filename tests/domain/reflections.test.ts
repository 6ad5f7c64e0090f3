import { checkMayPrompt, ReflectionError, resolveLineManagementRows } from '../../bot/domain/lineManagement';
import {
  checkPromptRequest,
  decideReflection,
  emptyAnswers,
  mayRead,
  promptsToNudge,
  proposedGoalTitles,
  Reflection,
  ReflectionPrompt,
  trackingState,
} from '../../bot/domain/reflections';
import { gtcsStandardAreas } from '../../bot/domain/tags';

const now = new Date('2026-11-24T10:00:00Z');
const prompt: ReflectionPrompt = {
  id: 'p1',
  roundId: 'r1',
  schoolId: 's',
  managerId: 'mia',
  staffId: 'ailsa',
  staffName: 'Ailsa',
  dueDate: '2026-12-05',
  message: null,
  delivery: 'sent',
  createdAt: now,
  lastPromptedAt: now,
};
const complete = {
  impactfulLearning: ' Questioning CLPL ',
  howYouKnow: 'Pupils explain more',
  goalProgress: [{ goalId: 'g1', goalTitle: 'Questioning', progress: 'Half way' }],
  nextYearFocus: ['Feedback in maths', ' '],
  standardAreas: [gtcsStandardAreas[2]!],
};
const answer = (over: Partial<Parameters<typeof decideReflection>[0]> = {}) =>
  decideReflection({ prompt, existing: undefined, personId: 'ailsa', answers: complete, submit: true, today: '2026-11-24', now, standardAreas: gtcsStandardAreas, ...over });
const refusal = (work: () => unknown): ReflectionError => {
  try {
    work();
  } catch (error) {
    if (error instanceof ReflectionError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('who may prompt whom', () => {
  it('a manager may prompt their own direct reports', () => {
    expect(() => checkMayPrompt({ isSlt: false, directReportIds: ['a', 'b'], staffIds: ['a'] })).not.toThrow();
  });
  it('a manager asking for anyone outside their team is refused for the whole request', () => {
    expect(refusal(() => checkMayPrompt({ isSlt: false, directReportIds: ['a'], staffIds: ['a', 'x'] })).code).toBe('not_a_direct_report');
  });
  it('SLT may prompt anyone', () => {
    expect(() => checkMayPrompt({ isSlt: true, directReportIds: [], staffIds: ['x'] })).not.toThrow();
  });
});

describe('importing the line-management map', () => {
  const members = [
    { id: 'id-ailsa', name: 'Ailsa Brown', email: 'ailsa@school.scot' },
    { id: 'id-mia', name: 'Mia Reid' },
    { id: 'id-j1', name: 'J Smith' },
    { id: 'id-j2', name: 'J Smith' },
  ];
  it('resolves each side by id, email or name, case-insensitively', () => {
    expect(resolveLineManagementRows('s', [{ staff: 'AILSA@school.scot', manager: 'mia reid' }, { staff: 'id-j1', manager: 'id-mia' }], members)).toEqual([
      { schoolId: 's', staffId: 'id-ailsa', managerId: 'id-mia' },
      { schoolId: 's', staffId: 'id-j1', managerId: 'id-mia' },
    ]);
  });
  it('refuses unknown, ambiguous and self-managed rows, listing each by row number', () => {
    const error = refusal(() =>
      resolveLineManagementRows('s', [{ staff: 'Nobody', manager: 'Mia Reid' }, { staff: 'J Smith', manager: 'Mia Reid' }, { staff: 'id-mia', manager: 'Mia Reid' }], members),
    );
    expect(Object.keys(error.fieldErrors)).toEqual(['row 1', 'row 2', 'row 3']);
    expect(error.fieldErrors['row 2']).toMatch(/more than one member/);
  });
  it('names problems by CSV line: an unknown email, and a person given a second, different line manager', () => {
    const error = refusal(() =>
      resolveLineManagementRows(
        's',
        [
          { staff: 'ailsa@school.scot', manager: 'Mia Reid', line: 2 },
          { staff: 'Ailsa Brown', manager: 'id-mia', line: 3 },
          { staff: 'ailsa@school.scot', manager: 'id-j1', line: 5 },
          { staff: 'nobody@school.scot', manager: 'Mia Reid', line: 6 },
        ],
        members,
      ),
    );
    expect(error.fieldErrors).toEqual({
      'line 5': 'Ailsa Brown already has line manager "Mia Reid" (line 2); give each person one line manager',
      'line 6': 'staff "nobody@school.scot": unknown email: nobody in the school or directory has this address',
    });
  });
  it('refuses an empty import', () => {
    expect(refusal(() => resolveLineManagementRows('s', [], members)).code).toBe('invalid_line_management');
  });
});

describe('reflection prompts', () => {
  it('a due date today is accepted, the message trimmed and people de-duplicated', () => {
    expect(checkPromptRequest({ dueDate: '2026-11-24', message: '  ', staffIds: ['a', 'a', 'b'], today: '2026-11-24' })).toEqual({ dueDate: '2026-11-24', message: null, staffIds: ['a', 'b'] });
  });
  it('refuses a due date in the past, an over-long message and nobody ticked, all at once', () => {
    const error = refusal(() => checkPromptRequest({ dueDate: '2026-11-23', message: 'x'.repeat(501), staffIds: [], today: '2026-11-24' }));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['dueDate', 'message', 'staff']);
  });
  it('refuses more people in one round than it can summarise while the manager waits', () => {
    const many = Array.from({ length: 61 }, (_, i) => `p${i}`);
    expect(refusal(() => checkPromptRequest({ dueDate: '2026-11-30', message: null, staffIds: many, today: '2026-11-24' })).fieldErrors.staff).toMatch(/at most 60/);
  });
});

describe('reflections', () => {
  it('a submission is trimmed and records when it was submitted', () => {
    expect(answer()).toMatchObject({ status: 'submitted', submittedAt: now, answers: { impactfulLearning: 'Questioning CLPL', nextYearFocus: ['Feedback in maths'] } });
  });
  it('a draft may be incomplete', () => {
    expect(answer({ answers: emptyAnswers, submit: false })).toMatchObject({ status: 'draft', submittedAt: null });
  });
  it('a submission with missing required answers is refused with each one named', () => {
    const error = refusal(() => answer({ answers: emptyAnswers }));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['howYouKnow', 'impactfulLearning', 'nextYearFocus', 'standardAreas']);
  });
  it('over-long text is refused even in a draft', () => {
    expect(refusal(() => answer({ answers: { ...emptyAnswers, howYouKnow: 'x'.repeat(2001) }, submit: false })).fieldErrors.howYouKnow).toMatch(/2000/);
  });
  it('an unknown standard area is refused', () => {
    expect(refusal(() => answer({ answers: { ...complete, standardAreas: ['Kindness'] } })).fieldErrors.standardAreas).toBeDefined();
  });
  it('can be edited on the due date but not after', () => {
    expect(answer({ today: '2026-12-05' }).status).toBe('submitted');
    expect(refusal(() => answer({ today: '2026-12-06' })).code).toBe('reflection_closed');
  });
  it('an edit after submitting stays submitted and keeps the first submission time', () => {
    const first = answer();
    const later = new Date('2026-11-25T10:00:00Z');
    expect(answer({ existing: first, submit: false, now: later })).toMatchObject({ status: 'submitted', submittedAt: now, updatedAt: later });
  });
  it('only the prompted person may answer', () => {
    expect(refusal(() => answer({ personId: 'mia' })).code).toBe('prompt_not_found');
  });
  it('is readable by the person and the line manager only', () => {
    expect([mayRead(prompt, 'ailsa'), mayRead(prompt, 'mia'), mayRead(prompt, 'other')]).toEqual([true, true, false]);
  });
  it('proposes the next-year focuses as goals once submitted', () => {
    expect(proposedGoalTitles(answer())).toEqual(['Feedback in maths']);
    expect(proposedGoalTitles(answer({ submit: false }))).toEqual([]);
  });
});

describe('tracking and nudging', () => {
  const draft: Reflection = { promptId: 'p1', staffId: 'ailsa', answers: emptyAnswers, status: 'draft', updatedAt: now, submittedAt: null };
  it('a draft still shows as sent; a submission as reflected; an undelivered prompt as unreachable', () => {
    expect(trackingState(prompt, draft)).toBe('sent');
    expect(trackingState(prompt, { ...draft, status: 'submitted' })).toBe('reflected');
    expect(trackingState({ ...prompt, delivery: 'unreachable' }, undefined)).toBe('unreachable');
  });
  it('nudges only those who have not submitted, at most once a day', () => {
    const other = { ...prompt, id: 'p2', staffId: 'bea' };
    const done = { ...prompt, id: 'p3', staffId: 'cal' };
    const reflections = [draft, { ...draft, promptId: 'p3', staffId: 'cal', status: 'submitted' as const }];
    expect(promptsToNudge([prompt, other, done], reflections, new Date(now.getTime() + 3_600_000), '2026-11-24')).toEqual([]);
    expect(promptsToNudge([prompt, other, done], reflections, new Date(now.getTime() + 86_400_000), '2026-11-25').map((p) => p.id)).toEqual(['p1', 'p2']);
  });
  it('does not nudge after the due date', () => {
    expect(promptsToNudge([prompt], [], new Date('2026-12-10T10:00:00Z'), '2026-12-10')).toEqual([]);
  });
});
