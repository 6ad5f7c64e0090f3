import { ConfigError, loadConfig } from '../bot/config';
import { defaultTerms } from '../bot/domain/terms';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ CLPL_LOCAL: '1', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration of attendance, feedback and the impact report', () => {
  it('defaults: 35 hours a year, feedback asked an hour after the end and open 14 days, 5 responses to show', () => {
    const { evidence } = loadConfig({ CLPL_LOCAL: '1' });
    expect(evidence).toEqual({
      yearlyTargetHours: 35,
      feedback: { requestDelayMs: 3_600_000, openForMs: 14 * 86_400_000, reminderAfterMs: 3 * 86_400_000 },
      followUp: { defaultWeeks: 6, openForMs: 21 * 86_400_000, reminderAfterMs: 7 * 86_400_000 },
      minResponsesToShow: 5,
      terms: defaultTerms,
      timeZone: 'Europe/London',
    });
  });

  it('reads every setting, and term dates as name and month-days', () => {
    const { evidence } = loadConfig({
      CLPL_LOCAL: '1',
      CLPL_YEARLY_HOURS: '17.5',
      CLPL_FEEDBACK_DELAY_HOURS: '2',
      CLPL_FEEDBACK_OPEN_DAYS: '7',
      CLPL_FEEDBACK_REMINDER_DAYS: '2',
      CLPL_MIN_RESPONSES_TO_SHOW: '3',
      CLPL_FOLLOW_UP_WEEKS: '4',
      CLPL_FOLLOW_UP_OPEN_DAYS: '10',
      CLPL_FOLLOW_UP_REMINDER_DAYS: '5',
      CLPL_TERMS: 'Autumn 08-18..12-22; Spring 01-06..03-27;Summer 04-13..06-26',
    });
    expect(evidence).toMatchObject({ yearlyTargetHours: 17.5, minResponsesToShow: 3, feedback: { requestDelayMs: 7_200_000, openForMs: 7 * 86_400_000, reminderAfterMs: 2 * 86_400_000 } });
    expect(evidence.followUp).toEqual({ defaultWeeks: 4, openForMs: 10 * 86_400_000, reminderAfterMs: 5 * 86_400_000 });
    expect(problemsOf({ CLPL_FOLLOW_UP_WEEKS: '2.5' })).toEqual([expect.stringContaining('CLPL_FOLLOW_UP_WEEKS')]);
    expect(evidence.terms).toEqual([
      { name: 'Autumn', from: '08-18', to: '12-22' },
      { name: 'Spring', from: '01-06', to: '03-27' },
      { name: 'Summer', from: '04-13', to: '06-26' },
    ]);
  });

  it('reports each bad setting', () => {
    expect(problemsOf({ CLPL_MIN_RESPONSES_TO_SHOW: '0' })).toEqual([expect.stringContaining('CLPL_MIN_RESPONSES_TO_SHOW')]);
    expect(problemsOf({ CLPL_TERMS: 'Autumn 08-18..13-01; Spring 02-30..03-27' })).toEqual([expect.stringContaining('"Autumn 08-18..13-01"'), expect.stringContaining('"Spring 02-30..03-27"')]);
    expect(problemsOf({ CLPL_FEEDBACK_DELAY_HOURS: '48', CLPL_FEEDBACK_OPEN_DAYS: '1' })).toEqual([expect.stringContaining('CLPL_FEEDBACK_DELAY_HOURS must be shorter')]);
  });
});
