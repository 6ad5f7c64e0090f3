import { Badge, Card, CardHeader, Field, MessageBar, MessageBarBody, ProgressBar, Select, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Api, GoalStatus, ReportView } from './api';
import { formatDate, useFormStyles } from './GoalsView';

// A report's goals may also be `proposed`: drafted in their PRD reflection, to be agreed at the meeting.
const statusText: Record<GoalStatus | 'proposed', string> = { proposed: 'Proposed', not_started: 'Not started', in_progress: 'In progress', achieved: 'Achieved' };
const statusColour = { proposed: 'warning', not_started: 'informative', in_progress: 'brand', achieved: 'success' } as const;

function day(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
}

/** A line manager's read-only view of a direct report's goals and CLPL record, for the PRD meeting. */
export function TeamView({ api, reports }: { api: Api; reports: { id: string; name: string }[] }) {
  const styles = useFormStyles();
  const [selected, setSelected] = useState<string>(reports[0]?.id ?? '');
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setView(null);
    setError(null);
    if (!selected) return;
    let current = true;
    api.teamMember(selected).then(
      (v) => current && setView(v),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [api, selected]);

  if (reports.length === 0) return <Text as="p">You have no direct reports.</Text>;

  return (
    <div className={styles.stack}>
      <Title3 as="h1" className={styles.heading}>
        My team
      </Title3>
      <Text as="p" className={styles.muted}>
        Your direct reports' goals and CLPL record, to read before a PRD meeting. Only they can change them.
      </Text>
      <Field label="Direct report">
        <Select value={selected} onChange={(_e, data) => setSelected(data.value)}>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>This record could not be loaded. {error}</MessageBarBody>
        </MessageBar>
      )}
      {!error && !view && <Spinner label="Loading…" />}
      {view && (
        <>
          <section aria-labelledby="team-hours-heading">
            <Title3 as="h2" id="team-hours-heading" className={styles.heading}>
              {view.person.name}: hours in {view.record.hours.year}
            </Title3>
            <Card>
              <Field
                label={`${view.record.hours.totalHours} of ${view.record.hours.targetHours} hours`}
                hint={`${view.record.hours.attendedHours} h at sessions, ${view.record.hours.loggedHours} h logged · ${view.record.ftePercent}% of full time`}
              >
                <ProgressBar value={Math.min(1, view.record.hours.totalHours / (view.record.hours.targetHours || 1))} thickness="large" />
              </Field>
            </Card>
          </section>
          <section aria-labelledby="team-goals-heading">
            <Title3 as="h2" id="team-goals-heading" className={styles.heading}>
              Goals
            </Title3>
            {view.goals.length === 0 ? (
              <Text as="p">No goals yet.</Text>
            ) : (
              <div className={styles.stack} role="list" aria-label={`${view.person.name}'s goals`}>
                {view.goals.map((goal) => (
                  <Card key={goal.id} role="listitem" aria-label={goal.title}>
                    <CardHeader
                      header={<Text weight="semibold">{goal.title}</Text>}
                      description={
                        <Text className={styles.muted}>
                          {goal.standardArea}
                          {goal.targetDate ? ` · Target ${formatDate(goal.targetDate)}` : ''}
                        </Text>
                      }
                      action={
                        <Badge appearance="tint" color={statusColour[goal.status]} style={{ whiteSpace: 'nowrap' }}>
                          {statusText[goal.status]}
                        </Badge>
                      }
                    />
                    {goal.successCriteria && <Text>Success looks like: {goal.successCriteria}</Text>}
                    {goal.progressNotes.length > 0 && (
                      <ul className={styles.list}>
                        {goal.progressNotes.map((note, i) => (
                          <li key={i}>
                            <Text className={styles.muted}>{formatDate(note.date)}: </Text>
                            <Text>{note.text}</Text>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Card>
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="team-attended-heading">
            <Title3 as="h2" id="team-attended-heading" className={styles.heading}>
              Attended sessions
            </Title3>
            {view.record.attended.length === 0 ? (
              <Text as="p">No attended sessions this year.</Text>
            ) : (
              <ul className={styles.list} aria-label="Attended sessions">
                {view.record.attended.map((s) => (
                  <li key={s.offerId}>
                    <Text>
                      {s.title} · {day(s.startsAt, s.timeZone)} · {s.hours} h
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="team-logged-heading">
            <Title3 as="h2" id="team-logged-heading" className={styles.heading}>
              Other CLPL logged
            </Title3>
            {view.record.activities.length === 0 ? (
              <Text as="p">Nothing logged.</Text>
            ) : (
              <ul className={styles.list} aria-label="Other CLPL logged">
                {view.record.activities.map((a) => (
                  <li key={a.id}>
                    <Text>
                      {a.kindLabel}: {a.title} · {formatDate(a.date)} · {a.hours} h
                    </Text>
                    {a.reflection && <Text className={styles.muted}> — {a.reflection}</Text>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
