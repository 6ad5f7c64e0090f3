import { lineManagementCardData, renderLineManagementCard } from '../../../bot/adapters/teams/cards/lineManagementCard';
import { reflectionFormCardData, renderReflectionFormCard, valuesOfAnswers } from '../../../bot/adapters/teams/cards/reflectionFormCard';
import { reflectionPromptFormCardData, renderReflectionPromptFormCard } from '../../../bot/adapters/teams/cards/reflectionPromptFormCard';
import { reflectionReadCardData, renderReflectionReadCard } from '../../../bot/adapters/teams/cards/reflectionReadCard';
import { reflectionTrackingCardData, renderReflectionTrackingCard } from '../../../bot/adapters/teams/cards/reflectionTrackingCard';
import { parseLineManagementCsv, parseReflectionForm } from '../../../bot/adapters/teams/verbs/reflectionSchema';
import { noticeCard } from '../../../bot/adapters/teams/teamsMessenger';
import { ReflectionPrompt } from '../../../bot/domain/reflections';
import { gtcsStandardAreas } from '../../../bot/domain/tags';
import { ReflectionPromptNotice } from '../../../bot/ports/reflectionNotices';
import { expectValidAdaptiveCard } from '../../support/adaptiveCardChecker';

const text = (card: unknown) => JSON.stringify(card);
const now = new Date('2026-11-24T10:00:00Z');
const notice: ReflectionPromptNotice = {
  kind: 'reflection_prompt',
  promptId: 'p1',
  managerName: 'Mia Reid',
  dueDate: '2026-12-05',
  message: 'Before PRD',
  nudge: false,
  summary: { yearLabel: '2026–27', sessionsAttended: 3, hours: 4.5, targetHours: 35, feedbackGiven: 2, goals: [{ id: 'g1', title: 'Questioning', status: 'in_progress' }] },
  standardAreas: [...gtcsStandardAreas],
};
const prompt: ReflectionPrompt = { id: 'p1', roundId: 'r1', schoolId: 's', managerId: 'mia', staffId: 'ailsa', staffName: 'Ailsa', dueDate: '2026-12-05', message: null, delivery: 'sent', createdAt: now, lastPromptedAt: now };

