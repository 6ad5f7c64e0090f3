import { Button, Field, Input } from '@fluentui/react-components';
import { FormEvent, useState } from 'react';
import { ApiError } from './api';
import { useFormStyles } from './forms';

/** Share of full time in whole percent; used for one's own pattern and by SLT for a colleague's. */
export function WorkPatternForm({ label, ftePercent, onSave }: { label: string; ftePercent: number; onSave(ftePercent: number): Promise<void> }) {
  const styles = useFormStyles();
  const [value, setValue] = useState(String(ftePercent));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      await onSave(Number(value));
    } catch (err) {
      setMessage(err instanceof ApiError ? (err.fields.ftePercent ?? err.message) : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.row} onSubmit={onSubmit} aria-label={label}>
      <Field label={label} hint="Percent of full time; the yearly CLPL target is pro rata" validationMessage={message}>
        <Input type="number" min={10} max={100} step={1} value={value} onChange={(_e, d) => setValue(d.value)} contentAfter="%" />
      </Field>
      <Button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save share'}
      </Button>
    </form>
  );
}
