import { Card, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { FormEvent, useState } from 'react';
import { ApiError, Goal, Me } from './api';
import { FormFooter, today, useFormFocus, useFormStyles } from './forms';

type Entry = { kind: string; title: string; date: string; hours: number; reflection: string; goalId: string | null };

/** CLPL that did not come through an offer (a course, peer observation, reading, enquiry), logged by its owner. */
export function LogForm({ me, goals, onSave, onCancel }: { me: Me; goals: Goal[]; onSave(entry: Entry): Promise<void>; onCancel(): void }) {
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
  const focus = useFormFocus(onCancel);
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
      <form {...focus} className={styles.stack} onSubmit={onSubmit} aria-label="Log other CLPL">
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
        <FormFooter error={error} fieldErrors={fields} busy={busy} saveLabel="Save" onCancel={onCancel} />
      </form>
    </Card>
  );
}
