import { Button, Card, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Spinner, Text, Textarea, Title3 } from '@fluentui/react-components';
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { Api, ApiError, ClplRecord, Goal, Me } from './api';
import { formatDate, today, useFormStyles } from './GoalsView';
import { WorkPatternForm } from './WorkPatternForm';

function when(startsAt: string, endsAt: string, timeZone: string): string {
  const day = new Date(startsAt).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  return `${day}, ${time(startsAt)}–${time(endsAt)}`;
}

function day(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
}

function standingText(standing: string): string {
  if (standing === 'confirmed') return 'Place confirmed';
  if (standing.startsWith('waitlisted:')) return `Waitlist, number ${standing.split(':')[1]}`;
  return standing;
}

export function ClplView({ api, me }: { api: Api; me: Me }) {
  const styles = useFormStyles();
  const [record, setRecord] = useState<ClplRecord | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [logging, setLogging] = useState(false);

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
  const { hours } = record;

  return (
    <div className={styles.stack}>
      <section aria-labelledby="hours-heading">
        <Title3 as="h1" id="hours-heading" className={styles.heading}>
          Hours in {hours.year}
        </Title3>
        <Card>
          <Field label={`${hours.totalHours} of ${hours.targetHours} hours`} hint={`${hours.attendedHours} h at sessions, ${hours.loggedHours} h logged by you`}>
            <ProgressBar value={Math.min(1, hours.totalHours / hours.targetHours)} thickness="large" />
          </Field>
          <WorkPatternForm key={record.ftePercent} label="My share of full time" ftePercent={record.ftePercent} onSave={async (fte) => setRecord(await api.setMyWorkPattern(fte))} />
        </Card>
      </section>

      <section aria-labelledby="upcoming-heading">
        <Title3 as="h2" id="upcoming-heading" className={styles.heading}>
          Upcoming sessions
        </Title3>
        {record.upcoming.length === 0 ? (
          <Text as="p">You have no upcoming sessions. Offers are posted in your school's CLPL channel.</Text>
        ) : (
          <div className={styles.stack} role="list" aria-label="Upcoming sessions">
            {record.upcoming.map((s) => (
              <Card key={s.offerId} role="listitem" aria-label={s.title}>
                <Text weight="semibold">{s.title}</Text>
                <Text>
                  {when(s.startsAt, s.endsAt, s.timeZone)}
                  {s.location ? ` · ${s.location}` : ''} · {standingText(s.standing)}
                </Text>
                <div className={styles.row}>
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
                </div>
              </Card>
            ))}
          </div>
        )}
      </section>

      {record.calendarFeedUrl && (
        <Card>
          <Text weight="semibold">Your sessions in your calendar</Text>
          <Text>
            In Outlook choose <em>Add calendar → Subscribe from web</em> and paste this private address; it stays up to date. Keep it to yourself.
          </Text>
          <div className={styles.row}>
            <Input readOnly value={record.calendarFeedUrl} aria-label="Your private calendar address" style={{ flexGrow: 1 }} onFocus={(e) => e.target.select()} />
            <Button onClick={() => void navigator.clipboard?.writeText(record.calendarFeedUrl ?? '')}>Copy address</Button>
          </div>
        </Card>
      )}

      <section aria-labelledby="feedback-heading">
        <Title3 as="h2" id="feedback-heading" className={styles.heading}>
          Awaiting your feedback
        </Title3>
        {record.awaitingFeedback.length === 0 ? (
          <Text as="p">No sessions are waiting for your feedback.</Text>
        ) : (
          <ul className={styles.list} aria-label="Sessions awaiting feedback">
            {record.awaitingFeedback.map((s) => (
              <li key={s.offerId}>
                <Text>
                  {s.title} ({day(s.startsAt, s.timeZone)}): give feedback in your chat with the CLPL bot by {day(s.closesAt, s.timeZone)}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="attended-heading">
        <Title3 as="h2" id="attended-heading" className={styles.heading}>
          Sessions attended
        </Title3>
        {record.attended.length === 0 ? (
          <Text as="p">No sessions attended this year yet. Attendance appears here once the facilitator marks it.</Text>
        ) : (
          <ul className={styles.list} aria-label="Sessions attended">
            {record.attended.map((s) => (
              <li key={s.offerId}>
                <Text>
                  {day(s.startsAt, s.timeZone)} · {s.title} ({s.hours} h)
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="logged-heading">
        <div className={styles.toolbar}>
          <Title3 as="h2" id="logged-heading">
            Other CLPL
          </Title3>
          {!logging && <Button onClick={() => setLogging(true)}>Log other CLPL</Button>}
        </div>
        {logging && (
          <LogForm
            me={me}
            goals={goals}
            onCancel={() => setLogging(false)}
            onSave={async (entry) => {
              await api.logActivity(entry);
              setLogging(false);
              load();
            }}
          />
        )}
        {record.activities.length === 0 ? (
          <Text as="p">Nothing logged this year. Log courses, peer observations, professional reading and enquiry here: they count toward your hours.</Text>
        ) : (
          <ul className={styles.list} aria-label="Logged CLPL">
            {record.activities.map((a) => (
              <li key={a.id}>
                <Text>
                  {formatDate(a.date)} · {a.kindLabel}: {a.title} ({a.hours} h)
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

type Entry = { kind: string; title: string; date: string; hours: number; reflection: string; goalId: string | null };

function LogForm({ me, goals, onSave, onCancel }: { me: Me; goals: Goal[]; onSave(entry: Entry): Promise<void>; onCancel(): void }) {
  const styles = useFormStyles();
  const [kind, setKind] = useState(me.activityKinds[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [hoursText, setHours] = useState('1');
  const [reflection, setReflection] = useState('');
  const [goalId, setGoalId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const fields = error instanceof ApiError ? error.fields : {};
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ kind, title, date, hours: Number(hoursText), reflection, goalId: goalId || null });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <form className={styles.stack} onSubmit={onSubmit} aria-label="Log other CLPL">
        <Field label="Kind of CLPL" required validationMessage={fields.kind}>
          <Select value={kind} onChange={(_e, d) => setKind(d.value)}>
            {me.activityKinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="What was it?" required validationMessage={fields.title}>
          <Input value={title} onChange={(_e, d) => setTitle(d.value)} maxLength={200} />
        </Field>
        <div className={styles.row}>
          <Field label="Date" required validationMessage={fields.date}>
            <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
          </Field>
          <Field label="Hours" required validationMessage={fields.hours}>
            <Input type="number" min={0.25} step={0.25} value={hoursText} onChange={(_e, d) => setHours(d.value)} />
          </Field>
        </div>
        <Field label="Short reflection" validationMessage={fields.reflection}>
          <Textarea value={reflection} onChange={(_e, d) => setReflection(d.value)} resize="vertical" />
        </Field>
        <Field label="Evidence for a goal" validationMessage={fields.goalId}>
          <Select value={goalId} onChange={(_e, d) => setGoalId(d.value)}>
            <option value="">No goal</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </Select>
        </Field>
        {error && !Object.keys(fields).length && (
          <MessageBar intent="error">
            <MessageBarBody>{error.message}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