describe('PRD reflection cards are valid Adaptive Cards 1.5', () => {
  it('the prompt form ticks every direct report and lists other staff unticked for SLT', () => {
    const card = renderReflectionPromptFormCard(reflectionPromptFormCardData({ reports: [{ id: 'a', name: 'Ailsa' }], others: [{ id: 'z', name: 'Zoe' }], today: '2026-11-24' }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('"value":"a"');
    expect(text(card)).toContain('Zoe (not your direct report)');
  });

  it('the prompt form with no direct reports says how to get some and has no Send button', () => {
    const card = renderReflectionPromptFormCard(reflectionPromptFormCardData({ reports: [], others: [], today: '2026-11-24' }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('line managers');
    expect(text(card)).not.toContain('reflection.prompt.v1');
  });

  it('the reflection notice shows the year, a progress box per goal and the standards areas by position', () => {
    const card = noticeCard(notice);
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('4.5 of 35');
    expect(text(card)).toContain('"id":"goal_0"');
    expect(text(card)).toContain('Progress on your goal: Questioning (in progress)');
    expect(text(card)).toContain('"value":"2"');
  });

  it('a refused form keeps every typed value and shows the problem', () => {
    const values = valuesOfAnswers(
      { impactfulLearning: 'A', howYouKnow: '', goalProgress: [{ goalId: 'g1', goalTitle: 'Questioning', progress: 'Half way' }], nextYearFocus: ['X', 'Y'], standardAreas: [gtcsStandardAreas[1]!] },
      gtcsStandardAreas,
    );
    const card = renderReflectionFormCard(reflectionFormCardData({ notice, values, errors: { howYouKnow: 'Say how you know.' }, formMessage: { text: 'Check', color: 'Attention' } }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('Half way');
    expect(text(card)).toContain('X\\nY');
    expect(text(card)).toContain('Say how you know.');
  });

  it('the tracking card shows each state and offers a nudge only while someone has not answered', () => {
    const view = {
      round: { id: 'r1', schoolId: 's', managerId: 'mia', managerName: 'Mia', dueDate: '2026-12-05', message: null, createdAt: now },
      people: [
        { promptId: 'p1', name: 'Ailsa', state: 'reflected' as const },
        { promptId: 'p2', name: 'Cal', state: 'unreachable' as const },
      ],
    };
    const card = renderReflectionTrackingCard(reflectionTrackingCardData(view));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain("Couldn't reach — app not installed");
    expect(text(card)).toContain('reflection.nudge.v1');
    expect(text(card)).toContain("Read Ailsa's reflection");
    const done = renderReflectionTrackingCard(reflectionTrackingCardData({ ...view, people: [view.people[0]!] }));
    expect(text(done)).not.toContain('reflection.nudge.v1');
  });

  it('the read card and the line-management card render', () => {
    const reflection = { promptId: 'p1', staffId: 'ailsa', answers: { impactfulLearning: 'A', howYouKnow: 'B', goalProgress: [], nextYearFocus: ['X'], standardAreas: [] }, status: 'submitted' as const, updatedAt: now, submittedAt: now };
    expectValidAdaptiveCard(renderReflectionReadCard(reflectionReadCardData({ prompt, reflection, ownView: true, open: true })));
    expectValidAdaptiveCard(renderReflectionReadCard(reflectionReadCardData({ prompt, reflection: undefined, ownView: false, open: false })));
    const entries = Array.from({ length: 200 }, (_, i) => ({ staff: { id: `s${i}`, name: `Staff ${i}` }, manager: { id: 'm', name: 'Mia' } }));
    const card = renderLineManagementCard(lineManagementCardData({ entries }, { problems: { 'row 2': 'not a known member of the school' } }));
    expectValidAdaptiveCard(card);
    expect(text(card)).toContain('…and 50 more.');
    expect(text(card)).toContain('row 2: not a known member');
    expect(text(card).length).toBeLessThan(40_000);
  });
});

describe('reading what the reflection cards send', () => {
  it('a CSV with a header, quotes and blank lines gives one row per pair', () => {
    expect(parseLineManagementCsv('Staff,Line manager\n"Reid, Ailsa",Mia Reid\n\nbea@school.scot , Mia Reid\n')).toEqual({
      rows: [
        { staff: 'Reid, Ailsa', manager: 'Mia Reid', line: 2 },
        { staff: 'bea@school.scot', manager: 'Mia Reid', line: 4 },
      ],
    });
  });

  it('a CSV row without a manager or staff member is a problem by line number', () => {
    expect(parseLineManagementCsv('Ailsa Reid\nBea,Mia\n\n,Mia\n,')).toEqual({
      problems: { 'line 1': 'missing line manager for "Ailsa Reid"', 'line 4': 'missing staff member', 'line 5': 'give two values: staff, line manager' },
    });
  });

  it('the reflection form maps goal boxes back to goals and areas back to their names', () => {
    const parsed = parseReflectionForm(
      { promptId: 'p1', submit: 'true', goals: JSON.stringify([{ id: 'g1', title: 'Questioning' }]), goal_0: 'Half way', impactfulLearning: 'A', howYouKnow: 'B', nextYearFocus: 'X\r\nY', standardAreas: '0,2' },
      gtcsStandardAreas,
    );
    expect(parsed.answers).toEqual({
      impactfulLearning: 'A',
      howYouKnow: 'B',
      goalProgress: [{ goalId: 'g1', goalTitle: 'Questioning', progress: 'Half way' }],
      nextYearFocus: ['X', 'Y'],
      standardAreas: [gtcsStandardAreas[0], gtcsStandardAreas[2]],
    });
    expect(parsed.submit).toBe(true);
  });

  it('a reflection form with a broken shape is refused', () => {
    expect(() => parseReflectionForm({ promptId: 'p1', submit: 'maybe', goals: '[]' }, gtcsStandardAreas)).toThrow();
    expect(() => parseReflectionForm({ promptId: 'p1', submit: 'true', goals: 'not json' }, gtcsStandardAreas)).toThrow();
  });
});
