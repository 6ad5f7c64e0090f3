import { Text } from '@fluentui/react-components';
import { RecordView } from '../api';
import { useFormStyles } from '../forms';
import { Section } from './Section';
import { day } from './format';

export function AttendedSessions({ sessions, own }: { sessions: RecordView['attended']; own: boolean }) {
  const styles = useFormStyles();
  return (
    <Section title="Sessions attended">
      {sessions.length === 0 ? (
        <Text as="p">{own ? 'No sessions attended this year yet. Attendance appears here once the facilitator marks it.' : 'No sessions attended this year yet.'}</Text>
      ) : (
        <ul className={styles.list} aria-label="Sessions attended">
          {sessions.map((s) => (
            <li key={s.offerId}>
              <Text>
                {day(s.startsAt, s.timeZone)} · {s.title} ({s.hours} h)
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
