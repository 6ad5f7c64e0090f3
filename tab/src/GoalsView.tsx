import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  Title3,
} from '@fluentui/react-components';
import { FormEvent, useCallback, useEffect, useState } from 'react';
import { Api, ApiError, ClplRecord, EvidenceInput, Goal, Me } from './api';
import { GoalSummary, isProposed } from './GoalSummary';
import { FormFooter, today, useFormFocus, useFormStyles, useFormToggle } from './forms';


export function GoalsView({ api, me }: { api: Api; me: Me }) {
  const styles = useFormStyles();
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const forms = useFormToggle<'add'>();
  const adding = forms.open === 'add';

  const load = useCallback(() => {
    setError(null);
    api.goals().then(
      (r) => setGoals(r.goals),
      (e: Error) => setError(e.message),
    );
  }, [api]);
  useEffect(load, [load]);

  const replace = (goal: Goal) => setGoals((current) => (current ?? []).map((g) => (g.id === goal.id ? goal : g)));

  return (
    <section aria-labelledby="goals-heading">
      <div className={styles.toolbar}>
        <Title3 as="h1" id="goals-heading">
          My goals
        </Title3>
        {!adding && (
          <Button appearance="primary" ref={forms.opener('add')} onClick={() => forms.show('add')}>
            Add goal
          </Button>
        )}
      </div>
      {adding && (
        <GoalForm
          me={me}
          onCancel={forms.close}
          onSave={async (draft) => {
            const { goal } = await api.addGoal(draft);
            setGoals((current) => [...(current ?? []), goal]);
            forms.close();
          }}
        />
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>Your goals could not be loaded. {error}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={load}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!goals && !error && <Spinner label="Loading your goals…" />}
      {goals && goals.length === 0 && !adding && (
        <Card>
          <Text weight="semibold">No goals yet</Text>
          <Text>Add the goals you agreed at your Professional Review and Development meeting, then record your progress as the year goes on.</Text>
        </Card>
      )}
      <div className={styles.stack} role="list" aria-label="Goals">
        {goals?.map((goal) => (
          <GoalCard key={goal.id} goal={goal} api={api} me={me} onChange={replace} onStale={load} />
        ))}
      </div>
    </section>
  );
}

type Draft = { title: string; successCriteria: string; standardArea: string; targetDate: string | null };

function GoalCard({ goal, api, me, onChange, onStale }: { goal: Goal; api: Api; me: Me; onChange(goal: Goal): void; onStale(): void }) {
  const styles = useFormStyles();
  const forms = useFormToggle<'note' | 'edit' | 'evidence'>();
  const mode = forms.open ?? 'view';
  const close = forms.close;
  // A stale version means someone (or another window) changed the goal: reload so the person sees the latest.
  const saving = async <T,>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onStale();
      throw e;
    }
  };
  const [error, setError] = useState<string | null>(null);
  /** Every form's save: one call that returns the goal as stored, then back to the view. */
  const saveWith = async (call: () => Promise<{ goal: Goal }>) => {
    setError(null);
    const { goal: saved } = await saving(call);
    onChange(saved);
    close();
  };
  /** Accept and Mark achieved remove their own button: the focus moves to the first of the goal's actions instead. */
  const changed = (saved: Goal) => {
    onChange(saved);
    forms.focusOpener('note');
  };
  const failed = (e: unknown) => {
    setError(e instanceof Error ? e.message : String(e));
    if (e instanceof ApiError && e.status === 409) onStale();
  };

  return (
    <Card role="listitem" aria-label={goal.title}>
      <GoalSummary goal={goal} own />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {mode === 'note' && (
        <ProgressForm
          goal={goal}
          onCancel={close}
          onSave={(note) => saveWith(() => api.addProgress(goal.id, { version: goal.version, ...note }))}
        />
      )}
      {mode === 'edit' && (
        <GoalForm
          me={me}
          initial={goal}
          onCancel={close}
          onSave={(draft) => saveWith(() => api.editGoal(goal.id, { version: goal.version, ...draft }))}
        />
      )}
      {mode === 'evidence' && (
        <EvidenceForm
          goal={goal}
          api={api}
          onCancel={close}
          onSave={(evidence) => saveWith(() => api.addEvidence(goal.id, { version: goal.version, ...evidence }))}
        />
      )}
      {mode === 'view' && (
        <div className={styles.row}>
          <Button ref={forms.opener('note')} onClick={() => forms.show('note')}>
            Update progress
          </Button>
          <Button ref={forms.opener('edit')} onClick={() => forms.show('edit')}>
            Edit goal
          </Button>
          <Button ref={forms.opener('evidence')} onClick={() => forms.show('evidence')}>
            Add evidence
          </Button>
          {isProposed(goal) && (
            <Button onClick={() => api.editGoal(goal.id, { version: goal.version, status: 'not_started' }).then((r) => changed(r.goal), failed)}>Accept goal</Button>
          )}
          {goal.status !== 'achieved' && (
            <Button
              appearance="subtle"
              onClick={() => api.editGoal(goal.id, { version: goal.version, status: 'achieved' }).then((r) => changed(r.goal), failed)}
            >
              Mark achieved
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}

function useSubmit<T>(save: (value: T) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const submit = async (value: T) => {
    setBusy(true);
    setError(null);
    try {
      await save(value);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const fields = error instanceof ApiError ? error.fields : {};
  return { busy, error, fields, submit };
}

/** Adds a goal, or edits one when `initial` is given. */
function GoalForm({ me, initial, onSave, onCancel }: { me: Me; initial?: Goal; onSave(draft: Draft): Promise<void>; onCancel(): void }) {
  const styles = useFormStyles();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [successCriteria, setSuccessCriteria] = useState(initial?.successCriteria ?? '');
  const [standardArea, setStandardArea] = useState(initial?.standardArea ?? me.standardAreas[0] ?? '');
  const [targetDate, setTargetDate] = useState(initial?.targetDate ?? '');
  const { busy, error, fields, submit } = useSubmit(onSave);
  const focus = useFormFocus(onCancel);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit({ title, successCriteria, standardArea, targetDate: targetDate || null });
  };
  return (
    <Card>
      <form {...focus} className={styles.stack} onSubmit={onSubmit} aria-label={initial ? `Edit ${initial.title}` : 'New goal'}>
        <Field label="Goal title" required validationMessage={fields.title}>
          <Input value={title} onChange={(_e, d) => setTitle(d.value)} maxLength={200} />
        </Field>
        <Field label="What success looks like" validationMessage={fields.successCriteria}>
          <Textarea value={successCriteria} onChange={(_e, d) => setSuccessCriteria(d.value)} resize="vertical" />
        </Field>
        <Field label="GTCS Professional Standards area" required validationMessage={fields.standardArea}>
          <Select value={standardArea} onChange={(_e, d) => setStandardArea(d.value)}>
            {me.standardAreas.map((area) => (
              <option key={area}>{area}</option>
            ))}
          </Select>
        </Field>
        <Field label="Target date" validationMessage={fields.targetDate}>
          <Input type="date" value={targetDate} onChange={(_e, d) => setTargetDate(d.value)} />
        </Field>
        <FormFooter error={error} fieldErrors={fields} busy={busy} saveLabel={initial ? 'Save changes' : 'Save goal'} onCancel={onCancel} />
      </form>
    </Card>
  );
}

function ProgressForm({ goal, onSave, onCancel }: { goal: Goal; onSave(note: { text: string; date: string; achieved: boolean }): Promise<void>; onCancel(): void }) {
  const styles = useFormStyles();
  const [text, setText] = useState('');
  const [date, setDate] = useState(today());
  const [achieved, setAchieved] = useState(false);
  const { busy, error, fields, submit } = useSubmit(onSave);
  const focus = useFormFocus(onCancel);
  return (
    <form
      {...focus}
      className={styles.stack}
      aria-label={`Progress on ${goal.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ text, date, achieved });
      }}
    >
      <Field label="Progress note" required validationMessage={fields.text}>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Field label="Date" validationMessage={fields.date}>
          <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
        </Field>
        {goal.status !== 'achieved' && <Checkbox label="This goal is now achieved" checked={achieved} onChange={(_e, d) => setAchieved(Boolean(d.checked))} />}
      </div>
      <FormFooter error={error} fieldErrors={fields} busy={busy} saveLabel="Save progress" onCancel={onCancel} />
    </form>
  );
}

/** Evidence added by hand: a web address with a label, or a session the person attended this year. */
function EvidenceForm({ goal, api, onSave, onCancel }: { goal: Goal; api: Api; onSave(evidence: EvidenceInput): Promise<void>; onCancel(): void }) {
  const styles = useFormStyles();
  const [kind, setKind] = useState<'link' | 'session'>('link');
  const [ref, setRef] = useState('');
  const [label, setLabel] = useState('');
  const [attended, setAttended] = useState<ClplRecord['attended'] | null>(null);
  const { busy, error, fields, submit } = useSubmit(onSave);
  const focus = useFormFocus(onCancel);
  useEffect(() => {
    if (kind === 'session' && !attended) api.record().then((r) => setAttended(r.attended), () => setAttended([]));
  }, [kind, attended, api]);
  return (
    <form
      {...focus}
      className={styles.stack}
      aria-label={`Evidence for ${goal.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(kind === 'link' ? { kind, ref, label } : { kind, ref });
      }}
    >
      <Field label="Kind of evidence">
        <Select
          value={kind}
          onChange={(_e, d) => {
            setKind(d.value as 'link' | 'session');
            setRef('');
          }}
        >
          <option value="link">A web link</option>
          <option value="session">A session I attended</option>
        </Select>
      </Field>
      {kind === 'link' ? (
        <>
          <Field label="Web address" required validationMessage={fields.ref} hint="An https:// address, e.g. a document in OneDrive or SharePoint">
            <Input type="url" value={ref} onChange={(_e, d) => setRef(d.value)} />
          </Field>
          <Field label="Label" required validationMessage={fields.label}>
            <Input value={label} onChange={(_e, d) => setLabel(d.value)} maxLength={200} />
          </Field>
        </>
      ) : !attended ? (
        <Spinner size="tiny" label="Loading your sessions…" />
      ) : attended.length === 0 ? (
        <Text>No sessions attended this year yet.</Text>
      ) : (
        <Field label="Session" required validationMessage={fields.ref}>
          <Select value={ref} onChange={(_e, d) => setRef(d.value)}>
            <option value="">Choose a session</option>
            {attended.map((s) => (
              <option key={s.offerId} value={s.offerId}>
                {s.title} ({new Date(s.startsAt).toLocaleDateString('en-GB', { timeZone: s.timeZone })})
              </option>
            ))}
          </Select>
        </Field>
      )}
      <FormFooter error={error} fieldErrors={fields} busy={busy} saveLabel="Add evidence" onCancel={onCancel} />
    </form>
  );
}
