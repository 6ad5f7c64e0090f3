import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';

export const useFormStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  toolbar: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', margin: `${tokens.spacingVerticalM} 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { display: 'block', margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
});

export function formatDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The end of every tab form: an error that belongs to no one field, then Save and Cancel. */
export function FormFooter({
  error,
  fieldErrors,
  busy,
  saveLabel,
  onCancel,
}: {
  error: Error | null;
  fieldErrors: Record<string, string | undefined>;
  busy: boolean;
  saveLabel: string;
  onCancel(): void;
}) {
  const styles = useFormStyles();
  return (
    <>
      {error && Object.keys(fieldErrors).length === 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : saveLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </>
  );
}
