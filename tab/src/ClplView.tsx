import { Button, Card, Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { Api, ClplRecord, Goal, Me } from './api';
import { useFormStyles, useFormToggle } from './forms';
import { LogForm } from './LogForm';
import { HoursSection } from './record/HoursSection';
import { RecordSessions } from './record/RecordSessions';
import { RecordDownloads } from './record/RecordDownloads';
import { PracticeFollowUps } from './record/PracticeFollowUps';
import { WorkPatternForm } from './WorkPatternForm';

export function ClplView({ api, me }: { api: Api; me: Me }) {
  const styles = useFormStyles();
  const [record, setRecord] = useState<ClplRecord | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [error, setError] = useState<string | null>(null);
  const forms = useFormToggle<'log'>();
  const logging = forms.open === 'log';

  const load = useCallback(() => {
    setError(null);
    api.record().then(setRecord, (e: Error) => setError(e.message));
    api.goals().then((r) => setGoals(r.goals), () => setGoals([]));
  }, [api]);
  useEffect(load, [load]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>Your CLPL record could not be loaded. {error}</MessageBarBody>
      </MessageBar>
    );
  if (!record) return <Spinner label="Loading your CLPL…" />;
  return (
    <div className={styles.stack}>
      <HoursSection title={`Hours in ${record.hours.year}`} as="h1" record={record} own>
        <WorkPatternForm key={record.ftePercent} label="My share of full time" ftePercent={record.ftePercent} onSave={async (fte) => setRecord(await api.setMyWorkPattern(fte))} />
      </HoursSection>
      <RecordSessions
        record={record}
        own
        sessionActions={(s) => (
          <>
            {s.calendarUrl && (
              <a href={s.calendarUrl} aria-label={`Add ${s.title} to your calendar`}>
                Add to calendar
              </a>
            )}
            {s.onlineLink && (
              <a href={s.onlineLink} target="_blank" rel="noreferrer">
                Join online
              </a>
            )}
            <Button onClick={() => api.withdraw(s.offerId).then(setRecord, (e: Error) => setError(e.message))}>Withdraw</Button>
          </>
        )}
        afterUpcoming={
          <>
            {record.calendarFeedUrl && <CalendarFeed url={record.calendarFeedUrl} />}
            {record.followUps && <PracticeFollowUps followUps={record.followUps} />}
          </>
        }
        loggedToolbar={
          !logging && (
            <Button ref={forms.opener('log')} onClick={() => forms.show('log')}>
              Log other CLPL
            </Button>
          )
        }
        loggedForm={
          logging && (
            <LogForm
              me={me}
              goals={goals}
              onCancel={forms.close}
              onSave={async (entry) => {
                await api.logActivity(entry);
                forms.close();
                load();
              }}
            />
          )
        }
      />
      <RecordDownloads api={api} />
    </div>
  );
}

/** The person's private calendar subscription address: theirs alone, so only ever on their own record. */
function CalendarFeed({ url }: { url: string }) {
  const styles = useFormStyles();
  return (
    <Card>
      <Text weight="semibold">Your sessions in your calendar</Text>
      <Text>
        In Outlook choose <em>Add calendar → Subscribe from web</em> and paste this private address; it stays up to date. Keep it to yourself.
      </Text>
      <div className={styles.row}>
        <Input readOnly value={url} aria-label="Your private calendar address" style={{ flexGrow: 1 }} onFocus={(e) => e.target.select()} />
        <Button onClick={() => void navigator.clipboard?.writeText(url)}>Copy address</Button>
      </div>
    </Card>
  );
}
