import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';

export const useFormStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, justifyContent: 'space-between', alignItems: 'center', margin: `${tokens.spacingVerticalM} 0` },
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

/**
 * Which of a view's forms is open, for forms that take the place of the button that opened them. WCAG 2.4.3 (focus
 * order): when a form closes (Cancel, Escape, or saved) the focus goes back to its button, drawn again by then, rather
 * than to the page body. Give each button `ref={forms.opener(key)}`.
 */
export function useFormToggle<K extends string>() {
  const [open, setOpen] = useState<K | null>(null);
  const buttons = useRef(new Map<K, HTMLElement>());
  const focusNext = useRef<K | null>(null);
  useEffect(() => {
    const key = focusNext.current;
    const button = key && buttons.current.get(key);
    if (button) {
      focusNext.current = null;
      button.focus();
    }
  });
  const opener = useCallback(
    (key: K) => (element: HTMLElement | null) => {
      if (element) buttons.current.set(key, element);
      else buttons.current.delete(key);
    },
    [],
  );
  /** Closes the open form; the focus returns to its button. */
  const close = useCallback(() => {
    setOpen((current) => {
      focusNext.current = current;
      return null;
    });
  }, []);
  /** Puts the focus on a button once it is drawn: for an action that removes the button pressed (e.g. Mark achieved). */
  const [, redraw] = useState(0);
  const focusOpener = useCallback((key: K) => {
    focusNext.current = key;
    redraw((n) => n + 1);
  }, []);
  return { open, show: setOpen as (key: K) => void, close, opener, focusOpener };
}

/**
 * For a form shown in place of its button: the focus moves to its first field as it opens, and Escape cancels it,
 * as Cancel does. Spread onto the `<form>`.
 */
export function useFormFocus(onCancel: () => void) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    onCancel();
  };
  return { ref, onKeyDown };
}
