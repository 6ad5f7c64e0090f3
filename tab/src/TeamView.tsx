import { Card, Field, MessageBar, MessageBarBody, Select, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Api, ReportView } from './api';
import { useFormStyles } from './forms';
import { GoalSummary } from './GoalSummary';
import { HoursSection } from './record/HoursSection';
import { RecordSessions } from './record/RecordSessions';
import { Section } from './record/Section';

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
        Your direct reports' goals and CLPL record, to read before a PRD meeting. Only they can change them or their sessions.
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
          <HoursSection title={`${view.person.name}: hours in ${view.record.hours.year}`} record={view.record} own={false} />
          <Section title="Goals">
            {view.goals.length === 0 ? (
              <Text as="p">No goals yet.</Text>
            ) : (
              <div className={styles.stack} role="list" aria-label={`${view.person.name}'s goals`}>
                {view.goals.map((goal) => (
                  <Card key={goal.id} role="listitem" aria-label={goal.title}>
                    <GoalSummary goal={goal} own={false} />
                  </Card>
                ))}
              </div>
            )}
          </Section>
          <RecordSessions record={view.record} own={false} />
        </>
      )}
    </div>
  );
}
