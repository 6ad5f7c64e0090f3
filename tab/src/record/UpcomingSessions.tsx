import { Card, Text } from '@fluentui/react-components';
import { ReactNode } from 'react';
import { RecordView } from '../api';
import { useFormStyles } from '../forms';
import { Section } from './Section';
import { standingText, when } from './format';

type Session = RecordView['upcoming'][number];

/** Sessions the person holds a place or waitlist number on. `actions` is only given for one's own (withdraw, calendar). */
export function UpcomingSessions<S extends Session>({ sessions, own, actions }: { sessions: S[]; own: boolean; actions?: (session: S) => ReactNode }) {
  const styles = useFormStyles();
  return (
    <Section title="Upcoming sessions">
      {sessions.length === 0 ? (
        <Text as="p">{own ? "You have no upcoming sessions. Offers are posted in your school's CLPL channel." : 'No upcoming sessions.'}</Text>
      ) : (
        <div className={styles.stack} role="list" aria-label="Upcoming sessions">
          {sessions.map((s) => (
            <Card key={s.offerId} role="listitem" aria-label={s.title}>
              <Text weight="semibold">{s.title}</Text>
              <Text>
                {when(s.startsAt, s.endsAt, s.timeZone)}
                {s.location ? ` · ${s.location}` : ''} · {standingText(s.standing)}
              </Text>
              {actions && <div className={styles.row}>{actions(s)}</div>}
            </Card>
          ))}
        </div>
      )}
    </Section>
  );
}
