import { Text } from '@fluentui/react-components';
import { RecordView } from '../api';
import { useFormStyles } from '../forms';
import { Section } from './Section';
import { day } from './format';

/** Attended sessions whose feedback window is still open: the owner is told where to answer, anyone else only until when. */
export function AwaitingFeedback({ sessions, own }: { sessions: RecordView['awaitingFeedback']; own: boolean }) {
  const styles = useFormStyles();
  return (
    <Section title={own ? 'Awaiting your feedback' : 'Awaiting their feedback'}>
      {sessions.length === 0 ? (
        <Text as="p">{own ? 'No sessions are waiting for your feedback.' : 'No sessions are waiting for their feedback.'}</Text>
      ) : (
        <ul className={styles.list} aria-label="Sessions awaiting feedback">
          {sessions.map((s) => (
            <li key={s.offerId}>
              <Text>
                {s.title} ({day(s.startsAt, s.timeZone)}):{' '}
                {own ? `give feedback in your chat with the CLPL bot by ${day(s.closesAt, s.timeZone)}` : `feedback open until ${day(s.closesAt, s.timeZone)}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
