import { Text } from '@fluentui/react-components';
import { ReactNode } from 'react';
import { RecordView } from '../api';
import { formatDate, useFormStyles } from '../forms';
import { Section } from './Section';

/** CLPL logged by the person themselves. `toolbar` and `children` are the owner's "Log other CLPL" button and form. */
export function LoggedActivities({ activities, own, toolbar, children }: { activities: RecordView['activities']; own: boolean; toolbar?: ReactNode; children?: ReactNode }) {
  const styles = useFormStyles();
  return (
    <Section title="Other CLPL" toolbar={toolbar}>
      {children}
      {activities.length === 0 ? (
        <Text as="p">
          {own ? 'Nothing logged this year. Log courses, peer observations, professional reading and enquiry here: they count toward your hours.' : 'Nothing logged this year.'}
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Logged CLPL">
          {activities.map((a) => (
            <li key={a.id}>
              <Text>
                {formatDate(a.date)} · {a.kindLabel}: {a.title} ({a.hours} h)
              </Text>
              {a.reflection && <Text className={styles.muted}> — {a.reflection}</Text>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
